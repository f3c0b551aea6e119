//! The mandates page: every mandate in the store, narrowed by resolution, kind of addressee,
//! kind and session due (`/mandates?addressee=secretary-general&due=81`), each linking back
//! to its paragraph. Plain HTML: a form and links, shareable and paged.

use super::{answer_with, ok, App, Refusal};
use crate::markup::escaped_text;
use crate::model::{AddresseeKind, MandateKind};
use crate::store::{Store, StoreError};
use crate::vocab::{self, unakn, Base};
use oxhttp::model::{Body, Response, StatusCode};
use oxigraph::model::{NamedNode, Term};
use std::fmt::Write as _;

/// Mandates per page.
const PAGE: usize = 200;

/// The filters of a request, each checked against what it may hold before it enters a query.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Filters {
    pub resolution: Option<String>,
    pub addressee: Option<AddresseeKind>,
    pub kind: Option<MandateKind>,
    /// The session the mandates are due at.
    pub due: Option<u32>,
    pub offset: usize,
}

impl Filters {
    pub fn parse(query: &str) -> Result<Filters, String> {
        let mut f = Filters::default();
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match key.as_ref() {
                "resolution" => {
                    let symbol_like = value
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "/.() -".contains(c));
                    if !symbol_like || value.len() > 60 {
                        return Err(format!("not a document symbol: {value}"));
                    }
                    f.resolution = Some(value.to_string());
                }
                "addressee" => {
                    f.addressee = Some(
                        AddresseeKind::from_name(value)
                            .ok_or_else(|| format!("unknown kind of addressee: {value}"))?,
                    )
                }
                "kind" => {
                    f.kind = Some(
                        MandateKind::from_name(value)
                            .ok_or_else(|| format!("unknown kind of mandate: {value}"))?,
                    )
                }
                "due" => {
                    let n = value.trim_start_matches("session").trim();
                    f.due = Some(n.parse().map_err(|_| format!("not a session: {value}"))?);
                }
                "offset" => {
                    f.offset = value
                        .parse()
                        .map_err(|_| format!("not an offset: {value}"))?
                }
                _ => {}
            }
        }
        Ok(f)
    }

    /// The query string that gives these filters (at another offset).
    fn query_string(&self, offset: usize) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        if let Some(r) = &self.resolution {
            s.append_pair("resolution", r);
        }
        if let Some(a) = self.addressee {
            s.append_pair("addressee", a.as_str());
        }
        if let Some(k) = self.kind {
            s.append_pair("kind", k.as_str());
        }
        if let Some(d) = self.due {
            s.append_pair("due", &d.to_string());
        }
        if offset > 0 {
            s.append_pair("offset", &offset.to_string());
        }
        s.finish()
    }

    /// The patterns these filters add on `?m` (and on `?work`, for a resolution, matched
    /// first through the index on its symbol: as a filter it was tested against every
    /// mandate). Values come from closed lists or are checked above, and are written as
    /// escaped literals all the same.
    fn patterns(&self) -> (String, String) {
        let literal = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
        let lead = match &self.resolution {
            Some(r) => format!(
                "?m unakn:work ?work . ?work dcterms:identifier {} . ",
                literal(r)
            ),
            None => String::new(),
        };
        let mut filters = String::new();
        if let Some(a) = self.addressee {
            let _ = write!(filters, "?m unakn:addresseeKind {} . ", literal(a.as_str()));
        }
        if let Some(k) = self.kind {
            let _ = write!(filters, "?m unakn:mandateKind {} . ", literal(k.as_str()));
        }
        if let Some(d) = self.due {
            let _ = write!(filters, "?m unakn:dueSession {d} . ");
        }
        (lead, filters)
    }

    /// The graphs holding mandates these filters select, and how many each holds.
    fn graphs_sparql(&self) -> String {
        let (lead, filters) = self.patterns();
        format!(
            "PREFIX unakn: <{un}> PREFIX dcterms: <{dc}>
             SELECT ?g (COUNT(?m) AS ?n) WHERE {{
               GRAPH ?g {{ {lead} ?m a unakn:Mandate . {filters} }}
             }}
             GROUP BY ?g",
            un = unakn::NAMESPACE,
            dc = vocab::DCTERMS,
        )
    }

    /// The mandates these filters select in one graph, in the page's order.
    fn sparql_in(&self, graph: &NamedNode) -> String {
        let (lead, filters) = self.patterns();
        format!(
            "PREFIX unakn: <{un}> PREFIX dcterms: <{dc}>
             SELECT ?symbol ?work ?division ?paragraph ?verb ?addressee ?addresseeKind ?kind ?due
                    ?recurrence ?subject WHERE {{
               GRAPH <{graph}> {{
                 {lead}
                 ?m a unakn:Mandate ; unakn:work ?work ; unakn:division ?division ;
                    unakn:paragraph ?paragraph ; unakn:verb ?verb ;
                    unakn:addresseeKind ?addresseeKind ; unakn:mandateKind ?kind .
                 ?work dcterms:identifier ?symbol .
                 {filters}
                 OPTIONAL {{ ?m unakn:addressee ?addressee }}
                 OPTIONAL {{ ?m unakn:due ?due }}
                 OPTIONAL {{ ?m unakn:recurrence ?recurrence }}
                 OPTIONAL {{ ?m unakn:subject ?subject }}
               }}
             }}
             ORDER BY DESC(?symbol) ?division ?m",
            graph = graph.as_str(),
            un = unakn::NAMESPACE,
            dc = vocab::DCTERMS,
        )
    }
}

/// The mandates of a page of `page` rows from `filters.offset`, and one more when more
/// follow: newest resolution first (its symbol descending), then by division. The graphs
/// holding matching mandates are counted and put in order first, then read one by one until
/// the page is full, so that a page costs what it shows rather than what the store holds (one
/// query sorting every mandate took seconds on a few million triples).
fn rows(
    store: &Store,
    filters: &Filters,
    page: usize,
) -> Result<Vec<Vec<Option<Term>>>, StoreError> {
    let mut graphs: Vec<(String, NamedNode, usize)> = Vec::new();
    for row in store.select(&filters.graphs_sparql())?.rows {
        let (Some(Term::NamedNode(g)), Some(Term::Literal(n))) = (&row[0], &row[1]) else {
            continue;
        };
        // A graph's mandates are of its work (or of the work's parts, whose symbols extend
        // the whole's and so sort beside it).
        let symbol = Base::work_of_expression(g.as_str())
            .map(NamedNode::new_unchecked)
            .map(|work| store.objects(Some(work.as_ref()), vocab::dcterms::identifier, g.as_ref()))
            .transpose()?
            .and_then(|symbols| {
                symbols.into_iter().find_map(|t| match t {
                    Term::Literal(l) => Some(l.value().to_string()),
                    _ => None,
                })
            })
            .unwrap_or_default();
        graphs.push((symbol, g.clone(), n.value().parse().unwrap_or(0)));
    }
    graphs.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let mut skip = filters.offset;
    let mut out = Vec::new();
    for (_, graph, count) in graphs {
        if skip >= count {
            skip -= count;
            continue;
        }
        let table = store.select(&filters.sparql_in(&graph))?;
        out.extend(table.rows.into_iter().skip(skip));
        skip = 0;
        if out.len() > page {
            break;
        }
    }
    out.truncate(page + 1);
    Ok(out)
}

pub fn handle(app: &App, query: &str) -> Response<Body> {
    answer_with(page(app, query), "Accept")
}

fn page(app: &App, query: &str) -> Result<Response<Body>, Refusal> {
    let filters = Filters::parse(query).map_err(|e| Refusal::new(StatusCode::BAD_REQUEST, e))?;
    let rows = rows(&app.store, &filters, PAGE)
        .map_err(|e| Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    let text = |t: &Option<Term>| match t {
        Some(Term::Literal(l)) => l.value().to_string(),
        Some(Term::NamedNode(n)) => n.as_str().to_string(),
        _ => String::new(),
    };
    let more = rows.len() > PAGE;
    let base = app.config.base.as_str();
    let mut html = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Mandates</title>",
    );
    let _ = write!(
        html,
        "<style>{STYLE}</style></head><body><main>{}<h1>Mandates</h1>",
        super::search::search_box(crate::model::Language::English)
    );
    html.push_str(
        "<p class=\"summary\">Who the operative paragraphs ask to do what, and by when, as \
         <code>unakn mandates</code> reads them.</p>",
    );
    form(&mut html, &filters);
    if rows.is_empty() {
        html.push_str("<p>No mandate matches.</p>");
    } else {
        html.push_str(
            "<table><thead><tr><th scope=\"col\">Resolution</th><th scope=\"col\">Paragraph</th>\
             <th scope=\"col\">Asks</th><th scope=\"col\">Kind</th><th scope=\"col\">Due</th>\
             <th scope=\"col\">Recurs</th><th scope=\"col\">On</th></tr></thead><tbody>",
        );
        for row in rows.iter().take(PAGE) {
            let work = text(&row[1]);
            let division = text(&row[2]);
            let link = |iri: &str| escaped_text(iri.strip_prefix(base).unwrap_or(iri)).into_owned();
            // A portion IRI `{work}/!main~para_7` lands on `#para_7` of the work's page.
            let anchor = division
                .rsplit_once("!main~")
                .map_or(String::new(), |(_, e)| e.to_string());
            let symbol = text(&row[0]);
            let by_resolution = Filters {
                resolution: Some(symbol.clone()),
                ..Filters::default()
            };
            let _ = write!(
                html,
                "<tr><td><a href=\"{}\">{}</a> <a class=\"more\" href=\"/mandates?{}\" \
                 title=\"Its mandates\">all</a></td><td><a href=\"{}#{}\">{}</a></td>\
                 <td>{} <em>{}</em> <span class=\"kind\">({})</span></td><td>{}</td><td>{}</td>\
                 <td>{}</td><td>{}</td></tr>",
                link(&work),
                escaped_text(&symbol),
                escaped_text(&by_resolution.query_string(0)),
                link(&work),
                escaped_text(&anchor),
                escaped_text(&text(&row[3])),
                escaped_text(&text(&row[4])),
                escaped_text(&text(&row[5])),
                escaped_text(&text(&row[6])),
                escaped_text(&text(&row[7])),
                escaped_text(&text(&row[8])),
                escaped_text(&text(&row[9])),
                escaped_text(&text(&row[10])),
            );
        }
        html.push_str("</tbody></table>");
    }
    html.push_str("<nav class=\"pages\">");
    if filters.offset > 0 {
        let previous = filters.query_string(filters.offset.saturating_sub(PAGE));
        let _ = write!(
            html,
            "<a href=\"/mandates?{}\">Previous</a> ",
            escaped_text(&previous)
        );
    }
    if more {
        let next = filters.query_string(filters.offset + PAGE);
        let _ = write!(
            html,
            "<a href=\"/mandates?{}\">Next</a>",
            escaped_text(&next)
        );
    }
    html.push_str(
        "</nav></main><footer>Source: United Nations. Mandates are read from the English text; \
         see the README's \"Mandates\" for what each column means.</footer></body></html>\n",
    );
    Ok(ok("text/html; charset=utf-8", html))
}

/// The filter form: plain GET, so that every view has a URL.
fn form(html: &mut String, f: &Filters) {
    html.push_str("<form method=\"get\" action=\"/mandates\"><label>Resolution <input name=\"resolution\" placeholder=\"A/RES/80/49\" value=\"");
    html.push_str(&escaped_text(f.resolution.as_deref().unwrap_or("")));
    html.push_str("\"></label> ");
    choice(
        html,
        "Addressee",
        "addressee",
        &AddresseeKind::ALL,
        f.addressee,
        |a| a.as_str(),
    );
    html.push(' ');
    choice(html, "Kind", "kind", &MandateKind::ALL, f.kind, |k| {
        k.as_str()
    });
    let _ = write!(
        html,
        " <label>Due at session <input name=\"due\" inputmode=\"numeric\" \
         size=\"4\" value=\"{}\"></label> <button>Show</button></form>",
        f.due.map(|d| d.to_string()).unwrap_or_default()
    );
}

/// A labelled `select` of every value of a filter, `any` first, the chosen one selected.
fn choice<T: Copy + PartialEq>(
    html: &mut String,
    label: &str,
    name: &str,
    all: &[T],
    chosen: Option<T>,
    as_str: fn(T) -> &'static str,
) {
    let _ = write!(
        html,
        "<label>{label} <select name=\"{name}\"><option value=\"\">any</option>"
    );
    for &value in all {
        let selected = if chosen == Some(value) {
            " selected"
        } else {
            ""
        };
        let _ = write!(html, "<option{selected}>{}</option>", as_str(value));
    }
    html.push_str("</select></label>");
}

const STYLE: &str = "body{font-family:sans-serif;max-width:70em;margin:2em auto;padding:0 1em;\
line-height:1.45;color:#111}table{border-collapse:collapse;width:100%}th,td{text-align:left;\
vertical-align:top;padding:.3em .5em;border-bottom:1px solid #ddd}.kind,.more{color:#555;\
font-size:.85em}form{margin:1em 0}label{margin-right:.8em}footer{font-size:.85em;color:#444}";

#[cfg(test)]
mod tests {
    use super::*;

    /// The resolutions of `samples/` in a store, as a load puts them.
    fn sample_store() -> Store {
        let store = Store::memory().unwrap();
        let base = Base::default();
        let mut documents = Vec::new();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with("A_RES_") && name.ends_with(".txt") {
                let bytes = std::fs::read(&path).unwrap();
                let (doc, _) = crate::parse::parse_named(&name, &bytes).unwrap();
                documents.push(crate::store::quads_with_manifestation(&doc, &base).unwrap());
            }
        }
        store.replace_documents(&documents).unwrap();
        store
    }

    /// Pages read graph by graph give every mandate once, in the order of one query sorting
    /// them all, whatever the page size, offset and filters.
    #[test]
    fn pages_walked_graph_by_graph_are_one_sorted_list_cut() {
        let store = sample_store();
        for query in [
            "",
            "addressee=member-states",
            "kind=report",
            "resolution=A%2FRES%2F80%2F49",
        ] {
            let filters = Filters::parse(query).unwrap();
            let any_graph = NamedNode::new_unchecked("urn:graph");
            let every = filters
                .sparql_in(&any_graph)
                .replace("GRAPH <urn:graph>", "GRAPH ?g");
            let expected = store.select(&every).unwrap().rows;
            assert!(expected.len() > 3, "{query}: {} mandates", expected.len());
            for page in [1, 3, 7] {
                let mut walked = Vec::new();
                let mut f = filters.clone();
                loop {
                    let mut rows = rows(&store, &f, page).unwrap();
                    let more = rows.len() > page;
                    rows.truncate(page);
                    walked.extend(rows);
                    if !more {
                        break;
                    }
                    f.offset += page;
                }
                assert_eq!(walked, expected, "{query}, pages of {page}");
            }
        }
    }

    #[test]
    fn filters_come_from_closed_lists_or_are_refused() {
        let f = Filters::parse("addressee=secretary-general&kind=report&due=81").unwrap();
        assert_eq!(f.addressee, Some(AddresseeKind::SecretaryGeneral));
        assert_eq!(f.kind, Some(MandateKind::Report));
        assert_eq!(f.due, Some(81));
        assert_eq!(
            Filters::parse(&f.query_string(0)).unwrap(),
            f,
            "the page's own links give the same view"
        );
        assert!(Filters::parse("addressee=anyone").is_err());
        assert!(Filters::parse("resolution=A/RES/80/49\"}").is_err());
        assert!(Filters::parse("due=eighty").is_err());
        assert_eq!(
            Filters::parse("resolution=A%2FRES%2F80%2F49")
                .unwrap()
                .resolution
                .as_deref(),
            Some("A/RES/80/49")
        );
    }
}
