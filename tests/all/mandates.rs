//! Mandates (`unakn mandates`, `unakn::mandate`): scored on the reference set labelled by hand
//! in `samples/mandates/`; the command's formats, inputs, store and bad inputs.

use crate::common::*;
use std::path::PathBuf;
use unakn::eval::mandates::{score, Reference, Scores, Set};
use unakn::model::MandateKind;

fn reference() -> Reference {
    let dir = root().join("samples/mandates");
    Reference::read(
        &read(&dir.join("resolutions.tsv")),
        &read(&dir.join("reference.tsv")),
    )
    .unwrap()
}

/// The page text of each resolution of the reference set from the corpus; for session 75,
/// which the corpus holds as the UN's AKN only, the English AKN files.
fn reference_inputs(corpus: &std::path::Path, reference: &Reference) -> Vec<PathBuf> {
    let mut inputs: Vec<PathBuf> = reference
        .resolutions
        .keys()
        .filter(|symbol| !symbol.starts_with("A/RES/75/"))
        .map(|symbol| {
            let session = symbol.split('/').nth(2).unwrap();
            corpus
                .join(format!("ga-{session}/text"))
                .join(format!("{}.txt", symbol.replace('/', "_")))
        })
        .collect();
    inputs.extend(files_with_extension(
        &corpus.join("ga-75-akn/English"),
        "xml",
    ));
    inputs
}

fn found(inputs: &[PathBuf]) -> Vec<(String, unakn::model::Mandate)> {
    inputs
        .iter()
        .flat_map(|p| {
            match unakn::parse::parse(&std::fs::read(p).unwrap()) {
                Ok(doc) => unakn::mandate::extract(&doc.value),
                // A few of the UN's files are not well-formed; none is in the reference set.
                Err(_) => Vec::new(),
            }
        })
        .collect()
}

fn kind(scores: &Scores, kind: MandateKind) -> (f64, f64) {
    let k = scores.kinds[&kind];
    (k.precision(), k.recall())
}

/// The targets on the fifty resolutions the rules were written on (sessions 78 and 80
/// from page text, 75 from the UN's AKN; ten of them held out until session 20) and on the
/// eight of session 75 drawn later to check them (tuned on since); on the ten held out since
/// session 20, the figures of EVALUATION.md as a floor, so that a change that loses ground
/// there fails.
#[test]
fn the_reference_set_scores() {
    let Some(corpus) = corpus() else { return };
    let reference = reference();
    assert_eq!(reference.resolutions.len(), 68);
    let found = found(&reference_inputs(&corpus, &reference));
    for (set, count) in [(Set::Tuned, 50), (Set::Check, 8)] {
        meets_the_targets(&score(&found, &reference, set), count);
    }

    let held_out = score(&found, &reference, Set::HeldOut);
    assert_eq!(held_out.resolutions, 10);
    for (k, floor) in [
        (MandateKind::Report, (1.0, 0.81)),
        (MandateKind::Agenda, (1.0, 1.0)),
        (MandateKind::Meeting, (1.0, 0.5)),
        // Two budget mandates labelled: since session 21 one found, and one paragraph
        // labelled an action read as budget (resources given to the Organization's work).
        (MandateKind::Budget, (0.5, 0.5)),
        (MandateKind::Action, (0.9, 0.98)),
    ] {
        let (p, r) = kind(&held_out, k);
        assert!(
            p >= floor.0 && r >= floor.1,
            "held out, {k:?}: precision {p:.3}, recall {r:.3}"
        );
    }
    for (field, tally, floor) in [
        ("addressee kind", held_out.addressee_kind, 97.0),
        ("due", held_out.due, 96.5),
        ("recurrence", held_out.recurrence, 97.0),
    ] {
        assert!(tally.percent() >= floor, "held out, {field}: {tally:?}");
    }
}

/// The targets: precision and recall per kind, agreement per field.
fn meets_the_targets(scores: &Scores, resolutions: usize) {
    assert_eq!(scores.resolutions, resolutions);
    for (k, floor) in [
        (MandateKind::Report, 0.95),
        (MandateKind::Agenda, 0.95),
        (MandateKind::Meeting, 0.95),
        (MandateKind::Budget, 0.9),
        (MandateKind::Action, 0.9),
    ] {
        let (p, r) = kind(scores, k);
        assert!(
            p >= floor && r >= floor,
            "{k:?}: precision {p:.3}, recall {r:.3}; {:#?}",
            scores.misses
        );
    }
    for (field, tally) in [
        ("addressee kind", scores.addressee_kind),
        ("due", scores.due),
        ("recurrence", scores.recurrence),
    ] {
        assert!(tally.percent() >= 95.0, "{field}: {tally:?}");
    }
}

/// The same resolution read from its page text, its PDF and unakn's own AKN gives the same
/// mandates.
#[test]
fn text_pdf_and_akn_give_the_same_mandates() {
    let Some(corpus) = corpus() else { return };
    for symbol in ["A_RES_78_300", "A_RES_80_106", "A_RES_80_136"] {
        let session = &symbol[6..8];
        let text = corpus.join(format!("ga-{session}/text/{symbol}.txt"));
        let pdf = corpus.join(format!("ga-{session}/pdf/{symbol}.pdf"));
        let from_text = found(std::slice::from_ref(&text));
        let from_pdf = found(&[pdf]);
        assert!(!from_text.is_empty());
        let strip = |v: &[(String, unakn::model::Mandate)]| -> Vec<String> {
            v.iter()
                .map(|(s, m)| {
                    format!(
                        "{s} {} {:?} {:?} {:?} {:?}",
                        m.paragraph, m.kind, m.addressee_kind, m.due, m.recurrence
                    )
                })
                .collect()
        };
        assert_eq!(strip(&from_text), strip(&from_pdf), "{symbol}");
        let doc = unakn::parse::parse(&std::fs::read(&text).unwrap())
            .unwrap()
            .value;
        let mut xml = Vec::new();
        unakn::akn::write(&doc, &mut xml).unwrap();
        let back = unakn::parse::parse(&xml).unwrap().value;
        assert_eq!(
            strip(&from_text),
            strip(&unakn::mandate::extract(&back)),
            "{symbol} via AKN"
        );
    }
}

/// The marks wrap the text and change nothing else: the AKN written without them is the marked
/// AKN with its `organization`, `role` and `date` elements (and their TLCs) taken out.
#[test]
fn the_unmarked_akn_is_the_marked_one_without_its_marks() {
    let doc = unakn::parse::parse(&std::fs::read("samples/A_RES_80_49.txt").unwrap())
        .unwrap()
        .value;
    let (mut marked, mut unmarked) = (Vec::new(), Vec::new());
    unakn::akn::write(&doc, &mut marked).unwrap();
    unakn::akn::write_unmarked(&doc, &mut unmarked).unwrap();
    let (marked, unmarked) = (
        String::from_utf8(marked).unwrap(),
        String::from_utf8(unmarked).unwrap(),
    );
    assert!(marked.contains("<organization refersTo=") || marked.contains("<role refersTo="));
    assert!(!unmarked.contains("<organization") && !unmarked.contains("<role"));
    // The body from the preface on (the TLCs the marks refer to are in the meta), tags of the
    // three mark elements dropped.
    let without_marks = |xml: &str| -> String {
        let mut rest = &xml[xml.find("<preface").unwrap()..];
        let mut out = String::new();
        while let Some(at) = rest.find('<') {
            out.push_str(&rest[..at]);
            let end = at + rest[at..].find('>').unwrap() + 1;
            let tag = &rest[at..end];
            let name = tag
                .trim_start_matches(['<', '/'])
                .split([' ', '>'])
                .next()
                .unwrap();
            if !matches!(name, "organization" | "role" | "date") {
                out.push_str(tag);
            }
            rest = &rest[end..];
        }
        out + rest
    };
    assert_eq!(without_marks(&marked), without_marks(&unmarked));
}

#[test]
fn jsonl_has_exactly_the_keys_other_tools_read() {
    let out = unakn_ok(&["mandates", "--format", "jsonl", "samples/A_RES_80_49.txt"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let keys = [
        "resolution",
        "paragraph",
        "section",
        "eid",
        "verb",
        "addressee",
        "addressee_kind",
        "kind",
        "due",
        "recurrence",
        "until",
        "review",
        "subject",
        "text",
    ];
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.len() > 10);
    for line in &lines {
        let object = line.as_object().unwrap();
        let got: Vec<&str> = object.keys().map(String::as_str).collect();
        let mut want = keys.to_vec();
        want.sort_unstable();
        let mut got_sorted = got.clone();
        got_sorted.sort_unstable();
        assert_eq!(got_sorted, want);
    }
    // Paragraph 9 asks the President of the Assembly for a meeting every year; 13, a report for
    // the eighty-first session.
    let find = |p: &str, kind: &str| {
        lines
            .iter()
            .find(|l| l["paragraph"] == p && l["kind"] == kind)
            .unwrap_or_else(|| panic!("{p} {kind}: {text}"))
    };
    let meeting = find("9", "meeting");
    assert_eq!(
        meeting["addressee_kind"],
        "president-of-the-general-assembly"
    );
    assert_eq!(meeting["recurrence"], "annual");
    let report = find("13", "report");
    assert_eq!(report["addressee_kind"], "secretary-general");
    assert_eq!(report["due"], "session 81");
    assert_eq!(report["recurrence"], "one-time");
    assert_eq!(report["eid"], "para_13");
    assert_eq!(
        find("15", "agenda")["subject"],
        "Follow-up to the 2013 high-level meeting of the General Assembly on nuclear disarmament"
    );
}

#[test]
fn table_and_csv_list_the_same_mandates() {
    let table = unakn(&["mandates", "samples/A_RES_78_27.txt"]);
    let csv = unakn(&["mandates", "--format", "csv", "samples/A_RES_78_27.txt"]);
    assert!(table.status.success() && csv.status.success());
    let table = String::from_utf8(table.stdout).unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(csv.starts_with("resolution,paragraph,section,eid,verb,addressee,addressee_kind,kind,due,recurrence,until,review,subject,text\n"));
    assert_eq!(table.lines().count() + 1, csv.lines().count());
}

/// A bad file is named with a non-zero exit; the good one beside it is still read.
#[test]
fn a_bad_input_costs_only_itself() {
    let dir = std::env::temp_dir().join(format!("unakn-mandates-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("broken.xml");
    std::fs::write(&bad, "<akomaNtoso><statement>").unwrap();
    let out = unakn(&["mandates", "samples/A_RES_80_49.txt", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken.xml"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("A/RES/80/49\t13\treport"));
    std::fs::remove_dir_all(&dir).ok();
}

/// From a store, the mandates are those of the files it was loaded from.
#[cfg(feature = "rocksdb")]
#[test]
fn a_store_gives_the_mandates_of_its_documents() {
    let dir = std::env::temp_dir().join(format!("unakn-mandates-store-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let store = dir.to_str().unwrap();
    unakn_ok(&[
        "load",
        "--store",
        store,
        "samples/A_RES_80_49.txt",
        "samples/A_RES_77_213_fr.xml",
    ]);
    let from_store = unakn(&["mandates", "--store", store, "--format", "jsonl"]);
    let from_file = unakn(&["mandates", "samples/A_RES_80_49.txt", "--format", "jsonl"]);
    assert!(
        from_store.status.success(),
        "{}",
        String::from_utf8_lossy(&from_store.stderr)
    );
    assert_eq!(from_store.stdout, from_file.stdout);
    std::fs::remove_dir_all(&dir).ok();
}
