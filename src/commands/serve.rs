//! `unakn serve`: the store as a SPARQL endpoint and linked open data.

use super::load::load_into;
use crate::*;
use std::net::SocketAddr;
use std::time::Duration;
use unakn::serve::Config;

pub struct ServeOptions {
    pub store: Option<PathBuf>,
    pub load: Vec<PathBuf>,
    pub bind: SocketAddr,
    pub base: Base,
    pub timeout: Duration,
    pub max_request_bytes: usize,
}

pub fn serve(options: ServeOptions) -> Result<()> {
    let store = open_store(options.store.as_deref(), &options.load, &options.base)?;
    let config = Config {
        base: options.base.clone(),
        timeout: options.timeout,
        max_request_bytes: options.max_request_bytes,
        ..Config::default()
    };
    let server = unakn::serve::start(store.clone(), config, options.bind)
        .with_context(|| format!("listening on {}", options.bind))?;
    eprintln!(
        "unakn: serving {} quads in {} graphs at http://{} (SPARQL at /sparql; IRIs under {})",
        store.len()?,
        store.graph_count()?,
        options.bind,
        options.base.as_str()
    );
    server
        .join()
        .map_err(|e| anyhow!("the server stopped: {e}"))
}

/// The store named by `--store`, or a memory store, with `--load` inputs loaded into it. A bad
/// input is reported and fails the command before anything is served or published.
pub fn open_store(dir: Option<&Path>, load: &[PathBuf], base: &Base) -> Result<Store> {
    if dir.is_none() && load.is_empty() {
        return Err(anyhow!(
            "give --store DIR, or --load INPUT... for a store in memory"
        ));
    }
    let store = Store::open_or_memory(dir)?;
    if !load.is_empty() {
        let summary = load_into(&store, load, base)?;
        if summary.errors > 0 {
            return Err(BadInputs(format!("{} input(s) could not be read", summary.errors)).into());
        }
    }
    Ok(store)
}
