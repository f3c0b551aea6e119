//! A crash-safe store: `unakn load` killed with SIGKILL at random points leaves every document
//! wholly present or wholly absent, and a rerun completes the load; a reader querying while
//! documents load sees only whole documents.
#![cfg(feature = "rocksdb")]

use crate::common::*;
use oxigraph::model::{GraphName, Quad};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;
use unakn::store::Store;
use unakn::vocab::Base;

/// The quads each graph of the documents of `dir` should hold in the store: each document's
/// expression graph and its work's (these resolutions have one language version each).
fn expected_graphs(files: &[PathBuf]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for quads in stored_quads(files, &Base::default()) {
        let distinct: std::collections::HashSet<&Quad> = quads.iter().collect();
        for q in distinct {
            *counts.entry(q.graph_name.to_string()).or_insert(0) += 1;
        }
    }
    counts
}

/// Quads per named graph in the store at `dir`.
fn graphs_in(dir: &Path) -> HashMap<String, usize> {
    let store = Store::open(dir).unwrap();
    let mut counts = HashMap::new();
    for q in store.quads() {
        let q = q.unwrap();
        if let GraphName::NamedNode(g) = &q.graph_name {
            *counts.entry(format!("<{}>", g.as_str())).or_insert(0) += 1;
        }
    }
    counts
}

fn assert_whole(found: &HashMap<String, usize>, expected: &HashMap<String, usize>, when: &str) {
    for (graph, count) in found {
        assert_eq!(
            Some(count),
            expected.get(graph),
            "{when}: {graph} holds {count} quads, partially loaded"
        );
    }
    // A document is its expression's graph and its work's: both there, or neither.
    for graph in expected.keys() {
        if let Some((work, _language)) = graph.strip_suffix("@>").and_then(|g| g.rsplit_once('/')) {
            let work = format!("{work}>");
            assert_eq!(
                found.contains_key(graph),
                found.contains_key(&work),
                "{when}: {graph} and {work}, half a document"
            );
        }
    }
}

/// The search index beside a store shares no commit with it: reopened and brought in line as
/// a search brings it (compared with the store unless it records being in line with the
/// store's state), it indexes exactly the language versions the store holds, in the form the
/// store holds them. A kill at any point must leave no record of being in line that is false.
fn index_agrees_once_reopened(dir: &Path, when: &str) {
    let store = Store::open(dir).unwrap();
    let index = unakn::search::Index::open(&unakn::search::folder_of(dir)).unwrap();
    let base = store.minted_base().unwrap().unwrap_or_default();
    index.bring_in_line(&store, &base).unwrap();
    assert_eq!(
        index.versions().unwrap(),
        store.digests().unwrap(),
        "{when}: the index and the store disagree"
    );
}

/// A small, repeatable pseudo-random sequence (no dependency for three numbers).
fn delays(seed: u64, n: usize) -> Vec<Duration> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            Duration::from_millis(150 + x % 2500)
        })
        .collect()
}

#[test]
fn a_killed_load_leaves_whole_documents_and_a_rerun_completes() {
    let Some(corpus) = corpus() else { return };
    let inputs = corpus.join("ga-78/text");
    let files = files_in(&inputs);
    let expected = expected_graphs(&files);
    let dir = root().join("target/crash-tests/killed-load");
    let _ = std::fs::remove_dir_all(&dir);
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let mut killed_midway = 0;
    let mut seen = Vec::new();
    for (round, delay) in delays(seed, 4).into_iter().enumerate() {
        let mut child = Command::new(env!("CARGO_BIN_EXE_unakn"))
            .args(["load", "--store"])
            .arg(&dir)
            .arg(&inputs)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        if child.try_wait().unwrap().is_none() {
            killed_midway += 1;
        }
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let found = graphs_in(&dir);
        seen.push(found.len());
        let when = format!("seed {seed}, round {round}, killed after {delay:?}");
        assert_whole(&found, &expected, &when);
        index_agrees_once_reopened(&dir, &when);
    }
    unakn_ok(&[
        "load",
        "--store",
        dir.to_str().unwrap(),
        inputs.to_str().unwrap(),
    ]);
    let found = graphs_in(&dir);
    assert_eq!(found, expected, "after the rerun every document is whole");
    index_agrees_once_reopened(&dir, "after the rerun");
    eprintln!(
        "seed {seed}: {killed_midway} of 4 loads killed midway; whole documents after each kill: {seen:?} of {}",
        expected.len()
    );
}

#[test]
fn readers_during_a_load_see_whole_documents() {
    let Some(corpus) = corpus() else { return };
    let files = files_in(&corpus.join("ga-78/text"));
    let expected = expected_graphs(&files);
    let base = Base::default();
    let documents = stored_quads(&files, &base);
    let dir = root().join("target/crash-tests/concurrent-reader");
    let _ = std::fs::remove_dir_all(&dir);
    let store = Store::open(&dir).unwrap();
    let query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g";
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|s| {
        let reader = s.spawn(|| {
            let mut looks = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                let table = store.select(query).unwrap();
                for row in &table.rows {
                    let graph = row[0].as_ref().unwrap().to_string();
                    let n: usize = match &row[1] {
                        Some(oxigraph::model::Term::Literal(l)) => l.value().parse().unwrap(),
                        other => panic!("{other:?}"),
                    };
                    assert_eq!(Some(&n), expected.get(&graph), "{graph} seen half loaded");
                }
                looks += 1;
            }
            looks
        });
        for batch in documents.chunks(16) {
            store.replace_documents(batch).unwrap();
        }
        // Loading them again replaces each graph: still never half a document.
        for batch in documents.chunks(16) {
            store.replace_documents(batch).unwrap();
        }
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        let looks = reader.join().unwrap();
        assert!(looks > 1, "the reader looked while loading");
    });
}
