//! What only richer inputs carry (the UN's AKN): votes, subjects and workflow.

use super::*;
use serde::{Deserialize, Serialize};

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
        /// Who voted how, when the input lists them (the UN's AKN does, state by state).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        voters: Vec<Voter>,
    },
}

/// A State's vote in a recorded vote, its name as the input spells it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Voter {
    pub name: String,
    pub position: Position,
    /// The State's UNTERM entry, when the input gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unterm: Option<String>,
}

/// How a State voted, as AKN4UN names the counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Position {
    InFavour,
    Against,
    Abstaining,
}

impl Position {
    pub const ALL: [Position; 3] = [Position::InFavour, Position::Against, Position::Abstaining];

    /// The TLC eId of the count (`refersTo="#inFavour"`).
    pub fn id(self) -> &'static str {
        match self {
            Position::InFavour => "inFavour",
            Position::Against => "against",
            Position::Abstaining => "abstaining",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Position::InFavour => "In favour",
            Position::Against => "Against",
            Position::Abstaining => "Abstaining",
        }
    }
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
