//! Tables in page text. PDF text extraction writes a table one cell per line, row after row:
//! a label (wrapped over lines when long), then each figure on a line of its own, an empty
//! cell as a blank line. Where rows of a label and the same number of figure cells repeat, the
//! lines are rewritten as markdown table rows, which the text rules read as a table.
//!
//! Only tables whose columns after the first hold figures can be told from the text: with
//! text in several columns, nothing marks where one cell ends and the next begins, and those
//! lines are left as text. Heading lines stay text too (their cells wrap over lines in ways
//! the text does not show).

use super::prepare::{join_wrapped, Line};

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Text,
    Figure,
    Empty,
}

/// `37`, `1 131`, `(2 061 900)`, `12.5%`, `–`: a cell of figures.
fn is_figure(t: &str) -> bool {
    if matches!(t, "–" | "-" | "—") {
        return true;
    }
    let inner = t
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .unwrap_or(t);
    let inner = inner.strip_suffix('%').unwrap_or(inner);
    inner.starts_with(|c: char| c.is_ascii_digit())
        && inner.ends_with(|c: char| c.is_ascii_digit())
        && inner
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | ',' | '.' | '\u{a0}' | '\u{202f}'))
}

fn kind(line: &Line) -> Kind {
    let t = line.text.trim();
    if t.is_empty() {
        Kind::Empty
    } else if is_figure(t) {
        Kind::Figure
    } else {
        Kind::Text
    }
}

/// A run of text lines and the run of cell lines (figures or blanks) after it, as line
/// index ranges.
struct Group {
    text: std::ops::Range<usize>,
    cells: std::ops::Range<usize>,
}

/// The lines with each table found rewritten as markdown table rows, one unit each; `None`
/// when there is no table.
pub fn rewrite(lines: &[Line]) -> Option<Vec<Line>> {
    let kinds: Vec<Kind> = lines.iter().map(kind).collect();
    if !kinds.contains(&Kind::Figure) {
        return None;
    }
    let mut groups = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let text_start = i;
        while i < lines.len() && kinds[i] == Kind::Text {
            i += 1;
        }
        let cells_start = i;
        while i < lines.len() && kinds[i] != Kind::Text {
            i += 1;
        }
        groups.push(Group {
            text: text_start..cells_start,
            cells: cells_start..i,
        });
    }
    // Where the last figure of a group's cells stands.
    let last_figure = |g: &Group| {
        kinds[g.cells.clone()]
            .iter()
            .rposition(|&k| k == Kind::Figure)
    };
    let mut tables: Vec<(usize, usize, usize)> = Vec::new(); // (first group, end group, k)
    let mut previous_end = 0;
    let mut g = 0;
    while g < groups.len() {
        // A row of `k` cells: text, then cell lines with a figure in the last.
        let k = match last_figure(&groups[g]) {
            Some(p) if p >= 1 && !groups[g].text.is_empty() => p + 1,
            _ => {
                g += 1;
                continue;
            }
        };
        // Rows around it: text, then at least `k` cell lines, none a figure past the `k`th
        // (blank lines after the cells are the space after the row). A row without figures
        // is a label row (`Professional and higher`): one short line.
        let fits = |h: &Group| {
            let label_row = h.text.len() == 1 && lines[h.text.start].text.trim().len() <= 60;
            !h.text.is_empty() && h.cells.len() >= k && last_figure(h).map_or(label_row, |p| p < k)
        };
        // Label rows above the first row of figures, up to the row whose text begins with
        // more lines than its label (the headings, or the text before the table).
        let mut first = g;
        while first > previous_end && groups[first].text.len() == 1 {
            let above = &groups[first - 1];
            if above.text.is_empty() {
                break;
            }
            let label = &lines[above.text.end - 1].text;
            let label_row = last_figure(above).is_none() && label.trim().len() <= 60;
            if !(label_row && above.cells.len() >= k) {
                break;
            }
            first -= 1;
        }
        let mut end = g + 1;
        while end < groups.len() && fits(&groups[end]) {
            end += 1;
        }
        let figure_rows = (first..end)
            .filter(|&h| last_figure(&groups[h]).is_some())
            .count();
        let clean = groups[first..end].iter().all(|h| {
            lines[h.text.clone()]
                .iter()
                .all(|l| !l.text.contains('|') && l.text.trim().len() < 200)
        });
        if figure_rows >= 3 && clean {
            tables.push((first, end, k));
            previous_end = end;
        }
        g = end;
    }
    if tables.is_empty() {
        return None;
    }
    let blank = |at: usize| Line {
        text: String::new(),
        start: at,
        end: at,
        after_break: false,
        heading: false,
    };
    let mut out = Vec::with_capacity(lines.len());
    let mut next_line = 0;
    for (first, end, k) in tables {
        // The first row's text may begin with the lines above the table: the short lines
        // just above its label are the column headings (a long line is running text, and a
        // short line after one ends its paragraph).
        let head = &groups[first];
        let label_from = head.text.end - 1;
        let short = |i: usize| lines[i].text.trim().chars().count() <= 45;
        let mut headings_from = label_from;
        while headings_from > head.text.start && short(headings_from - 1) {
            headings_from -= 1;
        }
        if headings_from > head.text.start && headings_from < label_from {
            headings_from += 1;
        }
        out.extend(lines[next_line..headings_from].iter().cloned());
        out.push(blank(lines[headings_from].start));
        let headings: Vec<&str> = lines[headings_from..label_from]
            .iter()
            .map(|l| l.text.trim())
            .collect();
        if !headings.is_empty() {
            // One heading per column when the count tells (the label column's may be
            // missing); else the heading lines in the first cell.
            let mut cells: Vec<String> = if headings.len() == k + 1 {
                headings.iter().map(|h| h.to_string()).collect()
            } else if headings.len() == k {
                std::iter::once(String::new())
                    .chain(headings.iter().map(|h| h.to_string()))
                    .collect()
            } else {
                let mut joined = String::new();
                for h in &headings {
                    join_wrapped(&mut joined, h);
                }
                vec![joined]
            };
            cells.resize(k + 1, String::new());
            let at = lines[headings_from].start;
            for text in [
                format!("| {} |", cells.join(" | ")),
                format!("|{}", " --- |".repeat(k + 1)),
            ] {
                out.push(Line {
                    text,
                    start: at,
                    end: lines[label_from - 1].end,
                    after_break: false,
                    heading: false,
                });
                out.push(blank(at));
            }
        }
        for (n, group) in groups[first..end].iter().enumerate() {
            let text = if n == 0 {
                label_from..group.text.end
            } else {
                group.text.clone()
            };
            let mut label = String::new();
            for l in &lines[text.clone()] {
                join_wrapped(&mut label, &l.text);
            }
            let mut row = format!("| {label} |");
            for l in &lines[group.cells.start..group.cells.start + k] {
                row.push(' ');
                row.push_str(l.text.trim());
                row.push_str(" |");
            }
            let (start, stop) = (
                lines[text.start].start,
                lines[group.cells.start + k - 1].end,
            );
            out.push(Line {
                text: row,
                start,
                end: stop,
                after_break: false,
                heading: false,
            });
            out.push(blank(stop));
        }
        // Blank lines after the last row's cells stay.
        let last = &groups[end - 1];
        next_line = last.cells.start + k;
    }
    out.extend(lines[next_line..].iter().cloned());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line> {
        let mut at = 0;
        text.split('\n')
            .map(|t| {
                let l = Line {
                    text: t.to_string(),
                    start: at,
                    end: at + t.len(),
                    after_break: false,
                    heading: false,
                };
                at += t.len() + 1;
                l
            })
            .collect()
    }

    fn texts(lines: &[Line]) -> Vec<&str> {
        lines
            .iter()
            .map(|l| l.text.as_str())
            .filter(|t| !t.trim().is_empty())
            .collect()
    }

    #[test]
    fn figure_tables_become_rows() {
        let input = "Staffing table\n \nCategory\nTotal\nProfessional and higher\n \n \n \n\
            Under-Secretary-General\n37\n17\n54\nD-2\n118\n9\n127\nRecommendations of the\n\
            Fifth Committee\n(114 600)\n–\n1 131\n \n \n3. Decides to continue.";
        let out = rewrite(&lines(input)).unwrap();
        assert_eq!(
            texts(&out),
            [
                "Staffing table",
                "| Category Total |  |  |  |",
                "| --- | --- | --- | --- |",
                "| Professional and higher |  |  |  |",
                "| Under-Secretary-General | 37 | 17 | 54 |",
                "| D-2 | 118 | 9 | 127 |",
                "| Recommendations of the Fifth Committee | (114 600) | – | 1 131 |",
                "3. Decides to continue."
            ]
        );
    }

    /// Lines opening with figures or blanks (no text above the first row) and numbers at the
    /// ends of their range are no trouble.
    #[test]
    fn edges() {
        let input = "12\n \nA\n \n \nB\n1\n2\nC\n3\n4\nD\n5\n6\n";
        let out = rewrite(&lines(input)).unwrap();
        assert!(texts(&out).contains(&"| B | 1 | 2 |"), "{:?}", texts(&out));
        assert!(rewrite(&lines("")).is_none());
        assert!(rewrite(&lines("4294967295\n0\n")).is_none());
    }

    #[test]
    fn prose_and_text_columns_stay_text() {
        // Paragraph numbers on lines of their own, a list of years: no table.
        let prose =
            "1.\nDecides to continue;\n \n2.\nRequests a report;\n \n \nIn 2023\n2024\n2025";
        assert!(rewrite(&lines(prose)).is_none());
        // Text in every column (A/RES/78/253): one figure per row only.
        let posts = "New post\nLegal Officer\nP-4\n1\nNew post\nLegal Assistant\nGS (OL)\n1\n\
            New post\nDriver\nGS (OL)\n1";
        assert!(rewrite(&lines(posts)).is_none());
    }
}
