//! `unakn eval`: agreement of conversions with the UN's own AKN.

use super::input::{expand, read_document, Batch};
use anyhow::{anyhow, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The symbol an AKN file name carries: `A_RES_78_10-2323443E.xml` → `A/RES/78/10`.
pub fn symbol_from_file_name(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    let head = stem.split('-').next()?;
    head.contains('_').then(|| head.replace('_', "/"))
}

pub fn eval(text_dir: &Path, akn_dir: &Path, list: bool, schema: Option<&Path>) -> Result<()> {
    use unakn::eval::{compare, extract, Agreement, Tally};
    let started = Instant::now();
    let mut reference = std::collections::HashMap::new();
    let mut unreadable = Vec::new();
    for path in expand(&[akn_dir.to_path_buf()])? {
        if path.extension().is_none_or(|e| e != "xml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        match extract(&text) {
            Ok(x) => {
                let symbol = x.symbol.clone().or_else(|| symbol_from_file_name(&path));
                if let Some(s) = symbol {
                    reference.insert(s.replace(' ', ""), (path.clone(), x));
                }
            }
            Err(e) => unreadable.push(format!("{}: {e}", path.display())),
        }
    }
    let texts: Vec<PathBuf> = expand(&[text_dir.to_path_buf()])?
        .into_iter()
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "txt" || e == "md" || e == "xml" || e == "pdf")
        })
        .collect();
    let out_dir = std::env::temp_dir().join(format!("unakn-eval-{}", std::process::id()));
    std::fs::create_dir_all(&out_dir)?;
    let mut total = Agreement::default();
    let mut relaxed = Agreement::default();
    let (mut converted, mut paired, mut meta_exact) = (0usize, 0usize, 0usize);
    let mut batch = Batch::new(texts.len(), false);
    let mut written = Vec::new();
    let mut out = std::io::stdout().lock();
    for path in &texts {
        let (doc, _) = match read_document(path, false) {
            Ok(d) => d,
            Err(e) => {
                batch.skip(&e);
                continue;
            }
        };
        batch.succeeded(1);
        converted += 1;
        let mut xml = Vec::new();
        unakn::akn::write(&doc, &mut xml)?;
        let file = out_dir.join(format!(
            "{}.akn.xml",
            path.file_stem().and_then(|s| s.to_str()).unwrap_or("doc")
        ));
        std::fs::write(&file, &xml)?;
        written.push(file);
        let ours = extract(std::str::from_utf8(&xml)?)
            .map_err(|e| anyhow!("our own AKN for {}: {e}", path.display()))?;
        let Some((akn_path, theirs)) = reference.get(&doc.symbol.replace(' ', "")) else {
            writeln!(out, "{:<16} no UN AKN for this symbol", doc.symbol)?;
            continue;
        };
        paired += 1;
        let a = compare(&ours, theirs);
        if a.metadata.is_full() {
            meta_exact += 1;
        }
        let t = |t: &Tally| format!("{}/{}", t.matched, t.total);
        writeln!(
            out,
            "{:<16} meta {:<5} recitals {:<7} paragraphs {:<7} items {:<7} annex {:<7} notes {:<5} hosts {:<5} table rows {}",
            doc.symbol,
            t(&a.metadata),
            t(&a.recitals),
            t(&a.paragraphs),
            t(&a.items),
            t(&a.annex_paragraphs),
            t(&a.footnotes),
            t(&a.footnote_hosts),
            t(&a.table_rows)
        )?;
        if list && !a.disagreements.is_empty() {
            writeln!(out, "    vs {}", akn_path.display())?;
            for d in &a.disagreements {
                writeln!(out, "    - {d}")?;
            }
        }
        relaxed.add(compare(
            &ours.with_plain_hyphens(),
            &theirs.with_plain_hyphens(),
        ));
        total.add(a);
    }
    let valid = unakn::schema::validate_files(&written, schema);
    let _ = std::fs::remove_dir_all(&out_dir);
    let pct = |n: usize, d: usize| {
        if d == 0 {
            100.0
        } else {
            100.0 * n as f64 / d as f64
        }
    };
    writeln!(
        out,
        "\ntotal: {} texts, {} AKN references ({} unreadable)",
        texts.len(),
        reference.len(),
        unreadable.len()
    )?;
    writeln!(
        out,
        "  converted          {converted}/{} ({:.1}%)",
        texts.len(),
        pct(converted, texts.len())
    )?;
    match valid {
        Ok(report) => writeln!(
            out,
            "  XSD-valid          {}/{converted} ({:.1}%)",
            report.valid(),
            pct(report.valid(), converted)
        )?,
        Err(e) => writeln!(out, "  XSD-valid          not checked: {e}")?,
    }
    writeln!(out, "  paired with UN AKN {paired}")?;
    writeln!(
        out,
        "  metadata exact     {meta_exact}/{paired} documents ({:.1}%); fields {:.1}%",
        pct(meta_exact, paired),
        total.metadata.percent()
    )?;
    writeln!(
        out,
        "  {:<18} {:<22} identical but for U+2011 hyphens",
        "", "identical"
    )?;
    for (name, t, r) in [
        ("recitals", total.recitals, relaxed.recitals),
        ("paragraphs", total.paragraphs, relaxed.paragraphs),
        ("sub-items", total.items, relaxed.items),
        (
            "  in annexes",
            total.annex_paragraphs,
            relaxed.annex_paragraphs,
        ),
        ("  sub-items there", total.annex_items, relaxed.annex_items),
        ("footnotes", total.footnotes, relaxed.footnotes),
        (
            "footnote hosts",
            total.footnote_hosts,
            relaxed.footnote_hosts,
        ),
        ("opening phrases", total.phrases, relaxed.phrases),
        ("words in order", total.words, relaxed.words),
        ("table rows", total.table_rows, relaxed.table_rows),
    ] {
        let strict = format!("{}/{} ({:.2}%)", t.matched, t.total, t.percent());
        writeln!(
            out,
            "  {name:<18} {strict:<22} {}/{} ({:.2}%)",
            r.matched,
            r.total,
            r.percent()
        )?;
    }
    for u in &unreadable {
        writeln!(out, "  unreadable reference: {u}")?;
    }
    writeln!(out, "  {:.2} s", started.elapsed().as_secs_f64())?;
    // Every input that could be converted is measured; the exit code tells of the others.
    batch.finish("converted")
}
