//! `unakn remove`: documents out of a store, by symbol or IRI, a whole work or one language
//! version of it (the work's own graph goes with its last version).

use super::input::verdict;
use anyhow::{anyhow, Result};
use oxigraph::model::NamedNode;
use std::path::Path;
use unakn::model::Language;
use unakn::store::Store;
use unakn::vocab::Base;

/// Removes what each target names from the store in `dir`, all in one transaction: a symbol
/// (`A/RES/78/10`) or a work IRI names every language version loaded, an expression IRI
/// (`…/78-10/fra@`) or a symbol with `language` one version. A target the store does not hold
/// is reported; the others are removed all the same, and the exit code says so.
pub fn remove(dir: &Path, targets: &[String], language: Option<&str>) -> Result<()> {
    let language = language
        .map(|code| {
            Language::from_code(code).ok_or_else(|| {
                anyhow!("--language {code}: not a UN language code (en, fr, es, ar, zh, ru or eng, fra, ...)")
            })
        })
        .transpose()?;
    let store = Store::open(dir)?;
    let base = store
        .minted_base()?
        .ok_or_else(|| anyhow!("the store in {} holds no documents", dir.display()))?;
    let before = store.len()?;
    let mut graphs: Vec<NamedNode> = Vec::new();
    let mut missing = Vec::new();
    for target in targets {
        let found = documents_named(&store, &base, target, language)?;
        if found.is_empty() {
            missing.push(target.as_str());
        }
        graphs.extend(found);
    }
    graphs.sort();
    graphs.dedup();
    let index = unakn::search::Index::open(&unakn::search::folder_of(dir))?;
    let in_line_before = index.is_in_line_with(store.state()?.as_deref());
    store.remove_documents(&graphs)?;
    // The index after the store; were this killed in between, the next open drops what the
    // store no longer holds.
    let expressions: Vec<String> = graphs.iter().map(|g| g.as_str().to_string()).collect();
    index.remove(&expressions)?;
    if in_line_before {
        index.mark_in_line_with(store.state()?.as_deref())?;
    }
    eprintln!(
        "removed {} document(s) from {}: {} quads in the store ({:+})",
        graphs.len(),
        dir.display(),
        store.len()?,
        store.len()? as i64 - before as i64
    );
    for g in &graphs {
        eprintln!("  {}", g.as_str());
    }
    // Targets not found fail as bad inputs do: exit code 1, the others done.
    verdict(missing.len(), || {
        format!(
            "not in the store: {} (a part of a multi-part resolution goes with its whole)",
            missing.join(", ")
        )
    })
}

/// The graphs (documents) a target names.
pub(super) fn documents_named(
    store: &Store,
    base: &Base,
    target: &str,
    language: Option<Language>,
) -> Result<Vec<NamedNode>> {
    let iri = if target.starts_with("http://") || target.starts_with("https://") {
        let iri = NamedNode::new(target).map_err(|e| anyhow!("{target}: not an IRI: {e}"))?;
        if Base::work_of_expression(iri.as_str()).is_some() {
            return Ok(if store.has_graph(iri.as_ref())? {
                vec![iri]
            } else {
                Vec::new()
            });
        }
        iri
    } else {
        let symbol = unakn::symbol::normalise(target);
        if let Some(language) = language {
            let expression = base.expression(&symbol, language);
            return Ok(if store.has_graph(expression.as_ref())? {
                vec![expression]
            } else {
                Vec::new()
            });
        }
        base.work(&symbol)
    };
    Ok(store.documents_of(iri.as_ref())?)
}
