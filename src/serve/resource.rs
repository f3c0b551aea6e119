//! Dereferencing: a GET on `{base}{path}` answers for the resource with that IRI, by `Accept`:
//! the AKN document, a description in an RDF syntax, or a readable HTML page.
//!
//! A work is held in several expressions (languages); the page and the AKN come from the one
//! `Accept-Language` prefers, else English, else the first. `?format=` (akn, html, ttl, nt,
//! jsonld, rdf) overrides `Accept`, for links a browser can follow.

use super::{error, header_str, negotiate, ok, App, Refusal};
use crate::model::{Document, Language};
use crate::rdf::Syntax;
use crate::vocab::{self, Base};
use oxhttp::model::{header, Body, HeaderValue, Request, Response, StatusCode};
use oxigraph::model::{GraphName, NamedNode, Quad, Term};

/// What a resource can be served as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Representation {
    Html,
    Akn,
    Rdf(Syntax),
}

const AKN_MEDIA_TYPE: &str = "application/akn+xml";

/// Offers in order of preference for `*/*`: the AKN first for a manifestation (it *is* the
/// file), the page first for everything else.
fn offers(manifestation: bool) -> Vec<(&'static str, Representation)> {
    let mut offers = vec![
        ("text/html", Representation::Html),
        ("application/xhtml+xml", Representation::Html),
        ("text/turtle", Representation::Rdf(Syntax::Turtle)),
        (
            "application/n-triples",
            Representation::Rdf(Syntax::NTriples),
        ),
        ("application/ld+json", Representation::Rdf(Syntax::JsonLd)),
        ("application/rdf+xml", Representation::Rdf(Syntax::RdfXml)),
        (AKN_MEDIA_TYPE, Representation::Akn),
        ("application/xml", Representation::Akn),
        ("text/xml", Representation::Akn),
    ];
    if manifestation {
        offers.rotate_right(3);
    }
    offers
}

fn by_format_name(name: &str) -> Option<Representation> {
    Some(match name {
        "akn" | "xml" => Representation::Akn,
        "html" => Representation::Html,
        "ttl" | "turtle" => Representation::Rdf(Syntax::Turtle),
        "nt" => Representation::Rdf(Syntax::NTriples),
        "jsonld" => Representation::Rdf(Syntax::JsonLd),
        "rdf" | "rdfxml" => Representation::Rdf(Syntax::RdfXml),
        _ => return None,
    })
}

pub fn handle(app: &App, request: &Request<Body>) -> Response<Body> {
    super::answer_with(answer(app, request), "Accept, Accept-Language")
}

fn answer(app: &App, request: &Request<Body>) -> Result<Response<Body>, Refusal> {
    let store = &app.store;
    let internal = |e: crate::store::StoreError| {
        Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
    };
    let path = request.uri().path();
    let mut found = None;
    for iri in candidate_iris(app, path) {
        let graphs = store.graphs_describing(iri.as_ref()).map_err(internal)?;
        if !graphs.is_empty() {
            found = Some((iri, graphs));
            break;
        }
    }
    let Some((iri, graphs)) = found else {
        return Err(Refusal::new(
            StatusCode::NOT_FOUND,
            format!(
                "no resource <{}{path}> in this store",
                app.config.base.as_str()
            ),
        ));
    };
    let description: Vec<Quad> = store.quads_about(iri.as_ref()).map_err(internal)?;
    let xml_property = vocab::unakn::xml;
    let is_manifestation = description.iter().any(|q| q.predicate == xml_property);
    let format = request
        .uri()
        .query()
        .and_then(|q| form_urlencoded::parse(q.as_bytes()).find(|(k, _)| k == "format"))
        .map(|(_, v)| v.into_owned());
    let representation = match format {
        Some(name) => by_format_name(&name).ok_or_else(|| {
            Refusal::new(
                StatusCode::NOT_ACCEPTABLE,
                format!("unknown format `{name}`: akn, html, ttl, nt, jsonld or rdf"),
            )
        })?,
        None => negotiate::choose(
            header_str(request, header::ACCEPT),
            &offers(is_manifestation),
        )
        .ok_or_else(|| {
            let names: Vec<&str> = offers(is_manifestation).iter().map(|(m, _)| *m).collect();
            Refusal::new(
                StatusCode::NOT_ACCEPTABLE,
                format!("this resource can be served as {}", names.join(", ")),
            )
        })?,
    };
    match representation {
        Representation::Rdf(syntax) => {
            let mut triples: Vec<Quad> = description
                .into_iter()
                .filter(|q| q.predicate != xml_property)
                .map(|q| Quad::new(q.subject, q.predicate, q.object, GraphName::DefaultGraph))
                .collect();
            triples.sort_by_key(|q| q.to_string());
            triples.dedup();
            let mut body = Vec::new();
            crate::rdf::serialize(&triples, syntax, &mut body)
                .map_err(|e| Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
            Ok(ok(syntax.media_type(), body))
        }
        Representation::Akn => {
            let graph = pick_graph(&iri, &graphs, request)?;
            Ok(ok(AKN_MEDIA_TYPE, manifestation_xml(app, &graph)?))
        }
        Representation::Html => {
            let graph = pick_graph(&iri, &graphs, request)?;
            if let Some((work, eid)) = iri.as_str().split_once("/!main~") {
                // A portion: its place on the page of the document that holds it; a portion
                // of a part (`…/78-80A/!main~para_1`) is under that part's id.
                let whole = graph.as_str().rsplit_once('/').map_or("", |(w, _)| w);
                let anchor = match work.strip_prefix(whole) {
                    Some(part) if !part.is_empty() => {
                        format!("{}__{eid}", crate::eid::part_eid(part))
                    }
                    _ => eid.to_string(),
                };
                let mut r = error(
                    StatusCode::SEE_OTHER,
                    "the portion is on its document's page",
                );
                let location = format!("{}#{anchor}", path_of(app, &graph));
                if let Ok(v) = HeaderValue::from_str(&location) {
                    r.headers_mut().insert(header::LOCATION, v);
                }
                return Ok(r);
            }
            let xml = manifestation_xml(app, &graph)?;
            let doc = crate::parse::parse(xml.as_bytes())
                .map_err(|e| {
                    Refusal::new(
                        StatusCode::INTERNAL_SERVER_ERROR,
                        format!("stored AKN: {e}"),
                    )
                })?
                .value;
            let page = page_of(app, &doc)?;
            Ok(ok("text/html; charset=utf-8", page))
        }
    }
}

/// The IRIs a request path may name: as sent, and decoded then minted as unakn mints.
fn candidate_iris(app: &App, path: &str) -> Vec<NamedNode> {
    let base = &app.config.base;
    let mut iris = Vec::new();
    if let Ok(iri) = NamedNode::new(format!("{}{path}", base.as_str())) {
        iris.push(iri);
    }
    if let Ok(decoded) = percent_encoding::percent_decode_str(path).decode_utf8() {
        let minted = base.mint(&decoded);
        if !iris.contains(&minted) {
            iris.push(minted);
        }
    }
    iris
}

/// The path of an IRI minted under the base, for links and redirections that must stay on this
/// server whatever host it is reached by.
fn path_of(app: &App, iri: &NamedNode) -> String {
    iri.as_str()
        .strip_prefix(app.config.base.as_str())
        .unwrap_or(iri.as_str())
        .to_string()
}

/// The language of an expression graph, from its IRI (`…/eng@`).
fn language_of(graph: &NamedNode) -> Option<Language> {
    let last = graph.as_str().rsplit('/').next()?;
    Language::from_code(last.strip_suffix('@')?)
}

/// The graphs of the document `iri` belongs to, leaving out the graphs of documents that only
/// cite it.
fn own_graphs(iri: &NamedNode, graphs: &[NamedNode]) -> Vec<NamedNode> {
    graphs
        .iter()
        .filter(|g| Base::belongs_to_expression(iri.as_str(), g.as_str()))
        .cloned()
        .collect()
}

/// The expression graph to serve `iri` from, among its own graphs.
fn pick_graph(
    iri: &NamedNode,
    graphs: &[NamedNode],
    request: &Request<Body>,
) -> Result<NamedNode, Refusal> {
    let graphs = own_graphs(iri, graphs);
    if graphs.is_empty() {
        return Err(Refusal::new(
            StatusCode::NOT_ACCEPTABLE,
            "this store holds no document for this resource, only what cites it: ask for RDF \
             (text/turtle)",
        ));
    }
    if let Some(g) = graphs.iter().find(|g| *g == iri) {
        return Ok(g.clone());
    }
    let wanted = negotiate::languages(header_str(request, header::ACCEPT_LANGUAGE));
    let by_language = |code: &str| {
        graphs
            .iter()
            .find(|g| language_of(g).is_some_and(|l| l.tag() == code || l.iso639_2() == code))
    };
    Ok(wanted
        .iter()
        .find_map(|code| by_language(code))
        .or_else(|| by_language("en"))
        .unwrap_or(&graphs[0])
        .clone())
}

fn manifestation_xml(app: &App, graph: &NamedNode) -> Result<String, Refusal> {
    let xml = app
        .store
        .stored_akn(graph)
        .map_err(|e| Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    match xml {
        Some(xml) => Ok(xml),
        None => Err(Refusal::new(
            StatusCode::NOT_ACCEPTABLE,
            "this store holds no AKN for the resource (it was loaded without it); ask for RDF",
        )),
    }
}

/// A document's link to its draft (or a draft's to its act), as the store's links graph holds
/// it, with the changes from the draft when both are held in the page's language.
struct Linked {
    label: &'static str,
    symbol: String,
    iri: String,
    redline: Option<String>,
}

fn lineage_of(
    app: &App,
    doc: &Document,
    work: &NamedNode,
) -> Result<Option<Linked>, crate::store::StoreError> {
    let store = &app.store;
    let adopted_from = vocab::unakn::adoptedFrom;
    let (label, pattern) = if doc.is_draft() {
        (
            crate::interface::word(doc.language, crate::interface::Word::AdoptedAs),
            format!(
                "?other <{adopted_from}> <{work}>",
                adopted_from = adopted_from.as_str(),
                work = work.as_str()
            ),
        )
    } else {
        (
            crate::interface::word(doc.language, crate::interface::Word::AdoptedFromTheDraft),
            format!(
                "<{work}> <{adopted_from}> ?other",
                adopted_from = adopted_from.as_str(),
                work = work.as_str()
            ),
        )
    };
    let query = format!(
        "SELECT ?other ?symbol WHERE {{ GRAPH ?g {{ {pattern} . ?other <{id}> ?symbol }} }} LIMIT 1",
        id = vocab::dcterms::identifier.as_str()
    );
    let table = store.select(&query)?;
    let Some(row) = table.rows.first() else {
        return Ok(None);
    };
    let (Some(Term::NamedNode(other)), Some(Term::Literal(symbol))) = (&row[0], &row[1]) else {
        return Ok(None);
    };
    // The redline on the act's page: the draft in the page's language, read from the store.
    let mut redline = None;
    if !doc.is_draft() {
        let expression = app.config.base.expression(symbol.value(), doc.language);
        if let Some(xml) = store.stored_akn(&expression)? {
            if let Ok(draft) = crate::parse::parse_akn(&xml) {
                let diff = crate::diff::diff(&draft.value, doc);
                redline = Some(crate::diff::html(&diff, None));
            }
        }
    }
    Ok(Some(Linked {
        label,
        symbol: symbol.value().to_string(),
        iri: other.as_str().to_string(),
        redline,
    }))
}

/// The HTML page of a document, with its citations and the works citing it looked up.
fn page_of(app: &App, doc: &Document) -> Result<Vec<u8>, Refusal> {
    let store = &app.store;
    let base = &app.config.base;
    let internal = |e: crate::store::StoreError| {
        Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
    };
    let work = base.work(&doc.symbol);
    let languages: Vec<Language> = own_graphs(
        &work,
        &store.graphs_describing(work.as_ref()).map_err(internal)?,
    )
    .iter()
    .filter_map(language_of)
    .collect();
    let query = format!(
        "PREFIX eli: <{eli}> PREFIX dcterms: <{dc}>
         SELECT ?citing ?symbol (SAMPLE(?t) AS ?title) WHERE {{
           ?citing a eli:Work ; eli:cites <{work}> ; dcterms:identifier ?symbol .
           OPTIONAL {{ ?citing eli:is_realized_by/eli:title ?t FILTER(langMatches(lang(?t), \"{lang}\")) }}
         }} GROUP BY ?citing ?symbol ORDER BY ?symbol",
        eli = vocab::ELI,
        dc = vocab::DCTERMS,
        work = work.as_str(),
        lang = doc.language.tag(),
    );
    let table = store.select(&query).map_err(internal)?;
    let text = |t: &Option<Term>| match t {
        Some(Term::Literal(l)) => l.value().to_string(),
        Some(Term::NamedNode(n)) => n.as_str().to_string(),
        _ => String::new(),
    };
    let cited_by: Vec<(String, String, String)> = table
        .rows
        .iter()
        .map(|r| (text(&r[0]), text(&r[1]), text(&r[2])))
        .collect();
    let in_store = |symbol: &str| {
        let work = base.work(symbol);
        store
            .graphs_describing(work.as_ref())
            .is_ok_and(|g| !own_graphs(&work, &g).is_empty())
    };
    let lineage = lineage_of(app, doc, &work).map_err(internal)?;
    let state_page = |code: &str| Some(path_of(app, &base.state_page(code)));
    // The English text gives the mandates; every language's page links them.
    let mandates = format!(
        "PREFIX unakn: <{un}> SELECT ?m WHERE {{ GRAPH ?g {{ ?m unakn:work <{work}> ; a unakn:Mandate }} }} LIMIT 1",
        un = vocab::unakn::NAMESPACE,
        work = work.as_str(),
    );
    let mandates_page = (!store.select(&mandates).map_err(internal)?.rows.is_empty()).then(|| {
        let query: String = form_urlencoded::Serializer::new(String::new())
            .append_pair("resolution", &doc.symbol)
            .finish();
        format!("/mandates?{query}")
    });
    let page = crate::html::Page {
        base,
        served: true,
        in_store: &in_store,
        cited_by: &cited_by,
        languages: &languages,
        lineage: lineage.as_ref().map(|l| crate::html::Lineage {
            label: l.label,
            symbol: &l.symbol,
            iri: &l.iri,
            redline: l.redline.as_deref(),
        }),
        state_page: Some(&state_page),
        mandates_page: mandates_page.as_deref(),
        search_page: app.search.as_ref().map(|_| "/search"),
    };
    let mut out = Vec::new();
    crate::html::write(doc, &page, &mut out)
        .map_err(|e| Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    Ok(out)
}
