//! First pass over text input: split into lines, recognise the flavour, strip page furniture,
//! take out footnote blocks and mark where their markers stand.
//!
//! Both flavours (markdown from a PDF converter, plain PDF page text) end up as the same
//! [`Prepared`] lines, so the structure rules in `parse::text` are written once.

use super::marks::{self, MARK_CLOSE, MARK_OPEN};
use crate::diag::{Code, Diagnostic};
use crate::model::Span;

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

mod furniture;
mod markdown;
mod markers;
mod page_text;
#[cfg(test)]
mod tests;

use furniture::*;
pub use furniture::{is_barcode, is_job_number, is_page_counter, is_symbol_line, unstarred};
use markdown::*;
use markers::*;
use page_text::*;

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
            || t.chars().any(|c| marks::superscript_digit(c).is_some())
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
