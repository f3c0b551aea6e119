//! `unakn diff OLD NEW`: what changed between two texts (a draft and the resolution adopted
//! from it, or any two), paragraph by paragraph and word by word, as text, JSON or HTML.

use super::input::read_document;
use super::remove::documents_named;
use crate::cli::DiffFormat;
use anyhow::{anyhow, Context, Result};
use std::io::{IsTerminal, Write};
use std::path::Path;
use unakn::model::Document;
use unakn::store::Store;

pub fn run(old: &str, new: &str, store: Option<&Path>, format: DiffFormat) -> Result<()> {
    let store = store.map(Store::open).transpose()?;
    let old_doc = document(old, store.as_ref())?;
    let new_doc = document(new, store.as_ref())?;
    let diff = unakn::diff::diff(&old_doc, &new_doc);
    let mut out = std::io::stdout().lock();
    match format {
        DiffFormat::Text => {
            let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            out.write_all(unakn::diff::text(&diff, colour).as_bytes())?;
        }
        DiffFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &diff)?;
            writeln!(out)?;
        }
        DiffFormat::Html => {
            let title = format!("Changes from {} to {}", diff.old_symbol, diff.new_symbol);
            out.write_all(unakn::diff::html(&diff, Some(&title)).as_bytes())?;
        }
    }
    Ok(())
}

/// A document named by a file (PDF, text, AKN), or with a store by a symbol or IRI: the AKN the
/// store keeps of it, English first.
fn document(name: &str, store: Option<&Store>) -> Result<Document> {
    if Path::new(name).exists() || store.is_none() {
        return Ok(read_document(Path::new(name), false)?.0);
    }
    let store = store.expect("checked");
    let base = store
        .minted_base()?
        .ok_or_else(|| anyhow!("the store holds no documents"))?;
    let versions = documents_named(store, &base, name, None)?;
    let expression = versions
        .iter()
        .find(|e| e.as_str().ends_with("/eng@"))
        .or(versions.first())
        .ok_or_else(|| anyhow!("{name}: neither a file nor a document of the store"))?;
    let xml = store
        .stored_akn(expression)?
        .ok_or_else(|| anyhow!("{name}: the store keeps no AKN of {expression}"))?;
    let parsed =
        unakn::parse::parse_akn(&xml).with_context(|| format!("{name}: its stored AKN"))?;
    Ok(parsed.value)
}
