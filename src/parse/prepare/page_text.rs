//! PDF page text: running headers and footers removed, footnote blocks taken from the foot
//! of each page, lines kept with their offsets.

use super::*;

pub(super) fn prepare_page_text(input: &str) -> Prepared {
    let raw = raw_lines(input);
    let trimmed: Vec<&str> = raw.iter().map(|(_, l, _)| l.trim()).collect();
    let n = raw.len();
    let mut furniture = vec![None::<&'static str>; n];
    let mut diagnostics = Vec::new();

    // The document's own symbol: the first symbol line of the masthead.
    let symbol = trimmed
        .iter()
        .take(20)
        .find(|t| is_symbol_line(t))
        .map(|s| unstarred(s).to_string());
    // Headers repeat the symbol, with or without the reissue star.
    let is_symbol = |t: &str| symbol.as_deref() == Some(unstarred(t));

    // Running headers: anchored on page counters `k/N` with the symbol close by.
    // Some tools put a running header on one line: `A/RES/78/10   Sport ...   23-23443   2/5`
    // (the symbol or the job number beside a page counter).
    // Every line is tried, so the cheap tests come first and nothing is allocated.
    let one_line_header = |t: &str| {
        let sym = symbol.as_deref().unwrap_or("\u{0}");
        let has_symbol = || {
            if sym.contains(char::is_whitespace) {
                squash(t).contains(sym)
            } else {
                t.contains(sym)
            }
        };
        t.len() < 800
            && t.contains('/')
            && !is_page_counter(t)
            && t.split_whitespace().any(is_page_counter)
            && (has_symbol() || t.split_whitespace().any(is_job_number))
    };
    let counters: Vec<usize> = (0..n)
        .filter(|&i| is_page_counter(trimmed[i]) || one_line_header(trimmed[i]))
        .collect();
    let near_symbol = |c: usize| -> Option<usize> {
        let sym = symbol.as_deref()?;
        let lo = c.saturating_sub(8);
        let hi = (c + 4).min(n);
        (lo..hi)
            .filter(|&i| unstarred(trimmed[i]) == sym)
            .min_by_key(|&i| i.abs_diff(c))
    };
    // Header titles, learned where they follow the symbol (even pages).
    let mut header_title = String::new();
    for &c in &counters {
        if let Some(s) = near_symbol(c) {
            if s < c && !trimmed[s + 1].is_empty() && !is_job_number(trimmed[s + 1]) {
                let mut i = s + 1;
                while i < c && !trimmed[i].is_empty() && !is_job_number(trimmed[i]) {
                    header_title.push_str(&squash(trimmed[i]));
                    header_title.push(' ');
                    i += 1;
                }
                break;
            }
        }
    }
    // A header is the run of header-like lines around a page counter: blank lines, the
    // symbol, the job number, the counter and the learned title lines.
    let is_header_line = |i: usize| {
        let t = trimmed[i];
        let sq = squash(t);
        t.is_empty()
            || is_symbol(t)
            || is_job_number(t)
            || is_page_counter(t)
            || one_line_header(t)
            || (!header_title.is_empty() && header_title.contains(&sq))
    };
    let mut header_ranges: Vec<(usize, usize)> = Vec::new();
    // PDF libraries that keep a page's blank lines as spaces join pages with a truly empty
    // line; elsewhere (pdftotext) an empty line is just a blank line and pages end in `\f`.
    let spaced_blanks = raw
        .iter()
        .filter(|(_, l, _)| !l.is_empty() && l.trim().is_empty())
        .count();
    let empty_lines = raw.iter().filter(|(_, l, _)| l.is_empty()).count();
    let empty_joins_pages = spaced_blanks > empty_lines;
    let is_page_join = |i: usize| empty_joins_pages && raw[i].1.is_empty();
    for &c in &counters {
        let (mut first, mut last) = (c, c);
        // A truly empty line, or a line ended by a form feed, is where the page began: the
        // lines above belong to the previous page, even if they read like the header's title.
        while first > 0 && c - first < 10 && is_header_line(first - 1) && !raw[first - 1].2 {
            first -= 1;
            if is_page_join(first) {
                break;
            }
        }
        // After the counter come only the job number and blank lines: text that reads like
        // the title there is the page's first line of body text.
        let is_header_tail = |i: usize| {
            let t = trimmed[i];
            t.is_empty() || is_job_number(t) || is_page_counter(t) || is_symbol(t)
        };
        while last + 1 < n && last - c < 5 && is_header_tail(last + 1) {
            last += 1;
        }
        header_ranges.push((first, last));
    }
    for &(first, last) in &header_ranges {
        for f in furniture.iter_mut().take(last + 1).skip(first) {
            *f = Some("running-header");
        }
    }
    for i in 0..n {
        let t = trimmed[i];
        if furniture[i].is_none() {
            if is_barcode(t) {
                furniture[i] = Some("barcode");
            } else if is_job_number(t) {
                furniture[i] = Some("job-number");
            } else if is_separator(t) {
                furniture[i] = Some("separator");
            }
        }
    }

    // Footnote areas: from a rule to the next header (or the end).
    let mut footnotes: Vec<FootnoteText> = Vec::new();
    let mut in_area = false;
    let mut areas: Vec<(usize, usize)> = Vec::new(); // (rule line, first note)
    let mut page_body_start = 0usize;
    let mut page_starts: Vec<usize> = Vec::new(); // body start line for each area
    for i in 0..n {
        if furniture[i] == Some("running-header") {
            in_area = false;
            page_body_start = i + 1;
            continue;
        }
        if !in_area && is_footnote_rule(trimmed[i]) {
            in_area = true;
            areas.push((i, footnotes.len()));
            page_starts.push(page_body_start);
            furniture[i] = Some("footnote-rule");
            continue;
        }
        if in_area {
            furniture[i] = Some("footnote");
            let t = trimmed[i];
            if t.is_empty() {
                continue;
            }
            let numbered = footnotes.iter().filter(|f| !is_starred(&f.marker)).count();
            let expected = (numbered + 1).to_string();
            // `3  Ibid.` starts footnote 3; `3 – 14 June 1992` continues the one before.
            let starts_note = t.strip_prefix(expected.as_str()).is_some_and(|rest| {
                rest.starts_with([' ', '\t']) && !rest.trim_start().starts_with(['–', '-'])
            });
            let (start, _, _) = raw[i];
            let end = start + raw[i].1.len();
            // `*  On behalf of …`: a note marked by stars (a draft's tabling line has one), outside
            // the numbered sequence.
            let stars = t.len() - t.trim_start_matches('*').len();
            if stars > 0 && t[stars..].starts_with([' ', '\t']) {
                footnotes.push(FootnoteText {
                    marker: t[..stars].to_string(),
                    text: t[stars..].trim().to_string(),
                    span: Span::new(start, end),
                    placed: false,
                });
            } else if starts_note {
                let text = t[expected.len()..].trim().to_string();
                footnotes.push(FootnoteText {
                    marker: expected,
                    text,
                    span: Span::new(start, end),
                    placed: false,
                });
            } else if let Some(last) = footnotes.last_mut() {
                join_wrapped(&mut last.text, t);
                last.span = last.span.join(Span::new(start, end));
            } else {
                furniture[i] = None; // Not a footnote after all: keep it as text.
            }
        }
    }

    for i in 0..n {
        if let Some(kind) = furniture[i] {
            if kind != "footnote" && !trimmed[i].is_empty() {
                let (start, l, _) = raw[i];
                diagnostics.push(Diagnostic::warning(
                    Code::Furniture,
                    Span::new(start, start + l.len()),
                    format!("removed {kind}: {}", trimmed[i]),
                ));
            }
        }
    }

    let mut lines: Vec<Line> = Vec::with_capacity(n);
    let mut after_break = false;
    for i in 0..n {
        let (start, l, _) = raw[i];
        if furniture[i].is_some() {
            after_break = true;
            continue;
        }
        let blank = trimmed[i].is_empty();
        if i > 0 && (is_page_join(i) || raw[i - 1].2) {
            after_break = true;
        }
        let mut text = l.trim_end().to_string();
        let next_starts_coordination = raw.get(i + 1).is_some_and(|(_, next, _)| {
            next.trim_start().starts_with("and ") || next.trim_start().starts_with("or ")
        });
        if text.ends_with('-') && l.len() > text.len() && next_starts_coordination {
            // `burden- ` + `and responsibility-sharing`: a suspended hyphen keeps its space.
            text.push(' ');
        }
        lines.push(Line {
            text,
            start,
            end: start + l.len(),
            after_break: after_break && !blank,
            heading: false,
        });
        if !blank {
            after_break = false;
        }
    }

    // Markers: footnote k is marked on the page whose foot carries it, after marker k-1.
    let mut cursor = (0usize, 0usize); // (line index into `lines`, byte offset)
    for (area_index, &(rule, first_note)) in areas.iter().enumerate() {
        let body_from = raw[page_starts[area_index]].0;
        let body_to = raw[rule].0;
        let last_note = areas.get(area_index + 1).map_or(footnotes.len(), |a| a.1);
        for note in &mut footnotes[first_note..last_note] {
            let marker = note.marker.as_str();
            if is_starred(marker) {
                // A star marks a line of the masthead (a draft's sponsors, a reissue), which
                // its reader takes the note for.
                continue;
            }
            let body = PageBody {
                lines: &lines,
                cursor,
                from: body_from,
                to: body_to,
            };
            let found = body
                .find_marker(marker)
                .or_else(|| body.find_glued_marker(marker));
            if let Some((li, at)) = found {
                let line = &mut lines[li];
                let at = attach_to_word_before(&mut line.text, at, marker.len());
                cursor = (li, marks::mark_in_place(&mut line.text, at, marker.len()));
                note.placed = true;
            }
        }
    }
    Prepared {
        flavour: Flavour::PageText,
        lines,
        footnotes,
        diagnostics,
    }
}

/// Whether a footnote marker is stars (`*`, `**`) rather than a number.
fn is_starred(marker: &str) -> bool {
    !marker.is_empty() && marker.bytes().all(|b| b == b'*')
}

/// A raised marker is printed against what precedes it (`Outcome,¹ sports`); page text spaces
/// it off (`Outcome, 1  sports`). The spaces between the word before and a marker that a space
/// or the line's end follows are removed, so the marker keeps its printed place. Returns where
/// the marker now starts.
pub(super) fn attach_to_word_before(text: &mut String, at: usize, len: usize) -> usize {
    let before = text[..at].trim_end_matches(' ');
    let spaced_after = text[at + len..]
        .chars()
        .next()
        .is_none_or(char::is_whitespace);
    if before.len() == at || before.is_empty() || !spaced_after {
        return at;
    }
    let start = before.len();
    text.replace_range(start..at, "");
    start
}
