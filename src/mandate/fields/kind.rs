//! What a task asks: its [`MandateKind`], read from its verbs and the cue phrases it holds.
//! Whether it asks for a report, or arranges a meeting, whatever its words, is read in
//! [`super::report`] and [`super::meeting`].

use super::budget::funds_the_organization;
use super::meeting::{
    arranged_by_noun, arranges, at_meetings_counted, considers_convening, devotes_a_meeting, meets,
    proclaims_an_observance,
};
use super::report::{
    delivered, ensures_a_report, in_own_report, informs_the_organization, makes_a_report_available,
    names_an_update, report_to_be_delivered, reports_after_and, updates_whom_or_a_document,
};
use super::verb::first_verb;
use super::when::session_after;
use crate::mandate::cues::{
    Cues, AGENDA, BUDGET, MEETING, MEETING_OBJECT, NOT_REPORT, REPORT_OBJECT, UNDER_AN_ITEM,
};
use crate::model::MandateKind;

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
    // `to prepare a study ... and to submit it to the Assembly`: the study is what is reported.
    let drafts_a_document = matches!(
        verb.as_str(),
        "prepare"
            | "conduct"
            | "undertake"
            | "produce"
            | "draft"
            | "carry"
            | "conclude"
            | "complete"
            | "finalize"
            | "finalise"
    ) && part
        .split_whitespace()
        .take(10)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .any(|w| {
            matches!(
                w.as_str(),
                "study"
                    | "studies"
                    | "assessment"
                    | "analysis"
                    | "survey"
                    | "compilation"
                    | "overview"
                    | "review"
                    | "evaluation"
                    | "summary"
                    | "paper"
            )
        });
    drafts_a_document
        || matches!(
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
    // `to consider the above-mentioned report under that item`, `to consider further the
    // report ... under the agenda item relating to the Mechanism`: a question for an item.
    if considers && cues.has(UNDER_AN_ITEM) {
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
    // Read only for a producing verb: most tasks have none.
    let report_object =
        || (cues.has(REPORT_OBJECT) || names_an_update(&verb, &lower)) && !cues.has(NOT_REPORT);
    if reporting_verb
        || (producing_verb && report_object())
        || makes_a_report_available(&verb, &lower)
        || in_own_report(&lower)
        || delivered(&verb, &lower)
        || ensures_a_report(&verb, &lower)
        || report_to_be_delivered(&lower)
        || informs_the_organization(&verb, task, &lower)
    {
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
    if (meeting_verb && cues.has(MEETING_OBJECT))
        || cues.has(MEETING)
        // A meeting arranged names one: read only where a meeting noun stands.
        || (cues.has(MEETING_OBJECT) && arranges(&lower))
        || devotes_a_meeting(&verb, &lower)
        || arranged_by_noun(task)
        || (considers && at_meetings_counted(&lower))
        || meets(&verb, &lower)
        || proclaims_an_observance(&verb, &lower)
    {
        return MandateKind::Meeting;
    }
    // Read last, so that a report or a meeting paid for (`all costs to be covered by
    // extrabudgetary resources`) keeps its kind.
    if funds_the_organization(task, &lower) {
        return MandateKind::Budget;
    }
    MandateKind::Action
}

#[cfg(test)]
mod tests {
    use super::super::{arranges_a_meeting, gives_information};
    use super::*;

    /// Meetings arranged through the arranging's noun or at meetings counted out; questions
    /// taken up under an agenda item; reports in the drafting of one's own, or made to be
    /// delivered.
    #[test]
    fn meetings_by_noun_items_by_heading_and_reports_by_delivery() {
        use MandateKind::*;
        for (task, expected) in [
            ("to facilitate the organization of the regional preparatory meetings", Meeting),
            ("to provide all necessary support to the Working Group for the organization of its fourteenth session", Meeting),
            ("to support the Organization of Islamic Cooperation in its work", Action),
            ("to continue consultations on the next steps for the convening of the special session", Action),
            ("to further examine, within a working group, at four meetings over consecutive days, the question", Meeting),
            ("to consider at one of its meetings the question", Action),
            ("to consider the above-mentioned report of the Secretary-General under that item", Agenda),
            ("to consider further the report of the Board under the agenda item relating to the Fund", Agenda),
            ("to consider these discussions in the drafting of his report on the implementation", Report),
            ("to conduct consultations with Member States, with a summary of those consultations to be shared with Member States", Report),
            ("to conduct consultations with Member States on a summary", Action),
            ("to submit to the Secretariat, on a voluntary basis, information on confidence-building measures", Report),
            ("to share their views with the Special Rapporteur", Report),
            ("to share information between States", Action),
            ("to provide information to the public on their rights", Action),
            ("to continue to provide their support to the consolidation of the United Nations capability in the area of satellite-derived geographical information", Action),
            ("to include in his statement information about the implementation", Report),
            ("to include in their national reports information on the measures taken", Report),
            ("convene in New York for up to 15 working days at a time", Meeting),
            ("meet annually for five days", Meeting),
            ("to convene the Meetings of States", Meeting),
            ("to meet the needs of persons with disabilities", Action),
            ("to meet in full and on time their obligations under the Convention", Action),
            ("to proclaim 2021–2030 the United Nations Decade of Healthy Ageing", Meeting),
            ("to proclaim its commitment to the goals", Action),
        ] {
            assert_eq!(kind(task), expected, "{task}");
        }
        assert!(arranges_a_meeting(
            "the Fifteenth Congress shall open with a high-level segment"
        ));
    }

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

    /// Session 18's classes, found by writing the ways a resolution asks for a report or
    /// arranges a meeting that the reference set does not hold, then reading the corpus's
    /// paragraphs each rule changed (EVALUATION.md).
    #[test]
    fn reports_by_what_is_delivered_and_meetings_by_their_arrangements() {
        use MandateKind::*;
        for task in [
            "to provide an update on the implementation of the present resolution",
            "to provide to the Council a midterm update no later than 1 December 2026",
            "to submit a comprehensive update on progress to the Commission at its next session",
        ] {
            assert_eq!(kind(task), Report, "{task}");
        }
        // `update` the verb, after `and`, `or` or a modal.
        for task in [
            "to continue to issue, update and modernize publications",
            "to communicate or update ambitious nationally determined contributions",
        ] {
            assert_eq!(kind(task), Action, "{task}");
        }
        for task in [
            "to keep the General Assembly apprised of progress made",
            "to submit to the General Assembly at its eightieth session an assessment of the implementation",
            "to present the findings and recommendations to the General Assembly at its eighty-first session",
            "to communicate such views to the General Assembly",
            "to communicate to the Secretary-General their views on the question",
        ] {
            assert_eq!(kind(task), Report, "{task}");
        }
        // Delivered elsewhere, only naming a session.
        assert_eq!(
            kind("to transmit to the Conference on Disarmament all documents considered at its seventy-fifth session"),
            Action
        );
        assert_eq!(
            kind("to submit the proposed list to Member States for their consideration"),
            Action
        );
        // Drafting what is then reported is part of the report.
        let split = tasks("to prepare a study on the impact of sport and to submit it to the General Assembly at its eighty-first session");
        assert_eq!(split.iter().map(|(k, _)| *k).collect::<Vec<_>>(), [Report]);

        // An item kept on an agenda; not the items a body has on its own.
        for task in [
            "to retain on the agenda of its eighty-first session the item entitled \"Sport for development\"",
            "To keep on its agenda the question of the peaceful settlement of disputes between States;",
        ] {
            assert_eq!(kind(task), Agenda, "{task}");
        }
        assert_eq!(
            kind("to make every effort to achieve specific recommendations on the items on its agenda"),
            Action
        );
        // A report made available to someone, or asked for through `ensure`.
        for task in [
            "to make the report available to the General Assembly at its eighty-first session",
            "to make available to Member States a study on the question",
            "to ensure that the report is submitted to the General Assembly at its eighty-first session",
            "to ensure that his reports are duly issued in all official languages",
            "to ensure the timely submission of the report to the Council",
        ] {
            assert_eq!(kind(task), Report, "{task}");
        }
        for task in [
            "to make the complete report of the Commission available as soon as possible",
            "to make increasing use of their national reports as a tool, and the mechanisms available to address such needs",
            "to ensure that the recommendations contained in the report are implemented",
            "to ensure that the reports submitted by States are considered",
        ] {
            assert_eq!(kind(task), Action, "{task}");
        }
        assert_eq!(
            kind("to devote one plenary meeting at its eighty-first session to the commemoration"),
            Meeting
        );
        assert_eq!(
            kind("to devote attention to the question at its eighty-first session"),
            Action
        );
        assert_eq!(
            kind("to provide assistance to the Secretary-General"),
            Action
        );
        for that in [
            "the high-level meeting shall take place on 25 September 2026",
            "the Conference shall be open to all Member States",
            "the proceedings of the high-level meeting will be webcast",
            "the overall theme of the high-level meeting will be “Investing in the present”",
            "the Conference shall comprise 10 plenary meetings and 10 Ocean Action panels",
            "accreditation to the international meeting shall be in accordance with annex II",
        ] {
            assert!(arranges_a_meeting(that), "{that}");
            assert_eq!(kind(that), Meeting, "{that}");
        }
        for that in [
            "the Conference shall review progress in the implementation",
            "the Permanent Forum shall consist of 10 members",
            "the Commission shall be invited to participate",
        ] {
            assert!(!arranges_a_meeting(that), "{that}");
        }
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
