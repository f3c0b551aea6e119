//! `unakn query`: a SPARQL query over a store or over documents loaded in memory.

use super::load::load_into;
use crate::cli::QueryFormat;
use anyhow::{anyhow, Context, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use unakn::search::Index;
use unakn::store::{ResultFormat, Store};
use unakn::vocab::Base;

/// Runs the query (given, or read from `file`) and writes its results to standard output.
pub fn query(
    query: Option<String>,
    file: Option<&Path>,
    store: Option<&Path>,
    load: &[PathBuf],
    format: QueryFormat,
    base: &Base,
) -> Result<()> {
    let text = match (query, file) {
        (Some(q), _) => q,
        (None, Some(f)) => {
            std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?
        }
        (None, None) => return Err(anyhow!("give a query, or --file Q.rq")),
    };
    let dir = store;
    let store = Store::open_or_memory(dir)?;
    // The search index, for a query that may call the search (any query naming it, whatever
    // its prefix) or for inputs loaded into a store: a store's own, or one built with the
    // inputs loaded in memory. Other queries leave it closed: opening it and checking that it
    // is in line with the store is work they have no use for.
    let calls_search = text.to_ascii_lowercase().contains("search");
    let index = match dir {
        Some(d) if (calls_search || !load.is_empty()) && unakn::search::folder_of(d).is_dir() => {
            Some(Index::open(&unakn::search::folder_of(d))?)
        }
        None if calls_search => Some(Index::memory()?),
        _ => None,
    };
    // Under the batch policy: the query runs over the good inputs, the exit code tells of the
    // others.
    let loaded = load_into(&store, index.as_ref(), load, base)?;
    let store = match index {
        Some(index) if calls_search => {
            // A store's portions are named under the base they were minted under.
            let minted = store.minted_base()?.unwrap_or_else(|| base.clone());
            index.bring_in_line(&store, &minted)?;
            let index = std::sync::Arc::new(index);
            store.with_function(unakn::search::function_name(), index.sparql_function())
        }
        _ => store,
    };
    let format = match format {
        QueryFormat::Table => ResultFormat::Table,
        QueryFormat::Json => ResultFormat::Json,
        QueryFormat::Xml => ResultFormat::Xml,
        QueryFormat::Csv => ResultFormat::Csv,
        QueryFormat::Tsv => ResultFormat::Tsv,
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    store.query_to(&text, format, &mut out)?;
    out.flush()?;
    loaded.finish()
}
