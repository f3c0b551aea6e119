//! Mandates: who an operative paragraph asks to do what, and by when. Derived from the text by
//! [`crate::mandate`]; plain data here so that every writer renders them alike.

use super::Date;
use serde::{Deserialize, Serialize};

/// One request of the Assembly to one kind of actor for one kind of thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mandate {
    /// The operative paragraph's printed number, with the sub-item after a space (`7 (b)`);
    /// `u3` for the third operative paragraph when it is unnumbered.
    pub paragraph: String,
    /// The section's number when numbering restarts in sections.
    pub section: Option<String>,
    /// The division's eId (`para_7__list_1__point_b`).
    pub eid: String,
    /// As printed: `Requests`, `Also requests`, `Calls upon`, `reiterates its call upon`.
    pub verb: String,
    /// The phrase naming the actor, as printed; empty when the Assembly acts itself.
    pub addressee: String,
    pub addressee_kind: AddresseeKind,
    pub kind: MandateKind,
    pub due: Option<When>,
    pub recurrence: Option<Recurrence>,
    pub until: Option<When>,
    /// Whether the paragraph provides for reviewing the mandate.
    pub review: bool,
    /// What a report is on, or an agenda item's title.
    pub subject: Option<String>,
    /// The text of the division the mandate is in.
    pub text: String,
}

/// Who is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AddresseeKind {
    SecretaryGeneral,
    /// The Assembly itself: its agenda, its meetings, its committees.
    GeneralAssembly,
    PresidentOfTheGeneralAssembly,
    /// Member States, States, Governments, States parties, groups of States, one State.
    MemberStates,
    /// A named organ, office, fund, programme, agency, or the system as a whole.
    UnitedNationsEntity,
    /// The private sector, civil society, financial institutions, the international community,
    /// a named body outside the United Nations.
    Other,
}

impl AddresseeKind {
    pub const ALL: [AddresseeKind; 6] = [
        AddresseeKind::SecretaryGeneral,
        AddresseeKind::GeneralAssembly,
        AddresseeKind::PresidentOfTheGeneralAssembly,
        AddresseeKind::MemberStates,
        AddresseeKind::UnitedNationsEntity,
        AddresseeKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AddresseeKind::SecretaryGeneral => "secretary-general",
            AddresseeKind::GeneralAssembly => "general-assembly",
            AddresseeKind::PresidentOfTheGeneralAssembly => "president-of-the-general-assembly",
            AddresseeKind::MemberStates => "member-states",
            AddresseeKind::UnitedNationsEntity => "united-nations-entity",
            AddresseeKind::Other => "other",
        }
    }

    pub fn from_name(name: &str) -> Option<AddresseeKind> {
        AddresseeKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// What is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MandateKind {
    /// A report, note or briefing, written or oral.
    Report,
    /// An item placed on an agenda, a question to be considered at a session.
    Agenda,
    /// A meeting, dialogue, conference, high-level event or day.
    Meeting,
    /// Appropriations, assessments, resources, posts.
    Budget,
    Action,
}

impl MandateKind {
    pub const ALL: [MandateKind; 5] = [
        MandateKind::Report,
        MandateKind::Agenda,
        MandateKind::Meeting,
        MandateKind::Budget,
        MandateKind::Action,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MandateKind::Report => "report",
            MandateKind::Agenda => "agenda",
            MandateKind::Meeting => "meeting",
            MandateKind::Budget => "budget",
            MandateKind::Action => "action",
        }
    }

    pub fn from_name(name: &str) -> Option<MandateKind> {
        MandateKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// A point in time as resolutions set one: a session of the Assembly, a year, a month, a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum When {
    Session(u32),
    Year(u16),
    Month(u16, u8),
    Date(Date),
}

impl std::fmt::Display for When {
    /// `session 81`, `2026`, `2026-04`, `2026-04-15`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            When::Session(n) => write!(f, "session {n}"),
            When::Year(y) => write!(f, "{y:04}"),
            When::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            When::Date(d) => write!(f, "{d}"),
        }
    }
}

impl When {
    /// The inverse of `Display`.
    pub fn parse(s: &str) -> Option<When> {
        let s = s.trim();
        if let Some(n) = s.strip_prefix("session ") {
            return n.parse().ok().map(When::Session);
        }
        let parts: Vec<&str> = s.split('-').collect();
        let num = |i: usize| parts.get(i).and_then(|p| p.parse::<u16>().ok());
        match parts.len() {
            1 => num(0).map(When::Year),
            2 => Some(When::Month(num(0)?, num(1)? as u8)),
            3 => Some(When::Date(Date {
                year: num(0)?,
                month: num(1)? as u8,
                day: num(2)? as u8,
            })),
            _ => None,
        }
    }
}

/// How often a mandate recurs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Recurrence {
    OneTime,
    Annual,
    Biennial,
    Triennial,
    Quadrennial,
}

impl Recurrence {
    pub const ALL: [Recurrence; 5] = [
        Recurrence::OneTime,
        Recurrence::Annual,
        Recurrence::Biennial,
        Recurrence::Triennial,
        Recurrence::Quadrennial,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Recurrence::OneTime => "one-time",
            Recurrence::Annual => "annual",
            Recurrence::Biennial => "biennial",
            Recurrence::Triennial => "triennial",
            Recurrence::Quadrennial => "quadrennial",
        }
    }

    pub fn from_name(name: &str) -> Option<Recurrence> {
        Recurrence::ALL.into_iter().find(|k| k.as_str() == name)
    }
}
