//! What a task asks (its [`MandateKind`]), by when, how often, until when and on what.

use super::cues::{
    Cues, AGENDA, BUDGET, MEETING, MEETING_OBJECT, NOT_REPORT, REPORT_OBJECT, REVIEW,
};
use crate::model::{Date, MandateKind, Recurrence, When};
use crate::ordinal::ordinal;
use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// A task split where it joins several (`to convene the Meetings ... and to continue to render
/// the necessary assistance`), each with its kind. Steps taken to write a report (seeking
/// views, consulting, compiling) belong to the report.
pub fn tasks(task: &str) -> Vec<(MandateKind, String)> {
    let mut parts: Vec<String> = Vec::new();
    let mut rest = task;
    while let Some(at) = next_infinitive_join(rest) {
        parts.push(rest[..at].to_string());
        rest = &rest[at..];
    }
    parts.push(rest.to_string());
    // A later infinitive may be a purpose (`to convene a meeting, ..., to mark the anniversary
    // and to galvanize efforts`) or a task of its own (`to review ..., to consider alternatives
    // and to present his conclusions in his next report`): it adds a kind only when it is not
    // a plain action after a purpose.
    let mut out: Vec<(MandateKind, String)> = Vec::new();
    let mut before = String::new();
    for (i, part) in parts.into_iter().enumerate() {
        let k = kind(&part);
        let purpose_before = i > 0 && has_purpose(&before);
        before.push_str(&part);
        if k == MandateKind::Action && purpose_before {
            if let Some(last) = out.last_mut() {
                last.1.push_str(&part);
            }
            continue;
        }
        out.push((k, part));
    }
    if out.iter().any(|(k, _)| *k == MandateKind::Report) {
        out.retain(|(k, p)| *k != MandateKind::Action || !prepares_report(p));
    }
    out
}

/// Where a further task starts: `, and to <verb>`, ` and to <verb>`, with an adverb between
/// (` and also to <verb>`) or an aside in commas (`, and, as far as possible, to <verb>`).
fn next_infinitive_join(s: &str) -> Option<usize> {
    const ADVERBS: &[&str] = &[
        "also",
        "further",
        "subsequently",
        "thereafter",
        "then",
        "finally",
        "accordingly",
    ];
    let mut from = s.chars().next().map_or(0, char::len_utf8);
    while let Some(found) = s[from..].find(" and") {
        let at = from + found;
        from = at + 4;
        let after = &s[at + 4..];
        // Where `to` stands, if the words after `and` lead to it.
        let to = if after.starts_with(" to ") {
            Some(at + 5)
        } else if let Some(rest) = after.strip_prefix(", ") {
            // An aside of a few words, closed by a comma: `and, where appropriate, to`.
            rest.find(", to ")
                .filter(|&end| end <= 48 && !rest[..end].contains([',', ';', ':']))
                .map(|end| at + 6 + end + 2)
        } else {
            let word = after.split_whitespace().next().unwrap_or("");
            let rest = after.trim_start().get(word.len()..).unwrap_or("");
            (ADVERBS.contains(&word) && rest.starts_with(" to ")).then(|| s.len() - rest.len() + 1)
        };
        let Some(to) = to else { continue };
        let next = s[to + 3..].split_whitespace().next().unwrap_or("");
        if next.chars().next().is_some_and(char::is_lowercase)
            && !matches!(next, "the" | "a" | "its" | "their" | "all")
        {
            return Some(to);
        }
    }
    None
}

/// Whether a task holds an infinitive of purpose after its own: after a comma (`a meeting,
/// within existing resources, to mark`), or `in order to`, `so as to`. An infinitive that
/// completes a verb (`to invite Governments to submit`) is no purpose.
fn has_purpose(task: &str) -> bool {
    let words: Vec<&str> = task.split_whitespace().collect();
    words.iter().enumerate().skip(2).any(|(i, w)| {
        let prev = words[i - 1];
        let infinitive = *w == "to"
            && words
                .get(i + 1)
                .is_some_and(|n| n.chars().next().is_some_and(char::is_lowercase))
            && !matches!(
                words.get(i + 1).copied().unwrap_or(""),
                "the" | "a" | "an" | "its" | "their" | "all" | "that" | "this"
            );
        let purpose = prev.ends_with(',')
            || (matches!(prev, "order" | "as") && matches!(words[i - 2], "in" | "so"));
        infinitive && purpose
    })
}

fn prepares_report(part: &str) -> bool {
    let verb = first_verb(part);
    matches!(
        verb.as_str(),
        "seek"
            | "consult"
            | "invite"
            | "compile"
            | "collect"
            | "gather"
            | "examine"
            | "solicit"
            | "refine"
            | "study"
            | "analyse"
            | "analyze"
            | "assess"
            | "evaluate"
    )
}

/// The task's verb, past `to` and `continue to`.
fn first_verb(part: &str) -> String {
    let mut ws = part.split_whitespace().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase()
    });
    let mut w = ws.next().unwrap_or_default();
    // `to continue to`, `to endeavour to`: the verb is the one they lead to.
    while matches!(
        w.as_str(),
        "to" | "and" | "continue" | "further" | "also" | "endeavour" | "endeavor" | "strive"
    ) || (w.ends_with("ly") && w.len() > 4)
    {
        w = ws.next().unwrap_or_default();
    }
    w
}

/// Whether the task is to be done in the actor's own report, whatever its verb (`to address
/// the problem in their forthcoming reports`), not a report named as a source (`the
/// activities specified in his report`).
fn in_own_report(lower: &str) -> bool {
    const QUALIFIERS: &[&str] = &[
        "next",
        "forthcoming",
        "upcoming",
        "annual",
        "regular",
        "respective",
        "future",
        "subsequent",
    ];
    for pronoun in [" in his ", " in her ", " in its ", " in their "] {
        let mut from = 0;
        while let Some(found) = lower[from..].find(pronoun) {
            let at = from + found;
            let mut after = lower[at + pronoun.len()..].split_whitespace();
            let first = after.next().unwrap_or("");
            let report = first.starts_with("report")
                || (QUALIFIERS.contains(&first)
                    && after.next().is_some_and(|w| w.starts_with("report")));
            let before = lower[..at].split_whitespace().next_back().unwrap_or("");
            let source = before.ends_with("ed") || matches!(before, "out" | "to");
            if report && !source {
                return true;
            }
            from = at + pronoun.len();
        }
    }
    false
}

/// Whether `update` reports: its object names whom (`to update Member States on`) or a
/// document (`to update the study`), or it has none (`to update regularly on`); an aside
/// after the verb left out.
fn updates_whom_or_a_document(task: &str) -> bool {
    const DOCUMENTS: &[&str] = &[
        "report",
        "study",
        "survey",
        "compilation",
        "analysis",
        "overview",
        "assessment",
        "note",
        "information",
        "briefing",
    ];
    let Some(at) = task.find("update") else {
        return false;
    };
    let mut object = task[at + "update".len()..].trim_start();
    if let Some(aside) = object.strip_prefix(',') {
        object = aside
            .split_once(',')
            .map_or("", |(_, rest)| rest)
            .trim_start();
    }
    let end = [" on ", " of ", " with ", ",", ";"]
        .iter()
        .filter_map(|cut| object.find(cut))
        .min()
        .unwrap_or(object.len());
    let object = &object[..end];
    let document = object.split_whitespace().any(|w| {
        DOCUMENTS
            .iter()
            .any(|d| w.to_ascii_lowercase().starts_with(d))
    });
    let no_object = object
        .split_whitespace()
        .all(|w| w.ends_with("ly") || w == "and");
    no_object || document || super::actors::kind_of(object).is_some()
}

/// The verb joined to the task's first by `and` (`report` of `to monitor and report`), or
/// nothing.
fn verb_after_and(task: &str, first: &str) -> String {
    let mut ws = task
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    if !ws.any(|w| w.eq_ignore_ascii_case(first)) {
        return String::new();
    }
    match (ws.next(), ws.next()) {
        (Some("and"), Some(next)) => next.to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// The kind of one task.
pub fn kind(task: &str) -> MandateKind {
    let lower = task.to_ascii_lowercase();
    let verb = first_verb(task);
    let cues = Cues::of(&lower);
    if cues.has(AGENDA) {
        return MandateKind::Agenda;
    }
    // `Decides to consider the proposals ... at its seventy-seventh session`, `to undertake the
    // next comprehensive review at its seventy-seventh session`: a question for a session.
    let considers = matches!(
        verb.as_str(),
        "consider" | "review" | "examine" | "undertake" | "take"
    ) || lower.contains("to undertake the next");
    if considers && session_after(&lower, &["at its "]).is_some() {
        return MandateKind::Agenda;
    }
    if cues.has(BUDGET) {
        return MandateKind::Budget;
    }
    // `to update the Assembly`, `to update the study`, not `to update the public exhibit`.
    // Reporting to the public (`to report publicly on investigations`) asks no report of anyone;
    // `to publicly report ... to the authority that appoints them` does.
    let public = ["report publicly", "publicly report"].iter().any(|cue| {
        lower.find(cue).is_some_and(|at| {
            let after = &lower[at + cue.len()..];
            let recipient = after.get(..120).unwrap_or(after).contains(" to the ");
            !recipient
        })
    });
    let reports = |v: &str| {
        (matches!(v, "report" | "inform" | "brief" | "apprise") && !public)
            || (v == "update" && updates_whom_or_a_document(task))
    };
    // `to monitor and report on ...`: a report is what the first verb leads to; `to continue
    // his efforts ... and report thereon`: a later one, joined without `to`.
    let reporting_verb =
        reports(&verb) || reports(&verb_after_and(task, &verb)) || reports_after_and(&lower);
    let producing_verb = matches!(
        verb.as_str(),
        "submit"
            | "present"
            | "prepare"
            | "provide"
            | "include"
            | "transmit"
            | "communicate"
            | "issue"
            | "keep"
            | "comment"
            | "update"
            | "seek"
            | "analyse"
            | "analyze"
    );
    // A report only named as a source is not asked for: `the publications referred to in his
    // previous report`.
    let report_object = cues.has(REPORT_OBJECT) && !cues.has(NOT_REPORT);
    if reporting_verb || (producing_verb && report_object) || in_own_report(&lower) {
        return MandateKind::Report;
    }
    // `to continue organizing encounters`: the verb as a gerund after `continue`.
    let meeting_verb = matches!(
        verb.as_str(),
        "convene"
            | "hold"
            | "organize"
            | "organise"
            | "host"
            | "proclaim"
            | "designate"
            | "convening"
            | "holding"
            | "organizing"
            | "organising"
            | "hosting"
    ) || lower.starts_with("to continue to convene")
        || lower.starts_with("continue to convene")
        || considers_convening(&lower);
    if (meeting_verb && cues.has(MEETING_OBJECT)) || cues.has(MEETING) {
        return MandateKind::Meeting;
    }
    MandateKind::Action
}

/// Whether `report` is a verb joined by `and` after the first (`to consult with, and report
/// to,`, `and report thereon`), not a noun (`and report dissemination`).
fn reports_after_and(lower: &str) -> bool {
    const AFTER: &[&str] = &[
        "",
        "thereon",
        "on",
        "to",
        "back",
        "regularly",
        "annually",
        "periodically",
        "through",
        "at",
        "in",
        "by",
        "accordingly",
        "and",
    ];
    lower.match_indices(" and report").any(|(at, found)| {
        let rest = &lower[at + found.len()..];
        if !(rest.is_empty() || rest.starts_with([' ', ','])) {
            return false;
        }
        let next = rest
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric());
        AFTER.contains(&next)
    })
}

/// Whether a task gives information: `to provide information on`, `to submit further
/// information about`.
pub fn gives_information(task: &str) -> bool {
    let giving = matches!(
        first_verb(task).as_str(),
        "provide" | "submit" | "present" | "transmit" | "communicate" | "share"
    );
    giving && {
        let lower = task.to_ascii_lowercase();
        lower.contains("information on ") || lower.contains("information about ")
    }
}

/// `to consider convening a meeting`, `to consider the holding of a conference`.
fn considers_convening(lower: &str) -> bool {
    ["consider ", "consider the "].iter().any(|cue| {
        lower.match_indices(cue).any(|(at, _)| {
            let next = lower[at + cue.len()..]
                .split_whitespace()
                .next()
                .unwrap_or("")
                .trim_end_matches(|c: char| !c.is_alphanumeric());
            matches!(
                next,
                "convening" | "holding" | "organizing" | "organising" | "hosting"
            )
        })
    })
}

/// The session a phrase names after one of `cues`: `at its eighty-first session` is 81.
fn session_after(lower: &str, cues: &[&str]) -> Option<(usize, u32)> {
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
    if !names_session && !task.bytes().any(|b| b.is_ascii_digit()) {
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
                |at| !another_body_before(task, at),
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
            let after_participle = task[..at]
                .trim_end()
                .rsplit(' ')
                .next()
                .is_some_and(|w| w.ends_with("ed") && w != "need");
            if word_start && !after_participle {
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

/// Whether the paragraph provides for reviewing the mandate it gives.
pub fn review(text: &str) -> bool {
    // Every cue holds one of these words; most paragraphs none.
    let may = ["review", "evaluate", "assess"]
        .iter()
        .any(|w| text.contains(w));
    may && Cues::of(&text.to_ascii_lowercase()).has(REVIEW)
}

/// What a report is on (`on the implementation of the present resolution`), or an agenda
/// item's title (the last one quoted after `entitled`).
pub fn subject(task: &str, kind: MandateKind) -> Option<String> {
    match kind {
        MandateKind::Agenda => {
            let at = task.rfind("entitled")?;
            let rest = &task[at..];
            let open = rest.find(['“', '"'])?;
            let inner = &rest[open + rest[open..].chars().next()?.len_utf8()..];
            let close = inner.find(['”', '"'])?;
            Some(inner[..close].to_string())
        }
        MandateKind::Report => {
            // `a report on X`, `to report on X`, `to report to the Assembly ... on X`; a report
            // `thereon` names its subject elsewhere.
            let lower = task.to_ascii_lowercase();
            let report = lower.find("report")?;
            let after = &lower[report..];
            if after.starts_with("report thereon") || after.starts_with("reports thereon") {
                return None;
            }
            let mut cut = after.len().min(160);
            while !after.is_char_boundary(cut) {
                cut -= 1;
            }
            let window = &after[..cut];
            let on = window.find(" on ")?;
            let at = report + on + 4;
            let rest = &task[at..];
            let rest_lower = &lower[at..];
            let end = [
                ", including",
                ";",
                ", and ",
                " and to ",
                ", as well as",
                ", with ",
                ", to ",
                " to the general assembly",
                " to the assembly",
                " to the economic and social council",
                " at its ",
                " for consideration",
                " for its consideration",
                " through ",
                " under the item",
                ", taking into account",
            ]
            .iter()
            .filter_map(|e| rest_lower.find(e))
            .min()
            .unwrap_or(rest.len());
            let s = rest[..end].trim().trim_end_matches(['.', ',', ';']);
            let s = s
                .strip_suffix(", and")
                .or(s.strip_suffix(" and"))
                .unwrap_or(s);
            let s = s.trim_end_matches(',').trim();
            (!s.is_empty()).then(|| s.to_string())
        }
        MandateKind::Meeting | MandateKind::Budget | MandateKind::Action => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_by_a_second_verb_in_the_actors_own_report_and_by_update() {
        use MandateKind::*;
        assert_eq!(kind("to continue to monitor and report to the General Assembly on an annual basis on the challenges"), Report);
        assert_eq!(
            kind("to address the problem in their forthcoming reports to the General Assembly"),
            Report
        );
        assert_eq!(
            kind("to carry out the activities specified in his report in 2021"),
            Action
        );
        assert_eq!(
            kind("to update Member States regularly on the progress made"),
            Report
        );
        assert_eq!(kind("to update the study on the question"), Report);
        assert_eq!(
            kind("to update, on a periodic basis, the public exhibit on the question"),
            Action
        );
    }

    #[test]
    fn meetings_organized_by_a_gerund() {
        assert_eq!(
            kind("to continue organizing encounters for the media and representatives of civil society"),
            MandateKind::Meeting
        );
    }

    /// Session 16's classes, found by reading the corpus's paragraphs that name a report or a
    /// meeting and were given none (EVALUATION.md): a report verb joined later without `to`,
    /// a task after `endeavour to`, a further task after an aside in commas, a meeting to be
    /// considered, one decided in the passive, panels and hearings.
    #[test]
    fn reports_and_meetings_asked_in_other_words() {
        for task in [
            "to ensure that multilingualism is integrated into those efforts and report thereon in the context of the upcoming review",
            "continue to regularly consult with, and report to, Member States on the Decade",
            "to endeavour to keep the membership of the Conference informed of their consultations",
        ] {
            assert_eq!(kind(task), MandateKind::Report, "{task}");
        }
        assert_eq!(
            kind("to broaden review mechanisms and report dissemination"),
            MandateKind::Action
        );
        assert_eq!(
            kind("to report publicly on investigations"),
            MandateKind::Action
        );
        assert_eq!(
            kind("To publicly report, in the interests of accountability, to the authority that appoints them"),
            MandateKind::Report
        );
        assert_eq!(
            kind("to convene a new open-ended working group on security"),
            MandateKind::Meeting
        );
        let split = tasks("to initiate proceedings against the perpetrators and, as far as possible, to inform the Council of the outcome");
        assert_eq!(
            split.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
            [MandateKind::Action, MandateKind::Report]
        );
        let split = tasks("to take measures and also to report to the Assembly");
        assert_eq!(split.last().unwrap().0, MandateKind::Report);
        for task in [
            "to consider convening, during the eightieth session, a meeting on science",
            "to convene a joint half-day panel discussion of the two Committees",
            "that the Conference will be held in Gaborone for four days",
            "that a resumed session of the Assembly shall be convened by the Secretary-General",
        ] {
            assert_eq!(kind(task), MandateKind::Meeting, "{task}");
        }
        assert_eq!(
            kind("to attend the Meeting of States Parties, to be held in Geneva"),
            MandateKind::Action
        );
        assert!(gives_information(
            "to provide further information on the activities"
        ));
        assert!(!gives_information("to provide assistance to States"));
    }

    #[test]
    fn sessions_dates_and_years() {
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

    #[test]
    fn kinds_of_tasks() {
        assert_eq!(
            kind("to report to the General Assembly at its eighty-first session"),
            MandateKind::Report
        );
        assert_eq!(
            kind("include in the provisional agenda of its eighty-first session the item"),
            MandateKind::Agenda
        );
        assert_eq!(
            kind("to convene a full-day high-level meeting"),
            MandateKind::Meeting
        );
        assert_eq!(
            kind("to apportion among Member States the amount of"),
            MandateKind::Budget
        );
        assert_eq!(
            kind("to ensure payment of their outstanding assessed contributions"),
            MandateKind::Budget
        );
        assert_eq!(
            kind("to continue to support the activities of the Agency"),
            MandateKind::Action
        );
        let split = tasks("to seek the views of Member States, and to submit a report to the General Assembly at its seventy-ninth session");
        assert_eq!(split.len(), 1);
        assert_eq!(split[0].0, MandateKind::Report);
    }
}
