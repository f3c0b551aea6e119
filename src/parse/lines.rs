//! First pass over text input: split into lines, recognise the flavour, strip page furniture,
//! take out footnote blocks and mark where their markers stand.
//!
//! Both flavours (markdown from a PDF converter, plain PDF page text) end up as the same
//! [`Prepared`] lines, so the structure rules in `parse::text` are written once.

use crate::diag::Diagnostic;
use crate::model::Span;

/// Marks a footnote marker inside line text: `MARK_OPEN digits MARK_CLOSE`.
/// Private-use characters, so they never collide with document text.
pub const MARK_OPEN: char = '\u{E000}';
pub const MARK_CLOSE: char = '\u{E001}';

/// How the text was produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavour {
    /// Marked-up paragraphs: one line per paragraph, `*italics*`, superscript or `[^n]`
    /// markers. Markdown from a PDF converter, and what the PDF reader writes.
    Markdown,
    /// Page text from a PDF library: hard-wrapped lines, running headers, digit markers.
    PageText,
}

/// A line of body text with its place in the input.
#[derive(Debug, Clone)]
pub struct Line {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Furniture or a footnote block was removed just before this line: a paragraph may
    /// continue across it.
    pub after_break: bool,
    /// Marked as a heading (`# ...` in markdown; a bold paragraph in a PDF).
    pub heading: bool,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// A footnote as printed at a page foot.
#[derive(Debug, Clone)]
pub struct FootnoteText {
    pub marker: String,
    pub text: String,
    pub span: Span,
    /// Whether a marker for it was found in the body.
    pub placed: bool,
}

/// The outcome of the first pass.
#[derive(Debug)]
pub struct Prepared {
    pub flavour: Flavour,
    pub lines: Vec<Line>,
    pub footnotes: Vec<FootnoteText>,
    pub diagnostics: Vec<Diagnostic>,
}

const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

fn superscript_digit(c: char) -> Option<char> {
    SUPERSCRIPTS
        .iter()
        .position(|&s| s == c)
        .map(|d| char::from(b'0' + d as u8))
}

/// Splits `input` into lines with byte offsets; `\r\n`, lone `\r` and form feeds end lines.
fn raw_lines(input: &str) -> Vec<(usize, &str, bool)> {
    let mut out = Vec::new();
    let bytes = input.as_bytes();
    let mut start = 0;
    for i in memchr::memchr3_iter(b'\n', b'\r', 0x0c, bytes) {
        // A `\r\n` pair ends one line; the `\n` was found first only when it stands alone.
        if i < start {
            continue;
        }
        let b = bytes[i];
        out.push((start, &input[start..i], b == 0x0c));
        start = i + 1;
        if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            start = i + 2;
        }
    }
    if start < input.len() {
        out.push((start, &input[start..], false));
    }
    out
}

/// Recognises the flavour from the content: PDF page furniture (barcodes, job numbers, page
/// counters) means page text; markdown marks (links, superscript markers, `*italics*`) mean
/// markdown; plain text without either is read as page text.
pub fn flavour(input: &str) -> Flavour {
    let mut markdown = false;
    for line in input.lines() {
        let t = line.trim();
        if is_barcode(t) || is_job_number(t) || is_page_counter(t) {
            return Flavour::PageText;
        }
        markdown = markdown
            || t.contains("](")
            || t.contains("[^")
            || t.contains("<sup>")
            || t.chars().any(|c| superscript_digit(c).is_some())
            || t.starts_with("# ")
            || (t.starts_with('*')
                && t.chars().nth(1).is_some_and(char::is_alphanumeric)
                && t[1..].contains('*'));
    }
    if markdown {
        Flavour::Markdown
    } else {
        Flavour::PageText
    }
}

/// Runs the first pass.
pub fn prepare(input: &str) -> Prepared {
    prepare_as(input, flavour(input))
}

/// Runs the first pass on input whose flavour is known (the PDF reader's output).
pub fn prepare_as(input: &str, flavour: Flavour) -> Prepared {
    match flavour {
        Flavour::Markdown => prepare_markdown(input),
        Flavour::PageText => prepare_page_text(input),
    }
}

fn prepare_markdown(input: &str) -> Prepared {
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
fn footnote_marks_as_markers(text: &str) -> String {
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
fn markers_in(text: &str) -> Vec<&str> {
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

fn has_marker(text: &str, marker: &str) -> bool {
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

/// What a line of page text is, as far as furniture goes.
pub fn is_page_counter(t: &str) -> bool {
    if t.len() > 7 {
        return false;
    }
    let Some((a, b)) = t.split_once('/') else {
        return false;
    };
    let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>()) else {
        return false;
    };
    a >= 1 && a <= b && b >= 2
}

/// `23-26260 (E)    030124`, `23-26260`, `22-28954 (E)`.
pub fn is_job_number(t: &str) -> bool {
    let b = t.as_bytes();
    if b.len() < 8 || !b[..2].iter().all(u8::is_ascii_digit) || b[2] != b'-' {
        return false;
    }
    let digits = b[3..].iter().take_while(|c| c.is_ascii_digit()).count();
    if !(4..=6).contains(&digits) {
        return false;
    }
    // A reissued document's job number carries a star: `23-24915* (E)`.
    let rest = t[3 + digits..].trim().trim_start_matches('*').trim_start();
    let rest = rest
        .strip_prefix('(')
        .and_then(|r| r.get(1..))
        .and_then(|r| r.strip_prefix(')'))
        .map_or(rest, str::trim);
    rest.is_empty() || rest.bytes().all(|c| c.is_ascii_digit()) && rest.len() == 6
}

/// `*2326260*`
pub fn is_barcode(t: &str) -> bool {
    t.len() > 3
        && t.starts_with('*')
        && t.ends_with('*')
        && t[1..t.len() - 1].bytes().all(|c| c.is_ascii_digit())
}

/// `* * *` between parts of a text: an ornament, not words.
fn is_separator(t: &str) -> bool {
    t.len() >= 3 && t.contains(' ') && t.chars().all(|c| c == '*' || c == ' ')
}

fn is_footnote_rule(t: &str) -> bool {
    t.len() >= 5 && t.bytes().all(|c| c == b'_')
}

/// A document symbol standing alone on a line: `A/RES/78/10`, `S/RES/2720 (2023)`.
pub fn is_symbol_line(t: &str) -> bool {
    let first = t.split('/').next().unwrap_or("");
    t.contains('/')
        && !first.is_empty()
        && first.bytes().all(|c| c.is_ascii_uppercase())
        && !t.contains(". ")
        && t.len() < 40
        && t.bytes().any(|c| c.is_ascii_digit())
}

/// A symbol without the star that marks a reissued document (`A/RES/78/68*`).
pub fn unstarred(symbol: &str) -> &str {
    symbol.trim_end_matches('*').trim_end()
}

/// Whitespace collapsed, for comparing header lines.
fn squash(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn prepare_page_text(input: &str) -> Prepared {
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
            let expected = (footnotes.len() + 1).to_string();
            // `3  Ibid.` starts footnote 3; `3 – 14 June 1992` continues the one before.
            let starts_note = t.strip_prefix(expected.as_str()).is_some_and(|rest| {
                rest.starts_with([' ', '\t']) && !rest.trim_start().starts_with(['–', '-'])
            });
            let (start, _, _) = raw[i];
            let end = start + raw[i].1.len();
            if starts_note {
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
                    "furniture",
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
            let found = find_marker(&lines, cursor, body_from, body_to, marker)
                .or_else(|| find_glued_marker(&lines, cursor, body_from, body_to, marker));
            if let Some((li, at)) = found {
                let line = &mut lines[li];
                let digits_end = at + marker.len();
                line.text.insert(digits_end, MARK_CLOSE);
                line.text.insert(at, MARK_OPEN);
                cursor = (
                    li,
                    digits_end + MARK_OPEN.len_utf8() + MARK_CLOSE.len_utf8(),
                );
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

/// Appends a wrapped line, keeping a hyphen that ended the previous line without a space.
pub fn join_wrapped(text: &mut String, next: &str) {
    let next = next.trim();
    if next.is_empty() {
        return;
    }
    // `non-` + `governmental`, `3–` + `14 June`: the line broke after a hyphen or dash.
    let ends_hyphen =
        text.ends_with(['-', '–']) && text.chars().rev().nth(1).is_some_and(char::is_alphanumeric);
    if !text.is_empty() && !ends_hyphen {
        text.push(' ');
    }
    text.push_str(next);
}

/// Words after which a number is a reference, not a footnote marker.
const NUMBER_TAKERS: &[&str] = &[
    "article",
    "articles",
    "paragraph",
    "paragraphs",
    "para.",
    "paras.",
    "resolution",
    "resolutions",
    "decision",
    "decisions",
    "no.",
    "nos.",
    "chapter",
    "chap.",
    "section",
    "sect.",
    "annex",
    "vol.",
    "volume",
    "goal",
    "goals",
    "target",
    "targets",
    "principle",
    "principles",
    "part",
    "rule",
    "rules",
    "item",
    "items",
    "page",
    "pages",
    "p.",
    "pp.",
    "and",
    "or",
    "to",
    "of",
    "from",
    "between",
    "than",
    "by",
    "about",
    "some",
    "least",
    "at",
    "protocol",
    "recommendation",
    "recommendations",
    "phase",
    "level",
    "step",
    "category",
    "table",
    "figure",
    "box",
    "option",
    "cluster",
    "stage",
    "round",
    "article,",
    "every",
    "in",
    "on",
    "nearly",
    "over",
    "under",
    "up",
    "with",
    "within",
    "per",
    "for",
    "first",
    "last",
    "next",
    "past",
    "the",
    "a",
    "all",
    "these",
    "those",
    "only",
    "s-",
];

/// Words that, following a number, show it is a quantity (month names are checked apart).
const NUMBER_FOLLOWERS: &[&str] = &[
    "per",
    "percent",
    "million",
    "billion",
    "trillion",
    "years",
    "year",
    "months",
    "month",
    "days",
    "day",
    "weeks",
    "week",
    "hours",
    "dollars",
    "states",
    "countries",
    "members",
    "member",
    "times",
    "%",
    "per cent",
    "degrees",
    "°c",
    "new",
    "additional",
    "posts",
    "positions",
    "persons",
    "people",
    "women",
    "children",
    "languages",
    "goals",
    "targets",
    "entities",
    "cases",
    "high-level",
];

/// Finds the first place `marker` stands as a footnote marker in `lines` between the byte
/// offsets `from..to` of the input, after `cursor`.
/// The lines of the page body `from..to` (byte offsets of the input) at or after `cursor`,
/// each with the byte offset where the search may start in it.
fn page_lines(
    lines: &[Line],
    cursor: (usize, usize),
    from: usize,
    to: usize,
) -> impl Iterator<Item = (usize, &Line, usize)> {
    lines
        .iter()
        .enumerate()
        .skip(cursor.0)
        .filter(move |(_, line)| line.end >= from && line.start < to)
        .map(move |(li, line)| (li, line, if li == cursor.0 { cursor.1 } else { 0 }))
}

/// The first place of `digits` in `s`: memchr for the first digit, as `str::find` sets up a
/// substring searcher for every call and markers are searched on every line.
fn find_digits(s: &str, digits: &str) -> Option<usize> {
    let first = *digits.as_bytes().first()?;
    let bytes = s.as_bytes();
    memchr::memchr_iter(first, bytes).find(|&at| bytes[at..].starts_with(digits.as_bytes()))
}

fn find_marker(
    lines: &[Line],
    cursor: (usize, usize),
    from: usize,
    to: usize,
    marker: &str,
) -> Option<(usize, usize)> {
    for (li, line, skip) in page_lines(lines, cursor, from, to) {
        let text = &line.text;
        let mut search = skip;
        while let Some(rel) = text.get(search..).and_then(|s| find_digits(s, marker)) {
            let at = search + rel;
            search = at + marker.len();
            if is_marker_at(
                text,
                at,
                marker.len(),
                lines.get(li + 1).map(|l| l.text.as_str()),
            ) {
                return Some((li, at));
            }
        }
    }
    None
}

/// A marker glued to a year, as PDF text gives a raised digit after it (`19492` for 1949 and
/// footnote 2). Only tried when no other place on the page carries the marker.
fn find_glued_marker(
    lines: &[Line],
    cursor: (usize, usize),
    from: usize,
    to: usize,
    marker: &str,
) -> Option<(usize, usize)> {
    for (li, line, skip) in page_lines(lines, cursor, from, to) {
        let mut pos = 0;
        for token in line.text.split(' ') {
            let start = pos;
            pos += token.len() + 1;
            if start < skip {
                continue;
            }
            let core = token.trim_end_matches([',', ';', '.', ':', ')']);
            let Some(prefix) = core.strip_suffix(marker) else {
                continue;
            };
            // The year is the last four digits before the marker, after a non-digit.
            let digits_from = prefix
                .char_indices()
                .rev()
                .find(|(_, ch)| !ch.is_ascii_digit())
                .map_or(0, |(p, ch)| p + ch.len_utf8());
            let year_digits = &prefix[digits_from..];
            let year = year_digits.len() == 4
                && (year_digits.starts_with("19") || year_digits.starts_with("20"));
            if year {
                return Some((li, start + prefix.len()));
            }
        }
    }
    None
}

fn is_marker_at(text: &str, at: usize, len: usize, next_line: Option<&str>) -> bool {
    let before = text[..at].chars().next_back();
    let after_str = &text[at + len..];
    let after = after_str.chars().next();
    if before.is_some_and(|c| c.is_ascii_digit() || c == MARK_CLOSE)
        || after.is_some_and(|c| c.is_ascii_digit())
    {
        return false;
    }
    // What follows a marker: a space, punctuation that may follow a footnote, or the line end.
    let after_ok = match after {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | ')' | '”' | '’'),
    };
    let decimal = matches!(after, Some('.' | ','))
        && after_str[1..].starts_with(|c: char| c.is_ascii_digit());
    if !after_ok || decimal {
        return false;
    }
    match before {
        None => {
            // At a line start: only if the previous line ended a word (rare); reject.
            false
        }
        Some(c) if c.is_alphabetic() => {
            // Glued to a word: `Secretary-General10`. Not part of an alphanumeric code
            // (`G20`, `COP28`): those are capitals only.
            let word_start = text[..at]
                .rfind(|ch: char| ch.is_whitespace())
                .map_or(0, |p| p + 1);
            let word = text[..at][word_start..].rsplit('-').next().unwrap_or("");
            !word.chars().any(|ch| ch.is_ascii_digit()) && !word.chars().all(|ch| ch.is_uppercase())
        }
        Some(c) if matches!(c, ',' | ';' | ':' | '.' | ')' | '”' | '’' | '"') => {
            // Glued to punctuation: `Secretary-General,2`. Not a decimal (`1.2`) nor the end
            // of a document symbol (`A/78/L.1`).
            let prev = text[..at - c.len_utf8()].chars().next_back();
            let word_start = text[..at].rfind(char::is_whitespace).map_or(0, |p| p + 1);
            !(c == '.'
                && (prev.is_some_and(|p| p.is_ascii_digit()) || text[word_start..at].contains('/')))
        }
        Some(c) if c.is_whitespace() => {
            let head = text[..at].trim_end();
            let prev_word = head.rsplit(char::is_whitespace).next().unwrap_or("");
            if prev_word.is_empty() {
                return false;
            }
            let lower = prev_word.to_lowercase();
            // A year, or a span of years (`2014–2024`), may carry a marker.
            let last_year = prev_word.rsplit(['–', '-']).next().unwrap_or("");
            let year = last_year.len() == 4
                && last_year.bytes().all(|b| b.is_ascii_digit())
                && (last_year.starts_with("19") || last_year.starts_with("20"));
            if NUMBER_TAKERS.contains(&lower.as_str())
                || (prev_word.chars().last().is_some_and(|c| c.is_ascii_digit()) && !year)
                || lower.ends_with('/')
                || lower == "–"
                || lower == "-"
            {
                return false;
            }
            let next_word = after_str
                .split_whitespace()
                .next()
                .or_else(|| next_line.and_then(|l| l.split_whitespace().next()))
                .unwrap_or("");
            let next_lower = next_word
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '%')
                .to_lowercase();
            if NUMBER_FOLLOWERS.contains(&next_lower.as_str())
                || crate::model::Date::month_number(&next_lower).is_some()
                || next_word.starts_with('%')
                || next_word.starts_with('(')
            {
                return false;
            }
            true
        }
        Some(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_footnote_syntaxes() {
        let p = prepare("Recalling its resolution 70/1,[^1] and 71/1<sup>2</sup>\n\n[^1]: Adopted in 2015.\n[^2]: Adopted in 2016.\n");
        assert_eq!(p.flavour, Flavour::Markdown);
        assert_eq!(p.footnotes.len(), 2);
        assert!(p.footnotes.iter().all(|f| f.placed));
        assert_eq!(p.footnotes[1].text, "Adopted in 2016.");
    }

    #[test]
    fn job_numbers() {
        assert!(is_job_number("23-26260 (E)    030124"));
        assert!(is_job_number("23-26260"));
        assert!(is_job_number("22-28954 (E)"));
        assert!(!is_job_number("2022-2023"));
        assert!(!is_job_number("20-24 April"));
    }

    #[test]
    fn glued_and_spaced_markers() {
        assert!(is_marker_at("the Secretary-General,2 and", 22, 1, None));
        assert!(is_marker_at("Summit Outcome, 1  sports", 16, 1, None));
        assert!(!is_marker_at("Article 1, paragraph 3", 8, 1, None));
        assert!(!is_marker_at("on 25 June 1993", 3, 2, None));
        assert!(!is_marker_at("COVID-19 pandemic", 6, 2, None));
    }
}
