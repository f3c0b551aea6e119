//! Tables on the page. UN documents set them in smaller type than the text, with columns
//! standing apart: rows with cells far apart are found, the columns read off the gutters that
//! every row leaves blank, and each table is written as a markdown table for the text rules.

use super::*;

/// Rows of a table in `body`, as index ranges.
pub(super) fn find_tables(body: &[BodyRow], body_size: f32) -> Vec<(usize, usize)> {
    let small = |b: &BodyRow| ink_size(&b.row) < body_size * 0.92;
    // Columns of figures stand closer than text columns: in small type (where running
    // text has no tab gaps) a gap of one and a half sizes parts cells.
    let columnar: Vec<bool> = body
        .iter()
        .map(|b| cells_apart(&b.row, if small(b) { 1.5 } else { 3.5 }).len() >= 2)
        .collect();
    // Table notes (`a See A/78/534.`) follow the table; they are not rows of it.
    let note = |b: &BodyRow| {
        let t = b.row.plain();
        let mut chars = t.chars();
        matches!(chars.next(), Some(c) if c.is_ascii_lowercase()) && chars.next() == Some(' ')
    };
    let stacked = |above: &BodyRow, below: &BodyRow, sizes: f32| {
        above.page == below.page && below.row.y - above.row.y < ink_size(&below.row) * sizes
    };
    let mut out = Vec::new();
    let mut i = 0;
    let mut previous_end = 0;
    while i < body.len() {
        if !columnar[i] {
            i += 1;
            continue;
        }
        // Heading lines above the first columnar row: small type, each within two and a
        // half sizes of the table's type of the next (a stray raised letter has its own row).
        let mut start = i;
        let table_size = ink_size(&body[i].row);
        while start > previous_end
            && small(&body[start - 1])
            && !columnar[start - 1]
            && body[start - 1].page == body[start].page
            && body[start].row.y - body[start - 1].row.y < table_size * 2.5
        {
            start -= 1;
        }
        let mut end = i + 1;
        let mut last_columnar = i;
        while end < body.len() {
            if columnar[end] {
                last_columnar = end;
            } else if !small(&body[end]) || note(&body[end]) {
                break;
            }
            end += 1;
        }
        // After the last columnar row, rows reaching the last column (a row whose cells
        // stand too close to tell apart) and the lines wrapped in them belong to the table.
        let right = body[start..end]
            .iter()
            .zip(&columnar[start..end])
            .filter(|(_, &c)| c)
            .map(|(b, _)| b.row.x1())
            .fold(f32::MIN, f32::max);
        // (A row of text running the table's width, such as a note of abbreviations,
        // does not end in a figure.)
        let ends_in_figure = |b: &BodyRow| {
            let t = b.row.plain();
            t.rsplit(' ')
                .next()
                .is_some_and(|w| w.chars().any(|c| c.is_ascii_digit()) || w == "–")
        };
        let reaching = (last_columnar + 1..end)
            .rev()
            .find(|&k| {
                body[k].row.x1() > right - ink_size(&body[k].row) * 2.0 && ends_in_figure(&body[k])
            })
            .unwrap_or(last_columnar);
        let mut keep = reaching + 1;
        while keep < end && stacked(&body[keep - 1], &body[keep], 1.3) {
            keep += 1;
        }
        let rows = &body[start..keep];
        let columnar_rows = columnar[start..keep].iter().filter(|&&c| c).count();
        let all_small = rows.iter().all(small);
        // Columns are found point by point: a table wider than any page is no table
        // (glyphs placed far off by a damaged or hostile file).
        let width = rows.iter().map(|b| b.row.x1()).fold(f32::MIN, f32::max)
            - rows.iter().map(|b| b.row.x0()).fold(f32::MAX, f32::min);
        let sane = width.is_finite() && width < 5000.0;
        if sane && (columnar_rows >= 3 || (columnar_rows >= 2 && all_small)) {
            out.push((start, keep));
            previous_end = keep;
        }
        i = keep;
    }
    out
}

/// A table's rows as markdown lines: heading rows, a rule, the other rows.
pub(super) fn table_lines(rows: &[BodyRow]) -> Vec<String> {
    // The commonest type size is the body of the table; rows in smaller type before the
    // first row in it are headings.
    let data_size = mode(rows.iter().map(|b| ink_size(&b.row))).unwrap_or(0.0);
    let is_heading = |b: &BodyRow| ink_size(&b.row) < data_size - 0.5;
    // Columns are read off the body rows: headings are often wider than their columns.
    let data: Vec<&BodyRow> = rows.iter().filter(|b| !is_heading(b)).collect();
    let columns = table_columns(&data);
    // Each printed row split into cells; lines stacked close (a cell's wrapped text)
    // joined to the row above when one of them leaves the last column empty.
    let mut table: Vec<(bool, Vec<Vec<Piece>>, &BodyRow)> = Vec::new();
    let mut body_begun = false;
    for b in rows {
        let heading = !body_begun && is_heading(b);
        // Heading type after the body has begun: the headings repeated where the table
        // goes on over a page, printed once.
        if body_begun && is_heading(b) && table.first().is_some_and(|r| r.0) {
            continue;
        }
        body_begun |= !heading;
        // A raised letter or two set apart from their row (a table note's marker) is no row.
        if b.row.visible().count() <= 2 && ink_size(&b.row) < data_size * 0.8 {
            continue;
        }
        let cells = split_cells(&b.row, &columns);
        if let Some((prev_heading, prev_cells, prev)) = table.last_mut() {
            let tight = prev.page == b.page && b.row.y - prev.row.y < ink_size(&b.row) * 1.3;
            let last_free = |c: &[Vec<Piece>]| c.last().is_none_or(Vec::is_empty);
            let joins = heading || last_free(prev_cells) || last_free(&cells);
            if tight && *prev_heading == heading && joins {
                for (into, more) in prev_cells.iter_mut().zip(cells) {
                    if !more.is_empty() {
                        if !into.is_empty() {
                            into.push(Piece::Char(
                                ' ',
                                is_italic(into.last()) && is_italic(more.first()),
                            ));
                        }
                        into.extend(more);
                    }
                }
                *prev = b;
                continue;
            }
        }
        table.push((heading, cells, b));
    }
    let mut lines = Vec::new();
    let mut ruled = false;
    for (k, (heading, cells, _)) in table.iter().enumerate() {
        if !*heading && !ruled && k > 0 && table[k - 1].0 {
            lines.push(format!("|{}", " --- |".repeat(columns.len())));
            ruled = true;
        }
        let row: Vec<String> = cells.iter().map(|c| render(c).trim().to_string()).collect();
        lines.push(format!("| {} |", row.join(" | ")));
    }
    lines
}

/// The type size of a row's visible characters (spaces may come from a larger font).
fn ink_size(row: &Row) -> f32 {
    row.visible().map(|g| g.size).fold(0.0, f32::max)
}

/// Column extents `(x0, x1)`, left to right: where the rows put ink, apart from the
/// gutters that nearly every row leaves blank (a line overflowing into a gutter now and
/// then does not close it).
fn table_columns(rows: &[&BodyRow]) -> Vec<(f32, f32)> {
    let glyphs = || rows.iter().flat_map(|b| b.row.visible());
    let left = glyphs().map(|g| g.x).fold(f32::MAX, f32::min).floor();
    let right = glyphs().map(|g| g.end).fold(f32::MIN, f32::max).ceil();
    if !(left < right && right - left < 5000.0) {
        return Vec::new();
    }
    let bins = (right - left) as usize + 1;
    let mut cover = vec![0usize; bins];
    for b in rows {
        let mut inked = vec![false; bins];
        for g in b.row.visible() {
            // A point either side bridges the gaps between letters of a word.
            let from = ((g.x - left - 1.0).max(0.0)) as usize;
            let to = (((g.end - left + 1.0).max(0.0)) as usize).min(bins - 1);
            for bin in &mut inked[from..=to.max(from)] {
                *bin = true;
            }
        }
        for (c, inked) in cover.iter_mut().zip(inked) {
            *c += usize::from(inked);
        }
    }
    let threshold = (rows.len() / 8).max(1);
    let size = mode(rows.iter().map(|b| ink_size(&b.row))).unwrap_or(8.0);
    let mut columns: Vec<(f32, f32)> = Vec::new();
    let mut k = 0;
    while k < bins {
        if cover[k] < threshold {
            k += 1;
            continue;
        }
        let from = k;
        while k < bins && cover[k] >= threshold {
            k += 1;
        }
        let (x0, x1) = (left + from as f32, left + k as f32);
        match columns.last_mut() {
            // A gap narrower than a gutter (between words) keeps the column open.
            Some(last) if x0 - last.1 < size * 0.9 => last.1 = x1,
            _ => columns.push((x0, x1)),
        }
    }
    columns
}

/// The row's text in each column: phrases (words closer than half the type size) go where
/// their middle stands, or to the nearest column.
fn split_cells(row: &Row, columns: &[(f32, f32)]) -> Vec<Vec<Piece>> {
    let mut parts: Vec<Vec<Glyph>> = vec![Vec::new(); columns.len()];
    let column_of = |x: f32| {
        let distance = |&(x0, x1): &(f32, f32)| (x0 - x).max(x - x1).max(0.0);
        (0..columns.len())
            .min_by(|&a, &b| distance(&columns[a]).total_cmp(&distance(&columns[b])))
            .unwrap_or(0)
    };
    let mut word: Vec<Glyph> = Vec::new();
    let place = |word: &mut Vec<Glyph>, parts: &mut Vec<Vec<Glyph>>| {
        if let (Some(first), Some(last)) = (word.first(), word.last()) {
            let column = column_of((first.x + last.end) / 2.0);
            if let Some(part) = parts.get_mut(column) {
                part.append(word);
            }
        }
        word.clear();
    };
    for g in &row.glyphs {
        let apart = word.last().is_some_and(|p| g.x - p.end > row.size * 0.5);
        if apart {
            place(&mut word, &mut parts);
        }
        word.push(*g);
    }
    place(&mut word, &mut parts);
    parts
        .into_iter()
        .map(|glyphs| {
            let cell = Row {
                y: row.y,
                size: row.size,
                glyphs,
            };
            pieces(&cell)
        })
        .collect()
}

fn is_italic(piece: Option<&Piece>) -> bool {
    matches!(piece, Some(Piece::Char(_, true)))
}
