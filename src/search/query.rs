//! A search: words (phrases in quotes) in one language or all six, narrowed by facets, the hits
//! grouped by resolution, with the words found highlighted.

use super::{Fields, SearchError, UnitKind};
use crate::model::Language;
use serde::Serialize;
use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::{Facet, Field, IndexRecordOption, OwnedValue};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Order, Searcher, TantivyDocument, Term};

/// The order of the groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// The best hit first.
    #[default]
    Relevance,
    /// The most recent resolution first.
    Newest,
}

/// What to look for. Empty words with a facet browse everything the facets select.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Request {
    pub words: String,
    pub language: Option<Language>,
    pub session: Option<u32>,
    pub committee: Option<String>,
    pub unit: Option<UnitKind>,
    /// `resolution`, `decision`, `draft`.
    pub document_type: Option<String>,
    pub sort: Sort,
    /// The groups to skip and to give: a page.
    pub offset: usize,
    pub limit: usize,
}

/// A unit found.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub kind: &'static str,
    /// As printed: `7`, `7 (b)`; empty when unnumbered.
    pub number: String,
    pub eid: String,
    /// The division's IRI (the work's for a title).
    pub iri: String,
    pub score: f32,
    /// The text around the words found, at most some 240 characters.
    pub fragment: String,
    /// The words found, as byte ranges of `fragment`.
    pub highlighted: Vec<(usize, usize)>,
}

/// The hits of one language version of a resolution.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub symbol: String,
    pub title: String,
    pub language: String,
    /// `yyyy-mm-dd`, when known.
    pub date: Option<String>,
    pub hits: Vec<Hit>,
}

/// The count of each value of each facet among the units found.
pub type Facets = Vec<(&'static str, Vec<(String, u64)>)>;

#[derive(Debug, Clone, Serialize)]
pub struct Results {
    /// Units found in all.
    pub units: usize,
    /// Groups (language versions of resolutions) among the first [`GROUPED`] units.
    pub groups: usize,
    pub page: Vec<Group>,
    pub facets: Facets,
}

/// The units grouped: the best (or newest) this many, enough for many pages.
pub const GROUPED: usize = 2_000;

/// Hits shown per group.
const PER_GROUP: usize = 3;

/// The facets counted, by their root.
const FACETS: [&str; 5] = ["session", "committee", "lang", "unit", "type"];

/// The IRIs of every unit a request's words and facets select, whatever their number.
pub(super) fn all_iris(
    index: &tantivy::Index,
    searcher: &Searcher,
    fields: &Fields,
    request: &Request,
) -> Result<std::collections::HashSet<String>, SearchError> {
    let query = selection(index, fields, request).0;
    let mut out = std::collections::HashSet::new();
    for address in searcher.search(&query, &tantivy::collector::DocSetCollector)? {
        let d: TantivyDocument = searcher.doc(address)?;
        out.insert(stored_text(&d, fields.iri));
    }
    Ok(out)
}

pub(super) fn run(
    index: &tantivy::Index,
    searcher: &Searcher,
    fields: &Fields,
    request: &Request,
) -> Result<Results, SearchError> {
    let (query, text_query) = selection(index, fields, request);
    let mut facet_collector = FacetCollector::for_field("facets");
    for root in FACETS {
        facet_collector.add_facet(Facet::from_path([root]));
    }
    let by_relevance = request.sort == Sort::Relevance && text_query.is_some();
    let top: Vec<(f32, DocAddress)> = if by_relevance {
        searcher.search(&query, &TopDocs::with_limit(GROUPED).order_by_score())?
    } else {
        let top: Vec<(Option<i64>, DocAddress)> = searcher.search(
            &query,
            &TopDocs::with_limit(GROUPED).order_by_fast_field("date", Order::Desc),
        )?;
        top.into_iter().map(|(_, a)| (0.0, a)).collect()
    };
    let (units, counts) = searcher.search(&query, &(Count, facet_collector))?;
    let facets = FACETS
        .iter()
        .map(|&root| {
            let mut values: Vec<(String, u64)> = counts
                .get(format!("/{root}").as_str())
                .map(|(f, n)| (last_segment(f), n))
                .collect();
            values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            (root, values)
        })
        .collect();
    // Group by version, in the order their first hit came.
    let mut order: Vec<(String, String)> = Vec::new();
    let mut members: std::collections::HashMap<(String, String), Vec<(f32, DocAddress)>> =
        std::collections::HashMap::new();
    for (score, address) in top {
        let d: TantivyDocument = searcher.doc(address)?;
        let key = (stored_text(&d, fields.symbol), stored_text(&d, fields.lang));
        let group = members.entry(key.clone()).or_default();
        if group.is_empty() {
            order.push(key);
        }
        group.push((score, address));
    }
    let groups = order.len();
    let limit = if request.limit == 0 {
        10
    } else {
        request.limit
    };
    let mut generators: std::collections::HashMap<Field, SnippetGenerator> =
        std::collections::HashMap::new();
    let mut page = Vec::new();
    for key in order.iter().skip(request.offset).take(limit) {
        let addresses = &members[key];
        let first: TantivyDocument = searcher.doc(addresses[0].1)?;
        let date = stored_i64(&first, fields.date)
            .filter(|&d| d > 0)
            .map(|d| format!("{:04}-{:02}-{:02}", d / 10_000, d / 100 % 100, d % 100));
        let mut hits = Vec::new();
        // The title heads the group already: listed among its hits only when it is the one.
        let mut shown = Vec::new();
        for &(score, address) in addresses {
            let d: TantivyDocument = searcher.doc(address)?;
            let is_title = stored_text(&d, fields.kind) == UnitKind::Title.as_str();
            if !(is_title && addresses.len() > 1) {
                shown.push((score, d));
            }
            if shown.len() == PER_GROUP {
                break;
            }
        }
        for (score, d) in shown {
            let language = Language::from_code(&stored_text(&d, fields.lang));
            let field = fields.text(language.unwrap_or(Language::English));
            let text = stored_text(&d, field);
            let (fragment, highlighted) = match &text_query {
                Some(q) => {
                    if !generators.contains_key(&field) {
                        let mut g = SnippetGenerator::create(searcher, &**q, field)?;
                        g.set_max_num_chars(240);
                        generators.insert(field, g);
                    }
                    let snippet = generators[&field].snippet(&text);
                    if snippet.fragment().is_empty() {
                        (lead(&text), Vec::new())
                    } else {
                        let ranges = snippet
                            .highlighted()
                            .iter()
                            .map(|r| (r.start, r.end))
                            .collect();
                        (snippet.fragment().to_string(), ranges)
                    }
                }
                None => (lead(&text), Vec::new()),
            };
            let kind = UnitKind::parse(&stored_text(&d, fields.kind)).map_or("", |k| k.as_str());
            hits.push(Hit {
                kind,
                number: stored_text(&d, fields.number),
                eid: stored_text(&d, fields.eid),
                iri: stored_text(&d, fields.iri),
                score,
                fragment,
                highlighted,
            });
        }
        page.push(Group {
            symbol: key.0.clone(),
            title: stored_text(&first, fields.title),
            language: key.1.clone(),
            date,
            hits,
        });
    }
    Ok(Results {
        units,
        groups,
        page,
        facets,
    })
}

/// The query of a request: its words (all required) in its language's field or all six, its
/// facets; and the words' own query, which the snippets are made from.
fn selection(
    index: &tantivy::Index,
    fields: &Fields,
    request: &Request,
) -> (BooleanQuery, Option<Box<dyn Query>>) {
    let languages: Vec<Language> = match request.language {
        Some(l) => vec![l],
        None => Language::ALL.to_vec(),
    };
    let text_fields: Vec<Field> = languages.iter().map(|&l| fields.text(l)).collect();
    let words = request.words.trim();
    let mut must: Vec<Box<dyn Query>> = Vec::new();
    let text_query: Option<Box<dyn Query>> = if words.is_empty() {
        None
    } else {
        let mut parser = QueryParser::for_index(index, text_fields.clone());
        parser.set_conjunction_by_default();
        // Lenient: a stray quote or colon in a search box is read as words, not refused.
        Some(parser.parse_query_lenient(words).0)
    };
    let mut should: Vec<Box<dyn Query>> = Vec::new();
    if let Some(q) = &text_query {
        must.push(q.box_clone());
        should = nearness(index, &text_fields, words);
    }
    let facet = |path: &[&str]| -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_facet(fields.facets, &Facet::from_path(path)),
            IndexRecordOption::Basic,
        ))
    };
    // Every unit (and no version's own entry) has a `/unit` facet.
    must.push(facet(&["unit"]));
    if let Some(l) = request.language {
        must.push(facet(&["lang", l.tag()]));
    }
    if let Some(s) = request.session {
        must.push(facet(&["session", &s.to_string()]));
    }
    if let Some(c) = &request.committee {
        must.push(facet(&["committee", c]));
    }
    if let Some(u) = request.unit {
        must.push(facet(&["unit", u.as_str()]));
    }
    if let Some(t) = &request.document_type {
        must.push(facet(&["type", t]));
    }
    let query = BooleanQuery::new(
        must.into_iter()
            .map(|q| (Occur::Must, q))
            .chain(should.into_iter().map(|q| (Occur::Should, q)))
            .collect(),
    );
    (query, text_query)
}

/// Words of a query side by side, each pair as a phrase that a unit may also match: the units
/// where the words stand together score above those where they lie apart. Words in quotes or
/// with an operator are left to the query itself.
fn nearness(index: &tantivy::Index, fields: &[Field], words: &str) -> Vec<Box<dyn Query>> {
    if words.contains(['"', ':', '(', ')', '+', '^', '*']) {
        return Vec::new();
    }
    let plain: Vec<&str> = words
        .split_whitespace()
        .filter(|w| !matches!(*w, "AND" | "OR" | "NOT") && !w.starts_with('-'))
        .collect();
    let parser = QueryParser::for_index(index, fields.to_vec());
    plain
        .windows(2)
        .map(|pair| {
            parser
                .parse_query_lenient(&format!("\"{} {}\"", pair[0], pair[1]))
                .0
        })
        .collect()
}

/// The first words of a text, when no word of a query is in it to centre on.
fn lead(text: &str) -> String {
    match text.char_indices().nth(240) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

fn last_segment(facet: &Facet) -> String {
    facet
        .to_path()
        .last()
        .map_or_else(String::new, |s| s.to_string())
}

pub(super) fn stored_text(d: &TantivyDocument, field: Field) -> String {
    use tantivy::schema::document::Value;
    d.get_first(field)
        .and_then(|v| v.as_str())
        .unwrap_or("")
        .to_string()
}

fn stored_i64(d: &TantivyDocument, field: Field) -> Option<i64> {
    match d.get_first(field).map(OwnedValue::from) {
        Some(OwnedValue::I64(n)) => Some(n),
        _ => None,
    }
}
