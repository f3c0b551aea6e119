//! `unakn serve`: the store as a SPARQL endpoint and linked open data.

use super::load::{load_into, LoadSummary};
use anyhow::{anyhow, Context, Result};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;
use unakn::search::Index;
use unakn::serve::Config;
use unakn::store::Store;
use unakn::vocab::Base;

pub struct ServeOptions {
    pub store: Option<PathBuf>,
    pub load: Vec<PathBuf>,
    pub bind: SocketAddr,
    /// `--base`; without it, the base the store's documents were minted under, or for a new
    /// store the address the server binds.
    pub base: Option<Base>,
    pub timeout: Duration,
    pub max_request_bytes: usize,
}

pub fn serve(options: ServeOptions) -> Result<()> {
    let store = open_empty(options.store.as_deref(), &options.load)?;
    let base = match options.base {
        Some(base) => base,
        None => store
            .minted_base()?
            .unwrap_or_else(|| Base::for_address(options.bind)),
    };
    let index = match options.store.as_deref() {
        Some(dir) => Index::open(&unakn::search::folder_of(dir))?,
        None => Index::memory()?,
    };
    let loaded = load_into(&store, Some(&index), &options.load, &base)?;
    // A load killed between the store and its index, or a store loaded by `export --load`
    // and the like, is brought into line before it is served.
    let reconciled = index.bring_in_line(&store, &base)?;
    if reconciled.indexed + reconciled.dropped > 0 {
        eprintln!(
            "unakn: search index brought into line with the store: {} versions indexed, {} dropped",
            reconciled.indexed, reconciled.dropped
        );
    }
    if options.store.is_none() && loaded.nothing_read() {
        return loaded.finish();
    }
    let notice = (loaded.errors > 0).then(|| {
        format!(
            "{} of {} inputs could not be read and are not served (the server's log names them)",
            loaded.errors,
            loaded.errors + loaded.documents
        )
    });
    let config = Config {
        base: base.clone(),
        timeout: options.timeout,
        max_request_bytes: options.max_request_bytes,
        notice,
        ..Config::default()
    };
    // Queries may call the search (`unakn:search(?unit, "words")`).
    let index = std::sync::Arc::new(index);
    let store = store.with_function(unakn::search::function_name(), index.sparql_function());
    let server = unakn::serve::start(store.clone(), Some(index), config, options.bind)
        .with_context(|| format!("listening on {}", options.bind))?;
    eprintln!(
        "unakn: serving {} quads in {} graphs at http://{} (SPARQL at /sparql; IRIs under {})",
        store.len()?,
        store.graph_count()?,
        options.bind,
        base.as_str()
    );
    if loaded.errors > 0 {
        eprintln!(
            "unakn: {} input(s) could not be read; serving the others",
            loaded.errors
        );
    }
    server
        .join()
        .map_err(|e| anyhow!("the server stopped: {e}"))
}

/// The store named by `--store`, or a memory store, with `--load` inputs loaded into it. Bad
/// inputs are reported and skipped (the batch policy): the store holds the good ones, and the
/// summary tells the caller how many were skipped, for its exit code. A memory store none of
/// whose inputs could be read is an error: there is nothing to write or publish.
pub fn open_store(
    dir: Option<&Path>,
    load: &[PathBuf],
    base: &Base,
) -> Result<(Store, LoadSummary)> {
    let store = open_empty(dir, load)?;
    let summary = if load.is_empty() {
        LoadSummary::default()
    } else {
        load_into(&store, None, load, base)?
    };
    if dir.is_none() && summary.nothing_read() {
        summary.finish()?;
    }
    Ok((store, summary))
}

/// The store named by `--store`, or a memory store when inputs are to be loaded into it.
fn open_empty(dir: Option<&Path>, load: &[PathBuf]) -> Result<Store> {
    if dir.is_none() && load.is_empty() {
        return Err(anyhow!(
            "give --store DIR, or --load INPUT... for a store in memory"
        ));
    }
    Ok(Store::open_or_memory(dir)?)
}
