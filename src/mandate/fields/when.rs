//! When a task is due, how often it recurs and until when it runs, as the text sets them.

use crate::model::{Date, MandateKind, Recurrence, When};
use crate::ordinal::ordinal;
use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// The session a phrase names after one of `cues`: `at its eighty-first session` is 81.
pub(super) fn session_after(lower: &str, cues: &[&str]) -> Option<(usize, u32)> {
    sessions_after(lower, cues, |_| true)
}

/// The first session named after one of `cues` at a place `ok` accepts.
fn sessions_after(lower: &str, cues: &[&str], ok: impl Fn(usize) -> bool) -> Option<(usize, u32)> {
    cues.iter()
        .filter_map(|cue| {
            let mut from = 0;
            while let Some(found) = lower[from..].find(cue) {
                let at = from + found;
                let mut ws = lower[at + cue.len()..].split_whitespace();
                if let (Some(n), Some(s)) = (ws.next(), ws.next()) {
                    if s.starts_with("session") && ok(at) {
                        if let Some(n) = ordinal(n) {
                            return Some((at, n));
                        }
                    }
                }
                from = at + cue.len();
            }
            None
        })
        .min()
}

/// Whether the words just before `at` name another body than the Assembly, whose session
/// `at its ... session` would then be: `approved by the Maritime Safety Committee at its 102nd
/// session`, `finalized by the Commission at its thirty-second session`.
fn another_body_before(task: &str, at: usize) -> bool {
    // `at the eighty-first session of the General Assembly` names the Assembly's.
    let after = &task[at..];
    let of_assembly = after
        .find("session")
        .is_some_and(|s| after[s..].starts_with("session of the General Assembly"));
    if of_assembly {
        return false;
    }
    // The nearest body named before, within a dozen words: the Assembly (or one of its Main
    // Committees), or another.
    let words: Vec<&str> = task[..at].split_whitespace().rev().take(12).collect();
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let previous = words
            .get(i + 1)
            .map(|p| p.trim_matches(|c: char| !c.is_alphanumeric()));
        let main_committee = matches!(
            previous,
            Some("First" | "Second" | "Third" | "Fourth" | "Fifth" | "Sixth" | "Main")
        );
        match w {
            "Assembly" => return false,
            "Committee" if main_committee => return false,
            "Committee" | "Commission" | "Council" | "Conference" | "Board" | "Forum"
            | "Meeting" | "Parties" | "Organization" | "Group" | "Congress" | "Convention"
            | "Agreement" | "Protocol" | "Tribunal" | "Court" | "Panel" | "Mechanism"
            | "Summit" | "Programme" | "Fund" | "Union" => return true,
            _ => {}
        }
    }
    false
}

/// Whether `task` prints a date in full (`15 April 2026`) where [`due`] or [`until`] may read
/// one: after `on`, `by`, `before`, `than`, `until` or `to`. Most tasks print none.
pub fn may_set_a_date(task: &str) -> bool {
    // Most tasks print no digit: they are set aside before the bytes are read one by one. (An
    // automaton for the month names costs more than it saves on tasks this short.)
    if !has_digit(task) {
        return false;
    }
    let bytes = task.as_bytes();
    (1..bytes.len()).any(|i| {
        bytes[i].is_ascii_digit()
            && bytes[i - 1] == b' '
            && task[..i - 1]
                .rsplit(' ')
                .next()
                .is_some_and(|w| matches!(w, "on" | "by" | "before" | "than" | "until" | "to"))
            && date_at(task, i).is_some()
    })
}

/// Whether `s` holds an ASCII digit: a pass that reads every byte without stopping, which the
/// compiler turns into vector instructions.
fn has_digit(s: &str) -> bool {
    s.as_bytes()
        .chunks(64)
        .any(|c| c.iter().fold(false, |any, b| any | b.is_ascii_digit()))
}

/// A date printed `15 April 2026`, an ISO date, where it starts and ends.
fn date_at(s: &str, from: usize) -> Option<(Date, usize)> {
    let mut ws = s[from..].split_whitespace();
    let day: u8 = ws.next()?.parse().ok()?;
    let month = ws.next()?;
    let month = Date::MONTH_NAMES.iter().position(|m| *m == month)? as u8 + 1;
    let year_word = ws.next()?;
    let year: u16 = year_word
        .trim_end_matches(|c: char| !c.is_ascii_digit())
        .parse()
        .ok()?;
    (1000..3000).contains(&year).then_some(())?;
    let end = s[from..].find(year_word)? + from + year_word.len();
    Some((Date { year, month, day }, end))
}

fn year_at(s: &str) -> Option<u16> {
    let digits: String = s
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let y: u16 = digits.parse().ok()?;
    (digits.len() == 4 && (1900..2200).contains(&y)).then_some(y)
}

/// Whether `s` holds `word` (lower case), ASCII case aside, without allocating.
fn contains_ignoring_case(s: &str, word: &str) -> bool {
    s.as_bytes()
        .windows(word.len())
        .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
}

/// When the task is due: a session, a date, a month or a year, as the text sets it.
pub fn due(task: &str) -> Option<When> {
    // Most tasks name no time: neither a session nor a figure.
    let names_session = contains_ignoring_case(task, "session");
    if !names_session && !has_digit(task) {
        return None;
    }
    let lower = task.to_ascii_lowercase();
    let session = names_session
        .then(|| {
            sessions_after(
                &lower,
                &[
                    "at its ",
                    "in advance of its ",
                    "before the end of its ",
                    "agenda of its ",
                    "during its ",
                    "by its ",
                    "during the ",
                    "at the ",
                    "prior to its ",
                ],
                // `the results achieved at the seventy-ninth session` may be due then; what
                // was done by someone at a session was done (a session before the
                // resolution's own is left out where the session is known, see `super::read`).
                |at| !another_body_before(task, at) && !done_by_someone(task, at),
            )
        })
        .flatten();
    let mut found: Vec<(usize, When)> = Vec::new();
    if let Some((at, n)) = session {
        found.push((at, When::Session(n)));
    }
    for cue in ["on ", "by ", "before ", "no later than ", "not later than "] {
        let mut from = 0;
        while let Some(f) = task[from..].find(cue) {
            let at = from + f;
            let word_start = at == 0 || task[..at].ends_with([' ', ',']);
            // `the advisory opinion rendered on 9 July 2004` tells of the past.
            if word_start && !told_of_the_past(task, at) {
                if let Some((d, _)) = date_at(task, at + cue.len()) {
                    found.push((at, When::Date(d)));
                } else if cue == "by " {
                    let after = &task[at + 3..];
                    let after = after.strip_prefix("the end of ").unwrap_or(after);
                    if let Some(y) = year_at(after) {
                        found.push((at, When::Year(y)));
                    }
                }
            }
            from = at + cue.len();
        }
    }
    for cue in [
        "beginning in ",
        "beginning from ",
        "starting from ",
        "report in ",
    ] {
        if let Some(at) = lower.find(cue) {
            // `an interim report in 2022` is due then; `specified in his report in 2021` tells
            // where, not when.
            let named_report = cue == "report in "
                && lower[..at]
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| matches!(w, "his" | "her" | "its" | "their" | "the"));
            if named_report {
                continue;
            }
            if let Some(y) = year_at(&lower[at + cue.len()..]) {
                found.push((at, When::Year(y)));
            }
        }
    }
    found.into_iter().min_by_key(|(at, _)| *at).map(|(_, w)| w)
}

/// The year a meeting is to be held in, printed after `in`: `to convene a high-level meeting
/// on universal health coverage in 2027`, `to be held in 2028`. Not a year told of the past
/// (`the Programme of Action adopted in 2014`, `since it was held in 2019`), one that names
/// something (`in 2030 Agenda`), or one far from the task's verb. Read only for meetings: in
/// other tasks such a year is as often where something stands as when it is due.
pub fn held_in(task: &str) -> Option<When> {
    let mut from = 0;
    while let Some(found) = task[from..].find(" in ") {
        let at = from + found;
        from = at + 4;
        let after = &task[from..];
        // `in the second half of 2022`, `in early 2027`.
        let after = [
            "the first half of ",
            "the second half of ",
            "early ",
            "late ",
        ]
        .iter()
        .find_map(|p| after.strip_prefix(p))
        .unwrap_or(after);
        let Some(year) = year_at(after) else {
            continue;
        };
        let names_something = after[4..]
            .strip_prefix(' ')
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_uppercase()));
        let past = told_of_the_past(task, at);
        // Near the task's verb; a year far after it belongs to a clause of its own (`as the
        // thirtieth anniversary of their adoption approaches in 2025`).
        let near = task[..at].split_whitespace().count() <= 20;
        if !names_something && !past && near {
            return Some(When::Year(year));
        }
    }
    None
}

/// Whether the words just before byte `at` of `task` tell of the past: a participle (`the
/// Programme of Action adopted in 2014`, `rendered on 9 July 2004`), also with its agent (`the
/// note provided by the Secretary-General at the eightieth session`); not one in the present or
/// to come (`to be held in 2028`).
fn told_of_the_past(task: &str, at: usize) -> bool {
    past_participle_at(task, at, false)
}

/// [`told_of_the_past`] only where the participle has an agent or a recipient: `the note
/// provided by the Secretary-General at the eightieth session`, `the report submitted to the
/// Assembly at its sixty-seventh session`.
fn done_by_someone(task: &str, at: usize) -> bool {
    past_participle_at(task, at, true)
}

fn past_participle_at(task: &str, at: usize, with_someone: bool) -> bool {
    // (`needed` looks ahead: `the progress needed to realize the Goals by 2030`.)
    let participle = |w: &str| {
        (w.ends_with("ed") && !matches!(w, "need" | "needed"))
            || matches!(w, "held" | "made" | "taken" | "begun")
    };
    let clause = task[..at].rsplit([',', ';']).next().unwrap_or("");
    let words: Vec<&str> = clause.split_whitespace().rev().take(8).collect();
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    // `to` before a body (`submitted to the Assembly`), not an infinitive's.
    let names_someone = |w: &str| w == "the" || w.starts_with(|c: char| c.is_uppercase());
    let at_participle = if participle(word(0)) && !with_someone {
        0
    } else {
        let by_or_to =
            |i: usize| word(i) == "by" || (word(i) == "to" && names_someone(word(i - 1)));
        match (1..6).find(|&i| by_or_to(i)) {
            Some(by) => by + 1,
            None => return false,
        }
    };
    // `to be held in 2028`, `every person is protected by early warning systems by 2027`.
    let passive = matches!(word(at_participle + 1), "be" | "is" | "are" | "being");
    participle(word(at_participle)) && !passive
}

/// How often the task recurs, as the text says or implies.
pub fn recurrence(task: &str, kind: MandateKind) -> Option<Recurrence> {
    let lower = task.to_ascii_lowercase();
    const CUES: &[&str] = &[
        "every four years",
        "quadrennial",
        "every fourth year",
        "four-year cycle",
        "every three years",
        "triennial",
        "every third year",
        "three-year cycle",
        "two-year cycle",
        "biennial cycle",
        "every two years",
        "biennial",
        "every second year",
        "annually",
        "annual report",
        "annual basis",
        "every year",
        "each year",
        "yearly",
    ];
    let of = |pattern: usize| match pattern {
        0..=3 => Recurrence::Quadrennial,
        4..=7 => Recurrence::Triennial,
        8..=12 => Recurrence::Biennial,
        _ => Recurrence::Annual,
    };
    // The first cue printed, as a word of its own (`biannually` is not `annually`).
    static AUTOMATON: OnceLock<AhoCorasick> = OnceLock::new();
    let ac = AUTOMATON.get_or_init(|| AhoCorasick::new(CUES).expect("a small literal list"));
    let first = {
        ac.find_overlapping_iter(lower.as_str())
            .filter(|m| {
                lower[..m.start()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric() && c != '-')
            })
            .min_by_key(|m| (m.start(), m.pattern().as_usize()))
            .map(|m| (m.start(), of(m.pattern().as_usize())))
    };
    if let Some((_, r)) = first {
        return Some(r);
    }
    // `each 14 December thereafter`: after a date, and no other cue, a year apart (not `every
    // five years thereafter`, which no kind of recurrence names).
    if lower.contains("thereafter") && !lower.contains(" years thereafter") {
        return Some(Recurrence::Annual);
    }
    // A day proclaimed on a date comes back every year; a year or a decade does not.
    if kind == MandateKind::Meeting
        && (lower.contains("proclaim") || lower.contains("designate"))
        && lower.contains(" day")
    {
        return Some(Recurrence::Annual);
    }
    None
}

/// Until when the mandate runs: `until 13 December 2028`, the end of `for the period from 1 July
/// 2024 to 30 June 2025`, `prior to the eighty-third session`.
pub fn until(task: &str) -> Option<When> {
    if !task.contains("until") && !task.contains("period from") && !task.contains("prior to") {
        return None;
    }
    let lower = task.to_ascii_lowercase();
    if let Some(at) = lower.find("until ") {
        if let Some((d, _)) = date_at(task, at + 6) {
            return Some(When::Date(d));
        }
        if let Some((_, n)) = session_after(&lower[at..], &["until its ", "until the "]) {
            return Some(When::Session(n));
        }
        if let Some(y) = year_at(&lower[at + 6..]) {
            return Some(When::Year(y));
        }
    }
    if let Some(at) = lower.find("for the period from ") {
        let rest = &task[at + 20..];
        if let Some(to) = rest.find(" to ") {
            if let Some((d, _)) = date_at(rest, to + 4) {
                return Some(When::Date(d));
            }
        }
    }
    if let Some((_, n)) = session_after(&lower, &["prior to the ", "prior to its "]) {
        return Some(When::Session(n));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What was done by someone at a session or on a date is no due; what is to be done, or is
    /// done in the present, is.
    #[test]
    fn a_time_told_of_the_past_is_no_due() {
        for (task, expected) in [
            ("to continue the dialogue on the basis of the note provided by the Secretary-General at the eightieth session of the General Assembly", None),
            ("to act on the report submitted to the Assembly at its sixty-seventh session", None),
            ("to report on the measures taken and results achieved at the seventy-ninth session", Some(When::Session(79))),
            ("to ensure that every person is protected by early warning systems by 2027", Some(When::Year(2027))),
            ("to attain the progress needed to realize the Goals by 2030", Some(When::Year(2030))),
            ("to implement the consensus reached at the meeting held on 24 April 2021", None),
            ("to conduct the consultations on the declaration to be concluded by 1 May 2025", Some(When::Date(Date { year: 2025, month: 5, day: 1 }))),
        ] {
            assert_eq!(due(task), expected, "{task}");
        }
    }

    #[test]
    fn sessions_dates_and_years() {
        // A meeting's year after `in`, not one of the past or one that names something.
        for (task, year) in [
            (
                "to convene a high-level meeting on universal health coverage in 2027",
                Some(2027),
            ),
            (
                "to convene a meeting of States in 2027 for two weeks",
                Some(2027),
            ),
            ("to be held in 2028, in New York", Some(2028)),
            ("to convene in the second half of 2022 the workshop that was to have been held in 2020", Some(2022)),
            ("the workshop that was to have been held in 2020", None),
            ("to convene a full-day high-level meeting, within existing resources, to mark the twenty-fifth anniversary of the International Day, with a focus on highlighting achievements, sharing best practices and identifying gaps, as the thirtieth anniversary of their adoption approaches in 2025", None),
            ("to review the Programme of Action adopted in 2014", None),
            (
                "to hold a meeting on the implementation of the 2030 Agenda",
                None,
            ),
            ("to hold a dialogue in 2030 Agenda terms", None),
        ] {
            assert_eq!(held_in(task), year.map(When::Year), "{task}");
        }

        assert_eq!(
            due("to submit to the General Assembly at its eighty-first session a report"),
            Some(When::Session(81))
        );
        assert_eq!(
            due("to organize, on 18 December 2025, a one-day meeting").map(|w| w.to_string()),
            Some("2025-12-18".into())
        );
        assert_eq!(
            due("to align with the goal by the end of 2025"),
            Some(When::Year(2025))
        );
        assert_eq!(
            due("to present an interim report in 2022"),
            Some(When::Year(2022))
        );
        assert_eq!(
            due("to carry out the activities specified in his report in 2021, including"),
            None
        );
        assert_eq!(
            due("protocols approved by the Maritime Safety Committee at its 102nd session"),
            None
        );
        assert_eq!(
            due("that the Sixth Committee, at the eighty-first session of the General Assembly, establish"),
            Some(When::Session(81))
        );
        assert_eq!(
            due("to report on the implementation of resolution 76/239 of 24 December 2021"),
            None
        );
        assert_eq!(
            until(
                "the amount of 61,252,900 dollars for the period from 1 July 2024 to 30 June 2025"
            )
            .map(|w| w.to_string()),
            Some("2025-06-30".into())
        );
    }
}
