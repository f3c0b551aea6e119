//! A search: words (phrases in quotes) in one language or all six, narrowed by facets, the hits
//! grouped by resolution, with the words found highlighted; or, without words, the documents
//! the facets select (browsing).

use super::{Fields, Request, SearchError, Sort, UnitKind};
use crate::model::Language;
use serde::Serialize;
use std::collections::HashMap;
use tantivy::collector::{Count, FacetCollector, FacetCounts, TopDocs};
use tantivy::columnar::Column;
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::{Facet, Field, IndexRecordOption, OwnedValue};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Order, Searcher, TantivyDocument, Term};

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

/// The hits of one language version of a resolution (none when browsing).
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub symbol: String,
    pub title: String,
    pub language: String,
    /// `yyyy-mm-dd`, when known.
    pub date: Option<String>,
    pub hits: Vec<Hit>,
}

/// A value of a facet among the results: what a request takes (`59`), what people read (`59
/// Eradicating colonialism in all its forms and manifestations`), how many results have it.
#[derive(Debug, Clone, Serialize)]
pub struct FacetValue {
    pub value: String,
    pub label: String,
    pub count: u64,
}

/// The values of each facet among the results, by the facet's root (its key in a request).
pub type Facets = Vec<(&'static str, Vec<FacetValue>)>;

#[derive(Debug, Clone, Serialize)]
pub struct Results {
    /// Units found in all (0 when browsing).
    pub units: usize,
    /// Groups (language versions of documents): among the first [`GROUPED`] units found, or
    /// every version selected when browsing.
    pub groups: usize,
    pub page: Vec<Group>,
    /// Counted in units, or in versions when browsing.
    pub facets: Facets,
}

/// The units grouped: the best (or newest) this many, enough for many pages.
pub const GROUPED: usize = 2_000;

/// Hits shown per group.
const PER_GROUP: usize = 3;

/// The facets counted, by their root. The agenda is counted once a session is chosen, the unit
/// only among units.
const FACETS: [&str; 8] = [
    "session",
    "committee",
    "agenda",
    "subject",
    "vote",
    "type",
    "lang",
    "unit",
];

/// Groups given when a request says none.
const DEFAULT_LIMIT: usize = 10;

/// The IRIs of every unit a request's words and facets select, whatever their number; none
/// when it has no words.
pub(super) fn all_iris(
    index: &tantivy::Index,
    searcher: &Searcher,
    fields: &Fields,
    request: &Request,
) -> Result<std::collections::HashSet<String>, SearchError> {
    let mut out = std::collections::HashSet::new();
    if request.words.trim().is_empty() {
        return Ok(out);
    }
    let query = selection(index, fields, request).0;
    for address in searcher.search(&query, &tantivy::collector::DocSetCollector)? {
        let d: TantivyDocument = searcher.doc(address)?;
        out.insert(stored_text(&d, fields.iri));
    }
    Ok(out)
}

/// The results of a request: its units grouped by version, or the versions it browses.
pub(super) fn run(
    index: &tantivy::Index,
    searcher: &Searcher,
    fields: &Fields,
    request: &Request,
) -> Result<Results, SearchError> {
    if request.is_browsing() {
        return browse(searcher, fields, request);
    }
    let (query, text_query) = selection(index, fields, request);
    let collector = facet_collector(request, false);
    let by_relevance = request.sort == Sort::Relevance && text_query.is_some();
    // One pass over the units found: the best, their number and their facets.
    let (top, units, counts): (Vec<(f32, DocAddress)>, usize, FacetCounts) = if by_relevance {
        searcher.search(
            &query,
            &(
                TopDocs::with_limit(GROUPED).order_by_score(),
                Count,
                collector,
            ),
        )?
    } else {
        let (top, units, counts) = searcher.search(
            &query,
            &(
                TopDocs::with_limit(GROUPED).order_by_fast_field::<i64>("date", Order::Desc),
                Count,
                collector,
            ),
        )?;
        (
            top.into_iter().map(|(_, a)| (0.0, a)).collect(),
            units,
            counts,
        )
    };
    let facets = facet_values(searcher, fields, request, &counts)?;
    // Group by version, in the order their first hit came; the version is read from its
    // column, so that only the page's units are read whole.
    let mut versions = VersionColumns::default();
    let mut order: Vec<u64> = Vec::new();
    let mut members: HashMap<u64, Vec<(f32, DocAddress)>> = HashMap::new();
    for (score, address) in top {
        let version = versions.of(searcher, address)?;
        let group = members.entry(version).or_default();
        if group.is_empty() {
            order.push(version);
        }
        group.push((score, address));
    }
    let groups = order.len();
    let limit = if request.limit == 0 {
        DEFAULT_LIMIT
    } else {
        request.limit
    };
    let mut snippets = Snippets::new(searcher, text_query.as_deref());
    let mut page = Vec::new();
    for version in order.iter().skip(request.offset).take(limit) {
        let addresses = &members[version];
        // The title heads the group already: listed among its hits only when it is the one.
        let mut shown: Vec<(f32, TantivyDocument)> = Vec::new();
        let mut first = None;
        for &(score, address) in addresses {
            let d: TantivyDocument = searcher.doc(address)?;
            let is_title = stored_text(&d, fields.kind) == UnitKind::Title.as_str();
            if first.is_none() {
                first = Some(d.clone());
            }
            if !(is_title && addresses.len() > 1) {
                shown.push((score, d));
            }
            if shown.len() == PER_GROUP {
                break;
            }
        }
        let first = first.expect("a group has a unit");
        let mut hits = Vec::new();
        for (score, d) in shown {
            let language = Language::from_code(&stored_text(&d, fields.lang));
            let field = fields.text(language.unwrap_or(Language::English));
            let text = stored_text(&d, field);
            let (fragment, highlighted) = snippets.of(field, &text)?;
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
            hits,
            ..group_of(fields, &first)
        });
    }
    Ok(Results {
        units,
        groups,
        page,
        facets,
    })
}

/// The versions a request without words selects, newest first, a page of them, with the
/// facets counted in versions.
fn browse(searcher: &Searcher, fields: &Fields, request: &Request) -> Result<Results, SearchError> {
    let mut must: Vec<Box<dyn Query>> = vec![Box::new(TermQuery::new(
        Term::from_field_text(fields.kind, "document"),
        IndexRecordOption::Basic,
    ))];
    must.extend(facet_filters(fields, request));
    let query = BooleanQuery::new(must.into_iter().map(|q| (Occur::Must, q)).collect());
    let limit = if request.limit == 0 {
        DEFAULT_LIMIT
    } else {
        request.limit
    };
    let (top, groups, counts) = searcher.search(
        &query,
        &(
            TopDocs::with_limit(limit)
                .and_offset(request.offset)
                .order_by_fast_field::<i64>("date", Order::Desc),
            Count,
            facet_collector(request, true),
        ),
    )?;
    let mut page = Vec::new();
    for (_, address) in top {
        let d: TantivyDocument = searcher.doc(address)?;
        page.push(group_of(fields, &d));
    }
    Ok(Results {
        units: 0,
        groups,
        page,
        facets: facet_values(searcher, fields, request, &counts)?,
    })
}

/// A group's heading from one of its entries.
fn group_of(fields: &Fields, d: &TantivyDocument) -> Group {
    Group {
        symbol: stored_text(d, fields.symbol),
        title: stored_text(d, fields.title),
        language: stored_text(d, fields.lang),
        date: stored_i64(d, fields.date)
            .filter(|&d| d > 0)
            .map(|d| format!("{:04}-{:02}-{:02}", d / 10_000, d / 100 % 100, d % 100)),
        hits: Vec::new(),
    }
}

/// The version each entry belongs to, read from its column, one column per segment.
#[derive(Default)]
struct VersionColumns(HashMap<u32, Column<u64>>);

impl VersionColumns {
    fn of(&mut self, searcher: &Searcher, address: DocAddress) -> Result<u64, SearchError> {
        let column = match self.0.entry(address.segment_ord) {
            std::collections::hash_map::Entry::Occupied(c) => c.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => v.insert(
                searcher
                    .segment_reader(address.segment_ord)
                    .fast_fields()
                    .u64("version")?,
            ),
        };
        Ok(column.first(address.doc_id).unwrap_or(0))
    }
}

/// The text around the words found, one generator per language field.
struct Snippets<'a> {
    searcher: &'a Searcher,
    query: Option<&'a dyn Query>,
    generators: HashMap<Field, SnippetGenerator>,
}

impl<'a> Snippets<'a> {
    fn new(searcher: &'a Searcher, query: Option<&'a dyn Query>) -> Self {
        Snippets {
            searcher,
            query,
            generators: HashMap::new(),
        }
    }

    fn of(
        &mut self,
        field: Field,
        text: &str,
    ) -> Result<(String, Vec<(usize, usize)>), SearchError> {
        let Some(query) = self.query else {
            return Ok((lead(text), Vec::new()));
        };
        if !self.generators.contains_key(&field) {
            let mut g = SnippetGenerator::create(self.searcher, query, field)?;
            g.set_max_num_chars(240);
            self.generators.insert(field, g);
        }
        let snippet = self.generators[&field].snippet(text);
        if snippet.fragment().is_empty() {
            return Ok((lead(text), Vec::new()));
        }
        let ranges = snippet
            .highlighted()
            .iter()
            .map(|r| (r.start, r.end))
            .collect();
        Ok((snippet.fragment().to_string(), ranges))
    }
}

/// The facets a request counts: all but the agenda (without a session) and the unit (when
/// browsing versions).
fn facet_collector(request: &Request, browsing: bool) -> FacetCollector {
    let mut c = FacetCollector::for_field("facets");
    for root in FACETS {
        match root {
            "agenda" => {
                if let Some(s) = &request.session {
                    c.add_facet(Facet::from_path(["agenda", s]));
                }
            }
            "unit" if browsing => {}
            _ => c.add_facet(Facet::from_path([root])),
        }
    }
    c
}

/// The counted facets' values, most frequent first; an agenda item labelled with its title.
fn facet_values(
    searcher: &Searcher,
    fields: &Fields,
    request: &Request,
    counts: &FacetCounts,
) -> Result<Facets, SearchError> {
    let mut out = Vec::new();
    for root in FACETS {
        let path = match (root, &request.session) {
            ("agenda", Some(s)) => format!("/agenda/{s}"),
            ("agenda", None) => continue,
            _ => format!("/{root}"),
        };
        let mut values: Vec<FacetValue> = counts
            .get(path.as_str())
            .map(|(f, count)| {
                let value = last_segment(f);
                FacetValue {
                    label: value.clone(),
                    value,
                    count,
                }
            })
            .collect();
        values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        if let ("agenda", Some(session)) = (root, &request.session) {
            for v in values.iter_mut().take(40) {
                if let Some(title) = agenda_title(searcher, fields, request, session, &v.value)? {
                    v.label = format!("{} {title}", v.value);
                }
            }
        }
        out.push((root, values));
    }
    Ok(out)
}

/// The title of an agenda item as a version of the session prints it: in the request's
/// language (or English) when a version in it has the item, else in any.
fn agenda_title(
    searcher: &Searcher,
    fields: &Fields,
    request: &Request,
    session: &str,
    number: &str,
) -> Result<Option<String>, SearchError> {
    // From its segments: a segment may hold a `/` that the facet's text form would split at.
    let facet = Facet::from_path(["agenda", session, number]);
    let term = |facet: &Facet| -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_facet(fields.facets, facet),
            IndexRecordOption::Basic,
        ))
    };
    let preferred = request.language.unwrap_or(Language::English);
    for language in [Some(preferred), None] {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(fields.kind, "document"),
                    IndexRecordOption::Basic,
                )),
            ),
            (Occur::Must, term(&facet)),
        ];
        if let Some(l) = language {
            clauses.push((Occur::Must, term(&Facet::from_path(["lang", l.tag()]))));
        }
        let query = BooleanQuery::new(clauses);
        for (_, address) in searcher.search(&query, &TopDocs::with_limit(4).order_by_score())? {
            let d: TantivyDocument = searcher.doc(address)?;
            let title = agenda_titles(fields, &d)
                .into_iter()
                .find(|(n, t)| n == number && !t.is_empty());
            if let Some((_, title)) = title {
                return Ok(Some(title));
            }
        }
    }
    Ok(None)
}

/// The agenda items a version's entry keeps, `number TAB title`.
pub(super) fn agenda_titles(fields: &Fields, d: &TantivyDocument) -> Vec<(String, String)> {
    use tantivy::schema::document::Value;
    d.get_all(fields.agenda)
        .filter_map(|v| v.as_str())
        .filter_map(|s| s.split_once('\t'))
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect()
}

/// A term query for each facet a request sets.
fn facet_filters(fields: &Fields, request: &Request) -> Vec<Box<dyn Query>> {
    request
        .facet_paths()
        .into_iter()
        .map(|path| {
            Box::new(TermQuery::new(
                Term::from_facet(fields.facets, &Facet::from_path(path)),
                IndexRecordOption::Basic,
            )) as Box<dyn Query>
        })
        .collect()
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
    // Every unit (and no version's own entry) has a `/unit` facet.
    must.push(Box::new(TermQuery::new(
        Term::from_facet(fields.facets, &Facet::from_path(["unit"])),
        IndexRecordOption::Basic,
    )));
    must.extend(facet_filters(fields, request));
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
