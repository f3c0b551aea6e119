//! Diagnostics: errors that stop a reader and warnings that travel beside its result.
//!
//! Locations are byte spans until printed; [`Located`] turns them into `file:line:column`.

use crate::model::Span;
use std::fmt;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Warning,
    Error,
}

/// A problem found in an input, with a stable code (`furniture`, `footnote-unplaced`, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    pub span: Span,
}

impl Diagnostic {
    pub fn warning(code: &'static str, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            code,
            message: message.into(),
            span,
        }
    }
}

/// A reader's result: the value and what was noticed while producing it.
#[derive(Debug, Clone)]
pub struct Warned<T> {
    pub value: T,
    pub diagnostics: Vec<Diagnostic>,
}

/// Why a reader could not produce a document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ParseError {
    pub code: &'static str,
    pub message: String,
    pub span: Span,
}

impl ParseError {
    pub fn new(code: &'static str, span: Span, message: impl Into<String>) -> Self {
        ParseError {
            code,
            message: message.into(),
            span,
        }
    }
}

/// A 1-based line and column (in characters) of a byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineColumn {
    pub line: usize,
    pub column: usize,
}

/// Computes the line and column of `offset` in `source`.
pub fn line_column(source: &[u8], offset: usize) -> LineColumn {
    let offset = offset.min(source.len());
    let before = &source[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    LineColumn { line, column }
}

/// Where in an input a message points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A line and column of a text or XML input.
    Text(LineColumn),
    /// A page of a PDF.
    Page(usize),
    /// The input as a whole (a PDF that cannot be opened).
    Whole,
}

/// A message tied to a named input, displayed as `file:line:col: severity[code]: message`
/// (`file: page N: ...` for a PDF).
#[derive(Debug, Clone)]
pub struct Located {
    pub file: String,
    pub at: Place,
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
}

impl Located {
    pub fn new(
        file: &str,
        at: Place,
        severity: Severity,
        code: &'static str,
        message: &str,
    ) -> Self {
        Located {
            file: file.to_string(),
            at,
            severity,
            code,
            message: message.to_string(),
        }
    }

    pub fn of_diagnostic(file: &str, source: &[u8], d: &Diagnostic) -> Self {
        let at = Place::Text(line_column(source, d.span.start));
        Located::new(file, at, d.severity, d.code, &d.message)
    }

    pub fn of_error(file: &str, source: &[u8], e: &ParseError) -> Self {
        let at = Place::Text(line_column(source, e.span.start));
        Located::new(file, at, Severity::Error, e.code, &e.message)
    }
}

impl fmt::Display for Located {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        match self.at {
            Place::Text(at) => write!(f, "{}:{}:{}", self.file, at.line, at.column)?,
            Place::Page(page) => write!(f, "{}: page {page}", self.file)?,
            Place::Whole => write!(f, "{}", self.file)?,
        }
        write!(f, ": {}[{}]: {}", severity, self.code, self.message)
    }
}

impl std::error::Error for Located {}
