//! The search page and its JSON (`/search?q=climate+finance&lang=en&session=80`): the units
//! found, grouped by resolution, the words found marked, facets to narrow by, pages to go on.
//! Plain HTML (a form and links): every view has a URL that can be shared.

use super::{answer_with, ok, App, Refusal};
use crate::markup::escaped_text;
use crate::model::Language;
use crate::search::{Request, Results, Sort, UnitKind};
use oxhttp::model::{Body, Response, StatusCode};
use std::fmt::Write as _;

/// Resolutions per page.
const PAGE: usize = 10;

/// The search box the portal's other pages carry (a resolution's page has its own, in its
/// language).
pub const SEARCH_BOX: &str = "<form method=\"get\" action=\"/search\" role=\"search\">\
<label>Search the resolutions <input type=\"search\" name=\"q\" size=\"30\"></label> \
<button>Search</button></form>";

/// A request from a query string, each value checked against what it may hold.
pub fn parse(query: &str) -> Result<Request, String> {
    let mut r = Request {
        limit: PAGE,
        ..Request::default()
    };
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        match key.as_ref() {
            "q" => r.words = value.chars().take(500).collect(),
            "lang" => {
                r.language = Some(
                    Language::from_code(value)
                        .ok_or_else(|| format!("lang={value}: not a UN language code"))?,
                )
            }
            "session" => {
                r.session = Some(
                    value
                        .parse()
                        .map_err(|_| format!("session={value}: not a number"))?,
                )
            }
            "committee" => r.committee = Some(value.chars().take(120).collect()),
            "unit" => {
                r.unit = Some(
                    UnitKind::parse(value).ok_or_else(|| format!("unit={value}: not a kind"))?,
                )
            }
            "type" => {
                if !matches!(value, "resolution" | "decision" | "draft") {
                    return Err(format!("type={value}: resolution, decision or draft"));
                }
                r.document_type = Some(value.to_string());
            }
            "sort" => {
                r.sort = match value {
                    "relevance" => Sort::Relevance,
                    "newest" => Sort::Newest,
                    _ => return Err(format!("sort={value}: relevance or newest")),
                }
            }
            "offset" => {
                r.offset = value
                    .parse()
                    .map_err(|_| format!("offset={value}: not a number"))?
            }
            // The page's own format switch and unknown keys are ignored.
            _ => {}
        }
    }
    Ok(r)
}

/// The query string of a request, at another page.
pub fn query_string(r: &Request, offset: usize) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    if !r.words.is_empty() {
        s.append_pair("q", &r.words);
    }
    if let Some(l) = r.language {
        s.append_pair("lang", l.tag());
    }
    if let Some(n) = r.session {
        s.append_pair("session", &n.to_string());
    }
    if let Some(c) = &r.committee {
        s.append_pair("committee", c);
    }
    if let Some(u) = r.unit {
        s.append_pair("unit", u.as_str());
    }
    if let Some(t) = &r.document_type {
        s.append_pair("type", t);
    }
    if r.sort == Sort::Newest {
        s.append_pair("sort", "newest");
    }
    if offset > 0 {
        s.append_pair("offset", &offset.to_string());
    }
    s.finish()
}

pub fn handle(app: &App, query: &str, accept: Option<&str>) -> Response<Body> {
    answer_with(page(app, query, accept), "Accept")
}

fn page(app: &App, query: &str, accept: Option<&str>) -> Result<Response<Body>, Refusal> {
    let request = parse(query).map_err(|e| Refusal::new(StatusCode::BAD_REQUEST, e))?;
    let index = app.search.as_ref().ok_or_else(|| {
        Refusal::new(
            StatusCode::NOT_FOUND,
            "this server has no search index (serve a store with --store or --load)",
        )
    })?;
    let browsing = request.words.trim().is_empty()
        && request.session.is_none()
        && request.committee.is_none()
        && request.language.is_none()
        && request.unit.is_none()
        && request.document_type.is_none();
    let results = if browsing {
        None
    } else {
        Some(
            index
                .search(&request)
                .map_err(|e| Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?,
        )
    };
    let json = query.split('&').any(|p| p == "format=json")
        || accept.is_some_and(|a| a.contains("application/json") && !a.contains("text/html"));
    if json {
        let body = serde_json::json!({
            "query": request.words,
            "offset": request.offset,
            "results": results,
        });
        return Ok(ok("application/json", body.to_string()));
    }
    Ok(ok(
        "text/html; charset=utf-8",
        html(app, &request, results.as_ref()),
    ))
}

fn html(app: &App, r: &Request, results: Option<&Results>) -> String {
    let mut html = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
    );
    let _ = write!(
        html,
        "<title>{}Search</title><style>{STYLE}</style></head><body><main><h1>Search</h1>",
        if r.words.is_empty() {
            String::new()
        } else {
            format!("{} – ", escaped_text(&r.words))
        }
    );
    form(&mut html, r);
    let Some(results) = results else {
        html.push_str(
            "<p>Words in any of the six languages; a phrase in quotes (<code>\"small island \
             developing States\"</code>). Every unit people cite is searched: titles, recitals, \
             operative paragraphs and their sub-items, annexes, footnotes.</p>",
        );
        return finish(html);
    };
    let _ = write!(
        html,
        "<p class=\"summary\" role=\"status\">{} units found, in {} resolutions{}.</p>",
        results.units,
        results.groups,
        if results.units > crate::search::GROUPED {
            format!(" among the first {}", crate::search::GROUPED)
        } else {
            String::new()
        }
    );
    html.push_str("<div class=\"cols\"><aside aria-label=\"Narrow the results\">");
    for (root, values) in &results.facets {
        if values.is_empty() {
            continue;
        }
        let _ = write!(html, "<h2>{}</h2><ul>", facet_label(root));
        for (value, count) in values.iter().take(12) {
            let mut narrowed = r.clone();
            let ok = match *root {
                "session" => value.parse().map(|n| narrowed.session = Some(n)).is_ok(),
                "committee" => {
                    narrowed.committee = Some(value.clone());
                    true
                }
                "lang" => {
                    narrowed.language = Language::from_code(value);
                    narrowed.language.is_some()
                }
                "unit" => {
                    narrowed.unit = UnitKind::parse(value);
                    narrowed.unit.is_some()
                }
                "type" => {
                    narrowed.document_type = Some(value.clone());
                    true
                }
                _ => false,
            };
            if !ok {
                continue;
            }
            let _ = write!(
                html,
                "<li><a href=\"/search?{}\">{}</a> <span class=\"n\">{count}</span></li>",
                escaped_text(&query_string(&narrowed, 0)),
                escaped_text(value)
            );
        }
        html.push_str("</ul>");
    }
    html.push_str("</aside><section aria-label=\"Results\">");
    for group in &results.page {
        let language = Language::from_code(&group.language).unwrap_or(Language::English);
        let expression = app.config.base.expression(&group.symbol, language);
        let path = expression
            .as_str()
            .strip_prefix(app.config.base.as_str())
            .unwrap_or(expression.as_str())
            .to_string();
        let dir = if language == Language::Arabic {
            " dir=\"rtl\""
        } else {
            ""
        };
        let _ = write!(
            html,
            "<article lang=\"{tag}\"{dir}><h2><a href=\"{href}\"><bdi>{symbol}</bdi></a> {title}</h2>\
             <p class=\"meta\">{date}{tag}</p><ol>",
            tag = language.tag(),
            href = escaped_text(&path),
            symbol = escaped_text(&group.symbol),
            title = escaped_text(&group.title),
            date = group
                .date
                .as_deref()
                .map(|d| format!("{d} · "))
                .unwrap_or_default(),
        );
        for hit in &group.hits {
            let anchor = if hit.eid.is_empty() {
                String::new()
            } else {
                format!("#{}", hit.eid)
            };
            let label = if hit.number.is_empty() {
                hit.kind.to_string()
            } else {
                format!("{} {}", hit.kind, hit.number)
            };
            let _ = write!(
                html,
                "<li><a class=\"where\" href=\"{}{}\">{}</a> {}</li>",
                escaped_text(&path),
                escaped_text(&anchor),
                escaped_text(&label),
                marked(&hit.fragment, &hit.highlighted)
            );
        }
        html.push_str("</ol></article>");
    }
    html.push_str("<nav class=\"pages\" aria-label=\"Pages\">");
    if r.offset > 0 {
        let _ = write!(
            html,
            "<a rel=\"prev\" href=\"/search?{}\">Previous</a> ",
            escaped_text(&query_string(r, r.offset.saturating_sub(PAGE)))
        );
    }
    if r.offset + PAGE < results.groups {
        let _ = write!(
            html,
            "<a rel=\"next\" href=\"/search?{}\">Next</a>",
            escaped_text(&query_string(r, r.offset + PAGE))
        );
    }
    html.push_str("</nav></section></div>");
    finish(html)
}

fn finish(mut html: String) -> String {
    html.push_str(
        "</main><footer>Source: United Nations. <a href=\"/\">SPARQL</a> · \
         <a href=\"/mandates\">Mandates</a></footer></body></html>\n",
    );
    html
}

/// A fragment with its highlighted ranges in `mark`, escaped.
fn marked(fragment: &str, ranges: &[(usize, usize)]) -> String {
    let mut out = String::new();
    let mut at = 0;
    for &(start, end) in ranges {
        if start < at || end > fragment.len() || !fragment.is_char_boundary(start) {
            continue;
        }
        out.push_str(&escaped_text(&fragment[at..start]));
        out.push_str("<mark>");
        out.push_str(&escaped_text(&fragment[start..end]));
        out.push_str("</mark>");
        at = end;
    }
    out.push_str(&escaped_text(&fragment[at..]));
    out
}

fn facet_label(root: &str) -> &'static str {
    match root {
        "session" => "Session",
        "committee" => "Committee",
        "lang" => "Language",
        "unit" => "Unit",
        "type" => "Document",
        _ => "Other",
    }
}

/// The search form: plain GET, so that every view has a URL.
fn form(html: &mut String, r: &Request) {
    let _ = write!(
        html,
        "<form method=\"get\" action=\"/search\" role=\"search\">\
         <label>Words <input type=\"search\" name=\"q\" size=\"40\" value=\"{}\"></label> \
         <label>Language <select name=\"lang\"><option value=\"\">any</option>",
        escaped_text(&r.words)
    );
    for l in Language::ALL {
        let selected = if r.language == Some(l) {
            " selected"
        } else {
            ""
        };
        let _ = write!(html, "<option{selected}>{}</option>", l.tag());
    }
    let _ = write!(
        html,
        "</select></label> <label>Session <input name=\"session\" inputmode=\"numeric\" \
         size=\"4\" value=\"{}\"></label> <label>Sort <select name=\"sort\">\
         <option value=\"relevance\">relevance</option><option value=\"newest\"{}>newest</option>\
         </select></label> <button>Search</button></form>",
        r.session.map(|s| s.to_string()).unwrap_or_default(),
        if r.sort == Sort::Newest {
            " selected"
        } else {
            ""
        }
    );
}

const STYLE: &str = "body{font-family:sans-serif;max-width:72em;margin:2em auto;padding:0 1em;\
line-height:1.45;color:#111}form{margin:1em 0}label{margin-right:.8em}\
.cols{display:flex;gap:2em;flex-wrap:wrap-reverse}aside{flex:0 0 14em}section{flex:1 1 30em}\
aside ul{list-style:none;padding:0}aside h2{font-size:1em;margin:1em 0 .3em}.n{color:#555}\
article h2{font-size:1.05em;margin:1.2em 0 .2em}.meta{color:#555;font-size:.85em;margin:0}\
mark{background:#ffe08a;color:#111}.where{font-size:.85em;margin-inline-end:.4em}\
footer{font-size:.85em;color:#444;margin-top:2em}a{color:#0645ad}";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_survives_its_own_links() {
        let r =
            parse("q=%22climate+finance%22&lang=fr&session=80&unit=paragraph&sort=newest").unwrap();
        assert_eq!(r.words, "\"climate finance\"");
        assert_eq!(r.language, Some(Language::French));
        assert_eq!(parse(&query_string(&r, 20)).unwrap().offset, 20);
        assert_eq!(
            Request {
                offset: 0,
                ..parse(&query_string(&r, 20)).unwrap()
            },
            r
        );
        assert!(parse("lang=xx").is_err());
        assert!(parse("session=eighty").is_err());
        assert!(parse("unit=chapter").is_err());
    }

    #[test]
    fn marks_escape_the_text_around_them() {
        assert_eq!(
            marked("a <b> climate & c", &[(6, 13)]),
            "a &lt;b&gt; <mark>climate</mark> &amp; c"
        );
    }
}
