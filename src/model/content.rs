//! What an act is made of: formula, recitals, blocks (paragraphs, items, sections, text,
//! tables), conclusion, annexes, footnotes and the inline runs inside them.

use super::*;
use serde::{Deserialize, Serialize};

/// The enacting formula.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Formula {
    pub text: Vec<Inline>,
    pub span: Span,
}

/// A preambular paragraph, opened by a participle in italics (`Recalling also`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recital {
    /// The text, starting with an [`Inline::Phrase`] when the opening phrase is known.
    pub text: Vec<Inline>,
    pub span: Span,
}

/// A unit of the operative part or of an annex.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Block {
    Paragraph(Paragraph),
    Section(Section),
    /// A recital inside a section (sections may have their own preamble).
    Recital(Recital),
    /// Unnumbered running text (annex prose, a note under a heading).
    Text(TextBlock),
    /// A table: staffing tables, appropriations, lists of posts.
    Table(Table),
}

impl Block {
    /// Where the block was read from.
    pub fn span(&self) -> Span {
        match self {
            Block::Paragraph(p) => p.span,
            Block::Section(s) => s.span,
            Block::Recital(r) => r.span,
            Block::Text(t) => t.span,
            Block::Table(t) => t.span,
        }
    }
}

/// A numbered operative paragraph (or the single unnumbered one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// `7` for a paragraph printed as `7.`; `None` when unnumbered.
    pub number: Option<String>,
    /// The text before any sub-items (all of it when there are none).
    pub text: Vec<Inline>,
    pub items: Vec<Item>,
    /// Text after the sub-items, if the paragraph continues.
    pub wrap_up: Vec<Inline>,
    pub span: Span,
}

/// A sub-item `(a)` of a paragraph, or `(i)` of an item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// The letter or numeral: without its brackets when printed in them (`a` for `(a)`, `iv`),
    /// else as printed (`1.` for an item of a numbered list).
    pub number: String,
    pub text: Vec<Inline>,
    pub items: Vec<Item>,
    pub span: Span,
}

impl Item {
    /// The number as printed: `(a)`, `1.`.
    pub fn printed_number(&self) -> String {
        if self.number.ends_with(['.', ')']) {
            self.number.clone()
        } else {
            format!("({})", self.number)
        }
    }

    /// The letter or numeral alone: `a`, `1`.
    pub fn bare_number(&self) -> &str {
        self.number.trim_end_matches(['.', ')'])
    }
}

/// A heading with what follows it: `I. Activities of ...`, `A. ...`, `Rule 27`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// What the heading opens: a section, or a division named by its own word.
    #[serde(default, skip_serializing_if = "SectionKind::is_section")]
    pub kind: SectionKind,
    /// `I`, `A`, without the trailing full stop; `None` for an unnumbered heading. For a
    /// division named by its word, as printed: `Rule 27`, `Article 5`, `Chapter II`.
    pub number: Option<String>,
    pub heading: Vec<Inline>,
    pub blocks: Vec<Block>,
    pub span: Span,
}

impl Section {
    /// The number as printed: `II.` for a section, `Rule 27` for a division named by its word.
    pub fn printed_number(&self) -> Option<String> {
        let n = self.number.as_deref()?;
        Some(match self.kind {
            SectionKind::Section => format!("{n}."),
            SectionKind::Part
            | SectionKind::Chapter
            | SectionKind::Article
            | SectionKind::Rule
            | SectionKind::Division => n.to_string(),
        })
    }
}

/// The kind of a heading: a plain section (`I.`, `A.`), or a division printed with its word,
/// as the rules of procedure and conventions annexed to resolutions have them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SectionKind {
    #[default]
    Section,
    Part,
    Chapter,
    Article,
    Rule,
    /// A division an instrument names by another word: `Action 13`, `Objective 1`,
    /// `Principle 4`, `Priority 2`.
    Division,
}

impl SectionKind {
    pub fn is_section(&self) -> bool {
        *self == SectionKind::Section
    }
}

/// Unnumbered prose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextBlock {
    pub text: Vec<Inline>,
    pub span: Span,
}

/// A table as printed, row by row; heading rows come first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub rows: Vec<TableRow>,
    pub span: Span,
}

impl Table {
    /// The table as one run of inlines: rows one per line, cells separated by ` | `
    /// (its text in the graph).
    pub fn runs(&self) -> Vec<Inline> {
        let mut out = Vec::new();
        for (r, row) in self.rows.iter().enumerate() {
            if r > 0 {
                out.push(Inline::Text("\n".into()));
            }
            for (c, cell) in row.cells.iter().enumerate() {
                if c > 0 {
                    out.push(Inline::Text(" | ".into()));
                }
                out.extend(cell.text.iter().cloned());
            }
        }
        out
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableRow {
    /// A row of column headings.
    pub heading: bool,
    pub cells: Vec<TableCell>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableCell {
    pub text: Vec<Inline>,
    /// How many columns the cell spans (1 but for merged headings).
    pub columns: u32,
}

/// The closing lines: meeting and date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conclusion {
    /// `54th plenary meeting`
    pub meeting: String,
    pub date: Option<Date>,
    pub date_text: Option<String>,
    pub span: Span,
}

/// An annex: its heading lines and content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annex {
    /// `Annex`, `Annex I`; empty for an instrument the resolution adopts in its own text
    /// (`Adopts the following declaration:`), which is read as an annex all the same.
    pub label: String,
    pub title: Vec<Inline>,
    /// A second title line set apart under the first (a declaration's motto).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subtitle: Vec<Inline>,
    pub blocks: Vec<Block>,
    pub span: Span,
}

/// A footnote: its marker as printed and its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Footnote {
    pub marker: String,
    pub text: Vec<Inline>,
    pub span: Span,
}

/// Inline content: runs of text with the few marks resolutions use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Inline {
    Text(String),
    /// The opening phrase of a recital or operative paragraph, set in italics.
    Phrase(String),
    /// Other italic text (titles of publications).
    Emphasis(String),
    /// A citation of a UN document, by symbol.
    Ref(Citation),
    /// The place of a footnote marker; `index` points into [`Document::footnotes`].
    NoteRef {
        marker: String,
        index: usize,
    },
}

/// A citation: the words printed and the document they designate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    /// The words as printed (`70/1`, `A/77/463/Add.2`).
    pub text: String,
    /// The normalised symbol of the cited document (`A/RES/70/1`).
    pub symbol: String,
}
