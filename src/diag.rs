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

/// A message tied to a named input, displayed as `file:line:col: severity[code]: message`.
#[derive(Debug, Clone)]
pub struct Located {
    pub file: String,
    pub at: LineColumn,
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
}

impl Located {
    pub fn of_diagnostic(file: &str, source: &[u8], d: &Diagnostic) -> Self {
        Located {
            file: file.to_string(),
            at: line_column(source, d.span.start),
            severity: d.severity,
            code: d.code,
            message: d.message.clone(),
        }
    }

    pub fn of_error(file: &str, source: &[u8], e: &ParseError) -> Self {
        Located {
            file: file.to_string(),
            at: line_column(source, e.span.start),
            severity: Severity::Error,
            code: e.code,
            message: e.message.clone(),
        }
    }
}

impl fmt::Display for Located {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(
            f,
            "{}:{}:{}: {}[{}]: {}",
            self.file, self.at.line, self.at.column, severity, self.code, self.message
        )
    }
}

impl std::error::Error for Located {}
