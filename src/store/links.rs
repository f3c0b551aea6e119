//! The links between drafts and the acts adopted from them ([`crate::link`]), kept in one graph
//! per organ and session (`{base}/links/unga/80`) and recomputed from the documents the store
//! holds whenever a load or a removal touches that session: a link is a fact of two documents,
//! owned by neither.

use super::{Store, StoreError};
use crate::model::Document;
use crate::vocab::{self, Base};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Term};
use std::collections::BTreeSet;

/// An organ's session: the works whose drafts and acts are linked together.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Scope {
    /// The base the scope's works were minted under, which its links graph is named under.
    pub base_iri: String,
    pub actor: String,
    pub session: i64,
}

impl Store {
    /// The sessions the works of these expressions belong to (read from the store: before
    /// removing them, after loading them).
    pub(super) fn link_scopes(&self, expressions: &[NamedNode]) -> Result<Vec<Scope>, StoreError> {
        let mut scopes = BTreeSet::new();
        for e in expressions {
            let Some(work) = Base::work_of_expression(e.as_str()) else {
                continue;
            };
            let (Some(actor), Some(base)) = (vocab::actor_of_work(work), Base::of_minted(work))
            else {
                continue;
            };
            let work = NamedNode::new_unchecked(work);
            for t in self.objects(Some(work.as_ref()), vocab::unakn::session, work.as_ref())? {
                if let Term::Literal(l) = t {
                    if let Ok(session) = l.value().parse() {
                        scopes.insert(Scope {
                            base_iri: base.as_str().to_string(),
                            actor: actor.to_string(),
                            session,
                        });
                    }
                }
            }
        }
        Ok(scopes.into_iter().collect())
    }

    /// Links the drafts and acts of each scope anew, from the AKN the store keeps of each (one
    /// language version per work, English first), replacing the scope's links graph in one
    /// transaction; a scope without drafts has no links graph. Loading and removing documents
    /// call it for the scopes they touch.
    pub(super) fn relink(&self, scopes: &[Scope]) -> Result<(), StoreError> {
        if !scopes.is_empty() {
            self.changing()?;
        }
        for scope in scopes {
            let base = &Base::new(&scope.base_iri).expect("a base minted IRIs start with");
            let graph = base.links(&scope.actor, scope.session);
            let documents = self.documents_in(scope)?;
            let (drafts, adopted): (Vec<&Document>, Vec<&Document>) =
                documents.iter().partition(|d| d.is_draft());
            let mut quads = Vec::new();
            if !drafts.is_empty() {
                let (links, _) = crate::link::link(&adopted, &drafts);
                quads = crate::link::quads(&links, base, &graph);
                // Each adopted paragraph with the draft's it comes from, and what changed.
                for l in &links {
                    let find = |s: &str| documents.iter().find(|d| d.symbol == s);
                    if let (Some(old), Some(new)) = (find(&l.draft), find(&l.adopted)) {
                        let diff = crate::diff::diff(old, new);
                        quads.extend(crate::diff::quads(&diff, old, new, base, &graph));
                    }
                }
            }
            let mut tx = self.inner.start_transaction()?;
            tx.remove_named_graph(NamedOrBlankNode::from(graph).as_ref())?;
            tx.extend(&quads);
            tx.commit()?;
        }
        Ok(())
    }

    /// The documents of a scope, one language version per work, read back from their AKN;
    /// none when the scope holds no draft.
    fn documents_in(&self, scope: &Scope) -> Result<Vec<Document>, StoreError> {
        let session = Term::from(Literal::from(scope.session));
        let mut works: Vec<NamedNode> = Vec::new();
        let mut any_draft = false;
        for q in self.inner.quads_for_pattern(
            None,
            Some(vocab::unakn::session),
            Some(session.as_ref()),
            None,
        ) {
            let q = q?;
            let (NamedOrBlankNode::NamedNode(w), GraphName::NamedNode(g)) =
                (&q.subject, &q.graph_name)
            else {
                continue;
            };
            if w != g || vocab::actor_of_work(w.as_str()) != Some(scope.actor.as_str()) {
                continue;
            }
            any_draft |= self.inner.contains(oxigraph::model::QuadRef::new(
                w,
                oxigraph::model::vocab::rdf::TYPE,
                vocab::unakn::Draft,
                g,
            ))?;
            works.push(w.clone());
        }
        if !any_draft {
            return Ok(Vec::new());
        }
        let mut documents = Vec::new();
        for work in works {
            let versions = self.documents_of(work.as_ref())?;
            let english = versions.iter().find(|e| e.as_str().ends_with("/eng@"));
            let Some(expression) = english.or(versions.first()) else {
                continue;
            };
            let Some(xml) = self.stored_akn(expression)? else {
                continue;
            };
            if let Ok(parsed) = crate::parse::parse_akn(&xml) {
                documents.push(parsed.value);
            }
        }
        Ok(documents)
    }
}
