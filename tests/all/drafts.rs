//! Drafts: every draft (and note) of session 80's committees, page text and official PDF, read,
//! written as XSD-valid AKN that reads back the same, its tabling line taken apart; and a draft
//! in the store meets the resolutions whose workflow names it.

use crate::common::*;
use std::path::{Path, PathBuf};
use unakn::model::*;
use unakn::store::{ResultFormat, Store};
use unakn::vocab::Base;

/// Parses as `unakn convert` does, the file's name at hand (a PDF may draw its symbol).
fn parse_file(path: &Path) -> Result<Document, String> {
    let bytes = std::fs::read(path).unwrap();
    unakn::parse::parse_named(&path.display().to_string(), &bytes)
        .map(|(doc, _)| doc)
        .map_err(|e| e.to_string())
}

/// The document without its spans (a reader of AKN knows no offsets of the text).
fn without_spans(doc: &Document) -> serde_json::Value {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                map.remove("span");
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(doc).unwrap();
    strip(&mut v);
    v
}

/// Where two values first differ: a path and both values there.
fn first_difference(a: &serde_json::Value, b: &serde_json::Value, at: &str) -> Option<String> {
    use serde_json::Value;
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            x.keys()
                .chain(y.keys())
                .find_map(|k| match (x.get(k), y.get(k)) {
                    (Some(p), Some(q)) => first_difference(p, q, &format!("{at}.{k}")),
                    (p, q) => Some(format!("{at}.{k}: {p:?} / {q:?}")),
                })
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (p, q))| first_difference(p, q, &format!("{at}[{i}]"))),
        _ if a == b => None,
        _ => {
            let cut = |v: &Value| v.to_string().chars().take(300).collect::<String>();
            Some(format!("{at}: {} / {}", cut(a), cut(b)))
        }
    }
}

#[test]
fn every_draft_of_the_corpus_converts_valid_and_reads_back_the_same() {
    let Some(corpus) = corpus() else { return };
    let dir = conformance_dir().join("drafts");
    std::fs::create_dir_all(&dir).unwrap();
    let mut written: Vec<PathBuf> = Vec::new();
    let (mut drafts, mut sponsors, mut on_behalf, mut amendments, mut notes) = (0, 0, 0, 0, 0);
    let mut refused = Vec::new();
    for (folder, extension) in [("text", "txt"), ("pdf", "pdf")] {
        for path in files_with_extension(&corpus.join("ga-80-drafts").join(folder), extension) {
            let doc = match parse_file(&path) {
                Ok(doc) => doc,
                Err(e) => {
                    refused.push((path.file_stem().unwrap().to_owned(), e));
                    continue;
                }
            };
            let name = path.file_stem().unwrap().to_str().unwrap();
            let tabling = doc
                .tabling
                .as_ref()
                .unwrap_or_else(|| panic!("{name}: read as a draft, without its tabling line"));
            drafts += 1;
            assert_eq!(doc.symbol, name.replace('_', "/"), "{folder}/{name}");
            assert!(doc.number.is_empty(), "{name}: a draft has no number");
            assert!(!doc.act.title.is_empty(), "{folder}/{name}: no title");
            assert_eq!(doc.masthead.session, Some(80), "{folder}/{name}");
            let committee = doc.masthead.committee.as_deref().unwrap_or_default();
            assert!(
                committee.ends_with(" Committee"),
                "{folder}/{name}: committee {committee:?}"
            );
            // Every sponsor named is a State (or group) the line prints, or the officer.
            for s in &tabling.sponsors {
                assert!(tabling.statement.contains(s.as_str()), "{name}: {s}");
                assert!(
                    !s.contains(" and ")
                        || unakn::vocab::states::named(s).is_some()
                        || s.contains("Committee")
                        || s.contains("Group"),
                    "{folder}/{name}: {s:?} holds two names"
                );
            }
            sponsors += tabling.sponsors.len();
            on_behalf += usize::from(tabling.on_behalf_of.is_some());
            amendments += usize::from(tabling.draft == DraftKind::Amendment);
            notes += usize::from(tabling.draft == DraftKind::Note);
            if tabling.draft == DraftKind::Amendment {
                assert!(tabling.based_on.is_some(), "{name}: an amendment to what?");
            }
            // Its AKN reads back the same document.
            let mut xml = Vec::new();
            unakn::akn::write(&doc, &mut xml).unwrap();
            let back = unakn::parse::parse(&xml).unwrap().value;
            if let Some(at) = first_difference(&without_spans(&doc), &without_spans(&back), "") {
                panic!("{folder}/{name}: AKN does not read back the same: {at}");
            }
            let out = dir.join(format!("{folder}-{name}.akn.xml"));
            std::fs::write(&out, &xml).unwrap();
            written.push(out);
        }
    }
    // Every document of the folder reads: 168 drafts and the committees' three notes on their
    // organization of work (L.1), tabled beside them.
    assert!(refused.is_empty(), "{refused:#?}");
    assert_eq!(drafts, 2 * 171);
    assert_eq!(notes, 2 * 3);
    assert!(sponsors > 2 * 1400, "{sponsors} sponsors");
    eprintln!("{drafts} drafts, {sponsors} sponsors, {on_behalf} on behalf of a group");
    assert!(on_behalf > 2 * 40, "{on_behalf} on behalf");
    assert_eq!(amendments, 2 * 3);
    assert_xsd_valid(&written);
}

/// The page text and the PDF of a draft agree on what names it and who tabled it.
#[test]
fn a_drafts_text_and_pdf_agree_on_its_tabling() {
    let Some(corpus) = corpus() else { return };
    let drafts = corpus.join("ga-80-drafts");
    let mut compared = 0;
    for text in files_with_extension(&drafts.join("text"), "txt") {
        let pdf = drafts
            .join("pdf")
            .join(text.file_name().unwrap())
            .with_extension("pdf");
        let (Ok(a), Ok(b)) = (parse_file(&text), parse_file(&pdf)) else {
            continue;
        };
        let name = text.display();
        assert_eq!(a.symbol, b.symbol, "{name}");
        assert_eq!(a.tabling, b.tabling, "{name}");
        assert_eq!(a.masthead.committee, b.masthead.committee, "{name}");
        assert_eq!(
            a.masthead.agenda_items.len(),
            b.masthead.agenda_items.len(),
            "{name}"
        );
        assert_eq!(a.masthead.issue_date, b.masthead.issue_date, "{name}");
        compared += 1;
    }
    assert_eq!(compared, 171);
}

/// A loaded draft is the node the UN's workflow of its resolution names: the question "which
/// drafts were adopted, and as what" joins them without string matching.
#[test]
fn a_loaded_draft_meets_the_resolution_whose_workflow_names_it() {
    let Some(corpus) = corpus() else { return };
    let resolution = files_with_extension(&corpus.join("ga-80/akn"), "xml")
        .into_iter()
        .find(|p| p.to_string_lossy().contains("A_RES_80_106"))
        .expect("A/RES/80/106 in the corpus");
    let draft = corpus.join("ga-80-drafts/text/A_C.4_80_L.5.txt");
    let store = Store::memory().unwrap();
    store
        .replace_documents(&stored_quads(&[resolution, draft], &Base::default()))
        .unwrap();
    let query = r#"
        PREFIX unakn: <https://w3id.org/unakn#>
        PREFIX eli: <http://data.europa.eu/eli/ontology#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?adopted ?draft ?kind ?committee WHERE {
          GRAPH ?r { ?resolution unakn:draftDocument ?d ; dcterms:identifier ?adopted }
          GRAPH ?d { ?d a unakn:Draft ; dcterms:identifier ?draft ; eli:work_type ?kind ;
                        unakn:committee ?committee }
        }"#;
    let mut out = Vec::new();
    store.query_to(query, ResultFormat::Tsv, &mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("\"A/RES/80/106\"\t\"A/C.4/80/L.5\"\t<https://w3id.org/unakn#draftResolution>\t\"Fourth Committee\""),
        "{out}"
    );
}
