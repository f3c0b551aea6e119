//! `unakn convert`: inputs to AKN, JSON or RDF, written atomically.

use super::input::{input_files, read_document, Batch};
use crate::cli::OutputFormat;
use anyhow::{anyhow, Context, Result};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use unakn::model::Document;
use unakn::vocab::Base;

/// Inputs converted at once: a bound on the outputs held in memory before they are written.
const CHUNK: usize = 256;

pub fn render(doc: &Document, format: OutputFormat, base: &Base) -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    use unakn::rdf::Syntax;
    let syntax = match format {
        OutputFormat::Akn => {
            unakn::akn::write(doc, &mut buf)?;
            return Ok(buf);
        }
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut buf, doc)?;
            buf.push(b'\n');
            return Ok(buf);
        }
        OutputFormat::Ttl => Syntax::Turtle,
        OutputFormat::Nt => Syntax::NTriples,
        OutputFormat::Nq => Syntax::NQuads,
        OutputFormat::Trig => Syntax::TriG,
        OutputFormat::Rdfxml => Syntax::RdfXml,
        OutputFormat::Jsonld => Syntax::JsonLd,
    };
    unakn::rdf::serialize(&unakn::rdf::quads(doc, base), syntax, &mut buf)?;
    Ok(buf)
}

/// Writes `bytes` to `path` through a temporary file, so no half-written file is ever left.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("output");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

pub fn convert(
    inputs: &[PathBuf],
    to: Option<OutputFormat>,
    output: Option<&Path>,
    base: &Base,
    verbose: bool,
) -> Result<()> {
    let (files, _) = input_files(inputs)?;
    let several = files.len() > 1 || inputs.iter().any(|i| i.is_dir());
    let format = to
        .or_else(|| {
            if several {
                None
            } else {
                output.and_then(OutputFormat::from_path)
            }
        })
        .unwrap_or(OutputFormat::Akn);
    if several {
        return convert_batch(inputs, &files, format, output, base, verbose);
    }
    let path = files.first().ok_or_else(|| anyhow!("no input"))?;
    let (doc, _) = read_document(path, verbose)?;
    let bytes = render(&doc, format, base)?;
    match output {
        Some(p) if p.as_os_str() != "-" => write_atomically(p, &bytes),
        _ => {
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)?;
            out.flush()?;
            Ok(())
        }
    }
}

/// Where the output of `file` goes in `dir`: named after its input (`A_RES_78_1.txt` →
/// `A_RES_78_1.akn.xml`), in the subfolder it has under the folder named on the command line,
/// so that a tree keeps its shape (`English/75_274_F.xml` and `French/75_274_F.xml`).
fn output_path(dir: &Path, inputs: &[PathBuf], file: &Path, format: OutputFormat) -> PathBuf {
    let stem = file
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("output");
    let folder = inputs
        .iter()
        .filter(|i| i.is_dir())
        .find_map(|i| file.strip_prefix(i).ok())
        .and_then(Path::parent)
        .unwrap_or(Path::new(""));
    dir.join(folder)
        .join(format!("{stem}.{}", format.extension()))
}

/// Converts several inputs under the batch policy: every input that can be converted is, each
/// output written whole (into `output`, a directory, or one after the other on standard
/// output), each failed input reported on its line; a summary ends it.
fn convert_batch(
    inputs: &[PathBuf],
    files: &[PathBuf],
    format: OutputFormat,
    output: Option<&Path>,
    base: &Base,
    verbose: bool,
) -> Result<()> {
    use rayon::prelude::*;
    if let Some(dir) = output {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let mut batch = Batch::new(files.len(), false);
    // Which input each output came from, so that no output silently replaces another's.
    let mut written: HashMap<PathBuf, &Path> = HashMap::new();
    for chunk in files.chunks(CHUNK) {
        let rendered: Vec<Result<Vec<u8>>> = chunk
            .par_iter()
            .map(|path| {
                let (doc, _) = read_document(path, verbose)?;
                render(&doc, format, base)
            })
            .collect();
        // Reported and written in the order given, whatever order the threads finished in.
        for (path, result) in chunk.iter().zip(rendered) {
            let bytes = match result {
                Ok(bytes) => bytes,
                Err(e) => {
                    batch.skip(&e);
                    continue;
                }
            };
            match output {
                Some(dir) => {
                    let target = output_path(dir, inputs, path, format);
                    if let Some(earlier) = written.get(&target) {
                        batch.skip(&anyhow!(
                            "{}: not written: its output {} is that of {}",
                            path.display(),
                            target.display(),
                            earlier.display()
                        ));
                        continue;
                    }
                    if let Some(parent) = target.parent() {
                        std::fs::create_dir_all(parent)
                            .with_context(|| format!("creating {}", parent.display()))?;
                    }
                    write_atomically(&target, &bytes)?;
                    written.insert(target, path);
                }
                None => std::io::stdout().lock().write_all(&bytes)?,
            }
            batch.succeeded(1);
        }
    }
    if batch.failed == 0 {
        eprintln!("unakn: {}", batch.summary("converted"));
    }
    batch.finish("converted")
}
