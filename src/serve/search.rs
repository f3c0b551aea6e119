//! The search and browse page and its JSON (`/search?q=climate+finance&lang=en&session=80`,
//! `/browse?session=80&committee=Third+Committee`): the units found, grouped by resolution,
//! the words found marked; or, without words, the documents the facets select, newest first.
//! Facets to narrow by, pages to go on. Plain HTML (a form and links): every view has a URL
//! that can be shared. The interface speaks the visitor's language (`hl=fr`, else the
//! browser's `Accept-Language`).

use super::{answer_with, ok, App, Refusal};
use crate::interface::{committee, word, Word};
use crate::markup::escaped_text;
use crate::model::Language;
use crate::search::{FacetValue, Request, Results, Sort, UnitKind, Voting, KEYS};
use oxhttp::model::{Body, Response, StatusCode};
use std::fmt::Write as _;

/// Resolutions per page.
const PAGE: usize = 10;

/// Facet values listed before the list is cut.
const SHOWN: usize = 12;

/// Characters of a facet value's label shown.
const LABEL_CHARS: usize = 70;

/// The search box the portal's pages carry, in a language.
pub fn search_box(language: Language) -> String {
    format!(
        "<form method=\"get\" action=\"/search\" role=\"search\"><label>{} <input \
         type=\"search\" name=\"q\" size=\"30\"></label> <button>{}</button></form>",
        word(language, Word::SearchTheResolutions),
        word(language, Word::Search)
    )
}

/// A request from a query string, each value checked against what it may hold; keys the
/// request does not take (the page's `format` and `hl`, anything a link carries) are left.
pub fn parse(query: &str) -> Result<Request, String> {
    let mut r = Request {
        limit: PAGE,
        ..Request::default()
    };
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        if KEYS.contains(&key.as_ref()) {
            r.set(&key, &value)?;
        }
    }
    r.check()?;
    Ok(r)
}

/// The path and query string of a request, at another page.
fn link(r: &Request, offset: usize) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (key, value) in r.pairs(offset) {
        s.append_pair(key, &value);
    }
    let query = s.finish();
    let path = if r.is_browsing() {
        "/browse"
    } else {
        "/search"
    };
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{query}")
    }
}

/// The language the page speaks: `hl` when the query gives one of the six, else the one the
/// browser prefers.
pub(super) fn interface_language(query: &str, accept_language: Option<&str>) -> Language {
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "hl")
        .and_then(|(_, v)| Language::from_code(&v))
        .unwrap_or_else(|| crate::interface::preferred(accept_language))
}

pub fn handle(
    app: &App,
    query: &str,
    accept: Option<&str>,
    accept_language: Option<&str>,
) -> Response<Body> {
    answer_with(
        page(app, query, accept, accept_language),
        "Accept, Accept-Language",
    )
}

fn page(
    app: &App,
    query: &str,
    accept: Option<&str>,
    accept_language: Option<&str>,
) -> Result<Response<Body>, Refusal> {
    let request = parse(query).map_err(|e| Refusal::new(StatusCode::BAD_REQUEST, e))?;
    let index = app.search.as_ref().ok_or_else(|| {
        Refusal::new(
            StatusCode::NOT_FOUND,
            "this server has no search index (serve a store with --store or --load)",
        )
    })?;
    let results = index
        .search(&request)
        .map_err(|e| Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    let json = query.split('&').any(|p| p == "format=json")
        || accept.is_some_and(|a| a.contains("application/json") && !a.contains("text/html"));
    if json {
        let body = serde_json::json!({
            "query": request.words,
            "browsing": request.is_browsing(),
            "offset": request.offset,
            "results": results,
        });
        return Ok(ok("application/json", body.to_string()));
    }
    let language = interface_language(query, accept_language);
    Ok(ok(
        "text/html; charset=utf-8",
        html(app, &request, &results, language),
    ))
}

fn html(app: &App, r: &Request, results: &Results, ui: Language) -> String {
    let w = |x| word(ui, x);
    let heading = if r.is_browsing() {
        w(Word::Browse)
    } else {
        w(Word::Search)
    };
    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"{tag}\"{dir}><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{words}{heading}</title><style>{STYLE}</style></head><body><main>\
         <h1>{heading}</h1>",
        tag = ui.tag(),
        dir = if ui.is_right_to_left() {
            " dir=\"rtl\""
        } else {
            ""
        },
        words = if r.words.is_empty() {
            String::new()
        } else {
            format!("{} – ", escaped_text(&r.words))
        },
    );
    form(&mut html, r, ui);
    if r.is_browsing() {
        let _ = write!(html, "<p class=\"help\">{}</p>", w(Word::SearchHelp));
    }
    let summary = if r.is_browsing() {
        w(Word::DocumentsFound).replace("{groups}", &results.groups.to_string())
    } else {
        w(Word::UnitsFound)
            .replace("{units}", &results.units.to_string())
            .replace("{groups}", &results.groups.to_string())
    };
    let _ = write!(
        html,
        "<p class=\"summary\" role=\"status\">{}</p><div class=\"cols\"><aside aria-label=\"{}\">",
        escaped_text(&summary),
        w(Word::NarrowTheResults)
    );
    for (root, values) in &results.facets {
        facet(&mut html, r, root, values, ui);
    }
    let _ = write!(
        html,
        "</aside><section aria-label=\"{}\">",
        w(Word::Results)
    );
    for group in &results.page {
        write_group(&mut html, app, group);
    }
    let _ = write!(
        html,
        "<nav class=\"pages\" aria-label=\"{}\">",
        w(Word::Results)
    );
    if r.offset > 0 {
        let _ = write!(
            html,
            "<a rel=\"prev\" href=\"{}\">{}</a> ",
            escaped_text(&with_hl(&link(r, r.offset.saturating_sub(PAGE)), ui)),
            w(Word::Previous)
        );
    }
    if r.offset + PAGE < results.groups {
        let _ = write!(
            html,
            "<a rel=\"next\" href=\"{}\">{}</a>",
            escaped_text(&with_hl(&link(r, r.offset + PAGE), ui)),
            w(Word::Next)
        );
    }
    let _ = writeln!(
        html,
        "</nav></section></div></main><footer>{} <a href=\"/\">SPARQL</a> · <a \
         href=\"{}\">{}</a> · <a href=\"/mandates\">{}</a></footer></body></html>",
        w(Word::SourceUnitedNations),
        escaped_text(&with_hl("/browse", ui)),
        w(Word::Browse),
        w(Word::Mandates)
    );
    html
}

/// A link that keeps the interface's language when the visitor chose one that is not the
/// default.
fn with_hl(link: &str, ui: Language) -> String {
    if ui == Language::English {
        return link.to_string();
    }
    let joiner = if link.contains('?') { '&' } else { '?' };
    format!("{link}{joiner}hl={}", ui.tag())
}

/// One facet: its chosen value with a link that takes it off, or its values as links.
fn facet(html: &mut String, r: &Request, root: &str, values: &[FacetValue], ui: Language) {
    let heading = facet_heading(root, ui);
    if let Some(chosen) = r.value_of(root) {
        let label = values
            .iter()
            .find(|v| v.value == chosen)
            .map_or_else(|| value_label(root, &chosen, ui), |v| label_of(root, v, ui));
        let _ = write!(
            html,
            "<h2>{heading}</h2><ul><li class=\"chosen\"><strong>{}</strong> <a href=\"{}\" \
             aria-label=\"{heading}: ×\">×</a></li></ul>",
            escaped_text(&label),
            escaped_text(&with_hl(&link(&r.without(root), 0), ui)),
        );
        return;
    }
    if values.is_empty() {
        return;
    }
    let _ = write!(html, "<h2>{heading}</h2><ul>");
    for v in values.iter().take(SHOWN) {
        let Some(narrowed) = r.narrowed(root, &v.value) else {
            continue;
        };
        // An agenda item's title may run to a paragraph: cut, and whole on hover.
        let label = label_of(root, v, ui);
        let short = match label.char_indices().nth(LABEL_CHARS) {
            Some((at, _)) => format!("{}…", &label[..at]),
            None => label.clone(),
        };
        let _ = write!(
            html,
            "<li><a href=\"{}\" title=\"{}\">{}</a> <span class=\"n\">{}</span></li>",
            escaped_text(&with_hl(&link(&narrowed, 0), ui)),
            escaped_text(&label),
            escaped_text(&short),
            v.count
        );
    }
    html.push_str("</ul>");
    if root == "session" && r.session.is_none() {
        let _ = write!(
            html,
            "<p class=\"hint\">{}</p>",
            word(ui, Word::ChooseASession)
        );
    }
}

fn label_of(root: &str, v: &FacetValue, ui: Language) -> String {
    match root {
        "agenda" => v.label.clone(),
        _ => value_label(root, &v.value, ui),
    }
}

/// A facet's value as people read it, in the interface's language where it has words for it.
fn value_label(root: &str, value: &str, ui: Language) -> String {
    let w = |x| word(ui, x).to_string();
    match root {
        "committee" => committee(ui, value),
        "vote" => match Voting::parse(value) {
            Some(Voting::Recorded) => w(Word::RecordedVote),
            Some(Voting::WithoutVote) => w(Word::WithoutAVote),
            None => value.to_string(),
        },
        "type" => match value {
            "resolution" => w(Word::Resolution),
            "decision" => w(Word::Decision),
            "draft" => w(Word::Draft),
            _ => value.to_string(),
        },
        "unit" => UnitKind::parse(value).map_or_else(|| value.to_string(), |k| unit_word(k, ui)),
        "lang" => Language::from_code(value).map_or_else(|| value.to_string(), autonym),
        _ => value.to_string(),
    }
}

fn unit_word(kind: UnitKind, ui: Language) -> String {
    word(
        ui,
        match kind {
            UnitKind::Title => Word::Title,
            UnitKind::Recital => Word::Recital,
            UnitKind::Paragraph => Word::Paragraph,
            UnitKind::SubItem => Word::SubItem,
            UnitKind::AnnexParagraph => Word::AnnexParagraph,
            UnitKind::Footnote => Word::Footnote,
        },
    )
    .to_string()
}

/// A language's name in itself.
fn autonym(language: Language) -> String {
    match language {
        Language::Arabic => "العربية",
        Language::Chinese => "中文",
        Language::English => "English",
        Language::French => "Français",
        Language::Russian => "Русский",
        Language::Spanish => "Español",
    }
    .to_string()
}

fn facet_heading(root: &str, ui: Language) -> &'static str {
    word(
        ui,
        match root {
            "session" => Word::Session,
            "committee" => Word::Committee,
            "agenda" => Word::AgendaItem,
            "subject" => Word::Subject,
            "vote" => Word::Vote,
            "type" => Word::Document,
            "lang" => Word::Language,
            _ => Word::Unit,
        },
    )
}

/// A version's heading and its hits (none when browsing), each a link to where it stands.
fn write_group(html: &mut String, app: &App, group: &crate::search::Group) {
    let language = Language::from_code(&group.language).unwrap_or(Language::English);
    let expression = app.config.base.expression(&group.symbol, language);
    let path = expression
        .as_str()
        .strip_prefix(app.config.base.as_str())
        .unwrap_or(expression.as_str())
        .to_string();
    let dir = if language.is_right_to_left() {
        " dir=\"rtl\""
    } else {
        ""
    };
    let _ = write!(
        html,
        "<article lang=\"{tag}\"{dir}><h2><a href=\"{href}\"><bdi>{symbol}</bdi></a> {title}</h2>\
         <p class=\"meta\">{date}{tag}</p>",
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
    if !group.hits.is_empty() {
        html.push_str("<ol>");
    }
    for hit in &group.hits {
        let anchor = if hit.eid.is_empty() {
            String::new()
        } else {
            format!("#{}", hit.eid)
        };
        // The unit's kind in the text's language: the hit is read in it.
        let kind = UnitKind::parse(hit.kind).map_or_else(String::new, |k| unit_word(k, language));
        let label = if hit.number.is_empty() {
            kind
        } else {
            format!("{kind} {}", hit.number)
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
    if !group.hits.is_empty() {
        html.push_str("</ol>");
    }
    html.push_str("</article>");
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

/// The search form: plain GET, so that every view has a URL. The facets chosen ride along as
/// hidden fields, so that new words search within them.
fn form(html: &mut String, r: &Request, ui: Language) {
    let w = |x| word(ui, x);
    let _ = write!(
        html,
        "<form method=\"get\" action=\"/search\" role=\"search\">\
         <label>{} <input type=\"search\" name=\"q\" size=\"40\" value=\"{}\"></label> \
         <label>{} <select name=\"lang\"><option value=\"\">{}</option>",
        w(Word::Words),
        escaped_text(&r.words),
        w(Word::Language),
        w(Word::Any)
    );
    for l in Language::ALL {
        let selected = if r.language == Some(l) {
            " selected"
        } else {
            ""
        };
        let _ = write!(
            html,
            "<option value=\"{}\"{selected}>{}</option>",
            l.tag(),
            autonym(l)
        );
    }
    let _ = write!(
        html,
        "</select></label> <label>{} <input name=\"session\" size=\"5\" \
         value=\"{}\"></label> <label>{} <select name=\"sort\"><option value=\"relevance\">{}\
         </option><option value=\"newest\"{}>{}</option></select></label> ",
        w(Word::Session),
        escaped_text(r.session.as_deref().unwrap_or_default()),
        w(Word::Sort),
        w(Word::Relevance),
        if r.sort == Sort::Newest {
            " selected"
        } else {
            ""
        },
        w(Word::Newest),
    );
    for (key, value) in r.pairs(0) {
        if !matches!(key, "q" | "lang" | "session" | "sort") {
            let _ = write!(
                html,
                "<input type=\"hidden\" name=\"{key}\" value=\"{}\">",
                escaped_text(&value)
            );
        }
    }
    if ui != Language::English {
        let _ = write!(
            html,
            "<input type=\"hidden\" name=\"hl\" value=\"{}\">",
            ui.tag()
        );
    }
    let _ = write!(html, "<button>{}</button></form>", w(Word::Search));
}

const STYLE: &str = "body{font-family:sans-serif;max-width:72em;margin:2em auto;padding:0 1em;\
line-height:1.45;color:#111}form{margin:1em 0}label{margin-inline-end:.8em}\
.cols{display:flex;gap:2em;flex-wrap:wrap-reverse}aside{flex:0 0 14em}section{flex:1 1 30em}\
aside ul{list-style:none;padding:0}aside h2{font-size:1em;margin:1em 0 .3em}.n{color:#555}\
.hint,.help{color:#444;font-size:.9em}article h2{font-size:1.05em;margin:1.2em 0 .2em}\
.meta{color:#555;font-size:.85em;margin:0}mark{background:#ffe08a;color:#111}\
.where{font-size:.85em;margin-inline-end:.4em}footer{font-size:.85em;color:#444;margin-top:2em}\
a{color:#0645ad}";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_survives_its_own_links() {
        let r = parse(
            "q=%22climate+finance%22&lang=fr&session=80&agenda=59&unit=paragraph&sort=newest&hl=ar",
        )
        .unwrap();
        assert_eq!(r.words, "\"climate finance\"");
        assert_eq!(r.language, Some(Language::French));
        let again = link(&r, 20);
        let (path, query) = again.split_once('?').unwrap();
        assert_eq!(path, "/search");
        assert_eq!(parse(query).unwrap().offset, 20);
        assert_eq!(
            Request {
                offset: 0,
                ..parse(query).unwrap()
            },
            r
        );
        assert!(parse("lang=xx").is_err());
        assert!(parse("session=eighty").is_err());
        assert!(parse("unit=chapter").is_err());
        assert!(parse("agenda=59").is_err());
        // What a link may carry besides is left, not refused.
        assert!(parse("utm_source=mail&hl=fr&format=json").is_ok());
        assert_eq!(link(&parse("session=80").unwrap(), 0), "/browse?session=80");
    }

    #[test]
    fn the_interface_speaks_hl_then_the_browser_s_language() {
        assert_eq!(interface_language("hl=ar", Some("fr")), Language::Arabic);
        assert_eq!(
            interface_language("q=x", Some("es-ES,es")),
            Language::Spanish
        );
        assert_eq!(interface_language("hl=de", None), Language::English);
    }

    #[test]
    fn marks_escape_the_text_around_them() {
        assert_eq!(
            marked("a <b> climate & c", &[(6, 13)]),
            "a &lt;b&gt; <mark>climate</mark> &amp; c"
        );
    }
}
