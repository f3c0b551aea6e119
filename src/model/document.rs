//! The document and what every resolution holds: its act (or its parts' acts), masthead and
//! adoption.

use super::*;
use serde::{Deserialize, Serialize};

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
    /// Who tabled the document and as what, on a draft (`Chile and Peru: draft resolution`);
    /// `None` on an adopted act.
    #[serde(default)]
    pub tabling: Option<Tabling>,
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
        let fields = 15 + usize::from(!self.parts.is_empty()) + usize::from(self.tabling.is_some());
        let mut s = serializer.serialize_struct("Document", fields)?;
        s.serialize_field("kind", &self.kind)?;
        s.serialize_field("organ", &self.organ)?;
        s.serialize_field("language", &self.language)?;
        s.serialize_field("symbol", &self.symbol)?;
        s.serialize_field("number", &self.number)?;
        s.serialize_field("title", &act.title)?;
        s.serialize_field("masthead", &self.masthead)?;
        s.serialize_field("adoption", &self.adoption)?;
        if let Some(tabling) = &self.tabling {
            s.serialize_field("tabling", tabling)?;
        }
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

    /// Whether the document is a draft (a draft resolution or decision, or an amendment to one)
    /// rather than an adopted act.
    pub fn is_draft(&self) -> bool {
        self.tabling.is_some()
    }

    /// The date that dates the work: an act's adoption, a draft's issue.
    pub fn work_date(&self) -> Option<Date> {
        match &self.tabling {
            Some(_) => self.masthead.issue_date,
            None => self.adoption.date,
        }
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
    /// The Main Committee a draft was tabled in, as printed under the session
    /// (`First Committee`; `Fourth Committee` from `Special Political and Decolonization
    /// Committee (Fourth Committee)`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee: Option<String>,
}

/// An agenda item: `68 (b)` with its title.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub number: String,
    pub title: Option<String>,
}

/// A draft's tabling line, between its masthead and its title:
/// `Argentina, Brazil and Chile: draft resolution`,
/// `Draft resolution submitted by the Vice-Chair of the Committee, Ana Pérez (Peru), on the basis
/// of informal consultations on draft resolution A/C.2/80/L.5`,
/// `Denmark:* amendment to draft resolution A/C.2/80/L.13/Rev.1`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tabling {
    /// The line as printed, footnote markers left out.
    pub statement: String,
    /// What the document is.
    pub draft: DraftKind,
    /// The sponsors in printed order: States (or groups), or the officer who submitted it
    /// (`Vice-Chair of the Committee, Ana Pérez (Peru)`); empty when the line names none.
    pub sponsors: Vec<String>,
    /// Whom the sponsor speaks for, from the footnote on the line (`* On behalf of the Group of
    /// 77 and China.` → `the Group of 77 and China`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_behalf_of: Option<String>,
    /// The draft this one amends (an amendment) or was drawn from (a facilitator's text on the
    /// basis of informal consultations on it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub based_on: Option<String>,
}

/// What a draft is, as its tabling line says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DraftKind {
    DraftResolution,
    DraftDecision,
    /// Amendments to a draft, which [`Tabling::based_on`] names.
    Amendment,
    /// A note a committee's limited series carries beside its drafts (`Organization of work` /
    /// `Note by the Secretariat`): tabled, never adopted.
    Note,
}

impl DraftKind {
    /// The name AKN4UN-style documents give it (`<statement name="draftResolution">`).
    pub fn akn_name(self) -> &'static str {
        match self {
            DraftKind::DraftResolution => "draftResolution",
            DraftKind::DraftDecision => "draftDecision",
            DraftKind::Amendment => "amendment",
            DraftKind::Note => "note",
        }
    }

    /// As a tabling line prints it.
    pub fn printed(self) -> &'static str {
        match self {
            DraftKind::DraftResolution => "draft resolution",
            DraftKind::DraftDecision => "draft decision",
            DraftKind::Amendment => "amendment",
            DraftKind::Note => "note",
        }
    }
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
