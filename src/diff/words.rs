//! Word-level changes inside a paragraph: the texts cut into words and the spaces and marks
//! between them, the longest common run of them kept, the rest deleted or inserted.

use serde::Serialize;
use std::collections::HashMap;

/// A run of the text: in both versions, only the old, or only the new.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "op", content = "text", rename_all = "lowercase")]
pub enum WordOp {
    Same(String),
    Deleted(String),
    Inserted(String),
}

/// Words (letters and digits) and every other character on its own, so that the pieces join
/// back into the text exactly.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else {
            if let Some(s) = start.take() {
                out.push(&text[s..i]);
            }
            out.push(&text[i..i + c.len_utf8()]);
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// How alike two texts are, by their words (lower case, counted with repeats): twice the
/// words they share over the words of both. 1 for the same words, 0 for none shared.
pub fn alike(a: &str, b: &str) -> f32 {
    let words = |t: &str| {
        let mut bag: HashMap<String, usize> = HashMap::new();
        for w in t
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            *bag.entry(w.to_lowercase()).or_default() += 1;
        }
        bag
    };
    let (x, y) = (words(a), words(b));
    let total: usize = x.values().sum::<usize>() + y.values().sum::<usize>();
    if total == 0 {
        return 1.0;
    }
    let shared: usize = x
        .iter()
        .map(|(w, n)| (*n).min(y.get(w).copied().unwrap_or(0)))
        .sum();
    2.0 * shared as f32 / total as f32
}

/// Beyond this many cells the common run is not searched: the middle is deleted and inserted
/// whole (after the common start and end are kept).
const MAX_CELLS: usize = 4_000_000;

/// The changes from `old` to `new`, word by word, runs of one kind merged.
pub fn word_diff(old: &str, new: &str) -> Vec<WordOp> {
    let (a, b) = (tokens(old), tokens(new));
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut ops: Vec<WordOp> = Vec::new();
    let mut push = |op: WordOp| {
        let merged = match (ops.last_mut(), &op) {
            (Some(WordOp::Same(x)), WordOp::Same(y))
            | (Some(WordOp::Deleted(x)), WordOp::Deleted(y))
            | (Some(WordOp::Inserted(x)), WordOp::Inserted(y)) => {
                x.push_str(y);
                true
            }
            _ => false,
        };
        if !merged {
            ops.push(op);
        }
    };
    for t in &a[..prefix] {
        push(WordOp::Same(t.to_string()));
    }
    if ma.len() * mb.len() > MAX_CELLS {
        ma.iter().for_each(|t| push(WordOp::Deleted(t.to_string())));
        mb.iter()
            .for_each(|t| push(WordOp::Inserted(t.to_string())));
    } else {
        for op in common_run(ma, mb) {
            push(op);
        }
    }
    for t in &a[a.len() - suffix..] {
        push(WordOp::Same(t.to_string()));
    }
    readable(ops)
}

/// Changes as people read them: a word or less kept between two changes (`[-a-] the
/// [-b-]`) joins them, so that a rewritten phrase shows as one deletion and one insertion
/// rather than word by word. The texts rebuilt stay exactly the same.
fn readable(ops: Vec<WordOp>) -> Vec<WordOp> {
    let is_change = |op: &WordOp| !matches!(op, WordOp::Same(_));
    let minor = |t: &str| {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .count()
            <= 1
    };
    let mut out: Vec<WordOp> = Vec::with_capacity(ops.len());
    let (mut deleted, mut inserted) = (String::new(), String::new());
    let mut in_change = false;
    for (k, op) in ops.iter().enumerate() {
        match op {
            WordOp::Deleted(t) => {
                deleted.push_str(t);
                in_change = true;
            }
            WordOp::Inserted(t) => {
                inserted.push_str(t);
                in_change = true;
            }
            WordOp::Same(t) if in_change && minor(t) && ops.get(k + 1).is_some_and(is_change) => {
                deleted.push_str(t);
                inserted.push_str(t);
            }
            WordOp::Same(t) => {
                flush(&mut out, &mut deleted, &mut inserted);
                in_change = false;
                out.push(WordOp::Same(t.clone()));
            }
        }
    }
    flush(&mut out, &mut deleted, &mut inserted);
    out
}

fn flush(out: &mut Vec<WordOp>, deleted: &mut String, inserted: &mut String) {
    if !deleted.is_empty() {
        out.push(WordOp::Deleted(std::mem::take(deleted)));
    }
    if !inserted.is_empty() {
        out.push(WordOp::Inserted(std::mem::take(inserted)));
    }
}

/// The longest common subsequence of two token lists, walked into operations (deletions
/// before insertions where both stand).
fn common_run(a: &[&str], b: &[&str]) -> Vec<WordOp> {
    let (n, m) = (a.len(), b.len());
    // lengths[i][j]: the longest common run of a[i..] and b[j..].
    let mut lengths = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lengths[at(i, j)] = if a[i] == b[j] {
                lengths[at(i + 1, j + 1)] + 1
            } else {
                lengths[at(i + 1, j)].max(lengths[at(i, j + 1)])
            };
        }
    }
    let mut ops = Vec::with_capacity(n + m);
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            ops.push(WordOp::Same(a[i].to_string()));
            i += 1;
            j += 1;
        } else if j == m || (i < n && lengths[at(i + 1, j)] >= lengths[at(i, j + 1)]) {
            ops.push(WordOp::Deleted(a[i].to_string()));
            i += 1;
        } else {
            ops.push(WordOp::Inserted(b[j].to_string()));
            j += 1;
        }
    }
    ops
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rebuilt(ops: &[WordOp]) -> (String, String) {
        let (mut old, mut new) = (String::new(), String::new());
        for op in ops {
            match op {
                WordOp::Same(t) => {
                    old.push_str(t);
                    new.push_str(t);
                }
                WordOp::Deleted(t) => old.push_str(t),
                WordOp::Inserted(t) => new.push_str(t),
            }
        }
        (old, new)
    }

    #[test]
    fn word_changes_rebuild_both_texts() {
        let old = "Requests the Secretary-General to report at its eighty-first session;";
        let new = "Requests the Secretary-General to submit a report at its eighty-second session, and decides;";
        let ops = word_diff(old, new);
        assert_eq!(rebuilt(&ops), (old.to_string(), new.to_string()));
        assert_eq!(
            ops[0],
            WordOp::Same("Requests the Secretary-General to ".into())
        );
        assert_eq!(ops[1], WordOp::Inserted("submit a ".into()));
        // `session` alone between two changes joins them: one deletion, one insertion.
        assert_eq!(
            ops[3..],
            [
                WordOp::Deleted("first session".into()),
                WordOp::Inserted("second session, and decides".into()),
                WordOp::Same(";".into())
            ]
        );
    }

    #[test]
    fn likeness_counts_words() {
        assert_eq!(alike("a b c d", "a b c d"), 1.0);
        assert_eq!(alike("a b", "c d"), 0.0);
        assert!((alike("a b c d", "a b x y") - 0.5).abs() < 1e-6);
        assert_eq!(alike("Décide, Décide", "décide décide"), 1.0);
    }
}
