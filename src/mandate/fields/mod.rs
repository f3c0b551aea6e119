//! What a task asks (its [`MandateKind`]), by when, how often, until when and on what.

mod budget;
mod kind;
mod meeting;
mod report;
mod verb;
mod when;

pub use kind::tasks;
pub use meeting::arranges_a_meeting;
pub use report::gives_information;
pub use when::{due, held_in, may_set_a_date, recurrence, until};

use super::cues::{Cues, REVIEW};
use crate::model::MandateKind;

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
