//! What changed between two versions of a text (a draft and the resolution adopted from it,
//! or any two documents): recitals and operative paragraphs aligned, each kept, renumbered,
//! changed, moved, inserted or deleted, and the words that changed inside a changed one.
//!
//! Alignment: paragraphs of the same kind with the same words are paired first (kept, or
//! renumbered, or moved); then the pairs at least half alike, best first (changed); what is
//! left is deleted or inserted. A pair out of the order the others keep is moved. The word
//! changes are exact: [`apply`] rebuilds the new text, numbers included, from the old and the
//! diff.

mod render;
mod words;

pub use render::{html, text};
pub use words::{alike, word_diff, WordOp};

use crate::eid::block_eids;
use crate::markup::{paragraph_text, plain_text};
use crate::model::*;
use serde::Serialize;
use std::collections::HashMap;

/// Two paragraphs at least this alike (their words compared) are one paragraph changed rather
/// than one deleted and another inserted.
pub const CHANGED_AT: f32 = 0.5;

/// A recital or an operative paragraph (a sub-item runs in its paragraph's text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unit {
    pub kind: UnitKind,
    /// As printed (`7`); `None` for a recital or an unnumbered paragraph.
    pub number: Option<String>,
    pub text: String,
    /// The eId the AKN, HTML and RDF name it by (`container_3`, `sec_II__para_7`).
    pub eid: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    Recital,
    Operative,
}

/// What became of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Kept,
    /// The same words under another number.
    Renumbered,
    Changed,
    /// Out of the order the other paragraphs keep (its words may have changed too).
    Moved,
    Inserted,
    Deleted,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Kept => "kept",
            Status::Renumbered => "renumbered",
            Status::Changed => "changed",
            Status::Moved => "moved",
            Status::Inserted => "inserted",
            Status::Deleted => "deleted",
        }
    }
}

/// One paragraph of either text and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    pub status: Status,
    pub kind: UnitKind,
    /// Its position among the old text's units, and the new's.
    pub old: Option<usize>,
    pub new: Option<usize>,
    pub old_number: Option<String>,
    pub new_number: Option<String>,
    /// How alike the two texts' words are (1 for the same words).
    pub similarity: f32,
    /// The words: the old text is the kept and deleted ones, the new the kept and inserted.
    pub words: Vec<WordOp>,
}

/// The changes from one text to another.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    pub old_symbol: String,
    pub new_symbol: String,
    /// In reading order: the new text's, each deleted paragraph after its old predecessor.
    pub entries: Vec<Entry>,
    /// The share of the new text's paragraphs aligned to one of the old (kept, renumbered,
    /// moved or changed): a failed alignment shows as a low share.
    pub aligned: f32,
}

impl Diff {
    pub fn count(&self, status: Status) -> usize {
        self.entries.iter().filter(|e| e.status == status).count()
    }
}

/// The recitals and operative paragraphs of a document, in reading order (a multi-part
/// resolution's parts after its own).
pub fn units(doc: &Document) -> Vec<Unit> {
    let mut out = Vec::new();
    for act in doc.acts() {
        for (i, r) in act.preamble.iter().enumerate() {
            out.push(Unit {
                kind: UnitKind::Recital,
                number: None,
                text: plain_text(&r.text).trim().to_string(),
                eid: format!("container_{}", i + 1),
            });
        }
        operative(&act.body, "", &mut out);
    }
    out
}

fn operative(blocks: &[Block], prefix: &str, out: &mut Vec<Unit>) {
    for (block, eid) in blocks.iter().zip(block_eids(prefix, blocks)) {
        match block {
            Block::Paragraph(p) => out.push(Unit {
                kind: UnitKind::Operative,
                number: p.number.clone(),
                text: paragraph_text(p),
                eid,
            }),
            Block::Section(s) => operative(&s.blocks, &eid, out),
            Block::Recital(_) | Block::Text(_) | Block::Table(_) => {}
        }
    }
}

/// The diff from `old` to `new`.
pub fn diff(old: &Document, new: &Document) -> Diff {
    let (a, b) = (units(old), units(new));
    let pairs = align(&a, &b);
    let moved = out_of_order(&pairs);
    let mut entries: Vec<Entry> = Vec::new();
    let mut old_taken = vec![false; a.len()];
    let by_new: HashMap<usize, usize> = pairs.iter().map(|&(i, j, _)| (j, i)).collect();
    for (j, unit) in b.iter().enumerate() {
        let Some(&i) = by_new.get(&j) else {
            entries.push(Entry {
                status: Status::Inserted,
                kind: unit.kind,
                old: None,
                new: Some(j),
                old_number: None,
                new_number: unit.number.clone(),
                similarity: 0.0,
                words: vec![WordOp::Inserted(unit.text.clone())],
            });
            continue;
        };
        old_taken[i] = true;
        let same = a[i].text == unit.text;
        let status = if moved.contains(&j) {
            Status::Moved
        } else if !same {
            Status::Changed
        } else if a[i].number != unit.number {
            Status::Renumbered
        } else {
            Status::Kept
        };
        let words = if same {
            vec![WordOp::Same(unit.text.clone())]
        } else {
            word_diff(&a[i].text, &unit.text)
        };
        entries.push(Entry {
            status,
            kind: unit.kind,
            old: Some(i),
            new: Some(j),
            old_number: a[i].number.clone(),
            new_number: unit.number.clone(),
            similarity: if same {
                1.0
            } else {
                alike(&a[i].text, &unit.text)
            },
            words,
        });
    }
    // Each deleted paragraph after the entry of the old paragraph of its kind before it, or
    // before the first of its kind.
    for (i, unit) in a.iter().enumerate() {
        if old_taken[i] {
            continue;
        }
        let after = (0..i)
            .rev()
            .filter(|&k| a[k].kind == unit.kind)
            .find_map(|k| entries.iter().position(|e| e.old == Some(k)));
        let at = match after {
            Some(p) => p + 1,
            None => entries
                .iter()
                .position(|e| e.kind == unit.kind)
                .unwrap_or(entries.len()),
        };
        entries.insert(
            at,
            Entry {
                status: Status::Deleted,
                kind: unit.kind,
                old: Some(i),
                new: None,
                old_number: unit.number.clone(),
                new_number: None,
                similarity: 0.0,
                words: vec![WordOp::Deleted(unit.text.clone())],
            },
        );
    }
    let aligned = if b.is_empty() {
        1.0
    } else {
        pairs.len() as f32 / b.len() as f32
    };
    Diff {
        old_symbol: old.symbol.clone(),
        new_symbol: new.symbol.clone(),
        entries,
        aligned,
    }
}

/// Pairs (old, new, similarity) of units of one kind: the same text first, then the most alike
/// pairs at least [`CHANGED_AT`] alike.
fn align(a: &[Unit], b: &[Unit]) -> Vec<(usize, usize, f32)> {
    let mut pairs = Vec::new();
    let mut a_free = vec![true; a.len()];
    let mut b_free = vec![true; b.len()];
    let mut by_text: HashMap<(UnitKind, &str), Vec<usize>> = HashMap::new();
    for (i, u) in a.iter().enumerate().rev() {
        by_text
            .entry((u.kind, u.text.as_str()))
            .or_default()
            .push(i);
    }
    for (j, u) in b.iter().enumerate() {
        if let Some(i) = by_text
            .get_mut(&(u.kind, u.text.as_str()))
            .and_then(Vec::pop)
        {
            pairs.push((i, j, 1.0));
            a_free[i] = false;
            b_free[j] = false;
        }
    }
    let mut candidates: Vec<(usize, usize, f32)> = Vec::new();
    for (i, x) in a.iter().enumerate().filter(|(i, _)| a_free[*i]) {
        for (j, y) in b.iter().enumerate().filter(|(j, _)| b_free[*j]) {
            if x.kind == y.kind {
                let s = alike(&x.text, &y.text);
                if s >= CHANGED_AT {
                    candidates.push((i, j, s));
                }
            }
        }
    }
    // Most alike first; among equals, the nearer in position.
    candidates.sort_by(|x, y| {
        y.2.total_cmp(&x.2)
            .then((x.0.abs_diff(x.1)).cmp(&y.0.abs_diff(y.1)))
    });
    for (i, j, s) in candidates {
        if a_free[i] && b_free[j] {
            a_free[i] = false;
            b_free[j] = false;
            pairs.push((i, j, s));
        }
    }
    pairs.sort_by_key(|&(_, j, _)| j);
    pairs
}

/// The new positions of the pairs out of the longest run that keeps the old order.
fn out_of_order(pairs: &[(usize, usize, f32)]) -> std::collections::HashSet<usize> {
    // Pairs are in new order; the longest increasing run of their old positions stays put.
    let olds: Vec<usize> = pairs.iter().map(|p| p.0).collect();
    let n = olds.len();
    let mut length = vec![1usize; n];
    let mut previous = vec![usize::MAX; n];
    for k in 0..n {
        for m in 0..k {
            if olds[m] < olds[k] && length[m] + 1 > length[k] {
                length[k] = length[m] + 1;
                previous[k] = m;
            }
        }
    }
    let mut in_order = std::collections::HashSet::new();
    if let Some(mut k) = (0..n).max_by_key(|&k| (length[k], std::cmp::Reverse(k))) {
        loop {
            in_order.insert(k);
            if previous[k] == usize::MAX {
                break;
            }
            k = previous[k];
        }
    }
    (0..n)
        .filter(|k| !in_order.contains(k))
        .map(|k| pairs[k].1)
        .collect()
}

/// The new text's units rebuilt from the old text's and the diff: each entry's old side
/// checked against the old unit, its new side written with its new number. `None` when the
/// diff does not fit the old text.
pub fn apply(diff: &Diff, old: &[Unit]) -> Option<Vec<(UnitKind, Option<String>, String)>> {
    let mut rebuilt: Vec<(usize, UnitKind, Option<String>, String)> = Vec::new();
    for e in &diff.entries {
        let (mut was, mut now) = (String::new(), String::new());
        for w in &e.words {
            match w {
                WordOp::Same(t) => {
                    was.push_str(t);
                    now.push_str(t);
                }
                WordOp::Deleted(t) => was.push_str(t),
                WordOp::Inserted(t) => now.push_str(t),
            }
        }
        if let Some(i) = e.old {
            let unit = old.get(i)?;
            if unit.text != was || unit.number != e.old_number || unit.kind != e.kind {
                return None;
            }
        }
        if let Some(j) = e.new {
            rebuilt.push((j, e.kind, e.new_number.clone(), now));
        }
    }
    rebuilt.sort_by_key(|r| r.0);
    Some(
        rebuilt
            .into_iter()
            .map(|(_, kind, number, text)| (kind, number, text))
            .collect(),
    )
}

/// What the graph records of a diff between a draft and the act adopted from it, in `graph`:
/// each paragraph of the act `unakn:fromDraft` the draft's paragraph it comes from, and its
/// `unakn:changeFromDraft` (`kept`, `renumbered`, `changed`, `moved`, `inserted`). Only the
/// act's own paragraphs are named (a multi-part act's parts are left out).
pub fn quads(
    diff: &Diff,
    old: &Document,
    new: &Document,
    base: &crate::vocab::Base,
    graph: &oxigraph::model::NamedNode,
) -> Vec<oxigraph::model::Quad> {
    use crate::vocab::unakn;
    use oxigraph::model::{GraphName, Literal, Quad};
    if !old.parts.is_empty() || !new.parts.is_empty() {
        return Vec::new();
    }
    let (a, b) = (units(old), units(new));
    let graph = GraphName::NamedNode(graph.clone());
    let mut quads = Vec::new();
    for e in &diff.entries {
        let Some(j) = e.new else { continue };
        let adopted = base.portion(&new.symbol, &b[j].eid);
        if let Some(i) = e.old {
            let drafted = base.portion(&old.symbol, &a[i].eid);
            quads.push(Quad::new(
                adopted.clone(),
                unakn::fromDraft,
                drafted,
                graph.clone(),
            ));
        }
        quads.push(Quad::new(
            adopted,
            unakn::changeFromDraft,
            Literal::new_simple_literal(e.status.as_str()),
            graph.clone(),
        ));
    }
    quads
}
