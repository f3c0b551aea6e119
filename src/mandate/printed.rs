//! Where a division's mandates are printed: the actors its directive clauses name and the due
//! or end dates printed in full in their tasks, as byte ranges of the division's text. This is
//! what the AKN writer marks inline, read straight from the clauses: no kinds, no subjects, no
//! mandates built.

use super::clauses::clauses;
use super::fields;
use crate::markup::push_plain_text;
use crate::model::{AddresseeKind, Date, Document, Inline, Language, When};

/// One stretch of a division's text to mark.
#[derive(Debug, Clone, PartialEq)]
pub struct Printed {
    /// Byte range in the division's plain text (as [`crate::markup::plain_text`] gives it).
    pub start: usize,
    pub end: usize,
    pub what: PrintedAs,
}

/// What a stretch of text is, for the element that marks it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PrintedAs {
    /// An actor a clause names, of this kind (its phrase is the text in the range).
    Actor(AddresseeKind),
    /// A due date or end date, printed `15 April 2026`.
    Date(Date),
}

/// Every division of `doc` whose text holds an actor or a date to mark, given to `each` with
/// its runs, their plain text and what is printed there: each operative paragraph's own text
/// and each of its sub-items'. Only English texts of adopted documents are read, as for
/// [`super::extract`]. (A visitor rather than a list: the text of a division made of several
/// runs lives in a buffer reused for the next, and is never copied.)
pub fn printed_in(doc: &Document, mut each: impl FnMut(&[Inline], &str, Vec<Printed>)) {
    if doc.language != Language::English || doc.is_draft() {
        return;
    }
    // Most divisions are several runs (the verb in italics, then the text), and most of them
    // have nothing to mark.
    let mut buffer = String::new();
    let acts = std::iter::once(&doc.act).chain(doc.parts.iter().map(|p| &p.act));
    for act in acts {
        for p in super::operative_paragraphs(&act.body) {
            let divisions = std::iter::once(&p.text).chain(p.items.iter().map(|i| &i.text));
            for runs in divisions {
                let text = match runs.as_slice() {
                    [Inline::Text(t)] => t.as_str(),
                    _ => {
                        buffer.clear();
                        push_plain_text(runs, &mut buffer);
                        &buffer
                    }
                };
                let printed = printed(text);
                if !printed.is_empty() {
                    each(runs, text, printed);
                }
            }
        }
    }
}

/// What is printed in one division's text, in order, no two overlapping: each actor where its
/// clause names it (a phrase named again by a later clause is marked once), and each due or end
/// date printed in full in a clause's task.
pub fn printed(text: &str) -> Vec<Printed> {
    let mut out: Vec<Printed> = Vec::new();
    let put = |start: usize, end: usize, what: PrintedAs, out: &mut Vec<Printed>| {
        let overlaps = out.iter().any(|m| start < m.end && m.start < end);
        if !overlaps {
            out.push(Printed { start, end, what });
        }
    };
    for clause in clauses(text) {
        for (phrase, kind) in &clause.actors {
            // Each actor printed is a stretch of the text: where it lies is where it is marked
            // (the Assembly acting on its own decision is not printed; a pronoun names no one).
            let Some(start) = offset_in(text, phrase) else {
                continue;
            };
            if super::actors::is_pronoun(phrase) {
                continue;
            }
            let named_before = out
                .iter()
                .any(|m| matches!(m.what, PrintedAs::Actor(_)) && text[m.start..m.end] == **phrase);
            if !named_before {
                put(
                    start,
                    start + phrase.len(),
                    PrintedAs::Actor(*kind),
                    &mut out,
                );
            }
        }
        if !fields::may_set_a_date(clause.task) {
            continue;
        }
        let Some(task_at) = offset_in(text, clause.task) else {
            continue;
        };
        for when in [fields::due(clause.task), fields::until(clause.task)] {
            let Some(When::Date(d)) = when else {
                continue;
            };
            let month = Date::MONTH_NAMES[usize::from(d.month) - 1];
            let printed = format!("{} {month} {}", d.day, d.year);
            if let Some(at) = clause.task.find(&printed) {
                let start = task_at + at;
                put(start, start + printed.len(), PrintedAs::Date(d), &mut out);
            }
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

/// Where `part`, a non-empty stretch of `text`, starts in it; `None` for anything else.
fn offset_in(text: &str, part: &str) -> Option<usize> {
    let at = (part.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    (!part.is_empty() && at + part.len() <= text.len()).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str) -> Vec<(&str, PrintedAs)> {
        printed(text)
            .into_iter()
            .map(|m| (&text[m.start..m.end], m.what))
            .collect()
    }

    #[test]
    fn actors_once_and_dates_in_full() {
        let text = "Requests the Secretary-General to submit a report by 15 April 2026, and also requests the Secretary-General and Member States to act until 31 December 2027;";
        assert_eq!(
            marked(text),
            [
                (
                    "the Secretary-General",
                    PrintedAs::Actor(AddresseeKind::SecretaryGeneral)
                ),
                (
                    "15 April 2026",
                    PrintedAs::Date(Date {
                        year: 2026,
                        month: 4,
                        day: 15
                    })
                ),
                (
                    "Member States",
                    PrintedAs::Actor(AddresseeKind::MemberStates)
                ),
                (
                    "31 December 2027",
                    PrintedAs::Date(Date {
                        year: 2027,
                        month: 12,
                        day: 31
                    })
                ),
            ]
        );
    }

    /// The actor is marked where the clause names it, not where its words first appear.
    #[test]
    fn an_actor_is_marked_where_it_is_addressed() {
        let text = "Takes note of the efforts, calls upon the United Nations to support capacity-building of Member States, and calls upon Member States to continue to provide funding;";
        let states = printed(text)
            .into_iter()
            .find(|m| m.what == PrintedAs::Actor(AddresseeKind::MemberStates))
            .unwrap();
        assert_eq!(&text[states.start..states.end], "Member States");
        assert_eq!(states.start, text.rfind("Member States").unwrap());
    }

    #[test]
    fn a_date_told_of_the_past_or_a_view_is_not_marked() {
        assert!(marked("Welcomes the report of 5 May 2025;").is_empty());
        assert_eq!(
            marked(
                "Requests the Secretary-General to follow up the decision adopted on 9 July 2004;"
            ),
            [(
                "the Secretary-General",
                PrintedAs::Actor(AddresseeKind::SecretaryGeneral)
            )]
        );
    }
}
