//! The command line's words: subcommands, their options, and the formats they take.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};

#[derive(Parser)]
#[command(
    name = "unakn",
    version,
    about = "UN resolutions to Akoma Ntoso XML and linked open data"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Print the text layer of a PDF as the reader sees it: one paragraph per line,
    /// `*italics*`, `[^n]` footnote markers and footnotes.
    PdfText { input: PathBuf },
    /// Convert resolutions and drafts (PDF, text, markdown or AKN) to AKN, JSON or RDF.
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
    /// Load resolutions and drafts (files or directories) into a persistent store.
    Load {
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The store directory (RocksDB).
        #[arg(long)]
        store: PathBuf,
        #[arg(long, default_value = unakn::vocab::DEFAULT_BASE)]
        base: String,
        /// Print every warning as it comes (the summary counts them by code).
        #[arg(short, long)]
        verbose: bool,
    },
    /// Remove documents from a store: every language version of a work, or one.
    Remove {
        /// Symbols (`A/RES/78/10`), work IRIs, or expression IRIs (`…/78-10/fra@`).
        #[arg(required = true)]
        targets: Vec<String>,
        /// The store directory (RocksDB).
        #[arg(long)]
        store: PathBuf,
        /// With a symbol: only this language version (`fr`, `fra`).
        #[arg(long)]
        language: Option<String>,
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
        /// With --whole: load into a new RocksDB store in DIR rather than in memory; with
        /// --search, where its two stores go.
        #[arg(long)]
        store: Option<PathBuf>,
        /// With --whole: load the inputs this many times, each copy under other symbols.
        #[arg(long, default_value_t = 1, requires = "whole")]
        copies: usize,
        /// Only the stages whose name contains this (e.g. "text → model"), for profiling.
        #[arg(long, conflicts_with = "whole")]
        stage: Option<String>,
        /// Instead of the stages: load the inputs into two new stores under --store DIR, with
        /// and without the search index, then time each query of this file (`language TAB
        /// words ...`, as samples/search/relevance.tsv) over the index: p50 and p95.
        #[arg(long, conflicts_with_all = ["whole", "stage"], requires = "store")]
        search: Option<PathBuf>,
    },
    /// Link each adopted resolution among the inputs to the draft it was adopted from (drafts
    /// among the inputs too), saying how sure each link is and on what evidence.
    Link {
        /// Resolutions and drafts: files or folders (PDF, text, AKN).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Score the links against the drafts the UN's AKN in this folder names in its workflow.
        #[arg(long)]
        against: Option<PathBuf>,
        /// One JSON object per line instead of a table.
        #[arg(long)]
        jsonl: bool,
    },
    /// What changed between two texts (a draft and the resolution adopted from it, or any
    /// two): recitals and operative paragraphs kept, renumbered, changed, moved, inserted or
    /// deleted, and the words that changed.
    Diff {
        /// The old text: a file (PDF, text, AKN), or with --store a symbol or IRI.
        old: String,
        /// The new text, likewise.
        new: String,
        /// Read symbols and IRIs from this store.
        #[arg(long)]
        store: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: DiffFormat,
    },
    /// Every mandate of the inputs' operative paragraphs: who the Assembly asks to do what
    /// (report, agenda, meeting, budget, action), by when and how often.
    Mandates {
        /// Resolutions: files or folders (PDF, text, AKN); or none, with --store.
        #[arg(required_unless_present = "store")]
        inputs: Vec<PathBuf>,
        /// Read the documents of this store instead (the AKN it keeps of each English text).
        #[arg(long, conflicts_with = "inputs")]
        store: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "table")]
        format: MandatesFormat,
        /// Score against a reference set labelled by hand: a folder with `resolutions.tsv` and
        /// `reference.tsv` (as `samples/mandates/`); prints precision and recall per kind.
        #[arg(long)]
        against: Option<PathBuf>,
    },
    /// Full-text search of a store's units (titles, recitals, operative paragraphs, sub-items,
    /// annexes, footnotes) in any of the six languages: the hits grouped by resolution, with the
    /// words found in [brackets]. The same options as the server's /search page.
    Search {
        #[command(flatten)]
        options: SearchOptions,
        #[arg(long)]
        store: Option<PathBuf>,
        /// Inputs to load first (into memory unless --store is given).
        #[arg(long, num_args = 1..)]
        load: Vec<PathBuf>,
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

/// How `unakn diff` writes the changes.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum DiffFormat {
    /// For a terminal (coloured when it is one).
    Text,
    Json,
    /// A redline page.
    Html,
}

/// What `unakn search` looks for, as the server's /search page takes it.
#[derive(clap::Args)]
pub struct SearchOptions {
    /// The words; a phrase in quotes ('"small island developing States"'). Without words, the
    /// documents the other options select are listed, newest first (browsing).
    pub words: Vec<String>,
    /// Only text in this language (en, fr, es, ar, zh, ru).
    #[arg(long, visible_alias = "lang")]
    pub language: Option<String>,
    /// `80`, or a special session `S-32`, `ES-11`.
    #[arg(long)]
    pub session: Option<String>,
    /// As printed in the origin line (`Third Committee`), or `Plenary`.
    #[arg(long)]
    pub committee: Option<String>,
    /// An agenda item's number as printed (`59`, `68 (b)`), with --session.
    #[arg(long)]
    pub agenda: Option<String>,
    /// A Sustainable Development Goal (`SDG 13`) or a term of the UN's thesaurus
    /// (`decolonization`), as the page's subject facet lists it.
    #[arg(long)]
    pub subject: Option<String>,
    /// recorded, or without-vote.
    #[arg(long)]
    pub vote: Option<String>,
    /// title, recital, paragraph, sub-item, annex-paragraph or footnote.
    #[arg(long)]
    pub unit: Option<String>,
    /// resolution, decision or draft.
    #[arg(long = "type")]
    pub document_type: Option<String>,
    /// Resolutions newest first instead of the best match first.
    #[arg(long)]
    pub newest: bool,
    /// Which page of ten resolutions (from 1).
    #[arg(long, default_value_t = 1)]
    pub page: usize,
    #[arg(long)]
    pub json: bool,
}

/// How `unakn mandates` writes them.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum MandatesFormat {
    /// One line per mandate, columns separated by tabs.
    Table,
    /// One JSON object per mandate, with the keys other tools read.
    Jsonl,
    Csv,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum OutputFormat {
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
    pub fn extension(self) -> &'static str {
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

    pub fn from_path(path: &Path) -> Option<Self> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        Self::value_variants()
            .iter()
            .copied()
            .find(|f| name.ends_with(&format!(".{}", f.extension())))
            .or_else(|| name.ends_with(".xml").then_some(OutputFormat::Akn))
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Nq,
    Trig,
    Jsonld,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum QueryFormat {
    Table,
    Json,
    Xml,
    Csv,
    Tsv,
}
