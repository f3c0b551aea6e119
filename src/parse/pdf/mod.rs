//! PDF input: the text layer read with its typography, written as marked-up paragraphs (the
//! markdown flavour) so that the structure rules of `parse::text` apply unchanged.
//!
//! What the page tells and extracted text loses: italics (opening phrases, `*...*`), small
//! raised digits (footnote markers, `[^n]`), the footnote area under its rule (`[^n]: text`),
//! running headers and footers (tagged `/Artifact`, or in the top and bottom bands), where
//! paragraphs begin (first-line indent, spacing before), and bold headings (`# `).

use super::prepare::{is_barcode, is_job_number, is_page_counter, is_symbol_line};
use crate::diag::{Code, Diagnostic, ParseError};
use crate::model::Span;
use hayro_interpret::font::{Glyph as FontGlyph, GlyphRun};
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::hayro_syntax::object::Dict;
use hayro_interpret::hayro_syntax::{LoadPdfError, Pdf};
use hayro_interpret::kurbo::{Affine, BezPath, Point, Rect, Shape};
use hayro_interpret::{
    interpret_page, BlendMode, ClipPath, Context, Device, DrawMode, DrawProps, Image,
    ImageDrawProps, InterpreterCache, InterpreterSettings, SoftMask,
};

/// The text layer of a PDF as marked-up paragraphs.
#[derive(Debug, Clone, Default)]
pub struct PdfText {
    /// One paragraph per line, `*italics*`, `[^n]` markers, `# ` before a bold paragraph (a
    /// heading), and the footnotes as `[^n]: text` lines at the end.
    pub text: String,
    /// Offset in `text` where each page's first line starts.
    pub page_starts: Vec<usize>,
    /// Page furniture removed, as `(page, text)`: reported as warnings.
    pub furniture: Vec<(usize, String)>,
}

impl PdfText {
    /// The 1-based page an offset of `text` comes from.
    pub fn page_of(&self, offset: usize) -> usize {
        self.page_starts.partition_point(|&s| s <= offset).max(1)
    }

    /// Warnings for the furniture removed, each at the start of its page.
    pub fn furniture_warnings(&self) -> Vec<Diagnostic> {
        self.furniture
            .iter()
            .map(|(page, text)| {
                let at = self.page_starts.get(page - 1).copied().unwrap_or(0);
                Diagnostic::warning(
                    Code::Furniture,
                    Span::new(at, at),
                    format!("removed page furniture: {text}"),
                )
            })
            .collect()
    }
}

/// A PDF refused as a whole: why, in the reader's words.
fn refused(code: Code, message: impl Into<String>) -> ParseError {
    ParseError::new(code, Span::default(), message)
}

/// Reads the text layer of a PDF.
pub fn read(bytes: &[u8]) -> Result<PdfText, ParseError> {
    // The PDF library is not ours to prove panic-free on hostile files: a panic is a refusal.
    std::panic::catch_unwind(|| read_unguarded(bytes)).unwrap_or_else(|_| {
        Err(refused(
            Code::PdfUnreadable,
            "the PDF's structure could not be read (a damaged or hostile file)",
        ))
    })
}

fn read_unguarded(bytes: &[u8]) -> Result<PdfText, ParseError> {
    // A file cut short may still give up some pages; half a resolution is not one.
    let ends = bytes[bytes.len().saturating_sub(2048)..]
        .windows(5)
        .any(|w| w == b"%%EOF");
    if !ends {
        return Err(refused(
            Code::PdfTruncated,
            "the PDF is truncated: it has no end-of-file marker (download it again)",
        ));
    }
    let pdf = Pdf::new(bytes.to_vec()).map_err(|e| match e {
        LoadPdfError::Decryption(_) => refused(
            Code::PdfEncrypted,
            "the PDF is encrypted: save an unprotected copy first",
        ),
        LoadPdfError::Invalid => refused(
            Code::PdfUnreadable,
            "not a readable PDF: the cross-reference table and objects could not be recovered \
             (a truncated or damaged file)",
        ),
    })?;
    let pages = pdf.pages();
    if pages.is_empty() {
        return Err(refused(
            Code::PdfUnreadable,
            "no page could be read: the page tree is missing, empty or damaged",
        ));
    }
    for (index, page) in pages.iter().enumerate() {
        check_inflation(page, index + 1)?;
    }
    let cache = InterpreterCache::new();
    let mut read_pages = Vec::with_capacity(pages.len());
    let mut images = 0;
    for page in pages.iter() {
        let b = page.intersected_crop_box();
        let crop = Rect::new(b.x0, b.y0, b.x1, b.y1);
        let mut ctx = Context::new(
            Affine::IDENTITY,
            crop,
            &cache,
            pdf.xref(),
            InterpreterSettings::default(),
        );
        let mut collector = Collector::new(crop);
        interpret_page(page, &mut ctx, &mut collector);
        images += collector.images;
        read_pages.push(collector.finish());
    }
    if read_pages.iter().all(|p| p.glyphs.is_empty()) {
        return Err(refused(
            Code::PdfNoText,
            if images > 0 {
                "no text layer: the pages are images (a scan); OCR is not supported"
            } else {
                "no text layer: the PDF holds no text; OCR is not supported"
            },
        ));
    }
    Ok(layout::write(&read_pages))
}

/// What a page's content may inflate to: real pages hold tens of kilobytes.
const MAX_PAGE_CONTENT: u64 = 32 << 20;

/// Refuses a page whose content streams inflate past [`MAX_PAGE_CONTENT`] (a compression
/// bomb), before the interpreter would inflate them whole. Deflate expands at most about
/// 1,032 times: a stream is inflated here only where that bound could pass the limit.
fn check_inflation(
    page: &hayro_interpret::hayro_syntax::page::Page<'_>,
    number: usize,
) -> Result<(), ParseError> {
    use hayro_interpret::hayro_syntax::object::{Array, Stream};
    use std::io::Read as _;
    let streams: Vec<Stream<'_>> = match page.raw().get::<Stream<'_>>(b"Contents") {
        Some(s) => vec![s],
        None => page
            .raw()
            .get::<Array<'_>>(b"Contents")
            .map(|a| a.iter::<Stream<'_>>().collect())
            .unwrap_or_default(),
    };
    let mut total = 0u64;
    for stream in streams {
        let raw = stream.raw_data();
        let at_most = raw.len() as u64 * 1032;
        if total + at_most <= MAX_PAGE_CONTENT {
            total += at_most;
            continue;
        }
        let mut inflating = flate2::read::ZlibDecoder::new(&raw[..]).take(MAX_PAGE_CONTENT + 1);
        total += std::io::copy(&mut inflating, &mut std::io::sink()).unwrap_or(raw.len() as u64);
    }
    if total > MAX_PAGE_CONTENT {
        return Err(refused(
            Code::PdfTooLarge,
            format!(
                "page {number}'s content inflates past {} MB: not a document page (a compression bomb?)",
                MAX_PAGE_CONTENT >> 20
            ),
        ));
    }
    Ok(())
}

mod device;
mod layout;

use device::*;
