//! Whether a task asks for a report, whatever its words: delivered to the Assembly, made in
//! the actor's own report, an update, information given, a document made to be shared.

use super::verb::first_verb;
use super::when::session_after;
use crate::mandate::actors::{head_kind, kind_of};
use crate::model::AddresseeKind;

/// Whether the task is to be done in the actor's own report, whatever its verb (`to address
/// the problem in their forthcoming reports`), not a report named as a source (`the
/// activities specified in his report`).
pub(super) fn in_own_report(lower: &str) -> bool {
    const QUALIFIERS: &[&str] = &[
        "next",
        "forthcoming",
        "upcoming",
        "annual",
        "regular",
        "respective",
        "future",
        "subsequent",
        "national",
        "periodic",
    ];
    // `to include in his report`; `to consider these discussions in the drafting of his
    // report`, `in the preparation of its next report`.
    const WHERE: &[&str] = &[
        " in his ",
        " in her ",
        " in its ",
        " in their ",
        " in the drafting of his ",
        " in the drafting of its ",
        " in the preparation of his ",
        " in the preparation of its ",
        " in preparing his ",
        " in preparing its ",
    ];
    for pronoun in WHERE {
        let mut from = 0;
        while let Some(found) = lower[from..].find(pronoun) {
            let at = from + found;
            let mut after = lower[at + pronoun.len()..].split_whitespace();
            let first = after.next().unwrap_or("");
            // Written or oral: `to include in his statement information about`.
            let a_report = |w: &str| {
                ["report", "statement", "briefing", "oral update", "note"]
                    .iter()
                    .any(|r| w.starts_with(r))
            };
            let report = a_report(first)
                || (QUALIFIERS.contains(&first) && after.next().is_some_and(a_report));
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

/// `to conduct consultations ..., with a summary of those consultations and set of
/// recommendations to be shared with Member States`: what the task makes is itself to be
/// delivered, in the passive.
pub(super) fn report_to_be_delivered(lower: &str) -> bool {
    const MADE: &[&str] = &[
        "a summary",
        "a synthesis",
        "a compilation",
        "a report",
        "a note",
    ];
    const DELIVERED: &[&str] = &[
        " to be shared",
        " to be circulated",
        " to be submitted",
        " to be presented",
        " to be transmitted",
        " to be made available",
        " to be issued",
    ];
    MADE.iter().any(|made| {
        lower.match_indices(made).any(|(at, _)| {
            let after = &lower[at + made.len()..];
            let within = after.get(..160).unwrap_or(after);
            DELIVERED.iter().any(|d| within.contains(d))
        })
    })
}

/// Whether `update` reports: its object names whom (`to update Member States on`) or a
/// document (`to update the study`), or it has none (`to update regularly on`); an aside
/// after the verb left out.
pub(super) fn updates_whom_or_a_document(task: &str) -> bool {
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
    no_object || document || kind_of(object).is_some()
}

/// Whether a task delivers something to the Assembly, whatever it is called: `to submit to the
/// General Assembly at its eighty-first session an assessment`, `to communicate such views to
/// the General Assembly`, `to present the findings to the Assembly`; or views and information
/// to the Secretary-General, which he reports from (`to communicate to the Secretary-General
/// their views`). A list of candidates submitted to Member States is no report.
pub(super) fn delivered(verb: &str, lower: &str) -> bool {
    let to_the_assembly =
        || lower.contains(" to the general assembly") || lower.contains(" to the assembly");
    let views_to_the_secretary_general = || {
        lower.contains(" to the secretary-general")
            && lower
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| matches!(w, "views" | "comments" | "observations" | "information"))
    };
    // What is submitted or presented at a session is submitted to it; what is transmitted
    // elsewhere may only mention one (`to transmit to the Conference on Disarmament the
    // documents considered at its seventy-fifth session`).
    let at_a_session = || session_after(lower, &["at its "]).is_some();
    // Each read only for the verbs it bears on: most tasks have none of them.
    match verb {
        "submit" | "present" => {
            to_the_assembly() || at_a_session() || views_to_the_secretary_general()
        }
        "transmit" | "communicate" => to_the_assembly() || views_to_the_secretary_general(),
        "provide" | "share" => views_to_the_secretary_general(),
        _ => false,
    }
}

/// Whether a task hands a report to someone by making it available: `to make the report
/// available to the General Assembly`, `to make available to Member States a study on ...`;
/// not `to make the report of the Commission available as soon as possible` (a document
/// distributed, no one named to receive it) nor `to make use of their national reports`.
pub(super) fn makes_a_report_available(verb: &str, lower: &str) -> bool {
    if verb != "make" {
        return false;
    }
    let Some((_, after)) = lower.split_once("make ") else {
        return false;
    };
    let Some(at) = after.find("available to ") else {
        return false;
    };
    let names_a_report = |s: &str, words: usize| {
        s.split_whitespace().take(words).any(|w| {
            matches!(
                w.trim_matches(|c: char| !c.is_alphanumeric()),
                "report" | "reports" | "study" | "findings" | "update" | "note"
            )
        })
    };
    let before = &after[..at];
    if before.trim().is_empty() {
        names_a_report(&after[at..], 14)
    } else {
        before.split_whitespace().count() <= 8 && names_a_report(before, 8)
    }
}

/// Whether a task asks for a report through `ensure`: in the passive (`to ensure that the
/// report is submitted to the Assembly`, `that his reports are issued in time`) or as a noun
/// (`to ensure the timely submission of the report`). Reports that are only read or acted on
/// are not asked for (`to ensure that the recommendations of the report are implemented`).
pub(super) fn ensures_a_report(verb: &str, lower: &str) -> bool {
    if verb != "ensure" {
        return false;
    }
    let Some((_, after)) = lower.split_once("ensure") else {
        return false;
    };
    let words: Vec<&str> = after
        .split_whitespace()
        .take(14)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .collect();
    let report = |w: &str| matches!(w, "report" | "reports" | "study" | "briefing" | "note");
    let auxiliary = |w: &str| matches!(w, "is" | "are" | "be" | "shall" | "will" | "should");
    let adverb = |w: &str| w.ends_with("ly") && w.len() > 3;
    words.iter().enumerate().any(|(k, w)| {
        if !report(w) {
            return false;
        }
        // `the report is submitted`, `the report shall be duly presented`, `is made available`.
        let after = &words[k + 1..];
        let verb_at = after.iter().position(|v| !auxiliary(v) && !adverb(v));
        let passive = verb_at.is_some_and(|at| {
            at > 0
                && match after[at] {
                    "submitted" | "presented" | "issued" | "prepared" | "transmitted" => true,
                    "made" => after.get(at + 1) == Some(&"available"),
                    _ => false,
                }
        });
        // `the timely submission of the report`, `the presentation of his annual reports`.
        let nominal = (k.saturating_sub(5)..k).any(|j| {
            matches!(
                words[j],
                "submission" | "presentation" | "issuance" | "preparation"
            ) && words[j + 1..k].contains(&"of")
        });
        passive || nominal
    })
}

/// Whether `update` is a noun here, what is delivered (`to provide a midterm update`, `to
/// submit a comprehensive update on progress`), not the task's verb (`to update the study`,
/// which [`updates_whom_or_a_document`] reads).
pub(super) fn names_an_update(verb: &str, lower: &str) -> bool {
    // A noun after a determiner or an adjective of time or form; a verb after `to`, `and`,
    // `or`, `should` or an adverb (`should update and develop their policies`, `to issue,
    // update and modernize publications`).
    const BEFORE_THE_NOUN: &[&str] = &[
        "a",
        "an",
        "the",
        "its",
        "his",
        "her",
        "their",
        "any",
        "such",
        "oral",
        "written",
        "midterm",
        "mid-term",
        "interim",
        "final",
        "comprehensive",
        "annual",
        "periodic",
        "regular",
        "brief",
        "detailed",
        "progress",
        "status",
    ];
    if verb == "update" || !lower.contains("update") {
        return false;
    }
    let mut before = "";
    for word in lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
    {
        if word == "update" && BEFORE_THE_NOUN.contains(&before) {
            return true;
        }
        before = word;
    }
    false
}

/// Whether `report` is a verb joined by `and` after the first (`to consult with, and report
/// to,`, `and report thereon`), not a noun (`and report dissemination`).
pub(super) fn reports_after_and(lower: &str) -> bool {
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

/// `to submit to the Secretariat, on a voluntary basis, information on confidence-building
/// measures`, `to share their views with the Special Rapporteur`: information or views given
/// to the Organization, whoever gives them (a State's information given to no one named is
/// not a report).
pub(super) fn informs_the_organization(verb: &str, task: &str, lower: &str) -> bool {
    let giving = matches!(
        verb,
        "provide" | "submit" | "transmit" | "communicate" | "share" | "send" | "convey"
    );
    let what = ["information", "views", "data on", "data to"]
        .iter()
        .any(|w| lower.contains(w));
    giving
        && what
        && [" to the ", " with the "].iter().any(|to| {
            lower.match_indices(to).take(3).any(|(at, _)| {
                // The body itself, not something of it: `to provide their support to the
                // consolidation of the United Nations capability in ... information`.
                let recipient = &task[at + to.len() - 4..];
                matches!(
                    head_kind(recipient.trim()),
                    Some(
                        AddresseeKind::SecretaryGeneral
                            | AddresseeKind::UnitedNationsEntity
                            | AddresseeKind::GeneralAssembly
                    )
                )
            })
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
