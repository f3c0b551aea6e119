//! Mandates read from the operative part of an English text: in each operative paragraph (or
//! sub-item), the clauses where the Assembly requests, decides, invites, calls upon, urges,
//! encourages, authorizes, appeals to, recommends or demands, split by actor and by kind.
//!
//! The rules read the grammar of the paragraphs (a verb, the actors it names, the infinitive
//! that gives the task) and list no resolutions; `samples/mandates/` holds the reference set
//! they are scored on (EVALUATION.md).

mod actors;
mod clauses;
mod cues;
mod fields;
mod printed;

pub use printed::{printed, printed_in, Printed, PrintedAs};

use crate::eid::{block_eids, list_eid, point_eids};
use crate::markup::{item_text, paragraph_text, plain_str};
use crate::model::*;
use crate::ordinal::ordinal;
use clauses::{clauses, Clause};

/// The mandates of a document's operative part, with the symbol of the act each belongs to
/// (a part's own symbol in a multi-part resolution). Only English texts are read: the mandates
/// belong to the work's divisions, which every language version shares. A draft gives none:
/// it proposes, and the Assembly has asked nothing yet.
pub fn extract(doc: &Document) -> Vec<(String, Mandate)> {
    read(doc)
}

fn read(doc: &Document) -> Vec<(String, Mandate)> {
    let mut out = Vec::new();
    if doc.language != Language::English || doc.is_draft() {
        return out;
    }
    let adopted = doc.adoption.date;
    let mut acts = vec![(doc.symbol.clone(), &doc.act)];
    for part in &doc.parts {
        acts.push((
            crate::vocab::part_symbol(&doc.symbol, &part.number),
            &part.act,
        ));
    }
    for (symbol, act) in acts {
        let restarts = numbering_restarts(&act.body);
        let mut order = 0;
        let mut found = Vec::new();
        walk(&act.body, "", None, restarts, &mut order, &mut found);
        for m in &mut found {
            if m.due
                .is_some_and(|due| before_adoption(due, &doc.symbol, adopted))
            {
                m.due = None;
                if m.recurrence == Some(Recurrence::OneTime) {
                    m.recurrence = None;
                }
            }
        }
        out.extend(found.into_iter().map(|m| (symbol.clone(), m)));
    }
    out
}

/// Whether a time read as due falls before the resolution: a session before its own
/// (`A/RES/80/130`'s `adopted at its sixty-second session`; `Requests the Commission to accord
/// sufficient time at its thirty-third session`, the Commission's), a date before its adoption
/// (`the Leaders' Meeting held on 24 April 2021`). Nothing is due before it is asked.
fn before_adoption(due: When, symbol: &str, adopted: Option<Date>) -> bool {
    let own_session = symbol.split('/').nth(2).and_then(|s| s.parse::<u32>().ok());
    let day = |d: Date| (d.year, d.month, d.day);
    match (due, adopted) {
        (When::Session(n), _) => own_session.is_some_and(|own| n < own),
        (When::Date(d), Some(a)) => day(d) < day(a),
        (When::Month(y, m), Some(a)) => (y, m) < (a.year, a.month),
        (When::Year(y), Some(a)) => y < a.year,
        _ => false,
    }
}

/// The operative paragraphs of a body, in order, sections opened.
fn operative_paragraphs(blocks: &[Block]) -> Vec<&Paragraph> {
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph(p) => out.push(p),
            Block::Section(s) => out.extend(operative_paragraphs(&s.blocks)),
            Block::Recital(_) | Block::Text(_) | Block::Table(_) => {}
        }
    }
    out
}

/// Whether paragraph numbers start again in each section (`I. 1. ... II. 1.`).
fn numbering_restarts(blocks: &[Block]) -> bool {
    let firsts = blocks
        .iter()
        .filter(|b| match b {
            Block::Section(s) => s
                .blocks
                .iter()
                .any(|b| matches!(b, Block::Paragraph(p) if p.number.as_deref() == Some("1"))),
            _ => false,
        })
        .count();
    firsts > 1
}

fn walk(
    blocks: &[Block],
    prefix: &str,
    section: Option<&str>,
    restarts: bool,
    order: &mut usize,
    out: &mut Vec<Mandate>,
) {
    let eids = block_eids(prefix, blocks);
    for (block, eid) in blocks.iter().zip(eids) {
        match block {
            Block::Paragraph(p) => {
                *order += 1;
                let number = p.number.clone().unwrap_or_else(|| format!("u{order}"));
                let section = if restarts { section } else { None };
                paragraph(p, &number, section, &eid, out);
            }
            Block::Section(s) => {
                let number = s.number.as_deref();
                walk(&s.blocks, &eid, number, restarts, order, out);
            }
            Block::Recital(_) | Block::Text(_) | Block::Table(_) => {}
        }
    }
}

/// Where a mandate was found: the division and its text.
struct Unit<'a> {
    paragraph: String,
    section: Option<&'a str>,
    eid: String,
    text: String,
    /// Whether the text provides for a review, read once when a mandate is found.
    review: std::cell::OnceCell<bool>,
}

fn paragraph(
    p: &Paragraph,
    number: &str,
    section: Option<&str>,
    eid: &str,
    out: &mut Vec<Mandate>,
) {
    let chapeau = plain_str(&p.text);
    let found = clauses(&chapeau);
    // A clause ending in a colon gives its task to the sub-items: `Calls upon States:`, or
    // `Requests the Department to continue ..., inter alia:` before sub-items `To ...`.
    let pending = found
        .last()
        .filter(|c| c.pending || c.task.trim_end().ends_with(':'));
    // Each sub-item's own text and clauses, read once.
    let texts: Vec<_> = p.items.iter().map(|item| plain_str(&item.text)).collect();
    let items: Vec<(&str, Vec<Clause<'_>>)> = texts.iter().map(|t| (&**t, clauses(t))).collect();
    let items_are_tasks = pending.is_some()
        && items.iter().all(|(t, c)| {
            c.is_empty()
                && (chapeau.trim_end().ends_with("to:") || t.trim_start().starts_with("To "))
        });
    if found.is_empty() && items.iter().all(|(_, c)| c.is_empty()) {
        return;
    }
    let whole = Unit {
        paragraph: number.to_string(),
        section,
        eid: eid.to_string(),
        text: paragraph_text(p),
        review: std::cell::OnceCell::new(),
    };
    let upto = if items_are_tasks {
        found.len() - 1
    } else {
        found.len()
    };
    for clause in &found[..upto] {
        // A clause ending in a colon whose sub-items are not tasks (`Approves the following
        // provisional agenda:`) reads the sub-items as part of its task.
        let task = if clause.pending {
            format!("{} {}", clause.task, whole.text)
        } else {
            clause.task.to_string()
        };
        mandates_of(clause, &task, &whole, out);
    }
    if p.items.is_empty() {
        return;
    }
    let list = list_eid(eid);
    for ((item, item_eid), (_, item_clauses)) in
        p.items.iter().zip(point_eids(&list, &p.items)).zip(&items)
    {
        let unit = Unit {
            paragraph: format!("{number} {}", item.printed_number()),
            section,
            eid: item_eid,
            text: item_text(item),
            review: std::cell::OnceCell::new(),
        };
        if items_are_tasks {
            if let Some(c) = pending {
                mandates_of(c, &unit.text, &unit, out);
            }
        } else {
            for clause in item_clauses {
                mandates_of(clause, clause.task, &unit, out);
            }
        }
    }
}

/// One mandate per kind of actor and kind of task, the first actor of each kind named.
fn mandates_of(clause: &Clause, task: &str, unit: &Unit<'_>, out: &mut Vec<Mandate>) {
    let mut tasks = fields::tasks(task);
    // `Appropriates an additional amount of ...`: money, whatever the words after.
    if clause.verb.to_lowercase().contains("appropriat") {
        tasks = vec![(MandateKind::Budget, task.to_string())];
    }
    let review = *unit.review.get_or_init(|| fields::review(&unit.text));
    let mut seen: Vec<(AddresseeKind, MandateKind)> = of_unit(out, unit)
        .map(|m| (m.addressee_kind, m.kind))
        .collect();
    // Tasks of one kind read together: `to include in the provisional agenda of its
    // eighty-first session ... and to consider thereafter on a biennial basis`.
    let mut by_kind: Vec<(MandateKind, String)> = Vec::new();
    for (kind, part) in tasks {
        match by_kind.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, text)) => {
                text.push(' ');
                text.push_str(&part);
            }
            None => by_kind.push((kind, part)),
        }
    }
    for (addressee, addressee_kind) in &clause.actors {
        for (kind, part) in &by_kind {
            // Information asked of the Secretary-General or a United Nations body is given to
            // the Assembly: a report (`to provide information on relevant activities`); a
            // State's may go anywhere, and is a report only when the text says to whom. (On
            // money too: `to provide information on the use of extrabudgetary resources`.)
            let of_the_organization = matches!(
                addressee_kind,
                AddresseeKind::SecretaryGeneral
                    | AddresseeKind::UnitedNationsEntity
                    | AddresseeKind::PresidentOfTheGeneralAssembly
            );
            let kind = if matches!(*kind, MandateKind::Action | MandateKind::Budget)
                && of_the_organization
                && fields::gives_information(part)
            {
                MandateKind::Report
            } else {
                *kind
            };
            // A date may stand among the actors: `to the Secretary-General, beginning from 2026,
            // to submit`; a meeting's year after `in` (`to convene a meeting in 2027`).
            let due = fields::due(part)
                .or_else(|| fields::due(clause.aside))
                .or_else(|| (kind == MandateKind::Meeting).then(|| fields::held_in(part))?);
            let said = fields::recurrence(part, kind);
            if seen.contains(&(*addressee_kind, kind)) {
                // The same request again (`..., and also requests the Secretary-General to
                // continue to present a report every two years`): what it adds is kept.
                if let Some(m) = out.iter_mut().rev().find(|m| {
                    m.eid == unit.eid && m.addressee_kind == *addressee_kind && m.kind == kind
                }) {
                    if said.is_some() {
                        m.recurrence = said;
                    }
                    // `..., and further requests the Secretary-General to submit such material
                    // in advance of its eighty-third session`: the due and end of the request
                    // restated to the same actor (another actor of the kind may be given other
                    // times).
                    if m.addressee.eq_ignore_ascii_case(addressee) {
                        m.due = m.due.or(due);
                        m.until = m.until.or_else(|| fields::until(part));
                    }
                    if m.recurrence.is_none() && m.due.is_some() {
                        m.recurrence = Some(Recurrence::OneTime);
                    }
                }
                continue;
            }
            seen.push((*addressee_kind, kind));
            out.push(Mandate {
                due,
                recurrence: said.or_else(|| due.map(|_| Recurrence::OneTime)),
                until: fields::until(part),
                review,
                subject: fields::subject(part, kind),
                text: unit.text.clone(),
                ..found(clause, unit, addressee, *addressee_kind, kind)
            });
        }
    }
}

/// The mandates found so far in `unit`: the last ones found, since a unit's come together.
fn of_unit<'m>(out: &'m [Mandate], unit: &'m Unit<'_>) -> impl Iterator<Item = &'m Mandate> {
    out.iter().rev().take_while(|m| m.eid == unit.eid)
}

/// A mandate of `clause` in `unit`, its times, subject and text yet to be read.
fn found(
    clause: &Clause,
    unit: &Unit<'_>,
    addressee: &str,
    addressee_kind: AddresseeKind,
    kind: MandateKind,
) -> Mandate {
    Mandate {
        paragraph: unit.paragraph.clone(),
        section: unit.section.map(str::to_string),
        eid: unit.eid.clone(),
        verb: clause.verb.to_string(),
        addressee: addressee.to_string(),
        addressee_kind,
        kind,
        due: None,
        recurrence: None,
        until: None,
        review: false,
        subject: None,
        text: String::new(),
    }
}

/// What makes two mandates the same request: a resolution renewed every year restates its
/// requests with only sessions, dates and numbers changed. The key is the act's title and the
/// division's text with those left out, with the kind and the addressee's kind: equal keys in
/// two resolutions are the same request repeated. A hex digest, stable across runs.
pub fn request_key(title: &str, m: &Mandate) -> String {
    let mut normal = String::new();
    for part in [title, "|", &m.text] {
        for word in part.split(|c: char| !c.is_alphanumeric() && c != '-') {
            let w = word.to_lowercase();
            let numeric = w.chars().any(|c| c.is_ascii_digit());
            let is_ordinal = w
                .split('-')
                .next_back()
                .and_then(|last| ordinal(&w).or(ordinal(last)))
                .is_some();
            let month = Date::MONTH_NAMES.iter().any(|n| n.eq_ignore_ascii_case(&w));
            if w.is_empty() || numeric || is_ordinal || month {
                continue;
            }
            normal.push_str(&w);
            normal.push(' ');
        }
        normal.push('|');
    }
    normal.push_str(m.kind.as_str());
    normal.push('|');
    normal.push_str(m.addressee_kind.as_str());
    crate::fingerprint::hex(&normal)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Nothing is due before the resolution asks it: not a session before its own, not a date
    /// before its adoption.
    #[test]
    fn a_due_before_the_resolution_is_none() {
        let adopted = Some(Date {
            year: 2021,
            month: 6,
            day: 18,
        });
        let symbol = "A/RES/75/287";
        assert!(before_adoption(When::Session(46), symbol, adopted));
        assert!(!before_adoption(When::Session(75), symbol, adopted));
        assert!(!before_adoption(When::Session(76), symbol, adopted));
        assert!(before_adoption(
            When::Date(Date {
                year: 2021,
                month: 4,
                day: 24
            }),
            symbol,
            adopted
        ));
        assert!(!before_adoption(
            When::Date(Date {
                year: 2021,
                month: 6,
                day: 30
            }),
            symbol,
            adopted
        ));
        assert!(before_adoption(When::Month(2021, 5), symbol, adopted));
        assert!(!before_adoption(When::Year(2021), symbol, adopted));
        assert!(before_adoption(When::Year(2020), symbol, adopted));
        assert!(!before_adoption(When::Year(2020), "A/RES/ES-11/1", None));
    }

    #[test]
    fn the_sample_resolution() {
        let input = std::fs::read("samples/A_RES_77_213.md").unwrap();
        let doc = crate::parse::parse(&input).unwrap().value;
        let found = extract(&doc);
        assert!(!found.is_empty());
        assert!(found.iter().all(|(s, _)| s == "A/RES/77/213"));
    }

    /// A chapeau whose task ends in a colon (`..., inter alia:`) before sub-items `To ...`: each
    /// sub-item is a task of the chapeau's actor, of its own kind.
    #[test]
    fn sub_items_after_a_task_ending_in_a_colon_are_tasks() {
        let text = "United Nations\nA/RES/75/23\n\nGeneral Assembly\nDistr.: General\n4 December 2020\n\nSeventy-fifth session\nAgenda item 38\n\n Resolution adopted by the General Assembly\non 2 December 2020\n\n75/23. Special information programme\n\nThe General Assembly,\n\nRecalling its resolution 74/13,\n\n1. Requests the Department, in full cooperation with the Committee, to continue its special information programme for 2021–2023, in particular, inter alia:\n\n(a) To disseminate information on all the activities of the United Nations system;\n\n(b) To organize international, regional and national seminars for journalists;\n\n2. Encourages the Department to continue organizing encounters for the media.\n";
        let doc = crate::parse::parse(text.as_bytes()).unwrap().value;
        let found: Vec<(String, MandateKind)> = extract(&doc)
            .into_iter()
            .map(|(_, m)| (m.paragraph, m.kind))
            .collect();
        assert_eq!(
            found,
            [
                ("1 (a)".to_string(), MandateKind::Action),
                ("1 (b)".to_string(), MandateKind::Meeting),
                ("2".to_string(), MandateKind::Meeting)
            ]
        );
    }

    #[test]
    fn a_request_restated_in_a_later_session_has_the_same_key() {
        let at = |session: &str, text: &str| Mandate {
            paragraph: "7".into(),
            section: None,
            eid: "para_7".into(),
            verb: "Requests".into(),
            addressee: "the Secretary-General".into(),
            addressee_kind: AddresseeKind::SecretaryGeneral,
            kind: MandateKind::Report,
            due: None,
            recurrence: None,
            until: None,
            review: false,
            subject: None,
            text: format!(
                "Requests the Secretary-General to report at its {session} session on {text}."
            ),
        };
        let title = "Effects of atomic radiation";
        assert_eq!(
            request_key(title, &at("seventy-ninth", "resolution 78/71")),
            request_key(title, &at("eighty-first", "resolution 80/75"))
        );
        assert_ne!(
            request_key(title, &at("eighty-first", "it")),
            request_key("Another title", &at("eighty-first", "it"))
        );
    }
}
