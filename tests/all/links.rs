//! Drafts linked to the resolutions adopted from them (`unakn::link`), on session 80's
//! committees: every link right against the UN's workflow, read without the UN's AKN; and
//! with a resolution's own draft taken away, no other draft put in its place.

use crate::common::*;
use std::collections::HashMap;
use std::path::Path;
use unakn::link::{link, unrevised, Confidence};
use unakn::model::*;

fn documents(dir: &Path, extension: &str) -> Vec<Document> {
    files_with_extension(dir, extension)
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(p).unwrap();
            unakn::parse::parse_named(&p.display().to_string(), &bytes)
                .ok()
                .map(|(d, _)| d)
        })
        .collect()
}

/// The draft the UN's AKN of each resolution names in its workflow.
fn named_by_the_un(corpus: &Path) -> HashMap<String, String> {
    documents(&corpus.join("ga-80/akn"), "xml")
        .into_iter()
        .filter_map(|d| {
            let draft = d
                .metadata
                .workflow
                .iter()
                .find(|s| s.outcome == Outcome::DraftResolution)?
                .document
                .clone()?;
            Some((d.symbol, draft))
        })
        .collect()
}

#[test]
fn every_resolution_is_linked_to_the_draft_the_un_names() {
    let Some(corpus) = corpus() else { return };
    let truth = named_by_the_un(&corpus);
    assert_eq!(truth.len(), 128);
    for (resolutions, drafts) in [("text", "pdf"), ("pdf", "text")] {
        let adopted = documents(
            &corpus.join("ga-80").join(resolutions),
            if resolutions == "pdf" { "pdf" } else { "txt" },
        );
        let tabled = documents(
            &corpus.join("ga-80-drafts").join(drafts),
            if drafts == "pdf" { "pdf" } else { "txt" },
        );
        let a: Vec<&Document> = adopted.iter().collect();
        let d: Vec<&Document> = tabled.iter().collect();
        let (links, unlinked) = link(&a, &d);
        assert!(unlinked.is_empty(), "{unlinked:#?}");
        assert_eq!(links.len(), 128);
        for l in &links {
            let named = &truth[&l.adopted];
            assert!(
                l.draft == *named || l.draft == unrevised(named),
                "{} linked to {}, the UN names {named}",
                l.adopted,
                l.draft
            );
            // No origin line of a committee's resolution names its draft: the evidence is
            // the texts'.
            assert_ne!(l.confidence, Confidence::Stated);
        }
    }
}

/// A resolution whose draft is not in the store is linked to nothing: each resolution in
/// turn, its own draft (and the drafts drawn from it or it from them) taken away.
#[test]
fn without_its_draft_a_resolution_is_linked_to_nothing() {
    let Some(corpus) = corpus() else { return };
    let truth = named_by_the_un(&corpus);
    let adopted = documents(&corpus.join("ga-80/text"), "txt");
    let tabled = documents(&corpus.join("ga-80-drafts/text"), "txt");
    let mut wrong = Vec::new();
    for resolution in &adopted {
        let own = unrevised(&truth[&resolution.symbol]).to_string();
        let related = |d: &Document| {
            let based_on = d
                .tabling
                .as_ref()
                .and_then(|t| t.based_on.as_deref())
                .map(unrevised);
            d.symbol == own || based_on == Some(own.as_str())
        };
        // The draft's family: the draft, what was drawn from it, what it was drawn from.
        let own_based_on = tabled
            .iter()
            .find(|d| d.symbol == own)
            .and_then(|d| d.tabling.as_ref()?.based_on.clone());
        let others: Vec<&Document> = tabled
            .iter()
            .filter(|d| {
                !related(d) && Some(unrevised(&d.symbol)) != own_based_on.as_deref().map(unrevised)
            })
            .collect();
        let (links, _) = link(&[resolution], &others);
        if let Some(l) = links.first() {
            wrong.push(format!("{} → {} ({:.2})", l.adopted, l.draft, l.score));
        }
    }
    eprintln!(
        "{} of {} linked without their draft: {wrong:#?}",
        wrong.len(),
        adopted.len()
    );
    assert!(wrong.len() <= 1, "{wrong:#?}");
}

/// `unakn link --against` says how the links score, as EVALUATION.md reports them.
#[test]
fn the_link_command_scores_itself_against_the_un() {
    let Some(corpus) = corpus() else { return };
    let out = unakn(&[
        "link",
        corpus.join("ga-80/text").to_str().unwrap(),
        corpus.join("ga-80-drafts/text").to_str().unwrap(),
        "--against",
        corpus.join("ga-80/akn").to_str().unwrap(),
        "--jsonl",
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("128 resolutions; linked right 128 (100.0%), wrong 0, unlinked 0"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "diffs: 128 pairs; applied to the draft, 128 give the resolution's paragraphs exactly"
        ),
        "{stdout}"
    );
    let first: serde_json::Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    assert_eq!(first["adopted"], "A/RES/80/106");
    assert_eq!(first["draft"], "A/C.4/80/L.5");
    assert!(first["evidence"].as_array().unwrap().len() >= 4);
    assert_eq!(out.status.code(), Some(0));
}

/// `load` links what it loads, in the session's links graph, and `remove` links anew: the link
/// goes with its draft, and the act stays unlinked rather than taking another draft.
#[test]
#[cfg(feature = "rocksdb")]
fn load_and_remove_keep_the_links_of_a_session() {
    let dir = root().join("target/cli-tests/links");
    let _ = std::fs::remove_dir_all(&dir);
    let store = dir.join("store");
    let store = store.to_str().unwrap();
    let inputs = [
        root().join("samples/A_RES_80_125.txt"),
        root().join("samples/A_C.2_80_L.44.txt"),
        root().join("samples/A_C.1_80_L.10.txt"),
    ];
    let mut args = vec!["load", "--store", store];
    args.extend(inputs.iter().map(|p| p.to_str().unwrap()));
    assert!(unakn(&args).status.success());
    let links = || {
        let out = unakn(&[
            "query",
            "--store",
            store,
            "--format",
            "tsv",
            "PREFIX unakn: <https://w3id.org/unakn#> PREFIX dcterms: <http://purl.org/dc/terms/> \
             SELECT ?g ?adopted ?draft ?confidence WHERE { GRAPH ?g { ?a unakn:adoptedFrom ?d . \
             ?l unakn:adopted ?a ; unakn:confidence ?confidence . \
             ?a dcterms:identifier ?adopted . ?d dcterms:identifier ?draft } }",
        ]);
        String::from_utf8(out.stdout).unwrap()
    };
    let before = links();
    assert!(
        before.contains(
            "<http://localhost:7878/links/unga/80>\t\"A/RES/80/125\"\t\"A/C.2/80/L.44\"\t\"high\""
        ),
        "{before}"
    );
    assert_eq!(before.lines().count(), 2, "{before}");
    assert!(unakn(&["remove", "--store", store, "A/C.2/80/L.44"])
        .status
        .success());
    let after = links();
    assert_eq!(
        after.lines().count(),
        1,
        "no link once the draft is gone: {after}"
    );
}
