//! What a search asks for, read alike from the page's query string and the command line's
//! options: the words, the facets that narrow them, the order and the page.

use super::UnitKind;
use crate::model::Language;
use serde::Serialize;

/// The order of the groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// The best hit first.
    #[default]
    Relevance,
    /// The most recent resolution first.
    Newest,
}

/// How a document was adopted, as the facet names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voting {
    Recorded,
    WithoutVote,
}

impl Voting {
    pub const ALL: [Voting; 2] = [Voting::Recorded, Voting::WithoutVote];

    pub fn as_str(self) -> &'static str {
        match self {
            Voting::Recorded => "recorded",
            Voting::WithoutVote => "without-vote",
        }
    }

    pub fn parse(s: &str) -> Option<Voting> {
        Voting::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// The kinds of document the `type` facet tells apart.
pub const DOCUMENT_TYPES: [&str; 3] = ["resolution", "decision", "draft"];

/// What to look for. Without words, the documents the facets select are listed (browsing).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Request {
    pub words: String,
    pub language: Option<Language>,
    /// `80`, or a special session `S-32`, `ES-11`.
    pub session: Option<String>,
    /// `Third Committee`, or `Plenary`.
    pub committee: Option<String>,
    /// An agenda item's number as printed (`59`, `68 (b)`): of [`Request::session`], which it
    /// needs, since each session numbers its agenda anew.
    pub agenda: Option<String>,
    /// A subject's label as the facet lists it (`SDG 3`, `decolonization`).
    pub subject: Option<String>,
    pub vote: Option<Voting>,
    pub unit: Option<UnitKind>,
    /// One of [`DOCUMENT_TYPES`].
    pub document_type: Option<String>,
    pub sort: Sort,
    /// The groups to skip and to give: a page.
    pub offset: usize,
    pub limit: usize,
}

/// The keys of the facets, each the root of its values in the index.
pub const FACET_KEYS: [&str; 8] = [
    "lang",
    "session",
    "committee",
    "agenda",
    "subject",
    "vote",
    "unit",
    "type",
];

/// The keys a request is read from and written to, as the page's query string names them; the
/// command line's options bear the same names (`--lang` also as `--language`).
pub const KEYS: [&str; 11] = [
    "q",
    "lang",
    "session",
    "committee",
    "agenda",
    "subject",
    "vote",
    "unit",
    "type",
    "sort",
    "offset",
];

impl Request {
    /// Sets the value of a key of [`KEYS`], checked against what it may hold; an empty value
    /// leaves the request as it was. The error says what the value should be.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        let value = value.trim();
        if value.is_empty() {
            return Ok(());
        }
        let number = |what: &str| -> Result<usize, String> {
            value
                .parse()
                .map_err(|_| format!("{what}={value}: not a number"))
        };
        match key {
            "q" => self.words = value.chars().take(500).collect(),
            "lang" => {
                self.language = Some(
                    Language::from_code(value)
                        .ok_or_else(|| format!("lang={value}: en, fr, es, ru, ar or zh"))?,
                )
            }
            "session" => {
                let upper = value.to_ascii_uppercase();
                let digits = upper
                    .strip_prefix("ES-")
                    .or_else(|| upper.strip_prefix("S-"))
                    .unwrap_or(&upper);
                if digits.is_empty()
                    || digits.len() > 4
                    || !digits.bytes().all(|c| c.is_ascii_digit())
                {
                    return Err(format!("session={value}: a number (80), or S-32, ES-11"));
                }
                self.session = Some(upper);
            }
            "committee" => self.committee = Some(value.chars().take(120).collect()),
            "agenda" => self.agenda = Some(value.chars().take(40).collect()),
            "subject" => self.subject = Some(value.chars().take(200).collect()),
            "vote" => {
                self.vote = Some(
                    Voting::parse(value)
                        .ok_or_else(|| format!("vote={value}: recorded or without-vote"))?,
                )
            }
            "unit" => {
                self.unit = Some(UnitKind::parse(value).ok_or_else(|| {
                    format!(
                        "unit={value}: title, recital, paragraph, sub-item, annex-paragraph or \
                         footnote"
                    )
                })?)
            }
            "type" => {
                if !DOCUMENT_TYPES.contains(&value) {
                    return Err(format!("type={value}: resolution, decision or draft"));
                }
                self.document_type = Some(value.to_string());
            }
            "sort" => {
                self.sort = match value {
                    "relevance" => Sort::Relevance,
                    "newest" => Sort::Newest,
                    _ => return Err(format!("sort={value}: relevance or newest")),
                }
            }
            "offset" => self.offset = number("offset")?,
            _ => return Err(format!("{key}: not one of {}", KEYS.join(", "))),
        }
        Ok(())
    }

    /// Checks what no single value can: an agenda item needs its session.
    pub fn check(&self) -> Result<(), String> {
        match (&self.agenda, &self.session) {
            (Some(a), None) => Err(format!(
                "agenda={a}: give the session too (each session numbers its agenda anew)"
            )),
            _ => Ok(()),
        }
    }

    /// The keys and values that make this request again, at another offset: what its links
    /// carry.
    pub fn pairs(&self, offset: usize) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if !self.words.is_empty() {
            out.push(("q", self.words.clone()));
        }
        for key in FACET_KEYS {
            if let Some(value) = self.value_of(key) {
                out.push((key, value));
            }
        }
        if self.sort == Sort::Newest {
            out.push(("sort", "newest".to_string()));
        }
        if offset > 0 {
            out.push(("offset", offset.to_string()));
        }
        out
    }

    /// The request with one facet's value set (a facet's root is its key), as a facet's link
    /// makes it, back at the first page; `None` when the value is not one the facet takes.
    pub fn narrowed(&self, root: &str, value: &str) -> Option<Request> {
        let mut r = Request {
            offset: 0,
            ..self.clone()
        };
        r.set(root, value).ok()?;
        Some(r)
    }

    /// The request without one facet's value (a facet's root is its key), back at the first
    /// page: what a chosen value's "remove" link makes. The agenda goes with its session.
    pub fn without(&self, root: &str) -> Request {
        let mut r = Request {
            offset: 0,
            ..self.clone()
        };
        match root {
            "lang" => r.language = None,
            "session" => {
                r.session = None;
                r.agenda = None;
            }
            "committee" => r.committee = None,
            "agenda" => r.agenda = None,
            "subject" => r.subject = None,
            "vote" => r.vote = None,
            "unit" => r.unit = None,
            "type" => r.document_type = None,
            _ => {}
        }
        r
    }

    /// The value a request sets for a facet, as the facet lists it.
    pub fn value_of(&self, root: &str) -> Option<String> {
        match root {
            "lang" => self.language.map(|l| l.tag().to_string()),
            "session" => self.session.clone(),
            "committee" => self.committee.clone(),
            "agenda" => self.agenda.clone(),
            "subject" => self.subject.clone(),
            "vote" => self.vote.map(|v| v.as_str().to_string()),
            "unit" => self.unit.map(|u| u.as_str().to_string()),
            "type" => self.document_type.clone(),
            _ => None,
        }
    }

    /// True when the request lists documents rather than units: no words, no unit asked for.
    pub fn is_browsing(&self) -> bool {
        self.words.trim().is_empty() && self.unit.is_none()
    }

    /// The facet paths every result must have: one per value the request sets (an agenda
    /// item's under its session).
    pub(super) fn facet_paths(&self) -> Vec<Vec<String>> {
        FACET_KEYS
            .iter()
            .filter_map(|&key| {
                let value = self.value_of(key)?;
                Some(match key {
                    "agenda" => vec![key.to_string(), self.session.clone()?, value],
                    _ => vec![key.to_string(), value],
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(pairs: &[(&str, &str)]) -> Result<Request, String> {
        let mut r = Request::default();
        for (k, v) in pairs {
            r.set(k, v)?;
        }
        r.check()?;
        Ok(r)
    }

    #[test]
    fn a_request_is_made_again_from_its_pairs() {
        let r = read(&[
            ("q", "\"climate finance\""),
            ("lang", "fr"),
            ("session", "80"),
            ("agenda", "59"),
            ("subject", "SDG 13"),
            ("vote", "recorded"),
            ("unit", "paragraph"),
            ("sort", "newest"),
        ])
        .unwrap();
        assert_eq!(r.language, Some(Language::French));
        let pairs = r.pairs(20);
        let again = read(
            &pairs
                .iter()
                .map(|(k, v)| (*k, v.as_str()))
                .collect::<Vec<_>>(),
        )
        .unwrap();
        assert_eq!(again.offset, 20);
        assert_eq!(Request { offset: 0, ..again }, r);
    }

    #[test]
    fn values_a_facet_cannot_hold_are_refused_with_what_it_can() {
        for (key, value, says) in [
            ("lang", "xx", "en, fr"),
            ("session", "eighty", "a number (80), or S-32"),
            ("unit", "chapter", "sub-item"),
            ("vote", "yes", "recorded or without-vote"),
            ("type", "treaty", "resolution, decision or draft"),
            ("colour", "red", "not one of"),
        ] {
            let e = read(&[(key, value)]).unwrap_err();
            assert!(e.contains(says), "{key}={value}: {e}");
        }
        assert!(read(&[("agenda", "59")]).unwrap_err().contains("session"));
    }

    #[test]
    fn a_facet_set_is_read_back_and_taken_off() {
        let r = read(&[("session", "80"), ("agenda", "59"), ("vote", "recorded")]).unwrap();
        for root in ["session", "agenda", "vote"] {
            assert!(r.value_of(root).is_some(), "{root}");
            assert_eq!(r.without(root).value_of(root), None, "{root}");
        }
        // An agenda item means nothing without its session.
        assert_eq!(r.without("session").agenda, None);
        assert_eq!(r.without("vote").agenda.as_deref(), Some("59"));
    }

    #[test]
    fn browsing_is_a_request_without_words_or_unit() {
        assert!(read(&[("session", "80")]).unwrap().is_browsing());
        assert!(!read(&[("q", "climate")]).unwrap().is_browsing());
        assert!(!read(&[("unit", "recital")]).unwrap().is_browsing());
    }
}
