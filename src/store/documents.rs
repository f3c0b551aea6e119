//! Documents in and out of a store, and the one fact they share: a work's graph.
//!
//! A document is two named graphs (see [`crate::rdf`]): its expression's, which it owns and
//! which loading it again replaces, and its work's, shared with the work's other language
//! versions, which holds the union of what the versions present state of the work. Loading a
//! version for the first time adds its facts to that union; loading one again, or removing
//! one, states the union anew from the versions that remain, read back from the AKN the store
//! keeps of each, so that no fact only a replaced or removed version stated survives it.

use super::{Store, StoreError};
use crate::model::Document;
use crate::vocab::{self, Base};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// The quads of a document as a store keeps them: [`rdf::quads`](crate::rdf::quads) and the
/// AKN manifestation itself, an `rdf:XMLLiteral` of `unakn:xml` in the expression's graph, so
/// the store can serve the document it describes, replaces both at once, and can state the
/// work's facts anew from its versions.
pub fn quads_with_manifestation(doc: &Document, base: &Base) -> std::io::Result<Vec<Quad>> {
    let mut quads = crate::rdf::quads(doc, base);
    let mut xml = Vec::with_capacity(64 * 1024);
    crate::akn::write(doc, &mut xml)?;
    let xml = String::from_utf8(xml)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
    let manifestation = base.manifestation(&doc.symbol, doc.language);
    let graph = GraphName::NamedNode(base.expression(&doc.symbol, doc.language));
    quads.push(Quad::new(
        manifestation.clone(),
        vocab::unakn::digest,
        Literal::new_simple_literal(digest(&xml)),
        graph.clone(),
    ));
    quads.push(Quad::new(
        manifestation,
        vocab::unakn::xml,
        Literal::new_typed_literal(xml, vocab::rdf::XMLLiteral),
        graph,
    ));
    Ok(quads)
}

/// The digest of a manifestation's AKN: FNV-1a, 64 bits in hex, the same on every platform
/// and release. What tells a version loaded again in another form from the one indexed.
pub fn digest(xml: &str) -> String {
    crate::fingerprint::hex(xml)
}

/// The digest [`quads_with_manifestation`] gave a version, read back from its quads.
pub fn digest_in(quads: &[Quad]) -> Option<&str> {
    quads.iter().find_map(|q| match &q.object {
        Term::Literal(l) if q.predicate == vocab::unakn::digest => Some(l.value()),
        _ => None,
    })
}

/// The named graphs `quads` belong to, each once, in order of first appearance.
pub(super) fn graphs_of(quads: &[Quad]) -> Vec<NamedNode> {
    let mut graphs: Vec<NamedNode> = Vec::new();
    for q in quads {
        if let GraphName::NamedNode(g) = &q.graph_name {
            // Few graphs per document: a scan beats hashing.
            if !graphs.contains(g) {
                graphs.push(g.clone());
            }
        }
    }
    graphs
}

/// The named graphs of quads, each once.
fn graphs_of_refs(quads: &[&Quad]) -> Vec<NamedNode> {
    let mut graphs: HashSet<&NamedNode> = HashSet::new();
    for q in quads {
        if let GraphName::NamedNode(g) = &q.graph_name {
            graphs.insert(g);
        }
    }
    graphs.into_iter().cloned().collect()
}

/// The work whose version a graph is, when the graph is an expression's.
fn work_of(graph: &NamedNode) -> Option<NamedNode> {
    Base::work_of_expression(graph.as_str()).map(NamedNode::new_unchecked)
}

/// The expressions among `graphs`, grouped by the work each is a version of.
fn versions_by_work<'a>(
    graphs: impl IntoIterator<Item = &'a NamedNode>,
) -> BTreeMap<NamedNode, Vec<NamedNode>> {
    let mut works: BTreeMap<NamedNode, Vec<NamedNode>> = BTreeMap::new();
    for g in graphs {
        if let Some(w) = work_of(g) {
            works.entry(w).or_default().push(g.clone());
        }
    }
    works
}

/// A load in batches ([`Store::batches`]): the sessions it touched, linked anew at its end.
pub struct Batches<'a> {
    store: &'a Store,
    touched: BTreeSet<super::links::Scope>,
}

impl Batches<'_> {
    /// Loads one batch of documents (see [`Store::replace_documents`]).
    pub fn replace_documents(&mut self, documents: &[Vec<Quad>]) -> Result<(), StoreError> {
        let loaded = self.store.replace_unlinked(documents)?;
        self.touched.extend(self.store.link_scopes(&loaded)?);
        Ok(())
    }

    /// States anew the links of every session the batches loaded into. Until then (and if a
    /// load stops before it) those sessions keep the links they had.
    pub fn finish(self) -> Result<(), StoreError> {
        let scopes: Vec<_> = self.touched.into_iter().collect();
        self.store.relink(&scopes)
    }
}

/// What loading or removing documents does to the store.
#[derive(Default)]
struct Change<'a> {
    /// Graphs cleared, in one transaction with `restate`.
    clear: Vec<NamedNode>,
    /// Works' facts stated anew, from the versions that stay.
    restate: Vec<Quad>,
    /// The documents' own quads, added after.
    add: Vec<&'a Quad>,
}

impl Store {
    /// Loads documents, each the quads of [`quads_with_manifestation`] (or of
    /// [`rdf::quads`](crate::rdf::quads)): each expression's graph is replaced, and each work's
    /// graph keeps the union of what its versions state. What the store held is changed in one
    /// transaction, then the documents are bulk-loaded; a document read twice (from its text and
    /// from its PDF) ends as the later one states it, as when they are loaded one by one. The
    /// links of the sessions loaded into are then stated anew; a load in many batches goes
    /// through [`Store::batches`] to state them once, at its end.
    pub fn replace_documents(&self, documents: &[Vec<Quad>]) -> Result<(), StoreError> {
        let mut batches = self.batches();
        batches.replace_documents(documents)?;
        batches.finish()
    }

    /// A load in batches: each batch's documents replaced as [`Store::replace_documents`]
    /// replaces them, the links of every session the batches touched stated anew once, by
    /// [`Batches::finish`].
    pub fn batches(&self) -> Batches<'_> {
        Batches {
            store: self,
            touched: BTreeSet::new(),
        }
    }

    fn replace_unlinked(&self, documents: &[Vec<Quad>]) -> Result<Vec<NamedNode>, StoreError> {
        self.changing()?;
        let change = self.loading(documents)?;
        self.clear_and_restate(&change)?;
        let loaded: Vec<NamedNode> = versions_by_work(graphs_of_refs(&change.add).iter())
            .into_values()
            .flatten()
            .collect();
        let mut loader = self.inner.bulk_loader();
        loader.load_quads(change.add.into_iter().cloned())?;
        loader.commit()?;
        Ok(loaded)
    }

    /// Removes language versions (expression graphs), all in one transaction; the graph of a
    /// work goes with its last version, and is stated anew from the versions that remain.
    pub fn remove_documents(&self, expressions: &[NamedNode]) -> Result<(), StoreError> {
        self.changing()?;
        let mut change = Change {
            clear: expressions.to_vec(),
            ..Change::default()
        };
        let scopes = self.link_scopes(expressions)?;
        for (work, removed) in versions_by_work(expressions) {
            let mut remaining = self.documents_of(work.as_ref())?;
            remaining.retain(|e| !removed.contains(e));
            if remaining.is_empty() {
                change.clear.push(work);
            } else if let Some(facts) = self.work_facts(&work, &remaining)? {
                change.clear.push(work);
                change.restate.extend(facts);
            }
        }
        self.clear_and_restate(&change)?;
        self.relink(&scopes)
    }

    /// The documents of a work the store holds: the graphs of its expressions (one per
    /// language loaded). A part of a multi-part resolution has none of its own: it is
    /// described in its whole's graphs.
    pub fn documents_of(&self, work: NamedNodeRef<'_>) -> Result<Vec<NamedNode>, StoreError> {
        let mut graphs = Vec::new();
        let realized_by = crate::vocab::eli::is_realized_by;
        for quad in self
            .inner
            .quads_for_pattern(Some(work.into()), Some(realized_by), None, None)
        {
            let quad = quad?;
            if let (GraphName::NamedNode(g), Term::NamedNode(e)) = (&quad.graph_name, &quad.object)
            {
                if g == e && !graphs.contains(g) {
                    graphs.push(g.clone());
                }
            }
        }
        graphs.sort();
        Ok(graphs)
    }

    /// What loading `documents` changes.
    fn loading<'a>(&self, documents: &'a [Vec<Quad>]) -> Result<Change<'a>, StoreError> {
        // The last document of each expression wins.
        let mut seen: HashSet<NamedNode> = HashSet::new();
        let mut kept: Vec<(&'a Vec<Quad>, Vec<NamedNode>)> = Vec::new();
        for quads in documents.iter().rev() {
            let graphs = graphs_of(quads);
            let expressions: Vec<&NamedNode> =
                graphs.iter().filter(|g| work_of(g).is_some()).collect();
            if expressions.iter().any(|e| seen.contains(*e)) {
                continue;
            }
            seen.extend(expressions.into_iter().cloned());
            if !self.holds_already(quads, &graphs)? {
                kept.push((quads, graphs));
            }
        }
        kept.reverse();
        // The versions loaded of each work.
        let works = versions_by_work(kept.iter().flat_map(|(_, graphs)| graphs));
        let mut change = Change::default();
        for (quads, graphs) in &kept {
            // Every graph a document writes is its own, but its works'.
            change
                .clear
                .extend(graphs.iter().filter(|g| !works.contains_key(*g)).cloned());
            change.add.extend(quads.iter());
        }
        for (work, loaded) in &works {
            let mut staying = self.documents_of(work.as_ref())?;
            if !staying.iter().any(|e| loaded.contains(e)) {
                // Only new versions: their facts join the union as they are added.
                continue;
            }
            // A version loaded again may no longer state what it stated: the union is stated
            // anew from the versions that stay, and the loaded ones add theirs.
            staying.retain(|e| !loaded.contains(e));
            if let Some(facts) = self.work_facts(work, &staying)? {
                change.clear.push(work.clone());
                change.restate.extend(facts);
            }
        }
        Ok(change)
    }

    /// Whether the store holds a document exactly as `quads` state it: its expression's graph
    /// quad for quad, and each of its work's facts. Loading it again would change nothing, and
    /// clearing a graph to write it back costs far more than reading it.
    fn holds_already(&self, quads: &[Quad], graphs: &[NamedNode]) -> Result<bool, StoreError> {
        let Some(expression) = graphs.iter().find(|g| work_of(g).is_some()) else {
            return Ok(false);
        };
        if !self.has_graph(expression.as_ref())? {
            return Ok(false);
        }
        let graph = GraphName::NamedNode(expression.clone());
        let own: HashSet<&Quad> = quads.iter().filter(|q| q.graph_name == graph).collect();
        let mut held = 0;
        for q in self
            .inner
            .quads_for_pattern(None, None, None, Some(graph.as_ref()))
        {
            if !own.contains(&q?) {
                return Ok(false);
            }
            held += 1;
        }
        if held != own.len() {
            return Ok(false);
        }
        for q in quads.iter().filter(|q| q.graph_name != graph) {
            if !self.inner.contains(q)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// The facts the versions `expressions` state of `work`, read back from the AKN the store
    /// keeps of each; `None` when one of them was loaded without it (its facts then stay in
    /// the work's graph, since they cannot be told from the others').
    fn work_facts(
        &self,
        work: &NamedNode,
        expressions: &[NamedNode],
    ) -> Result<Option<Vec<Quad>>, StoreError> {
        let Some(base) = Base::of_minted(work.as_str()) else {
            return Ok(None);
        };
        let graph = GraphName::NamedNode(work.clone());
        let mut facts = Vec::new();
        for e in expressions {
            let Some(xml) = self.stored_akn(e)? else {
                return Ok(None);
            };
            let doc = crate::parse::parse(xml.as_bytes())
                .map_err(|err| {
                    StoreError::Unsupported(format!("the AKN stored for <{}>: {err}", e.as_str()))
                })?
                .value;
            facts.extend(
                crate::rdf::quads(&doc, &base)
                    .into_iter()
                    .filter(|q| q.graph_name == graph),
            );
        }
        Ok(Some(facts))
    }

    /// The AKN the store keeps of a language version, if it was loaded with it.
    pub fn stored_akn(&self, expression: &NamedNode) -> Result<Option<String>, StoreError> {
        Ok(self
            .objects(None, vocab::unakn::xml, expression.as_ref())?
            .into_iter()
            .find_map(|t| match t {
                Term::Literal(l) => Some(l.value().to_string()),
                _ => None,
            }))
    }

    /// Clears `change.clear` and writes `change.restate`, in one transaction.
    fn clear_and_restate(&self, change: &Change<'_>) -> Result<(), StoreError> {
        let mut tx = self.inner.start_transaction()?;
        for g in &change.clear {
            // A point lookup first: clearing a graph seeks every index, and on a first load no
            // graph is there yet.
            let graph = NamedOrBlankNode::from(g.clone());
            if tx.contains_named_graph(graph.as_ref())? {
                tx.remove_named_graph(graph.as_ref())?;
            }
        }
        tx.extend(&change.restate);
        tx.commit()?;
        Ok(())
    }
}
