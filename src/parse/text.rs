//! Text input (markdown from a PDF converter, or PDF page text) → [`Document`].
//!
//! `lines::prepare` has removed page furniture and footnote blocks; this module groups the
//! remaining lines into paragraphs and recognises the parts of a resolution in order:
//! masthead, adoption line, origin, number and title, formula, recitals, operative
//! paragraphs with sub-items and sections, the closing meeting line, annexes.

use super::inline::{self, Context};
use super::lines::{self, Flavour, Line, MARK_CLOSE, MARK_OPEN};
use super::masthead;
use super::page_tables;
use crate::diag::{Diagnostic, ParseError, Warned};
use crate::model::*;
use std::collections::HashMap;

/// A paragraph of input: wrapped lines joined.
#[derive(Debug)]
struct Unit {
    raw: String,
    span: Span,
    /// Set apart as a heading by the input's markup (bold in a PDF).
    heading: bool,
}

/// The nesting level of an unnumbered heading: below every numbered one.
const UNNUMBERED_LEVEL: u8 = 9;

/// Parses text input into a document.
pub fn parse(input: &str) -> Result<Warned<Document>, ParseError> {
    parse_prepared(input, lines::prepare(input))
}

/// Parses text input of a known flavour (the PDF reader's marked-up paragraphs).
pub fn parse_as(input: &str, flavour: Flavour) -> Result<Warned<Document>, ParseError> {
    parse_prepared(input, lines::prepare_as(input, flavour))
}

fn parse_prepared(input: &str, prepared: lines::Prepared) -> Result<Warned<Document>, ParseError> {
    let mut diagnostics = prepared.diagnostics;
    let flavour = prepared.flavour;
    let body_start = prepared
        .lines
        .iter()
        .position(|l| {
            let plain = inline::plain(&l.text, flavour);
            starts_adoption(&plain) || council_number(&plain).is_some()
        })
        .or_else(|| {
            prepared
                .lines
                .iter()
                .position(|l| number_title(&inline::plain(&l.text, flavour)).is_some())
        })
        .ok_or_else(|| {
            let span = prepared
                .lines
                .iter()
                .find(|l| !l.is_blank())
                .map_or(Span::default(), Line::span);
            ParseError::new(
                "not-a-resolution",
                span,
                "no \"Resolution adopted by ...\" line and no numbered title: not a resolution",
            )
        })?;
    let masthead_lines: Vec<String> = prepared.lines[..body_start]
        .iter()
        .map(|l| inline::plain(&l.text, flavour))
        .collect();
    let masthead_refs: Vec<&str> = masthead_lines.iter().map(String::as_str).collect();
    let (masthead, printed_symbol) = masthead::read(&masthead_refs);

    let body_lines = &prepared.lines[body_start..];
    // Page text writes a table one cell per line: tables of figures are rewritten as rows.
    let with_tables = match flavour {
        Flavour::PageText => page_tables::rewrite(body_lines),
        Flavour::Markdown => None,
    };
    let units = group(with_tables.as_deref().unwrap_or(body_lines), flavour);
    let notes: HashMap<String, usize> = prepared
        .footnotes
        .iter()
        .enumerate()
        .map(|(i, f)| (f.marker.clone(), i))
        .collect();
    let organ = masthead
        .organ_name
        .as_deref()
        .and_then(masthead::organ_named)
        .unwrap_or(Organ::GeneralAssembly);
    let ctx = Context {
        flavour,
        organ,
        notes: &notes,
    };

    let mut builder = Builder::new(flavour);
    for unit in &units {
        builder.take(unit, &mut diagnostics);
    }
    builder.close_part();
    let Builder {
        adoption,
        kind,
        number,
        title,
        formula,
        preamble,
        body,
        conclusion,
        annexes,
        parts,
        ..
    } = builder;
    let number = number.ok_or_else(|| {
        ParseError::new(
            "no-number",
            units.first().map_or(Span::default(), |u| u.span),
            "no resolution number and title (such as \"77/213. Title\") found",
        )
    })?;
    let symbol = printed_symbol.unwrap_or_else(|| symbol_from_number(organ, kind, &number));

    let footnotes: Vec<Footnote> = prepared
        .footnotes
        .iter()
        .map(|f| Footnote {
            marker: f.marker.clone(),
            text: inline::inlines(&f.text, &ctx, false),
            span: f.span,
        })
        .collect();
    for f in prepared.footnotes.iter().filter(|f| !f.placed) {
        diagnostics.push(Diagnostic::warning(
            "footnote-unplaced",
            f.span,
            format!("no marker found for footnote {}", f.marker),
        ));
    }

    // A Security Council resolution names its meeting in the adoption line, not at the end.
    let conclusion = conclusion.or_else(|| {
        let (statement, date) = adoption.as_ref()?;
        Some(Conclusion {
            meeting: meeting_of_adoption(statement)?,
            date: *date,
            date_text: None,
            span: Span::default(),
        })
    });
    let document = Document {
        kind,
        organ,
        language: Language::English,
        symbol,
        number: number.0,
        title: inline::inlines(&title, &ctx, false),
        masthead,
        adoption: Adoption {
            statement: adoption.as_ref().map(|(s, _)| s.clone()),
            date: adoption.and_then(|(_, d)| d),
            origin: builder_origin(&units, flavour),
        },
        formula: finish_formula(formula, &ctx),
        preamble: finish_preamble(preamble, &ctx),
        body: body.into_iter().map(|b| b.finish(&ctx)).collect(),
        conclusion,
        parts: parts.into_iter().map(|p| p.finish(&ctx)).collect(),
        annexes: annexes.into_iter().map(|a| a.finish(&ctx)).collect(),
        footnotes,
        metadata: Metadata::default(),
    };
    let mut document = document;
    single_operative_paragraph(&mut document);
    attach_unplaced(&mut document, &prepared.footnotes);
    notes_in_reading_order(&mut document);
    // Where the text ends early (a truncated file, a page missing), say what is missing.
    let end = Span::new(input.len(), input.len());
    if document.body.is_empty() && document.parts.iter().all(|p| p.body.is_empty()) {
        diagnostics.push(Diagnostic::warning(
            "no-operative-part",
            end,
            "no operative paragraph found after the preamble",
        ));
    }
    let concluded = match document.parts.as_slice() {
        [] => document.conclusion.is_some(),
        parts => parts.iter().all(|p| p.conclusion.is_some()),
    };
    if !concluded {
        diagnostics.push(Diagnostic::warning(
            "no-conclusion",
            end,
            "no closing meeting line (such as \"54th plenary meeting\"): is the text complete?",
        ));
    }
    Ok(Warned {
        value: document,
        diagnostics,
    })
}

/// A resolution whose operative part is one unnumbered paragraph ("The General Assembly /
/// Endorses ... ."): read among the recitals, it is told apart by its closing full stop, where a
/// recital ends with a comma.
fn single_operative_paragraph(doc: &mut Document) {
    for act in doc.acts_mut() {
        single_operative_paragraph_of(act.preamble, act.body);
    }
}

fn single_operative_paragraph_of(preamble: &mut Vec<Recital>, body: &mut Vec<Block>) {
    if !body.is_empty() {
        return;
    }
    let ends_sentence = preamble.last().is_some_and(|r| {
        let text = crate::markup::plain_text(&r.text);
        let end = text.trim_end_matches(|c: char| {
            c.is_whitespace() || c.is_ascii_digit() || matches!(c, '”' | '"' | '’' | ')')
        });
        end.ends_with('.')
    });
    if ends_sentence {
        if let Some(r) = preamble.pop() {
            body.push(Block::Paragraph(Paragraph {
                number: None,
                text: r.text,
                items: Vec::new(),
                wrap_up: Vec::new(),
                span: r.span,
            }));
        }
    }
}

/// Every run of inlines of the body of a document, in the order a writer emits them.
fn for_each_run(doc: &mut Document, f: &mut dyn FnMut(&mut Vec<Inline>)) {
    fn items(list: &mut [Item], f: &mut dyn FnMut(&mut Vec<Inline>)) {
        for item in list {
            f(&mut item.text);
            items(&mut item.items, f);
        }
    }
    fn blocks(list: &mut [Block], f: &mut dyn FnMut(&mut Vec<Inline>)) {
        for b in list {
            match b {
                Block::Paragraph(p) => {
                    f(&mut p.text);
                    items(&mut p.items, f);
                    f(&mut p.wrap_up);
                }
                Block::Section(s) => {
                    f(&mut s.heading);
                    blocks(&mut s.blocks, f);
                }
                Block::Recital(r) => f(&mut r.text),
                Block::Text(t) => f(&mut t.text),
                Block::Table(t) => {
                    for cell in t.rows.iter_mut().flat_map(|r| &mut r.cells) {
                        f(&mut cell.text);
                    }
                }
            }
        }
    }
    for act in doc.acts_mut() {
        f(act.title);
        if let Some(formula) = act.formula {
            f(&mut formula.text);
        }
        for r in act.preamble.iter_mut() {
            f(&mut r.text);
        }
        blocks(act.body, f);
        for a in act.annexes.iter_mut() {
            f(&mut a.title);
            blocks(&mut a.blocks, f);
        }
    }
}

/// Numbers footnotes in the order their markers are read (a footnote hung from the block
/// before it comes after markers printed later), so that `note_N` counts up through the AKN
/// and reading the AKN back gives the same numbers. A footnote whose marker is printed twice
/// is written at each: AKN holds a note where its marker stands.
fn notes_in_reading_order(doc: &mut Document) {
    let mut order: Vec<usize> = Vec::with_capacity(doc.footnotes.len());
    for_each_run(doc, &mut |runs| {
        for r in runs.iter() {
            if let Inline::NoteRef { index, .. } = r {
                order.push(*index);
            }
        }
    });
    let in_order =
        order.len() == doc.footnotes.len() && order.iter().enumerate().all(|(i, &n)| i == n);
    if in_order {
        return;
    }
    let mut next = 0;
    for_each_run(doc, &mut |runs| {
        for r in runs.iter_mut() {
            if let Inline::NoteRef { index, .. } = r {
                *index = next;
                next += 1;
            }
        }
    });
    let old = std::mem::take(&mut doc.footnotes);
    doc.footnotes = order.iter().filter_map(|&i| old.get(i).cloned()).collect();
    // Footnotes no marker reaches keep their place after the others.
    doc.footnotes.extend(
        old.into_iter()
            .enumerate()
            .filter(|(i, _)| !order.contains(i))
            .map(|(_, f)| f),
    );
}

/// Footnotes whose marker could not be found hang from the block printed just before them,
/// so that no text is lost.
fn attach_unplaced(doc: &mut Document, notes: &[lines::FootnoteText]) {
    for (index, note) in notes.iter().enumerate().filter(|(_, n)| !n.placed) {
        let noteref = Inline::NoteRef {
            marker: note.marker.clone(),
            index,
        };
        let at = note.span.start;
        fn last_before(blocks: &mut [Block], at: usize) -> Option<&mut Vec<Inline>> {
            let mut best = None;
            for b in blocks.iter_mut() {
                match b {
                    Block::Paragraph(p) if p.span.start < at => best = Some(&mut p.text),
                    Block::Recital(r) if r.span.start < at => best = Some(&mut r.text),
                    Block::Text(t) if t.span.start < at => best = Some(&mut t.text),
                    Block::Section(s) if s.span.start < at => {
                        if let Some(inner) = last_before(&mut s.blocks, at) {
                            best = Some(inner);
                        }
                    }
                    Block::Table(t) if t.span.start < at => {
                        if let Some(cell) = t.rows.iter_mut().flat_map(|r| &mut r.cells).last() {
                            best = Some(&mut cell.text);
                        }
                    }
                    Block::Paragraph(_)
                    | Block::Recital(_)
                    | Block::Text(_)
                    | Block::Table(_)
                    | Block::Section(_) => {}
                }
            }
            best
        }
        /// The last run before `at` in a preamble, body and annexes, in the order printed.
        fn last_in_act<'a>(
            preamble: &'a mut [Recital],
            body: &'a mut [Block],
            annexes: &'a mut [Annex],
            at: usize,
        ) -> Option<&'a mut Vec<Inline>> {
            let mut best = None;
            for r in preamble.iter_mut().filter(|r| r.span.start < at) {
                best = Some(&mut r.text);
            }
            if let Some(inner) = last_before(body, at) {
                best = Some(inner);
            }
            for a in annexes.iter_mut().filter(|a| a.span.start < at) {
                if let Some(inner) = last_before(&mut a.blocks, at) {
                    best = Some(inner);
                }
            }
            best
        }
        let mut best = None;
        for act in doc.acts_mut() {
            if let Some(inner) = last_in_act(act.preamble, act.body, act.annexes, at) {
                best = Some(inner);
            }
        }
        if let Some(text) = best {
            text.push(noteref);
        }
    }
}

fn symbol_from_number(organ: Organ, kind: DocumentKind, number: &(String, Span)) -> String {
    crate::symbol::mint(organ, kind, &crate::symbol::compact_number(&number.0))
}

fn starts_adoption(plain: &str) -> bool {
    let t = plain.trim_start();
    // `Adopted by the Security Council at its 9520th meeting, on 22 December 2023`
    // `Resolutions adopted by ...` heads a multi-part resolution.
    [
        "Resolution adopted by",
        "Resolutions adopted by",
        "Decision adopted by",
        "Decisions adopted by",
        "Adopted by the ",
    ]
    .iter()
    .any(|p| t.starts_with(p))
        && t.len() < 200
}

/// `Resolution 2720 (2023)`: a Security Council resolution's number line → `2720 (2023)`.
fn council_number(plain: &str) -> Option<String> {
    let rest = plain.trim().strip_prefix("Resolution ")?;
    let (n, year) = rest.split_once(" (")?;
    let year = year.strip_suffix(')')?;
    (!n.is_empty()
        && n.bytes().all(|c| c.is_ascii_digit())
        && year.len() == 4
        && year.bytes().all(|c| c.is_ascii_digit()))
    .then(|| rest.to_string())
}

/// The meeting named in an adoption line: `... at its 9520th meeting, on ...` → `9520th meeting`.
fn meeting_of_adoption(statement: &str) -> Option<String> {
    let start = statement.find(" at its ")? + " at its ".len();
    let rest = &statement[start..];
    let end = rest.find("meeting")? + "meeting".len();
    meeting(&rest[..end]).map(|(m, _)| m)
}

/// `77/213. Title` → (number, title).
fn number_title(plain: &str) -> Option<(String, String)> {
    let t = plain.trim();
    let (head, rest) = t.split_once(". ")?;
    let core = head.trim_start_matches("ES-").trim_start_matches("S-");
    let (a, b) = core.split_once('/')?;
    let b = b.trim_end_matches(|c: char| c == ' ' || c.is_ascii_uppercase());
    if a.is_empty()
        || b.is_empty()
        || !a.bytes().all(|c| c.is_ascii_digit())
        || !b.bytes().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    Some((head.to_string(), rest.trim().to_string()))
}

/// Groups lines into units (paragraphs as printed).
fn group(lines: &[Line], flavour: Flavour) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    let mut open = false;
    // The widest line: a line well short of it ended its paragraph.
    let width = lines
        .iter()
        .map(|l| l.text.trim_end().chars().count())
        .max()
        .unwrap_or(0);
    let mut previous_short = true;
    for line in lines {
        if line.is_blank() {
            if open {
                if let Some(u) = units.last_mut() {
                    // A paragraph number standing alone waits for its text, and a bracketed
                    // origin for its closing bracket.
                    if !is_bare_label(&u.raw) && !is_open_bracket(&u.raw) {
                        open = false;
                    }
                }
            }
            continue;
        }
        let text = line.text.trim();
        let short_line = text.chars().count() * 4 < width * 3;
        let continue_last = match units.last() {
            None => false,
            Some(last) if open && is_open_bracket(&last.raw) => true,
            // A heading's number alone on its line (`IV`): its title is a unit of its own.
            Some(last) if is_heading_number(&last.raw) || named_division(&last.raw).is_some() => {
                false
            }
            // `Rule 27` alone on the line after a sentence ends opens a rule.
            Some(last) if named_division(text).is_some() && ends_clause(&last.raw) => false,
            Some(last) if line.after_break => continues(&last.raw, text),
            Some(last) => match flavour {
                Flavour::Markdown => false,
                Flavour::PageText => {
                    open && !starts_closing(text)
                        && !(previous_short
                            && ends_clause(&last.raw)
                            && !is_bare_label(&last.raw)
                            && starts_recital(text))
                        && !(previous_short && resumes_after_items(&last.raw, text))
                        && (is_bare_label(&last.raw)
                            || !(starts_label(text) && ends_clause(&last.raw)))
                }
            },
        };
        if continue_last {
            let last = units.last_mut().expect("checked above");
            lines::join_wrapped(&mut last.raw, text);
            last.span = last.span.join(line.span());
            last.heading &= line.heading;
        } else {
            units.push(Unit {
                raw: text.to_string(),
                span: line.span(),
                heading: line.heading,
            });
        }
        open = true;
        previous_short = short_line;
        if flavour == Flavour::Markdown {
            open = false;
        }
    }
    units
}

/// The cells of a markdown table row (`| a | b |`): the text between unescaped bars, trimmed;
/// `None` for other text.
fn table_cells(raw: &str) -> Option<Vec<&str>> {
    let inner = raw.strip_prefix('|')?.strip_suffix('|')?;
    let bytes = inner.as_bytes();
    let mut cells = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'|' => {
                cells.push(inner[start..i].trim());
                start = i + 1;
                i += 1;
            }
            _ => i += 1,
        }
    }
    cells.push(inner[start.min(inner.len())..].trim());
    cells.iter().any(|c| !c.is_empty()).then_some(cells)
}

/// `| --- | :---: |`: the rule under a markdown table's heading rows.
fn is_table_rule(cells: &[&str]) -> bool {
    cells.iter().all(|c| {
        let dashes = c.trim_matches(':');
        dashes.len() >= 3 && dashes.bytes().all(|b| b == b'-')
    })
}

/// A line that opens a recital: a capitalised participle (`Reaffirming further`), or an
/// adverb and a participle or adjective (`Deeply concerned`).
fn starts_recital(t: &str) -> bool {
    let Some(n) = crate::phrase::opening_phrase(t) else {
        return false;
    };
    let words: Vec<&str> = t[..n].split_whitespace().collect();
    match words.as_slice() {
        [head, ..]
            if head.ends_with("ing") && head.chars().next().is_some_and(char::is_uppercase) =>
        {
            true
        }
        [adverb, head, ..] => {
            adverb.ends_with("ly") && (head.ends_with("ed") || head.ends_with("ful"))
        }
        _ => false,
    }
}

/// The meeting line or an annex heading: never part of the paragraph above.
fn starts_closing(t: &str) -> bool {
    meeting(t).is_some() || is_annex_label(t)
}

/// A sub-item ended by `;` on a short line, and a line in lower case after it: the text of
/// the paragraph resuming after its sub-items (`(e) ... conflict;` / `and to consider ...`),
/// not more of the sub-item, whose wrapped lines run to the margin.
fn resumes_after_items(last: &str, line: &str) -> bool {
    split_item(last.trim()).is_some()
        && strip_trailing_markers(last).ends_with(';')
        && line.starts_with(|c: char| c.is_lowercase())
}

/// `[on the report of the ... Committee` still waiting for its `]`.
fn is_open_bracket(raw: &str) -> bool {
    raw.trim_start().starts_with('[') && !raw.contains(']') && raw.len() < 400
}

/// `12.` or `(a)` alone.
fn is_bare_label(raw: &str) -> bool {
    let t = raw.trim();
    split_number(t).is_some_and(|(_, rest)| rest.is_empty())
        || split_item(t).is_some_and(|(_, rest)| rest.is_empty())
}

fn starts_label(t: &str) -> bool {
    split_number(t).is_some() || split_item(t).is_some()
}

/// The text ends a clause: `,` `;` `:` `.` (before any footnote marker).
fn ends_clause(raw: &str) -> bool {
    let t = strip_trailing_markers(raw);
    t.ends_with([',', ';', ':', '.', '”']) || t.ends_with(".)")
}

fn strip_trailing_markers(raw: &str) -> &str {
    let mut t = raw.trim_end();
    loop {
        if let Some(stripped) = t.strip_suffix(MARK_CLOSE) {
            t = stripped
                .rsplit_once(MARK_OPEN)
                .map_or(stripped, |(a, _)| a)
                .trim_end();
        } else if let Some(stripped) = t.strip_suffix('*') {
            t = stripped.trim_end();
        } else {
            return t;
        }
    }
}

/// Whether `next` continues the paragraph `prev` across a page break or footnote block.
fn continues(prev: &str, next: &str) -> bool {
    let first = next.chars().next().unwrap_or(' ');
    if first.is_lowercase() {
        return true;
    }
    if starts_label(next) || starts_closing(next) {
        return false;
    }
    // No paragraph opens with a number that is not its label (`46/21 of 24 March 2021, ...`).
    first.is_ascii_digit() || !ends_clause(prev)
}

/// `7. text` → ("7", "text").
fn split_number(t: &str) -> Option<(&str, &str)> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 || t.as_bytes().get(digits) != Some(&b'.') {
        return None;
    }
    let rest = &t[digits + 1..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    Some((&t[..digits], rest.trim_start()))
}

/// A number of four digits or more opens a paragraph only where it continues the numbering
/// (`1000.` after `999.`): alone, `2030. ` at the start of a line is far likelier a year.
fn split_long_number(t: &str, expected: u32) -> Option<(&str, &str)> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if !(4..=9).contains(&digits) || t[..digits].parse::<u32>().ok()? != expected {
        return None;
    }
    let rest = t[digits..].strip_prefix('.')?;
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    Some((&t[..digits], rest.trim_start()))
}

/// `(a) text` → ("a", "text").
fn split_item(t: &str) -> Option<(&str, &str)> {
    let inner = t.strip_prefix('(')?;
    let close = inner.find(')')?;
    let label = &inner[..close];
    if label.is_empty() || label.len() > 5 || !label.bytes().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    let rest = &inner[close + 1..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    Some((label, rest.trim_start()))
}

fn is_roman(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|c| matches!(c.to_ascii_lowercase(), b'i' | b'v' | b'x' | b'l'))
}

/// `I. Heading`, `A. Heading` → ("I", "Heading").
fn split_heading(t: &str) -> Option<(&str, &str)> {
    // The number is a roman numeral or a letter: `. ` is looked for near the start only, not
    // through the whole paragraph.
    let head = &t.as_bytes()[..t.len().min(16)];
    let dot = head.windows(2).position(|w| w == b". ")?;
    let (num, rest) = (&t[..dot], &t[dot + 2..]);
    let numbered = is_roman(num) && num.bytes().all(|c| c.is_ascii_uppercase())
        || (num.len() == 1 && num.bytes().all(|c| c.is_ascii_uppercase()));
    let rest = rest.trim();
    let plain_end = strip_trailing_markers(rest);
    (numbered && !rest.is_empty() && !plain_end.ends_with([',', ';']) && rest.len() < 300)
        .then_some((num, rest))
}

fn next_letter(label: &str) -> Option<String> {
    let mut bytes = label.as_bytes().to_vec();
    let last = bytes.last_mut()?;
    if *last == b'z' {
        return None;
    }
    *last += 1;
    String::from_utf8(bytes).ok()
}

/// `54th plenary meeting`, `50th (resumed) plenary meeting`.
fn meeting(plain: &str) -> Option<(String, Option<(Date, String)>)> {
    let t = plain.trim().trim_matches('*').trim();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let suffix = t.get(digits..digits + 2)?;
    if !matches!(suffix, "st" | "nd" | "rd" | "th") {
        return None;
    }
    let end = t.find("meeting")? + "meeting".len();
    if end > 60 {
        return None;
    }
    let rest = t[end..].trim();
    let date = masthead::date_line(rest).map(|d| (d, rest.to_string()));
    if !rest.is_empty() && date.is_none() {
        return None;
    }
    Some((t[..end].to_string(), date))
}

/// `The General Assembly,`: the enacting formula.
fn is_formula(plain: &str) -> bool {
    plain.starts_with("The ")
        && masthead::organ_named(plain.trim_start_matches("The ").trim_end_matches(',')).is_some()
}

/// `Rule 27`, `Article 5`, `Chapter II`, `Part I` alone on its line: a division named by its
/// word, its title (if any) on the next line.
fn named_division(plain: &str) -> Option<(SectionKind, &str)> {
    // Asked of every line: most are longer than `Chapter XXVIII.` or open otherwise.
    let t = plain.trim_start();
    if t.len() > 24 || !t.starts_with(['P', 'C', 'A', 'R']) {
        return None;
    }
    let t = t.trim_end().trim_end_matches('.');
    let (word, number) = t.split_once(' ')?;
    let kind = match word {
        "Part" | "PART" => SectionKind::Part,
        "Chapter" | "CHAPTER" => SectionKind::Chapter,
        "Article" | "ARTICLE" => SectionKind::Article,
        "Rule" | "RULE" => SectionKind::Rule,
        _ => return None,
    };
    let number = number.trim();
    let numbered = (number.len() <= 4 && number.bytes().all(|c| c.is_ascii_digit()))
        || (number.len() <= 6
            && is_roman(number)
            && number.bytes().all(|c| c.is_ascii_uppercase()));
    numbered.then_some((kind, t))
}

/// `Rule 1 Composition of delegations` on one line (a heading set in bold, or a title without
/// a clause's ending) → (rule, `Rule 1`, `Composition of delegations`).
fn split_named_division(plain: &str, heading: bool) -> Option<(SectionKind, &str, &str)> {
    let t = plain.trim();
    let first = t.find(' ')?;
    let second = first + 1 + t[first + 1..].find(' ')?;
    let (kind, num) = named_division(&t[..second])?;
    let title = t[second..].trim();
    let title_like =
        title.starts_with(|c: char| c.is_uppercase()) && title.len() < 200 && !ends_clause(title);
    (heading || title_like).then_some((kind, num, title))
}

/// `Preamble` alone: the heading of an annexed instrument's preamble.
fn is_preamble_heading(plain: &str) -> bool {
    matches!(plain.trim(), "Preamble" | "PREAMBLE")
}

/// `IV`, `B`: the number of a heading alone on its line, its title on the next.
fn is_heading_number(plain: &str) -> bool {
    // Asked of every line, like `named_division`: long ones are passed over untrimmed.
    if plain.len() > 24 {
        return false;
    }
    let t = plain.trim();
    let t = t.strip_suffix('.').unwrap_or(t);
    !t.is_empty()
        && t.len() < 6
        && t.bytes().all(|c| c.is_ascii_uppercase())
        && (is_roman(t) || t.len() == 1)
}

/// `A`, `B`: the letter of a part of a multi-part resolution, alone on its line.
fn is_part_letter(plain: &str) -> bool {
    let t = plain.trim();
    t.len() == 1 && t.bytes().all(|c| c.is_ascii_uppercase())
}

fn is_annex_label(plain: &str) -> bool {
    let t = plain.trim();
    let rest = t.strip_prefix("Annex").or_else(|| t.strip_prefix("ANNEX"));
    rest.is_some_and(|r| {
        let r = r.trim();
        r.is_empty()
            || (is_roman(r) && r.len() < 6)
            || (r.len() == 1 && r.bytes().all(|c| c.is_ascii_uppercase()))
    })
}

fn builder_origin(units: &[Unit], flavour: Flavour) -> Option<Origin> {
    let unit = units
        .iter()
        .take(4)
        .find(|u| inline::plain(&u.raw, flavour).starts_with('['))?;
    Some(masthead::origin(inline::plain(&unit.raw, flavour)))
}

/// Where the builder is in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Head,
    Preamble,
    Body,
    Closed,
    Annex,
}

#[derive(Debug)]
enum Draft {
    Paragraph {
        number: Option<String>,
        raw: String,
        items: Vec<DraftItem>,
        wrap_up: String,
        span: Span,
    },
    Section {
        kind: SectionKind,
        number: Option<String>,
        heading: String,
        blocks: Vec<Draft>,
        span: Span,
    },
    Recital {
        raw: String,
        span: Span,
    },
    Text {
        raw: String,
        span: Span,
    },
    /// Rows of cells as written (`| a | b |`), each with whether it is a heading row.
    Table {
        rows: Vec<(bool, Vec<String>)>,
        /// A rule row (`| --- |`) has closed the heading rows.
        ruled: bool,
        span: Span,
    },
}

#[derive(Debug)]
struct DraftItem {
    label: String,
    raw: String,
    items: Vec<DraftItem>,
    span: Span,
}

/// A part of a multi-part resolution, once the next has begun.
struct DraftPart {
    number: String,
    title: String,
    span: Span,
    formula: Option<(String, Span)>,
    preamble: Vec<(String, Span)>,
    body: Vec<Draft>,
    conclusion: Option<Conclusion>,
    annexes: Vec<DraftAnnex>,
}

impl DraftPart {
    fn finish(self, ctx: &Context) -> Part {
        Part {
            number: self.number,
            title: inline::inlines(&self.title, ctx, false),
            formula: finish_formula(self.formula, ctx),
            preamble: finish_preamble(self.preamble, ctx),
            body: self.body.into_iter().map(|b| b.finish(ctx)).collect(),
            conclusion: self.conclusion,
            annexes: self.annexes.into_iter().map(|a| a.finish(ctx)).collect(),
            span: self.span,
        }
    }
}

fn finish_formula(formula: Option<(String, Span)>, ctx: &Context) -> Option<Formula> {
    formula.map(|(raw, span)| Formula {
        text: inline::inlines(&raw, ctx, false),
        span,
    })
}

fn finish_preamble(preamble: Vec<(String, Span)>, ctx: &Context) -> Vec<Recital> {
    preamble
        .into_iter()
        .map(|(raw, span)| Recital {
            text: inline::inlines(&raw, ctx, true),
            span,
        })
        .collect()
}

struct DraftAnnex {
    label: String,
    title: String,
    blocks: Vec<Draft>,
    span: Span,
}

impl Draft {
    fn finish(self, ctx: &Context) -> Block {
        match self {
            Draft::Paragraph {
                number,
                raw,
                items,
                wrap_up,
                span,
            } => Block::Paragraph(Paragraph {
                number,
                text: inline::inlines(&raw, ctx, true),
                items: items.into_iter().map(|i| i.finish(ctx)).collect(),
                wrap_up: inline::inlines(&wrap_up, ctx, false),
                span,
            }),
            Draft::Section {
                kind,
                number,
                heading,
                blocks,
                span,
            } => Block::Section(Section {
                kind,
                number,
                heading: inline::inlines(&heading, ctx, false),
                blocks: blocks.into_iter().map(|b| b.finish(ctx)).collect(),
                span,
            }),
            Draft::Recital { raw, span } => Block::Recital(Recital {
                text: inline::inlines(&raw, ctx, true),
                span,
            }),
            Draft::Text { raw, span } => Block::Text(TextBlock {
                text: inline::inlines(&raw, ctx, false),
                span,
            }),
            Draft::Table { rows, span, .. } => Block::Table(Table {
                rows: rows
                    .into_iter()
                    .map(|(heading, cells)| TableRow {
                        heading,
                        cells: cells
                            .iter()
                            .map(|c| TableCell {
                                text: inline::inlines(c, ctx, false),
                                columns: 1,
                            })
                            .collect(),
                    })
                    .collect(),
                span,
            }),
        }
    }
}

impl DraftItem {
    fn finish(self, ctx: &Context) -> Item {
        Item {
            number: self.label,
            text: inline::inlines(&self.raw, ctx, false),
            items: self.items.into_iter().map(|i| i.finish(ctx)).collect(),
            span: self.span,
        }
    }
}

impl DraftAnnex {
    fn finish(self, ctx: &Context) -> Annex {
        Annex {
            label: self.label,
            title: inline::inlines(&self.title, ctx, false),
            blocks: self.blocks.into_iter().map(|b| b.finish(ctx)).collect(),
            span: self.span,
        }
    }
}

/// Builds the document from units, one at a time.
struct Builder {
    flavour: Flavour,
    stage: Stage,
    kind: DocumentKind,
    adoption: Option<(String, Option<Date>)>,
    number: Option<(String, Span)>,
    title: String,
    formula: Option<(String, Span)>,
    preamble: Vec<(String, Span)>,
    body: Vec<Draft>,
    /// Open sections in `body` (or the current annex), from the outside in:
    /// (index in the enclosing list, level, number).
    sections: Vec<(usize, u8, String)>,
    conclusion: Option<Conclusion>,
    annexes: Vec<DraftAnnex>,
    /// The annex title is still being read.
    annex_title_open: bool,
    /// The parts of a multi-part resolution read so far; the fields above hold the one being
    /// read until the next begins (or the text ends).
    parts: Vec<DraftPart>,
    /// A part of a multi-part resolution (`A`, `B`) has begun and its title is expected.
    part_title_open: bool,
    /// A section's number stood alone on its line: its title is expected.
    heading_open: bool,
    /// The unit before was a table row: the next row goes on the same table.
    table_open: bool,
}

impl Builder {
    fn new(flavour: Flavour) -> Self {
        Builder {
            flavour,
            stage: Stage::Head,
            kind: DocumentKind::Resolution,
            adoption: None,
            number: None,
            title: String::new(),
            formula: None,
            preamble: Vec::new(),
            body: Vec::new(),
            sections: Vec::new(),
            conclusion: None,
            annexes: Vec::new(),
            annex_title_open: false,
            parts: Vec::new(),
            part_title_open: false,
            heading_open: false,
            table_open: false,
        }
    }

    /// Whether the letter alone on its line opens a part: `A` right after the number and
    /// title, before any formula or recital; then each next letter in turn, once the part before
    /// has its operative part.
    fn opens_part(&self, plain: &str) -> bool {
        let letter = plain.trim().as_bytes()[0];
        match self.parts.last() {
            None => {
                letter == b'A'
                    && self.number.is_some()
                    && self.stage == Stage::Head
                    && self.formula.is_none()
                    && self.preamble.is_empty()
            }
            Some(last) => {
                last.number.as_bytes().first().map(|&b| b + 1) == Some(letter)
                    && !self.body.is_empty()
            }
        }
    }

    /// Moves what was read since the last part letter into that part.
    fn close_part(&mut self) {
        if let Some(part) = self.parts.last_mut() {
            part.formula = self.formula.take();
            part.preamble = std::mem::take(&mut self.preamble);
            part.body = std::mem::take(&mut self.body);
            part.conclusion = self.conclusion.take();
            part.annexes = std::mem::take(&mut self.annexes);
        }
    }

    /// The block list inside the first `depth` open sections (0: the body, or the annex being
    /// read).
    fn list_at(&mut self, depth: usize) -> &mut Vec<Draft> {
        let mut list = match self.annexes.last_mut() {
            Some(a) if self.stage == Stage::Annex => &mut a.blocks,
            _ => &mut self.body,
        };
        for (i, _, _) in &self.sections[..depth] {
            list = match &mut list[*i] {
                Draft::Section { blocks, .. } => blocks,
                _ => unreachable!("section path points at sections only"),
            };
        }
        list
    }

    /// The innermost open section itself.
    fn innermost_section(&mut self) -> Option<&mut Draft> {
        let depth = self.sections.len().checked_sub(1)?;
        let index = self.sections[depth].0;
        self.list_at(depth).get_mut(index)
    }

    /// The block list new blocks go into: the innermost open section.
    fn container(&mut self) -> &mut Vec<Draft> {
        self.list_at(self.sections.len())
    }

    fn take(&mut self, unit: &Unit, diagnostics: &mut Vec<Diagnostic>) {
        let plain = inline::plain(&unit.raw, self.flavour);
        let raw = unit.raw.trim();
        if plain.is_empty() {
            return;
        }
        let table_open = std::mem::take(&mut self.table_open);
        if self.stage != Stage::Head {
            if let Some(cells) = table_cells(raw) {
                self.take_table_row(cells, unit.span, table_open);
                return;
            }
        }
        // A multi-part resolution (`78/80 A-B`): a capital letter alone, `A` after the title or
        // the next letter after a part, opens a part with its own title, preamble, operative
        // part, meeting line and annexes.
        if is_part_letter(&plain) && self.opens_part(&plain) {
            self.close_part();
            self.parts.push(DraftPart {
                number: plain.trim().to_string(),
                title: String::new(),
                span: unit.span,
                formula: None,
                preamble: Vec::new(),
                body: Vec::new(),
                conclusion: None,
                annexes: Vec::new(),
            });
            self.stage = Stage::Preamble;
            self.sections.clear();
            self.part_title_open = true;
            return;
        }
        // A heading's number alone on its line (`IV`), its title on the next: opens a section
        // (of the operative part, or of the annex being read).
        if self.stage != Stage::Head {
            let heading = if is_heading_number(&plain) {
                Some((SectionKind::Section, plain.trim().trim_end_matches('.'), ""))
            } else {
                named_division(&plain)
                    .map(|(kind, num)| (kind, num, ""))
                    .or_else(|| split_named_division(&plain, unit.heading))
            };
            if let Some((kind, num, title)) = heading {
                if self.stage != Stage::Annex {
                    self.stage = Stage::Body;
                }
                self.annex_title_open = false;
                self.open_section(kind, num, title, unit.span);
                self.heading_open = title.is_empty();
                return;
            }
        }
        if std::mem::take(&mut self.heading_open) {
            let title_like =
                !ends_clause(raw) && split_number(raw).is_none() && split_item(raw).is_none();
            if title_like {
                if let Some(Draft::Section { heading, span, .. }) = self.innermost_section() {
                    heading.push_str(raw);
                    *span = span.join(unit.span);
                    return;
                }
            }
        }
        if self.part_title_open {
            self.part_title_open = false;
            let title_like =
                !ends_clause(raw) && split_number(raw).is_none() && !is_formula(&plain);
            if title_like {
                if let Some(part) = self.parts.last_mut() {
                    lines::join_wrapped(&mut part.title, raw);
                    part.span = part.span.join(unit.span);
                    self.part_title_open = part.title.len() < 400;
                }
                return;
            }
        }
        // Lines valid in any stage after the head.
        if self.stage != Stage::Head {
            if let Some((meeting, date)) = meeting(&plain) {
                if self.conclusion.is_none() {
                    self.conclusion = Some(Conclusion {
                        meeting,
                        date: date.as_ref().map(|d| d.0),
                        date_text: date.map(|d| d.1),
                        span: unit.span,
                    });
                    self.stage = Stage::Closed;
                    self.sections.clear();
                    return;
                }
            }
            if self.stage == Stage::Closed {
                if let Some(c) = self.conclusion.as_mut().filter(|c| c.date.is_none()) {
                    // Markdown sets the meeting and date in one italic run: `15 December 2022*`.
                    let line = plain.trim().trim_matches('*').trim();
                    if let Some(d) = masthead::date_line(line) {
                        c.date = Some(d);
                        c.date_text = Some(line.to_string());
                        c.span = c.span.join(unit.span);
                        return;
                    }
                }
            }
            if is_annex_label(&plain)
                && matches!(self.stage, Stage::Closed | Stage::Annex | Stage::Body)
            {
                self.annexes.push(DraftAnnex {
                    label: plain.clone(),
                    title: String::new(),
                    blocks: Vec::new(),
                    span: unit.span,
                });
                self.stage = Stage::Annex;
                self.sections.clear();
                self.annex_title_open = true;
                return;
            }
        }
        match self.stage {
            Stage::Head => self.take_head(unit, &plain, raw),
            Stage::Preamble => {
                if self.formula.is_none() && self.preamble.is_empty() && is_formula(&plain) {
                    // The formula of a part of a multi-part resolution.
                    self.formula = Some((raw.to_string(), unit.span));
                } else if split_item(raw).is_some() && !self.preamble.is_empty() {
                    // A recital's own list: `...contribution to: (a) ...`.
                    let (text, span) = self.preamble.last_mut().expect("checked");
                    lines::join_wrapped(text, raw);
                    *span = span.join(unit.span);
                } else if split_number(raw).is_some() || split_heading(&plain).is_some() {
                    self.stage = Stage::Body;
                    self.take_body(unit, &plain, raw, diagnostics);
                } else if ends_operative(&plain) && !self.preamble.is_empty() {
                    // A single unnumbered operative paragraph.
                    self.stage = Stage::Body;
                    self.body.push(Draft::Paragraph {
                        number: None,
                        raw: raw.to_string(),
                        items: Vec::new(),
                        wrap_up: String::new(),
                        span: unit.span,
                    });
                } else {
                    self.preamble.push((raw.to_string(), unit.span));
                }
            }
            Stage::Body | Stage::Annex => {
                if self.stage == Stage::Annex && self.annex_title_open {
                    let annex = self.annexes.last_mut().expect("annex stage has an annex");
                    let title_like = !ends_clause(raw)
                        && split_number(raw).is_none()
                        && split_item(raw).is_none()
                        && split_heading(&plain).is_none()
                        && !is_preamble_heading(&plain);
                    if title_like && annex.title.len() < 400 {
                        lines::join_wrapped(&mut annex.title, raw);
                        annex.span = annex.span.join(unit.span);
                        return;
                    }
                    self.annex_title_open = false;
                }
                self.take_body(unit, &plain, raw, diagnostics);
            }
            Stage::Closed => {
                // Text after the meeting line and before any annex: keep it.
                self.stage = Stage::Body;
                self.take_body(unit, &plain, raw, diagnostics);
            }
        }
    }

    /// A row of a markdown table: onto the table just read, or opening one. A rule row
    /// (`| --- |`) makes the rows above it headings; a second rule starts a new table headed
    /// by the row just above it.
    fn take_table_row(&mut self, cells: Vec<&str>, span: Span, table_open: bool) {
        self.table_open = true;
        self.annex_title_open = false;
        self.part_title_open = false;
        if self.stage == Stage::Closed {
            self.stage = Stage::Body;
        }
        let rule = is_table_rule(&cells);
        let cells: Vec<String> = cells.into_iter().map(str::to_string).collect();
        let list = self.container();
        if let Some(Draft::Table {
            rows,
            ruled,
            span: table_span,
        }) = list.last_mut().filter(|_| table_open)
        {
            *table_span = table_span.join(span);
            if !rule {
                rows.push((false, cells));
                return;
            }
            if !*ruled {
                *ruled = true;
                for (heading, _) in rows.iter_mut() {
                    *heading = true;
                }
                return;
            }
            // A second rule: the row above heads a new table (or, when it was the only row,
            // heads this one again).
            let Some((_, head)) = rows.pop() else { return };
            if rows.is_empty() {
                rows.push((true, head));
                return;
            }
            list.push(Draft::Table {
                rows: vec![(true, head)],
                ruled: true,
                span,
            });
            return;
        }
        if !rule {
            list.push(Draft::Table {
                rows: vec![(false, cells)],
                ruled: false,
                span,
            });
        }
    }

    fn take_head(&mut self, unit: &Unit, plain: &str, raw: &str) {
        if starts_adoption(plain) && self.adoption.is_none() {
            if plain.starts_with("Decision") {
                self.kind = DocumentKind::Decision;
            }
            self.adoption = Some((plain.to_string(), masthead::find_date(plain).map(|d| d.0)));
            return;
        }
        if plain.starts_with('[') {
            return; // The origin, read by `builder_origin`.
        }
        if self.number.is_none() {
            if let Some(number) = council_number(plain) {
                self.number = Some((number, unit.span));
                return;
            }
            if let Some((number, title)) = number_title(plain) {
                self.number = Some((number, unit.span));
                // Title from the raw text, marks kept.
                self.title = raw.split_once(". ").map_or(title, |(_, t)| t.to_string());
                return;
            }
        }
        if is_formula(plain) {
            self.formula = Some((raw.to_string(), unit.span));
            self.stage = Stage::Preamble;
            return;
        }
        if self.number.is_some() {
            // No formula: the preamble starts here.
            self.stage = Stage::Preamble;
            self.preamble.push((raw.to_string(), unit.span));
        }
    }

    /// Opens a numbered section (`I`, `A`, `Rule 27`), closing those open at its level or below:
    /// parts and chapters hold sections, which hold articles and rules.
    fn open_section(&mut self, kind: SectionKind, num: &str, heading: &str, span: Span) {
        let level = match kind {
            SectionKind::Part | SectionKind::Chapter => 0,
            SectionKind::Section => self.section_level(num),
            SectionKind::Article | SectionKind::Rule => 3,
        };
        while self.sections.last().is_some_and(|(_, l, _)| *l >= level) {
            self.sections.pop();
        }
        let list = self.container();
        list.push(Draft::Section {
            kind,
            number: Some(num.to_string()),
            heading: heading.to_string(),
            blocks: Vec::new(),
            span,
        });
        let index = list.len() - 1;
        self.sections.push((index, level, num.to_string()));
    }

    fn take_body(
        &mut self,
        unit: &Unit,
        plain: &str,
        raw: &str,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        if let Some((num, heading)) = split_heading(plain) {
            self.open_section(SectionKind::Section, num, heading, unit.span);
            return;
        }
        // An unnumbered heading set apart by the typography (bold in a PDF; a bold sentence
        // ending in a colon is a lead-in, not a heading), or the `Preamble` of an annexed
        // instrument: a section without a number, under any numbered one that is open.
        if (unit.heading || is_preamble_heading(plain))
            && !ends_clause(raw)
            && split_number(raw).is_none()
            && split_item(raw).is_none()
        {
            while self
                .sections
                .last()
                .is_some_and(|(_, l, _)| *l >= UNNUMBERED_LEVEL)
            {
                self.sections.pop();
            }
            let list = self.container();
            list.push(Draft::Section {
                kind: SectionKind::Section,
                number: None,
                heading: raw.to_string(),
                blocks: Vec::new(),
                span: unit.span,
            });
            let index = list.len() - 1;
            self.sections.push((index, UNNUMBERED_LEVEL, String::new()));
            return;
        }
        let long_number = raw.bytes().take_while(u8::is_ascii_digit).count() > 3;
        let split = match split_number(raw) {
            Some(s) => Some(s),
            // Looked up only for the rare long number: the walk back is not free.
            None if long_number => self
                .previous_number()
                .and_then(|p| split_long_number(raw, p + 1)),
            None => None,
        };
        if let Some((number, rest)) = split {
            if self.take_numbered_item(number, rest, unit.span) {
                return;
            }
            self.check_sequence(number, unit.span, diagnostics);
            self.container().push(Draft::Paragraph {
                number: Some(number.to_string()),
                raw: rest.to_string(),
                items: Vec::new(),
                wrap_up: String::new(),
                span: unit.span,
            });
            return;
        }
        if let Some((label, rest)) = split_item(raw) {
            // `The purposes of this Convention are to:` then `(a) ...`: the text introducing
            // the first item is an unnumbered paragraph holding the items.
            let list = self.container();
            let introduced = matches!(list.last(),
                Some(Draft::Text { raw, .. }) if strip_trailing_markers(raw).ends_with(':'));
            if introduced && matches!(label, "a" | "i") {
                if let Some(Draft::Text { raw, span }) = list.pop() {
                    list.push(Draft::Paragraph {
                        number: None,
                        raw,
                        items: Vec::new(),
                        wrap_up: String::new(),
                        span,
                    });
                }
            }
            if let Some(Draft::Paragraph { items, span, .. }) = self.container().last_mut() {
                *span = span.join(unit.span);
                let nested = match items.last() {
                    Some(last) => {
                        is_roman(label)
                            && next_letter(&last.label).as_deref() != Some(label)
                            && !(is_roman(&last.label)
                                && last.label.len() >= label.len()
                                && label != "i")
                            || (!last.items.is_empty()
                                && is_roman(label)
                                && next_letter(&last.label).as_deref() != Some(label))
                    }
                    None => false,
                };
                let item = DraftItem {
                    label: label.to_string(),
                    raw: rest.to_string(),
                    items: Vec::new(),
                    span: unit.span,
                };
                match items.last_mut() {
                    Some(parent) if nested => {
                        parent.span = parent.span.join(unit.span);
                        parent.items.push(item)
                    }
                    _ => items.push(item),
                }
                return;
            }
        }
        // Continuation in lower case, or text after sub-items.
        let lower_start = plain.chars().next().is_some_and(char::is_lowercase);
        let in_annex = self.stage == Stage::Annex;
        if let Some(Draft::Paragraph {
            items,
            wrap_up,
            raw: text,
            span,
            ..
        }) = self.container().last_mut()
        {
            let last_item_closed = items.last().is_some_and(|i| {
                let mut deepest = i;
                while let Some(d) = deepest.items.last() {
                    deepest = d;
                }
                strip_trailing_markers(&deepest.raw).ends_with([';', '.'])
            });
            if lower_start && last_item_closed && wrap_up.is_empty() {
                // `(c) ...; and demands that ...`: the paragraph resumes after its items.
                wrap_up.push_str(raw);
                *span = span.join(unit.span);
                return;
            }
            if lower_start {
                let target = match items.last_mut() {
                    Some(item) => {
                        let mut deepest = item;
                        while deepest.items.last().is_some() {
                            deepest = deepest.items.last_mut().expect("checked");
                        }
                        &mut deepest.raw
                    }
                    None => text,
                };
                lines::join_wrapped(target, raw);
                *span = span.join(unit.span);
                return;
            }
            if !items.is_empty() && wrap_up.is_empty() && !looks_like_recital(plain) && !in_annex {
                wrap_up.push_str(raw);
                *span = span.join(unit.span);
                return;
            }
        }
        let block = if looks_like_recital(plain) {
            Draft::Recital {
                raw: raw.to_string(),
                span: unit.span,
            }
        } else {
            Draft::Text {
                raw: raw.to_string(),
                span: unit.span,
            }
        };
        self.container().push(block);
    }

    /// A list numbered `1.`, `2.` inside a paragraph that introduces it with a colon
    /// (`11. Approves the following provisional agenda:` `1. Opening of the Congress.`): a
    /// number restarting at 1 there opens the paragraph's items, and the items go on while
    /// the numbers follow each other and the paragraph numbering does not resume.
    fn take_numbered_item(&mut self, number: &str, rest: &str, span: Span) -> bool {
        let Ok(n) = number.parse::<u32>() else {
            return false;
        };
        let Some(Draft::Paragraph {
            number: Some(paragraph),
            raw,
            items,
            wrap_up,
            span: paragraph_span,
        }) = self.container().last_mut()
        else {
            return false;
        };
        let paragraph: u32 = paragraph.parse().unwrap_or(0);
        let numbered = |label: &str| label.strip_suffix('.').and_then(|l| l.parse::<u32>().ok());
        let opens = n == 1
            && items.is_empty()
            && wrap_up.is_empty()
            && strip_trailing_markers(raw).trim_end().ends_with(':');
        let goes_on = !items.is_empty()
            && wrap_up.is_empty()
            && items.iter().all(|i| numbered(&i.label).is_some())
            && items.last().and_then(|i| numbered(&i.label)) == n.checked_sub(1)
            && paragraph.checked_add(1) != Some(n);
        if !(opens || goes_on) {
            return false;
        }
        items.push(DraftItem {
            label: format!("{n}."),
            raw: rest.to_string(),
            items: Vec::new(),
            span,
        });
        *paragraph_span = paragraph_span.join(span);
        true
    }

    /// Roman-numbered sections (level 1) hold lettered ones (level 2); `I` after `H` is a letter.
    fn section_level(&self, num: &str) -> u8 {
        let open_letter = self
            .sections
            .iter()
            .rev()
            .find(|(_, l, _)| *l == 2)
            .map(|(_, _, n)| n.as_str());
        let follows_letter =
            num.len() == 1 && open_letter.and_then(next_letter).as_deref() == Some(num);
        let roman = is_roman(num) && !follows_letter;
        if roman {
            1
        } else if self.sections.iter().any(|(_, l, _)| *l == 1) {
            2
        } else {
            1
        }
    }

    /// The number of the last numbered paragraph of the current container.
    fn previous_number(&mut self) -> Option<u32> {
        self.container().iter().rev().find_map(|d| match d {
            Draft::Paragraph {
                number: Some(n), ..
            } => n.parse::<u32>().ok(),
            _ => None,
        })
    }

    fn check_sequence(&mut self, number: &str, span: Span, diagnostics: &mut Vec<Diagnostic>) {
        let previous = self.previous_number();
        let n: u32 = number.parse().unwrap_or(0);
        let expected = previous.map_or(1, |p| p + 1);
        if n != expected && !(previous.is_none() && n == 1) {
            diagnostics.push(Diagnostic::warning(
                "paragraph-sequence",
                span,
                match previous {
                    Some(p) => format!("paragraph {n} follows paragraph {p}"),
                    None => format!("paragraph {n} opens the operative part"),
                },
            ));
        }
    }
}

/// A recital ends with a comma; an operative paragraph with a full stop or semicolon.
fn ends_operative(plain: &str) -> bool {
    let t = plain.trim_end();
    let Some(n) = crate::phrase::opening_phrase(t) else {
        return false;
    };
    let words: Vec<&str> = t[..n].split_whitespace().collect();
    // `Decides:` opens an operative paragraph with sub-items; a participle opens a recital.
    let verb = words.iter().any(|w| w.ends_with('s') && *w != "its")
        && !words.iter().any(|w| w.ends_with("ing"));
    match t.chars().last() {
        Some('.' | ';') => verb || words.len() > 1,
        Some(':') => verb,
        _ => false,
    }
}

fn looks_like_recital(plain: &str) -> bool {
    let t = strip_trailing_markers(plain.trim_end());
    t.ends_with(',')
        && crate::phrase::opening_phrase(t).is_some_and(|n| {
            let words: Vec<&str> = t[..n].split_whitespace().collect();
            words
                .iter()
                .any(|w| w.ends_with("ing") || w.ends_with("ed"))
                || words.len() == 1
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Security Council's layout: number line, adoption line with the meeting, no title.
    #[test]
    fn security_council_layout() {
        let text = "United Nations\nS/RES/2720 (2023)\n\nSecurity Council\nDistr.: General\n22 December 2023\n\n\
            Resolution 2720 (2023)\n\nAdopted by the Security Council at its 9520th meeting, on\n22 December 2023\n\n\
            The Security Council,\n\nRecalling its previous resolutions on the situation,\n\n\
            1. Demands that all parties comply with their obligations;\n\n\
            2. Decides to remain actively seized of the matter.\n";
        let doc = parse(text).unwrap().value;
        assert_eq!(doc.symbol, "S/RES/2720 (2023)");
        assert_eq!(doc.organ, Organ::SecurityCouncil);
        assert_eq!(doc.number, "2720 (2023)");
        assert_eq!(
            doc.adoption.date,
            Some(Date {
                year: 2023,
                month: 12,
                day: 22
            })
        );
        assert_eq!(doc.preamble.len(), 1);
        assert_eq!(doc.body.len(), 2);
        assert_eq!(
            doc.conclusion.as_ref().map(|c| c.meeting.as_str()),
            Some("9520th meeting")
        );
        let sym = crate::vocab::Base::default().work(&doc.symbol);
        assert!(sym.as_str().ends_with("/unsc/2720-2023"), "{sym}");
    }

    #[test]
    fn text_resuming_after_sub_items_without_a_blank_line() {
        // Page text: the last sub-item ends with `;` on a short line, and the paragraph goes
        // on in lower case on the next line (A/RES/78/20, para. 5, has this layout).
        let text = "General Assembly\nSeventy-eighth session\nAgenda item 8\n\n\
            Resolution adopted by the General Assembly on 7 December 2023\n\n\
            78/1. A title\n\nThe General Assembly,\n\nRecalling its resolution 77/1,\n\n\
            1. Invites States to consider the following matters in the deliberations of the\n\
            group, which is to address the following:\n\n\
            (a) Threats to the safe operation of space objects in all orbits and all the\n\
            related services;\n\n\
            (b) Other activities and measures that could reduce the risk of unintended\n\
            escalation and conflict;\n\
            and to consider how the implementation of norms, rules and principles could be\n\
            monitored and verified;\n\n\
            2. Decides to continue.\n\n45th plenary meeting\n7 December 2023\n";
        let doc = parse(text).unwrap().value;
        let Block::Paragraph(p) = &doc.body[0] else {
            panic!("a paragraph first: {:?}", doc.body[0]);
        };
        assert_eq!(p.items.len(), 2);
        assert!(crate::markup::plain_text(&p.items[1].text).ends_with("escalation and conflict;"));
        assert!(crate::markup::plain_text(&p.wrap_up).starts_with("and to consider how"));
        assert_eq!(doc.body.len(), 2);
    }

    /// A list numbered from 1 under a paragraph that introduces it with a colon is that
    /// paragraph's items (A/RES/78/223, para. 11, a provisional agenda); the paragraph
    /// numbering then resumes. A bare number on its own line takes the text below it, even
    /// text opening like a recital (`Opening of the Congress.`).
    #[test]
    fn numbered_list_inside_a_paragraph() {
        let text = "General Assembly\nSeventy-eighth session\nAgenda item 8\n\n\
            Resolution adopted by the General Assembly on 7 December 2023\n\n\
            78/223. A title\n\nThe General Assembly,\n\nRecalling its resolution 77/1,\n\n\
            10. \nDecides to continue;\n\n\
            11. \nApproves the following provisional agenda:\n\n\n\
            1. \nOpening of the Congress.\n\n\n\
            2. \nOrganizational matters.\n\n\n\
            12. \nRequests a report.\n\n45th plenary meeting\n7 December 2023\n";
        let doc = parse(text).unwrap().value;
        let numbers: Vec<Option<&str>> = doc
            .body
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) => p.number.as_deref(),
                _ => None,
            })
            .collect();
        assert_eq!(
            numbers,
            [Some("10"), Some("11"), Some("12")],
            "{:#?}",
            doc.body
        );
        let Block::Paragraph(p) = &doc.body[1] else {
            unreachable!()
        };
        let items: Vec<(String, String)> = p
            .items
            .iter()
            .map(|i| (i.printed_number(), crate::markup::plain_text(&i.text)))
            .collect();
        assert_eq!(
            items,
            [
                ("1.".to_string(), "Opening of the Congress.".to_string()),
                ("2.".to_string(), "Organizational matters.".to_string())
            ]
        );
        let mut xml = Vec::new();
        crate::akn::write(&doc, &mut xml).unwrap();
        let xml = String::from_utf8(xml).unwrap();
        assert!(
            xml.contains("<point eId=\"para_11__list_1__point_1\">"),
            "{xml}"
        );
        assert!(xml.contains("<num>1.</num>"));
        // Numbers at the ends of their range.
        let edges = text
            .replace("10. \nDecides", "4294967295. \nDecides")
            .replace("2. \nOrganizational", "0. \nOrganizational");
        assert!(parse(&edges).is_ok());
    }

    /// Markdown tables (as a PDF converter writes them, and as unakn's PDF reader does): rows
    /// above the rule are headings; a second rule opens a second table; an escaped bar stays
    /// in its cell; a footnote marker in a cell is placed there.
    #[test]
    fn markdown_tables() {
        let text = "General Assembly\n\nResolution adopted by the General Assembly on 22 December 2023\n\n\
            78/253. A title\n\nThe General Assembly,\n\nRecalling its resolution 77/1,\n\n\
            1. *Approves* the changes set out below:\n\n\
            | *Action* | *Title of post* | *Number* |\n\
            | --- | --- | ---: |\n\
            | New post | Legal Officer A\\|B | 1 |\n\
            | Total[^1] |  | 4 |\n\n\
            | *Level* | *Count* |\n\
            | --- | --- |\n\
            | P-4 | 2 |\n\n\
            2. *Decides* to continue.\n\n\
            [^1]: Net changes.\n\n\
            *45th plenary meeting\n22 December 2023*\n";
        fn tables_of(doc: &Document) -> Vec<&Table> {
            doc.body
                .iter()
                .filter_map(|b| match b {
                    Block::Table(t) => Some(t),
                    _ => None,
                })
                .collect()
        }
        let doc = parse(text).unwrap().value;
        let tables = tables_of(&doc);
        assert_eq!(tables.len(), 2, "{:#?}", doc.body);
        let cell =
            |t: &Table, r: usize, c: usize| crate::markup::plain_text(&t.rows[r].cells[c].text);
        assert!(tables[0].rows[0].heading && !tables[0].rows[1].heading);
        assert_eq!(tables[0].rows.len(), 3);
        assert_eq!(cell(tables[0], 0, 1), "Title of post");
        assert_eq!(cell(tables[0], 1, 1), "Legal Officer A|B");
        assert!(tables[0].rows[2].cells[0]
            .text
            .iter()
            .any(|r| matches!(r, Inline::NoteRef { .. })));
        assert_eq!(cell(tables[0], 2, 1), "");
        assert_eq!(tables[1].rows.len(), 2);
        assert_eq!(cell(tables[1], 1, 0), "P-4");
        // The paragraphs around the tables are untouched.
        assert_eq!(
            doc.body
                .iter()
                .filter(|b| matches!(b, Block::Paragraph(_)))
                .count(),
            2
        );
        // The AKN holds them as tables (the XSD is checked on the samples' and corpus' AKN).
        let mut xml = Vec::new();
        crate::akn::write(&doc, &mut xml).unwrap();
        let xml = String::from_utf8(xml).unwrap();
        assert_eq!(xml.matches("<table ").count(), 2);
        assert_eq!(xml.matches("<th>").count(), 5);
        // A rule twice under one row leaves one table, not an empty one.
        let doubled = text.replace("| --- | --- |\n", "| --- | --- |\n| --- | --- |\n");
        let doc = parse(&doubled).unwrap().value;
        let tables = tables_of(&doc);
        assert_eq!(tables.len(), 2);
        assert!(tables.iter().all(|t| !t.rows.is_empty()));
    }

    /// A multi-part resolution: each part (`A`, `B`) is a resolution of its own, with its
    /// title, formula, recitals, paragraphs and meeting line; written as a documentCollection
    /// and read back the same.
    #[test]
    fn multi_part_resolution() {
        let text = "General Assembly\nSeventy-eighth session\nAgenda item 8\n\n\
            Resolutions adopted by the General Assembly on 7 December 2023\n\n\
            78/80. Questions relating to information\n\nA\n\nInformation in the service of humanity\n\n\
            The General Assembly,\n\nTaking note of the report of the Committee,\n\n\
            1. Urges all countries to cooperate;\n\n2. Decides to continue.\n\n\
            45th plenary meeting\n7 December 2023\n\nB\n\n\
            United Nations global communications policies and activities\n\n\
            The General Assembly,\n\nReaffirming its primary role,\n\n1. Requests the Secretary-General to act.\n\n\
            46th plenary meeting\n7 December 2023\n";
        let doc = parse(text).unwrap().value;
        assert_eq!(doc.symbol, "A/RES/78/80");
        assert_eq!(
            doc.adoption.date,
            Some(Date {
                year: 2023,
                month: 12,
                day: 7
            })
        );
        assert!(doc.body.is_empty() && doc.preamble.is_empty() && doc.formula.is_none());
        let parts: Vec<(&str, String, usize, usize, Option<&str>)> = doc
            .parts
            .iter()
            .map(|p| {
                assert!(p.formula.is_some(), "{p:#?}");
                (
                    p.number.as_str(),
                    crate::markup::plain_text(&p.title),
                    p.preamble.len(),
                    p.body.len(),
                    p.conclusion.as_ref().map(|c| c.meeting.as_str()),
                )
            })
            .collect();
        assert_eq!(
            parts,
            [
                (
                    "A",
                    "Information in the service of humanity".to_string(),
                    1,
                    2,
                    Some("45th plenary meeting")
                ),
                (
                    "B",
                    "United Nations global communications policies and activities".to_string(),
                    1,
                    1,
                    Some("46th plenary meeting")
                ),
            ]
        );
        let mut xml = Vec::new();
        crate::akn::write(&doc, &mut xml).unwrap();
        let xml = String::from_utf8(xml).unwrap();
        assert!(xml.contains("<documentCollection name=\"resolution\""));
        assert!(xml.contains("href=\"#cmpnt_B\""));
        assert!(xml.contains("/akn/un/statement/deliberation/unga/2023-12-07/78-80B/"));
        assert!(crate::validate::profile(&xml).is_empty());
        // Read back, the parts are the same.
        let back = crate::parse::parse_akn(&xml).unwrap().value;
        let strip = |d: &Document| -> Vec<(String, usize, usize, Option<String>)> {
            d.parts
                .iter()
                .map(|p| {
                    (
                        p.number.clone(),
                        p.preamble.len(),
                        p.body.len(),
                        p.conclusion.as_ref().map(|c| c.meeting.clone()),
                    )
                })
                .collect()
        };
        assert_eq!(strip(&back), strip(&doc));
        // In the graph each part is a work of its own, part of the whole.
        let quads = crate::rdf::quads(&doc, &crate::vocab::Base::default());
        let has_part = quads
            .iter()
            .filter(|q| q.predicate.as_str().ends_with("#has_part"))
            .map(|q| q.object.to_string())
            .filter(|o| o.ends_with("78-80A>") || o.ends_with("78-80B>"))
            .count();
        assert_eq!(has_part, 2);
    }

    /// A lone capital letter is a part only in sequence: `B` with no `A` before it, or `A`
    /// after the preamble has begun, stays text.
    #[test]
    fn part_letters_only_in_sequence() {
        let text = "General Assembly\nSeventy-eighth session\n\n\
            Resolution adopted by the General Assembly on 7 December 2023\n\n\
            78/81. A title\n\nThe General Assembly,\n\nRecalling its resolution 77/1,\n\n\
            1. Decides to act;\n\nB\n\n2. Decides to continue.\n\n45th plenary meeting\n7 December 2023\n";
        let doc = parse(text).unwrap().value;
        assert!(doc.parts.is_empty());
        assert_eq!(doc.preamble.len(), 1);
    }

    /// The sections of a list of blocks, with their kind, number and heading.
    fn headings_of(blocks: &[Block]) -> Vec<(SectionKind, String, String)> {
        let mut out = Vec::new();
        for b in blocks {
            if let Block::Section(s) = b {
                out.push((
                    s.kind,
                    s.number.clone().unwrap_or_default(),
                    crate::markup::plain_text(&s.heading),
                ));
                out.extend(headings_of(&s.blocks));
            }
        }
        out
    }

    /// A heading's number alone on its line (`II`, `III.`), its title on the next, opens a
    /// section, in the operative part as in an annex; the annex title stops before it.
    #[test]
    fn heading_numbers_on_their_own_line() {
        let text = "General Assembly\nSeventy-eighth session\n\n\
            Resolution adopted by the General Assembly on 7 December 2023\n\n\
            78/90. A title\n\nThe General Assembly,\n\nRecalling its resolution 77/1,\n\n\
            I\nAchieving sustainable fisheries\n\n1. Reaffirms its commitment;\n\n\
            II\n\nImplementation of the Agreement\n\n2. Welcomes the accession;\n\n\
            45th plenary meeting\n7 December 2023\n\nAnnex\n\nPolitical Declaration\n\n\
            III.\nOur shared commitment\n\n1. We reaffirm our commitment.\n";
        let doc = parse(text).unwrap().value;
        assert_eq!(doc.preamble.len(), 1);
        let s = |kind, n: &str, h: &str| (kind, n.to_string(), h.to_string());
        assert_eq!(
            headings_of(&doc.body),
            [
                s(SectionKind::Section, "I", "Achieving sustainable fisheries"),
                s(
                    SectionKind::Section,
                    "II",
                    "Implementation of the Agreement"
                ),
            ]
        );
        assert_eq!(
            crate::markup::plain_text(&doc.annexes[0].title),
            "Political Declaration"
        );
        assert_eq!(
            headings_of(&doc.annexes[0].blocks),
            [s(SectionKind::Section, "III", "Our shared commitment")]
        );
    }

    /// Rules of procedure: `Rule 27` alone on its line (even right after a sentence), its title
    /// on the next, or both on one bold line, is a rule under the section open, written as an
    /// AKN `rule`; `Article 5` an article.
    #[test]
    fn rules_and_articles_are_divisions_of_their_own() {
        let text = "General Assembly\nSeventy-eighth session\n\n\
            Resolution adopted by the General Assembly on 7 December 2023\n\n\
            78/91. A title\n\nThe General Assembly,\n\n1. Approves the rules annexed.\n\n\
            45th plenary meeting\n7 December 2023\n\nAnnex\n\nProvisional rules of procedure\n\n\
            I.\nRepresentation and credentials\n\nRule 1\nComposition of delegations\n\n\
            The delegation of each State shall consist of a head of delegation.\n\
            Rule 2\nAlternates and advisers\n\nThe head of delegation may designate an alternate.\n\n\
            Rule 3 Credentials\n\nThe credentials shall be submitted.\n\n\
            Article 5\n\nThe Parties shall cooperate.\n";
        let doc = parse(text).unwrap().value;
        let s = |kind, n: &str, h: &str| (kind, n.to_string(), h.to_string());
        assert_eq!(
            headings_of(&doc.annexes[0].blocks),
            [
                s(SectionKind::Section, "I", "Representation and credentials"),
                s(SectionKind::Rule, "Rule 1", "Composition of delegations"),
                s(SectionKind::Rule, "Rule 2", "Alternates and advisers"),
                s(SectionKind::Rule, "Rule 3", "Credentials"),
                s(SectionKind::Article, "Article 5", ""),
            ]
        );
        let mut xml = Vec::new();
        crate::akn::write(&doc, &mut xml).unwrap();
        let xml = String::from_utf8(xml).unwrap();
        assert!(xml.contains("<rule eId=\"att_1__sec_I__rule_2\">"), "{xml}");
        assert!(xml.contains("<num>Rule 2</num>"));
        assert!(xml.contains("<article eId=\"att_1__sec_I__art_5\">"));
        // Read back, rules and articles are the same divisions.
        let back = crate::parse::parse_akn(&xml).unwrap().value;
        assert_eq!(
            headings_of(&back.annexes[0].blocks),
            headings_of(&doc.annexes[0].blocks)
        );
    }

    /// A convention annexed whole: its `Preamble` is a section of its own (not part of the
    /// annex title), chapters hold articles, and text ending with a colon introduces the items
    /// under it as an unnumbered paragraph.
    #[test]
    fn convention_annex() {
        let text = "General Assembly\nSeventy-ninth session\n\n\
            Resolution adopted by the General Assembly on 24 December 2024\n\n\
            79/243. A convention\n\nThe General Assembly,\n\n1. Adopts the Convention annexed.\n\n\
            55th plenary meeting\n24 December 2024\n\nAnnex\n\nA Convention\n\nPreamble\n\n\
            The States Parties to this Convention,\n\nNoting the potential of technologies,\n\n\
            Have agreed as follows:\n\nChapter I\nGeneral provisions\n\nArticle 1\nStatement of purpose\n\n\
            The purposes of this Convention are to:\n\n(a) Promote measures;\n\n(b) Promote cooperation.\n\n\
            Chapter II\nCriminalization\n\nArticle 7\nIllegal access\n\n1. Each State Party shall act.\n";
        let doc = parse(text).unwrap().value;
        let annex = &doc.annexes[0];
        assert_eq!(crate::markup::plain_text(&annex.title), "A Convention");
        let s = |kind, n: &str, h: &str| (kind, n.to_string(), h.to_string());
        assert_eq!(
            headings_of(&annex.blocks),
            [
                s(SectionKind::Section, "", "Preamble"),
                s(SectionKind::Chapter, "Chapter I", "General provisions"),
                s(SectionKind::Article, "Article 1", "Statement of purpose"),
                s(SectionKind::Chapter, "Chapter II", "Criminalization"),
                s(SectionKind::Article, "Article 7", "Illegal access"),
            ]
        );
        let Block::Section(chapter) = &annex.blocks[1] else {
            panic!("{:#?}", annex.blocks)
        };
        let Block::Section(article) = &chapter.blocks[0] else {
            panic!("{:#?}", chapter.blocks)
        };
        let Block::Paragraph(p) = &article.blocks[0] else {
            panic!("{:#?}", article.blocks)
        };
        assert_eq!(p.number, None);
        assert_eq!(
            crate::markup::plain_text(&p.text),
            "The purposes of this Convention are to:"
        );
        assert_eq!(p.items.len(), 2);
    }

    /// A Human Rights Council resolution: the organ decides the symbol.
    #[test]
    fn human_rights_council_layout() {
        let text = "Human Rights Council\nFifty-second session\nAgenda item 3\n\n\
            Resolution adopted by the Human Rights Council on 3 April 2023\n\n\
            52/1. A title\n\nThe Human Rights Council,\n\nRecalling its resolution 50/4,\n\n1. Decides to continue.\n";
        let doc = parse(text).unwrap().value;
        assert_eq!(doc.symbol, "A/HRC/RES/52/1");
        assert_eq!(doc.masthead.session, Some(52));
        let cites: Vec<String> = doc.preamble[0]
            .text
            .iter()
            .filter_map(|i| match i {
                Inline::Ref(c) => Some(c.symbol.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(cites, ["A/HRC/RES/50/4"]);
    }
}
