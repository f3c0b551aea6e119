//! `unakn mandates`: every mandate of the inputs' operative paragraphs, as a table, JSON lines
//! or CSV; with `--against`, scored on a reference set labelled by hand.

use super::input::{input_files, read_document, Batch};
use crate::cli::MandatesFormat;
use anyhow::{anyhow, Context, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use unakn::eval::mandates::{score, Reference, Scores, Set};
use unakn::model::{Document, Mandate, MandateKind};
use unakn::store::Store;

pub fn run(
    inputs: &[PathBuf],
    store: Option<&Path>,
    format: MandatesFormat,
    against: Option<&Path>,
) -> Result<()> {
    let reference = against.map(read_reference).transpose()?;
    let mut found: Vec<(String, Mandate)> = Vec::new();
    let mut out = std::io::stdout().lock();
    if format == MandatesFormat::Csv {
        writeln!(out, "{}", KEYS.join(","))?;
    }
    let mut write = |mandates: Vec<(String, Mandate)>| -> Result<()> {
        for (act, m) in mandates {
            if reference.is_none() {
                write_one(&mut out, &act, &m, format)?;
            }
            found.push((act, m));
        }
        Ok(())
    };
    let batch = if let Some(dir) = store {
        for doc in stored_english(dir)? {
            write(unakn::mandate::extract(&doc))?;
        }
        None
    } else {
        let (files, _) = input_files(inputs)?;
        let mut batch = Batch::new(files.len(), reference.is_none() && files.len() > 1);
        for path in &files {
            match read_document(path, false) {
                Ok((doc, _)) => {
                    write(unakn::mandate::extract(&doc))?;
                    batch.succeeded(1);
                }
                Err(e) => batch.skip(&e),
            }
        }
        batch.clear();
        Some(batch)
    };
    if let Some(reference) = &reference {
        report(&score(&found, reference, Set::Tuned), "tuned on", true)?;
        report(
            &score(&found, reference, Set::Check),
            "drawn later to check",
            true,
        )?;
        // The held-out set's disagreements are not printed: reading them would tune the rules.
        report(&score(&found, reference, Set::HeldOut), "held out", false)?;
    } else {
        eprintln!("unakn mandates: {} mandates", found.len());
    }
    match batch {
        Some(b) => b.finish("read"),
        None => Ok(()),
    }
}

/// The keys of a mandate in JSON lines and CSV: other tools read them by these names.
const KEYS: [&str; 14] = [
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

/// A mandate as one JSON line, its keys in the order of [`KEYS`].
#[derive(serde::Serialize)]
struct Line<'a> {
    resolution: &'a str,
    paragraph: &'a str,
    section: Option<&'a str>,
    eid: &'a str,
    verb: &'a str,
    addressee: &'a str,
    addressee_kind: &'a str,
    kind: &'a str,
    due: &'a str,
    recurrence: &'a str,
    until: Option<&'a str>,
    review: bool,
    subject: Option<&'a str>,
    text: &'a str,
}

fn write_one(out: &mut impl Write, act: &str, m: &Mandate, format: MandatesFormat) -> Result<()> {
    let due = m.due.map(|d| d.to_string());
    let until = m.until.map(|d| d.to_string());
    let recurrence = m.recurrence.map(|r| r.as_str());
    match format {
        MandatesFormat::Table => writeln!(
            out,
            "{act}\t{}\t{}\t{}\t{}\t{}\t{} {}",
            m.paragraph,
            m.kind.as_str(),
            m.addressee_kind.as_str(),
            due.as_deref().unwrap_or("-"),
            recurrence.unwrap_or("-"),
            m.verb,
            m.addressee
        )?,
        MandatesFormat::Jsonl | MandatesFormat::Csv => {
            let line = Line {
                resolution: act,
                paragraph: &m.paragraph,
                section: m.section.as_deref(),
                eid: &m.eid,
                verb: &m.verb,
                addressee: &m.addressee,
                addressee_kind: m.addressee_kind.as_str(),
                kind: m.kind.as_str(),
                due: due.as_deref().unwrap_or(""),
                recurrence: recurrence.unwrap_or(""),
                until: until.as_deref(),
                review: m.review,
                subject: m.subject.as_deref(),
                text: &m.text,
            };
            if format == MandatesFormat::Jsonl {
                writeln!(out, "{}", serde_json::to_string(&line)?)?;
            } else {
                // The same fields, by the same keys: null as an empty cell.
                let value = serde_json::to_value(&line)?;
                let cells: Vec<String> = KEYS
                    .iter()
                    .map(|k| match &value[*k] {
                        serde_json::Value::String(s) => csv_cell(s),
                        serde_json::Value::Null => String::new(),
                        other => other.to_string(),
                    })
                    .collect();
                writeln!(out, "{}", cells.join(","))?;
            }
        }
    }
    Ok(())
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn read_reference(dir: &Path) -> Result<Reference> {
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name))
            .with_context(|| format!("{}", dir.join(name).display()))
    };
    Reference::read(&read("resolutions.tsv")?, &read("reference.tsv")?)
        .map_err(|e| anyhow!("{}: {e}", dir.display()))
}

/// The English documents of a store, read back from the AKN it keeps.
fn stored_english(dir: &Path) -> Result<Vec<Document>> {
    let store = Store::open(dir)?;
    let mut out = Vec::new();
    for graph in store.graphs()? {
        if !graph.as_str().ends_with("/eng@") {
            continue;
        }
        let Some(xml) = store.stored_akn(&graph)? else {
            continue;
        };
        let doc = unakn::parse::parse_akn(&xml)
            .with_context(|| format!("{}: its stored AKN", graph.as_str()))?
            .value;
        out.push(doc);
    }
    Ok(out)
}

fn report(scores: &Scores, which: &str, list: bool) -> Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "# {} resolutions {which}", scores.resolutions)?;
    writeln!(out, "kind\tprecision\trecall\tfound\tlabelled")?;
    for kind in MandateKind::ALL {
        let k = scores.kinds.get(&kind).copied().unwrap_or_default();
        writeln!(
            out,
            "{}\t{:.3}\t{:.3}\t{}\t{}",
            kind.as_str(),
            k.precision(),
            k.recall(),
            k.predicted,
            k.expected
        )?;
    }
    for (name, tally) in [
        ("addressee_kind", scores.addressee_kind),
        ("due", scores.due),
        ("recurrence", scores.recurrence),
    ] {
        writeln!(
            out,
            "{name}\t{:.3}\t({} of {})",
            tally.percent() / 100.0,
            tally.matched,
            tally.total
        )?;
    }
    if list {
        for miss in &scores.misses {
            writeln!(out, "  {miss}")?;
        }
    }
    Ok(())
}
