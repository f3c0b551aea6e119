//! Markdown from a PDF converter: footnote syntaxes (`[^1]`, `<sup>1</sup>`, superscript
//! digits) rewritten as marker sentinels, footnote definitions taken out.

use super::*;

pub(super) const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

pub(super) fn superscript_digit(c: char) -> Option<char> {
    SUPERSCRIPTS
        .iter()
        .position(|&s| s == c)
        .map(|d| char::from(b'0' + d as u8))
}

pub(super) fn prepare_markdown(input: &str) -> Prepared {
    let mut lines = Vec::new();
    let mut footnotes: Vec<FootnoteText> = Vec::new();
    let mut after_break = false;
    for (start, raw, _) in raw_lines(input) {
        let trimmed = raw.trim();
        let end = start + raw.len();
        // A footnote: `¹ text` (superscript digits) or `[^1]: text` (markdown footnotes).
        let superscript: String = trimmed.chars().map_while(superscript_digit).collect();
        let definition = if !superscript.is_empty() {
            let body_start = trimmed
                .char_indices()
                .find(|&(_, c)| superscript_digit(c).is_none())
                .map_or(trimmed.len(), |(i, _)| i);
            Some((superscript, &trimmed[body_start..]))
        } else {
            trimmed
                .strip_prefix("[^")
                .and_then(|r| r.split_once("]:"))
                .filter(|(m, _)| !m.is_empty() && m.len() < 6)
                .map(|(m, body)| (m.to_string(), body))
        };
        if let Some((marker, body)) = definition {
            footnotes.push(FootnoteText {
                marker,
                text: body.trim().to_string(),
                span: Span::new(start, end),
                placed: false,
            });
            after_break = true;
            continue;
        }
        let heading = trimmed.starts_with('#');
        let text = trimmed.trim_start_matches('#').trim_start();
        // `[^1]` and `<sup>1</sup>` mark footnotes as superscript digits do.
        let text = &footnote_marks_as_markers(text);
        let mut converted = String::with_capacity(text.len());
        let mut in_marker = false;
        for c in text.chars() {
            match superscript_digit(c) {
                Some(d) => {
                    if !in_marker {
                        converted.push(MARK_OPEN);
                        in_marker = true;
                    }
                    converted.push(d);
                }
                None => {
                    if in_marker {
                        converted.push(MARK_CLOSE);
                        in_marker = false;
                    }
                    converted.push(c);
                }
            }
        }
        if in_marker {
            converted.push(MARK_CLOSE);
        }
        let blank = converted.trim().is_empty();
        lines.push(Line {
            text: converted,
            start,
            end,
            after_break: after_break && !blank,
            heading: heading && !blank,
        });
        if !blank {
            after_break = false;
        }
    }
    for f in &mut footnotes {
        f.placed = lines.iter().any(|l| has_marker(&l.text, &f.marker));
    }
    // Markers that no footnote answers stay in the text as printed; say so.
    let mut diagnostics = Vec::new();
    let mut seen = Vec::new();
    for line in &lines {
        for marker in markers_in(&line.text) {
            if seen.contains(&marker) {
                diagnostics.push(Diagnostic::warning(
                    "marker-repeated",
                    Span::new(line.start, line.end),
                    format!("footnote marker {marker} is printed again: its footnote is written at each"),
                ));
            }
            seen.push(marker);
            if !footnotes.iter().any(|f| f.marker == marker) {
                diagnostics.push(Diagnostic::warning(
                    "marker-orphan",
                    Span::new(line.start, line.end),
                    format!("footnote marker {marker} has no footnote: kept as printed"),
                ));
            }
        }
    }
    Prepared {
        flavour: Flavour::Markdown,
        lines,
        footnotes,
        diagnostics,
    }
}

/// Rewrites `[^1]` and `<sup>1</sup>` as marker sentinels.
pub(super) fn footnote_marks_as_markers(text: &str) -> String {
    if !text.contains("[^") && !text.contains("<sup>") {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let next = [("[^", "]"), ("<sup>", "</sup>")]
            .into_iter()
            .filter_map(|(open, close)| rest.find(open).map(|p| (p, open, close)))
            .min_by_key(|(p, _, _)| *p);
        let Some((p, open, close)) = next else { break };
        let after = &rest[p + open.len()..];
        match after.find(close) {
            Some(q) if q > 0 && q < 6 && !after[..q].contains(' ') => {
                out.push_str(&rest[..p]);
                out.push(MARK_OPEN);
                out.push_str(&after[..q]);
                out.push(MARK_CLOSE);
                rest = &after[q + close.len()..];
            }
            _ => {
                out.push_str(&rest[..p + open.len()]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The markers of a line, in order.
pub(super) fn markers_in(text: &str) -> Vec<&str> {
    let mut markers = Vec::new();
    let mut rest = text;
    while let Some(p) = rest.find(MARK_OPEN) {
        let after = &rest[p + MARK_OPEN.len_utf8()..];
        let close = after.find(MARK_CLOSE).unwrap_or(after.len());
        markers.push(&after[..close]);
        rest = &after[close..];
    }
    markers
}

/// The marker as superscript digits, as a footnote marker is printed.
pub fn superscript(marker: &str) -> String {
    marker
        .chars()
        .map(|c| c.to_digit(10).map_or(c, |d| SUPERSCRIPTS[d as usize]))
        .collect()
}

pub(super) fn has_marker(text: &str, marker: &str) -> bool {
    let mut rest = text;
    while let Some(p) = rest.find(MARK_OPEN) {
        let after = &rest[p + MARK_OPEN.len_utf8()..];
        let close = after.find(MARK_CLOSE).unwrap_or(after.len());
        if &after[..close] == marker {
            return true;
        }
        rest = &after[close..];
    }
    false
}
