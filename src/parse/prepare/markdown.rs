//! Markdown from a PDF converter: footnote syntaxes (`[^1]`, `<sup>1</sup>`, superscript
//! digits) rewritten as marker sentinels, footnote definitions taken out.

use super::*;

pub(super) fn prepare_markdown(input: &str) -> Prepared {
    let mut lines = Vec::new();
    let mut footnotes: Vec<FootnoteText> = Vec::new();
    let mut after_break = false;
    for (start, raw, _) in raw_lines(input) {
        let trimmed = raw.trim();
        let end = start + raw.len();
        // A footnote: `¹ text` (superscript digits) or `[^1]: text` (markdown footnotes).
        let superscript: String = trimmed
            .chars()
            .map_while(marks::superscript_digit)
            .collect();
        let definition = if !superscript.is_empty() {
            let body_start = trimmed
                .char_indices()
                .find(|&(_, c)| marks::superscript_digit(c).is_none())
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
            match marks::superscript_digit(c) {
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
        f.placed = lines
            .iter()
            .any(|l| marks::markers(&l.text).any(|m| m == f.marker));
    }
    // Markers that no footnote answers stay in the text as printed; say so.
    let mut diagnostics = Vec::new();
    let mut seen = Vec::new();
    for line in &lines {
        for marker in marks::markers(&line.text) {
            if seen.contains(&marker) {
                diagnostics.push(Diagnostic::warning(
                    Code::MarkerRepeated,
                    Span::new(line.start, line.end),
                    format!("footnote marker {marker} is printed again: its footnote is written at each"),
                ));
            }
            seen.push(marker);
            if !footnotes.iter().any(|f| f.marker == marker) {
                diagnostics.push(Diagnostic::warning(
                    Code::MarkerOrphan,
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
                marks::push_mark(&mut out, &after[..q]);
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
