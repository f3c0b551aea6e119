//! The document model: plain data shared by every reader and writer.
//!
//! Readers (`parse::text`, `parse::akn`) build a [`Document`]; writers (`akn::write`,
//! `rdf::quads`) consume it. Nothing here parses or renders.

use serde::{Deserialize, Serialize};

/// A byte range into the input a node was read from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn join(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A calendar date as printed in resolutions ("15 December 2022").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// The months as resolutions print them.
    pub const MONTH_NAMES: [&'static str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];

    /// `September` (in any case, perhaps followed by `,` or `.`) → 9.
    pub fn month_number(word: &str) -> Option<u8> {
        let w = word.trim_end_matches([',', '.']);
        Self::MONTH_NAMES
            .iter()
            .position(|m| m.eq_ignore_ascii_case(w))
            .map(|p| p as u8 + 1)
    }

    /// The date as resolutions print it: `15 December 2022`.
    pub fn printed(self) -> String {
        let month = Self::MONTH_NAMES
            .get(usize::from(self.month).saturating_sub(1))
            .copied()
            .unwrap_or("");
        format!("{} {month} {}", self.day, self.year)
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// What kind of act the document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DocumentKind {
    Resolution,
    Decision,
}

/// The UN organ that adopted the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Organ {
    GeneralAssembly,
    SecurityCouncil,
    HumanRightsCouncil,
    EconomicAndSocialCouncil,
}

/// The six official UN languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    Arabic,
    Chinese,
    English,
    French,
    Russian,
    Spanish,
}

impl Language {
    /// All six, in the order the UN lists them.
    pub const ALL: [Language; 6] = [
        Language::Arabic,
        Language::Chinese,
        Language::English,
        Language::French,
        Language::Russian,
        Language::Spanish,
    ];

    /// Its English name, as mastheads print it (`Original: English`).
    pub fn name(self) -> &'static str {
        match self {
            Language::Arabic => "Arabic",
            Language::Chinese => "Chinese",
            Language::English => "English",
            Language::French => "French",
            Language::Russian => "Russian",
            Language::Spanish => "Spanish",
        }
    }
}

/// A whole resolution (or decision) in one language.
///
/// Serialised with the fields of its [`Act`] in their printed order among the others (the JSON
/// unakn has always written); read back from the same.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Document {
    pub kind: DocumentKind,
    pub organ: Organ,
    pub language: Language,
    /// The document symbol, e.g. `A/RES/77/213`.
    pub symbol: String,
    /// The number as printed before the title, e.g. `77/213`.
    pub number: String,
    pub masthead: Masthead,
    pub adoption: Adoption,
    /// The resolution itself. For a multi-part resolution, only its title and the annexes
    /// printed after the last part: the rest is in each part's own act.
    #[serde(flatten)]
    pub act: Act,
    /// The resolutions of a multi-part resolution (`78/80 A-B`), each whole; empty for a
    /// resolution of one part.
    #[serde(default)]
    pub parts: Vec<Part>,
    /// Footnotes in marker order; each is placed where its [`Inline::NoteRef`] stands.
    pub footnotes: Vec<Footnote>,
    /// Metadata only some inputs carry (the UN's own AKN).
    pub metadata: Metadata,
}

impl Serialize for Document {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let act = &self.act;
        let fields = 15 + usize::from(!self.parts.is_empty());
        let mut s = serializer.serialize_struct("Document", fields)?;
        s.serialize_field("kind", &self.kind)?;
        s.serialize_field("organ", &self.organ)?;
        s.serialize_field("language", &self.language)?;
        s.serialize_field("symbol", &self.symbol)?;
        s.serialize_field("number", &self.number)?;
        s.serialize_field("title", &act.title)?;
        s.serialize_field("masthead", &self.masthead)?;
        s.serialize_field("adoption", &self.adoption)?;
        s.serialize_field("formula", &act.formula)?;
        s.serialize_field("preamble", &act.preamble)?;
        s.serialize_field("body", &act.body)?;
        s.serialize_field("conclusion", &act.conclusion)?;
        if !self.parts.is_empty() {
            s.serialize_field("parts", &self.parts)?;
        }
        s.serialize_field("annexes", &act.annexes)?;
        s.serialize_field("footnotes", &self.footnotes)?;
        s.serialize_field("metadata", &self.metadata)?;
        s.end()
    }
}

/// What one resolution holds: its title and what follows it. A document holds one, and each
/// part of a multi-part resolution its own, so that readers and writers treat both alike.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Act {
    pub title: Vec<Inline>,
    /// `The General Assembly,`
    pub formula: Option<Formula>,
    pub preamble: Vec<Recital>,
    pub body: Vec<Block>,
    pub conclusion: Option<Conclusion>,
    /// The annexes printed after the act's meeting line.
    pub annexes: Vec<Annex>,
}

/// One resolution of a multi-part resolution: adopted under the number and title of the whole
/// (`78/80. Questions relating to information`), with its own letter, title, preamble,
/// operative part, meeting line and annexes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Part {
    /// `A`
    pub number: String,
    #[serde(flatten)]
    pub act: Act,
    pub span: Span,
}

impl Document {
    /// The document's own act, then each part's, in printed order.
    pub fn acts(&self) -> impl Iterator<Item = &Act> {
        std::iter::once(&self.act).chain(self.parts.iter().map(|p| &p.act))
    }

    /// [`Document::acts`], to edit in place (a reader's later passes).
    pub fn acts_mut(&mut self) -> impl Iterator<Item = &mut Act> {
        std::iter::once(&mut self.act).chain(self.parts.iter_mut().map(|p| &mut p.act))
    }
}

/// The first-page masthead.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Masthead {
    /// `General Assembly`
    pub organ_name: Option<String>,
    /// `Distr.: General`
    pub distribution: Option<String>,
    pub issue_date: Option<Date>,
    /// Session number, from `Seventy-seventh session`.
    pub session: Option<u32>,
    /// The session line as printed.
    pub session_label: Option<String>,
    pub agenda_items: Vec<AgendaItem>,
    /// The publication job number, e.g. `22-28954 (E)`.
    pub job_number: Option<String>,
    /// `English` from `Original: English`, on documents first written in another language.
    pub original_language: Option<String>,
}

/// An agenda item: `68 (b)` with its title.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub number: String,
    pub title: Option<String>,
}

/// How and when the document was adopted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Adoption {
    /// `Resolution adopted by the General Assembly on 15 December 2022`
    pub statement: Option<String>,
    pub date: Option<Date>,
    pub origin: Option<Origin>,
}

/// The bracketed origin line: `[on the report of the Third Committee (A/77/463/Add.2, para. 87)]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Origin {
    /// The whole line as printed, brackets included.
    pub text: String,
    /// `Third Committee`, when the document came on a committee's report.
    pub committee: Option<String>,
    /// The originating document, e.g. `A/77/463/Add.2` or `A/78/L.9`.
    pub document: Option<String>,
    /// The paragraph of that report, e.g. `87`.
    pub paragraph: Option<String>,
}

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
            SectionKind::Part | SectionKind::Chapter | SectionKind::Article | SectionKind::Rule => {
                n.to_string()
            }
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
    /// `Annex`, `Annex I`.
    pub label: String,
    pub title: Vec<Inline>,
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

/// Metadata found only in richer inputs (the UN's AKN): all optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    /// Adoption without a vote, or the recorded vote counts.
    pub vote: Option<Vote>,
    /// Subject IRIs (SDG, UNBIS, EuroVoc) with their labels.
    pub subjects: Vec<Subject>,
    /// Draft, report and meeting record steps.
    pub workflow: Vec<WorkflowStep>,
}

/// The voting outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Vote {
    WithoutVote,
    Recorded {
        in_favour: u32,
        against: u32,
        abstaining: u32,
    },
}

/// A classification keyword.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Subject {
    pub iri: String,
    pub label: String,
    pub scheme: String,
}

/// One step of the document's history (draft, report, adoption record).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkflowStep {
    pub outcome: Outcome,
    pub date: Option<Date>,
    pub document: Option<String>,
    pub by: Option<String>,
}

/// What a workflow step did, as AKN4UN names it (`outcome="draftResolution"`); written as that
/// name in JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum Outcome {
    /// A draft was tabled: `document` is its symbol, `by` its sponsors.
    DraftResolution,
    DraftDecision,
    /// Sponsors who joined the draft later.
    DraftResolutionAdditionalSponsors,
    DraftDecisionAdditionalSponsors,
    /// A committee recommended the draft: `document` is its report.
    RecommendedForAdoption,
    /// The plenary adopted it: `document` is the meeting record.
    Adopted,
    /// Any other outcome, as written.
    Other(String),
}

impl Outcome {
    const NAMED: [(Outcome, &'static str); 6] = [
        (Outcome::DraftResolution, "draftResolution"),
        (Outcome::DraftDecision, "draftDecision"),
        (
            Outcome::DraftResolutionAdditionalSponsors,
            "draftResolutionAdditionalSponsors",
        ),
        (
            Outcome::DraftDecisionAdditionalSponsors,
            "draftDecisionAdditionalSponsors",
        ),
        (Outcome::RecommendedForAdoption, "recommendedForAdoption"),
        (Outcome::Adopted, "adopted"),
    ];

    /// The outcome as AKN4UN writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Outcome::Other(name) => name,
            named => Self::NAMED
                .iter()
                .find(|(o, _)| o == named)
                .map_or("", |(_, name)| name),
        }
    }
}

impl From<&str> for Outcome {
    fn from(name: &str) -> Self {
        Self::NAMED
            .iter()
            .find(|(_, n)| *n == name)
            .map_or_else(|| Outcome::Other(name.to_string()), |(o, _)| o.clone())
    }
}

impl From<String> for Outcome {
    fn from(name: String) -> Self {
        Outcome::from(name.as_str())
    }
}

impl From<Outcome> for String {
    fn from(outcome: Outcome) -> Self {
        outcome.as_str().to_string()
    }
}

/// The opening phrase of a run of inlines, if it starts with one.
pub fn phrase_of(text: &[Inline]) -> Option<&str> {
    match text.first() {
        Some(Inline::Phrase(p)) => Some(p),
        _ => None,
    }
}
