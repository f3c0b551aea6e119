//! `unakn link`: each adopted resolution among the inputs linked to the draft it was adopted
//! from, with how sure the link is and on what evidence; with `--against`, scored against the
//! drafts the UN's AKN names in its workflow.

use super::input::{input_files, read_document, Batch};
use anyhow::Result;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use unakn::link::{link, unrevised, Link};
use unakn::model::{Document, Outcome};

pub fn run(inputs: &[PathBuf], against: Option<&Path>, jsonl: bool) -> Result<()> {
    let (files, _) = input_files(inputs)?;
    let mut batch = Batch::new(files.len(), true);
    let mut documents: Vec<Document> = Vec::new();
    for path in &files {
        match read_document(path, false) {
            Ok((doc, _)) => {
                documents.push(doc);
                batch.succeeded(1);
            }
            Err(e) => batch.skip(&e),
        }
    }
    batch.clear();
    let (drafts, adopted): (Vec<&Document>, Vec<&Document>) =
        documents.iter().partition(|d| d.is_draft());
    let (links, unlinked) = link(&adopted, &drafts);
    let mut out = std::io::stdout().lock();
    for l in &links {
        if jsonl {
            let evidence: Vec<String> = l.evidence.iter().map(ToString::to_string).collect();
            let line = serde_json::json!({
                "adopted": l.adopted,
                "draft": l.draft,
                "confidence": l.confidence.as_str(),
                "score": (l.score * 1000.0).round() / 1000.0,
                "evidence": evidence,
            });
            writeln!(out, "{line}")?;
        } else {
            writeln!(
                out,
                "{}\t{}\t{}\t{}",
                l.adopted,
                l.draft,
                l.confidence.as_str(),
                evidence_line(l)
            )?;
        }
    }
    for u in &unlinked {
        if jsonl {
            let line =
                serde_json::json!({ "adopted": u.adopted, "draft": null, "reason": u.reason });
            writeln!(out, "{line}")?;
        } else {
            writeln!(out, "{}\t-\tnone\t{}", u.adopted, u.reason)?;
        }
    }
    let drafts_linked = links.len();
    eprintln!(
        "unakn link: {} adopted, {} drafts: {} linked ({} stated, {} high, {} probable), {} left unlinked; {} drafts linked to nothing",
        adopted.len(),
        drafts.len(),
        links.len(),
        count(&links, "stated"),
        count(&links, "high"),
        count(&links, "probable"),
        unlinked.len(),
        drafts.len().saturating_sub(drafts_linked),
    );
    if let Some(dir) = against {
        score(&links, &adopted, dir)?;
        changes(&links, &documents)?;
    }
    batch.finish("read")
}

/// What changed from each draft to its resolution: how much of each resolution aligns to its
/// draft, and whether applying each diff to the draft gives the resolution's paragraphs.
fn changes(links: &[Link], documents: &[Document]) -> Result<()> {
    use unakn::diff::{apply, diff, units};
    let find = |s: &str| documents.iter().find(|d| d.symbol == s);
    let (mut exact, mut shares) = (0, Vec::new());
    for l in links {
        let (Some(old), Some(new)) = (find(&l.draft), find(&l.adopted)) else {
            continue;
        };
        let d = diff(old, new);
        let expected: Vec<_> = units(new)
            .into_iter()
            .map(|u| (u.kind, u.number, u.text))
            .collect();
        exact += usize::from(apply(&d, &units(old)) == Some(expected));
        shares.push((d.aligned, l.adopted.as_str()));
    }
    if shares.is_empty() {
        return Ok(());
    }
    shares.sort_by(|x, y| x.0.total_cmp(&y.0));
    let mean = shares.iter().map(|s| s.0).sum::<f32>() / shares.len() as f32;
    writeln!(
        std::io::stdout().lock(),
        "diffs: {} pairs; applied to the draft, {exact} give the resolution's paragraphs exactly; \
         paragraphs aligned to the draft's: mean {:.1}%, lowest {:.1}% ({})",
        shares.len(),
        mean * 100.0,
        shares[0].0 * 100.0,
        shares[0].1
    )?;
    Ok(())
}

fn count(links: &[Link], confidence: &str) -> usize {
    links
        .iter()
        .filter(|l| l.confidence.as_str() == confidence)
        .count()
}

fn evidence_line(l: &Link) -> String {
    l.evidence
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Scores the links against the drafts the UN's AKN of each resolution names in its workflow:
/// a link is right when it names that draft, or the original of the revision named.
fn score(links: &[Link], adopted: &[&Document], akn_dir: &Path) -> Result<()> {
    let (files, _) = input_files(&[akn_dir.to_path_buf()])?;
    let mut named: HashMap<String, String> = HashMap::new();
    for path in files {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let Ok(parsed) = unakn::parse::parse(&bytes) else {
            continue;
        };
        let doc = parsed.value;
        let draft = doc
            .metadata
            .workflow
            .iter()
            .find(|s| matches!(s.outcome, Outcome::DraftResolution | Outcome::DraftDecision))
            .and_then(|s| s.document.clone());
        if let Some(d) = draft {
            named.insert(doc.symbol.clone(), d);
        }
    }
    let by_adopted: HashMap<&str, &Link> = links.iter().map(|l| (l.adopted.as_str(), l)).collect();
    let (mut right, mut wrong, mut missed, mut scored) = (0, 0, 0, 0);
    let mut out = std::io::stdout().lock();
    let mut symbols: Vec<&str> = adopted.iter().map(|d| d.symbol.as_str()).collect();
    symbols.sort();
    symbols.dedup();
    for symbol in symbols {
        let Some(expected) = named.get(symbol) else {
            continue;
        };
        scored += 1;
        match by_adopted.get(symbol) {
            Some(l) if l.draft == *expected || l.draft == unrevised(expected) => right += 1,
            Some(l) => {
                wrong += 1;
                writeln!(
                    out,
                    "WRONG\t{symbol}\t{} (the UN names {expected})\t{}",
                    l.draft,
                    evidence_line(l)
                )?;
            }
            None => {
                missed += 1;
                writeln!(out, "MISSED\t{symbol}\t(the UN names {expected})")?;
            }
        }
    }
    let pct = |n: usize| {
        if scored == 0 {
            0.0
        } else {
            100.0 * n as f64 / scored as f64
        }
    };
    writeln!(
        out,
        "against the UN's workflow: {scored} resolutions; linked right {right} ({:.1}%), wrong {wrong}, unlinked {missed} ({:.1}%)",
        pct(right),
        pct(missed)
    )?;
    Ok(())
}
