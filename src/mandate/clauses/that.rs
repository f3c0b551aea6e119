//! Decisions and `that` clauses: `Decides to include ...` (the Assembly acts), `Decides that
//! the Commission will ...` and `Requests that the Secretary-General submit ...` (the clause's
//! subject acts, on the task from its verb).

use super::words::{bare, is_one_of, words_between, Word};
use super::Clause;
use crate::mandate::actors::{actors, heads_an_actor, kind_of};
use crate::mandate::fields::arranges_a_meeting;
use crate::model::AddresseeKind;
use std::borrow::Cow;

/// `Decides to include ...` (the Assembly acts), `Decides that the Commission will ...` (the
/// Commission), `Decides that there shall be set off ...` (the Assembly),
/// `Decides to recommend that the Sixth Committee ...`.
pub(super) fn decision<'a>(verb: Cow<'a, str>, rest: &'a str) -> Option<Clause<'a>> {
    let mut body = rest;
    let mut aside = "";
    // `Decides, taking into account ..., that`, `Decides, pursuant to decision 74/552, to
    // convene`: a leading aside (the comma before it went with the verb) is skipped, and kept
    // for the dates it may hold.
    body = body.trim_start_matches(',').trim_start();
    if !body.starts_with("to ") && !body.starts_with("that") {
        let end = [", to ", ", that "]
            .iter()
            .filter_map(|cue| body.find(cue))
            .min();
        if let Some(end) = end.filter(|&end| end < 240) {
            aside = &body[..end];
            body = &body[end + 2..];
        }
    }
    if let Some(at) = body.find(" that ").filter(|&at| at < 40) {
        if body[..at].starts_with("to recommend") {
            let that = &body[at + 6..];
            let (actors, task) = decided_by(that);
            return Some(Clause {
                verb: Cow::Owned(format!("{verb} to recommend")),
                actors,
                task,
                pending: false,
                aside: "",
                at: 0,
            });
        }
    }
    if let Some(that) = body.strip_prefix("that") {
        // `Decides that, in accordance with its resolution 56/119, the Congress shall`: the
        // subject comes after the aside.
        let that = match that.trim_start().strip_prefix(',') {
            Some(aside) => aside.split_once(',').map_or(aside, |(_, after)| after),
            None => that,
        };
        let that = that.trim_start_matches([',', ' ']);
        let (actors, task) = decided_by(that);
        return Some(Clause {
            verb,
            actors,
            task,
            pending: rest.ends_with(':'),
            aside: "",
            at: 0,
        });
    }
    // A decision that only takes a view asks nothing: `Decides to remain seized of the
    // matter`, `Decides to endorse the report`, `Decides to adopt the declaration`.
    let views = [
        "to remain seized",
        "to endorse",
        "to take note",
        "to welcome",
        "to adopt",
        "to reaffirm",
        "to express",
        "to note",
        "to acknowledge",
        "to recognize",
        "to commend",
    ];
    if views.iter().any(|v| body.starts_with(v)) {
        return None;
    }
    if aside.is_empty() {
        return Some(Clause::by_the_assembly(verb, rest));
    }
    Some(Clause {
        aside,
        ..Clause::by_the_assembly(verb, body)
    })
}

/// Who a decision's `that` clause charges and with what: its subject when it names actors,
/// with what follows the subject; else the Assembly, with the whole clause (`Decides that
/// there shall be set off ...`).
pub(super) fn decided_by(that: &str) -> (Vec<(&str, AddresseeKind)>, &str) {
    // `Decides that the Conference shall be open to all States`: the Assembly arranges the
    // meeting it names; the meeting is given nothing to do.
    if arranges_a_meeting(that) {
        return (the_assembly(), that);
    }
    match that_subject(that) {
        (actors, _) if actors.is_empty() => (the_assembly(), that),
        subject_and_task => subject_and_task,
    }
}

pub(super) fn the_assembly() -> Vec<(&'static str, AddresseeKind)> {
    vec![("", AddresseeKind::GeneralAssembly)]
}

/// The subject of a `that` clause when it names actors (`Israel` of `Israel accept ...`, `the
/// Secretary-General` of `the Secretary-General shall invite`), and the clause's task: what
/// follows the subject, from its verb (`submit a report ...` of `the Secretary-General should
/// submit a report ...`), read as an infinitive's task is. No actors, no task.
pub(super) fn that_subject(that: &str) -> (Vec<(&str, AddresseeKind)>, &str) {
    let mut end = that.len();
    let mut took_a_noun = false;
    let words: Vec<Word> = words_between(that, 0, that.len()).collect();
    let capitalised = |k: usize| {
        words
            .get(k)
            .and_then(|w| w.text.chars().next())
            .is_some_and(char::is_uppercase)
    };
    let verb_like = |t: &str| is_one_of(bare(t), MODALS) || is_one_of(bare(t), AUXILIARIES);
    const DETERMINERS: &[&str] = &[
        "the", "all", "its", "their", "other", "relevant", "and", "of", "both",
    ];
    for (k, w) in words.iter().enumerate() {
        let lower_start = w.text.chars().next().is_some_and(char::is_lowercase);
        let determiner = is_one_of(bare(w.text), DETERMINERS);
        // The noun a determiner opens: `all parties take`, `all costs relating to the
        // Conference shall be financed` (no one: the Assembly decides).
        let its_noun = k > 0 && is_one_of(bare(words[k - 1].text), DETERMINERS);
        // A noun in lower case just before the verb: `all peacekeeping missions be provided`,
        // `relevant United Nations entities continue to`; not an adverb (`the Conference
        // actively continue`) nor a relative pronoun (`Member States that have`), which end
        // the subject.
        let adverb = w.text.ends_with("ly") && w.text.len() > 3;
        let before_the_verb = !w.text.ends_with(',')
            && !verb_like(w.text)
            && !adverb
            && !is_one_of(bare(w.text), &["that", "which", "who", "whose"])
            && words[k + 1..].iter().take(2).any(|n| verb_like(n.text));
        // A preposition inside a name: `the High Representative for Disarmament Affairs`,
        // `the Special Rapporteur on the Right to Food`, not `the Secretary-General in turn`.
        let in_a_name = is_one_of(bare(w.text), &["for", "on", "in"])
            && (capitalised(k + 1)
                || (words.get(k + 1).is_some_and(|n| n.text == "the") && capitalised(k + 2)));
        let of_the_subject = determiner || its_noun || before_the_verb || in_a_name;
        took_a_noun |= its_noun && lower_start;
        if (lower_start && !of_the_subject && k > 0) || w.text.starts_with(',') {
            end = w.at;
            break;
        }
        if w.text.ends_with([',', ':']) {
            end = w.at + w.text.len() - 1;
            break;
        }
    }
    let subject = that[..end].trim();
    // A noun taken after its determiner must itself name the actor: `the open-ended working
    // group shall submit`, not `the meetings of the Working Group shall continue to be
    // coordinated` nor `the duration of the Congress should not exceed`.
    let a_thing = took_a_noun && !heads_an_actor(subject);
    if subject.is_empty() || a_thing || kind_of(subject).is_none() {
        return (Vec::new(), "");
    }
    let mut task = that[end..].trim_start_matches([',', ' ']);
    while let Some((word, rest)) = task.split_once(' ') {
        if !is_one_of(word, MODALS) {
            break;
        }
        task = rest.trim_start();
    }
    // `requests that all peacekeeping missions be provided with resources`: the subject is
    // given something, and who is to give it is not said; `that the working group shall be
    // open to all Member States`: it is described (`be invited to`, `be responsible for` keep
    // their subject as the actor).
    let receives = task.strip_prefix("be ").is_some_and(|rest| {
        [
            "provided",
            "given",
            "granted",
            "allocated",
            "accorded",
            "afforded",
            "supported",
            "credited",
            // A meeting or its costs decided on: `the Conference will be organized in Nice`.
            "organized",
            "held",
            "convened",
            "hosted",
            "financed",
            "funded",
            "open ",
            "composed",
        ]
        .iter()
        .any(|p| rest.starts_with(p))
    });
    if receives {
        return (Vec::new(), "");
    }
    (actors(subject), task)
}

/// Verbs that follow a `that` clause's subject at once: `missions be provided`, `the Forum has
/// completed`, `entities continue to`.
pub(super) const AUXILIARIES: &[&str] = &["be", "is", "are", "has", "have", "continue"];

/// Words between a `that` clause's subject and its verb: `States should ratify`.
pub(super) const MODALS: &[&str] = &[
    "should", "shall", "will", "would", "must", "may", "can", "could",
];
