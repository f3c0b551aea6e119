//! Rows of glyphs on one baseline, and the pieces (words, with their style) they are read as.

use super::*;

/// Glyphs on one baseline, left to right; raised small glyphs (markers) ride along.
#[derive(Debug, Clone)]
pub(super) struct Row {
    pub y: f32,
    pub size: f32,
    pub glyphs: Vec<Glyph>,
}

impl Row {
    pub(super) fn visible(&self) -> impl Iterator<Item = &Glyph> {
        self.glyphs.iter().filter(|g| !g.ch.is_whitespace())
    }
    pub fn x0(&self) -> f32 {
        self.visible().map(|g| g.x).fold(f32::MAX, f32::min)
    }
    pub fn x1(&self) -> f32 {
        self.visible().map(|g| g.end).fold(f32::MIN, f32::max)
    }
    pub(super) fn artifact(&self) -> bool {
        self.visible().all(|g| g.artifact)
    }
    pub(super) fn bold(&self) -> bool {
        self.visible().all(|g| g.bold)
    }
    /// The characters, spaces put where the gaps are.
    pub fn plain(&self) -> String {
        let mut s = String::new();
        for piece in pieces(self) {
            let (Piece::Char(c, _) | Piece::Raised(c)) = piece;
            s.push(c);
        }
        s.trim().to_string()
    }
    /// Whether a glyph is a small raised one (a footnote marker or an ordinal suffix).
    pub(super) fn is_raised(&self, g: &Glyph) -> bool {
        g.size < self.size * 0.8 && self.y - g.y > self.size * 0.15
    }
}

/// A row read out: characters with their style, raised ones apart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Piece {
    /// A character and whether it is italic.
    Char(char, bool),
    /// A small raised character.
    Raised(char),
}

/// The row's characters in order, a space wherever glyphs stand apart and none is printed.
///
/// A full space is about a quarter of an em; glyphs of one word stand up to a tenth of an em
/// apart in real files (runs of one word positioned separately, rounding), so a gap breaks
/// words from 0.15 em, or from 0.08 em where a space glyph is printed in it (a justified line
/// squeezed with negative word spacing).
pub(super) fn pieces(row: &Row) -> Vec<Piece> {
    let mut out = Vec::with_capacity(row.glyphs.len() + 8);
    let mut previous: Option<&Glyph> = None;
    // Printed spaces count where they open a gap: a space glyph squeezed to nothing
    // (`10–␣14` set as `10–14`) is no word break.
    let mut space_printed = false;
    for g in &row.glyphs {
        if g.ch.is_whitespace() {
            space_printed = true;
            continue;
        }
        if let Some(p) = previous {
            // A glyph drawn twice over itself (fake bold, shadows) is one character.
            if p.ch == g.ch && (p.x - g.x).abs() < 0.5 && (p.y - g.y).abs() < 0.5 {
                continue;
            }
            let gap = g.x - p.end;
            // After a label (`(mm)`, `12.`) a tab may leave the text almost touching it.
            let after_label = matches!(p.ch, ')' | '.') && g.ch.is_uppercase();
            if gap > row.size * 0.15
                || space_printed && gap > row.size * 0.08
                || after_label && gap > row.size * 0.03
            {
                out.push(Piece::Char(' ', p.italic && g.italic));
            }
        }
        space_printed = false;
        if row.is_raised(g) {
            out.push(Piece::Raised(g.ch));
        } else {
            out.push(Piece::Char(g.ch, g.italic));
        }
        previous = Some(g);
    }
    out
}

/// Groups a page's glyphs into rows: baselines within a point and a half are one row;
/// a row of small glyphs just above or below a row of text joins it.
pub(super) fn rows(glyphs: &[Glyph]) -> Vec<Row> {
    let mut sorted: Vec<Glyph> = glyphs.to_vec();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut rows: Vec<Row> = Vec::new();
    for g in sorted {
        match rows.last_mut() {
            Some(r) if (g.y - r.y).abs() <= 1.5 => {
                r.size = r.size.max(g.size);
                r.glyphs.push(g);
            }
            _ => rows.push(Row {
                y: g.y,
                size: g.size,
                glyphs: vec![g],
            }),
        }
    }
    // Spaces alone on a baseline (empty paragraphs) are no text.
    rows.retain(|r| r.visible().next().is_some());
    // Merge a few small glyphs (markers, ordinal suffixes, subscripts) into the row of
    // text they sit on.
    let mut merged: Vec<Row> = Vec::with_capacity(rows.len());
    let mut i = 0;
    while i < rows.len() {
        let row = &rows[i];
        let small_over = |other: &Row| {
            row.size < other.size * 0.8
                && (row.visible().count() <= 6
                    || row.visible().all(|g| g.ch.is_ascii_digit() || g.ch == ','))
                && (other.y - row.y).abs() < other.size * 0.6
                && overlaps(row, other)
        };
        if let Some(next) = rows.get(i + 1).filter(|n| small_over(n)) {
            let mut next = next.clone();
            next.glyphs.extend(row.glyphs.iter().copied());
            merged.push(next);
            i += 2;
            continue;
        }
        if let Some(last) = merged.last_mut().filter(|l| small_over(l)) {
            last.glyphs.extend(row.glyphs.iter().copied());
            i += 1;
            continue;
        }
        merged.push(row.clone());
        i += 1;
    }
    for r in &mut merged {
        r.glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    merged
}

/// Whether the small row stands within the horizontal extent of the other.
pub(super) fn overlaps(small: &Row, other: &Row) -> bool {
    small.x0() >= other.x0() - other.size * 2.0 && small.x1() <= other.x1() + other.size * 2.0
}

/// Splits a row where glyphs stand far apart (the cells of the masthead, of a table).
pub(super) fn cells(row: &Row) -> Vec<Row> {
    cells_apart(row, 3.5)
}

/// Splits a row where glyphs stand more than `sizes` times the type size apart.
pub(super) fn cells_apart(row: &Row, sizes: f32) -> Vec<Row> {
    let mut out: Vec<Row> = Vec::new();
    let mut last_end = f32::MIN;
    for g in &row.glyphs {
        if g.ch.is_whitespace() {
            if let Some(r) = out.last_mut() {
                r.glyphs.push(*g);
            }
            continue;
        }
        if out.is_empty() || g.x - last_end > row.size * sizes {
            out.push(Row {
                y: row.y,
                size: row.size,
                glyphs: Vec::new(),
            });
        }
        out.last_mut().expect("pushed above").glyphs.push(*g);
        last_end = g.end;
    }
    out
}

/// The most common value, rounded to half a point.
pub(super) fn mode(values: impl Iterator<Item = f32>) -> Option<f32> {
    let mut counts: std::collections::HashMap<i32, usize> = Default::default();
    for v in values {
        *counts.entry((v * 2.0).round() as i32).or_insert(0) += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(k, n)| (n, -k))
        .map(|(k, _)| k as f32 / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row of size 10 from words and the gaps after each letter (in ems).
    fn row(letters: &[(char, f32)]) -> Row {
        let size = 10.0;
        let mut x = 0.0;
        let glyphs = letters
            .iter()
            .map(|&(ch, gap_after)| {
                let g = Glyph {
                    ch,
                    x,
                    end: x + 5.0,
                    y: 100.0,
                    size,
                    italic: false,
                    bold: false,
                    artifact: false,
                };
                x = g.end + gap_after * size;
                g
            })
            .collect();
        Row {
            y: 100.0,
            size,
            glyphs,
        }
    }

    fn word(w: &str, letter_gap: f32, gap_after: f32) -> Vec<(char, f32)> {
        let n = w.chars().count();
        w.chars()
            .enumerate()
            .map(|(i, c)| (c, if i + 1 == n { gap_after } else { letter_gap }))
            .collect()
    }

    #[test]
    fn a_squeezed_space_glyph_still_breaks_words() {
        // A justified line squeezed to fit with negative word spacing: the space glyph is
        // printed but leaves a tenth of an em between the words.
        let letters = [
            word("have", 0.0, 0.0),
            vec![(' ', 0.1 - 0.5)],
            word("been", 0.01, 0.0),
        ]
        .concat();
        assert_eq!(row(&letters).plain(), "have been");
    }

    #[test]
    fn letters_of_a_word_stay_together() {
        // Kerning and rounding leave small gaps inside words: no break.
        let letters = [word("Recalling", 0.03, 0.0)].concat();
        assert_eq!(row(&letters).plain(), "Recalling");
        // Runs of one word positioned apart by a tenth of an em (as real files have them)
        // are one word.
        let letters = [word("repres", 0.0, 0.1), word("entatives", 0.0, 0.0)].concat();
        assert_eq!(row(&letters).plain(), "representatives");
    }
}
