//! A Member State's page: its vote on every recorded vote in the store, against and abstaining
//! first, each linking to the resolution's page (`/state/FRA`).

use super::{answer_with, ok, App, Refusal};
use crate::markup::escaped_text;
use crate::vocab::{self, states};
use oxhttp::model::{Body, Response, StatusCode};
use oxigraph::model::Term;
use std::fmt::Write as _;

pub fn handle(app: &App, code: &str) -> Response<Body> {
    answer_with(page(app, code), "Accept")
}

fn page(app: &App, code: &str) -> Result<Response<Body>, Refusal> {
    let state = states::all()
        .iter()
        .find(|s| s.code.eq_ignore_ascii_case(code))
        .copied()
        .ok_or_else(|| {
            Refusal::new(
                StatusCode::NOT_FOUND,
                format!("no State with the ISO 3166 code {code}"),
            )
        })?;
    let query = format!(
        "PREFIX eli: <{eli}> PREFIX eli-dl: <{dl}> PREFIX dcterms: <{dc}> PREFIX unakn: <{un}>
         SELECT ?work ?symbol ?how (SAMPLE(?d) AS ?date) (SAMPLE(?t) AS ?title) WHERE {{
           GRAPH ?w {{ ?work unakn:recordedVote ?vote ; dcterms:identifier ?symbol .
                       ?vote ?how <{state}> . OPTIONAL {{ ?work eli:date_document ?d }} }}
           OPTIONAL {{ GRAPH ?e {{ ?work eli:is_realized_by ?x . ?x eli:title ?t
                                   FILTER(langMatches(lang(?t), \"en\")) }} }}
         }} GROUP BY ?work ?symbol ?how",
        eli = vocab::ELI,
        dl = vocab::eli_dl::NAMESPACE,
        dc = vocab::DCTERMS,
        un = vocab::unakn::NAMESPACE,
        state = state.iri().as_str(),
    );
    let table = app
        .store
        .select(&query)
        .map_err(|e| Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    let text = |t: &Option<Term>| match t {
        Some(Term::Literal(l)) => l.value().to_string(),
        Some(Term::NamedNode(n)) => n.as_str().to_string(),
        _ => String::new(),
    };
    // (position order, position label, work, symbol, date, title)
    let mut votes: Vec<(usize, &str, String, String, String, String)> = table
        .rows
        .iter()
        .filter_map(|r| {
            let how = text(&r[2]);
            let (order, label) = match how.rsplit('#').next()? {
                "had_voter_against" => (0, "Against"),
                "had_voter_abstention" => (1, "Abstaining"),
                "had_voter_favor" => (2, "In favour"),
                _ => return None,
            };
            Some((
                order,
                label,
                text(&r[0]),
                text(&r[1]),
                text(&r[3]),
                text(&r[4]),
            ))
        })
        .collect();
    // Against and abstaining first; the newest first within each.
    votes.sort_by(|a, b| a.0.cmp(&b.0).then(b.4.cmp(&a.4)).then(a.3.cmp(&b.3)));
    let name = escaped_text(state.name);
    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{name}: recorded votes</title><style>{STYLE}</style></head><body><main>{search_box}\
         <h1>{name}</h1><p class=\"summary\">Its vote on each of the {} recorded votes in this \
         store that list the States' votes.</p>",
        votes.len(),
        search_box = super::search::search_box(crate::model::Language::English),
    );
    let base = app.config.base.as_str();
    for label in ["Against", "Abstaining", "In favour"] {
        let these: Vec<_> = votes.iter().filter(|v| v.1 == label).collect();
        let _ = write!(html, "<h2>{label} ({})</h2>", these.len());
        if these.is_empty() {
            continue;
        }
        html.push_str("<ul>");
        for (_, _, work, symbol, date, title) in these {
            let href = work.strip_prefix(base).unwrap_or(work);
            let _ = write!(
                html,
                "<li><a href=\"{}\">{}</a> <span class=\"date\">{}</span> {}</li>",
                escaped_text(href),
                escaped_text(symbol),
                escaped_text(date),
                escaped_text(title)
            );
        }
        html.push_str("</ul>");
    }
    html.push_str(
        "</main><footer>Source: United Nations. The State is named in the data by its EU country \
         authority IRI.</footer></body></html>\n",
    );
    Ok(ok("text/html; charset=utf-8", html))
}

const STYLE: &str = "body{font-family:sans-serif;max-width:46em;margin:2em auto;padding:0 1em;\
line-height:1.45;color:#111}.date{color:#555;font-size:.9em}footer{font-size:.85em;color:#444}";
