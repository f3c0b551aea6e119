//! `unakn export`: the whole dataset, graph names kept, for the bulk loaders of other stores.

use super::serve::open_store;
use anyhow::{anyhow, Context, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use unakn::rdf::Syntax;
use unakn::store::Store;
use unakn::vocab::Base;

/// Streams every quad of the store, graph names kept.
pub fn export(store: &Store, syntax: Syntax, out: impl Write) -> Result<()> {
    if !syntax.has_graphs() {
        return Err(anyhow!(
            "export keeps the named graphs: choose nq, trig or jsonld"
        ));
    }
    let mut writer = oxigraph::io::RdfSerializer::from_format(syntax.format()).for_writer(out);
    for quad in store.quads() {
        writer.serialize_quad(&quad?)?;
    }
    writer.finish()?;
    Ok(())
}

pub fn export_command(
    dir: Option<&Path>,
    load: &[PathBuf],
    base: &Base,
    syntax: Syntax,
    output: Option<&Path>,
) -> Result<()> {
    let (store, loaded) = open_store(dir, load, base)?;
    match output {
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            export(&store, syntax, &mut out)?;
            out.flush()?;
        }
        Some(path) => {
            // Written beside the target and renamed, so a failed export leaves no partial file.
            let tmp = path.with_extension("partial");
            let result = (|| -> Result<()> {
                let mut out = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
                export(&store, syntax, &mut out)?;
                out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
                std::fs::rename(&tmp, path)?;
                Ok(())
            })();
            if result.is_err() {
                let _ = std::fs::remove_file(&tmp);
            }
            result.with_context(|| format!("writing {}", path.display()))?;
        }
    }
    loaded.finish()
}
