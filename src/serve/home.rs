//! The home page: a query editor with the catalogue's example queries one click away; results
//! come from `/sparql` and their IRIs are links that dereference on this server. The editor
//! is a script of its own, served beside the page.

use super::{ok, App};
use oxhttp::model::{Body, Response};

const TEMPLATE: &str = include_str!("home.html");

/// The query page's editor (syntax colours, line numbers, prefixes, errors at their line).
const EDITOR: &str = include_str!("editor.js");

/// `/assets/editor.js`.
pub fn editor() -> Response<Body> {
    ok("text/javascript; charset=utf-8", EDITOR.to_string())
}

pub fn page(app: &App) -> Response<Body> {
    let entries: Vec<serde_json::Value> = crate::catalogue::QUERIES
        .iter()
        .map(|q| serde_json::json!({ "name": q.name, "title": q.title, "text": q.text }))
        .collect();
    // Inside <script>, `</` could close the element: JSON allows writing it `<\/`.
    let json = serde_json::Value::Array(entries)
        .to_string()
        .replace("</", "<\\/");
    let server = serde_json::json!({
        "base": app.config.base.as_str(),
        "notice": app.config.notice,
    })
    .to_string()
    .replace("</", "<\\/");
    ok(
        "text/html; charset=utf-8",
        TEMPLATE
            .replace("__CATALOGUE__", &json)
            .replace("__SERVER__", &server),
    )
}
