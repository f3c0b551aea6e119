//! A Member State's page: its vote on every recorded vote in the store, against and abstaining
//! first, each linking to the resolution's page (`/state/FRA`). The page speaks the visitor's
//! language (`hl`, else `Accept-Language`), and gives each resolution's title in it when the
//! store holds that language version (in English otherwise).

use super::{answer_with, ok, App, Refusal};
use crate::interface::{word, Word};
use crate::markup::escaped_text;
use crate::model::Language;
use crate::vocab::{self, states};
use oxhttp::model::{Body, Response, StatusCode};
use oxigraph::model::Term;
use std::fmt::Write as _;

pub fn handle(app: &App, code: &str, query: &str, accept_language: Option<&str>) -> Response<Body> {
    let ui = super::search::interface_language(query, accept_language);
    answer_with(page(app, code, ui), "Accept, Accept-Language")
}

/// One vote of the State: how it voted (in the order shown), the work, its symbol, date and
/// title, and the title's language.
struct Cast {
    order: usize,
    work: String,
    symbol: String,
    date: String,
    title: String,
    title_language: String,
}

fn page(app: &App, code: &str, ui: Language) -> Result<Response<Body>, Refusal> {
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
    // The title in the page's language when the store holds that version, else in English.
    let query = format!(
        "PREFIX eli: <{eli}> PREFIX eli-dl: <{dl}> PREFIX dcterms: <{dc}> PREFIX unakn: <{un}>
         SELECT ?work ?symbol ?how (SAMPLE(?d) AS ?date) (SAMPLE(COALESCE(?own, ?en)) AS ?title)
         WHERE {{
           GRAPH ?w {{ ?work unakn:recordedVote ?vote ; dcterms:identifier ?symbol .
                       ?vote ?how <{state}> . OPTIONAL {{ ?work eli:date_document ?d }} }}
           OPTIONAL {{ GRAPH ?e {{ ?work eli:is_realized_by ?x . ?x eli:title ?own
                                   FILTER(langMatches(lang(?own), \"{ui}\")) }} }}
           OPTIONAL {{ GRAPH ?f {{ ?work eli:is_realized_by ?y . ?y eli:title ?en
                                   FILTER(langMatches(lang(?en), \"en\")) }} }}
         }} GROUP BY ?work ?symbol ?how",
        eli = vocab::ELI,
        dl = vocab::eli_dl::NAMESPACE,
        dc = vocab::DCTERMS,
        un = vocab::unakn::NAMESPACE,
        state = state.iri().as_str(),
        ui = ui.tag(),
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
    let mut votes: Vec<Cast> = table
        .rows
        .iter()
        .filter_map(|r| {
            let order = match text(&r[2]).rsplit('#').next()? {
                "had_voter_against" => 0,
                "had_voter_abstention" => 1,
                "had_voter_favor" => 2,
                _ => return None,
            };
            Some(Cast {
                order,
                work: text(&r[0]),
                symbol: text(&r[1]),
                date: text(&r[3]),
                title: text(&r[4]),
                title_language: match &r[4] {
                    Some(Term::Literal(l)) => l.language().unwrap_or("en").to_string(),
                    _ => "en".to_string(),
                },
            })
        })
        .collect();
    // Against and abstaining first; the newest first within each.
    votes.sort_by(|a, b| {
        a.order
            .cmp(&b.order)
            .then(b.date.cmp(&a.date))
            .then(a.symbol.cmp(&b.symbol))
    });
    let name = escaped_text(state.name);
    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"{tag}\"{dir}><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{name}: {recorded}</title><style>{STYLE}</style></head><body><main>{search_box}\
         <h1>{name}</h1><p class=\"summary\">{summary}</p>",
        tag = ui.tag(),
        dir = if ui.is_right_to_left() {
            " dir=\"rtl\""
        } else {
            ""
        },
        recorded = word(ui, Word::RecordedVotes),
        summary = word(ui, Word::StateVotesSummary).replace("{n}", &votes.len().to_string()),
        search_box = super::search::search_box(ui),
    );
    let base = app.config.base.as_str();
    for (order, heading) in [Word::Against, Word::Abstaining, Word::InFavour]
        .into_iter()
        .enumerate()
    {
        let these: Vec<&Cast> = votes.iter().filter(|v| v.order == order).collect();
        let _ = write!(html, "<h2>{} ({})</h2>", word(ui, heading), these.len());
        if these.is_empty() {
            continue;
        }
        html.push_str("<ul>");
        for v in these {
            let href = v.work.strip_prefix(base).unwrap_or(&v.work);
            // A title in another language than the page's is marked as such.
            let lang = if v.title_language.eq_ignore_ascii_case(ui.tag()) {
                String::new()
            } else {
                format!(" lang=\"{}\"", escaped_text(&v.title_language))
            };
            let _ = write!(
                html,
                "<li><a href=\"{}\"><bdi>{}</bdi></a> <span class=\"date\">{}</span> \
                 <span{lang}>{}</span></li>",
                escaped_text(href),
                escaped_text(&v.symbol),
                escaped_text(&v.date),
                escaped_text(&v.title)
            );
        }
        html.push_str("</ul>");
    }
    let _ = writeln!(
        html,
        // The State's IRI in the data: the EU's country authority.
        "</main><footer>{} · <a href=\"{iri}\">{iri}</a></footer></body></html>",
        word(ui, Word::SourceUnitedNations),
        iri = escaped_text(state.iri().as_str()),
    );
    Ok(ok("text/html; charset=utf-8", html))
}

const STYLE: &str = "body{font-family:sans-serif;max-width:46em;margin:2em auto;padding:0 1em;\
line-height:1.45;color:#111}.date{color:#555;font-size:.9em}footer{font-size:.85em;color:#444}";
