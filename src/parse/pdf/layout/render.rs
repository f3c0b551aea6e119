//! Paragraphs: where one starts, how wrapped rows join, and the marked-up text written for
//! them (`*italics*`, `[^n]` markers, footnotes).

use super::*;

/// Whether body row `b` opens a paragraph after `prev`.
pub(super) fn starts_paragraph(
    prev: &BodyRow,
    b: &BodyRow,
    margin: f32,
    pitch: f32,
    so_far: &[Piece],
) -> bool {
    let x0 = b.row.x0();
    let indented = x0 > margin + 4.0;
    let outdented = x0 < margin - 4.0;
    if outdented || b.row.bold() != prev.row.bold() {
        return true;
    }
    if prev.page != b.page {
        // Across a page break a paragraph goes on where the next line is not indented and
        // the text before it does not end a clause (or the next starts in lower case).
        let last = so_far
            .iter()
            .rev()
            .find_map(|p| match p {
                Piece::Char(c, _) if !c.is_whitespace() => Some(*c),
                _ => None,
            })
            .unwrap_or('.');
        let first = pieces(&b.row)
            .into_iter()
            .find_map(|p| match p {
                Piece::Char(c, _) if !c.is_whitespace() => Some(c),
                _ => None,
            })
            .unwrap_or('A');
        return indented || (!first.is_lowercase() && matches!(last, '.' | ';' | ':'));
    }
    let gap = b.row.y - prev.row.y;
    if gap > pitch * 1.3 || gap < 0.0 {
        return true;
    }
    // A row further in than the one above opens a paragraph (a first-line indent), unless
    // both are centred alike (a heading over two lines); a row as far in as the one above
    // goes on with it (a hanging indent) unless it opens with a label of its own.
    let prev_x0 = prev.row.x0();
    let hanging = prev_x0 < margin - 4.0 && (x0 - margin).abs() <= 4.0;
    if x0 > prev_x0 + 4.0 && !hanging {
        return !centred_pair(prev, b, margin);
    }
    indented && (x0 - prev_x0).abs() <= 4.0 && opens_with_label(&b.row.plain())
}

/// `(a)`, `(iv)`, `12.`: a row that opens with the label of a paragraph or sub-item.
pub(super) fn opens_with_label(t: &str) -> bool {
    let first = t.split_whitespace().next().unwrap_or("");
    let bracketed = first.len() <= 6
        && first.starts_with('(')
        && first.ends_with(')')
        && first[1..first.len() - 1]
            .chars()
            .all(|c| c.is_ascii_alphanumeric());
    let numbered = first.len() <= 4
        && first.ends_with('.')
        && first[..first.len() - 1].chars().all(|c| c.is_ascii_digit())
        && first.len() > 1;
    bracketed || numbered
}

/// Two rows centred alike (a heading over two lines).
pub(super) fn centred_pair(prev: &BodyRow, b: &BodyRow, margin: f32) -> bool {
    let centre = |r: &Row| (r.x0() + r.x1()) / 2.0;
    prev.row.x0() > margin + 4.0 && (centre(&prev.row) - centre(&b.row)).abs() < 3.0
}

/// Appends the next row of a paragraph: a space between, none after a hyphen that ends
/// a word at the line end (`non-` + `governmental`).
pub(super) fn join_wrapped(paragraph: &mut Vec<Piece>, next: &[Piece]) {
    while matches!(paragraph.last(), Some(Piece::Char(c, _)) if c.is_whitespace()) {
        paragraph.pop();
    }
    let n = paragraph.len();
    // A suspended hyphen (`age-` + `and gender-responsive`) keeps its space.
    let next_word: String = next
        .iter()
        .map_while(|p| match p {
            Piece::Char(c, _) if !c.is_whitespace() => Some(*c),
            _ => None,
        })
        .collect();
    let ends_hyphen = n >= 2
        && matches!(paragraph[n - 1], Piece::Char('-' | '–', _))
        && matches!(paragraph[n - 2], Piece::Char(c, _) if c.is_alphanumeric())
        && !matches!(next_word.as_str(), "and" | "or" | "nor");
    let italic = matches!(paragraph.last(), Some(Piece::Char(_, true)))
        && matches!(
            next.iter().find(|p| !matches!(p, Piece::Char(' ', _))),
            Some(Piece::Char(_, true))
        );
    if !ends_hyphen {
        paragraph.push(Piece::Char(' ', italic));
    }
    paragraph.extend(
        next.iter()
            .skip_while(|p| matches!(p, Piece::Char(c, _) if c.is_whitespace())),
    );
}

/// A row of the footnote area: a new footnote where it opens with a number (raised, or
/// printed at the row start before the text), else the text goes on.
pub(super) fn footnote_row(row: &Row, page: usize, notes: &mut Vec<(usize, Note)>) {
    let pieces = pieces(row);
    let mut k = 0;
    while matches!(pieces.get(k), Some(Piece::Char(c, _)) if c.is_whitespace()) {
        k += 1;
    }
    let mut marker: String = pieces[k..]
        .iter()
        .map_while(|p| match p {
            Piece::Raised(c) if c.is_ascii_digit() || *c == '*' => Some(*c),
            _ => None,
        })
        .collect();
    if marker.is_empty() {
        // `*  On behalf of …`: stars on the baseline, then a space, mark a note too.
        let stars: String = pieces[k..]
            .iter()
            .map_while(|p| match p {
                Piece::Char('*', _) => Some('*'),
                _ => None,
            })
            .collect();
        let spaced =
            matches!(pieces.get(k + stars.len()), Some(Piece::Char(c, _)) if c.is_whitespace());
        if !stars.is_empty() && spaced {
            marker = stars;
        }
    }
    if !marker.is_empty() {
        let rest = pieces[k + marker.chars().count()..].to_vec();
        notes.push((
            page,
            Note {
                marker,
                pieces: rest,
            },
        ));
        return;
    }
    match notes.last_mut() {
        Some((_, note)) => join_wrapped(&mut note.pieces, &pieces),
        // Text under the rule before any footnote: a footnote without a raised number.
        None => notes.push((
            page,
            Note {
                marker: String::new(),
                pieces,
            },
        )),
    }
}

pub(super) fn write_note(text: &mut String, note: &Note) {
    if note.marker.is_empty() {
        return;
    }
    let body = render(&note.pieces);
    push_line(text, &format!("[^{}]: {}", note.marker, body.trim()));
}

/// Writes the paragraph as one line, `# ` before a bold one.
pub(super) fn flush(text: &mut String, paragraph: &mut Vec<Piece>, bold: bool) {
    if !paragraph.is_empty() {
        let line = render(paragraph);
        let line = line.trim();
        if bold {
            push_line(text, &format!("# {line}"));
        } else {
            push_line(text, line);
        }
        paragraph.clear();
    }
}

pub(super) fn push_line(text: &mut String, line: &str) {
    if line.is_empty() {
        return;
    }
    text.push_str(line);
    text.push_str("\n\n");
}

/// Markdown marks that would be read as markup, escaped (brackets are left: `[^` and
/// `](` do not occur in resolutions).
pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_escaped(&mut out, c);
    }
    out
}

pub(super) fn push_escaped(out: &mut String, c: char) {
    if matches!(c, '*' | '\\' | '#' | '|') {
        out.push('\\');
    }
    out.push(c);
}

pub(super) const EDGE_PUNCTUATION: &[char] = &['.', ',', ';', ':'];

/// The paragraph as markdown: italics in `*`, spaces kept outside them; raised digits as
/// `[^n]` markers; other raised characters (ordinal suffixes) as text.
pub(super) fn render(pieces: &[Piece]) -> String {
    let mut out = String::with_capacity(pieces.len() + 16);
    let mut i = 0;
    while i < pieces.len() {
        match pieces[i] {
            Piece::Raised(c) if c.is_ascii_digit() => {
                let digits = pieces[i..]
                    .iter()
                    .take_while(|p| matches!(p, Piece::Raised(d) if d.is_ascii_digit()))
                    .count();
                out.push_str("[^");
                for p in &pieces[i..i + digits] {
                    if let Piece::Raised(d) = p {
                        out.push(*d);
                    }
                }
                out.push(']');
                i += digits;
            }
            Piece::Raised(c) | Piece::Char(c, false) => {
                push_escaped(&mut out, c);
                i += 1;
            }
            Piece::Char(_, true) => {
                // An italic run: from here to the last italic non-space before a roman one.
                // Spaces between italic words are italic whatever their font.
                let mut j = i;
                let mut k = i;
                // So are dashes and slashes between italic words (`*3*–*14 June*`).
                while let Some(Piece::Char(c, italic)) = pieces.get(k) {
                    let neutral = c.is_whitespace() || matches!(c, '-' | '–' | '—' | '/');
                    if !italic && !neutral {
                        break;
                    }
                    k += 1;
                    if *italic && !c.is_whitespace() {
                        j = k;
                    }
                }
                if j == i {
                    // Italic spaces with no italic word after them.
                    out.push(' ');
                    i = k.max(i + 1);
                    continue;
                }
                let run: String = pieces[i..j]
                    .iter()
                    .map(|p| match p {
                        Piece::Char(c, _) | Piece::Raised(c) => *c,
                    })
                    .collect();
                // Punctuation set in italics at the edges of a run belongs to the roman
                // text around it (`2*. Commends*` is `2. *Commends*`).
                let inner = run.trim_start_matches(EDGE_PUNCTUATION);
                let lead = &run[..run.len() - inner.len()];
                let inner = inner.trim_end_matches(EDGE_PUNCTUATION);
                if inner.trim().is_empty() {
                    out.push_str(&escape(&run));
                    i = j;
                    continue;
                }
                let tail = &run[lead.len() + inner.len()..];
                out.push_str(&escape(lead));
                let run = inner;
                let lead = run.len() - run.trim_start().len();
                out.push_str(&run[..lead]);
                out.push('*');
                out.push_str(&escape(run.trim()));
                out.push('*');
                out.push_str(&escape(tail));
                i = j;
            }
        }
    }
    out
}
