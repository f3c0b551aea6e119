//! Fixture tests: every `samples/NAME.(md|txt|xml)` (text, or the UN's AKN) and every
//! `samples/pdf/NAME.pdf` has its expected outputs committed beside it
//! (`NAME.akn.xml`, `NAME.nt` sorted). `UPDATE_SAMPLES=1 cargo test` rewrites them for review.
//! The query catalogue `samples/queries/*.rq` has its expected results (`*.tsv`) over the
//! samples loaded together.

use crate::common::*;
use std::path::{Path, PathBuf};
use unakn::store::{ResultFormat, Store};
use unakn::vocab::Base;

fn update() -> bool {
    std::env::var_os("UPDATE_SAMPLES").is_some()
}

fn inputs() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.ends_with(".md")
                || name.ends_with(".txt")
                || (name.ends_with(".xml") && !name.ends_with(".akn.xml"))
        })
        .collect();
    v.sort();
    assert!(!v.is_empty());
    v
}

fn check(expected: &Path, actual: &str, failures: &mut Vec<String>) {
    if update() {
        std::fs::write(expected, actual).unwrap();
        return;
    }
    match std::fs::read_to_string(expected) {
        Ok(e) if e == actual => {}
        Ok(_) => failures.push(format!(
            "{} differs (UPDATE_SAMPLES=1 to review)",
            expected.display()
        )),
        Err(_) => failures.push(format!(
            "{} is missing (UPDATE_SAMPLES=1 writes it)",
            expected.display()
        )),
    }
}

/// The official PDFs of `samples/pdf/` (kept apart from the catalogue's samples: two of them
/// are the same resolutions as page text).
fn pdf_inputs() -> Vec<PathBuf> {
    let v = files_with_extension(&root().join("samples/pdf"), "pdf");
    assert!(!v.is_empty());
    v
}

#[test]
fn samples_match_their_expected_outputs() {
    let mut failures = Vec::new();
    let mut written = Vec::new();
    for input in inputs().into_iter().chain(pdf_inputs()) {
        let stem = input.file_stem().unwrap().to_str().unwrap().to_string();
        let in_dir = input
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_string_lossy();
        let stem_out = if in_dir == "pdf" {
            format!("pdf-{stem}")
        } else {
            stem.clone()
        };
        let doc = unakn::parse::parse(&std::fs::read(&input).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", input.display()))
            .value;
        let mut xml = Vec::new();
        unakn::akn::write(&doc, &mut xml).unwrap();
        let xml = String::from_utf8(xml).unwrap();
        let out = conformance_dir().join(format!("sample-{stem_out}.akn.xml"));
        std::fs::write(&out, &xml).unwrap();
        written.push(out);
        check(
            &input.with_file_name(format!("{stem}.akn.xml")),
            &xml,
            &mut failures,
        );
        let mut nt = Vec::new();
        unakn::rdf::serialize(
            &unakn::rdf::quads(&doc, &Base::default()),
            unakn::rdf::Syntax::NTriples,
            &mut nt,
        )
        .unwrap();
        let mut lines: Vec<&str> = std::str::from_utf8(&nt).unwrap().lines().collect();
        lines.sort();
        lines.dedup();
        check(
            &input.with_file_name(format!("{stem}.nt")),
            &(lines.join("\n") + "\n"),
            &mut failures,
        );
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert_xsd_valid(&written);
}

#[test]
fn the_query_catalogue_gives_its_expected_results() {
    let store = Store::memory().unwrap();
    let documents = stored_quads(&inputs(), &Base::default());
    store.replace_documents(&documents).unwrap();
    let queries = files_with_extension(&root().join("samples/queries"), "rq");
    assert!(queries.len() >= 8);
    let mut failures = Vec::new();
    for q in queries {
        let mut out = Vec::new();
        store
            .query_to(&read(&q), ResultFormat::Tsv, &mut out)
            .unwrap_or_else(|e| panic!("{}: {e}", q.display()));
        let tsv = String::from_utf8(out).unwrap();
        assert!(tsv.lines().count() > 1, "{} returns nothing", q.display());
        check(&q.with_extension("tsv"), &tsv, &mut failures);
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
