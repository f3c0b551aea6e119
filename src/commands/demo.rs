//! `unakn demo`: the bundled samples through the whole pipeline.

use super::input::read_document;
use super::load::load_into;
use crate::*;

pub fn demo() -> Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sample = root.join("samples/A_RES_77_213.md");
    let started = Instant::now();
    let (doc, _) = read_document(&sample, false)?;
    let mut xml = Vec::new();
    unakn::akn::write(&doc, &mut xml)?;
    let base = Base::default();
    let quads = unakn::rdf::quads_with_manifestation(&doc, &base)?;
    let store = Store::memory()?;
    store.replace(&quads)?;
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
        unakn::rdf::plain_text(&doc.title),
        doc.preamble.len(),
        doc.body.len(),
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
    let loaded = load_into(&store, &others, &base)?;
    writeln!(
        out,
        "  with {} more samples: {} quads in {} named graphs (one per language version)",
        loaded.documents,
        store.len()?,
        store.graph_count()?
    )?;
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
