//! The mandates of a document as RDF: a node per mandate (`{division}/mandate_1`), in the
//! English expression's graph where the extraction reads them, on the division every language
//! version shares.

use super::Graph;
use crate::mandate::{extract, request_key};
use crate::model::{Document, When};
use crate::vocab::{eli, unakn, xsd};
use oxigraph::model::vocab::rdf;
use oxigraph::model::{Literal, NamedNode};
use std::collections::HashMap;

pub(super) fn write_mandates(g: &mut Graph, doc: &Document) {
    let titles: HashMap<String, String> = std::iter::once((
        doc.symbol.clone(),
        crate::markup::plain_text(&doc.act.title),
    ))
    .chain(doc.parts.iter().map(|p| {
        (
            crate::vocab::part_symbol(&doc.symbol, &p.number),
            crate::markup::plain_text(&p.act.title),
        )
    }))
    .collect();
    let mut counts: HashMap<(String, String), usize> = HashMap::new();
    for (symbol, m) in extract(doc) {
        let n = counts.entry((symbol.clone(), m.eid.clone())).or_insert(0);
        *n += 1;
        let node = g.base.mandate(&symbol, &m.eid, *n);
        let division = g.base.portion(&symbol, &m.eid);
        let work = g.base.work(&symbol);
        g.add(&node, rdf::TYPE, unakn::Mandate);
        g.add(&division, unakn::mandate, node.clone());
        g.add(&node, unakn::division, division);
        g.add(&node, unakn::work, work);
        g.add(
            &node,
            unakn::paragraph,
            Literal::new_simple_literal(&m.paragraph),
        );
        g.add(&node, eli::number, Literal::from(*n as i64));
        g.add(&node, unakn::verb, g.text(&m.verb));
        if !m.addressee.is_empty() {
            g.add(&node, unakn::addressee, g.text(&m.addressee));
        }
        let kind = Literal::new_simple_literal(m.addressee_kind.as_str());
        g.add(&node, unakn::addresseeKind, kind);
        if let Some(entity) = g.base.addressee(&m.addressee, m.addressee_kind) {
            g.add(&node, unakn::addresseeEntity, entity);
        }
        g.add(
            &node,
            unakn::mandateKind,
            Literal::new_simple_literal(m.kind.as_str()),
        );
        if let Some(due) = m.due {
            when(
                g,
                &node,
                due,
                (unakn::due, unakn::dueSession, unakn::dueDate),
            );
        }
        if let Some(r) = m.recurrence {
            g.add(
                &node,
                unakn::recurrence,
                Literal::new_simple_literal(r.as_str()),
            );
        }
        if let Some(until) = m.until {
            when(
                g,
                &node,
                until,
                (unakn::until, unakn::untilSession, unakn::untilDate),
            );
        }
        g.add(&node, unakn::review, Literal::from(m.review));
        if let Some(subject) = &m.subject {
            g.add(&node, unakn::subject, g.text(subject));
        }
        let title = titles.get(&symbol).map_or("", String::as_str);
        let key = Literal::new_simple_literal(request_key(title, &m));
        g.add(&node, unakn::requestKey, key);
    }
}

type WhenTerms = (
    oxigraph::model::NamedNodeRef<'static>,
    oxigraph::model::NamedNodeRef<'static>,
    oxigraph::model::NamedNodeRef<'static>,
);

/// A point in time as printed (`session 81`, `2026-04`), and typed: a session's number, or a
/// date, month or year in its XML Schema type.
fn when(g: &mut Graph, node: &NamedNode, w: When, (label, session, date): WhenTerms) {
    g.add(node, label, Literal::new_simple_literal(w.to_string()));
    match w {
        When::Session(n) => g.add(node, session, Literal::from(i64::from(n))),
        When::Year(_) => g.add(
            node,
            date,
            Literal::new_typed_literal(w.to_string(), xsd::gYear),
        ),
        When::Month(..) => g.add(
            node,
            date,
            Literal::new_typed_literal(w.to_string(), xsd::gYearMonth),
        ),
        When::Date(d) => g.add(node, date, super::date_literal(d)),
    }
}
