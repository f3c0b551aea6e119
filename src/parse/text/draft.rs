//! The builder's working copy of what it has read, finished into the model at the end.

use super::*;
use crate::parse::instrument::{
    adopts_what_follows, is_title_line, split_instrument, InstrumentPart,
};

/// Where the builder is in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stage {
    Head,
    Preamble,
    Body,
    Closed,
    Annex,
}

#[derive(Debug)]
pub(super) enum Draft {
    Paragraph {
        number: Option<String>,
        raw: String,
        items: Vec<DraftItem>,
        wrap_up: String,
        span: Span,
    },
    Section {
        kind: SectionKind,
        number: Option<String>,
        heading: String,
        blocks: Vec<Draft>,
        span: Span,
    },
    Recital {
        raw: String,
        span: Span,
    },
    Text {
        raw: String,
        span: Span,
    },
    /// Rows of cells as written (`| a | b |`), each with whether it is a heading row.
    Table {
        rows: Vec<(bool, Vec<String>)>,
        /// A rule row (`| --- |`) has closed the heading rows.
        ruled: bool,
        span: Span,
    },
}

#[derive(Debug)]
pub(super) struct DraftItem {
    pub(super) label: String,
    pub(super) raw: String,
    pub(super) items: Vec<DraftItem>,
    pub(super) span: Span,
}

/// A part of a multi-part resolution, once the next has begun.
pub(super) struct DraftPart {
    pub(super) number: String,
    pub(super) title: String,
    pub(super) span: Span,
    pub(super) act: DraftAct,
}

impl DraftPart {
    pub(super) fn finish(self, ctx: &Context) -> Part {
        Part {
            number: self.number,
            act: self.act.finish(&self.title, ctx),
            span: self.span,
        }
    }
}

/// What an act holds after its title, as read so far: the document's own, or a part's.
#[derive(Debug, Default)]
pub(super) struct DraftAct {
    pub(super) formula: Option<(String, Span)>,
    pub(super) preamble: Vec<(String, Span)>,
    pub(super) body: Vec<Draft>,
    pub(super) conclusion: Option<Conclusion>,
    pub(super) annexes: Vec<DraftAnnex>,
}

impl DraftAct {
    pub(super) fn finish(mut self, title: &str, ctx: &Context) -> Act {
        self.instrument_as_annex(ctx.flavour);
        Act {
            title: inline::inlines(title, ctx, Opening::None),
            formula: self.formula.map(|(raw, span)| Formula {
                text: inline::inlines(&raw, ctx, Opening::None),
                span,
            }),
            preamble: self
                .preamble
                .into_iter()
                .map(|(raw, span)| Recital {
                    text: inline::inlines(&raw, ctx, Opening::Guessed),
                    span,
                })
                .collect(),
            body: self
                .body
                .into_iter()
                .map(|b| b.finish(ctx, Opening::Guessed))
                .collect(),
            conclusion: self.conclusion,
            annexes: self.annexes.into_iter().map(|a| a.finish(ctx)).collect(),
        }
    }

    /// An instrument adopted in the text (`Adopts the following declaration:`, its title,
    /// its text) becomes an annex ahead of the printed ones, before any block is finished:
    /// its paragraphs are read as an annex's.
    fn instrument_as_annex(&mut self, flavour: Flavour) {
        let Some(found) = split_instrument(&mut self.body, &flavour) else {
            return;
        };
        let (title, span) = found.title.into_title();
        self.annexes.insert(
            0,
            DraftAnnex {
                label: String::new(),
                title,
                subtitle: found.subtitle.map(|s| s.into_title().0).unwrap_or_default(),
                blocks: found.blocks,
                span,
            },
        );
    }
}

#[derive(Debug)]
pub(super) struct DraftAnnex {
    pub(super) label: String,
    pub(super) title: String,
    pub(super) subtitle: String,
    pub(super) blocks: Vec<Draft>,
    pub(super) span: Span,
}

impl Draft {
    /// The block; `paragraphs` says how its paragraphs' opening phrases are known.
    pub(super) fn finish(self, ctx: &Context, paragraphs: Opening) -> Block {
        match self {
            Draft::Paragraph {
                number,
                raw,
                items,
                wrap_up,
                span,
            } => Block::Paragraph(Paragraph {
                number,
                text: inline::inlines(&raw, ctx, paragraphs),
                items: items.into_iter().map(|i| i.finish(ctx)).collect(),
                wrap_up: inline::inlines(&wrap_up, ctx, Opening::None),
                span,
            }),
            Draft::Section {
                kind,
                number,
                heading,
                blocks,
                span,
            } => Block::Section(Section {
                kind,
                number,
                heading: inline::inlines(&heading, ctx, Opening::None),
                blocks: blocks
                    .into_iter()
                    .map(|b| b.finish(ctx, paragraphs))
                    .collect(),
                span,
            }),
            Draft::Recital { raw, span } => Block::Recital(Recital {
                text: inline::inlines(&raw, ctx, Opening::Guessed),
                span,
            }),
            Draft::Text { raw, span } => Block::Text(TextBlock {
                text: inline::inlines(&raw, ctx, Opening::None),
                span,
            }),
            Draft::Table { rows, span, .. } => Block::Table(Table {
                rows: rows
                    .into_iter()
                    .map(|(heading, cells)| TableRow {
                        heading,
                        cells: cells
                            .iter()
                            .map(|c| TableCell {
                                text: inline::inlines(c, ctx, Opening::None),
                                columns: 1,
                            })
                            .collect(),
                    })
                    .collect(),
                span,
            }),
        }
    }
}

impl InstrumentPart for Draft {
    type Reading = Flavour;

    fn adopts(&self, flavour: &Flavour) -> bool {
        matches!(self, Draft::Paragraph { raw, items, .. }
            if items.is_empty() && adopts_what_follows(&inline::plain(raw, *flavour)))
    }

    fn is_title(&self, flavour: &Flavour) -> bool {
        match self {
            Draft::Section {
                number, heading, ..
            } => number.is_none() && !heading.is_empty(),
            Draft::Text { raw, .. } => is_title_line(&inline::plain(raw, *flavour)),
            Draft::Paragraph {
                number: None,
                raw,
                items,
                ..
            } => items.is_empty() && is_title_line(&inline::plain(raw, *flavour)),
            _ => false,
        }
    }

    fn take_blocks(&mut self) -> Vec<Draft> {
        match self {
            Draft::Section { blocks, .. } => std::mem::take(blocks),
            _ => Vec::new(),
        }
    }
}

impl Draft {
    /// The text of a block that titles an instrument, and where it was read.
    fn into_title(self) -> (String, Span) {
        match self {
            Draft::Section { heading, span, .. } => (heading, span),
            Draft::Paragraph { raw, span, .. }
            | Draft::Recital { raw, span }
            | Draft::Text { raw, span } => (raw, span),
            Draft::Table { span, .. } => (String::new(), span),
        }
    }
}

impl DraftItem {
    /// The last item at the deepest level under this one (itself when it has none): where
    /// text read after a list goes on.
    pub(super) fn innermost(&self) -> &DraftItem {
        match self.items.last() {
            Some(last) => last.innermost(),
            None => self,
        }
    }

    pub(super) fn innermost_mut(&mut self) -> &mut DraftItem {
        if self.items.is_empty() {
            return self;
        }
        self.items.last_mut().expect("checked").innermost_mut()
    }

    pub(super) fn finish(self, ctx: &Context) -> Item {
        Item {
            number: self.label,
            text: inline::inlines(&self.raw, ctx, Opening::None),
            items: self.items.into_iter().map(|i| i.finish(ctx)).collect(),
            span: self.span,
        }
    }
}

impl DraftAnnex {
    pub(super) fn finish(self, ctx: &Context) -> Annex {
        // An annex shaped like a resolution (recitals, then numbered paragraphs: an annexed
        // draft decision) opens its paragraphs with verb phrases as one does; the paragraphs
        // of guidelines, a declaration or a convention's articles open with a subject
        // (`Businesses take ...`, `States Parties shall ...`), italic only where printed so.
        let first_after_recitals = self
            .blocks
            .iter()
            .skip_while(|b| !matches!(b, Draft::Recital { .. }))
            .find(|b| !matches!(b, Draft::Recital { .. }));
        let paragraphs = match first_after_recitals {
            Some(Draft::Paragraph { .. }) => Opening::Guessed,
            _ => Opening::Printed,
        };
        Annex {
            label: self.label,
            title: inline::inlines(&self.title, ctx, Opening::None),
            subtitle: inline::inlines(&self.subtitle, ctx, Opening::None),
            blocks: self
                .blocks
                .into_iter()
                .map(|b| b.finish(ctx, paragraphs))
                .collect(),
            span: self.span,
        }
    }
}
