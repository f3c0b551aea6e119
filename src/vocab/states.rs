//! The States that vote in UN organs, found by the names documents give them: a recorded
//! vote lists each State by name, spelt as its file spells it (`TÜRKİYE` or `TURKEY`,
//! `NETHERLANDS` or `NETHERLANDS (KINGDOM OF THE)`); the graph names each by one IRI, the EU
//! Publications Office's country authority (as ELI names languages by its language authority).

use super::{term, EU_COUNTRY};
use oxigraph::model::NamedNode;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A State: its ISO 3166-1 alpha-3 code and its name as the UN lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct State {
    pub code: &'static str,
    pub name: &'static str,
}

impl State {
    /// The State's IRI in the EU country authority (`…/country/FRA`).
    pub fn iri(self) -> NamedNode {
        term(EU_COUNTRY, self.code)
    }
}

const TABLE: &str = include_str!("states.tsv");

/// Every State of the table, in its order.
pub fn all() -> &'static [State] {
    &index().0
}

/// The State a name designates, whatever its case, accents or spacing.
pub fn named(name: &str) -> Option<State> {
    index().1.get(&comparable(name)).map(|&i| index().0[i])
}

fn index() -> &'static (Vec<State>, HashMap<String, usize>) {
    static INDEX: OnceLock<(Vec<State>, HashMap<String, usize>)> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut states = Vec::new();
        let mut names = HashMap::new();
        for line in TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let mut fields = line.split('\t');
            let (Some(code), Some(name)) = (fields.next(), fields.next()) else {
                continue;
            };
            let i = states.len();
            states.push(State { code, name });
            for spelling in std::iter::once(name).chain(fields) {
                names.insert(comparable(spelling), i);
            }
        }
        (states, names)
    })
}

/// A name as names are compared: upper case, Latin letters without their accents, one space
/// between words, one kind of apostrophe.
fn comparable(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '\u{2019}' | '\u{2018}' | '`' => out.push('\''),
                c => out.extend(without_accent(c).to_uppercase()),
            }
        }
    }
    out
}

/// The letter without its accent, for the accented Latin letters State names use.
fn without_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'İ' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_meet_in_one_state() {
        assert_eq!(all().len(), 195);
        for (name, code) in [
            ("TÜRKİYE", "TUR"),
            ("Turkey", "TUR"),
            ("NETHERLANDS", "NLD"),
            ("NETHERLANDS (KINGDOM OF THE)", "NLD"),
            ("Côte d’Ivoire", "CIV"),
            ("COTE D'IVOIRE", "CIV"),
            ("UNITED  KINGDOM", "GBR"),
            ("Lao People's Democratic Republic", "LAO"),
        ] {
            assert_eq!(named(name).map(|s| s.code), Some(code), "{name}");
        }
        assert_eq!(named("ATLANTIS"), None);
        assert_eq!(
            named("France").unwrap().iri().as_str(),
            "http://publications.europa.eu/resource/authority/country/FRA"
        );
        // No two States share a code.
        let mut codes: Vec<&str> = all().iter().map(|s| s.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), all().len());
    }
}
