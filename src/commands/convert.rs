//! `unakn convert`: inputs to AKN, JSON or RDF, written atomically.

use crate::*;

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
    let files = expand(inputs)?;
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
        // Every input is read before anything is written: one bad input, no output.
        use rayon::prelude::*;
        let results: Vec<Result<(&PathBuf, Vec<u8>)>> = files
            .par_iter()
            .map(|path| {
                let (doc, _) = read_document(path, verbose)?;
                Ok((path, render(&doc, format, base)?))
            })
            .collect();
        // The first bad input in the order given is the one reported.
        let rendered = results.into_iter().collect::<Result<Vec<_>>>()?;
        match output {
            Some(dir) => {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("creating {}", dir.display()))?;
                for (path, bytes) in rendered {
                    let stem = path
                        .file_stem()
                        .and_then(|s| s.to_str())
                        .unwrap_or("output");
                    write_atomically(&dir.join(format!("{stem}.{}", format.extension())), &bytes)?;
                }
            }
            None => {
                let mut out = std::io::stdout().lock();
                for (_, bytes) in rendered {
                    out.write_all(&bytes)?;
                }
            }
        }
        return Ok(());
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
