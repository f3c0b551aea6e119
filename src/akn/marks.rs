//! Mandates marked inline, the text unchanged: the actor a paragraph addresses as an
//! `organization` or `role` referring to a TLC, a due date printed in full as a `date`.

use crate::mandate::addressees;
use crate::markup::plain_text;
use crate::model::{AddresseeKind, Document, Inline, When};
use crate::vocab;
use std::collections::{BTreeMap, HashMap};

/// An element to wrap around a stretch of a division's text.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Mark {
    /// Byte range in the division's plain text (as [`plain_text`] gives it).
    pub start: usize,
    pub end: usize,
    pub element: &'static str,
    pub attrs: Vec<(&'static str, String)>,
}

/// What to look for in a division: a phrase printed after its verb.
#[derive(Debug, Clone)]
struct Wanted {
    verb: String,
    phrase: String,
    element: &'static str,
    attrs: Vec<(&'static str, String)>,
}

/// A TLC the marks refer to: element, eId, href, showAs.
pub(super) type Tlc = (&'static str, String, String, String);

/// The marks of every act of a document (the whole, or each part), by eId, and their TLCs.
#[derive(Debug, Default)]
pub(super) struct Marks {
    /// By act, then by eId in order (a division's sub-items follow it).
    wanted: HashMap<String, BTreeMap<String, Vec<Wanted>>>,
    pub tlcs: Vec<Tlc>,
}

impl Marks {
    pub(super) fn of(doc: &Document) -> Marks {
        let mut marks = Marks::default();
        for (symbol, m) in addressees(doc) {
            let mut wanted = Vec::new();
            if !m.addressee.is_empty() {
                if let Some((element, id, href, shown)) = tlc(&m.addressee, m.addressee_kind) {
                    wanted.push(Wanted {
                        verb: m.verb.clone(),
                        phrase: m.addressee.clone(),
                        element: if element == "TLCRole" {
                            "role"
                        } else {
                            "organization"
                        },
                        attrs: vec![("refersTo", format!("#{id}"))],
                    });
                    if !marks.tlcs.iter().any(|t| t.1 == id) {
                        marks.tlcs.push((element, id, href, shown));
                    }
                }
            }
            for when in [m.due, m.until].into_iter().flatten() {
                if let When::Date(d) = when {
                    let month = crate::model::Date::MONTH_NAMES[usize::from(d.month) - 1];
                    wanted.push(Wanted {
                        verb: m.verb.clone(),
                        phrase: format!("{} {month} {}", d.day, d.year),
                        element: "date",
                        attrs: vec![("date", d.to_string())],
                    });
                }
            }
            let by_eid = marks.wanted.entry(symbol).or_default();
            by_eid.entry(m.eid.clone()).or_default().extend(wanted);
        }
        marks
    }

    /// The marks to make in the text of the division `eid` of the act `symbol`: those of its
    /// own mandates, and of its sub-items' when their actor is named here (`Calls upon States:`).
    pub(super) fn in_division(&self, symbol: &str, eid: &str, runs: &[Inline]) -> Vec<Mark> {
        let Some(by_eid) = self.wanted.get(symbol) else {
            return Vec::new();
        };
        let child = format!("{eid}__list_1__point_");
        // The division's own eId and its sub-items' sort together, from the eId on.
        let wanted: Vec<&Wanted> = by_eid
            .range::<str, _>((std::ops::Bound::Included(eid), std::ops::Bound::Unbounded))
            .take_while(|(k, _)| k.starts_with(eid))
            .filter(|(k, _)| {
                *k == eid || (k.starts_with(&child) && !k[child.len()..].contains("__"))
            })
            .flat_map(|(_, w)| w)
            .collect();
        if wanted.is_empty() {
            return Vec::new();
        }
        let text = plain_text(runs);
        let mut out: Vec<Mark> = Vec::new();
        for w in wanted {
            // After the verb: a division without it (a sub-item whose task the chapeau gave)
            // names the actor, if at all, as something else.
            let Some(from) = text.find(&w.verb).map(|at| at + w.verb.len()) else {
                continue;
            };
            let Some(at) = text[from..].find(&w.phrase) else {
                continue;
            };
            let (start, end) = (from + at, from + at + w.phrase.len());
            let overlaps = out.iter().any(|m| start < m.end && m.start < end);
            if !overlaps {
                out.push(Mark {
                    start,
                    end,
                    element: w.element,
                    attrs: w.attrs.clone(),
                });
            }
        }
        out.sort_by_key(|m| m.start);
        out
    }
}

/// The TLC of an actor: a role for the Secretary-General and the President of the Assembly, a
/// State by its ISO code and EU authority IRI, any other actor an organization by its name.
fn tlc(phrase: &str, kind: AddresseeKind) -> Option<Tlc> {
    let name = phrase.trim_start_matches("the ").trim();
    match kind {
        AddresseeKind::SecretaryGeneral => Some((
            "TLCRole",
            "secretaryGeneral".into(),
            "/akn/ontology/role/un/secretary-general".into(),
            "Secretary-General".into(),
        )),
        AddresseeKind::PresidentOfTheGeneralAssembly => Some((
            "TLCRole",
            "presidentOfTheGeneralAssembly".into(),
            "/akn/ontology/role/un/president-of-the-general-assembly".into(),
            "President of the General Assembly".into(),
        )),
        AddresseeKind::MemberStates => match vocab::states::named(name) {
            Some(state) => Some((
                "TLCOrganization",
                format!("state{}", state.code),
                state.iri().as_str().to_string(),
                state.name.to_string(),
            )),
            None => organization(name, "/akn/ontology/organization/un/"),
        },
        AddresseeKind::GeneralAssembly | AddresseeKind::UnitedNationsEntity => {
            organization(name, "/akn/ontology/organization/un/")
        }
        AddresseeKind::Other => organization(name, "/akn/ontology/organization/"),
    }
}

/// An organization named by a phrase: its eId the phrase in camel case (`memberStates`,
/// `conferenceOnDisarmament`), without determiners.
fn organization(name: &str, under: &str) -> Option<Tlc> {
    let mut id = String::new();
    for word in name.split(|c: char| !c.is_alphanumeric()) {
        let lower = word.to_lowercase();
        if word.is_empty() || matches!(lower.as_str(), "the" | "all" | "relevant" | "other") {
            continue;
        }
        let mut chars = lower.chars();
        if id.is_empty() {
            id.push_str(&lower);
        } else if let Some(first) = chars.next() {
            id.extend(first.to_uppercase());
            id.push_str(chars.as_str());
        }
    }
    let starts_alphabetic = id.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    if !starts_alphabetic || !id.is_ascii() {
        return None;
    }
    Some((
        "TLCOrganization",
        id.clone(),
        format!("{under}{id}"),
        name.to_string(),
    ))
}
