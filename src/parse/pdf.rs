//! PDF input: the text layer read with its typography, written as marked-up paragraphs (the
//! markdown flavour) so that the structure rules of `parse::text` apply unchanged.
//!
//! What the page tells and extracted text loses: italics (opening phrases, `*...*`), small
//! raised digits (footnote markers, `[^n]`), the footnote area under its rule (`[^n]: text`),
//! running headers and footers (tagged `/Artifact`, or in the top and bottom bands), where
//! paragraphs begin (first-line indent, spacing before), and bold headings (`# `).

use super::lines::{is_barcode, is_job_number, is_page_counter, is_symbol_line};
use crate::diag::{Diagnostic, ParseError};
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
                    "furniture",
                    Span::new(at, at),
                    format!("removed page furniture: {text}"),
                )
            })
            .collect()
    }
}

/// A PDF refused as a whole: why, in the reader's words.
fn refused(code: &'static str, message: impl Into<String>) -> ParseError {
    ParseError::new(code, Span::default(), message)
}

/// Reads the text layer of a PDF.
pub fn read(bytes: &[u8]) -> Result<PdfText, ParseError> {
    // The PDF library is not ours to prove panic-free on hostile files: a panic is a refusal.
    std::panic::catch_unwind(|| read_unguarded(bytes)).unwrap_or_else(|_| {
        Err(refused(
            "pdf-unreadable",
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
            "pdf-truncated",
            "the PDF is truncated: it has no end-of-file marker (download it again)",
        ));
    }
    let pdf = Pdf::new(bytes.to_vec()).map_err(|e| match e {
        LoadPdfError::Decryption(_) => refused(
            "pdf-encrypted",
            "the PDF is encrypted: save an unprotected copy first",
        ),
        LoadPdfError::Invalid => refused(
            "pdf-unreadable",
            "not a readable PDF: the cross-reference table and objects could not be recovered \
             (a truncated or damaged file)",
        ),
    })?;
    let pages = pdf.pages();
    if pages.is_empty() {
        return Err(refused(
            "pdf-unreadable",
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
            "pdf-no-text",
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
            "pdf-too-large",
            format!(
                "page {number}'s content inflates past {} MB: not a document page (a compression bomb?)",
                MAX_PAGE_CONTENT >> 20
            ),
        ));
    }
    Ok(())
}

/// A glyph as drawn: its character, place (y downwards from the page top) and typography.
#[derive(Debug, Clone, Copy)]
struct Glyph {
    ch: char,
    x: f32,
    end: f32,
    y: f32,
    size: f32,
    italic: bool,
    bold: bool,
    artifact: bool,
}

/// A horizontal rule drawn on the page (the footnote separator is one in some files).
#[derive(Debug, Clone, Copy)]
struct Rule {
    x0: f32,
    x1: f32,
    y: f32,
}

/// What a page holds.
#[derive(Debug, Default)]
struct PageContent {
    width: f32,
    height: f32,
    glyphs: Vec<Glyph>,
    rules: Vec<Rule>,
}

/// Font style by font program, so each font's names are read once.
#[derive(Debug, Clone, Copy, Default)]
struct Style {
    italic: bool,
    bold: bool,
}

struct Collector {
    crop: Rect,
    /// For each open marked-content sequence: whether it is an `/Artifact`.
    marked: Vec<bool>,
    styles: Vec<(u128, Style)>,
    content: PageContent,
    images: usize,
}

impl Collector {
    fn new(crop: Rect) -> Self {
        Collector {
            crop,
            marked: Vec::new(),
            styles: Vec::new(),
            content: PageContent {
                width: crop.width() as f32,
                height: crop.height() as f32,
                ..PageContent::default()
            },
            images: 0,
        }
    }

    fn finish(self) -> PageContent {
        self.content
    }

    /// y measured downwards from the top of the page.
    fn down(&self, y: f64) -> f32 {
        (self.crop.y1 - y) as f32
    }

    fn style_of(&mut self, glyph: &FontGlyph<'_>) -> Style {
        let FontGlyph::Outline(outline) = glyph else {
            return Style::default();
        };
        let Some(data) = outline.font_data() else {
            return Style::default();
        };
        if let Some((_, s)) = self.styles.iter().find(|(k, _)| *k == data.cache_key) {
            return *s;
        }
        let name = data.postscript_name.as_deref().unwrap_or("");
        let style = Style {
            italic: data.is_italic || name.contains("Italic") || name.contains("Oblique"),
            bold: data.weight.is_some_and(|w| w >= 600) || name.contains("Bold"),
        };
        self.styles.push((data.cache_key, style));
        style
    }
}

impl<'a> Device<'a> for Collector {
    fn draw_path(&mut self, path: &BezPath, props: DrawProps<'a>, _: &DrawMode) {
        let b = (props.transform * path.clone()).bounding_box();
        if b.height() < 2.0 && b.width() > 30.0 {
            let y = self.down((b.y0 + b.y1) / 2.0);
            self.content.rules.push(Rule {
                x0: b.x0 as f32,
                x1: b.x1 as f32,
                y,
            });
        }
    }

    fn push_clip_path(&mut self, _: &ClipPath) {}

    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}

    // Invisible text (an OCR layer under a scan) is read like any other: the draw mode is not
    // looked at.
    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, props: DrawProps<'a>, _: &DrawMode) {
        let glyphs = run.glyphs();
        let Some(first) = glyphs.first() else { return };
        let style = self.style_of(first);
        let artifact = self.marked.iter().any(|&a| a);
        for (i, g) in glyphs.iter().enumerate() {
            let t = props.transform * g.transform();
            let origin = t * Point::ZERO;
            let c = t.as_coeffs();
            // Glyph space is 1000 units per em: the em in page units is the font size.
            let size = (c[2].hypot(c[3]) * 1000.0) as f32;
            let end = match glyphs.get(i + 1) {
                Some(next) => (props.transform * next.transform() * Point::ZERO).x,
                None => {
                    // Without a width from the file, the ink's right edge will do.
                    let advance = match &**g {
                        FontGlyph::Outline(o) => o
                            .advance_width()
                            .unwrap_or_else(|| o.outline().bounding_box().x1 as f32 + 20.0),
                        FontGlyph::Type3(t3) => t3.advance_width().unwrap_or(500.0),
                    };
                    (t * Point::new(f64::from(advance), 0.0)).x
                }
            };
            let (x, end) = (origin.x as f32, end as f32);
            let y = self.down(origin.y);
            if !(x.is_finite() && y.is_finite() && size.is_finite()) || size <= 0.0 {
                continue;
            }
            let mut push = |ch: char, x: f32| {
                self.content.glyphs.push(Glyph {
                    ch,
                    x,
                    end: end.max(x),
                    y,
                    size,
                    italic: style.italic,
                    bold: style.bold,
                    artifact,
                })
            };
            match g.as_unicode() {
                Some(BfString::Char(ch)) => push(ch, x),
                // A ligature (`ﬁ` → `fi`): its letters share its place.
                Some(BfString::String(s)) => {
                    for (k, ch) in s.chars().enumerate() {
                        push(ch, if k == 0 { x } else { end });
                    }
                }
                None => push('\u{FFFD}', x),
            }
        }
    }

    fn draw_image(&mut self, _: Image<'a, '_>, _: ImageDrawProps<'a>) {
        self.images += 1;
    }

    fn pop_clip(&mut self) {}

    fn pop_transparency_group(&mut self) {}

    fn begin_marked_content(&mut self, tag: &[u8], _: Option<&Dict<'_>>) {
        self.marked.push(tag == b"Artifact");
    }

    fn end_marked_content(&mut self) {
        self.marked.pop();
    }
}

/// From glyphs to rows, paragraphs and footnotes.
mod layout {
    use super::*;
    use tables::{find_tables, table_lines};

    mod tables;

    /// Glyphs on one baseline, left to right; raised small glyphs (markers) ride along.
    #[derive(Debug, Clone)]
    pub(super) struct Row {
        pub y: f32,
        pub size: f32,
        pub glyphs: Vec<Glyph>,
    }

    impl Row {
        fn visible(&self) -> impl Iterator<Item = &Glyph> {
            self.glyphs.iter().filter(|g| !g.ch.is_whitespace())
        }
        pub fn x0(&self) -> f32 {
            self.visible().map(|g| g.x).fold(f32::MAX, f32::min)
        }
        pub fn x1(&self) -> f32 {
            self.visible().map(|g| g.end).fold(f32::MIN, f32::max)
        }
        fn artifact(&self) -> bool {
            self.visible().all(|g| g.artifact)
        }
        fn bold(&self) -> bool {
            self.visible().all(|g| g.bold)
        }
        /// The characters, spaces put where the gaps are.
        pub fn plain(&self) -> String {
            let mut s = String::new();
            for piece in pieces(self) {
                let (Piece::Char(c, _) | Piece::Raised(c)) = piece;
                s.push(c);
            }
            s.trim().to_string()
        }
        /// Whether a glyph is a small raised one (a footnote marker or an ordinal suffix).
        fn is_raised(&self, g: &Glyph) -> bool {
            g.size < self.size * 0.8 && self.y - g.y > self.size * 0.15
        }
    }

    /// A row read out: characters with their style, raised ones apart.
    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Piece {
        /// A character and whether it is italic.
        Char(char, bool),
        /// A small raised character.
        Raised(char),
    }

    /// The row's characters in order, a space wherever glyphs stand apart and none is printed.
    fn pieces(row: &Row) -> Vec<Piece> {
        let mut out = Vec::with_capacity(row.glyphs.len() + 8);
        let mut previous: Option<&Glyph> = None;
        // Printed spaces count where they open a gap: a space glyph squeezed to nothing
        // (`10–␣14` set as `10–14`) is no word break.
        let mut space_printed = false;
        for g in &row.glyphs {
            if g.ch.is_whitespace() {
                space_printed = true;
                continue;
            }
            if let Some(p) = previous {
                // A glyph drawn twice over itself (fake bold, shadows) is one character.
                if p.ch == g.ch && (p.x - g.x).abs() < 0.5 && (p.y - g.y).abs() < 0.5 {
                    continue;
                }
                let gap = g.x - p.end;
                // After a label (`(mm)`, `12.`) a tab may leave the text almost touching it.
                let after_label = matches!(p.ch, ')' | '.') && g.ch.is_uppercase();
                if gap > row.size * 0.15
                    || space_printed && gap > row.size * 0.08
                    || after_label && gap > row.size * 0.03
                {
                    out.push(Piece::Char(' ', p.italic && g.italic));
                }
            }
            space_printed = false;
            if row.is_raised(g) {
                out.push(Piece::Raised(g.ch));
            } else {
                out.push(Piece::Char(g.ch, g.italic));
            }
            previous = Some(g);
        }
        out
    }

    /// Groups a page's glyphs into rows: baselines within a point and a half are one row;
    /// a row of small glyphs just above or below a row of text joins it.
    pub(super) fn rows(glyphs: &[Glyph]) -> Vec<Row> {
        let mut sorted: Vec<Glyph> = glyphs.to_vec();
        sorted.sort_by(|a, b| a.y.total_cmp(&b.y));
        let mut rows: Vec<Row> = Vec::new();
        for g in sorted {
            match rows.last_mut() {
                Some(r) if (g.y - r.y).abs() <= 1.5 => {
                    r.size = r.size.max(g.size);
                    r.glyphs.push(g);
                }
                _ => rows.push(Row {
                    y: g.y,
                    size: g.size,
                    glyphs: vec![g],
                }),
            }
        }
        // Spaces alone on a baseline (empty paragraphs) are no text.
        rows.retain(|r| r.visible().next().is_some());
        // Merge a few small glyphs (markers, ordinal suffixes, subscripts) into the row of
        // text they sit on.
        let mut merged: Vec<Row> = Vec::with_capacity(rows.len());
        let mut i = 0;
        while i < rows.len() {
            let row = &rows[i];
            let small_over = |other: &Row| {
                row.size < other.size * 0.8
                    && (row.visible().count() <= 6
                        || row.visible().all(|g| g.ch.is_ascii_digit() || g.ch == ','))
                    && (other.y - row.y).abs() < other.size * 0.6
                    && overlaps(row, other)
            };
            if let Some(next) = rows.get(i + 1).filter(|n| small_over(n)) {
                let mut next = next.clone();
                next.glyphs.extend(row.glyphs.iter().copied());
                merged.push(next);
                i += 2;
                continue;
            }
            if let Some(last) = merged.last_mut().filter(|l| small_over(l)) {
                last.glyphs.extend(row.glyphs.iter().copied());
                i += 1;
                continue;
            }
            merged.push(row.clone());
            i += 1;
        }
        for r in &mut merged {
            r.glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
        }
        merged
    }

    /// Whether the small row stands within the horizontal extent of the other.
    fn overlaps(small: &Row, other: &Row) -> bool {
        small.x0() >= other.x0() - other.size * 2.0 && small.x1() <= other.x1() + other.size * 2.0
    }

    /// Splits a row where glyphs stand far apart (the cells of the masthead, of a table).
    fn cells(row: &Row) -> Vec<Row> {
        cells_apart(row, 3.5)
    }

    /// Splits a row where glyphs stand more than `sizes` times the type size apart.
    fn cells_apart(row: &Row, sizes: f32) -> Vec<Row> {
        let mut out: Vec<Row> = Vec::new();
        let mut last_end = f32::MIN;
        for g in &row.glyphs {
            if g.ch.is_whitespace() {
                if let Some(r) = out.last_mut() {
                    r.glyphs.push(*g);
                }
                continue;
            }
            if out.is_empty() || g.x - last_end > row.size * sizes {
                out.push(Row {
                    y: row.y,
                    size: row.size,
                    glyphs: Vec::new(),
                });
            }
            out.last_mut().expect("pushed above").glyphs.push(*g);
            last_end = g.end;
        }
        out
    }

    /// The most common value, rounded to half a point.
    fn mode(values: impl Iterator<Item = f32>) -> Option<f32> {
        let mut counts: std::collections::HashMap<i32, usize> = Default::default();
        for v in values {
            *counts.entry((v * 2.0).round() as i32).or_insert(0) += 1;
        }
        counts
            .into_iter()
            .max_by_key(|&(k, n)| (n, -k))
            .map(|(k, _)| k as f32 / 2.0)
    }

    /// What a row is on its page.
    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Role {
        /// First-page masthead, line by line.
        Masthead,
        Body,
        Footnote,
        Furniture,
    }

    /// A body row with its page.
    struct BodyRow {
        page: usize,
        row: Row,
    }

    /// One footnote being read.
    struct Note {
        marker: String,
        pieces: Vec<Piece>,
    }

    pub(super) fn write(pages: &[PageContent]) -> PdfText {
        let page_rows: Vec<Vec<Row>> = pages.iter().map(|p| rows(&p.glyphs)).collect();
        // Each row's characters, read out once.
        let page_texts: Vec<Vec<String>> = page_rows
            .iter()
            .map(|rows| rows.iter().map(Row::plain).collect())
            .collect();
        // Text repeated in the top or bottom band of several pages is a running header or
        // footer, even where the file does not tag it.
        let band = |page: &PageContent, row: &Row| {
            row.y < page.height * 0.09 || row.y > page.height * 0.93
        };
        let mut band_texts: std::collections::HashMap<String, usize> = Default::default();
        for ((page, rows), texts) in pages.iter().zip(&page_rows).zip(&page_texts) {
            let mut seen = std::collections::HashSet::new();
            for (_, t) in rows.iter().zip(texts).filter(|(r, _)| band(page, r)) {
                if seen.insert(t) {
                    *band_texts.entry(t.clone()).or_insert(0) += 1;
                }
            }
        }
        let is_furniture_text = |t: &str| {
            let t = t.trim();
            is_job_number(t)
                || is_page_counter(t)
                || is_barcode(t)
                || is_symbol_line(t)
                || t.split_whitespace().all(|w| {
                    is_job_number(w) || is_page_counter(w) || is_barcode(w) || is_symbol_line(w)
                })
                || band_texts.get(t).is_some_and(|&n| n > 1)
        };

        // The body text size: the commonest size of the rows.
        let body_size = mode(page_rows.iter().flatten().map(|r| r.size)).unwrap_or(10.0);
        let mut out = PdfText::default();
        let mut masthead: Vec<String> = Vec::new();
        let mut body: Vec<BodyRow> = Vec::new();
        let mut notes: Vec<(usize, Note)> = Vec::new();
        for (index, ((page, rows), texts)) in
            pages.iter().zip(&page_rows).zip(&page_texts).enumerate()
        {
            let number = index + 1;
            let first_body = rows
                .iter()
                .position(|r| !r.artifact())
                .unwrap_or(rows.len());
            // The footnote area: under a rule of underscores, or a drawn rule, in the lower
            // part of the page, with text below it.
            let rule_y = rows
                .iter()
                .zip(texts)
                .filter(|(_, t)| t.len() >= 5 && t.chars().all(|c| c == '_'))
                .map(|(r, _)| r.y)
                .chain(
                    // A drawn rule separates footnotes where only smaller text is under it
                    // (a table's rules have body text below them).
                    // (The first few short rules only: a page of thousands is a drawing.)
                    page.rules
                        .iter()
                        .filter(|r| r.x1 - r.x0 < page.width * 0.5 && r.y > page.height * 0.3)
                        .take(16)
                        .filter(|r| {
                            let mut below = rows
                                .iter()
                                .filter(|row| row.y > r.y && !row.artifact() && !band(page, row));
                            let opens_note = below.clone().next().is_some_and(|row| {
                                matches!(pieces(row).first(), Some(Piece::Raised(c)) if c.is_ascii_digit())
                            });
                            opens_note && below.all(|row| row.size < body_size * 0.95)
                        })
                        .map(|r| r.y),
                )
                .filter(|&y| y > page.height * 0.3)
                .fold(None::<f32>, |acc, y| Some(acc.map_or(y, |a| a.min(y))));
            for (k, (row, text)) in rows.iter().zip(texts).enumerate() {
                let role = if text.chars().all(|c| c == '_') {
                    Role::Furniture
                } else if row.artifact() {
                    if number == 1 && k < first_body && row.y < page.height * 0.5 {
                        Role::Masthead
                    } else {
                        Role::Furniture
                    }
                } else if band(page, row)
                    && (is_furniture_text(text)
                        || cells(row).iter().any(|c| is_furniture_text(&c.plain())))
                {
                    Role::Furniture
                } else if rule_y.is_some_and(|y| row.y > y) {
                    Role::Footnote
                } else {
                    Role::Body
                };
                match role {
                    Role::Masthead => {
                        for cell in cells(row) {
                            masthead.push(cell.plain());
                        }
                    }
                    Role::Furniture => {
                        if !text.chars().all(|c| c == '_') {
                            out.furniture.push((number, text.clone()));
                        }
                    }
                    Role::Footnote => footnote_row(row, number, &mut notes),
                    Role::Body => body.push(BodyRow {
                        page: number,
                        row: row.clone(),
                    }),
                }
            }
        }

        // Paragraph geometry: the line pitch inside a paragraph, and the left margin, where
        // wrapped lines start: the leftmost start shared by a tenth of the full-width rows
        // (masthead lines further left are short; indented sub-items may outnumber the rest).
        let pitch = mode(
            body.windows(2)
                .filter(|w| w[0].page == w[1].page)
                .map(|w| w[1].row.y - w[0].row.y)
                .filter(|d| *d > 0.0 && *d <= body_size * 1.7),
        )
        .unwrap_or(body_size * 1.2);
        let mut widths: Vec<f32> = body.iter().map(|b| b.row.x1() - b.row.x0()).collect();
        widths.sort_by(f32::total_cmp);
        let full = widths.get(widths.len() * 19 / 20).copied().unwrap_or(0.0) * 0.6;
        // Starts of full rows by half points; a start counts the rows within a point of it.
        let mut starts: std::collections::BTreeMap<i32, usize> = Default::default();
        let mut full_rows = 0;
        for b in body
            .iter()
            .filter(|b| b.row.x1() - b.row.x0() >= full && !b.row.bold())
        {
            *starts.entry((b.row.x0() * 2.0).round() as i32).or_insert(0) += 1;
            full_rows += 1;
        }
        let margin = starts
            .keys()
            .find(|&&k| {
                starts.range(k - 2..=k + 2).map(|(_, n)| n).sum::<usize>() * 10 >= full_rows
            })
            .map(|&k| k as f32 / 2.0)
            .or_else(|| mode(body.iter().map(|b| b.row.x0())))
            .unwrap_or(0.0);

        let mut text = String::new();
        let mut page_starts = vec![0usize; pages.len()];
        let mut page_seen = 0usize;
        for m in &masthead {
            push_line(&mut text, &escape(m));
        }
        let mut paragraph: Vec<Piece> = Vec::new();
        // Whether every row of the paragraph so far is bold: a heading, for the text rules.
        let mut bold = false;
        let tables = find_tables(&body, body_size);
        let mut next_table = tables.iter().peekable();
        let mut skip_to = 0;
        for (i, b) in body.iter().enumerate() {
            if i < skip_to {
                continue;
            }
            if let Some(&&(start, end)) = next_table.peek().filter(|t| t.0 == i) {
                next_table.next();
                flush(&mut text, &mut paragraph, bold);
                while page_seen < b.page.min(pages.len()) {
                    page_starts[page_seen] = text.len();
                    page_seen += 1;
                }
                for line in table_lines(&body[start..end]) {
                    push_line(&mut text, &line);
                }
                // Pages the table ran onto start inside it.
                while page_seen < body[end - 1].page.min(pages.len()) {
                    page_starts[page_seen] = text.len();
                    page_seen += 1;
                }
                skip_to = end;
                continue;
            }
            let starts = match i.checked_sub(1).map(|p| &body[p]) {
                None => true,
                Some(prev) => starts_paragraph(prev, b, margin, pitch, &paragraph),
            };
            if starts {
                flush(&mut text, &mut paragraph, bold);
                bold = true;
            }
            bold &= b.row.bold();
            while page_seen < b.page.min(pages.len()) {
                page_starts[page_seen] = text.len();
                page_seen += 1;
            }
            let row_pieces = pieces(&b.row);
            if paragraph.is_empty() {
                paragraph.extend(row_pieces);
            } else {
                join_wrapped(&mut paragraph, &row_pieces);
            }
        }
        flush(&mut text, &mut paragraph, bold);
        // Footnotes last: between paragraphs they would read as a page break to the text rules.
        for (_, note) in &notes {
            write_note(&mut text, note);
        }
        while page_seen < pages.len() {
            page_starts[page_seen] = text.len();
            page_seen += 1;
        }
        out.text = text;
        out.page_starts = page_starts;
        out
    }

    /// Whether body row `b` opens a paragraph after `prev`.
    fn starts_paragraph(
        prev: &BodyRow,
        b: &BodyRow,
        margin: f32,
        pitch: f32,
        so_far: &[Piece],
    ) -> bool {
        let x0 = b.row.x0();
        let indented = x0 > margin + 4.0;
        let outdented = x0 < margin - 4.0;
        if outdented || b.row.bold() != prev.row.bold() {
            return true;
        }
        if prev.page != b.page {
            // Across a page break a paragraph goes on where the next line is not indented and
            // the text before it does not end a clause (or the next starts in lower case).
            let last = so_far
                .iter()
                .rev()
                .find_map(|p| match p {
                    Piece::Char(c, _) if !c.is_whitespace() => Some(*c),
                    _ => None,
                })
                .unwrap_or('.');
            let first = pieces(&b.row)
                .into_iter()
                .find_map(|p| match p {
                    Piece::Char(c, _) if !c.is_whitespace() => Some(c),
                    _ => None,
                })
                .unwrap_or('A');
            return indented || (!first.is_lowercase() && matches!(last, '.' | ';' | ':'));
        }
        let gap = b.row.y - prev.row.y;
        if gap > pitch * 1.3 || gap < 0.0 {
            return true;
        }
        // A row further in than the one above opens a paragraph (a first-line indent), unless
        // both are centred alike (a heading over two lines); a row as far in as the one above
        // goes on with it (a hanging indent) unless it opens with a label of its own.
        let prev_x0 = prev.row.x0();
        let hanging = prev_x0 < margin - 4.0 && (x0 - margin).abs() <= 4.0;
        if x0 > prev_x0 + 4.0 && !hanging {
            return !centred_pair(prev, b, margin);
        }
        indented && (x0 - prev_x0).abs() <= 4.0 && opens_with_label(&b.row.plain())
    }

    /// `(a)`, `(iv)`, `12.`: a row that opens with the label of a paragraph or sub-item.
    fn opens_with_label(t: &str) -> bool {
        let first = t.split_whitespace().next().unwrap_or("");
        let bracketed = first.len() <= 6
            && first.starts_with('(')
            && first.ends_with(')')
            && first[1..first.len() - 1]
                .chars()
                .all(|c| c.is_ascii_alphanumeric());
        let numbered = first.len() <= 4
            && first.ends_with('.')
            && first[..first.len() - 1].chars().all(|c| c.is_ascii_digit())
            && first.len() > 1;
        bracketed || numbered
    }

    /// Two rows centred alike (a heading over two lines).
    fn centred_pair(prev: &BodyRow, b: &BodyRow, margin: f32) -> bool {
        let centre = |r: &Row| (r.x0() + r.x1()) / 2.0;
        prev.row.x0() > margin + 4.0 && (centre(&prev.row) - centre(&b.row)).abs() < 3.0
    }

    /// Appends the next row of a paragraph: a space between, none after a hyphen that ends
    /// a word at the line end (`non-` + `governmental`).
    fn join_wrapped(paragraph: &mut Vec<Piece>, next: &[Piece]) {
        while matches!(paragraph.last(), Some(Piece::Char(c, _)) if c.is_whitespace()) {
            paragraph.pop();
        }
        let n = paragraph.len();
        // A suspended hyphen (`age-` + `and gender-responsive`) keeps its space.
        let next_word: String = next
            .iter()
            .map_while(|p| match p {
                Piece::Char(c, _) if !c.is_whitespace() => Some(*c),
                _ => None,
            })
            .collect();
        let ends_hyphen = n >= 2
            && matches!(paragraph[n - 1], Piece::Char('-' | '–', _))
            && matches!(paragraph[n - 2], Piece::Char(c, _) if c.is_alphanumeric())
            && !matches!(next_word.as_str(), "and" | "or" | "nor");
        let italic = matches!(paragraph.last(), Some(Piece::Char(_, true)))
            && matches!(
                next.iter().find(|p| !matches!(p, Piece::Char(' ', _))),
                Some(Piece::Char(_, true))
            );
        if !ends_hyphen {
            paragraph.push(Piece::Char(' ', italic));
        }
        paragraph.extend(
            next.iter()
                .skip_while(|p| matches!(p, Piece::Char(c, _) if c.is_whitespace())),
        );
    }

    /// A row of the footnote area: a new footnote where it opens with a number (raised, or
    /// printed at the row start before the text), else the text goes on.
    fn footnote_row(row: &Row, page: usize, notes: &mut Vec<(usize, Note)>) {
        let pieces = pieces(row);
        let mut k = 0;
        while matches!(pieces.get(k), Some(Piece::Char(c, _)) if c.is_whitespace()) {
            k += 1;
        }
        let marker: String = pieces[k..]
            .iter()
            .map_while(|p| match p {
                Piece::Raised(c) if c.is_ascii_digit() || *c == '*' => Some(*c),
                _ => None,
            })
            .collect();
        if !marker.is_empty() {
            let rest = pieces[k + marker.chars().count()..].to_vec();
            notes.push((
                page,
                Note {
                    marker,
                    pieces: rest,
                },
            ));
            return;
        }
        match notes.last_mut() {
            Some((_, note)) => join_wrapped(&mut note.pieces, &pieces),
            // Text under the rule before any footnote: a footnote without a raised number.
            None => notes.push((
                page,
                Note {
                    marker: String::new(),
                    pieces,
                },
            )),
        }
    }

    fn write_note(text: &mut String, note: &Note) {
        if note.marker.is_empty() {
            return;
        }
        let body = render(&note.pieces);
        push_line(text, &format!("[^{}]: {}", note.marker, body.trim()));
    }

    /// Writes the paragraph as one line, `# ` before a bold one.
    fn flush(text: &mut String, paragraph: &mut Vec<Piece>, bold: bool) {
        if !paragraph.is_empty() {
            let line = render(paragraph);
            let line = line.trim();
            if bold {
                push_line(text, &format!("# {line}"));
            } else {
                push_line(text, line);
            }
            paragraph.clear();
        }
    }

    fn push_line(text: &mut String, line: &str) {
        if line.is_empty() {
            return;
        }
        text.push_str(line);
        text.push_str("\n\n");
    }

    /// Markdown marks that would be read as markup, escaped (brackets are left: `[^` and
    /// `](` do not occur in resolutions).
    pub(super) fn escape(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            push_escaped(&mut out, c);
        }
        out
    }

    fn push_escaped(out: &mut String, c: char) {
        if matches!(c, '*' | '\\' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }

    const EDGE_PUNCTUATION: &[char] = &['.', ',', ';', ':'];

    /// The paragraph as markdown: italics in `*`, spaces kept outside them; raised digits as
    /// `[^n]` markers; other raised characters (ordinal suffixes) as text.
    fn render(pieces: &[Piece]) -> String {
        let mut out = String::with_capacity(pieces.len() + 16);
        let mut i = 0;
        while i < pieces.len() {
            match pieces[i] {
                Piece::Raised(c) if c.is_ascii_digit() => {
                    let digits = pieces[i..]
                        .iter()
                        .take_while(|p| matches!(p, Piece::Raised(d) if d.is_ascii_digit()))
                        .count();
                    out.push_str("[^");
                    for p in &pieces[i..i + digits] {
                        if let Piece::Raised(d) = p {
                            out.push(*d);
                        }
                    }
                    out.push(']');
                    i += digits;
                }
                Piece::Raised(c) | Piece::Char(c, false) => {
                    push_escaped(&mut out, c);
                    i += 1;
                }
                Piece::Char(_, true) => {
                    // An italic run: from here to the last italic non-space before a roman one.
                    // Spaces between italic words are italic whatever their font.
                    let mut j = i;
                    let mut k = i;
                    // So are dashes and slashes between italic words (`*3*–*14 June*`).
                    while let Some(Piece::Char(c, italic)) = pieces.get(k) {
                        let neutral = c.is_whitespace() || matches!(c, '-' | '–' | '—' | '/');
                        if !italic && !neutral {
                            break;
                        }
                        k += 1;
                        if *italic && !c.is_whitespace() {
                            j = k;
                        }
                    }
                    if j == i {
                        // Italic spaces with no italic word after them.
                        out.push(' ');
                        i = k.max(i + 1);
                        continue;
                    }
                    let run: String = pieces[i..j]
                        .iter()
                        .map(|p| match p {
                            Piece::Char(c, _) | Piece::Raised(c) => *c,
                        })
                        .collect();
                    // Punctuation set in italics at the edges of a run belongs to the roman
                    // text around it (`2*. Commends*` is `2. *Commends*`).
                    let inner = run.trim_start_matches(EDGE_PUNCTUATION);
                    let lead = &run[..run.len() - inner.len()];
                    let inner = inner.trim_end_matches(EDGE_PUNCTUATION);
                    if inner.trim().is_empty() {
                        out.push_str(&escape(&run));
                        i = j;
                        continue;
                    }
                    let tail = &run[lead.len() + inner.len()..];
                    out.push_str(&escape(lead));
                    let run = inner;
                    let lead = run.len() - run.trim_start().len();
                    out.push_str(&run[..lead]);
                    out.push('*');
                    out.push_str(&escape(run.trim()));
                    out.push('*');
                    out.push_str(&escape(tail));
                    i = j;
                }
            }
        }
        out
    }
}
