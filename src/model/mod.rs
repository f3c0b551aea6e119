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
    /// Whether the language is written right to left (Arabic, of the six).
    pub fn is_right_to_left(self) -> bool {
        matches!(self, Language::Arabic)
    }

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

mod content;
mod document;
mod mandate;
mod metadata;

pub use content::*;
pub use document::*;
pub use mandate::*;
pub use metadata::*;

/// The opening phrase of a run of inlines, if it starts with one.
pub fn phrase_of(text: &[Inline]) -> Option<&str> {
    match text.first() {
        Some(Inline::Phrase(p)) => Some(p),
        _ => None,
    }
}
