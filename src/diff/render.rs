//! A diff for people: as text on a terminal (coloured, or marked `[-deleted-]{+inserted+}`),
//! and as an HTML redline. JSON is the [`Diff`] itself, serialised.

use super::*;
use crate::markup::escaped_text;
use std::fmt::Write as _;

fn label(kind: UnitKind, number: Option<&str>, position: usize) -> String {
    match (kind, number) {
        (UnitKind::Recital, _) => format!("recital {}", position + 1),
        (UnitKind::Operative, Some(n)) => format!("paragraph {n}"),
        (UnitKind::Operative, None) => format!("paragraph u{}", position + 1),
    }
}

/// Where an entry stands: `paragraph 7`, `paragraph 5 → 6`.
fn place(e: &Entry) -> String {
    let old = e.old.map(|i| label(e.kind, e.old_number.as_deref(), i));
    let new = e.new.map(|j| label(e.kind, e.new_number.as_deref(), j));
    match (old, new) {
        (Some(o), Some(n)) if o != n => format!("{o} → {n}"),
        (_, Some(n)) => n,
        (Some(o), None) => o,
        (None, None) => String::new(),
    }
}

/// The counts of a diff in one line.
pub fn summary(d: &Diff) -> String {
    let counts: Vec<String> = [
        Status::Kept,
        Status::Renumbered,
        Status::Changed,
        Status::Moved,
        Status::Inserted,
        Status::Deleted,
    ]
    .iter()
    .map(|&s| format!("{} {}", d.count(s), s.as_str()))
    .collect();
    format!(
        "{} → {}: {}; {:.0}% of {}'s paragraphs aligned to {}'s",
        d.old_symbol,
        d.new_symbol,
        counts.join(", "),
        d.aligned * 100.0,
        d.new_symbol,
        d.old_symbol
    )
}

/// The changes as text: the summary, then each paragraph that is not kept as it was, its
/// words marked (`colour`: red and green for a terminal; else `[-…-]` and `{+…+}`).
pub fn text(d: &Diff, colour: bool) -> String {
    let mut out = summary(d);
    out.push('\n');
    for e in d.entries.iter().filter(|e| e.status != Status::Kept) {
        let _ = write!(out, "\n{} {}", place(e), e.status.as_str());
        if matches!(e.status, Status::Changed | Status::Moved) && e.similarity < 1.0 {
            let _ = write!(out, " ({:.0}% alike)", e.similarity * 100.0);
        }
        out.push('\n');
        if e.status == Status::Renumbered {
            continue;
        }
        out.push_str("    ");
        for w in &e.words {
            match (w, colour) {
                (WordOp::Same(t), _) => out.push_str(t),
                (WordOp::Deleted(t), true) => {
                    let _ = write!(out, "\x1b[31;9m{t}\x1b[0m");
                }
                (WordOp::Inserted(t), true) => {
                    let _ = write!(out, "\x1b[32;4m{t}\x1b[0m");
                }
                (WordOp::Deleted(t), false) => {
                    let _ = write!(out, "[-{t}-]");
                }
                (WordOp::Inserted(t), false) => {
                    let _ = write!(out, "{{+{t}+}}");
                }
            }
        }
        out.push('\n');
    }
    out
}

/// The changes as a readable redline: every paragraph of the new text in order, deleted words
/// struck through (`del`), inserted ones underlined (`ins`), each paragraph's fate beside it,
/// deleted paragraphs where they stood. A whole page when `title` is given, else a fragment
/// for a page of its own.
pub fn html(d: &Diff, title: Option<&str>) -> String {
    let mut out = String::new();
    if let Some(t) = title {
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>{}</title><style>{STYLE}</style></head><body><main>\n<h1>{}</h1>\n",
            escaped_text(t),
            escaped_text(t)
        );
    }
    let _ = write!(
        out,
        "<section class=\"diff\" aria-label=\"Changes\">\n<p class=\"summary\">{}</p>\n",
        escaped_text(&summary(d))
    );
    for e in &d.entries {
        let _ = write!(
            out,
            "<div class=\"para {}\"><p class=\"where\">{} <span class=\"status\">{}</span></p><p>",
            e.status.as_str(),
            escaped_text(&place(e)),
            e.status.as_str()
        );
        for w in &e.words {
            match w {
                WordOp::Same(t) => out.push_str(&escaped_text(t)),
                WordOp::Deleted(t) => {
                    let _ = write!(out, "<del>{}</del>", escaped_text(t));
                }
                WordOp::Inserted(t) => {
                    let _ = write!(out, "<ins>{}</ins>", escaped_text(t));
                }
            }
        }
        out.push_str("</p></div>\n");
    }
    out.push_str("</section>\n");
    if title.is_some() {
        out.push_str("</main></body></html>\n");
    }
    out
}

/// The redline's style: struck red deletions, underlined green insertions, readable on a phone.
pub const STYLE: &str = "body{font-family:Georgia,serif;max-width:48rem;margin:auto;padding:1rem;\
line-height:1.5;color:#1a1a1a}.summary{font-family:sans-serif;font-size:.9rem}\
.where{font-family:sans-serif;font-size:.8rem;color:#444;margin-bottom:0}\
.status{text-transform:uppercase;letter-spacing:.05em}\
del{color:#a40000;background:#fde8e8}ins{color:#005a1f;background:#e3f6e8}\
.deleted p:last-child{color:#a40000}.inserted p:last-child{color:#005a1f}";
