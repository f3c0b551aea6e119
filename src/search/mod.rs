//! Full-text search over the units people cite (titles, recitals, operative paragraphs,
//! sub-items, annex paragraphs, footnotes), in each of the six languages with its own
//! analysis, beside the store.
//!
//! The index is a view of the store: one entry per unit and one per language version (its
//! expression's IRI and the digest of its AKN). A persistent store keeps its index in the
//! `search/` folder inside its own; the two share no commit, so on open the index is compared
//! with the store version by version ([`Index::reconcile`]) and brought back into line: a
//! version the store no longer holds is dropped, one it holds in another form or not yet
//! indexed is read again from the AKN the store keeps.

mod analysis;
mod in_line;
mod query;
mod request;
mod units;

pub use query::{FacetValue, Facets, Group, Hit, Results, GROUPED};
pub use request::{Request, Sort, Voting, DOCUMENT_TYPES, KEYS};
pub use units::{units, Unit, UnitKind};

use crate::model::{Document, Language};
use crate::store::{Store, StoreError};
use crate::vocab::Base;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;
use std::sync::Mutex;
use tantivy::schema::{
    Facet, FacetOptions, Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST,
    STORED, STRING,
};
use tantivy::{doc, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

/// What went wrong with the index.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("search index: {0}")]
    Open(#[from] tantivy::directory::error::OpenDirectoryError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The fields of an entry.
#[derive(Clone, Copy)]
struct Fields {
    /// The expression's IRI: what a version's entries are replaced and removed by.
    key: Field,
    /// A hash of the key, in a column: what the hits are grouped by.
    version: Field,
    /// `document` for a version's own entry, else the unit's kind.
    kind: Field,
    digest: Field,
    symbol: Field,
    lang: Field,
    iri: Field,
    eid: Field,
    number: Field,
    title: Field,
    /// The work's date as `yyyymmdd` (0 when unknown): newest first.
    date: Field,
    /// The unit's place in its document.
    order: Field,
    /// A version's agenda items, `number TAB title`: the agenda facet's labels.
    agenda: Field,
    /// `/session/80`, `/committee/Third Committee`, `/agenda/80/59`, `/subject/SDG 3`,
    /// `/vote/recorded`, `/type/resolution`, `/lang/en`: on a version's entry and on each of
    /// its units; `/unit/paragraph` on units only.
    facets: Field,
    /// The text, in the field of its language (each has its own analysis).
    text: [(Language, Field); 6],
}

fn schema() -> (Schema, Fields) {
    let mut s = Schema::builder();
    let text_of = |s: &mut tantivy::schema::SchemaBuilder, language: Language| {
        let name = analysis::analyzer_name(language);
        let options = TextOptions::default().set_stored().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(name)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        (language, s.add_text_field(name, options))
    };
    let fields = Fields {
        key: s.add_text_field("key", STRING | STORED),
        version: s.add_u64_field("version", FAST),
        kind: s.add_text_field("kind", STRING | STORED),
        digest: s.add_text_field("digest", STRING | STORED),
        symbol: s.add_text_field("symbol", STRING | STORED),
        lang: s.add_text_field("lang", STRING | STORED),
        iri: s.add_text_field("iri", STORED),
        eid: s.add_text_field("eid", STORED),
        number: s.add_text_field("number", STORED),
        title: s.add_text_field("title", STORED),
        date: s.add_i64_field("date", FAST | STORED),
        order: s.add_u64_field("order", FAST | STORED),
        agenda: s.add_text_field("agenda", STORED),
        facets: s.add_facet_field("facets", FacetOptions::default()),
        text: Language::ALL.map(|l| text_of(&mut s, l)),
    };
    (s.build(), fields)
}

impl Fields {
    fn text(&self, language: Language) -> Field {
        self.text
            .iter()
            .find(|(l, _)| *l == language)
            .map(|(_, f)| *f)
            .expect("a field per language")
    }
}

/// The search index of a store.
pub struct Index {
    index: tantivy::Index,
    reader: IndexReader,
    fields: Fields,
    /// Opened on the first write: one writer at a time holds an index's lock.
    writer: Mutex<Option<IndexWriter>>,
    /// The units each recent (words, language) of the SPARQL function matched; emptied on
    /// every write.
    matched: Mutex<HashMap<Words, Arc<HashSet<String>>>>,
    /// A persistent index's folder, where it records the store's state it is in line with
    /// ([`Index::bring_in_line`]).
    dir: Option<std::path::PathBuf>,
}

/// A query's words and the language they are read in.
type Words = (String, Option<Language>);

/// The IRI of the SPARQL function [`Index::sparql_function`] answers to.
pub fn function_name() -> oxigraph::model::NamedNode {
    crate::vocab::unakn::search.into_owned()
}

/// A language version to index: the document, its expression's IRI, the digest of its AKN.
pub struct Version<'a> {
    pub doc: &'a Document,
    pub expression: &'a str,
    pub digest: &'a str,
}

impl<'a> From<&'a (Document, String, String)> for Version<'a> {
    fn from((doc, expression, digest): &'a (Document, String, String)) -> Self {
        Version {
            doc,
            expression,
            digest,
        }
    }
}

/// What [`Index::reconcile`] changed.
#[derive(Debug, Default, PartialEq)]
pub struct Reconciled {
    pub indexed: usize,
    pub dropped: usize,
    /// Whether the index was compared with the store version by version
    /// ([`Index::bring_in_line`] does not when it knows the two in line).
    pub compared: bool,
}

/// The version of the text's analysis (the tokenizers, stemmers and fields): an index written
/// with another is rebuilt.
pub const ANALYSIS: u32 = 3;

/// The file beside the index that holds the [`ANALYSIS`] it was written with.
const ANALYSIS_FILE: &str = "unakn-analysis";

/// The folder of a persistent store's index.
pub fn folder_of(store_dir: &Path) -> std::path::PathBuf {
    store_dir.join("search")
}

/// An error of the index's folder (its files beside tantivy's), naming the folder.
fn folder_error(dir: &Path) -> impl Fn(std::io::Error) -> SearchError + '_ {
    move |e| tantivy::TantivyError::SystemError(format!("{}: {e}", dir.display())).into()
}

impl Index {
    /// The index in `dir`, made if there is none. An index written with another analysis of
    /// the text ([`ANALYSIS`]) would miss words: it is emptied, and the next
    /// [`Index::reconcile`] indexes every version again.
    pub fn open(dir: &Path) -> Result<Index, SearchError> {
        let io = folder_error(dir);
        std::fs::create_dir_all(dir).map_err(&io)?;
        let (schema, fields) = schema();
        let directory = tantivy::directory::MmapDirectory::open(dir)?;
        let index = Index::with(
            tantivy::Index::open_or_create(directory, schema)?,
            fields,
            Some(dir.to_path_buf()),
        )?;
        let marker = dir.join(ANALYSIS_FILE);
        let written = std::fs::read_to_string(&marker).unwrap_or_default();
        if written.trim() != ANALYSIS.to_string() {
            if index.reader.searcher().num_docs() > 0 {
                index.write(|w, _| {
                    w.delete_all_documents()?;
                    Ok(())
                })?;
            }
            std::fs::write(&marker, format!("{ANALYSIS}\n")).map_err(io)?;
        }
        Ok(index)
    }

    /// An index in memory, for a store in memory.
    pub fn memory() -> Result<Index, SearchError> {
        let (schema, fields) = schema();
        Index::with(tantivy::Index::create_in_ram(schema), fields, None)
    }

    fn with(
        index: tantivy::Index,
        fields: Fields,
        dir: Option<std::path::PathBuf>,
    ) -> Result<Index, SearchError> {
        for language in Language::ALL {
            index.tokenizers().register(
                analysis::analyzer_name(language),
                analysis::analyzer(language),
            );
        }
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Index {
            index,
            reader,
            fields,
            writer: Mutex::new(None),
            matched: Mutex::default(),
            dir,
        })
    }

    /// Runs `f` with the writer, then commits and makes the change visible to searches.
    fn write(
        &self,
        f: impl FnOnce(&mut IndexWriter, &Fields) -> Result<(), SearchError>,
    ) -> Result<(), SearchError> {
        let mut slot = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        self.no_longer_in_line()?;
        if slot.is_none() {
            *slot = Some(self.index.writer_with_num_threads(1, 64 << 20)?);
        }
        let writer = slot.as_mut().expect("opened above");
        // A change that fails half-way is dropped whole, not committed with the next.
        if let Err(e) = f(writer, &self.fields) {
            writer.rollback()?;
            return Err(e);
        }
        writer.commit()?;
        self.reader.reload()?;
        self.matched
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
        Ok(())
    }

    /// Indexes language versions, each replacing what the index held of it.
    pub fn replace(&self, versions: &[Version<'_>], base: &Base) -> Result<(), SearchError> {
        self.write(|w, fields| {
            for v in versions {
                w.delete_term(Term::from_field_text(fields.key, v.expression));
                for entry in entries(fields, v, base) {
                    w.add_document(entry)?;
                }
            }
            Ok(())
        })
    }

    /// Drops language versions by their expressions' IRIs.
    pub fn remove(&self, expressions: &[String]) -> Result<(), SearchError> {
        self.write(|w, fields| {
            for e in expressions {
                w.delete_term(Term::from_field_text(fields.key, e));
            }
            Ok(())
        })
    }

    /// The versions indexed, each with the digest of the AKN it was read from.
    pub fn versions(&self) -> Result<BTreeMap<String, String>, SearchError> {
        let searcher = self.reader.searcher();
        let query = tantivy::query::TermQuery::new(
            Term::from_field_text(self.fields.kind, "document"),
            IndexRecordOption::Basic,
        );
        let addresses = searcher.search(&query, &tantivy::collector::DocSetCollector)?;
        let mut out = BTreeMap::new();
        for address in addresses {
            let d: TantivyDocument = searcher.doc(address)?;
            let text = |f| query::stored_text(&d, f);
            out.insert(text(self.fields.key), text(self.fields.digest));
        }
        Ok(out)
    }

    /// Brings the index into line with the store: versions the store no longer holds dropped,
    /// versions it holds in another form (or not yet indexed) read again from their AKN.
    pub fn reconcile(&self, store: &Store, base: &Base) -> Result<Reconciled, SearchError> {
        let held = store.digests()?;
        let indexed = self.versions()?;
        let stale: Vec<String> = indexed
            .iter()
            .filter(|(e, d)| held.get(*e) != Some(*d))
            .map(|(e, _)| e.clone())
            .collect();
        let missing: Vec<(&String, &String)> = held
            .iter()
            .filter(|(e, d)| indexed.get(*e) != Some(*d))
            .collect();
        let mut done = Reconciled {
            dropped: stale.iter().filter(|e| !held.contains_key(*e)).count(),
            ..Reconciled::default()
        };
        if !stale.is_empty() {
            self.remove(&stale)?;
        }
        // In batches, so that a large store is read a bounded part at a time.
        for batch in missing.chunks(64) {
            let mut docs = Vec::new();
            for (expression, digest) in batch {
                let node = oxigraph::model::NamedNode::new_unchecked(expression.as_str());
                let Some(xml) = store.stored_akn(&node)? else {
                    continue;
                };
                // A stored AKN that no longer parses is left out of the index, not fatal.
                if let Ok(read) = crate::parse::parse(xml.as_bytes()) {
                    docs.push((read.value, (*expression).clone(), (*digest).clone()));
                }
            }
            let versions: Vec<Version<'_>> = docs.iter().map(Version::from).collect();
            self.replace(&versions, base)?;
            done.indexed += versions.len();
        }
        Ok(done)
    }

    /// The hits of a request.
    pub fn search(&self, request: &Request) -> Result<Results, SearchError> {
        query::run(&self.index, &self.reader.searcher(), &self.fields, request)
    }

    /// The IRIs of every unit that holds `words` (in `language`, or in any).
    pub fn units_matching(
        &self,
        words: &str,
        language: Option<Language>,
    ) -> Result<Arc<HashSet<String>>, SearchError> {
        let key = (words.to_string(), language);
        if let Some(found) = self
            .matched
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
        {
            return Ok(found.clone());
        }
        let request = Request {
            words: words.to_string(),
            language,
            ..Request::default()
        };
        let found = Arc::new(query::all_iris(
            &self.index,
            &self.reader.searcher(),
            &self.fields,
            &request,
        )?);
        let mut matched = self.matched.lock().unwrap_or_else(|e| e.into_inner());
        // A few hundred distinct searches at most are kept.
        if matched.len() >= 256 {
            matched.clear();
        }
        matched.insert(key, found.clone());
        Ok(found)
    }

    /// `unakn:search(?unit, "words")`, or with a language `unakn:search(?unit, "words", "fr")`,
    /// for SPARQL: true when the unit (a division's IRI, or a work's for its title) holds the
    /// words as the search page reads them, so that a search joins the graph.
    pub fn sparql_function(self: &Arc<Index>) -> crate::store::Function {
        use oxigraph::model::{Literal, Term};
        let index = Arc::clone(self);
        Arc::new(move |args: &[Term]| {
            let (Some(Term::NamedNode(unit)), Some(Term::Literal(words))) =
                (args.first(), args.get(1))
            else {
                return None;
            };
            let language = match args.get(2) {
                Some(Term::Literal(l)) => Some(Language::from_code(l.value())?),
                Some(_) => return None,
                None => None,
            };
            let found = index.units_matching(words.value(), language).ok()?;
            Some(Term::Literal(Literal::from(found.contains(unit.as_str()))))
        })
    }

    /// How many units are indexed.
    pub fn unit_count(&self) -> u64 {
        let searcher = self.reader.searcher();
        let versions = self.versions().map_or(0, |v| v.len() as u64);
        searcher.num_docs().saturating_sub(versions)
    }
}

/// The entries of a version: its own, then one per unit.
fn entries(fields: &Fields, v: &Version<'_>, base: &Base) -> Vec<TantivyDocument> {
    let doc = v.doc;
    let lang = doc.language.tag();
    let date = doc.work_date().map_or(0, |d| {
        i64::from(d.year) * 10_000 + i64::from(d.month) * 100 + i64::from(d.day)
    });
    let version = crate::fingerprint::fnv1a(v.expression.as_bytes());
    let title = crate::markup::plain_text(&doc.act.title);
    let shared = facets_of(doc);
    let mut own = doc!(
        fields.key => v.expression,
        fields.version => version,
        fields.kind => "document",
        fields.digest => v.digest,
        fields.symbol => doc.symbol.as_str(),
        fields.lang => lang,
        fields.title => title.as_str(),
        fields.date => date,
    );
    for item in &doc.masthead.agenda_items {
        let printed = item.title.as_deref().unwrap_or("");
        own.add_text(fields.agenda, format!("{}\t{printed}", item.number));
    }
    for f in &shared {
        own.add_facet(fields.facets, f.clone());
    }
    let mut out = vec![own];
    let text_field = fields.text(doc.language);
    for (order, unit) in units(doc).into_iter().enumerate() {
        // A part's divisions are portions of the part's own work, as the graph names them.
        let act = match &unit.part {
            Some(p) => crate::vocab::part_symbol(&doc.symbol, p),
            None => doc.symbol.clone(),
        };
        let iri = if unit.eid.is_empty() {
            base.work(&act)
        } else {
            base.portion(&act, &unit.eid)
        };
        let anchor = unit.anchor();
        let mut entry = doc!(
            fields.key => v.expression,
            fields.version => version,
            fields.kind => unit.kind.as_str(),
            fields.symbol => doc.symbol.as_str(),
            fields.lang => lang,
            fields.iri => iri.as_str(),
            fields.eid => anchor.as_str(),
            fields.number => unit.number.as_str(),
            fields.title => title.as_str(),
            fields.date => date,
            fields.order => order as u64,
            text_field => unit.text.as_str(),
        );
        for f in &shared {
            entry.add_facet(fields.facets, f.clone());
        }
        entry.add_facet(
            fields.facets,
            Facet::from_path(["unit", unit.kind.as_str()]),
        );
        out.push(entry);
    }
    out
}

/// The facets a version and each of its units carry.
fn facets_of(doc: &Document) -> Vec<Facet> {
    use crate::model::{DocumentKind, Organ, Vote};
    let document_type = if doc.is_draft() {
        "draft"
    } else {
        match doc.kind {
            DocumentKind::Resolution => "resolution",
            DocumentKind::Decision => "decision",
        }
    };
    let mut out = vec![
        Facet::from_path(["lang", doc.language.tag()]),
        Facet::from_path(["type", document_type]),
    ];
    // A special session is numbered apart: `S-32` is not the thirty-second.
    let session = crate::symbol::special_session(&doc.symbol)
        .map(str::to_string)
        .or_else(|| doc.masthead.session.map(|s| s.to_string()));
    if let Some(session) = session {
        for item in &doc.masthead.agenda_items {
            out.push(Facet::from_path(["agenda", &session, &item.number]));
        }
        out.push(Facet::from_path(["session", &session]));
    }
    let origin = doc.adoption.origin.as_ref();
    let committee = origin
        .and_then(|o| o.committee.as_deref())
        .or(doc.masthead.committee.as_deref());
    match committee {
        Some(c) => out.push(Facet::from_path(["committee", c])),
        // An Assembly's act whose origin line names no committee was adopted in plenary
        // (`[without reference to a Main Committee (A/80/L.5)]`).
        None if origin.is_some() && doc.organ == Organ::GeneralAssembly && !doc.is_draft() => {
            out.push(Facet::from_path(["committee", "Plenary"]))
        }
        None => {}
    }
    match &doc.metadata.vote {
        Some(Vote::WithoutVote) => out.push(Facet::from_path(["vote", "without-vote"])),
        Some(Vote::Recorded { .. }) => out.push(Facet::from_path(["vote", "recorded"])),
        None => {}
    }
    for subject in &doc.metadata.subjects {
        if let Some(label) = subject_label(&subject.iri, &subject.label) {
            let facet = Facet::from_path(["subject", &label]);
            if !out.contains(&facet) {
                out.push(facet);
            }
        }
    }
    out
}

/// The subject facet's label of a subject the UN classifies by: a Sustainable Development
/// Goal (`SDG 3`) or a term of the UN's thesaurus (UNBIS, lower-cased: the UN's AKN spells the
/// same term in capitals or not); `None` for other schemes.
fn subject_label(iri: &str, label: &str) -> Option<String> {
    let path = iri
        .strip_prefix("http://metadata.un.org/")
        .or_else(|| iri.strip_prefix("https://metadata.un.org/"))?;
    if let Some(goal) = path.strip_prefix("sdg/") {
        let goal = goal.trim_end_matches('/');
        return (!goal.is_empty() && goal.chars().all(|c| c.is_ascii_digit()))
            .then(|| format!("SDG {goal}"));
    }
    let label = label.trim().to_lowercase();
    (path.starts_with("thesaurus/") && !label.is_empty()).then_some(label)
}
