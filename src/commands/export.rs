//! `unakn export` (the dataset for bulk loaders) and `unakn publish` (each named graph to a
//! SPARQL 1.1 Graph Store Protocol endpoint).

use super::serve::open_store;
use crate::*;
use oxhttp::model::{header, Body, Method, Request};
use std::time::Duration;
use unakn::rdf::Syntax;

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
    let store = open_store(dir, load, base)?;
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
    Ok(())
}

/// PUTs each named graph of the store to `endpoint?graph=G`, replacing what the remote store
/// held under that name: publishing twice leaves the remote store as publishing once.
pub fn publish(dir: Option<&Path>, load: &[PathBuf], base: &Base, endpoint: &str) -> Result<()> {
    let started = Instant::now();
    let store = open_store(dir, load, base)?;
    let client = oxhttp::Client::new()
        .with_global_timeout(Duration::from_secs(120))
        .with_user_agent(concat!("unakn/", env!("CARGO_PKG_VERSION")))
        .map_err(|e| anyhow!("{e}"))?;
    let separator = if endpoint.contains('?') { '&' } else { '?' };
    let graphs = store.graphs()?;
    let mut triples = 0;
    for graph in &graphs {
        let quads = store.graph_quads(graph.as_ref())?;
        triples += quads.len();
        let mut body = Vec::new();
        unakn::rdf::serialize(&quads, Syntax::NTriples, &mut body)?;
        let target: String = form_urlencoded::Serializer::new(String::new())
            .append_pair("graph", graph.as_str())
            .finish();
        let url = format!("{endpoint}{separator}{target}");
        let request = Request::builder()
            .method(Method::PUT)
            .uri(&url)
            .header(header::CONTENT_TYPE, "application/n-triples")
            .body(Body::from(body))
            .with_context(|| format!("building the request to {url}"))?;
        let response = client
            .request(request)
            .with_context(|| format!("PUT {url}"))?;
        let status = response.status();
        if !status.is_success() {
            let reason = response.into_body().to_string().unwrap_or_default();
            return Err(anyhow!("PUT {url}: {status}: {}", reason.trim()));
        }
    }
    eprintln!(
        "published {} graphs ({} triples) to {endpoint} in {:.2} s",
        graphs.len(),
        triples,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
