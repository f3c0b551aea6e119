//! The embedded oxigraph store: in memory, or a RocksDB directory (feature `rocksdb`, on by
//! default).
//!
//! Each document expression lives in its own named graph, and its work's facts in the work's
//! graph (see [`crate::rdf`]); loading a document again replaces both in one step, so a store
//! never holds half a document or a duplicate. Queries see the union of all graphs as their
//! default graph.

mod documents;
mod links;
mod state;

pub use documents::{digest, digest_in, quads_with_manifestation, Batches};
pub use state::write_durably;

use crate::vocab::Base;
use oxigraph::model::{GraphName, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryResults, SparqlEvaluator};
use std::io::Write;
use std::path::{Path, PathBuf};

/// What can go wrong with a store or a query.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store: {0}")]
    Storage(#[from] oxigraph::store::StorageError),
    #[error("SPARQL syntax: {0}")]
    Syntax(#[from] oxigraph::sparql::SparqlSyntaxError),
    #[error("query evaluation: {0}")]
    Evaluation(#[from] oxigraph::sparql::QueryEvaluationError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error(
        "this unakn was built without RocksDB (--no-default-features): rebuild it with its default features to use --store"
    )]
    NoPersistence,
    #[error("{0}")]
    Unsupported(String),
    #[error(
        "the store in {dir} was written in store format {found} by another unakn; this one reads and writes format {FORMAT} ({FORMAT_CHANGE}): rebuild it with this version (`unakn load --store NEW_DIR INPUTS...`), or query it with the unakn that wrote it"
    )]
    OtherFormat { dir: String, found: String },
}

/// The shape of the graph a store holds, written beside a persistent store's files: queries
/// written for one shape give wrong answers over another, so a store of another format is
/// refused rather than read. Format 1 (no file) is every store written before the file.
pub const FORMAT: u32 = 4;

/// What the current format changed.
const FORMAT_CHANGE: &str =
    "each manifestation carries the digest of its AKN, by which the search index beside the store is kept in line with it";

/// The file holding a persistent store's format.
#[cfg(feature = "rocksdb")]
const FORMAT_FILE: &str = "unakn-store-format";

/// Why a query naming another endpoint (`SERVICE`) is refused: federation is off, so that
/// neither the store nor its server ever makes an outbound request.
pub const NO_FEDERATION: &str =
    "federated queries (SERVICE) are not allowed: this store makes no outbound requests";

/// Whether a query failed because it asked for federation, which [`NO_FEDERATION`] refuses.
pub fn is_federation(error: &oxigraph::sparql::QueryEvaluationError) -> bool {
    use oxigraph::sparql::QueryEvaluationError as E;
    matches!(
        error,
        E::Service(_) | E::UnsupportedService(_) | E::UnboundService | E::InvalidServiceName(_)
    )
}

/// An oxigraph store holding documents as named graphs.
#[derive(Clone)]
pub struct Store {
    inner: oxigraph::store::Store,
    /// Functions queries may call besides SPARQL's own, by IRI ([`Store::with_function`]).
    functions: Vec<(NamedNode, Function)>,
    /// A persistent store's directory, where its state is named ([`Store::state`]).
    dir: Option<PathBuf>,
}

/// A function a query may call (`FILTER(unakn:search(?division, "words"))`): its arguments'
/// values in, its value out (`None` is an error, which leaves the expression unbound).
pub type Function = std::sync::Arc<dyn Fn(&[Term]) -> Option<Term> + Send + Sync>;

/// A SELECT result held in memory.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub variables: Vec<String>,
    pub rows: Vec<Vec<Option<Term>>>,
}

/// How one query runs: the dataset the SPARQL protocol may name, and a way to stop it.
#[derive(Clone, Default)]
pub struct QueryOptions {
    /// `default-graph-uri`: graphs merged into the default graph (none: the union of all).
    pub default_graphs: Vec<NamedNode>,
    /// `named-graph-uri`: the graphs `GRAPH` may visit (none: all).
    pub named_graphs: Vec<NamedNode>,
    /// Cancelled when the query has run too long.
    pub cancellation: Option<CancellationToken>,
}

/// Output formats of query results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultFormat {
    /// Aligned columns for a terminal.
    Table,
    Json,
    Xml,
    Csv,
    Tsv,
}

impl Store {
    /// A new store in memory.
    pub fn memory() -> Result<Self, StoreError> {
        Ok(Store {
            inner: oxigraph::store::Store::new()?,
            functions: Vec::new(),
            dir: None,
        })
    }

    /// Opens (or creates) a persistent store in `dir`: a new store is marked with this
    /// [`FORMAT`]; one of another format is refused.
    #[cfg(feature = "rocksdb")]
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        // A RocksDB directory has its CURRENT file from the first open on.
        let is_new = !dir.join("CURRENT").exists();
        if !is_new {
            let found = match std::fs::read_to_string(dir.join(FORMAT_FILE)) {
                Ok(text) => text.trim().to_string(),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => "1".to_string(),
                Err(e) => return Err(e.into()),
            };
            if found != FORMAT.to_string() {
                return Err(StoreError::OtherFormat {
                    dir: dir.display().to_string(),
                    found,
                });
            }
        }
        // RocksDB creates the directory itself, but not its parents.
        std::fs::create_dir_all(dir)?;
        let inner = oxigraph::store::Store::open(dir)?;
        if is_new {
            std::fs::write(dir.join(FORMAT_FILE), format!("{FORMAT}\n"))?;
        }
        Ok(Store {
            inner,
            functions: Vec::new(),
            dir: Some(dir.to_path_buf()),
        })
    }

    /// Opens (or creates) a persistent store in `dir`.
    #[cfg(not(feature = "rocksdb"))]
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        let _ = dir;
        Err(StoreError::NoPersistence)
    }

    /// Opens `dir` when given, or a new memory store.
    pub fn open_or_memory(dir: Option<&Path>) -> Result<Self, StoreError> {
        match dir {
            Some(d) => Self::open(d),
            None => Self::memory(),
        }
    }

    /// The store, its queries able to call `function` by `name`.
    pub fn with_function(mut self, name: NamedNode, function: Function) -> Store {
        self.functions.retain(|(n, _)| *n != name);
        self.functions.push((name, function));
        self
    }

    /// Replaces the named graphs that `quads` belong to with exactly `quads`, in one
    /// transaction: any quads, graph by graph. Documents, whose works' graphs are shared by
    /// their language versions, go through [`Store::replace_documents`].
    pub fn replace(&self, quads: &[Quad]) -> Result<(), StoreError> {
        self.changing()?;
        let mut tx = self.inner.start_transaction()?;
        for g in documents::graphs_of(quads) {
            tx.remove_named_graph(NamedOrBlankNode::from(g).as_ref())?;
        }
        tx.extend(quads);
        tx.commit()?;
        Ok(())
    }

    /// Compacts a persistent store's files (RocksDB's full compaction), after a load: bulk
    /// loading leaves many overlapping files that every read goes through until RocksDB merges
    /// them, which it otherwise does in the background of later processes, queries included.
    /// Nothing to do in memory.
    pub fn compact(&self) -> Result<(), StoreError> {
        #[cfg(feature = "rocksdb")]
        self.inner.optimize()?;
        Ok(())
    }

    /// The number of quads.
    pub fn len(&self) -> Result<usize, StoreError> {
        Ok(self.inner.len()?)
    }

    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.inner.is_empty()?)
    }

    /// The number of named graphs (document expressions).
    pub fn graph_count(&self) -> Result<usize, StoreError> {
        let mut n = 0;
        for g in self.inner.named_graphs() {
            g?;
            n += 1;
        }
        Ok(n)
    }

    /// All quads, for export.
    pub fn quads(&self) -> impl Iterator<Item = Result<Quad, StoreError>> + '_ {
        self.inner.iter().map(|q| q.map_err(StoreError::from))
    }

    fn evaluate(&self, query: &str) -> Result<QueryResults<'static>, StoreError> {
        self.evaluate_with(query, &QueryOptions::default())
    }

    /// Parses and starts a query; its solutions are computed as the results are read.
    pub fn evaluate_with(
        &self,
        query: &str,
        options: &QueryOptions,
    ) -> Result<QueryResults<'static>, StoreError> {
        let mut evaluator = SparqlEvaluator::new();
        for (name, function) in &self.functions {
            let function = function.clone();
            evaluator = evaluator.with_custom_function(name.clone(), move |args| function(args));
        }
        if let Some(token) = &options.cancellation {
            evaluator = evaluator.with_cancellation_token(token.clone());
        }
        let mut prepared = evaluator.parse_query(query)?;
        let dataset = prepared.dataset_mut();
        if !options.default_graphs.is_empty() || !options.named_graphs.is_empty() {
            // The protocol's dataset replaces the query's own FROM / FROM NAMED.
            dataset.set_default_graph(
                options
                    .default_graphs
                    .iter()
                    .cloned()
                    .map(GraphName::from)
                    .collect(),
            );
            if !options.named_graphs.is_empty() {
                dataset.set_available_named_graphs(
                    options
                        .named_graphs
                        .iter()
                        .cloned()
                        .map(NamedOrBlankNode::from)
                        .collect(),
                );
            }
        } else if dataset.is_default_dataset() {
            dataset.set_default_graph_as_union();
        }
        Ok(prepared.on_store(&self.inner).execute()?)
    }

    /// The named graphs (document expressions) in which `iri` is the subject of a triple.
    pub fn graphs_describing(&self, iri: NamedNodeRef<'_>) -> Result<Vec<NamedNode>, StoreError> {
        let mut graphs = Vec::new();
        for q in self
            .inner
            .quads_for_pattern(Some(iri.into()), None, None, None)
        {
            if let GraphName::NamedNode(g) = q?.graph_name {
                if !graphs.contains(&g) {
                    graphs.push(g);
                }
            }
        }
        graphs.sort();
        Ok(graphs)
    }

    /// The quads whose subject is `iri`, in every graph.
    pub fn quads_about(&self, iri: NamedNodeRef<'_>) -> Result<Vec<Quad>, StoreError> {
        self.inner
            .quads_for_pattern(Some(iri.into()), None, None, None)
            .map(|q| q.map_err(StoreError::from))
            .collect()
    }

    /// The objects of `predicate` in `graph`, on `subject` or on any subject.
    pub fn objects(
        &self,
        subject: Option<NamedNodeRef<'_>>,
        predicate: NamedNodeRef<'_>,
        graph: NamedNodeRef<'_>,
    ) -> Result<Vec<Term>, StoreError> {
        self.inner
            .quads_for_pattern(
                subject.map(Into::into),
                Some(predicate),
                None,
                Some(graph.into()),
            )
            .map(|q| q.map(|q| q.object).map_err(StoreError::from))
            .collect()
    }

    /// The named graphs, sorted.
    pub fn graphs(&self) -> Result<Vec<NamedNode>, StoreError> {
        let mut graphs = Vec::new();
        for g in self.inner.named_graphs() {
            if let NamedOrBlankNode::NamedNode(n) = g? {
                graphs.push(n);
            }
        }
        graphs.sort();
        Ok(graphs)
    }

    /// The base the documents in the store were minted under, if it holds any.
    pub fn minted_base(&self) -> Result<Option<Base>, StoreError> {
        Ok(self
            .graphs()?
            .first()
            .and_then(|graph| Base::of_minted(graph.as_str())))
    }

    /// Whether the store holds this named graph.
    pub fn has_graph(&self, graph: NamedNodeRef<'_>) -> Result<bool, StoreError> {
        Ok(self
            .inner
            .contains_named_graph(NamedOrBlankNode::from(graph.into_owned()).as_ref())?)
    }

    /// The digest of the AKN of each language version the store holds ([`unakn:digest`]), by
    /// its expression's IRI.
    ///
    /// [`unakn:digest`]: crate::vocab::unakn::digest
    pub fn digests(&self) -> Result<std::collections::BTreeMap<String, String>, StoreError> {
        let mut out = std::collections::BTreeMap::new();
        for q in self
            .inner
            .quads_for_pattern(None, Some(crate::vocab::unakn::digest), None, None)
        {
            let q = q?;
            if let (GraphName::NamedNode(g), Term::Literal(l)) = (&q.graph_name, &q.object) {
                out.insert(g.as_str().to_string(), l.value().to_string());
            }
        }
        Ok(out)
    }

    /// The quads of one named graph.
    pub fn graph_quads(&self, graph: NamedNodeRef<'_>) -> Result<Vec<Quad>, StoreError> {
        self.inner
            .quads_for_pattern(None, None, None, Some(graph.into()))
            .map(|q| q.map_err(StoreError::from))
            .collect()
    }

    /// Runs a SELECT query and collects its solutions.
    pub fn select(&self, query: &str) -> Result<Table, StoreError> {
        match self.evaluate(query)? {
            QueryResults::Solutions(solutions) => collect_table(solutions),
            QueryResults::Boolean(b) => Ok(Table {
                variables: vec!["result".into()],
                rows: vec![vec![Some(oxigraph::model::Literal::from(b).into())]],
            }),
            QueryResults::Graph(_) => Err(StoreError::Unsupported(
                "CONSTRUCT and DESCRIBE return graphs, not tables".into(),
            )),
        }
    }

    /// Runs any query and writes its results in `format` (graphs as N-Triples... in Turtle).
    pub fn query_to(
        &self,
        query: &str,
        format: ResultFormat,
        mut out: impl Write,
    ) -> Result<(), StoreError> {
        let results = self.evaluate(query)?;
        let sparql_format = match format {
            ResultFormat::Json => Some(QueryResultsFormat::Json),
            ResultFormat::Xml => Some(QueryResultsFormat::Xml),
            ResultFormat::Csv => Some(QueryResultsFormat::Csv),
            ResultFormat::Tsv => Some(QueryResultsFormat::Tsv),
            ResultFormat::Table => None,
        };
        match (results, sparql_format) {
            (QueryResults::Solutions(solutions), Some(f)) => {
                let mut w = QueryResultsSerializer::from_format(f)
                    .serialize_solutions_to_writer(&mut out, solutions.variables().to_vec())?;
                for s in solutions {
                    w.serialize(&s?)?;
                }
                w.finish()?;
            }
            (QueryResults::Boolean(b), Some(f)) => {
                QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(&mut out, b)?;
            }
            (QueryResults::Solutions(solutions), None) => {
                write_table(&collect_table(solutions)?, &mut out)?;
            }
            (QueryResults::Boolean(b), None) => writeln!(out, "{b}")?,
            (QueryResults::Graph(triples), _) => {
                let quads: Vec<Quad> = triples
                    .map(|t| t.map(|t| t.in_graph(GraphName::DefaultGraph)))
                    .collect::<Result<_, _>>()?;
                crate::rdf::serialize(&quads, crate::rdf::Syntax::Turtle, &mut out)?;
            }
        }
        Ok(())
    }
}

fn collect_table(solutions: oxigraph::sparql::QuerySolutionIter<'_>) -> Result<Table, StoreError> {
    let variables = solutions
        .variables()
        .iter()
        .map(|v| v.as_str().to_string())
        .collect();
    let mut rows = Vec::new();
    for s in solutions {
        rows.push(s?.values().to_vec());
    }
    Ok(Table { variables, rows })
}

/// A term as a person reads it: IRIs in angle brackets, literals bare.
pub fn display_term(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => format!("<{}>", n.as_str()),
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => match l.language() {
            Some(lang) => format!("{}@{lang}", l.value()),
            None => l.value().to_string(),
        },
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

/// Writes a table with aligned columns; long cells are cut at 80 characters.
pub fn write_table(table: &Table, out: &mut impl Write) -> std::io::Result<()> {
    const MAX: usize = 80;
    let cells: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| {
                    let s = c
                        .as_ref()
                        .map(display_term)
                        .unwrap_or_default()
                        .replace('\n', " ");
                    if s.chars().count() > MAX {
                        let cut: String = s.chars().take(MAX - 1).collect();
                        format!("{cut}…")
                    } else {
                        s
                    }
                })
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = table
        .variables
        .iter()
        .map(|v| v.chars().count() + 1)
        .collect();
    for row in &cells {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |out: &mut dyn Write, values: Vec<String>| -> std::io::Result<()> {
        let padded: Vec<String> = values
            .iter()
            .zip(&widths)
            .map(|(v, w)| format!("{v}{}", " ".repeat(w.saturating_sub(v.chars().count()))))
            .collect();
        writeln!(out, "| {} |", padded.join(" | "))
    };
    line(
        out,
        table.variables.iter().map(|v| format!("?{v}")).collect(),
    )?;
    writeln!(
        out,
        "|{}|",
        widths
            .iter()
            .map(|w| "-".repeat(w + 2))
            .collect::<Vec<_>>()
            .join("|")
    )?;
    for row in cells {
        line(out, row)?;
    }
    writeln!(
        out,
        "{} row{}",
        table.rows.len(),
        if table.rows.len() == 1 { "" } else { "s" }
    )?;
    Ok(())
}
