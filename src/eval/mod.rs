//! Agreement between two AKN renderings of the same resolution (ours and the UN's).
//!
//! Both sides are read by the same [`extract`], so the comparison does not depend on markup
//! details, only on what a reader sees: metadata, recitals, operative paragraphs, sub-items and
//! footnotes with their hosts. Texts are compared after normalising whitespace only.

mod extract;
pub mod mandates;

pub use extract::{extract, normalise, Extract};
use std::collections::HashMap;

/// Matched and total counts of one measure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub matched: usize,
    pub total: usize,
}

impl Tally {
    pub fn add(&mut self, other: Tally) {
        self.matched += other.matched;
        self.total += other.total;
    }
    pub fn percent(&self) -> f64 {
        if self.total == 0 {
            100.0
        } else {
            100.0 * self.matched as f64 / self.total as f64
        }
    }
    pub fn is_full(&self) -> bool {
        self.matched == self.total
    }
}

/// The agreement on one document.
#[derive(Debug, Clone, Default)]
pub struct Agreement {
    /// Metadata fields that agree, of six.
    pub metadata: Tally,
    pub recitals: Tally,
    pub paragraphs: Tally,
    pub items: Tally,
    /// Of the paragraphs and sub-items, those inside annexes.
    pub annex_paragraphs: Tally,
    pub annex_items: Tally,
    pub footnotes: Tally,
    pub footnote_hosts: Tally,
    /// Opening phrases of the UN's recitals and paragraphs found among ours.
    pub phrases: Tally,
    /// The UN's words of the preamble and operative part found in ours, in order.
    pub words: Tally,
    /// The UN's table rows (every cell's text) found among ours.
    pub table_rows: Tally,
    pub disagreements: Vec<String>,
}

impl Agreement {
    /// Adds another document's tallies to these (for totals; disagreements are not kept).
    pub fn add(&mut self, other: Agreement) {
        self.metadata.add(other.metadata);
        self.recitals.add(other.recitals);
        self.paragraphs.add(other.paragraphs);
        self.items.add(other.items);
        self.annex_paragraphs.add(other.annex_paragraphs);
        self.annex_items.add(other.annex_items);
        self.footnotes.add(other.footnotes);
        self.footnote_hosts.add(other.footnote_hosts);
        self.phrases.add(other.phrases);
        self.words.add(other.words);
        self.table_rows.add(other.table_rows);
    }
}

/// How many of `theirs` are found in `ours`, each used once; lists the ones missing.
fn multiset<T: Eq + std::hash::Hash + Clone + std::fmt::Debug>(
    ours: &[T],
    theirs: &[T],
    what: &str,
    out: &mut Vec<String>,
) -> Tally {
    let mut pool: HashMap<&T, usize> = HashMap::new();
    for o in ours {
        *pool.entry(o).or_insert(0) += 1;
    }
    let mut matched = 0;
    for t in theirs {
        match pool.get_mut(t) {
            Some(n) if *n > 0 => {
                *n -= 1;
                matched += 1;
            }
            _ => out.push(format!("{what}: {}", nearest(ours, t))),
        }
    }
    Tally {
        matched,
        total: theirs.len(),
    }
}

/// Describes a missing item by where it first differs from the most similar of ours.
fn nearest<T: std::fmt::Debug>(ours: &[T], theirs: &T) -> String {
    let t = format!("{theirs:?}");
    let best = ours
        .iter()
        .map(|o| format!("{o:?}"))
        .map(|o| {
            let common = o.chars().zip(t.chars()).take_while(|(a, b)| a == b).count();
            (common, o)
        })
        .max_by_key(|(c, _)| *c);
    match best {
        Some((common, o)) if common >= 20 => {
            let from = common.saturating_sub(30);
            let ours_part: String = o.chars().skip(from).take(70).collect();
            let theirs_part: String = t.chars().skip(from).take(70).collect();
            format!("differs at {common}: ours «{ours_part}» UN «{theirs_part}»")
        }
        _ => format!(
            "missing: UN has {}",
            t.chars().take(160).collect::<String>()
        ),
    }
}

/// The length of the longest common subsequence of two word sequences (Myers' O(ND)
/// difference algorithm; near-identical texts cost little). Beyond `max_d` differences it
/// gives up and returns a lower bound.
pub fn common_words(a: &[String], b: &[String], max_d: usize) -> usize {
    let (n, m) = (a.len() as isize, b.len() as isize);
    let max = (n + m).min(max_d as isize);
    let offset = max + 1;
    let mut v = vec![0isize; 2 * offset as usize + 2];
    for d in 0..=max {
        let mut k = -d;
        while k <= d {
            let i = (k + offset) as usize;
            let mut x = if k == -d || (k != d && v[i - 1] < v[i + 1]) {
                v[i + 1]
            } else {
                v[i - 1] + 1
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[i] = x;
            if x >= n && y >= m {
                return ((n + m - d) / 2) as usize;
            }
            k += 2;
        }
    }
    // Too different to finish: the words matched along the best diagonal so far.
    let best = (-max..=max)
        .step_by(2)
        .map(|k| {
            let x = v[(k + offset) as usize];
            x.min(n).min(x - k).max(0)
        })
        .max()
        .unwrap_or(0);
    best as usize
}

/// Compares our extract with the UN's.
pub fn compare(ours: &Extract, theirs: &Extract) -> Agreement {
    let mut a = Agreement::default();
    fn field<T: PartialEq + std::fmt::Debug>(a: &mut Agreement, name: &str, ours: &T, theirs: &T) {
        a.metadata.total += 1;
        if ours == theirs {
            a.metadata.matched += 1;
        } else {
            a.disagreements
                .push(format!("{name}: ours {ours:?}, UN {theirs:?}"));
        }
    }
    field(&mut a, "symbol", &ours.symbol, &theirs.symbol);
    field(
        &mut a,
        "adoption date",
        &ours.adoption_date,
        &theirs.adoption_date,
    );
    field(&mut a, "session", &ours.session, &theirs.session);
    field(
        &mut a,
        "agenda items",
        &ours.agenda_items,
        &theirs.agenda_items,
    );
    field(
        &mut a,
        "origin",
        &ours.origin_document,
        &theirs.origin_document,
    );
    field(&mut a, "meeting", &ours.meeting, &theirs.meeting);
    let mut d = std::mem::take(&mut a.disagreements);
    a.recitals = multiset(&ours.recitals, &theirs.recitals, "recital", &mut d);
    a.paragraphs = multiset(&ours.paragraphs, &theirs.paragraphs, "paragraph", &mut d);
    a.items = multiset(&ours.items, &theirs.items, "sub-item", &mut d);
    // Counted again inside annexes (what is missing there is listed twice, once as such).
    a.annex_paragraphs = multiset(
        &ours.annex_paragraphs,
        &theirs.annex_paragraphs,
        "annex paragraph",
        &mut d,
    );
    a.annex_items = multiset(
        &ours.annex_items,
        &theirs.annex_items,
        "annex sub-item",
        &mut d,
    );
    let notes = |e: &Extract| {
        e.footnotes
            .iter()
            .map(|(m, t, _)| (m.clone(), t.clone()))
            .collect::<Vec<_>>()
    };
    a.footnotes = multiset(&notes(ours), &notes(theirs), "footnote", &mut d);
    a.footnote_hosts = multiset(&ours.footnotes, &theirs.footnotes, "footnote host", &mut d);
    a.phrases = multiset(&ours.phrases, &theirs.phrases, "opening phrase", &mut d);
    a.table_rows = multiset(&ours.table_rows, &theirs.table_rows, "table row", &mut d);
    a.words = Tally {
        matched: common_words(&ours.words, &theirs.words, 20_000),
        total: theirs.words.len(),
    };
    a.disagreements = d;
    a
}
