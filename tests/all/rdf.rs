//! The RDF contract of DESIGN.md on the seed: triples, named graphs, serialisations, SHACL.

use crate::common::*;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::Quad;
use unakn::rdf::{quads, serialize, Syntax};
use unakn::store::Store;
use unakn::vocab::Base;

fn seed_quads(base: &Base) -> Vec<Quad> {
    let bytes = std::fs::read(root().join("samples/A_RES_77_213.md")).unwrap();
    quads(&unakn::parse::parse(&bytes).unwrap().value, base)
}

fn ask(store: &Store, query: &str) -> bool {
    let prefixes = "PREFIX eli: <http://data.europa.eu/eli/ontology#>
        PREFIX undo: <https://w3id.org/un/ontology/undo/>
        PREFIX unakn: <https://w3id.org/unakn#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        PREFIX w: <http://localhost:7878/akn/un/statement/deliberation/unga/>\n";
    let t = store
        .select(&format!("{prefixes}ASK {{ {query} }}"))
        .unwrap();
    t.rows[0][0].as_ref().unwrap().to_string()
        == "\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>"
}

#[test]
fn work_expression_manifestation() {
    let store = Store::memory().unwrap();
    store.replace(&seed_quads(&Base::default())).unwrap();
    for pattern in [
        "w:77-213 a eli:Work, undo:Resolution ; dcterms:identifier \"A/RES/77/213\" ; eli:number \"77/213\" .",
        "w:77-213 eli:date_document \"2022-12-15\"^^xsd:date ; eli:passed_by ?organ .",
        "w:77-213 unakn:session 77 ; unakn:agendaItem \"68 (b)\" ; unakn:originDocument \"A/77/463/Add.2\" .",
        "w:77-213 unakn:meeting \"54th plenary meeting\" ; unakn:committee \"Third Committee\" .",
        "w:77-213 eli:id_local \"/akn/un/statement/deliberation/unga/2022-12-15/77-213/\" .",
        "w:77-213 eli:is_realized_by <http://localhost:7878/akn/un/statement/deliberation/unga/77-213/eng@> .",
        "<http://localhost:7878/akn/un/statement/deliberation/unga/77-213/eng@> a eli:Expression ;
            eli:realizes w:77-213 ;
            eli:title \"Enhancement of international cooperation in the field of human rights\"@en ;
            eli:language <http://publications.europa.eu/resource/authority/language/ENG> ;
            eli:is_embodied_by ?m . ?m a eli:Manifestation ;
            eli:format <https://www.iana.org/assignments/media-types/application/akn+xml> .",
        // Citations meet the cited work's own IRI, which carries its symbol.
        "w:77-213 eli:cites w:70-1 . w:70-1 dcterms:identifier \"A/RES/70/1\" .",
        "w:77-213 eli:cites <http://localhost:7878/akn/un/statement/deliberation/unga-hrc/50-4> .",
        "w:77-213 eli:cites <http://localhost:7878/symbol/A/77/463/Add.2> .",
        // Divisions.
        "<http://localhost:7878/akn/un/statement/deliberation/unga/77-213/!main~container_3> a eli:WorkSubdivision ;
            eli:is_part_of w:77-213 ; eli:type_subdivision unakn:Recital ; unakn:order 3 ;
            unakn:phrase \"Recalling also\"@en ; eli:cites <http://localhost:7878/akn/un/statement/deliberation/unga/76-159> .",
        "<http://localhost:7878/akn/un/statement/deliberation/unga/77-213/!main~para_4> eli:type_subdivision unakn:OperativeParagraph ;
            eli:number \"4\" ; unakn:order 4 ; unakn:phrase \"Also reaffirms\"@en ; unakn:text ?t .
            FILTER(STRSTARTS(?t, \"Also reaffirms the duty of States\") && LANG(?t) = \"en\")",
        "w:77-213 eli:has_part <http://localhost:7878/akn/un/statement/deliberation/unga/77-213/!main~para_17> .",
        "<http://localhost:7878/akn/un/statement/deliberation/unga/77-213/!main~note_2> eli:type_subdivision unakn:Footnote ;
            eli:is_part_of <http://localhost:7878/akn/un/statement/deliberation/unga/77-213/!main~container_3> ;
            eli:cites w:55-2 .",
    ] {
        assert!(ask(&store, pattern), "no match for: {pattern}");
    }
    // Two named graphs: the work's facts in the work's own, once; the rest in the expression's,
    // which names the work's symbol too, as it names every work it mentions.
    assert_eq!(store.graph_count().unwrap(), 2);
    assert!(ask(
        &store,
        "GRAPH w:77-213 { w:77-213 a undo:Resolution ; unakn:session 77 ;
        unakn:committee \"Third Committee\" ; dcterms:identifier \"A/RES/77/213\" ;
        unakn:meeting \"54th plenary meeting\" }"
    ));
    assert!(ask(
        &store,
        "GRAPH <http://localhost:7878/akn/un/statement/deliberation/unga/77-213/eng@> {
        w:77-213 dcterms:identifier \"A/RES/77/213\" ; eli:is_realized_by ?e ; eli:cites w:70-1 }"
    ));
    assert!(!ask(&store, "GRAPH <http://localhost:7878/akn/un/statement/deliberation/unga/77-213/eng@> { w:77-213 unakn:session ?s }"));
    assert!(!ask(&store, "GRAPH w:77-213 { ?division unakn:work ?w }"));
    assert!(!ask(&store, "?s ?p ?o .
        FILTER NOT EXISTS { GRAPH <http://localhost:7878/akn/un/statement/deliberation/unga/77-213/eng@> { ?s ?p ?o } }
        FILTER NOT EXISTS { GRAPH w:77-213 { ?s ?p ?o } }"));
    // No blank nodes.
    assert!(!ask(
        &store,
        "{ ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) }"
    ));
}

#[test]
fn loading_again_leaves_the_same_triples() {
    let store = Store::memory().unwrap();
    let q = seed_quads(&Base::default());
    store.replace(&q).unwrap();
    let once = store.len().unwrap();
    store.replace(&q).unwrap();
    assert_eq!(store.len().unwrap(), once);
    assert_eq!(store.graph_count().unwrap(), 2);
}

#[test]
fn the_base_is_configurable() {
    let base = Base::new("https://data.example.org/un/").unwrap();
    let q = seed_quads(&base);
    assert!(q.iter().all(|q| match &q.subject {
        oxigraph::model::NamedOrBlankNode::NamedNode(n) =>
            n.as_str().starts_with("https://data.example.org/un/"),
        _ => false,
    }));
}

#[test]
fn every_syntax_round_trips() {
    let q = seed_quads(&Base::default());
    let as_written = |q: &Quad, graphs: bool| {
        if graphs {
            q.to_string()
        } else {
            oxigraph::model::Triple::from(q.clone()).to_string()
        }
    };
    for (syntax, format) in [
        (Syntax::NQuads, RdfFormat::NQuads),
        (Syntax::TriG, RdfFormat::TriG),
        (
            Syntax::JsonLd,
            RdfFormat::JsonLd {
                profile: Default::default(),
            },
        ),
        (Syntax::Turtle, RdfFormat::Turtle),
        (Syntax::NTriples, RdfFormat::NTriples),
        (Syntax::RdfXml, RdfFormat::RdfXml),
    ] {
        let mut buf = Vec::new();
        serialize(&q, syntax, &mut buf).unwrap();
        let parsed: Vec<Quad> = RdfParser::from_format(format)
            .for_slice(&buf)
            .collect::<Result<_, _>>()
            .unwrap_or_else(|e| panic!("{syntax:?}: {e}"));
        let mut got: Vec<String> = parsed
            .iter()
            .map(|p| as_written(p, syntax.has_graphs()))
            .collect();
        got.sort();
        got.dedup();
        let mut want: Vec<String> = q
            .iter()
            .map(|p| as_written(p, syntax.has_graphs()))
            .collect();
        want.sort();
        want.dedup();
        assert_eq!(got, want, "{syntax:?}");
    }
}

/// The output conforms to `schemas/shapes.ttl` (checked by pySHACL, an independent validator):
/// the seed, a multi-part resolution (its parts are works too), drafts, a draft's link to its
/// act with the act's paragraphs' changes, and, with the corpus, rules of procedure
/// (A/RES/78/128).
#[test]
fn shacl_shapes_hold() {
    if !have("python3", &["-c", "import pyshacl"]) {
        return;
    }
    let dir = conformance_dir();
    let data = dir.join("seed.ttl");
    let mut inputs = vec![
        root().join("samples/A_RES_78_254AC.xml"),
        // A recorded vote, State by State.
        root().join("samples/A_RES_78_10_en.xml"),
        // Drafts: a draft resolution, a facilitator's text and an amendment.
        root().join("samples/A_C.1_80_L.10.txt"),
        root().join("samples/A_C.2_80_L.44.txt"),
        root().join("samples/A_C.2_80_L.62.txt"),
    ];
    inputs.extend(corpus().map(|c| c.join("ga-78/text/A_RES_78_128.txt")));
    let mut all = seed_quads(&Base::default());
    for input in inputs {
        let doc = unakn::parse::parse(&std::fs::read(&input).unwrap())
            .unwrap()
            .value;
        all.extend(quads(&doc, &Base::default()));
    }
    // A draft linked to its act, and the act's paragraphs to the draft's, as a store keeps them.
    let read = |name: &str| {
        let bytes = std::fs::read(root().join("samples").join(name)).unwrap();
        unakn::parse::parse(&bytes).unwrap().value
    };
    let (draft, act) = (read("A_C.2_80_L.10.txt"), read("A_RES_80_120.txt"));
    let base = Base::default();
    let graph = base.links("unga", 80);
    let (links, _) = unakn::link::link(&[&act], &[&draft]);
    assert_eq!(links.len(), 1);
    all.extend(unakn::link::quads(&links, &base, &graph));
    let changes = unakn::diff::diff(&draft, &act);
    all.extend(unakn::diff::quads(&changes, &draft, &act, &base, &graph));
    let mut buf = Vec::new();
    serialize(&all, Syntax::Turtle, &mut buf).unwrap();
    std::fs::write(&data, &buf).unwrap();
    let out = std::process::Command::new("python3")
        .args(["-m", "pyshacl", "-s"])
        .arg(root().join("schemas/shapes.ttl"))
        .arg("-df")
        .arg("turtle")
        .arg(&data)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && report.contains("Conforms: True"),
        "{report}"
    );
}

/// The SHACL shapes are not vacuous: a broken graph is reported.
#[test]
fn shacl_shapes_catch_a_broken_graph() {
    if !have("python3", &["-c", "import pyshacl"]) {
        return;
    }
    let broken = "@prefix eli: <http://data.europa.eu/eli/ontology#> . @prefix unakn: <https://w3id.org/unakn#> .
        <http://x/d> a eli:WorkSubdivision ; eli:type_subdivision unakn:Nonsense ; unakn:order 0 .";
    let data = conformance_dir().join("broken.ttl");
    std::fs::write(&data, broken).unwrap();
    let out = std::process::Command::new("python3")
        .args(["-m", "pyshacl", "-s"])
        .arg(root().join("schemas/shapes.ttl"))
        .arg(&data)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Conforms: False"));
}

#[test]
fn the_vocabulary_parses_and_labels_every_term() {
    let ttl = std::fs::read(root().join("schemas/unakn.ttl")).unwrap();
    let quads: Vec<Quad> = RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(&ttl)
        .collect::<Result<_, _>>()
        .unwrap();
    let used = seed_quads(&Base::default());
    for q in &used {
        for iri in [
            q.predicate.as_str().to_string(),
            q.object.to_string().trim_matches(['<', '>']).to_string(),
        ] {
            if let Some(local) = iri.strip_prefix("https://w3id.org/unakn#") {
                let labelled = quads.iter().any(|d| {
                    d.subject.to_string() == format!("<{iri}>")
                        && d.predicate.as_str().ends_with("#label")
                });
                assert!(labelled, "unakn:{local} has no label in schemas/unakn.ttl");
            }
        }
    }
}

#[cfg(feature = "rocksdb")]
#[test]
fn a_persistent_store_keeps_documents() {
    let dir = std::env::temp_dir().join(format!("unakn-test-store-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let q = seed_quads(&Base::default());
    let len = {
        let store = Store::open(&dir).unwrap();
        store.replace(&q).unwrap();
        store.replace(&q).unwrap();
        store.len().unwrap()
    };
    let store = Store::open(&dir).unwrap();
    assert_eq!(store.len().unwrap(), len);
    assert_eq!(store.graph_count().unwrap(), 2);
    drop(store);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A store written in another shape of the graph is refused with what to do, not read: the
/// catalogue's queries would give wrong answers over it.
#[cfg(feature = "rocksdb")]
#[test]
fn a_store_of_another_format_is_refused() {
    let dir = std::env::temp_dir().join(format!("unakn-test-format-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    drop(Store::open(&dir).unwrap());
    let marker = dir.join("unakn-store-format");
    assert_eq!(
        std::fs::read_to_string(&marker).unwrap().trim(),
        unakn::store::FORMAT.to_string()
    );
    // Opened again as it is: fine.
    drop(Store::open(&dir).unwrap());
    // A store from before the format was written down, and one from a later unakn.
    for (found, write) in [("1", None), ("99", Some("99\n"))] {
        match write {
            Some(text) => std::fs::write(&marker, text).unwrap(),
            None => std::fs::remove_file(&marker).unwrap(),
        }
        let message = match Store::open(&dir) {
            Err(e) => e.to_string(),
            Ok(_) => panic!("a store of format {found} was opened"),
        };
        assert!(
            message.contains(&format!("store format {found}")),
            "{message}"
        );
        assert!(
            message.contains("rebuild it with this version"),
            "{message}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `unakn remove`: one language version, then a whole work by symbol, each in one step; a
/// symbol the store does not hold is reported with exit code 1.
#[cfg(feature = "rocksdb")]
#[test]
fn documents_are_removed_by_symbol_or_language() {
    use std::process::Command;
    let dir = std::env::temp_dir().join(format!("unakn-test-remove-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let unakn = env!("CARGO_BIN_EXE_unakn");
    let samples = crate::common::root().join("samples");
    let load = Command::new(unakn)
        .args(["load", "--store"])
        .arg(&dir)
        .arg(samples.join("A_RES_77_213.md"))
        .arg(samples.join("A_RES_77_213_fr.xml"))
        .arg(samples.join("A_RES_78_10.txt"))
        .output()
        .unwrap();
    assert!(load.status.success());
    // The load's warnings, told by code with the first of each.
    let told = String::from_utf8_lossy(&load.stderr);
    assert!(
        told.contains("warnings by code (-v prints every one):"),
        "{told}"
    );
    assert!(
        told.lines()
            .any(|l| l.contains(" × ") && l.contains(", first: ") && l.contains("warning[")),
        "{told}"
    );
    let store_at = |dir: &std::path::Path| Store::open(dir).unwrap();
    let graphs = |dir: &std::path::Path| store_at(dir).graphs().unwrap().len();
    // Three language versions, two works.
    assert_eq!(graphs(&dir), 5);
    let work_states = |fact: &str| {
        ask(
            &store_at(&dir),
            &format!("GRAPH w:77-213 {{ w:77-213 {fact} }}"),
        )
    };
    assert!(work_states("unakn:committee \"Third Committee\"")); // the English says so
    assert!(work_states("unakn:meetingRecord \"A/77/PV.54\"")); // the French AKN's workflow
    let run = |args: &[&str]| {
        Command::new(unakn)
            .arg("remove")
            .args(args)
            .arg("--store")
            .arg(&dir)
            .output()
            .unwrap()
    };
    let out = run(&["A/RES/77/213", "--language", "fr"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(graphs(&dir), 4);
    // The work's graph stated anew from the English alone: what only the French said is gone.
    assert!(work_states("unakn:committee \"Third Committee\""));
    assert!(!work_states("unakn:meetingRecord ?record"));
    // The symbol as another document may write it: normalised.
    let out = run(&["a/res/77/213"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        graphs(&dir),
        2,
        "the work's graph goes with its last version"
    );
    let out = run(&["A/RES/77/213", "A/RES/78/10"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not in the store: A/RES/77/213"));
    assert_eq!(graphs(&dir), 0, "the target held is removed all the same");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A work's graph holds the union of what its language versions state, each fact once,
/// however the versions arrive (one load or several, one batch or several); loading a version
/// again states the union anew, so a fact only its old reading stated goes; a document read
/// twice in one batch (its text, then its PDF) ends as the later reading states it.
#[test]
fn a_works_graph_is_the_union_of_its_versions() {
    let base = Base::default();
    let read = |name: &str| {
        let bytes = std::fs::read(root().join("samples").join(name)).unwrap();
        unakn::parse::parse(&bytes).unwrap().value
    };
    let with_akn =
        |doc: &unakn::model::Document| unakn::store::quads_with_manifestation(doc, &base).unwrap();
    let english = read("A_RES_77_213.md");
    let french = read("A_RES_77_213_fr.xml");
    let mut reread = english.clone();
    reread.adoption.origin.as_mut().unwrap().committee = Some("Second Committee".into());
    let count = |store: &Store, pattern: &str| -> usize {
        let t = store
            .select(&format!(
                "PREFIX unakn: <https://w3id.org/unakn#>
                 PREFIX w: <http://localhost:7878/akn/un/statement/deliberation/unga/>
                 SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ {pattern} }} }}"
            ))
            .unwrap();
        match &t.rows[0][0] {
            Some(oxigraph::model::Term::Literal(l)) => l.value().parse().unwrap(),
            other => panic!("{other:?}"),
        }
    };
    for batches in [
        vec![vec![with_akn(&english)], vec![with_akn(&french)]],
        vec![vec![with_akn(&french), with_akn(&english)]],
    ] {
        let store = Store::memory().unwrap();
        for batch in &batches {
            store.replace_documents(batch).unwrap();
        }
        assert_eq!(store.graph_count().unwrap(), 3);
        assert_eq!(count(&store, "w:77-213 unakn:session 77"), 1, "stated once");
        assert_eq!(
            count(&store, "w:77-213 unakn:committee \"Third Committee\""),
            1
        );
        assert_eq!(
            count(&store, "w:77-213 unakn:meetingRecord ?r"),
            1,
            "the French's"
        );
        // The English read again, saying otherwise: its old fact goes, the French's (its
        // origin line names the Troisième Commission) stays beside the new one.
        store.replace_documents(&[with_akn(&reread)]).unwrap();
        assert_eq!(count(&store, "w:77-213 unakn:committee ?c"), 2);
        assert_eq!(
            count(&store, "w:77-213 unakn:committee \"Second Committee\""),
            1
        );
        assert_eq!(
            count(&store, "w:77-213 unakn:committee \"Third Committee\""),
            1
        );
        assert_eq!(count(&store, "w:77-213 unakn:meetingRecord ?r"), 1);
        assert_eq!(count(&store, "w:77-213 unakn:session 77"), 1);
    }
    // One batch reading the English twice: the later reading alone.
    let store = Store::memory().unwrap();
    store
        .replace_documents(&[with_akn(&english), with_akn(&reread)])
        .unwrap();
    assert_eq!(count(&store, "w:77-213 unakn:committee ?c"), 1);
    assert_eq!(
        count(&store, "w:77-213 unakn:committee \"Second Committee\""),
        1
    );
    let alone = Store::memory().unwrap();
    alone.replace_documents(&[with_akn(&reread)]).unwrap();
    assert_eq!(store.len().unwrap(), alone.len().unwrap());
}
