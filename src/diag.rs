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
    pub code: Code,
    pub message: String,
    pub span: Span,
}

impl Diagnostic {
    pub fn warning(code: Code, span: Span, message: impl Into<String>) -> Self {
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
    pub code: Code,
    pub message: String,
    pub span: Span,
}

impl ParseError {
    pub fn new(code: Code, span: Span, message: impl Into<String>) -> Self {
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
    LineIndex::new(source).at(offset)
}

/// Where the lines of an input start, found once: placing each of a document's many warnings
/// by counting lines from the start took time in the square of the input's size.
pub struct LineIndex<'a> {
    source: &'a [u8],
    /// The offset of each line's first byte.
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(source: &'a [u8]) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', source).map(|p| p + 1));
        LineIndex { source, starts }
    }

    /// The line and column of `offset` (columns count characters, not bytes).
    pub fn at(&self, offset: usize) -> LineColumn {
        let offset = offset.min(self.source.len());
        // The last line starting at or before the offset.
        let line = self.starts.partition_point(|&s| s <= offset);
        let line_start = self.starts[line - 1];
        let column = String::from_utf8_lossy(&self.source[line_start..offset])
            .chars()
            .count()
            + 1;
        LineColumn { line, column }
    }
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
    pub code: Code,
    pub message: String,
}

impl Located {
    pub fn new(file: &str, at: Place, severity: Severity, code: Code, message: &str) -> Self {
        Located {
            file: file.to_string(),
            at,
            severity,
            code,
            message: message.to_string(),
        }
    }

    pub fn of_diagnostic(file: &str, lines: &LineIndex<'_>, d: &Diagnostic) -> Self {
        let at = Place::Text(lines.at(d.span.start));
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

/// Every diagnostic unakn reports, by the stable code it is printed with
/// (`file:line:col: warning[furniture]: ...`). The codes are a contract: scripts and
/// `samples/invalid/*.expected` match on them, so a code is added here and never renamed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    /// The input is binary (an image, an archive, NUL bytes), not text, AKN or PDF.
    Binary,
    /// The input is not UTF-8 (UTF-16 without a byte-order mark, or invalid bytes).
    Encoding,
    /// The input holds nothing to read.
    Empty,
    /// Control characters in text, read as spaces.
    ControlCharacter,
    /// The XML is not well-formed, or is refused (an unknown entity, too deep, too large).
    Xml,
    /// A DOCTYPE, ignored: no DTD or external entity is ever read.
    Doctype,
    /// The root element is not in the AKN 3.0 namespace.
    Namespace,
    /// XML that is not an AKN document (no act, statement or doc).
    NotAkn,
    /// An AKN language code unakn does not know, read as English.
    Language,
    /// No document number: in AKN neither preface nor FRBR, in text no numbered title.
    NoNumber,
    /// Text whose number line is missing: the number is taken from the masthead's symbol.
    NumberFromMasthead,
    /// A draft whose masthead prints no symbol in its text: the symbol is taken from the file's
    /// name.
    SymbolFromFileName,
    /// Repaired: a numbered paragraph written in the preamble, read as operative.
    MisplacedPreamble,
    /// Repaired: a lettered sub-item written as a sibling paragraph, read as an item.
    SiblingSubitem,
    /// Repaired: a numbered paragraph written as its number alone, its text in the paragraph
    /// after it, read as one.
    NumberApart,
    /// Text with no adoption line and no numbered title: not a resolution.
    NotAResolution,
    /// No operative paragraph after the preamble (the text may end early).
    NoOperativePart,
    /// No closing meeting line (the text may end early).
    NoConclusion,
    /// A footnote whose marker was not found in the text.
    FootnoteUnplaced,
    /// Page furniture removed (job numbers, barcodes, running headers, page counters).
    Furniture,
    /// A footnote marker with no footnote text.
    MarkerOrphan,
    /// A footnote marker used for two footnotes.
    MarkerRepeated,
    /// Operative paragraphs out of sequence (a number skipped or repeated).
    ParagraphSequence,
    /// An encrypted PDF.
    PdfEncrypted,
    /// A PDF without a text layer (a scan).
    PdfNoText,
    /// A PDF beyond the limits read (pages, or streams that inflate too far).
    PdfTooLarge,
    /// A PDF cut short.
    PdfTruncated,
    /// A PDF that cannot be opened or interpreted.
    PdfUnreadable,
    /// Repaired: an eId that does not carry the printed number.
    EidNumber,
    /// A placeholder date (`0001-01-01`), read as none.
    PlaceholderDate,
    /// Repaired: a reference to an eId declared nowhere.
    DanglingReference,
    /// An eId used twice.
    DuplicateEid,
    /// No FRBR identification block.
    NoIdentification,
    /// FRBR IRIs that disagree with each other or with the printed number.
    Frbr,
}

impl Code {
    /// Every code, in the order of their declaration.
    pub const ALL: &'static [Code] = &[
        Code::Binary,
        Code::Encoding,
        Code::Empty,
        Code::ControlCharacter,
        Code::Xml,
        Code::Doctype,
        Code::Namespace,
        Code::NotAkn,
        Code::Language,
        Code::NoNumber,
        Code::NumberFromMasthead,
        Code::SymbolFromFileName,
        Code::MisplacedPreamble,
        Code::SiblingSubitem,
        Code::NumberApart,
        Code::NotAResolution,
        Code::NoOperativePart,
        Code::NoConclusion,
        Code::FootnoteUnplaced,
        Code::Furniture,
        Code::MarkerOrphan,
        Code::MarkerRepeated,
        Code::ParagraphSequence,
        Code::PdfEncrypted,
        Code::PdfNoText,
        Code::PdfTooLarge,
        Code::PdfTruncated,
        Code::PdfUnreadable,
        Code::EidNumber,
        Code::PlaceholderDate,
        Code::DanglingReference,
        Code::DuplicateEid,
        Code::NoIdentification,
        Code::Frbr,
    ];

    /// The code as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Binary => "binary",
            Code::Encoding => "encoding",
            Code::Empty => "empty",
            Code::ControlCharacter => "control-character",
            Code::Xml => "xml",
            Code::Doctype => "doctype",
            Code::Namespace => "namespace",
            Code::NotAkn => "not-akn",
            Code::Language => "language",
            Code::NoNumber => "no-number",
            Code::NumberFromMasthead => "number-from-masthead",
            Code::SymbolFromFileName => "symbol-from-file-name",
            Code::MisplacedPreamble => "misplaced-preamble",
            Code::SiblingSubitem => "sibling-subitem",
            Code::NumberApart => "number-apart",
            Code::NotAResolution => "not-a-resolution",
            Code::NoOperativePart => "no-operative-part",
            Code::NoConclusion => "no-conclusion",
            Code::FootnoteUnplaced => "footnote-unplaced",
            Code::Furniture => "furniture",
            Code::MarkerOrphan => "marker-orphan",
            Code::MarkerRepeated => "marker-repeated",
            Code::ParagraphSequence => "paragraph-sequence",
            Code::PdfEncrypted => "pdf-encrypted",
            Code::PdfNoText => "pdf-no-text",
            Code::PdfTooLarge => "pdf-too-large",
            Code::PdfTruncated => "pdf-truncated",
            Code::PdfUnreadable => "pdf-unreadable",
            Code::EidNumber => "eid-number",
            Code::PlaceholderDate => "placeholder-date",
            Code::DanglingReference => "dangling-reference",
            Code::DuplicateEid => "duplicate-eid",
            Code::NoIdentification => "no-identification",
            Code::Frbr => "frbr",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index gives each offset the line and column a count from the start gives:
    /// lines, characters of several bytes, a line ending the input, offsets past the end.
    #[test]
    fn a_line_index_places_offsets_as_counting_from_the_start_does() {
        let source = "first line\nsecond — with a dash\n\nthird\n".as_bytes();
        let lines = LineIndex::new(source);
        for offset in 0..=source.len() + 2 {
            let o = offset.min(source.len());
            let before = &source[..o];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1);
            let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
            assert_eq!(
                lines.at(offset),
                LineColumn { line, column },
                "offset {offset}"
            );
        }
        assert_eq!(lines.at(11), LineColumn { line: 2, column: 1 });
    }
    use std::collections::HashSet;

    /// Each code is listed once, printed once, and every code the invalid samples expect is one
    /// of them: the printed codes are a contract.
    #[test]
    fn codes_are_one_list() {
        let printed: HashSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(printed.len(), Code::ALL.len());
        for (i, code) in Code::ALL.iter().enumerate() {
            assert_eq!(*code as usize, i, "{code} out of place in Code::ALL");
        }
        assert_eq!(
            Code::ALL.len(),
            Code::Frbr as usize + 1,
            "Code::ALL lists every code"
        );
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/invalid");
        let mut expected = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "expected") {
                continue;
            }
            for line in std::fs::read_to_string(&path).unwrap().lines() {
                let Some(open) = line.find("]: ") else {
                    continue;
                };
                let Some(start) = line[..open].rfind('[') else {
                    continue;
                };
                let code = &line[start + 1..open];
                assert!(printed.contains(code), "{}: {code}", path.display());
                expected += 1;
            }
        }
        assert!(expected > 10, "the invalid samples name their codes");
    }
}
