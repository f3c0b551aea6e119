//! Readers: bytes of a text or AKN file → [`Document`] plus warnings.

pub mod akn;
pub mod citations;
pub mod inline;
pub mod lines;
pub mod masthead;
pub mod phrase;
pub mod text;
pub mod xml;

use crate::diag::{ParseError, Warned};
use crate::model::{Document, Span};

/// What an input turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// Markdown or PDF page text.
    Text,
    /// Akoma Ntoso XML.
    Akn,
}

/// Recognises the input format from the content, after checking it is readable text.
pub fn sniff(bytes: &[u8]) -> Result<(InputFormat, &str), ParseError> {
    let at = |offset: usize, code: &'static str, msg: String| {
        ParseError::new(code, Span::new(offset, offset + 1), msg)
    };
    if bytes.starts_with(b"%PDF-") {
        return Err(at(
            0,
            "pdf",
            "this is a PDF file: extract its text first (PDF input is not supported yet)".into(),
        ));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(at(
            0,
            "encoding",
            "UTF-16 input: convert it to UTF-8".into(),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let offset = e.valid_up_to();
            return Err(at(
                offset,
                "encoding",
                format!("not UTF-8: invalid byte 0x{:02X}", bytes[offset]),
            ));
        }
    };
    if let Some(p) = text.find('\0') {
        return Err(at(p, "binary", "NUL byte: binary input, not text".into()));
    }
    if text.trim().is_empty() {
        return Err(ParseError::new("empty", Span::default(), "empty input"));
    }
    let format = if text.trim_start().starts_with('<') {
        InputFormat::Akn
    } else {
        InputFormat::Text
    };
    Ok((format, text))
}

/// Reads any supported input into a document.
pub fn parse(bytes: &[u8]) -> Result<Warned<Document>, ParseError> {
    let (format, text) = sniff(bytes)?;
    // Offsets in diagnostics are relative to the text after a BOM; shift them back.
    let bom = bytes.len() - text.len();
    let shift = |mut s: Span| {
        s.start += bom;
        s.end += bom;
        s
    };
    let result = match format {
        InputFormat::Text => text::parse(text),
        InputFormat::Akn => akn::parse(text),
    };
    match result {
        Ok(mut w) => {
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
