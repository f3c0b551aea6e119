//! The `unakn` command line: convert, load, query, demo.

use anyhow::{anyhow, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;
use unakn::diag::Located;
use unakn::model::Document;
use unakn::store::{ResultFormat, Store};
use unakn::vocab::Base;

#[derive(Parser)]
#[command(
    name = "unakn",
    version,
    about = "UN resolutions to Akoma Ntoso XML and linked open data"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Convert resolutions (text or markdown) to AKN, JSON or RDF.
    Convert {
        /// Input files; `-` reads standard input.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Output format (default: from the extension of -o, else akn).
        #[arg(long)]
        to: Option<OutputFormat>,
        /// Output file (one input) or directory (several inputs); standard output by default.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Base of minted IRIs.
        #[arg(long, default_value = unakn::vocab::DEFAULT_BASE)]
        base: String,
        /// Print warnings (page furniture removed, footnotes unplaced) to standard error.
        #[arg(short, long)]
        verbose: bool,
    },
    /// Load resolutions (files or directories) into a persistent store.
    Load {
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The store directory (RocksDB).
        #[arg(long)]
        store: PathBuf,
        #[arg(long, default_value = unakn::vocab::DEFAULT_BASE)]
        base: String,
    },
    /// Run a SPARQL query over a store or over documents loaded in memory.
    Query {
        /// The query text (or use --file).
        query: Option<String>,
        /// Read the query from a file.
        #[arg(long, conflicts_with = "query")]
        file: Option<PathBuf>,
        /// A persistent store to query.
        #[arg(long)]
        store: Option<PathBuf>,
        /// Documents to load first (into memory unless --store is given).
        #[arg(long)]
        load: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
        format: QueryFormat,
        #[arg(long, default_value = unakn::vocab::DEFAULT_BASE)]
        base: String,
    },
    /// Convert the bundled sample, load it in memory and run the query catalogue.
    Demo,
    /// Check AKN files: the OASIS XSD (with xmllint, when present) and the AKN4UN profile
    /// (dangling references, repeated or misnumbered eIds, inconsistent FRBR IRIs).
    Validate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The AKN schema, for XSD validation with xmllint (skipped when absent).
        #[arg(long, default_value = "../shared/schemas/akn/akomantoso30.xsd")]
        schema: PathBuf,
    },
    /// Convert each input of TEXT_DIR (text or AKN) and compare it with the UN's AKN for the
    /// same symbol.
    Eval {
        text_dir: PathBuf,
        akn_dir: PathBuf,
        /// List every disagreement under its document.
        #[arg(long)]
        list: bool,
        /// The AKN schema, for XSD validation with xmllint (skipped when absent).
        #[arg(long, default_value = "../shared/schemas/akn/akomantoso30.xsd")]
        schema: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum OutputFormat {
    Akn,
    Json,
    Ttl,
    Nt,
    Nq,
    Trig,
    Rdfxml,
    Jsonld,
}

impl OutputFormat {
    fn extension(self) -> &'static str {
        match self {
            OutputFormat::Akn => "akn.xml",
            OutputFormat::Json => "json",
            OutputFormat::Ttl => "ttl",
            OutputFormat::Nt => "nt",
            OutputFormat::Nq => "nq",
            OutputFormat::Trig => "trig",
            OutputFormat::Rdfxml => "rdf",
            OutputFormat::Jsonld => "jsonld",
        }
    }

    fn from_path(path: &Path) -> Option<Self> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        [
            OutputFormat::Akn,
            OutputFormat::Json,
            OutputFormat::Ttl,
            OutputFormat::Nt,
            OutputFormat::Nq,
            OutputFormat::Trig,
            OutputFormat::Rdfxml,
            OutputFormat::Jsonld,
        ]
        .into_iter()
        .find(|f| name.ends_with(&format!(".{}", f.extension())))
        .or_else(|| name.ends_with(".xml").then_some(OutputFormat::Akn))
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum QueryFormat {
    Table,
    Json,
    Xml,
    Csv,
    Tsv,
}

/// Bad input: exit code 1. Everything else that fails: 2.
#[derive(Debug)]
struct BadInput(Located);

impl std::fmt::Display for BadInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}
impl std::error::Error for BadInput {}

/// Some inputs of a batch were bad (each already reported): exit code 1.
#[derive(Debug)]
struct BadInputs(String);

impl std::fmt::Display for BadInputs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for BadInputs {}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let broken_pipe = e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            });
            if broken_pipe {
                // The reader of our output went away (`| head`): nothing left to say.
                ExitCode::SUCCESS
            } else if let Some(bad) = e.downcast_ref::<BadInput>() {
                eprintln!("{bad}");
                ExitCode::from(1)
            } else if let Some(bad) = e.downcast_ref::<BadInputs>() {
                eprintln!("unakn: {bad}");
                ExitCode::from(1)
            } else {
                eprintln!("unakn: {e:#}");
                ExitCode::from(2)
            }
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Convert {
            inputs,
            to,
            output,
            base,
            verbose,
        } => convert(&inputs, to, output.as_deref(), &Base::new(&base)?, verbose),
        Command::Load {
            inputs,
            store,
            base,
        } => load(&inputs, &store, &Base::new(&base)?),
        Command::Query {
            query,
            file,
            store,
            load,
            format,
            base,
        } => {
            let text = match (query, file) {
                (Some(q), _) => q,
                (None, Some(f)) => std::fs::read_to_string(&f)
                    .with_context(|| format!("reading {}", f.display()))?,
                (None, None) => return Err(anyhow!("give a query, or --file Q.rq")),
            };
            let store = Store::open_or_memory(store.as_deref())?;
            let base = Base::new(&base)?;
            // Bad inputs are reported and skipped; the query runs over the rest, and the exit
            // code still says that some input was bad.
            let bad = if load.is_empty() {
                0
            } else {
                load_into(&store, &load, &base)?.errors
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
            if bad > 0 {
                return Err(BadInputs(format!("{bad} input(s) could not be read")).into());
            }
            Ok(())
        }
        Command::Demo => demo(),
        Command::Validate { files, schema } => validate(&files, &schema),
        Command::Eval {
            text_dir,
            akn_dir,
            list,
            schema,
        } => eval(&text_dir, &akn_dir, list, &schema),
    }
}

/// Reads and parses one input; warnings go to standard error when `verbose`.
fn read_document(path: &Path, verbose: bool) -> Result<(Document, usize)> {
    let name = path.display().to_string();
    let bytes = if name == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("reading standard input")?;
        buf
    } else {
        std::fs::read(path).with_context(|| format!("reading {name}"))?
    };
    match unakn::parse::parse(&bytes) {
        Ok(w) => {
            if verbose {
                for d in &w.diagnostics {
                    eprintln!("{}", Located::of_diagnostic(&name, &bytes, d));
                }
            }
            Ok((w.value, w.diagnostics.len()))
        }
        Err(e) => Err(BadInput(Located::of_error(&name, &bytes, &e)).into()),
    }
}

/// Files named, and the files of directories named (sorted), skipping hidden ones.
fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut stack = vec![input.clone()];
            let mut files = Vec::new();
            while let Some(dir) = stack.pop() {
                for entry in
                    std::fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))?
                {
                    let path = entry?.path();
                    let hidden = path
                        .file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with('.'));
                    if hidden {
                        continue;
                    }
                    if path.is_dir() {
                        stack.push(path);
                    } else {
                        files.push(path);
                    }
                }
            }
            files.sort();
            out.extend(files);
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}

fn render(doc: &Document, format: OutputFormat, base: &Base) -> Result<Vec<u8>> {
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
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
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

fn convert(
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

/// What a load did.
#[derive(Default)]
struct LoadSummary {
    documents: usize,
    expressions: std::collections::HashSet<String>,
    quads: usize,
    warnings: usize,
    errors: usize,
    skipped: usize,
}

/// Whether a file is an input unakn reads (by extension; the content decides the format).
fn is_input(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "txt" | "md" | "xml" | "akn"
        )
    })
}

/// Reads, converts and loads inputs into `store`: parsed in parallel, in batches that bound
/// memory, each batch replacing its documents' graphs. Unreadable files are reported and skipped.
fn load_into(store: &Store, inputs: &[PathBuf], base: &Base) -> Result<LoadSummary> {
    use rayon::prelude::*;
    const BATCH: usize = 256;
    let mut summary = LoadSummary::default();
    let mut files = Vec::new();
    for f in expand(inputs)? {
        // Files named on the command line are read whatever their name; in folders, only inputs.
        if is_input(&f) || inputs.contains(&f) {
            files.push(f);
        } else {
            summary.skipped += 1;
        }
    }
    let bar = if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(files.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    for batch in files.chunks(BATCH) {
        let results: Vec<Result<(Vec<oxigraph::model::Quad>, usize)>> = batch
            .par_iter()
            .map(|path| {
                let (doc, warnings) = read_document(path, false)?;
                Ok((unakn::rdf::quads(&doc, base), warnings))
            })
            .collect();
        let mut documents = Vec::with_capacity(results.len());
        for r in results {
            match r {
                Ok((quads, warnings)) => {
                    summary.documents += 1;
                    summary.warnings += warnings;
                    summary.quads += quads.len();
                    if let Some(q) = quads.first() {
                        summary.expressions.insert(q.graph_name.to_string());
                    }
                    documents.push(quads);
                }
                Err(e) => {
                    summary.errors += 1;
                    bar.suspend(|| eprintln!("{e}"));
                }
            }
        }
        store.replace_documents(&documents)?;
        bar.inc(batch.len() as u64);
    }
    bar.finish_and_clear();
    Ok(summary)
}

fn load(inputs: &[PathBuf], store_dir: &Path, base: &Base) -> Result<()> {
    let started = Instant::now();
    let store = Store::open(store_dir)?;
    let before = store.len()?;
    let s = load_into(&store, inputs, base)?;
    let after = store.len()?;
    eprintln!(
        "loaded {} documents ({} expressions, {} triples) into {}: {} quads in the store ({:+}), {} graphs; \
         {} warnings, {} errors, {} other files skipped; {:.2} s",
        s.documents,
        s.expressions.len(),
        s.quads,
        store_dir.display(),
        after,
        after as i64 - before as i64,
        store.graph_count()?,
        s.warnings,
        s.errors,
        s.skipped,
        started.elapsed().as_secs_f64()
    );
    if s.errors > 0 {
        return Err(BadInputs(format!("{} input(s) could not be read", s.errors)).into());
    }
    Ok(())
}

fn demo() -> Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sample = root.join("samples/A_RES_77_213.md");
    let started = Instant::now();
    let (doc, _) = read_document(&sample, false)?;
    let mut xml = Vec::new();
    unakn::akn::write(&doc, &mut xml)?;
    let base = Base::default();
    let quads = unakn::rdf::quads(&doc, &base);
    let store = Store::memory()?;
    store.replace(&quads)?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "unakn demo: {} (Source: United Nations)",
        sample.display()
    )?;
    writeln!(
        out,
        "  {} \"{}\": {} recitals, {} operative paragraphs, {} footnotes",
        doc.symbol,
        unakn::rdf::plain_text(&doc.title),
        doc.preamble.len(),
        doc.body.len(),
        doc.footnotes.len()
    )?;
    writeln!(
        out,
        "  AKN: {} bytes; RDF: {} quads",
        xml.len(),
        store.len()?
    )?;
    // The other samples join the same graph: page text of session 78, and the UN's own AKN
    // (77/213 in French, 78/10 with its recorded vote).
    let others: Vec<PathBuf> = std::fs::read_dir(root.join("samples"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            p != &sample
                && (name.ends_with(".txt")
                    || (name.ends_with(".xml") && !name.ends_with(".akn.xml")))
        })
        .collect();
    let loaded = load_into(&store, &others, &base)?;
    writeln!(
        out,
        "  with {} more samples: {} quads in {} named graphs (one per language version)",
        loaded.documents,
        store.len()?,
        store.graph_count()?
    )?;
    let queries = root.join("samples/queries");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&queries)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "rq"))
        .collect();
    files.sort();
    for q in files {
        let text = std::fs::read_to_string(&q)?;
        let title = text
            .lines()
            .next()
            .unwrap_or("")
            .trim_start_matches('#')
            .trim();
        writeln!(
            out,
            "\n== {} — {title}",
            q.file_name().and_then(|n| n.to_str()).unwrap_or("")
        )?;
        store.query_to(&text, ResultFormat::Table, &mut out)?;
    }
    writeln!(
        out,
        "\ndone in {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    )?;
    Ok(())
}

/// The symbol an AKN file name carries: `A_RES_78_10-2323443E.xml` → `A/RES/78/10`.
fn symbol_from_file_name(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    let head = stem.split('-').next()?;
    head.contains('_').then(|| head.replace('_', "/"))
}

fn eval(text_dir: &Path, akn_dir: &Path, list: bool, schema: &Path) -> Result<()> {
    use unakn::eval::{compare, extract, Agreement, Tally};
    let started = Instant::now();
    let mut reference = std::collections::HashMap::new();
    let mut unreadable = Vec::new();
    for path in expand(&[akn_dir.to_path_buf()])? {
        if path.extension().is_none_or(|e| e != "xml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        match extract(&text) {
            Ok(x) => {
                let symbol = x.symbol.clone().or_else(|| symbol_from_file_name(&path));
                if let Some(s) = symbol {
                    reference.insert(s.replace(' ', ""), (path.clone(), x));
                }
            }
            Err(e) => unreadable.push(format!("{}: {e}", path.display())),
        }
    }
    let texts: Vec<PathBuf> = expand(&[text_dir.to_path_buf()])?
        .into_iter()
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "txt" || e == "md" || e == "xml")
        })
        .collect();
    let out_dir = std::env::temp_dir().join(format!("unakn-eval-{}", std::process::id()));
    std::fs::create_dir_all(&out_dir)?;
    let mut total = Agreement::default();
    let mut relaxed = Agreement::default();
    let (mut converted, mut failed, mut paired, mut meta_exact) =
        (0usize, Vec::new(), 0usize, 0usize);
    let mut written = Vec::new();
    let mut out = std::io::stdout().lock();
    for path in &texts {
        let (doc, _) = match read_document(path, false) {
            Ok(d) => d,
            Err(e) => {
                failed.push(e.to_string());
                continue;
            }
        };
        converted += 1;
        let mut xml = Vec::new();
        unakn::akn::write(&doc, &mut xml)?;
        let file = out_dir.join(format!(
            "{}.akn.xml",
            path.file_stem().and_then(|s| s.to_str()).unwrap_or("doc")
        ));
        std::fs::write(&file, &xml)?;
        written.push(file);
        let ours = extract(std::str::from_utf8(&xml)?)
            .map_err(|e| anyhow!("our own AKN for {}: {e}", path.display()))?;
        let Some((akn_path, theirs)) = reference.get(&doc.symbol.replace(' ', "")) else {
            writeln!(out, "{:<16} no UN AKN for this symbol", doc.symbol)?;
            continue;
        };
        paired += 1;
        let a = compare(&ours, theirs);
        if a.metadata.is_full() {
            meta_exact += 1;
        }
        let t = |t: &Tally| format!("{}/{}", t.matched, t.total);
        writeln!(
            out,
            "{:<16} meta {:<5} recitals {:<7} paragraphs {:<7} items {:<7} notes {:<5} hosts {:<5}",
            doc.symbol,
            t(&a.metadata),
            t(&a.recitals),
            t(&a.paragraphs),
            t(&a.items),
            t(&a.footnotes),
            t(&a.footnote_hosts)
        )?;
        if list && !a.disagreements.is_empty() {
            writeln!(out, "    vs {}", akn_path.display())?;
            for d in &a.disagreements {
                writeln!(out, "    - {d}")?;
            }
        }
        let relaxed_one = compare(&ours.with_plain_hyphens(), &theirs.with_plain_hyphens());
        relaxed.recitals.add(relaxed_one.recitals);
        relaxed.paragraphs.add(relaxed_one.paragraphs);
        relaxed.items.add(relaxed_one.items);
        relaxed.footnotes.add(relaxed_one.footnotes);
        relaxed.footnote_hosts.add(relaxed_one.footnote_hosts);
        total.metadata.add(a.metadata);
        total.recitals.add(a.recitals);
        total.paragraphs.add(a.paragraphs);
        total.items.add(a.items);
        total.footnotes.add(a.footnotes);
        total.footnote_hosts.add(a.footnote_hosts);
    }
    let valid = xmllint(schema, &written)?.map(|problems| {
        written.len()
            - problems
                .iter()
                .filter(|l| l.ends_with(" fails to validate"))
                .count()
    });
    let _ = std::fs::remove_dir_all(&out_dir);
    let pct = |n: usize, d: usize| {
        if d == 0 {
            100.0
        } else {
            100.0 * n as f64 / d as f64
        }
    };
    writeln!(
        out,
        "\ntotal: {} texts, {} AKN references ({} unreadable)",
        texts.len(),
        reference.len(),
        unreadable.len()
    )?;
    writeln!(
        out,
        "  converted          {converted}/{} ({:.1}%)",
        texts.len(),
        pct(converted, texts.len())
    )?;
    match valid {
        Some(v) => writeln!(
            out,
            "  XSD-valid          {v}/{converted} ({:.1}%)",
            pct(v, converted)
        )?,
        None => writeln!(
            out,
            "  XSD-valid          not checked (xmllint or the schema is missing)"
        )?,
    }
    writeln!(out, "  paired with UN AKN {paired}")?;
    writeln!(
        out,
        "  metadata exact     {meta_exact}/{paired} documents ({:.1}%); fields {:.1}%",
        pct(meta_exact, paired),
        total.metadata.percent()
    )?;
    writeln!(
        out,
        "  {:<18} {:<22} identical but for U+2011 hyphens",
        "", "identical"
    )?;
    for (name, t, r) in [
        ("recitals", total.recitals, relaxed.recitals),
        ("paragraphs", total.paragraphs, relaxed.paragraphs),
        ("sub-items", total.items, relaxed.items),
        ("footnotes", total.footnotes, relaxed.footnotes),
        (
            "footnote hosts",
            total.footnote_hosts,
            relaxed.footnote_hosts,
        ),
    ] {
        let strict = format!("{}/{} ({:.2}%)", t.matched, t.total, t.percent());
        writeln!(
            out,
            "  {name:<18} {strict:<22} {}/{} ({:.2}%)",
            r.matched,
            r.total,
            r.percent()
        )?;
    }
    for f in &failed {
        writeln!(out, "  failed: {f}")?;
    }
    for u in &unreadable {
        writeln!(out, "  unreadable reference: {u}")?;
    }
    writeln!(out, "  {:.2} s", started.elapsed().as_secs_f64())?;
    Ok(())
}

/// Validates `files` against the XSD with xmllint: the lines it prints other than "validates",
/// or `None` when the schema or xmllint is missing.
fn xmllint(schema: &Path, files: &[PathBuf]) -> Result<Option<Vec<String>>> {
    if !schema.is_file() || !which("xmllint") {
        return Ok(None);
    }
    let mut problems = Vec::new();
    for chunk in files.chunks(100) {
        let o = std::process::Command::new("xmllint")
            .args(["--noout", "--nonet", "--schema"])
            .arg(schema)
            .args(chunk)
            .output()?;
        problems.extend(
            String::from_utf8_lossy(&o.stderr)
                .lines()
                .filter(|l| !l.ends_with(" validates"))
                .map(str::to_string),
        );
    }
    Ok(Some(problems))
}

fn which(tool: &str) -> bool {
    std::process::Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn validate(inputs: &[PathBuf], schema: &Path) -> Result<()> {
    let files = expand(inputs)?;
    let mut errors = 0usize;
    let mut stderr = std::io::stderr().lock();
    for path in &files {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).with_context(|| format!("reading {name}"))?;
        let text = match unakn::parse::sniff(&bytes) {
            Ok((_, text)) => text,
            Err(e) => {
                errors += 1;
                writeln!(stderr, "{}", Located::of_error(&name, &bytes, &e))?;
                continue;
            }
        };
        for d in unakn::validate::profile(text) {
            if d.severity == unakn::diag::Severity::Error {
                errors += 1;
            }
            writeln!(stderr, "{}", Located::of_diagnostic(&name, &bytes, &d))?;
        }
    }
    match xmllint(schema, &files)? {
        // xmllint prints `file:line: message` itself.
        Some(problems) => {
            for line in problems {
                if line.ends_with(" fails to validate") {
                    errors += 1;
                }
                writeln!(stderr, "{line}")?;
            }
        }
        None => writeln!(
            stderr,
            "unakn: XSD validation skipped ({} or xmllint missing)",
            schema.display()
        )?,
    }
    if errors > 0 {
        return Err(BadInputs(format!("{errors} error(s) in {} file(s)", files.len())).into());
    }
    Ok(())
}
