//! `unakn bench`: throughput of each stage of the pipeline on given inputs, single-threaded,
//! as the median of several timed loops with their spread.

use super::input::expand;
use anyhow::{anyhow, Context, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;
use std::time::Instant;
use unakn::model::Document;
use unakn::store::Store;
use unakn::vocab::Base;

/// One stage's timings: the median loop and the fastest and slowest.
struct Measure {
    median: Duration,
    min: Duration,
    max: Duration,
}

fn measure(repeats: usize, f: &mut dyn FnMut()) -> Measure {
    f(); // warm-up
    let mut times: Vec<Duration> = (0..repeats)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    Measure {
        median: times[times.len() / 2],
        min: times[0],
        max: times[times.len() - 1],
    }
}

fn report(
    out: &mut impl Write,
    stage: &str,
    m: &Measure,
    bytes: usize,
    docs: usize,
    unit: (&str, usize),
) -> Result<()> {
    let s = m.median.as_secs_f64();
    writeln!(
        out,
        "| {stage:<26} | {:>9.1} | {:>9.0} | {:>12.0} {:<8} | {:>8.2} ms ({:.2}–{:.2}) |",
        bytes as f64 / 1e6 / s,
        docs as f64 / s,
        unit.1 as f64 / s,
        unit.0,
        s * 1e3,
        m.min.as_secs_f64() * 1e3,
        m.max.as_secs_f64() * 1e3
    )?;
    Ok(())
}

pub fn bench(inputs: &[PathBuf], repeats: usize, only: Option<&str>) -> Result<()> {
    let repeats = repeats.max(3);
    let files = expand(inputs)?;
    let mut texts = Vec::new();
    let mut akns = Vec::new();
    let mut pdfs = Vec::new();
    for path in &files {
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        if unakn::parse::is_pdf(&bytes) {
            pdfs.push(bytes);
            continue;
        }
        match unakn::parse::sniff(&bytes) {
            Ok((unakn::parse::InputFormat::Text, _)) => texts.push(bytes),
            Ok((unakn::parse::InputFormat::Akn, _)) => akns.push(bytes),
            Err(_) => {}
        }
    }
    if texts.is_empty() && akns.is_empty() && pdfs.is_empty() {
        return Err(anyhow!("no readable inputs"));
    }
    let pdf_bytes: usize = pdfs.iter().map(Vec::len).sum();
    let pdf_pages: usize = pdfs
        .iter()
        .filter_map(|p| unakn::parse::pdf_text(p).ok())
        .map(|r| r.page_starts.len())
        .sum();
    let base = Base::default();
    let parse_all = |inputs: &[Vec<u8>]| -> Vec<Document> {
        inputs
            .iter()
            .filter_map(|b| unakn::parse::parse(b).ok().map(|w| w.value))
            .collect()
    };
    let docs: Vec<Document> = parse_all(&texts)
        .into_iter()
        .chain(parse_all(&akns))
        .chain(parse_all(&pdfs))
        .collect();
    let text_bytes: usize = texts.iter().map(Vec::len).sum();
    let akn_bytes: usize = akns.iter().map(Vec::len).sum();
    let mut written = Vec::new();
    for d in &docs {
        let mut xml = Vec::new();
        unakn::akn::write(d, &mut xml)?;
        written.push(xml);
    }
    let written_bytes: usize = written.iter().map(Vec::len).sum();
    let quads: Vec<Vec<oxigraph::model::Quad>> =
        docs.iter().map(|d| unakn::rdf::quads(d, &base)).collect();
    let quad_count: usize = quads.iter().map(Vec::len).sum();

    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "inputs: {} text ({:.2} MB), {} AKN ({:.2} MB), {} PDF ({:.2} MB, {pdf_pages} pages); {} documents, {:.2} MB of AKN written, {} quads; median of {repeats} runs, one thread",
        texts.len(),
        text_bytes as f64 / 1e6,
        akns.len(),
        akn_bytes as f64 / 1e6,
        pdfs.len(),
        pdf_bytes as f64 / 1e6,
        docs.len(),
        written_bytes as f64 / 1e6,
        quad_count
    )?;
    writeln!(
        out,
        "| {:<26} | {:>9} | {:>9} | {:>21} | {:>28} |",
        "stage", "MB/s", "docs/s", "items/s", "median (min–max)"
    )?;
    writeln!(
        out,
        "|{:-<28}|{:->11}|{:->11}|{:->23}|{:->30}|",
        "", "", "", "", ""
    )?;
    // Times one stage and prints its row.
    let mut stage =
        |name: &str, bytes: usize, docs: usize, unit: (&str, usize), f: &mut dyn FnMut()| {
            if only.is_some_and(|only| !name.contains(only)) {
                return Ok(());
            }
            let m = measure(repeats, f);
            report(&mut out, name, &m, bytes, docs, unit)
        };
    if !texts.is_empty() {
        stage(
            "text → model",
            text_bytes,
            texts.len(),
            ("docs", texts.len()),
            &mut || {
                for t in &texts {
                    std::hint::black_box(unakn::parse::parse(t).ok());
                }
            },
        )?;
        // Marked and unmarked side by side: what reading the mandates costs the conversion.
        for (name, marked) in [
            ("text → AKN (parse + write)", true),
            ("text → AKN, unmarked", false),
        ] {
            stage(
                name,
                text_bytes,
                texts.len(),
                ("docs", texts.len()),
                &mut || {
                    for t in &texts {
                        if let Ok(w) = unakn::parse::parse(t) {
                            let mut xml = Vec::with_capacity(t.len() * 3);
                            let _ = if marked {
                                unakn::akn::write(&w.value, &mut xml)
                            } else {
                                unakn::akn::write_unmarked(&w.value, &mut xml)
                            };
                            std::hint::black_box(xml);
                        }
                    }
                },
            )?;
        }
    }
    if !pdfs.is_empty() {
        stage(
            "PDF → text layer",
            pdf_bytes,
            pdfs.len(),
            ("pages", pdf_pages),
            &mut || {
                for p in &pdfs {
                    std::hint::black_box(unakn::parse::pdf_text(p).ok());
                }
            },
        )?;
        stage(
            "PDF → model",
            pdf_bytes,
            pdfs.len(),
            ("pages", pdf_pages),
            &mut || {
                for p in &pdfs {
                    std::hint::black_box(unakn::parse::parse(p).ok());
                }
            },
        )?;
    }
    for (name, marked) in [("model → AKN", true), ("model → AKN, unmarked", false)] {
        stage(
            name,
            written_bytes,
            docs.len(),
            ("docs", docs.len()),
            &mut || {
                for d in &docs {
                    let mut xml = Vec::new();
                    let _ = if marked {
                        unakn::akn::write(d, &mut xml)
                    } else {
                        unakn::akn::write_unmarked(d, &mut xml)
                    };
                    std::hint::black_box(xml);
                }
            },
        )?;
    }
    // Read anew by the AKN writer (to mark actors and dates) and by the RDF writer.
    let mandate_count: usize = docs.iter().map(|d| unakn::mandate::extract(d).len()).sum();
    stage(
        "model → mandates",
        written_bytes,
        docs.len(),
        ("mandates", mandate_count),
        &mut || {
            for d in &docs {
                std::hint::black_box(unakn::mandate::extract(d));
            }
        },
    )?;
    stage(
        "model → actors (AKN marks)",
        written_bytes,
        docs.len(),
        ("docs", docs.len()),
        &mut || {
            for d in &docs {
                unakn::mandate::printed_in(d, |runs, text, printed| {
                    std::hint::black_box((runs, text, printed));
                });
            }
        },
    )?;
    stage(
        "model → quads",
        written_bytes,
        docs.len(),
        ("triples", quad_count),
        &mut || {
            for d in &docs {
                std::hint::black_box(unakn::rdf::quads(d, &base));
            }
        },
    )?;
    if !akns.is_empty() {
        stage(
            "AKN reader (UN's files)",
            akn_bytes,
            akns.len(),
            ("docs", akns.len()),
            &mut || {
                for a in &akns {
                    std::hint::black_box(unakn::parse::parse(a).ok());
                }
            },
        )?;
    }
    stage(
        "bulk load, memory store",
        written_bytes,
        docs.len(),
        ("triples", quad_count),
        &mut || {
            if let Ok(store) = Store::memory() {
                let _ = store.replace_documents(&quads);
            }
        },
    )?;
    Ok(())
}

/// The peak resident memory of this process so far, in MB (Linux; `None` elsewhere).
fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// The whole job: every input loaded as `unakn load` loads it (parallel parse, bulk load), then
/// each catalogue query timed over the result.
pub fn whole(inputs: &[PathBuf], repeats: usize, dir: Option<&Path>, copies: usize) -> Result<()> {
    let repeats = repeats.max(3);
    let store = match dir {
        Some(d) => {
            if d.exists() && std::fs::read_dir(d)?.next().is_some() {
                return Err(anyhow!(
                    "{} is not empty: give a new directory for the benchmark store",
                    d.display()
                ));
            }
            Store::open(d)?
        }
        None => Store::memory()?,
    };
    let mut out = std::io::stdout().lock();
    let started = Instant::now();
    let summary =
        super::load::load_copies_into(&store, None, inputs, &Base::default(), copies, false)?;
    let load_time = started.elapsed().as_secs_f64();
    // As `unakn load` ends (UNAKN_NO_COMPACT=1 leaves it out, to measure what it brings).
    let compacting = Instant::now();
    if std::env::var_os("UNAKN_NO_COMPACT").is_none() {
        store.compact()?;
    }
    let compact_time = compacting.elapsed().as_secs_f64();
    let quads = store.len()?;
    writeln!(
        out,
        "load into {}: {} documents ({} × {copies}), {} quads in {} graphs, {} errors: {:.2} s, \
         {:.0} quads/s, {:.0} documents/s; peak memory {:.0} MB",
        dir.map_or("memory".to_string(), |d| format!(
            "RocksDB at {}",
            d.display()
        )),
        summary.documents,
        summary.documents / copies.max(1),
        quads,
        store.graph_count()?,
        summary.errors,
        load_time,
        quads as f64 / load_time,
        summary.documents as f64 / load_time,
        peak_memory_mb().unwrap_or(f64::NAN),
    )?;
    writeln!(out, "compacted in {compact_time:.2} s")?;
    writeln!(
        out,
        "| {:<24} | {:>6} | {:>11} | {:>11} | {:>11} |",
        "query", "rows", "median ms", "p95 ms", "max ms"
    )?;
    writeln!(
        out,
        "|{:-<26}|{:->8}|{:->13}|{:->13}|{:->13}|",
        "", "", "", "", ""
    )?;
    for q in unakn::catalogue::QUERIES {
        let mut rows = 0;
        let mut times: Vec<f64> = (0..=repeats)
            .map(|_| {
                let t = Instant::now();
                rows = store.select(q.text).map(|t| t.rows.len()).unwrap_or(0);
                t.elapsed().as_secs_f64() * 1e3
            })
            .skip(1) // the first run warms the caches
            .collect();
        times.sort_by(f64::total_cmp);
        let p95 = times[((times.len() as f64 * 0.95).ceil() as usize).min(times.len()) - 1];
        writeln!(
            out,
            "| {:<24} | {:>6} | {:>11.2} | {:>11.2} | {:>11.2} |",
            q.name,
            rows,
            times[times.len() / 2],
            p95,
            times[times.len() - 1]
        )?;
    }
    writeln!(
        out,
        "peak memory of the whole run: {:.0} MB",
        peak_memory_mb().unwrap_or(f64::NAN)
    )?;
    Ok(())
}
