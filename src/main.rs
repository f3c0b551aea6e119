//! The `unakn` command line: convert, load, query, serve, export, publish, demo.

mod commands;

use commands::input::{BadInput, BadInputs};

// The parser allocates many small strings; mimalloc serves them faster than the system's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use anyhow::{anyhow, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;
use unakn::diag::{Located, Severity};
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
    /// Print the text layer of a PDF as the reader sees it: one paragraph per line,
    /// `*italics*`, `[^n]` footnote markers and footnotes.
    PdfText { input: PathBuf },
    /// Convert resolutions (PDF, text or markdown) to AKN, JSON or RDF.
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
        /// Documents to load first (into memory unless --store is given); repeat for several.
        #[arg(long)]
        load: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
        format: QueryFormat,
        #[arg(long, default_value = unakn::vocab::DEFAULT_BASE)]
        base: String,
    },
    /// Convert the bundled sample, load it and the other samples into a store on disk, reopen
    /// the store and run the query catalogue over it.
    Demo {
        /// Keep the store in DIR (by default a temporary directory, removed at the end).
        #[arg(long)]
        store: Option<PathBuf>,
    },
    /// Publish a store over HTTP: a SPARQL 1.1 endpoint at /sparql, a query page at /, and
    /// every IRI under the base dereferenceable as HTML, AKN or RDF.
    Serve {
        /// A persistent store (RocksDB).
        #[arg(long)]
        store: Option<PathBuf>,
        /// Inputs to load first (into memory unless --store is given).
        #[arg(long, num_args = 1..)]
        load: Vec<PathBuf>,
        #[arg(long, default_value = "127.0.0.1:7878")]
        bind: std::net::SocketAddr,
        /// The base of the IRIs in the store: the address people reach this server at. By
        /// default, the base the store's documents were minted under, or for a new store the
        /// address bound (localhost for a loopback or wildcard address).
        #[arg(long)]
        base: Option<String>,
        /// Seconds a query may run before it is stopped (503).
        #[arg(long, default_value_t = 30.0)]
        timeout: f64,
        /// The largest request body accepted, in bytes (413 beyond).
        #[arg(long, default_value_t = 1 << 20)]
        max_request_bytes: usize,
    },
    /// Write every quad of a store, graph names kept, for the bulk loaders of other stores.
    Export {
        #[arg(long)]
        store: Option<PathBuf>,
        /// Inputs to load first (into memory unless --store is given).
        #[arg(long, num_args = 1..)]
        load: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ExportFormat::Nq)]
        to: ExportFormat,
        /// Output file (written whole or not at all); standard output by default.
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[arg(long, default_value = unakn::vocab::DEFAULT_BASE)]
        base: String,
    },
    /// Push each named graph of a store to a SPARQL 1.1 Graph Store Protocol endpoint
    /// (HTTP PUT ?graph=G, replacing what it held): idempotent.
    Publish {
        #[arg(long)]
        store: Option<PathBuf>,
        /// Inputs to load first (into memory unless --store is given).
        #[arg(long, num_args = 1..)]
        load: Vec<PathBuf>,
        /// The Graph Store endpoint, e.g. http://localhost:7879/store for an oxigraph server,
        /// http://localhost:8890/sparql-graph-crud-auth for Virtuoso.
        #[arg(long)]
        to: String,
        /// Sign in as this user when the endpoint asks (HTTP Digest or Basic); the password
        /// comes from the environment variable UNAKN_PUBLISH_PASSWORD or --password-file.
        #[arg(long)]
        user: Option<String>,
        /// A file whose first line is the password for --user.
        #[arg(long, requires = "user")]
        password_file: Option<PathBuf>,
        #[arg(long, default_value = unakn::vocab::DEFAULT_BASE)]
        base: String,
    },
    /// Check AKN files: the OASIS AKN 3.0 XSD (carried inside unakn; checked with xmllint,
    /// which must be installed) and the AKN4UN profile (dangling references, repeated or
    /// misnumbered eIds, inconsistent FRBR IRIs).
    Validate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Another schema than the embedded OASIS AKN 3.0 XSD.
        #[arg(long)]
        schema: Option<PathBuf>,
    },
    /// Measure each stage (parse, AKN, quads, AKN reader, bulk load) on the inputs: median
    /// of several runs, one thread.
    Bench {
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Timed runs per stage (per query with --whole).
        #[arg(long, default_value_t = 7)]
        repeats: usize,
        /// Instead of the stages: load every input as `unakn load` does (both cores), then
        /// time each catalogue query over the loaded store.
        #[arg(long)]
        whole: bool,
        /// With --whole: load into a new RocksDB store in DIR rather than in memory.
        #[arg(long, requires = "whole")]
        store: Option<PathBuf>,
        /// With --whole: load the inputs this many times, each copy under other symbols.
        #[arg(long, default_value_t = 1, requires = "whole")]
        copies: usize,
        /// Only the stages whose name contains this (e.g. "text → model"), for profiling.
        #[arg(long, conflicts_with = "whole")]
        stage: Option<String>,
    },
    /// Convert each input of TEXT_DIR (text or AKN) and compare it with the UN's AKN for the
    /// same symbol.
    Eval {
        text_dir: PathBuf,
        akn_dir: PathBuf,
        /// List every disagreement under its document.
        #[arg(long)]
        list: bool,
        /// Another schema than the embedded OASIS AKN 3.0 XSD.
        #[arg(long)]
        schema: Option<PathBuf>,
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
enum ExportFormat {
    Nq,
    Trig,
    Jsonld,
}

#[derive(Clone, Copy, ValueEnum)]
enum QueryFormat {
    Table,
    Json,
    Xml,
    Csv,
    Tsv,
}

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
        Command::PdfText { input } => {
            let name = input.display().to_string();
            let bytes = std::fs::read(&input).with_context(|| format!("reading {name}"))?;
            let read = unakn::parse::pdf_text(&bytes).map_err(|e| {
                let at = unakn::diag::Place::Whole;
                BadInput(Located::new(&name, at, Severity::Error, e.code, &e.message))
            })?;
            print!("{}", read.text);
            Ok(())
        }
        Command::Convert {
            inputs,
            to,
            output,
            base,
            verbose,
        } => {
            commands::convert::convert(&inputs, to, output.as_deref(), &Base::new(&base)?, verbose)
        }
        Command::Load {
            inputs,
            store,
            base,
        } => commands::load::load(&inputs, &store, &Base::new(&base)?),
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
            // Under the batch policy: the query runs over the good inputs, the exit code tells
            // of the others.
            let loaded = commands::load::load_into(&store, &load, &base)?;
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
        Command::Demo { store } => commands::demo::demo(store.as_deref()),
        Command::Serve {
            store,
            load,
            bind,
            base,
            timeout,
            max_request_bytes,
        } => {
            if !(timeout.is_finite() && timeout > 0.0) {
                return Err(anyhow!("--timeout must be a positive number of seconds"));
            }
            commands::serve::serve(commands::serve::ServeOptions {
                store,
                load,
                bind,
                base: base.as_deref().map(Base::new).transpose()?,
                timeout: std::time::Duration::from_secs_f64(timeout),
                max_request_bytes,
            })
        }
        Command::Export {
            store,
            load,
            to,
            output,
            base,
        } => {
            let syntax = match to {
                ExportFormat::Nq => unakn::rdf::Syntax::NQuads,
                ExportFormat::Trig => unakn::rdf::Syntax::TriG,
                ExportFormat::Jsonld => unakn::rdf::Syntax::JsonLd,
            };
            commands::export::export_command(
                store.as_deref(),
                &load,
                &Base::new(&base)?,
                syntax,
                output.as_deref(),
            )
        }
        Command::Publish {
            store,
            load,
            to,
            user,
            password_file,
            base,
        } => {
            let credentials =
                commands::publish::Credentials::from_options(user, password_file.as_deref())?;
            commands::publish::publish(
                store.as_deref(),
                &load,
                &Base::new(&base)?,
                &to,
                credentials,
            )
        }
        Command::Bench {
            inputs,
            repeats,
            whole,
            store,
            copies,
            stage,
        } => {
            if whole {
                commands::bench::whole(&inputs, repeats, store.as_deref(), copies)
            } else {
                commands::bench::bench(&inputs, repeats, stage.as_deref())
            }
        }
        Command::Validate { files, schema } => {
            commands::validate::validate(&files, schema.as_deref())
        }
        Command::Eval {
            text_dir,
            akn_dir,
            list,
            schema,
        } => commands::eval::eval(&text_dir, &akn_dir, list, schema.as_deref()),
    }
}
