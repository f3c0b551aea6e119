//! `unakn load` and the loading behind `query --load` and the demo.

use super::input::{input_files, read_document, verdict, Batch};
use super::warnings::WarningTally;
use anyhow::Result;
use std::path::{Path, PathBuf};
use std::time::Instant;
use unakn::diag::Located;
use unakn::search::{Index, Version};
use unakn::store::Store;
use unakn::vocab::Base;

/// What a load did.
#[derive(Default)]
pub struct LoadSummary {
    pub documents: usize,
    pub expressions: std::collections::HashSet<String>,
    pub quads: usize,
    /// The warnings of the documents loaded, by code.
    pub warnings: WarningTally,
    /// Inputs reported and skipped (under the batch policy of [`Batch`]).
    pub errors: usize,
    /// Files of the folders named that are not inputs.
    pub skipped: usize,
}

impl LoadSummary {
    /// Every input failed: a store in memory would hold nothing worth writing or serving.
    pub fn nothing_read(&self) -> bool {
        self.documents == 0 && self.errors > 0
    }

    /// The batch policy's verdict: exit code 1 when any input was skipped.
    pub fn finish(&self) -> Result<()> {
        verdict(self.errors, || {
            format!("{} input(s) could not be read", self.errors)
        })
    }
}

/// Reads, converts and loads inputs into `store`: parsed in parallel, in batches that bound
/// memory, each batch replacing its documents' graphs. Unreadable files are reported and skipped.
pub fn load_into(
    store: &Store,
    index: Option<&Index>,
    inputs: &[PathBuf],
    base: &Base,
) -> Result<LoadSummary> {
    load_copies_into(store, index, inputs, base, 1, false)
}

/// [`load_into`], with each input read `copies` times, copy `k` under other symbols (the
/// session number followed by `k`: `A/RES/78/10` → `A/RES/782/10`): a corpus `copies` times
/// larger, for measuring how loading scales. With `verbose`, every warning is printed as it
/// comes; the summary counts them by code either way.
///
/// Three stages run at once, each on its own batch: the next batch is read (in parallel)
/// while this one is written to the store and the one before is indexed. At most a batch
/// waits between two stages, so memory stays bounded whatever the input's size; the index
/// takes a batch only once the store holds it.
pub fn load_copies_into(
    store: &Store,
    index: Option<&Index>,
    inputs: &[PathBuf],
    base: &Base,
    copies: usize,
    verbose: bool,
) -> Result<LoadSummary> {
    let (files, others) = input_files(inputs)?;
    let mut summary = LoadSummary {
        skipped: others,
        ..LoadSummary::default()
    };
    let work: Vec<(usize, &PathBuf)> = (0..copies.max(1))
        .flat_map(|k| files.iter().map(move |f| (k, f)))
        .collect();
    let mut progress = Batch::new(work.len(), true);
    // An index in line with the store before the load is in line after it, once it has taken
    // every batch the store took: then no version needs comparing when it is next opened.
    let in_line_before = match index {
        Some(index) => index.is_in_line_with(store.state()?.as_deref()),
        None => false,
    };
    std::thread::scope(|scope| -> Result<()> {
        let (to_store, read) = std::sync::mpsc::sync_channel(1);
        let work = &work;
        scope.spawn(move || {
            for batch in work.chunks(BATCH) {
                // The store stopped (it failed): nothing more to read.
                if to_store.send(read_batch(batch, base, verbose)).is_err() {
                    break;
                }
            }
        });
        let indexer = index.map(|index| {
            let (to_index, stored) = std::sync::mpsc::sync_channel::<Vec<Indexed>>(1);
            let indexing = scope.spawn(move || -> Result<()> {
                for versions in stored {
                    let versions: Vec<Version<'_>> = versions.iter().map(Version::from).collect();
                    index.replace(&versions, base)?;
                }
                Ok(())
            });
            (to_index, indexing)
        });
        // Drafts and the acts adopted from them are linked once, when every batch is in.
        let mut batches = store.batches();
        for results in read {
            let mut documents = Vec::with_capacity(results.len());
            let mut versions = Vec::with_capacity(results.len());
            for r in results {
                match r {
                    Ok((quads, warnings, expression, doc)) => {
                        summary.documents += 1;
                        summary.warnings.add(&warnings);
                        summary.quads += quads.len();
                        summary.expressions.insert(expression.clone());
                        let digest = unakn::store::digest_in(&quads).unwrap_or("").to_string();
                        documents.push(quads);
                        versions.push((doc, expression, digest));
                    }
                    Err(e) => progress.skip(&e),
                }
            }
            batches.replace_documents(&documents)?;
            drop(documents);
            progress.succeeded(versions.len());
            // The index after the store: a kill in between leaves the index behind, and the
            // next open brings it into line ([`Index::reconcile`]).
            if let Some((to_index, _)) = &indexer {
                if to_index.send(versions).is_err() {
                    // The indexer stopped on an error, which its join reports.
                    break;
                }
            }
        }
        if let Some((to_index, indexing)) = indexer {
            drop(to_index);
            indexing
                .join()
                .map_err(|_| anyhow::anyhow!("the search indexer panicked"))??;
        }
        batches.finish()?;
        Ok(())
    })?;
    if let Some(index) = index.filter(|_| in_line_before) {
        index.mark_in_line_with(store.state()?.as_deref())?;
    }
    // The verdict is the caller's ([`LoadSummary::finish`]), once it has told what it loaded.
    summary.errors = progress.failed;
    progress.clear();
    Ok(summary)
}

/// Inputs read and converted at once: enough to keep both cores busy and the bulk loader fed,
/// few enough that the three batches in flight stay well under a gigabyte.
const BATCH: usize = 96;

/// Reads a batch's inputs in parallel, each as its copy's symbols name it.
fn read_batch(
    batch: &[(usize, &PathBuf)],
    base: &Base,
    verbose: bool,
) -> Vec<Result<ReadDocument>> {
    use rayon::prelude::*;
    batch
        .par_iter()
        .map(|&(copy, path)| {
            let (mut doc, warnings) = read_document(path, verbose)?;
            if copy > 0 {
                doc.symbol = resymbol(&doc.symbol, copy);
                doc.number = resymbol(&doc.number, copy);
                // A copy's session is its own, as its symbols say (80 → 802), so that each
                // copy's drafts are linked among themselves.
                if let Some(s) = doc.masthead.session {
                    doc.masthead.session = Some(s * 10 + copy as u32);
                }
            }
            Ok((
                unakn::store::quads_with_manifestation(&doc, base)?,
                warnings,
                base.expression(&doc.symbol, doc.language).into_string(),
                doc,
            ))
        })
        .collect()
}

/// A version stored, for the search index: the document, its expression's IRI, its digest.
type Indexed = (unakn::model::Document, String, String);

/// One input read: its quads as the store keeps them, its warnings, its expression's IRI, and
/// the document (for the search index).
type ReadDocument = (
    Vec<oxigraph::model::Quad>,
    Vec<Located>,
    String,
    unakn::model::Document,
);

/// A symbol with `copy` appended to its session (the first segment of digits alone; else its
/// first number): `A/RES/78/10` → `A/RES/782/10`, `A/C.1/80/L.17` → `A/C.1/802/L.17`.
fn resymbol(symbol: &str, copy: usize) -> String {
    if symbol.is_empty() {
        // A draft's number: it has none.
        return String::new();
    }
    let mut at = 0;
    for segment in symbol.split('/') {
        if !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit()) {
            let end = at + segment.len();
            return format!("{}{copy}{}", &symbol[..end], &symbol[end..]);
        }
        at += segment.len() + 1;
    }
    match symbol.find(|c: char| c.is_ascii_digit()) {
        Some(start) => {
            let end = symbol[start..]
                .find(|c: char| !c.is_ascii_digit())
                .map_or(symbol.len(), |e| start + e);
            format!("{}{copy}{}", &symbol[..end], &symbol[end..])
        }
        None => format!("{symbol}/{copy}"),
    }
}

#[cfg(test)]
#[test]
fn copies_take_their_own_session() {
    assert_eq!(resymbol("A/RES/78/10", 2), "A/RES/782/10");
    assert_eq!(resymbol("78/10", 2), "782/10");
    assert_eq!(resymbol("A/C.1/80/L.17", 3), "A/C.1/803/L.17");
    assert_eq!(resymbol("S/RES/2720 (2023)", 2), "S/RES/27202 (2023)");
    assert_eq!(resymbol("", 2), "");
}

pub fn load(inputs: &[PathBuf], store_dir: &Path, base: &Base, verbose: bool) -> Result<()> {
    let started = Instant::now();
    let store = Store::open(store_dir)?;
    let index = Index::open(&unakn::search::folder_of(store_dir))?;
    let before = store.len()?;
    let s = load_copies_into(&store, Some(&index), inputs, base, 1, verbose)?;
    // What an earlier load left unindexed (killed between the store and the index).
    let reconciled = index.bring_in_line(&store, base)?;
    // Bulk loading leaves overlapping files that every later read goes through until RocksDB
    // merges them; merged now, queries start from a store in its steady state.
    let compacting = Instant::now();
    if s.documents > 0 {
        store.compact()?;
    }
    let compacted = compacting.elapsed().as_secs_f64();
    let after = store.len()?;
    eprintln!(
        "loaded {} documents ({} expressions, {} triples) into {}: {} quads in the store ({:+}), {} graphs; \
         {} warnings, {} errors, {} other files skipped; {:.2} s, of which compacting the store {:.2} s",
        s.documents,
        s.expressions.len(),
        s.quads,
        store_dir.display(),
        after,
        after as i64 - before as i64,
        store.graph_count()?,
        s.warnings.total,
        s.errors,
        s.skipped,
        started.elapsed().as_secs_f64(),
        compacted
    );
    eprintln!(
        "search index: {} units in {}{}",
        index.unit_count(),
        unakn::search::folder_of(store_dir).display(),
        match reconciled.indexed + reconciled.dropped {
            0 => String::new(),
            _ => format!(
                " ({} versions an earlier load left out indexed, {} dropped)",
                reconciled.indexed, reconciled.dropped
            ),
        }
    );
    if s.warnings.total > 0 {
        let every = if verbose {
            ""
        } else {
            " (-v prints every one)"
        };
        eprintln!("warnings by code{every}:");
        for line in s.warnings.lines() {
            eprintln!("{line}");
        }
    }
    s.finish()
}
