//! The glyph device: what the PDF interpreter draws on each page, collected as glyphs with
//! their position, size and style, and the rules (lines) drawn between them.

use super::*;

/// A glyph as drawn: its character, place (y downwards from the page top) and typography.
#[derive(Debug, Clone, Copy)]
pub(super) struct Glyph {
    pub(super) ch: char,
    pub(super) x: f32,
    pub(super) end: f32,
    pub(super) y: f32,
    pub(super) size: f32,
    pub(super) italic: bool,
    pub(super) bold: bool,
    pub(super) artifact: bool,
}

/// A horizontal rule drawn on the page (the footnote separator is one in some files).
#[derive(Debug, Clone, Copy)]
pub(super) struct Rule {
    pub(super) x0: f32,
    pub(super) x1: f32,
    pub(super) y: f32,
}

/// What a page holds.
#[derive(Debug, Default)]
pub(super) struct PageContent {
    pub(super) width: f32,
    pub(super) height: f32,
    pub(super) glyphs: Vec<Glyph>,
    pub(super) rules: Vec<Rule>,
}

/// Font style by font program, so each font's names are read once.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Style {
    pub(super) italic: bool,
    pub(super) bold: bool,
}

pub(super) struct Collector {
    pub(super) crop: Rect,
    /// For each open marked-content sequence: whether it is an `/Artifact`.
    pub(super) marked: Vec<bool>,
    pub(super) styles: Vec<(u128, Style)>,
    pub(super) content: PageContent,
    pub(super) images: usize,
}

impl Collector {
    pub(super) fn new(crop: Rect) -> Self {
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

    pub(super) fn finish(self) -> PageContent {
        self.content
    }

    /// y measured downwards from the top of the page.
    pub(super) fn down(&self, y: f64) -> f32 {
        (self.crop.y1 - y) as f32
    }

    pub(super) fn style_of(&mut self, glyph: &FontGlyph<'_>) -> Style {
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
