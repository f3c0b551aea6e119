//! Readers: bytes of a PDF, text or AKN file → [`Document`] plus warnings.

mod akn;
mod citations;
mod inline;
mod instrument;
mod marks;
mod masthead;
mod page_tables;
mod pdf;
mod prepare;
pub(crate) mod tabling;
mod text;

pub use akn::parse as parse_akn;
pub use masthead::agenda_numbers;
pub use pdf::{read as pdf_text, PdfText};
pub use text::parse as parse_text;

use crate::diag::{Code, Diagnostic, Located, ParseError, Place, Severity, Warned};
use crate::model::{Document, Span};
use std::borrow::Cow;

/// What an input turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// Markdown or PDF page text.
    Text,
    /// Akoma Ntoso XML.
    Akn,
}

/// UTF-16 text without a BOM: every other byte of its start is NUL (ASCII in UTF-16).
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd * 10 >= pairs * 7 && even * 10 < pairs {
        Some("little-endian")
    } else if even * 10 >= pairs * 7 && odd * 10 < pairs {
        Some("big-endian")
    } else {
        None
    }
}

/// Recognises the input format from the content, after checking it is readable text.
pub fn sniff(bytes: &[u8]) -> Result<(InputFormat, &str), ParseError> {
    let at = |offset: usize, code: Code, msg: String| {
        ParseError::new(code, Span::new(offset, offset + 1), msg)
    };
    for (magic, what) in [
        (
            &b"\x89PNG"[..],
            "a PNG image: unakn reads text and Akoma Ntoso XML",
        ),
        (
            &b"\xFF\xD8\xFF"[..],
            "a JPEG image: unakn reads text and Akoma Ntoso XML",
        ),
        (
            &b"\x1F\x8B"[..],
            "gzip-compressed data: decompress it first",
        ),
        (
            &b"PK\x03\x04"[..],
            "a ZIP archive (a Word .docx is one): extract its text first",
        ),
        (
            &b"\xD0\xCF\x11\xE0"[..],
            "a legacy Office file (.doc): extract its text first",
        ),
    ] {
        if bytes.starts_with(magic) {
            return Err(at(0, Code::Binary, format!("this is {what}")));
        }
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(at(
            0,
            Code::Encoding,
            "UTF-16 input: convert it to UTF-8".into(),
        ));
    }
    if let Some(order) = utf16_without_bom(bytes) {
        return Err(at(
            0,
            Code::Encoding,
            format!("UTF-16 input ({order}, without a byte order mark): convert it to UTF-8"),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let offset = e.valid_up_to();
            return Err(at(
                offset,
                Code::Encoding,
                format!("not UTF-8: invalid byte 0x{:02X}", bytes[offset]),
            ));
        }
    };
    if let Some(p) = text.find('\0') {
        return Err(at(
            p,
            Code::Binary,
            "NUL byte: binary input, not text".into(),
        ));
    }
    if text.trim().is_empty() {
        return Err(ParseError::new(Code::Empty, Span::default(), "empty input"));
    }
    let format = if text.trim_start().starts_with('<') {
        InputFormat::Akn
    } else {
        InputFormat::Text
    };
    Ok((format, text))
}

/// Whether XML 1.0 forbids the character (C0 controls but tab, line feed, carriage return; the
/// form feed is kept here because it ends pages in extracted text).
fn is_control(c: char) -> bool {
    matches!(c, '\u{1}'..='\u{8}' | '\u{b}' | '\u{e}'..='\u{1f}')
}

/// The text with control characters turned into spaces (same byte length, so every offset
/// still points into the input), and a warning at the first one.
fn without_control_characters(text: &str) -> (Cow<'_, str>, Option<Diagnostic>) {
    // Every control character is one ASCII byte: a byte scan finds the first.
    let Some(first) = text
        .bytes()
        .position(|b| b < 0x20 && is_control(char::from(b)))
    else {
        return (Cow::Borrowed(text), None);
    };
    let count = text.chars().filter(|c| is_control(*c)).count();
    let code = text[first..].chars().next().map_or(0, u32::from);
    let warning = Diagnostic::warning(
        Code::ControlCharacter,
        Span::new(first, first + 1),
        format!(
            "control character U+{code:04X} read as a space ({count} in the input): no XML \
             document may hold it"
        ),
    );
    (Cow::Owned(text.replace(is_control, " ")), Some(warning))
}

/// Reads any supported input into a document. For a PDF, diagnostic spans point into the
/// marked-up text its reader wrote ([`pdf::PdfText`]); [`parse_named`] places them on pages.
pub fn parse(bytes: &[u8]) -> Result<Warned<Document>, ParseError> {
    if is_pdf(bytes) {
        return parse_pdf(bytes, None).map(|(w, _)| w).map_err(|(e, _)| e);
    }
    parse_text_or_xml(bytes, None)
}

/// Whether the bytes are a PDF file (its header may follow a little junk).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
}

/// A PDF that failed: the error, with the text layer when it was read (to place the error on
/// its page).
type PdfFailure = (ParseError, Option<Box<pdf::PdfText>>);

/// A PDF: its text layer read with the typography, then the shared structure rules. The
/// reader's text comes back with the document, to place diagnostics on pages.
fn parse_pdf(
    bytes: &[u8],
    file_symbol: Option<&str>,
) -> Result<(Warned<Document>, pdf::PdfText), PdfFailure> {
    let read = pdf::read(bytes).map_err(|e| (e, None))?;
    match text::parse_with(&read.text, Some(prepare::Flavour::Markdown), file_symbol) {
        Ok(mut w) => {
            w.diagnostics.splice(0..0, read.furniture_warnings());
            Ok((w, read))
        }
        Err(e) => Err((e, Some(Box::new(read)))),
    }
}

/// Reads an input named `file` into a document, its diagnostics placed in the input: line and
/// column of a text or XML file, page of a PDF.
pub fn parse_named(file: &str, bytes: &[u8]) -> Result<(Document, Vec<Located>), Located> {
    let file_symbol = symbol_of_file_name(file);
    if is_pdf(bytes) {
        let on_page = |read: &pdf::PdfText, offset: usize| Place::Page(read.page_of(offset));
        return match parse_pdf(bytes, file_symbol.as_deref()) {
            Ok((w, read)) => {
                let located = w
                    .diagnostics
                    .iter()
                    .map(|d| {
                        Located::new(
                            file,
                            on_page(&read, d.span.start),
                            d.severity,
                            d.code,
                            &d.message,
                        )
                    })
                    .collect();
                Ok((w.value, located))
            }
            Err((e, read)) => {
                let at = read.map_or(Place::Whole, |r| on_page(&r, e.span.start));
                Err(Located::new(file, at, Severity::Error, e.code, &e.message))
            }
        };
    }
    match parse_text_or_xml(bytes, file_symbol.as_deref()) {
        Ok(w) => {
            let lines = crate::diag::LineIndex::new(bytes);
            let located = w
                .diagnostics
                .iter()
                .map(|d| Located::of_diagnostic(file, &lines, d))
                .collect();
            Ok((w.value, located))
        }
        Err(e) => Err(Located::of_error(file, bytes, &e)),
    }
}

/// The symbol a file is named by, as the UN names its files (`A_C.1_80_L.24.pdf`,
/// `A_RES_80_106-2520110E.xml`): the name up to its extension or job number, `_` read as `/`.
fn symbol_of_file_name(file: &str) -> Option<String> {
    let name = std::path::Path::new(file).file_stem()?.to_str()?;
    // The UN's AKN files end with the job number: `-2520110E`.
    let name = match name.rsplit_once('-') {
        Some((head, job)) if job.len() > 6 && job.bytes().take(6).all(|b| b.is_ascii_digit()) => {
            head
        }
        _ => name,
    };
    let candidate = name.replace('_', "/");
    crate::symbol::symbol_at(&candidate)
        .filter(|&(len, _)| len == candidate.len())
        .map(|(_, symbol)| symbol)
}

#[cfg(test)]
#[test]
fn files_named_by_their_symbol() {
    assert_eq!(
        symbol_of_file_name("pdf/A_C.1_80_L.24.pdf").as_deref(),
        Some("A/C.1/80/L.24")
    );
    assert_eq!(
        symbol_of_file_name("A_ES-10_L.5.txt").as_deref(),
        Some("A/ES-10/L.5")
    );
    assert_eq!(
        symbol_of_file_name("akn/A_RES_80_106-2520110E.xml").as_deref(),
        Some("A/RES/80/106")
    );
    assert_eq!(symbol_of_file_name("resolution.txt"), None);
}

fn parse_text_or_xml(
    bytes: &[u8],
    file_symbol: Option<&str>,
) -> Result<Warned<Document>, ParseError> {
    let (format, text) = sniff(bytes)?;
    // Offsets in diagnostics are relative to the text after a BOM; shift them back.
    let bom = bytes.len() - text.len();
    let shift = |mut s: Span| {
        s.start += bom;
        s.end += bom;
        s
    };
    let (text, controls) = without_control_characters(text);
    let result = match format {
        InputFormat::Text => text::parse_with(&text, None, file_symbol),
        InputFormat::Akn => akn::parse(&text),
    };
    match result {
        Ok(mut w) => {
            if let Some(first) = controls {
                w.diagnostics.insert(0, first);
            }
            for d in &mut w.diagnostics {
                d.span = shift(d.span);
            }
            Ok(w)
        }
        Err(mut e) => {
            e.span = shift(e.span);
            Err(e)
        }
    }
}
