//! Who a mandate is addressed to: the phrase between the verb and its infinitive, split into
//! the actors it names, each of one [`AddresseeKind`].

use crate::model::AddresseeKind;
use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// The actors a phrase names, in order: `all Member States, the United Nations system and civil
/// society, including non-governmental organizations` gives three. Parentheticals (`, within
/// existing resources,`, `, in cooperation with ...,`) and what names no actor are left out.
///
/// The phrase must name an actor first: `encourages, in accordance with national laws, the
/// promotion of ... community energy plans to ...` names none, whatever comes later.
pub fn actors(phrase: &str) -> Vec<(&str, AddresseeKind)> {
    // The same phrases address most clauses (`the Secretary-General`, `Member States`): what
    // they name is remembered per thread, up to a bound, as where each actor lies in them.
    const REMEMBERED: usize = 4096;
    type Found = Vec<(usize, usize, AddresseeKind)>;
    thread_local! {
        static KNOWN: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, Found>> =
            std::cell::RefCell::default();
    }
    if phrase.len() > 160 {
        return read_actors(phrase);
    }
    let found = KNOWN.with_borrow_mut(|known| {
        if let Some(found) = known.get(phrase) {
            return found.clone();
        }
        let found: Found = read_actors(phrase)
            .into_iter()
            .map(|(actor, kind)| {
                let at = actor.as_ptr() as usize - phrase.as_ptr() as usize;
                (at, at + actor.len(), kind)
            })
            .collect();
        if known.len() >= REMEMBERED {
            known.clear();
        }
        known.insert(phrase.into(), found.clone());
        found
    });
    found
        .into_iter()
        .map(|(start, end, kind)| (&phrase[start..end], kind))
        .collect()
}

/// [`actors`], read anew.
fn read_actors(phrase: &str) -> Vec<(&str, AddresseeKind)> {
    let mut out = Vec::new();
    let mut first = true;
    // Where a list of adjectives that belongs to the next segment starts in `phrase`.
    let mut carried: Option<usize> = None;
    let mut from = 0;
    for raw in phrase.split([',', ';']) {
        let raw_end = from + raw.len();
        from = raw_end + 1;
        // `bilateral, regional and multilateral development partners`: a list of adjectives
        // belongs to the noun of the next segment, and is read with it.
        let segment = match carried.take() {
            Some(start) => phrase[start..raw_end].trim(),
            None => raw.trim(),
        };
        if is_adjectives(segment) {
            carried = Some(segment.as_ptr() as usize - phrase.as_ptr() as usize);
            continue;
        }
        let segment = strip_word(segment, "and").unwrap_or(segment).trim();
        let segment = segment
            .strip_prefix("as well as ")
            .unwrap_or(segment)
            .trim();
        // `..., including non-governmental organizations, academia and individuals`: what
        // follows `including` details the actors named before it, to the list's end.
        if ELABORATIONS.iter().any(|e| segment.starts_with(e)) && !out.is_empty() {
            break;
        }
        if segment.is_empty() || starts_parenthetical(segment) {
            continue;
        }
        let before = out.len();
        for conjunct in conjuncts(segment) {
            if let Some(kind) = kind_of(conjunct) {
                out.push((conjunct, kind));
            }
        }
        if first && out.len() == before {
            return Vec::new();
        }
        first = false;
    }
    out
}

/// Words that open the detail of actors just named.
const ELABORATIONS: &[&str] = &[
    "including",
    "inter alia",
    "such as",
    "notably",
    "especially",
];

/// Words that open a parenthetical rather than name an actor.
const PARENTHETICAL: &[&str] = &[
    "in",
    "within",
    "with",
    "as",
    "taking",
    "bearing",
    "through",
    "upon",
    "at",
    "on",
    "supported",
    "consistent",
    "including",
    "particularly",
    "especially",
    "inter",
    "such",
    "where",
    "when",
    "if",
    "according",
    "subject",
    "together",
    "acting",
    "both",
    "based",
    "under",
    "without",
    "while",
    "from",
    "for",
    "by",
    "notably",
    "jointly",
    "individually",
    "collectively",
    "led",
    "to",
    "via",
    "building",
    "mindful",
    "guided",
    "respecting",
    "drawing",
    "making",
    "using",
    "also",
    "further",
    "inter alia",
    "once",
    "again",
    "therefore",
    "thus",
    "accordingly",
    "where appropriate",
    "pursuant",
    "following",
    "after",
    "before",
    "during",
    "among",
    "across",
    "working",
    "prior",
    "not",
    "starting",
    "beginning",
    "commencing",
    "effective",
    "nor",
];

fn is_adjectives(segment: &str) -> bool {
    let adjective = |w: &str| {
        w.chars().all(|c| c.is_lowercase() || c == '-')
            && ["al", "ic", "ive", "ous", "ary", "ed"]
                .iter()
                .any(|end| w.ends_with(end))
    };
    let mut words = segment.split_whitespace();
    let (Some(first), second) = (words.next(), words.next()) else {
        return false;
    };
    words.next().is_none()
        && adjective(first)
        && second.is_none_or(adjective)
        && !PARENTHETICAL.contains(&first)
        && kind_of(segment).is_none()
}

fn starts_parenthetical(segment: &str) -> bool {
    let first = first_word(segment);
    PARENTHETICAL.iter().any(|p| p.eq_ignore_ascii_case(first))
}

fn first_word(s: &str) -> &str {
    s.split_whitespace().next().unwrap_or("")
}

fn strip_word<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    let rest = s.strip_prefix(word)?;
    (rest.is_empty() || rest.starts_with(' ')).then_some(rest)
}

/// `Governments and international organizations` is two; `the Economic and Social Council`
/// and `Trinidad and Tobago` are one: a conjunction followed by a capitalised word joins a name.
fn conjuncts(segment: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut search = 0;
    while let Some((at, len)) = next_conjunction(&segment[search..]) {
        let at = search + at;
        let after = &segment[at + len..];
        let next = first_word(after);
        // Regions named in pairs: `Asia and the Pacific`, `Latin America and the Caribbean`.
        let region = [
            "the Pacific",
            "the Caribbean",
            "the Near East",
            "the Middle East",
        ]
        .iter()
        .any(|r| after.starts_with(r));
        // `the United Nations system and Member States`: States after the conjunction are
        // actors of their own, not the end of a name.
        let states_follow = after.starts_with("Member States")
            || matches!(next.trim_end_matches([',', ';']), "States" | "Governments");
        let joins_name = region
            || next.chars().next().is_some_and(char::is_uppercase)
                && !matches!(next, "The" | "All" | "Other")
                && !states_follow;
        if !joins_name && !next.is_empty() {
            out.push(segment[start..at].trim());
            start = at + len;
        }
        search = at + len;
    }
    out.push(segment[start..].trim());
    out.retain(|c| !c.is_empty());
    out
}

fn next_conjunction(s: &str) -> Option<(usize, usize)> {
    static AUTOMATON: OnceLock<AhoCorasick> = OnceLock::new();
    let ac = AUTOMATON.get_or_init(|| {
        AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build([" and ", " or ", " as well as ", " and/or "])
            .expect("a small literal list")
    });
    ac.find(s).map(|m| (m.start(), m.len()))
}

/// The phrase before what qualifies it: `the Department` of `the Department of Economic and
/// Social Affairs`, `Parties` of `Parties that have not yet done so`.
fn head(phrase: &str) -> &str {
    const CUTS: &[&str] = &[
        " of ",
        " to ",
        " that ",
        " which ",
        " who ",
        " in ",
        " with ",
        " from ",
        " for ",
        " on ",
        " at ",
        " whose ",
        " under ",
        " within ",
        " when ",
        " whenever ",
        " where ",
        " if ",
        " upon ",
        " as ",
    ];
    static AUTOMATON: OnceLock<AhoCorasick> = OnceLock::new();
    let ac = AUTOMATON.get_or_init(|| AhoCorasick::new(CUTS).expect("a small literal list"));
    let end = ac.find(phrase).map_or(phrase.len(), |m| m.start());
    &phrase[..end]
}

fn has_word(s: &str, words: &[&str]) -> bool {
    s.split(|c: char| c.is_whitespace() || c == ',')
        .any(|w| words.contains(&w))
}

/// Whether an actor is named by a pronoun (`invites him to`, `requests the latter to`): its kind
/// is its antecedent's ([`antecedent_kind`]), and it is no name to mark.
pub fn is_pronoun(phrase: &str) -> bool {
    ["him", "her", "them", "it", "the latter", "the former"]
        .iter()
        .any(|p| p.eq_ignore_ascii_case(phrase.trim()))
}

/// Whether a pronoun names the actor nearest before it (`the latter`, `the former` of two just
/// named), rather than the one acting in what was told.
pub fn names_the_nearest(pronoun: &str) -> bool {
    ["the latter", "the former"]
        .iter()
        .any(|p| p.eq_ignore_ascii_case(pronoun.trim()))
}

/// The kind of the actor a pronoun points back to: the nearest phrase before it, in the same
/// paragraph, that names one as acting (after `by`, `to`, `the efforts of`), else the nearest
/// that names one (`Welcomes the work of the Special Rapporteur ..., and invites him`;
/// `Commends countries that have hosted ..., and encourages them`; `in consultation with the
/// Secretary-General, and requests the latter`). A phrase starts at a determiner, a name or a
/// noun that names actors by itself, and runs to the next comma or `and`.
pub fn antecedent_kind(before: &str, pronoun: &str) -> Option<AddresseeKind> {
    // `him` and `her` point back to one person: `the Special Rapporteur`, not `Governments`.
    let person = ["him", "her"]
        .iter()
        .any(|p| p.eq_ignore_ascii_case(pronoun.trim()));
    let latter = names_the_nearest(pronoun);
    let mut nearest = None;
    let base = before.as_ptr() as usize;
    let words: Vec<(usize, &str)> = before
        .split_ascii_whitespace()
        .map(|w| (w.as_ptr() as usize - base, w))
        .collect();
    let capitalised = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    let first = words.len().saturating_sub(40);
    for k in (first..words.len()).rev() {
        let (at, word) = words[k];
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        // The paragraph's own verb (`Welcomes`, `Commends`) starts no phrase.
        let opens = matches!(bare, "the" | "The" | "all" | "those")
            || (k > 0
                && capitalised(bare)
                && !capitalised(words[k - 1].1)
                && words[k - 1].1 != "the")
            || has_word(
                bare,
                &[
                    "countries",
                    "States",
                    "Governments",
                    "donors",
                    "stakeholders",
                ],
            );
        if !opens || bare != word.trim_end_matches([',', ';', ':']) {
            continue;
        }
        let rest = &before[at..];
        let end = [rest.find([',', ';']), rest.find(" and ")]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(rest.len());
        let phrase = rest[..end].trim();
        if phrase.is_empty() || is_pronoun(phrase) {
            continue;
        }
        let plural = head(phrase)
            .split_whitespace()
            .next_back()
            .is_some_and(|w| w.ends_with('s'));
        if person && plural {
            continue;
        }
        let Some(kind) = kind_of(phrase) else {
            continue;
        };
        // The one who acts in what the paragraph tells (`the efforts of those countries
        // outside the region that ... host Syrian refugees, encourages them`; `contributions
        // made by Member States ... to strengthen the Regional Centre, and encourages them`)
        // goes before a phrase merely nearer; `the latter` is the nearest.
        let before_word = |back: usize| k.checked_sub(back).map_or("", |i| words[i].1);
        let agent = matches!(before_word(1), "by" | "to")
            || (before_word(1) == "of" && AGENT_NOUNS.contains(&before_word(2)));
        if agent || latter {
            return Some(kind);
        }
        nearest.get_or_insert(kind);
    }
    nearest
}

/// Nouns whose `of` names who acts: `the efforts of`, `the role of`, `the work of`.
const AGENT_NOUNS: &[&str] = &[
    "efforts",
    "role",
    "work",
    "contribution",
    "contributions",
    "readiness",
    "commitment",
    "initiative",
    "initiatives",
    "leadership",
    "activities",
    "engagement",
    "support",
];

/// Whether the phrase's first words name an actor, not only a phrase inside it: `multilateral
/// development banks` does, `the urgent commencement of negotiations in the Conference on
/// Disarmament` does not.
pub fn heads_an_actor(phrase: &str) -> bool {
    head_kind(phrase).is_some()
}

/// The kind of actor the phrase's first words name ([`heads_an_actor`]).
pub fn head_kind(phrase: &str) -> Option<AddresseeKind> {
    let first = phrase.split([',', ';']).next().unwrap_or("");
    let first = conjuncts(first.trim()).into_iter().next().unwrap_or("");
    kind_of(head(first))
}

/// The kind of actor a conjunct names, or `None` when it names none (`further international
/// cooperation`, `the Pacific`).
pub fn kind_of(conjunct: &str) -> Option<AddresseeKind> {
    // The same few hundred phrases name the actors of every resolution (`the Secretary-General`,
    // `Member States`): their kinds are remembered per thread, up to a bound.
    const REMEMBERED: usize = 4096;
    thread_local! {
        static KNOWN: std::cell::RefCell<rustc_hash::FxHashMap<String, Option<AddresseeKind>>> =
            std::cell::RefCell::default();
    }
    if conjunct.len() > 120 {
        return read_kind(conjunct);
    }
    KNOWN.with_borrow_mut(|known| {
        if let Some(kind) = known.get(conjunct) {
            return *kind;
        }
        let kind = read_kind(conjunct);
        if known.len() >= REMEMBERED {
            known.clear();
        }
        known.insert(conjunct.to_string(), kind);
        kind
    })
}

fn read_kind(conjunct: &str) -> Option<AddresseeKind> {
    // ASCII case only, so that the head's lower case is a prefix of the whole's.
    let lower = conjunct.to_ascii_lowercase();
    let head = head(conjunct);
    let head_lower = &lower[..head.len()];
    if lower.contains("president of the general assembly")
        || lower.contains("president of the assembly")
    {
        return Some(AddresseeKind::PresidentOfTheGeneralAssembly);
    }
    if head_lower.ends_with("secretary-general")
        && !["representative", "envoy", "deputy", "office"]
            .iter()
            .any(|w| head_lower.contains(w))
    {
        return Some(AddresseeKind::SecretaryGeneral);
    }
    if is_assembly(head_lower) {
        return Some(AddresseeKind::GeneralAssembly);
    }
    if names_states(head) {
        return Some(AddresseeKind::MemberStates);
    }
    if FINANCIAL.iter().any(|f| lower.contains(f)) {
        return Some(AddresseeKind::Other);
    }
    if names_united_nations_entity(conjunct, &lower, head) {
        return Some(AddresseeKind::UnitedNationsEntity);
    }
    if names_other_actor(head) {
        return Some(AddresseeKind::Other);
    }
    None
}

fn is_assembly(head_lower: &str) -> bool {
    let committee = [
        "first committee",
        "second committee",
        "third committee",
        "fourth committee",
        "fifth committee",
        "sixth committee",
        "main committees",
        "main committee",
        "general committee",
    ];
    committee.iter().any(|c| head_lower.ends_with(c))
        || head_lower.ends_with("the assembly")
        || head_lower.ends_with("general assembly")
}

/// States, Governments, countries, treaty parties, powers, or a State by name.
fn names_states(head: &str) -> bool {
    const WORDS: &[&str] = &[
        "States",
        "State",
        "Governments",
        "Government",
        "governments",
        "countries",
        "Parties",
        "Power",
        "Powers",
        "Members",
    ];
    if has_word(head, WORDS) {
        return true;
    }
    let name = head.trim().trim_start_matches("the ").trim();
    crate::vocab::states::named(name).is_some()
}

/// Institutions of finance, outside the United Nations whatever their ties.
const FINANCIAL: &[&str] = &[
    "international monetary fund",
    "world bank",
    "financial institutions",
    "development banks",
    "funding institutions",
];

/// Acronyms of United Nations entities as resolutions print them.
const ACRONYMS: &[&str] = &[
    "UNCTAD",
    "UNESCO",
    "ILO",
    "FAO",
    "IFAD",
    "WHO",
    "UNICEF",
    "UNDP",
    "UNEP",
    "UNHCR",
    "UNRWA",
    "UNODC",
    "OHCHR",
    "UNFPA",
    "WFP",
    "UNIDO",
    "ITU",
    "WMO",
    "ICAO",
    "IMO",
    "UPU",
    "WIPO",
    "UNWTO",
    "UNITAR",
    "UNU",
    "UNFCCC",
    "ECA",
    "ECE",
    "ECLAC",
    "ESCAP",
    "ESCWA",
    "DESA",
    "OHRLLS",
    "UNOPS",
    "UNAIDS",
    "UN-Women",
    "UN-Habitat",
    "UN-Energy",
    "UN-Water",
    "UN-Oceans",
];

fn names_united_nations_entity(conjunct: &str, lower: &str, head: &str) -> bool {
    const PHRASES: &[&str] = &[
        "united nations",
        "secretariat",
        "specialized agencies",
        "funds and programmes",
        "special rapporteur",
        "high commissioner",
        "special committee",
        "conference on disarmament",
        "court of justice",
        "law commission",
        "special political missions",
        "task force",
        "advisory board",
        "peacekeeping operations",
        "regional commissions",
        "special procedures",
        "treaty bodies",
        "permanent forum",
        "independent expert",
        "human rights mechanisms",
        "working group",
        "expert mechanism",
    ];
    const HEADS: &[&str] = &[
        "Commission",
        "Council",
        "Office",
        "Department",
        "Rapporteur",
        "Representative",
        "Envoy",
        "Unit",
        "Branch",
        "Board",
        "Committee",
        "Tribunal",
        "Court",
        "Congress",
        "Programme",
        "Mechanism",
        "Entity",
        "Section",
        "Division",
        "Secretariat",
        "Coordinator",
        "Ombudsman",
        "Group",
        "Commissioner",
    ];
    // The head noun of a name may follow its `of` (`the Rule of Law Unit`).
    let last = conjunct.split_whitespace().next_back().unwrap_or("");
    static PHRASES_AUTOMATON: OnceLock<AhoCorasick> = OnceLock::new();
    let phrases =
        PHRASES_AUTOMATON.get_or_init(|| AhoCorasick::new(PHRASES).expect("a small literal list"));
    phrases.is_match(lower)
        || has_word(head, HEADS)
        || HEADS.contains(&last)
        || has_word(conjunct, ACRONYMS)
        || ACRONYMS
            .iter()
            .any(|a| a.contains('-') && conjunct.contains(a))
}

/// Anyone else a resolution asks: named by its kind (`the private sector`, `relevant
/// stakeholders`), by its name (a capitalised phrase), or by a pronoun.
fn names_other_actor(head: &str) -> bool {
    const WORDS: &[&str] = &[
        "stakeholders",
        "society",
        "industry",
        "sector",
        "community",
        "communities",
        "organizations",
        "organization",
        "institutions",
        "institution",
        "banks",
        "donors",
        "partners",
        "actors",
        "enterprises",
        "businesses",
        "business",
        "academia",
        "participants",
        "parties",
        "corporations",
        "companies",
        "media",
        "presidencies",
        "shareholders",
        "agencies",
        "experts",
        "scientists",
        "networks",
        "foundations",
        "individuals",
        "leaders",
        "entities",
        "bodies",
        "creditors",
        "providers",
        "platforms",
        "intermediaries",
        "regulators",
        "supervisors",
        "promoters",
        "investors",
        "lenders",
        "borrowers",
        "debtors",
        "issuers",
        "operators",
        "employers",
        "producers",
        "manufacturers",
        "suppliers",
        "practitioners",
        "professionals",
        "journalists",
        "researchers",
        "him",
        "her",
        "them",
        "it",
    ];
    // `calls upon all, in particular ...`: everyone.
    if has_word(head, WORDS) || head.trim() == "all" {
        return true;
    }
    // A name: capitalised words after any determiner (`the Agency`, `the Centre`).
    head.split_whitespace()
        .skip_while(|w| matches!(*w, "the" | "all" | "its" | "their" | "other" | "relevant"))
        .any(|w| w.chars().next().is_some_and(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;
    use AddresseeKind::*;

    fn kinds(phrase: &str) -> Vec<AddresseeKind> {
        actors(phrase).into_iter().map(|(_, k)| k).collect()
    }

    /// A phrase read before is answered from memory, with stretches of the phrase now given.
    #[test]
    fn a_remembered_phrase_gives_stretches_of_itself() {
        let first = String::from("Member States and the Secretary-General");
        let again = first.clone();
        let read = actors(&first);
        let remembered = actors(&again);
        assert_eq!(read, remembered);
        assert_eq!(remembered.len(), 2);
        for (actor, _) in remembered {
            let at = actor.as_ptr() as usize - again.as_ptr() as usize;
            assert!(at + actor.len() <= again.len());
        }
    }

    #[test]
    fn lists_of_actors_split_by_kind_and_names_kept_whole() {
        assert_eq!(
            kinds("all Member States, the United Nations system and civil society, including non-governmental organizations"),
            [MemberStates, UnitedNationsEntity, Other]
        );
        assert_eq!(
            kinds("the Economic and Social Commission for Asia and the Pacific and the Economic Commission for Africa"),
            [UnitedNationsEntity, UnitedNationsEntity]
        );
        assert_eq!(
            kinds("the Secretary-General, in cooperation with Member States"),
            [SecretaryGeneral]
        );
        assert_eq!(
            kinds("the President of the General Assembly"),
            [PresidentOfTheGeneralAssembly]
        );
        assert_eq!(kinds("the Sixth Committee"), [GeneralAssembly]);
        assert_eq!(
            kinds("Israel, the occupying Power"),
            [MemberStates, MemberStates]
        );
        assert_eq!(kinds("multilateral development banks"), [Other]);
        assert_eq!(kinds("Parties that have not yet done so"), [MemberStates]);
        assert!(kinds("further international cooperation").is_empty());
        // States after `and` are actors of their own, not the end of a name.
        assert_eq!(
            kinds("the United Nations system and Member States"),
            [UnitedNationsEntity, MemberStates]
        );
        assert_eq!(kinds("financial regulators"), [Other]);
        assert_eq!(kinds("promoters of such assets"), [Other]);
        assert_eq!(kinds("all"), [Other]);
        assert_eq!(
            kinds("relevant human rights mechanisms and procedures"),
            [UnitedNationsEntity]
        );
        assert!(
            kinds("sustainable and innovative financing opportunities and mechanisms").is_empty()
        );
    }
}
