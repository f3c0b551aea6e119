//! Text input (markdown from a PDF converter, or PDF page text) → [`Document`].
//!
//! `prepare::prepare` has removed page furniture and footnote blocks; this module groups the
//! remaining lines into paragraphs and recognises the parts of a resolution in order:
//! masthead, adoption line, origin, number and title, formula, recitals, operative
//! paragraphs with sub-items and sections, the closing meeting line, annexes.

use super::inline::{self, Context, Opening};
use super::marks;
use super::masthead;
use super::page_tables;
use super::prepare::{self, Flavour, Line};
use super::tabling;
use crate::diag::{Code, Diagnostic, ParseError, Warned};
use crate::model::*;
use std::collections::HashMap;

mod body;
mod builder;
mod draft;
mod passes;
mod recognise;
#[cfg(test)]
mod tests;

use builder::Builder;
use draft::*;
use passes::*;
use recognise::*;

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
    parse_prepared(input, prepare::prepare(input), None)
}

/// Parses text input, of a known flavour (the PDF reader's marked-up paragraphs) or not, with
/// the symbol its file is named by (`A_C.1_80_L.24.pdf`): the symbol of a draft whose masthead
/// prints none in its text (drawn as an image).
pub fn parse_with(
    input: &str,
    flavour: Option<Flavour>,
    file_symbol: Option<&str>,
) -> Result<Warned<Document>, ParseError> {
    let prepared = match flavour {
        Some(flavour) => prepare::prepare_as(input, flavour),
        None => prepare::prepare(input),
    };
    parse_prepared(input, prepared, file_symbol)
}

fn parse_prepared(
    input: &str,
    mut prepared: prepare::Prepared,
    file_symbol: Option<&str>,
) -> Result<Warned<Document>, ParseError> {
    let mut diagnostics = prepared.diagnostics;
    let flavour = prepared.flavour;
    // The plain text of each line above the body, worked out once: the masthead reads it too.
    let mut head: Vec<String> = Vec::new();
    let mut adoption_line = None;
    for line in &prepared.lines {
        let plain = inline::plain(&line.text, flavour);
        if starts_adoption(&plain) || council_number(&plain).is_some() {
            adoption_line = Some(head.len());
            break;
        }
        head.push(plain);
    }
    // A draft has neither: a tabling line (`Chile and Peru: draft resolution`) stands
    // between its masthead and its title, before the formula.
    let before_formula = head
        .iter()
        .position(|p| is_formula(p))
        .unwrap_or(head.len());
    let numbered = head.iter().position(|p| number_title(p).is_some());
    let tabled = match adoption_line {
        Some(_) => None,
        None => super::tabling::find(&head[..before_formula])
            .filter(|(range, _)| numbered.is_none_or(|n| range.start < n)),
    };
    // A note of a committee's series (`Organization of work` / `Note by the Secretariat`):
    // its title stands before the line that names its author.
    let note = match (&tabled, adoption_line.or(numbered)) {
        (None, None) => super::tabling::find_note(&head),
        _ => None,
    };
    let tabled = tabled.or_else(|| {
        note.as_ref()
            .map(|(title, at, tabling)| (title.start..at + 1, tabling.clone()))
    });
    let (masthead_end, body_start) = match (&tabled, adoption_line.or(numbered)) {
        (Some((range, _)), _) => (range.start, range.end),
        (None, Some(start)) => (start, start),
        (None, None) => {
            let span = prepared
                .lines
                .iter()
                .find(|l| !l.is_blank())
                .map_or(Span::default(), Line::span);
            return Err(ParseError::new(
                Code::NotAResolution,
                span,
                "no \"Resolution adopted by ...\" line, no numbered title and no \"...: draft \
                 resolution\" line: not a resolution or a draft",
            ));
        }
    };
    let tabling =
        tabled.map(|(range, mut tabling)| {
            // The line's footnote (`Iraq:*`) says whom the sponsor speaks for; it is the line's,
            // not the text's.
            let starred = prepared.lines[range.clone()]
                .iter()
                .any(|l| l.text.contains('*'));
            if starred {
                if let Some(i) = prepared.footnotes.iter().position(|f| {
                    f.marker.starts_with('*') && tabling::on_behalf_of(&f.text).is_some()
                }) {
                    let note = prepared.footnotes.remove(i);
                    tabling.on_behalf_of = tabling::on_behalf_of(&note.text);
                } else {
                    // A page with no footnote rule prints the note as a paragraph of its own.
                    tabling.on_behalf_of = take_starred_note(&mut prepared.lines[range.end..]);
                }
            }
            tabling
        });
    let masthead_refs: Vec<&str> = head[..masthead_end].iter().map(String::as_str).collect();
    let (masthead, mut printed_symbol) = masthead::read(&masthead_refs);

    // A note's body is its title, then what follows the line naming its author.
    let note_body: Vec<Line>;
    let body_lines = match &note {
        Some((title, at, _)) => {
            note_body = prepared.lines[title.clone()]
                .iter()
                .chain(&prepared.lines[at + 1..])
                .cloned()
                .collect();
            &note_body[..]
        }
        None => &prepared.lines[body_start..],
    };
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

    let unenacted = tabling.is_some() && before_formula == head.len();
    let mut builder = Builder::new(flavour, unenacted);
    for unit in &units {
        builder.take(unit, &mut diagnostics);
    }
    builder.close_part();
    let Builder {
        adoption,
        kind,
        number,
        title,
        title_alone,
        act,
        parts,
        ..
    } = builder;
    let head_span = units.first().map_or(Span::default(), |u| u.span);
    let (number, title) = match (number, &tabling) {
        (Some(number), _) => (number, title),
        // A draft has no number: its symbol names it.
        (None, Some(_)) if printed_symbol.is_some() => ((String::new(), head_span), title_alone),
        (None, Some(_)) if file_symbol.is_some() => {
            let named = file_symbol.unwrap_or_default();
            diagnostics.push(Diagnostic::warning(
                Code::SymbolFromFileName,
                head_span,
                format!("no symbol in the masthead's text: {named}, from the file's name"),
            ));
            printed_symbol = Some(named.to_string());
            ((String::new(), head_span), title_alone)
        }
        (None, Some(_)) => {
            return Err(ParseError::new(
                Code::NoNumber,
                head_span,
                "a draft without its symbol (such as \"A/C.3/80/L.54\") in the masthead",
            ))
        }
        // The number line missing, the masthead's symbol gives the number.
        (None, None) => match printed_symbol
            .as_deref()
            .and_then(crate::symbol::parse_act)
            .map(|(_, _, number)| number)
        {
            Some(from_masthead) if !title_alone.is_empty() => {
                diagnostics.push(Diagnostic::warning(
                    Code::NumberFromMasthead,
                    head_span,
                    format!(
                        "no number line before the title: the number {from_masthead} is taken from the masthead's symbol"
                    ),
                ));
                ((from_masthead.to_string(), head_span), title_alone)
            }
            _ => {
                return Err(ParseError::new(
                    Code::NoNumber,
                    head_span,
                    "no resolution number and title (such as \"77/213. Title\") found",
                ))
            }
        },
    };
    let kind = match tabling.as_ref().map(|t| t.draft) {
        Some(DraftKind::DraftDecision) => DocumentKind::Decision,
        Some(DraftKind::DraftResolution | DraftKind::Amendment | DraftKind::Note) => {
            DocumentKind::Resolution
        }
        None => kind,
    };
    let symbol = printed_symbol.unwrap_or_else(|| crate::symbol::mint(organ, kind, &number.0));
    // The footnotes as printed, page by page: markers point into these until the document's
    // footnotes are set in reading order.
    let printed_notes: Vec<Footnote> = prepared
        .footnotes
        .iter()
        .map(|f| Footnote {
            marker: f.marker.clone(),
            text: inline::inlines(&f.text, &ctx, Opening::None),
            span: f.span,
        })
        .collect();
    for f in prepared.footnotes.iter().filter(|f| !f.placed) {
        diagnostics.push(Diagnostic::warning(
            Code::FootnoteUnplaced,
            f.span,
            format!("no marker found for footnote {}", f.marker),
        ));
    }

    let mut act = act.finish(&title, &ctx);
    // A Security Council resolution names its meeting in the adoption line, not at the end.
    if act.conclusion.is_none() {
        act.conclusion = adoption.as_ref().and_then(|(statement, date)| {
            Some(Conclusion {
                meeting: meeting_of_adoption(statement)?,
                date: *date,
                date_text: None,
                span: Span::default(),
            })
        });
    }
    let mut document = Document {
        kind,
        organ,
        language: Language::English,
        symbol,
        number: number.0,
        masthead,
        adoption: Adoption {
            statement: adoption.as_ref().map(|(s, _)| s.clone()),
            date: adoption.and_then(|(_, d)| d),
            origin: builder_origin(&units, flavour),
        },
        tabling,
        act,
        parts: parts.into_iter().map(|p| p.finish(&ctx)).collect(),
        footnotes: Vec::new(),
        metadata: Metadata::default(),
    };
    single_operative_paragraph(&mut document);
    attach_unplaced(&mut document, &prepared.footnotes);
    notes_in_reading_order(&mut document, printed_notes);
    // Where the text ends early (a truncated file, a page missing), say what is missing.
    let end = Span::new(input.len(), input.len());
    if document.acts().all(|act| act.body.is_empty()) {
        diagnostics.push(Diagnostic::warning(
            Code::NoOperativePart,
            end,
            "no operative paragraph found after the preamble",
        ));
    }
    let concluded = match document.parts.as_slice() {
        [] => document.act.conclusion.is_some(),
        parts => parts.iter().all(|p| p.act.conclusion.is_some()),
    };
    if !concluded {
        diagnostics.push(Diagnostic::warning(
            Code::NoConclusion,
            end,
            "no closing meeting line (such as \"54th plenary meeting\"): is the text complete?",
        ));
    }
    Ok(Warned {
        value: document,
        diagnostics,
    })
}

/// The paragraph `* On behalf of …` among the lines, taken out of them: what it says.
fn take_starred_note(lines: &mut [Line]) -> Option<String> {
    let start = lines.iter().position(|l| {
        let t = l.text.trim_start();
        let unstarred = t.trim_start_matches(['*', '\\']);
        unstarred.len() < t.len() && tabling::on_behalf_of(unstarred).is_some()
    })?;
    // The note is its paragraph; a PDF may break it before its last word (`… European` /
    // `Union.`), or run the text after it on (`… 2024. for financing …`), which stays.
    // Its lines run to a blank line or a page break.
    let end = lines[start + 1..]
        .iter()
        .position(|l| l.is_blank() || l.after_break)
        .map_or(lines.len(), |n| start + 1 + n);
    let mut text = String::new();
    for line in &mut lines[start..end] {
        let t = line
            .text
            .trim()
            .trim_start_matches(['*', '\\'])
            .trim()
            .to_string();
        prepare::join_wrapped(&mut text, &t);
        line.text.clear();
    }
    let mut note = text.clone();
    if let Some((p, _)) = text
        .match_indices(". ")
        .find(|(p, _)| text[p + 2..].starts_with(|c: char| c.is_lowercase()))
    {
        // The rest continues the paragraph the note interrupted.
        note.truncate(p + 1);
        let rest = &text[p + 2..];
        match lines[..start].iter_mut().rev().find(|l| !l.is_blank()) {
            Some(before) => prepare::join_wrapped(&mut before.text, rest),
            None => lines[end - 1].text = rest.to_string(),
        }
    }
    if !note.ends_with('.') {
        let next = lines[start + 1..]
            .iter_mut()
            .take_while(|l| !l.after_break)
            .find(|l| !l.is_blank());
        if let Some(tail) =
            next.filter(|l| l.text.trim().len() <= 40 && l.text.trim().ends_with('.'))
        {
            prepare::join_wrapped(&mut note, tail.text.trim());
            tail.text.clear();
        }
    }
    tabling::on_behalf_of(&note)
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
