//! `unakn demo`: the bundled samples through the whole pipeline, into a store on disk that is
//! closed and reopened before the query catalogue runs over it.

use super::input::read_document;
use super::load::load_into;
use anyhow::Result;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;
use unakn::store::{ResultFormat, Store};
use unakn::vocab::Base;

/// Where the demo keeps its store: the directory given, or a new one that goes at the end.
struct DemoStore {
    dir: PathBuf,
    keep: bool,
}

impl Drop for DemoStore {
    fn drop(&mut self) {
        if !self.keep {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Opens the demo's store on disk, or in memory in a build without persistence.
fn open(place: &DemoStore) -> Result<(Store, bool)> {
    match Store::open(&place.dir) {
        Ok(store) => Ok((store, true)),
        Err(unakn::store::StoreError::NoPersistence) => Ok((Store::memory()?, false)),
        Err(e) => Err(e.into()),
    }
}

pub fn demo(store_dir: Option<&Path>) -> Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let place = DemoStore {
        dir: store_dir.map(Path::to_path_buf).unwrap_or_else(|| {
            std::env::temp_dir().join(format!("unakn-demo-{}", std::process::id()))
        }),
        keep: store_dir.is_some(),
    };
    let sample = root.join("samples/A_RES_77_213.md");
    let started = Instant::now();
    let (doc, _) = read_document(&sample, false)?;
    let mut xml = Vec::new();
    unakn::akn::write(&doc, &mut xml)?;
    let base = Base::default();
    let quads = unakn::store::quads_with_manifestation(&doc, &base)?;
    let (store, on_disk) = open(&place)?;
    store.replace_documents(std::slice::from_ref(&quads))?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "unakn demo: {} (Source: United Nations)",
        sample.display()
    )?;
    writeln!(
        out,
        "  {} \"{}\": {} recitals, {} operative paragraphs, {} footnotes",
        doc.symbol,
        unakn::markup::plain_text(&doc.act.title),
        doc.act.preamble.len(),
        doc.act.body.len(),
        doc.footnotes.len()
    )?;
    writeln!(
        out,
        "  AKN: {} bytes; RDF: {} quads",
        xml.len(),
        store.len()?
    )?;
    // The other samples join the same graph: page text of session 78, and the UN's own AKN
    // (77/213 in French, 78/10 with its recorded vote).
    let others: Vec<PathBuf> = std::fs::read_dir(root.join("samples"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            p != &sample
                && (name.ends_with(".txt")
                    || (name.ends_with(".xml") && !name.ends_with(".akn.xml")))
        })
        .collect();
    let loaded = load_into(&store, None, &others, &base)?;
    let graphs = store.graphs()?;
    let versions = graphs
        .iter()
        .filter(|g| Base::work_of_expression(g.as_str()).is_some())
        .count();
    let links = graphs
        .iter()
        .filter(|g| g.as_str().contains("/links/"))
        .count();
    writeln!(
        out,
        "  with {} more samples: {} quads in {} named graphs ({} language versions, {} works, \
         {} session's links of drafts to resolutions)",
        loaded.documents,
        store.len()?,
        graphs.len(),
        versions,
        graphs.len() - versions - links,
        links
    )?;
    let store = if on_disk {
        // Closed, then opened again: what the catalogue reads below came back from disk.
        drop(store);
        let (store, _) = open(&place)?;
        writeln!(
            out,
            "  store on disk (RocksDB) in {}: closed and reopened, {} quads in {} graphs{}",
            place.dir.display(),
            store.len()?,
            store.graph_count()?,
            if place.keep {
                ""
            } else {
                " (removed at the end; `demo --store DIR` keeps it)"
            }
        )?;
        store
    } else {
        writeln!(
            out,
            "  store in memory: this unakn was built without persistence (--no-default-features)"
        )?;
        store
    };
    for q in unakn::catalogue::QUERIES {
        writeln!(out, "\n== {}.rq — {}", q.name, q.title)?;
        store.query_to(q.text, ResultFormat::Table, &mut out)?;
    }
    writeln!(
        out,
        "\ndone in {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    )?;
    Ok(())
}
