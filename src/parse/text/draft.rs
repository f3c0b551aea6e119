//! The builder's working copy of what it has read, finished into the model at the end.

use super::*;

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
    pub(super) fn finish(self, title: &str, ctx: &Context) -> Act {
        Act {
            title: inline::inlines(title, ctx, false),
            formula: self.formula.map(|(raw, span)| Formula {
                text: inline::inlines(&raw, ctx, false),
                span,
            }),
            preamble: self
                .preamble
                .into_iter()
                .map(|(raw, span)| Recital {
                    text: inline::inlines(&raw, ctx, true),
                    span,
                })
                .collect(),
            body: self.body.into_iter().map(|b| b.finish(ctx)).collect(),
            conclusion: self.conclusion,
            annexes: self.annexes.into_iter().map(|a| a.finish(ctx)).collect(),
        }
    }
}

#[derive(Debug)]
pub(super) struct DraftAnnex {
    pub(super) label: String,
    pub(super) title: String,
    pub(super) blocks: Vec<Draft>,
    pub(super) span: Span,
}

impl Draft {
    pub(super) fn finish(self, ctx: &Context) -> Block {
        match self {
            Draft::Paragraph {
                number,
                raw,
                items,
                wrap_up,
                span,
            } => Block::Paragraph(Paragraph {
                number,
                text: inline::inlines(&raw, ctx, true),
                items: items.into_iter().map(|i| i.finish(ctx)).collect(),
                wrap_up: inline::inlines(&wrap_up, ctx, false),
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
                heading: inline::inlines(&heading, ctx, false),
                blocks: blocks.into_iter().map(|b| b.finish(ctx)).collect(),
                span,
            }),
            Draft::Recital { raw, span } => Block::Recital(Recital {
                text: inline::inlines(&raw, ctx, true),
                span,
            }),
            Draft::Text { raw, span } => Block::Text(TextBlock {
                text: inline::inlines(&raw, ctx, false),
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
                                text: inline::inlines(c, ctx, false),
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

impl DraftItem {
    pub(super) fn finish(self, ctx: &Context) -> Item {
        Item {
            number: self.label,
            text: inline::inlines(&self.raw, ctx, false),
            items: self.items.into_iter().map(|i| i.finish(ctx)).collect(),
            span: self.span,
        }
    }
}

impl DraftAnnex {
    pub(super) fn finish(self, ctx: &Context) -> Annex {
        Annex {
            label: self.label,
            title: inline::inlines(&self.title, ctx, false),
            blocks: self.blocks.into_iter().map(|b| b.finish(ctx)).collect(),
            span: self.span,
        }
    }
}
