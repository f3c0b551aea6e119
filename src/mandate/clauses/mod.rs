//! The directive clauses of an operative paragraph: where the Assembly asks someone to act.
//!
//! A paragraph opens with its verb (`Requests the Secretary-General to ...`) and may hold more
//! after a comma or `and` (`..., and decides to include ...`, `..., and in this regard calls upon
//! States to ...`). Each clause is a verb, the actors it names and the task it gives them.

mod that;
mod words;

use super::actors::{actors, antecedent_kind, heads_an_actor, is_pronoun, names_the_nearest};
use crate::model::AddresseeKind;
use aho_corasick::{AhoCorasick, MatchKind};
use std::borrow::Cow;
use std::sync::OnceLock;
use that::{decision, that_subject, the_assembly};
use words::{
    bare, is_one_of, lower_case, without_ending, word_around, words_before, words_between,
};

/// One directive clause.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause<'a> {
    /// As printed, adverbs included: `Also requests`, `Calls once again upon`.
    pub verb: Cow<'a, str>,
    /// Each a stretch of the text (none printed when the Assembly acts: `Decides to ...`).
    pub actors: Vec<(&'a str, AddresseeKind)>,
    /// From the infinitive (or `that`) to the clause's end.
    pub task: &'a str,
    /// The clause ends in a colon: its task is in the sub-items that follow.
    pub pending: bool,
    /// The actors' phrase as printed, asides included (`, beginning from 2026,`).
    pub aside: &'a str,
    /// Where the verb starts in the text (set by [`clauses`]).
    pub at: usize,
}

impl<'a> Clause<'a> {
    /// The Assembly acting itself on `task`: `Decides to include ...`, `Approves the
    /// provisional agenda`.
    fn by_the_assembly(verb: Cow<'a, str>, task: &'a str) -> Clause<'a> {
        Clause {
            verb,
            actors: the_assembly(),
            task,
            pending: task.ends_with(':'),
            aside: "",
            at: 0,
        }
    }
}

/// How a head verb takes its actor.
#[derive(Clone, Copy, PartialEq)]
enum Takes {
    /// `Requests the Secretary-General to`: any phrase naming actors.
    Object,
    /// `calls for development banks to`: only a phrase that names actors and is followed by an
    /// infinitive (`calls for the full implementation` asks no one).
    ObjectIfActor,
    /// `Decides to include ...`, `Decides that the Commission will ...`.
    Decision,
    /// `Demands that Israel ...`, `Recommends that ...`.
    ThatClause,
    /// `Approves the provisional agenda`: the Assembly acts, when the object is an agenda or money.
    Approval,
}

/// Verbs that may open a directive clause, after the adverbs: with what follows them.
fn head_verb(words: &[&str]) -> Option<(usize, Takes)> {
    let w = |i: usize| lower_case(words.get(i).map_or("", |w| bare(w)));
    let first = w(0);
    let plain = |n: usize, takes: Takes| Some((n, takes));
    match first.as_ref() {
        // `Requests that the Secretary-General submit`, `Urges that States refrain`; not
        // `encourages that Division to provide` (`that` pointing back to a body just named).
        "requests" | "urges" | "encourages" | "urging" | "encouraging" | "requesting"
            if w(1) == "that" && !is_one_of(&w(2), BODIES) =>
        {
            plain(1, Takes::ThatClause)
        }
        "requests" | "invites" | "urges" | "encourages" | "authorizes" | "urging"
        | "encouraging" | "inviting" | "requesting" => plain(1, Takes::Object),
        "decides" => plain(1, Takes::Decision),
        "demands" | "recommends" => {
            if w(1) == "that" {
                plain(1, Takes::ThatClause)
            } else {
                plain(1, Takes::Object)
            }
        }
        "approves" => plain(1, Takes::Approval),
        // `Appropriates an additional amount of ...`: the Assembly acts, on money.
        "appropriates" => plain(1, Takes::Decision),
        "appeals" if w(1) == "to" => plain(2, Takes::Object),
        "calls" | "calling" => {
            // `calls upon`, `calls on`, `calls once again upon`, `calls, therefore, upon`.
            let mut i = 1;
            while matches!(
                w(i).as_ref(),
                "once" | "again" | "therefore" | "also" | "further"
            ) {
                i += 1;
            }
            match w(i).as_ref() {
                "upon" | "on" => plain(i + 1, Takes::Object),
                "for" => plain(i + 1, Takes::ObjectIfActor),
                _ => None,
            }
        }
        "reiterates" | "renews" => {
            // `Reiterates that States are strongly urged to refrain`: the call restated in the
            // passive, its actors the subject of the `that` clause.
            if w(1) == "that" && passive_directive(&words[2..]) {
                return plain(1, Takes::ThatClause);
            }
            // `reiterates its (strong) call upon`, `the request to`, `its invitation and
            // encouragement to`, `the call urging`.
            if !matches!(w(1).as_ref(), "its" | "the") {
                return None;
            }
            let mut i = 2;
            while matches!(w(i).as_ref(), "strong" | "urgent" | "earlier" | "previous") {
                i += 1;
            }
            let nouns = [
                "request",
                "requests",
                "call",
                "calls",
                "invitation",
                "appeal",
                "encouragement",
                "demand",
            ];
            if !nouns.contains(&w(i).as_ref()) {
                return None;
            }
            i += 1;
            if w(i) == "and" && nouns.contains(&w(i + 1).as_ref()) {
                i += 2;
            }
            match w(i).as_ref() {
                "to" | "upon" | "on" | "urging" | "addressed" => {
                    let skip = if w(i) == "addressed" { 2 } else { 1 };
                    plain(i + skip, Takes::Object)
                }
                "for" => plain(i + 1, Takes::ObjectIfActor),
                "that" => plain(i, Takes::ThatClause),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Nouns of bodies that `that` can point back to (`that Division`, `that Committee`): after
/// a head, they take the head's object, not a `that` clause.
const BODIES: &[&str] = &[
    "division",
    "committee",
    "office",
    "commission",
    "council",
    "board",
    "body",
    "organ",
    "organization",
    "entity",
    "conference",
    "group",
    "panel",
    "forum",
    "mechanism",
    "department",
    "programme",
    "fund",
    "agency",
    "institution",
    "unit",
    "section",
    "team",
    "mission",
    "process",
    "secretariat",
    "envoy",
    "rapporteur",
    "representative",
    "expert",
];

/// Whether words hold a directive in the passive: `are strongly urged`, `is requested`.
fn passive_directive(words: &[&str]) -> bool {
    let ws: Vec<&str> = words.iter().map(|w| bare(w)).collect();
    ws.iter().enumerate().any(|(k, w)| {
        if !is_one_of(w, &["is", "are"]) {
            return false;
        }
        let mut i = k + 1;
        while ws.get(i).is_some_and(|a| is_one_of(a, ADVERBS)) {
            i += 1;
        }
        ws.get(i).is_some_and(|v| {
            is_one_of(
                v,
                &["urged", "requested", "called", "encouraged", "invited"],
            )
        })
    })
}

/// Adverbs printed with the verb (`Also requests`, `Strongly encourages`).
const ADVERBS: &[&str] = &[
    "also",
    "further",
    "strongly",
    "once",
    "again",
    "furthermore",
    "urgently",
    "respectfully",
];

/// Words that may stand between a clause boundary and the verb without being part of it.
const CONNECTORS: &[&str] = &[
    "and",
    "in",
    "this",
    "that",
    "regard",
    "context",
    "connection",
    "respect",
    "to",
    "end",
    "therefore",
    "accordingly",
    "thus",
    "while",
    "hence",
    "consequently",
    "the",
    "same",
    "vein",
    "spirit",
    "light",
    "of",
    "above",
];

// Bytes, not characters: ASCII whitespace separates the words of every input (a no-break
// space joins two words into one, as it is meant to). Words are read lazily from where a head
// stands, so that the long tail of a task is never split.

/// The words that may head a directive clause (see [`head_verb`]), lower case.
const HEADS: &[&str] = &[
    "requests",
    "invites",
    "urges",
    "encourages",
    "authorizes",
    "urging",
    "encouraging",
    "inviting",
    "requesting",
    "decides",
    "demands",
    "recommends",
    "approves",
    "appropriates",
    "appeals",
    "calls",
    "calling",
    "reiterates",
    "renews",
];

/// Whether a word found by [`head_matches`] is a head whole (`requests`, not `requested`).
fn may_open_clause(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    HEADS.iter().any(|h| h.eq_ignore_ascii_case(w))
}

/// Where a head may stand in `s`: one pass of an automaton over the text, so that a paragraph
/// without one costs no more than that pass, and words are only told apart where one is found.
/// A head is printed in lower case, capitalised or in capitals: the automaton looks for what
/// follows its first letter, in lower case and in capitals (two spellings rather than three
/// keep it fast; a case-blind search has no vectorised prefilter), and gives where that letter
/// stands. (Stems shared by two forms, `equest` for `requests` and `requesting`, would halve
/// the patterns but find every `request` and `requested` too: more instructions, not fewer.)
fn head_matches(s: &str) -> impl Iterator<Item = usize> + '_ {
    static AUTOMATON: OnceLock<AhoCorasick> = OnceLock::new();
    let ac = AUTOMATON.get_or_init(|| {
        let tails = HEADS
            .iter()
            .flat_map(|h| [h[1..].to_string(), h[1..].to_ascii_uppercase()]);
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(tails)
            .expect("a small literal list")
    });
    ac.find_iter(s)
        .filter(|m| m.start() > 0)
        .map(|m| m.start() - 1)
}

/// Where a clause may start with the head at byte `head_at`: the paragraph's start, or after a
/// comma, semicolon, colon or `and`, with connectors (`in this regard`) and adverbs between.
/// Returns where the verb as printed starts (its adverbs included).
fn clause_start(s: &str, head_at: usize) -> Option<usize> {
    let mut verb_start = head_at;
    let mut before = words_before(s, head_at).peekable();
    while let Some(w) = before.peek() {
        if !is_one_of(bare(w.text), ADVERBS) || w.text.ends_with(',') {
            break;
        }
        verb_start = w.at;
        before.next();
    }
    for prev in before {
        let b = bare(prev.text);
        let listed = |list: &[&str]| is_one_of(b, list);
        // `Notes ..., and in this regard, calls upon`: the connector ends in a comma too.
        if prev.text.ends_with([',', ';', ':']) && !listed(ADVERBS) && !listed(CONNECTORS) {
            return Some(verb_start);
        }
        if is_one_of(b, &["and", "while"]) {
            return Some(verb_start);
        }
        if !listed(CONNECTORS) && !listed(ADVERBS) {
            return None;
        }
    }
    Some(verb_start)
}

/// Words after `to` that show it is not an infinitive (`Parties to the Convention`).
const NOT_VERBS: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "our",
    "all",
    "any",
    "each",
    "every",
    "this",
    "that",
    "these",
    "those",
    "which",
    "whom",
    "such",
    "other",
    "international",
    "national",
    "regional",
    "developing",
    "developed",
    "relevant",
    "member",
    "states",
    "countries",
    "date",
    "it",
    "them",
    "him",
    "one",
    "two",
    "three",
    "those",
    "be",
    "least",
    "small",
    "landlocked",
    "article",
    "paragraph",
    "resolution",
    "annex",
    "section",
    "non-governmental",
    "both",
];

/// Where the infinitive of a task starts (`to` before a verb), or a colon ends the actors.
enum ActorEnd {
    Infinitive(usize),
    Colon(usize),
}

/// Read over the words of `s[from..to]` (words as [`words_between`] splits them). Only two
/// kinds of word matter, the word `to` and a word ending in a colon, so the text is searched
/// for those two and never split into words.
fn actor_end(s: &str, from: usize, to: usize) -> Option<ActorEnd> {
    let hay = &s.as_bytes()[from..to];
    let space = |i: usize| hay.get(i).is_none_or(u8::is_ascii_whitespace);
    static TO: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    let to_finder = TO.get_or_init(|| memchr::memmem::Finder::new(b"to"));
    let mut tos = to_finder.find_iter(hay).peekable();
    let mut colons = memchr::memchr_iter(b':', hay).peekable();
    // `invites Member States to be actively involved`: `to be` is the task's infinitive when
    // no other follows (`the experts to be appointed by the Secretary-General to assist`).
    let mut to_be = None;
    loop {
        // The earlier of the next `to` and the next colon (a `to:` is both, and ends the same).
        let to_first = match (tos.peek(), colons.peek()) {
            (None, None) => return to_be.map(ActorEnd::Infinitive),
            (Some(&t), Some(&c)) => t < c,
            (t, _) => t.is_some(),
        };
        if !to_first {
            let Some(c) = colons.next() else {
                return to_be.map(ActorEnd::Infinitive);
            };
            if space(c + 1) {
                return Some(ActorEnd::Colon(from + c + 1));
            }
            continue;
        }
        let Some(t) = tos.next() else {
            return to_be.map(ActorEnd::Infinitive);
        };
        let word_start = t == 0 || hay[t - 1].is_ascii_whitespace();
        if !word_start {
            continue;
        }
        if hay.get(t + 2) == Some(&b':') && space(t + 3) {
            return Some(ActorEnd::Colon(from + t + 3));
        }
        if !space(t + 2) {
            continue;
        }
        // `States in a position to do so to contribute`: `to do so` belongs to the actors
        // when the task's own infinitive follows it at once; else it is the task (`Urges
        // those that have not yet done so to do so`, `... to do so and to develop`).
        let here = &s[from + t..to];
        if let Some(after) = here.strip_prefix("to do so") {
            let after = after.trim_start_matches(',').trim_start();
            if after.starts_with("to ") {
                continue;
            }
        }
        let next = here[2..].split_ascii_whitespace().next().unwrap_or("");
        if next == "be" {
            to_be.get_or_insert(from + t);
            continue;
        }
        let is_verb = next.chars().next().is_some_and(char::is_lowercase)
            && !is_one_of(bare(next), NOT_VERBS);
        if is_verb {
            return Some(ActorEnd::Infinitive(from + t));
        }
    }
}

/// The actors' phrase without a connective printed after it, outside commas: `the
/// Secretary-General when doing so`, `the Secretary-General in this respect`.
fn without_trailing_aside(actors: &str) -> &str {
    const ASIDES: &[&str] = &[
        " when doing so",
        " in doing so",
        " in this regard",
        " in that regard",
        " in this respect",
        " in that respect",
        " in this context",
        " to that end",
        " to this end",
    ];
    ASIDES
        .iter()
        .find_map(|aside| actors.strip_suffix(aside))
        .map_or(actors, str::trim_end)
}

/// Where a directive clause stands in a text (byte offsets).
struct Start {
    /// The verb as printed, adverbs included: `[verb, verb_end)`.
    verb: usize,
    verb_end: usize,
    /// The first word after the verb (the text's end if none).
    object: usize,
    takes: Takes,
}

/// The directive clauses of a text, in order.
pub fn clauses(s: &str) -> Vec<Clause<'_>> {
    let mut starts: Vec<Start> = Vec::new();
    for at in head_matches(s) {
        let (head, head_end) = word_around(s, at);
        // A head inside the verb of the clause before (`reiterates its request and requests
        // to`) opens none; nor does a word that only holds one (`requests,and`).
        let inside_last = starts.last().is_some_and(|last| head < last.object);
        if inside_last || !may_open_clause(&s[head..head_end]) {
            continue;
        }
        let mut window = [""; 8];
        let mut ends = [0; 8];
        let mut n = 0;
        for (k, w) in words_between(s, head, s.len()).take(8).enumerate() {
            window[k] = w.text;
            ends[k] = w.at + w.text.len();
            n = k + 1;
        }
        let Some((len, takes)) = head_verb(&window[..n]) else {
            continue;
        };
        let participle = lower_case(bare(&s[head..head_end])).ends_with("ing");
        if participle && words_before(s, head).next().is_none() {
            continue;
        }
        let Some(verb) = clause_start(s, head) else {
            continue;
        };
        let verb_end = ends[len.min(n) - 1];
        let object = words_between(s, verb_end, s.len())
            .next()
            .map_or(s.len(), |w| w.at);
        starts.push(Start {
            verb,
            verb_end,
            object,
            takes,
        });
    }
    let mut out = Vec::new();
    for (n, start) in starts.iter().enumerate() {
        let verb = Cow::Borrowed(s[start.verb..start.verb_end].trim_end_matches([',', ':', ';']));
        let end = starts.get(n + 1).map_or(s.len(), |next| next.verb);
        let next_end = starts.get(n + 2).map_or(s.len(), |next| next.verb);
        if let Some(mut clause) = read_clause(s, verb, start, end, next_end) {
            // `Invites the United Nations system ..., and urges them to`: a pronoun points
            // back to the actors of the clause before, where there is one.
            let previous = out.last().and_then(|c: &Clause| c.actors.first());
            if let ([(phrase, kind)], Some((_, before))) = (clause.actors.as_mut_slice(), previous)
            {
                if is_pronoun(phrase) && !names_the_nearest(phrase) {
                    *kind = *before;
                }
            }
            out.push(Clause {
                at: start.verb,
                ..clause
            });
        }
    }
    out
}

/// The clause at `start`, which runs to `end`; the next one runs to `next_end`.
fn read_clause<'a>(
    s: &'a str,
    verb: Cow<'a, str>,
    start: &Start,
    end: usize,
    next_end: usize,
) -> Option<Clause<'a>> {
    let (takes, object_at) = (start.takes, start.object);
    let rest = s[object_at..end].trim();
    match takes {
        Takes::Decision => decision(verb, rest),
        Takes::ThatClause => {
            let that = rest.strip_prefix("that").unwrap_or(rest).trim_start();
            let (actors, task) = that_subject(that);
            (!actors.is_empty()).then_some(Clause {
                verb,
                actors,
                task,
                pending: false,
                aside: "",
                at: 0,
            })
        }
        Takes::Approval => {
            let lower = rest.to_lowercase();
            let about_agenda_or_money = ["agenda", "appropriation", "budget", "post", "resources"]
                .iter()
                .any(|w| lower.contains(w));
            about_agenda_or_money.then(|| Clause::by_the_assembly(verb, rest))
        }
        Takes::Object | Takes::ObjectIfActor => {
            // `Urges the United Nations system, and encourages development banks, to integrate`:
            // the actors stop where the next clause starts; the infinitive may lie beyond it.
            let (actor_text, task, pending) = match actor_end(s, object_at, end) {
                Some(ActorEnd::Infinitive(at)) => (&s[object_at..at], s[at..end].trim(), false),
                Some(ActorEnd::Colon(at)) => (&s[object_at..at], s[at..end].trim(), true),
                None => match actor_end(s, end, next_end) {
                    Some(ActorEnd::Infinitive(at)) if end < s.len() => {
                        (&s[object_at..end], s[at..next_end].trim(), false)
                    }
                    _ => return None,
                },
            };
            let aside = actor_text;
            let actor_text = actor_text.trim().trim_end_matches([',', ':']);
            let actor_text = without_trailing_aside(
                without_ending(without_ending(actor_text, " to"), " and").trim(),
            );
            if takes == Takes::ObjectIfActor && !heads_an_actor(actor_text) {
                return None;
            }
            // `and invites him to`: the actor named before, by its kind.
            let antecedent = is_pronoun(actor_text)
                .then(|| antecedent_kind(&s[..start.verb], actor_text))
                .flatten();
            let actors = match antecedent {
                Some(kind) => vec![(actor_text, kind)],
                None => actors(actor_text),
            };
            if actors.is_empty() {
                return None;
            }
            Some(Clause {
                verb,
                actors,
                task,
                pending: pending || task.is_empty(),
                aside,
                at: 0,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use AddresseeKind::*;

    /// Every head, printed in lower case, capitalised or in capitals, mid-sentence or first,
    /// is found where it stands; a word that only holds one is let go.
    #[test]
    fn the_automaton_finds_every_head_in_every_spelling() {
        for head in HEADS {
            let capitalised = format!("{}{}", head[..1].to_ascii_uppercase(), &head[1..]);
            for spelled in [head.to_string(), capitalised, head.to_ascii_uppercase()] {
                for text in [format!("{spelled} x"), format!("Notes y, and {spelled} x")] {
                    let at = text.find(&spelled).unwrap();
                    let found: Vec<usize> = head_matches(&text)
                        .filter(|&i| {
                            let (start, end) = word_around(&text, i);
                            may_open_clause(&text[start..end])
                        })
                        .collect();
                    assert_eq!(found, [at], "{text}");
                }
            }
        }
        let holds_one = "Notes the callsigns";
        assert_eq!(head_matches(holds_one).count(), 1);
        assert!(head_matches(holds_one).all(|i| {
            let (start, end) = word_around(holds_one, i);
            !may_open_clause(&holds_one[start..end])
        }));
    }

    fn summary(s: &str) -> Vec<(String, Vec<AddresseeKind>)> {
        clauses(s)
            .into_iter()
            .map(|c| {
                (
                    c.verb.into_owned(),
                    c.actors.into_iter().map(|(_, k)| k).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn clauses_after_commas_and_connectors() {
        assert_eq!(
            summary("Requests the Secretary-General to submit to the General Assembly at its eighty-first session a report on the implementation of the present resolution, and decides to include in the provisional agenda of its eighty-first session the item entitled “X”."),
            [("Requests".into(), vec![SecretaryGeneral]), ("decides".into(), vec![GeneralAssembly])]
        );
        assert_eq!(
            summary("Notes with concern the decline, and in that regard calls upon countries, public and private financial institutions and other stakeholders to scale up finance;"),
            [("calls upon".into(), vec![MemberStates, Other, Other])]
        );
        assert_eq!(
            summary("Urges the United Nations system, and encourages international financial institutions, to integrate the actions;"),
            [("Urges".into(), vec![UnitedNationsEntity]), ("encourages".into(), vec![Other])]
        );
    }

    #[test]
    fn no_actor_no_mandate() {
        assert!(summary("Calls for the full implementation of the Convention;").is_empty());
        assert!(summary(
            "Encourages further international cooperation and discussions to assist victims;"
        )
        .is_empty());
        assert!(summary("Recalls paragraph 65 (d) of the Commitment, which encourages Member States to appoint focal points;").is_empty());
        assert_eq!(
            summary("calls for multilateral development banks to strengthen their support;"),
            [("calls for".into(), vec![Other])]
        );
    }

    #[test]
    fn decisions_and_that_clauses() {
        assert_eq!(
            summary("Demands that Israel, the occupying Power, comply with its legal obligations;"),
            [("Demands".into(), vec![MemberStates])]
        );
        assert_eq!(
            summary("Also decides that the Commission will give due consideration to the report;"),
            [("Also decides".into(), vec![UnitedNationsEntity])]
        );
        assert_eq!(
            summary("Decides that, in accordance with its resolution 973 (X), there shall be set off against the apportionment;"),
            [("Decides".into(), vec![GeneralAssembly])]
        );
        let c = clauses("Calls upon States:");
        assert!(c[0].pending);
        // The Assembly arranges a meeting it names; the meeting is given no task.
        assert_eq!(
            summary("Decides that the Conference shall be open to all Member States;"),
            [("Decides".into(), vec![GeneralAssembly])]
        );
        assert_eq!(
            summary("Decides that the Conference shall review progress;"),
            [("Decides".into(), vec![Other])]
        );
        // An aside between the verb and its infinitive is kept apart from the task.
        let c = clauses("Decides, pursuant to decision 74/552 of 14 May 2020, to convene a one-week biennial meeting of States;");
        assert_eq!(
            c[0].task,
            "to convene a one-week biennial meeting of States;"
        );
        assert_eq!(c[0].aside, "pursuant to decision 74/552 of 14 May 2020");
        // A determiner's noun that names no actor (`all costs`) leaves the decision the Assembly's.
        assert_eq!(
            summary("Also decides that all costs relating to the Conference shall be financed through extrabudgetary resources;"),
            [("Also decides".into(), vec![GeneralAssembly])]
        );
    }

    /// `Requests that X do`, as the Security Council writes it: the subject is the actor and
    /// its task starts at the verb, past the modals; a name's preposition stays in the name; a
    /// subject that is given something acts on nothing.
    /// A pronoun's kind is its antecedent's: the clause before, else the nearest phrase before
    /// that names an actor (one person for `him` and `her`).
    #[test]
    fn a_pronoun_is_the_actor_it_points_back_to() {
        let actors = |text: &str| -> Vec<AddresseeKind> {
            clauses(text)
                .last()
                .unwrap()
                .actors
                .iter()
                .map(|a| a.1)
                .collect()
        };
        assert_eq!(
            actors("Welcomes the work of the Special Rapporteur on the right to food in her dialogue with Governments, and requests her to continue;"),
            [UnitedNationsEntity]
        );
        assert_eq!(
            actors("Commends countries that have hosted sporting events, and encourages them to ensure a legacy;"),
            [MemberStates]
        );
        // Who acts in what the paragraph tells goes before a phrase merely nearer.
        assert_eq!(
            actors("Welcomes the efforts of those countries outside the region that have put in place measures to host Syrian refugees, and encourages them to do more;"),
            [MemberStates]
        );
        assert_eq!(
            actors("Urges development banks to mobilize finance, in consultation with the Secretary-General, and requests the latter to update Member States on progress;"),
            [SecretaryGeneral]
        );
        assert_eq!(
            actors("Invites the United Nations system, including the envoys of the Secretary-General, to participate, and urges them to consider initiatives;"),
            [UnitedNationsEntity]
        );
    }

    /// `to be` is the infinitive when no other follows; a decision's subject comes after an
    /// aside in commas.
    #[test]
    fn to_be_as_a_task_and_a_subject_after_an_aside() {
        assert_eq!(
            summary("Invites Member States to be actively involved in that process;"),
            [("Invites".into(), vec![MemberStates])]
        );
        let c = clauses(
            "Invites the experts to be appointed by the Secretary-General to assist the Committee;",
        );
        assert!(c[0].task.starts_with("to assist"), "{}", c[0].task);
        let c = clauses("Decides that, in accordance with its resolution 56/119, the Fifteenth Congress shall adopt a single declaration;");
        assert_eq!(c[0].actors[0].0, "the Fifteenth Congress");
        assert_eq!(c[0].task, "adopt a single declaration;");
    }

    #[test]
    fn requests_that_a_subject_act() {
        let c = clauses("Requests that the Secretary-General submit a report to the General Assembly at its eighty-first session;");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].actors, [("the Secretary-General", SecretaryGeneral)]);
        assert!(c[0].task.starts_with("submit a report"), "{}", c[0].task);
        let c = clauses("and requests that the Secretary-General and the High Representative for Disarmament Affairs facilitate any such efforts;");
        assert_eq!(
            c[0].actors,
            [
                ("the Secretary-General", SecretaryGeneral),
                (
                    "the High Representative for Disarmament Affairs",
                    UnitedNationsEntity
                )
            ]
        );
        assert_eq!(c[0].task, "facilitate any such efforts;");
        let c = clauses("Decides that the Special Committee shall hold its next session from 16 to 24 February 2027;");
        assert_eq!(
            c[0].task,
            "hold its next session from 16 to 24 February 2027;"
        );
        assert!(summary(
            "Requests that all peacekeeping missions be provided with adequate resources;"
        )
        .is_empty());
        assert_eq!(
            summary("Urges that States be invited to take part;"),
            [("Urges".into(), vec![MemberStates])]
        );
        let c = clauses("Recommends that States should be invited to take part;");
        assert_eq!(c[0].actors, [("States", MemberStates)]);
        assert_eq!(c[0].task, "be invited to take part;");
        let c = clauses(
            "Requests that relevant United Nations entities continue to support the Forum;",
        );
        assert_eq!(
            c[0].actors,
            [("relevant United Nations entities", UnitedNationsEntity)]
        );
        // The noun after a determiner is the subject's when it names an actor.
        for (that, actors) in [
            ("Demands that all parties immediately put an end to all violations;", vec![Other]),
            ("Also decides that the open-ended working group shall submit its report;", vec![UnitedNationsEntity]),
            ("Decides that the meetings of the Ad Hoc Working Group of the Whole shall continue to be coordinated;", vec![GeneralAssembly]),
            ("Decides that the duration of the Fifteenth Congress should not exceed eight days;", vec![GeneralAssembly]),
            ("Decides that the high-level United Nations Conference will be organized in Nice;", vec![GeneralAssembly]),
        ] {
            let c = clauses(that);
            let kinds: Vec<_> = c[0].actors.iter().map(|(_, k)| *k).collect();
            assert_eq!(kinds, actors, "{that}");
        }
        // `that` pointing back to a body just named is no `that` clause.
        let c = clauses("encourages that Division to provide continuous support;");
        assert_eq!(c[0].actors, [("that Division", UnitedNationsEntity)]);
        // The Special Rapporteur on the right to food: `the right` is not a name's.
        let c =
            clauses("Recommends that the Special Rapporteur on the right to food submit a report;");
        assert_eq!(
            c[0].actors,
            [("the Special Rapporteur", UnitedNationsEntity)]
        );
    }

    #[test]
    fn a_head_inside_the_verb_before_opens_no_clause() {
        // `requests` is a noun of the verb `Renews its request and requests to`.
        assert_eq!(
            summary("Renews its request and requests to the Secretary-General to report on it;"),
            [(
                "Renews its request and requests to".into(),
                vec![SecretaryGeneral]
            )]
        );
    }

    #[test]
    fn to_do_so_and_a_trailing_aside_belong_to_the_actors() {
        let c = clauses(
            "Encourages interested States in a position to do so to convene regional meetings;",
        );
        assert_eq!(c[0].task, "to convene regional meetings;");
        let c =
            clauses("Urges the agencies that have not yet done so to do so as soon as possible;");
        assert_eq!(c[0].task, "to do so as soon as possible;");
        let c = clauses(
            "Encourages States that have not yet integrated them to do so and to develop a policy;",
        );
        assert_eq!(c[0].task, "to do so and to develop a policy;");
        let c = clauses("and requests the Secretary-General when doing so to provide information;");
        assert_eq!(c[0].actors[0].0, "the Secretary-General");
    }

    #[test]
    fn a_call_restated_in_the_passive() {
        assert_eq!(
            summary("Reiterates that States are strongly urged to refrain from promulgating any unilateral economic measures;"),
            [("Reiterates".into(), vec![MemberStates])]
        );
        assert!(summary("Reiterates that debtors and creditors must work together;").is_empty());
    }

    /// A word is bared of punctuation in and outside ASCII, as a trim by characters would.
    #[test]
    fn a_bare_word_loses_its_punctuation_and_keeps_its_letters() {
        for (printed, word) in [
            ("upon,", "upon"),
            ("(a)", "a"),
            ("Secretary-General;", "Secretary-General"),
            ("“Requests", "Requests"),
            ("(“États”),", "États"),
            ("Côte", "Côte"),
            ("—", ""),
            ("", ""),
        ] {
            let by_chars = printed.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            assert_eq!(bare(printed), word, "{printed}");
            assert_eq!(bare(printed), by_chars, "{printed}");
        }
        assert_eq!(without_ending("States to to", " to"), "States");
        assert_eq!(lower_case("Requests"), "requests");
    }

    #[test]
    fn heads_are_found_in_any_of_their_printed_cases() {
        assert_eq!(
            summary("REQUESTS the Secretary-General to report;").len(),
            1
        );
        assert_eq!(summary("Also Requests States to act;").len(), 1);
        assert!(summary("Requested the Secretary-General to report;").is_empty());
    }
}
