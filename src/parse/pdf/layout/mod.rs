//! From glyphs to text: rows on a baseline, body and footnote rows told apart, running
//! headers and footers dropped, paragraphs joined and written as marked-up text.

use super::*;
mod render;
mod rows;
mod tables;

use render::*;
use rows::*;
use tables::{find_tables, table_lines};

/// What a row is on its page.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    /// First-page masthead, line by line.
    Masthead,
    Body,
    Footnote,
    Furniture,
}

/// A body row with its page.
struct BodyRow {
    page: usize,
    row: Row,
}

/// One footnote being read.
struct Note {
    marker: String,
    pieces: Vec<Piece>,
}

pub(super) fn write(pages: &[PageContent]) -> PdfText {
    let page_rows: Vec<Vec<Row>> = pages.iter().map(|p| rows(&p.glyphs)).collect();
    // Each row's characters, read out once.
    let page_texts: Vec<Vec<String>> = page_rows
        .iter()
        .map(|rows| rows.iter().map(Row::plain).collect())
        .collect();
    // Text repeated in the top or bottom band of several pages is a running header or
    // footer, even where the file does not tag it.
    let band =
        |page: &PageContent, row: &Row| row.y < page.height * 0.09 || row.y > page.height * 0.93;
    let mut band_texts: std::collections::HashMap<String, usize> = Default::default();
    for ((page, rows), texts) in pages.iter().zip(&page_rows).zip(&page_texts) {
        let mut seen = std::collections::HashSet::new();
        for (_, t) in rows.iter().zip(texts).filter(|(r, _)| band(page, r)) {
            if seen.insert(t) {
                *band_texts.entry(t.clone()).or_insert(0) += 1;
            }
        }
    }
    let is_furniture_text = |t: &str| {
        let t = t.trim();
        is_job_number(t)
            || is_page_counter(t)
            || is_barcode(t)
            || is_symbol_line(t)
            || t.split_whitespace().all(|w| {
                is_job_number(w) || is_page_counter(w) || is_barcode(w) || is_symbol_line(w)
            })
            || band_texts.get(t).is_some_and(|&n| n > 1)
    };

    // The body text size: the commonest size of the rows.
    let body_size = mode(page_rows.iter().flatten().map(|r| r.size)).unwrap_or(10.0);
    let mut out = PdfText::default();
    let mut masthead: Vec<String> = Vec::new();
    let mut body: Vec<BodyRow> = Vec::new();
    let mut notes: Vec<(usize, Note)> = Vec::new();
    for (index, ((page, rows), texts)) in pages.iter().zip(&page_rows).zip(&page_texts).enumerate()
    {
        let number = index + 1;
        let first_body = rows
            .iter()
            .position(|r| !r.artifact())
            .unwrap_or(rows.len());
        // The footnote area: under a rule of underscores, or a drawn rule, in the lower
        // part of the page, with text below it.
        let rule_y = rows
            .iter()
            .zip(texts)
            .filter(|(_, t)| t.len() >= 5 && t.chars().all(|c| c == '_'))
            .map(|(r, _)| r.y)
            .chain(
                // A drawn rule separates footnotes where only smaller text is under it
                // (a table's rules have body text below them).
                // (The first few short rules only: a page of thousands is a drawing.)
                page.rules
                    .iter()
                    .filter(|r| r.x1 - r.x0 < page.width * 0.5 && r.y > page.height * 0.3)
                    .take(16)
                    .filter(|r| {
                        let mut below = rows
                            .iter()
                            .filter(|row| row.y > r.y && !row.artifact() && !band(page, row));
                        let opens_note = below.clone().next().is_some_and(|row| {
                            matches!(pieces(row).first(), Some(Piece::Raised(c)) if c.is_ascii_digit())
                        });
                        opens_note && below.all(|row| row.size < body_size * 0.95)
                    })
                    .map(|r| r.y),
            )
            .filter(|&y| y > page.height * 0.3)
            .fold(None::<f32>, |acc, y| Some(acc.map_or(y, |a| a.min(y))));
        for (k, (row, text)) in rows.iter().zip(texts).enumerate() {
            let role = if text.chars().all(|c| c == '_') {
                Role::Furniture
            } else if row.artifact() {
                if number == 1 && k < first_body && row.y < page.height * 0.5 {
                    Role::Masthead
                } else {
                    Role::Furniture
                }
            } else if band(page, row)
                && (is_furniture_text(text)
                    || cells(row).iter().any(|c| is_furniture_text(&c.plain())))
            {
                Role::Furniture
            } else if rule_y.is_some_and(|y| row.y > y) {
                Role::Footnote
            } else {
                Role::Body
            };
            match role {
                Role::Masthead => {
                    for cell in cells(row) {
                        masthead.push(cell.plain());
                    }
                }
                Role::Furniture => {
                    if !text.chars().all(|c| c == '_') {
                        out.furniture.push((number, text.clone()));
                    }
                }
                Role::Footnote => footnote_row(row, number, &mut notes),
                Role::Body => body.push(BodyRow {
                    page: number,
                    row: row.clone(),
                }),
            }
        }
    }

    // Paragraph geometry: the line pitch inside a paragraph, and the left margin, where
    // wrapped lines start: the leftmost start shared by a tenth of the full-width rows
    // (masthead lines further left are short; indented sub-items may outnumber the rest).
    let pitch = mode(
        body.windows(2)
            .filter(|w| w[0].page == w[1].page)
            .map(|w| w[1].row.y - w[0].row.y)
            .filter(|d| *d > 0.0 && *d <= body_size * 1.7),
    )
    .unwrap_or(body_size * 1.2);
    let mut widths: Vec<f32> = body.iter().map(|b| b.row.x1() - b.row.x0()).collect();
    widths.sort_by(f32::total_cmp);
    let full = widths.get(widths.len() * 19 / 20).copied().unwrap_or(0.0) * 0.6;
    // Starts of full rows by half points; a start counts the rows within a point of it.
    let mut starts: std::collections::BTreeMap<i32, usize> = Default::default();
    let mut full_rows = 0;
    for b in body
        .iter()
        .filter(|b| b.row.x1() - b.row.x0() >= full && !b.row.bold())
    {
        *starts.entry((b.row.x0() * 2.0).round() as i32).or_insert(0) += 1;
        full_rows += 1;
    }
    let margin = starts
        .keys()
        .find(|&&k| starts.range(k - 2..=k + 2).map(|(_, n)| n).sum::<usize>() * 10 >= full_rows)
        .map(|&k| k as f32 / 2.0)
        .or_else(|| mode(body.iter().map(|b| b.row.x0())))
        .unwrap_or(0.0);

    let mut text = String::new();
    let mut page_starts = vec![0usize; pages.len()];
    let mut page_seen = 0usize;
    for m in &masthead {
        push_line(&mut text, &escape(m));
    }
    let mut paragraph: Vec<Piece> = Vec::new();
    // Whether every row of the paragraph so far is bold: a heading, for the text rules.
    let mut bold = false;
    let tables = find_tables(&body, body_size);
    let mut next_table = tables.iter().peekable();
    let mut skip_to = 0;
    for (i, b) in body.iter().enumerate() {
        if i < skip_to {
            continue;
        }
        if let Some(&&(start, end)) = next_table.peek().filter(|t| t.0 == i) {
            next_table.next();
            flush(&mut text, &mut paragraph, bold);
            while page_seen < b.page.min(pages.len()) {
                page_starts[page_seen] = text.len();
                page_seen += 1;
            }
            for line in table_lines(&body[start..end]) {
                push_line(&mut text, &line);
            }
            // Pages the table ran onto start inside it.
            while page_seen < body[end - 1].page.min(pages.len()) {
                page_starts[page_seen] = text.len();
                page_seen += 1;
            }
            skip_to = end;
            continue;
        }
        let starts = match i.checked_sub(1).map(|p| &body[p]) {
            None => true,
            Some(prev) => starts_paragraph(prev, b, margin, pitch, &paragraph),
        };
        if starts {
            flush(&mut text, &mut paragraph, bold);
            bold = true;
        }
        bold &= b.row.bold();
        while page_seen < b.page.min(pages.len()) {
            page_starts[page_seen] = text.len();
            page_seen += 1;
        }
        let row_pieces = pieces(&b.row);
        if paragraph.is_empty() {
            paragraph.extend(row_pieces);
        } else {
            join_wrapped(&mut paragraph, &row_pieces);
        }
    }
    flush(&mut text, &mut paragraph, bold);
    // Footnotes last: between paragraphs they would read as a page break to the text rules.
    for (_, note) in &notes {
        write_note(&mut text, note);
    }
    while page_seen < pages.len() {
        page_starts[page_seen] = text.len();
        page_seen += 1;
    }
    out.text = text;
    out.page_starts = page_starts;
    out
}
