//! Mandates marked inline, the text unchanged: the actor a paragraph addresses as an
//! `organization` or `role` referring to a TLC, a due date printed in full as a `date`.

use crate::mandate::{printed_in, PrintedAs};
use crate::model::{AddresseeKind, Document, Inline};
use crate::vocab;

/// An element to wrap around a stretch of a division's text.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Mark {
    /// Byte range in the division's plain text (as [`crate::markup::plain_text`] gives it).
    pub start: usize,
    pub end: usize,
    pub element: &'static str,
    pub attrs: Vec<(&'static str, String)>,
}

/// A TLC the marks refer to: element, eId, href, showAs.
pub(super) type TlcFields = (&'static str, String, String, String);

/// A TLC as the marks share it: every mark of the same actor refers to one.
pub(super) type Tlc = std::rc::Rc<TlcFields>;

/// The marks of a document's divisions and the TLCs they refer to, read before the document
/// is written (the TLCs come first, in its metadata).
#[derive(Debug, Default)]
pub(super) struct Marks {
    /// By division, the division known by where its runs lie: the document is borrowed for
    /// the whole of its writing, so each division's runs stay where they are, and the writer
    /// finds a division's marks without naming it again.
    by_runs: rustc_hash::FxHashMap<usize, Vec<Mark>>,
    pub tlcs: Vec<Tlc>,
}

impl Marks {
    pub(super) fn of(doc: &Document) -> Marks {
        let mut tlcs: Vec<Tlc> = Vec::new();
        let mut by_runs = rustc_hash::FxHashMap::default();
        printed_in(doc, |runs, text, printed| {
            let mut out = Vec::with_capacity(printed.len());
            for p in printed {
                let (element, attrs) = match p.what {
                    PrintedAs::Actor(kind) => {
                        let Some(t) = known_tlc(&text[p.start..p.end], kind) else {
                            continue;
                        };
                        let element = if t.0 == "TLCRole" {
                            "role"
                        } else {
                            "organization"
                        };
                        let attrs = vec![("refersTo", format!("#{}", t.1))];
                        if !tlcs.iter().any(|had| had.1 == t.1) {
                            tlcs.push(t);
                        }
                        (element, attrs)
                    }
                    PrintedAs::Date(d) => ("date", vec![("date", d.to_string())]),
                };
                out.push(Mark {
                    start: p.start,
                    end: p.end,
                    element,
                    attrs,
                });
            }
            by_runs.insert(runs.as_ptr() as usize, out);
        });
        Marks { by_runs, tlcs }
    }

    /// The marks to make in the text of the division whose runs these are (taken: a division
    /// is written once).
    pub(super) fn take(&mut self, runs: &[Inline]) -> Vec<Mark> {
        if self.by_runs.is_empty() || runs.is_empty() {
            return Vec::new();
        }
        self.by_runs
            .remove(&(runs.as_ptr() as usize))
            .unwrap_or_default()
    }
}

/// [`tlc`], remembered per thread: the same few hundred phrases name the actors of every
/// resolution.
fn known_tlc(phrase: &str, kind: AddresseeKind) -> Option<Tlc> {
    const REMEMBERED: usize = 4096;
    type Known = rustc_hash::FxHashMap<String, Vec<(AddresseeKind, Option<Tlc>)>>;
    thread_local! {
        static KNOWN: std::cell::RefCell<Known> = std::cell::RefCell::default();
    }
    KNOWN.with_borrow_mut(|known| {
        if let Some((_, tlc)) = known
            .get(phrase)
            .and_then(|k| k.iter().find(|k| k.0 == kind))
        {
            return tlc.clone();
        }
        let found = tlc(phrase, kind).map(Tlc::new);
        if known.len() >= REMEMBERED {
            known.clear();
        }
        let kinds = known.entry(phrase.to_string()).or_default();
        kinds.push((kind, found.clone()));
        found
    })
}

/// The TLC of an actor: a role for the Secretary-General and the President of the Assembly, a
/// State by its ISO code and EU authority IRI, any other actor an organization by its name.
fn tlc(phrase: &str, kind: AddresseeKind) -> Option<TlcFields> {
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
fn organization(name: &str, under: &str) -> Option<TlcFields> {
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
