//! `unakn serve`: a store published as linked open data over HTTP.
//!
//! - `/sparql`: the SPARQL 1.1 Protocol, read-only ([`sparql`]);
//! - `/`: a query page with the example queries of the catalogue ([`home`]);
//! - `/.well-known/void`: the dataset described (VoID, DCAT); `/sitemap.xml`: every page
//!   ([`dataset`]);
//! - `/search`: full-text search, grouped by resolution, with facets; JSON too ([`search`]);
//! - `/mandates`: the mandates in the store, narrowed by resolution, addressee, kind and
//!   session due ([`mandates`]); `/state/{ISO3}`: a Member State's votes ([`state`]);
//! - every other path: the IRI `{base}{path}` dereferenced, by `Accept`, as AKN, RDF or an HTML
//!   page ([`resource`]).
//!
//! The HTTP layer is oxhttp (one thread per connection, bounded); the handlers here never panic
//! on input and answer every failure with a status and a plain-text reason.

pub mod dataset;
pub mod home;
pub mod mandates;
pub mod negotiate;
pub mod resource;
pub mod search;
pub mod sparql;
pub mod state;

use crate::store::Store;
use crate::vocab::Base;
use oxhttp::model::{header, Body, HeaderValue, Method, Request, Response, StatusCode};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

/// How the server behaves.
#[derive(Debug, Clone)]
pub struct Config {
    /// The base of the IRIs the store holds; request paths are resolved against it.
    pub base: Base,
    /// The longest a query may run (its results included) before it is cancelled.
    pub timeout: Duration,
    /// The largest request body accepted (a POSTed query).
    pub max_request_bytes: usize,
    /// Connections served at once; more wait for a free slot.
    pub max_connections: usize,
    /// The longest a client may take to send its request or read a chunk of the answer.
    pub io_timeout: Duration,
    /// What the query page's status line tells about the store (inputs that could not be read).
    pub notice: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            base: Base::default(),
            timeout: Duration::from_secs(30),
            max_request_bytes: 1 << 20,
            max_connections: 512,
            io_timeout: Duration::from_secs(30),
            notice: None,
        }
    }
}

/// What every handler sees.
pub struct App {
    pub store: Store,
    /// The store's search index, when it has one.
    pub search: Option<Arc<crate::search::Index>>,
    pub config: Config,
}

/// Starts serving `store` on `bind`; the server runs on its own threads until the process ends.
pub fn start(
    store: Store,
    search: Option<Arc<crate::search::Index>>,
    config: Config,
    bind: SocketAddr,
) -> std::io::Result<oxhttp::ListeningServer> {
    let app = Arc::new(App {
        store,
        search,
        config,
    });
    let io_timeout = app.config.io_timeout;
    let max_connections = app.config.max_connections;
    oxhttp::Server::new(move |request| handle(&app, request))
        .bind(bind)
        .with_server_name(concat!("unakn/", env!("CARGO_PKG_VERSION")))
        .map_err(std::io::Error::other)?
        .with_global_timeout(io_timeout)
        .with_max_concurrent_connections(max_connections)
        .spawn()
}

/// Routes one request.
pub fn handle(app: &App, request: &mut Request<Body>) -> Response<Body> {
    let path = request.uri().path().to_string();
    let response = match path.as_str() {
        "/sparql" => sparql::handle(app, request),
        p if p.starts_with("/state/")
            && matches!(*request.method(), Method::GET | Method::HEAD) =>
        {
            state::handle(
                app,
                &p["/state/".len()..],
                request.uri().query().unwrap_or(""),
                header_str(request, header::ACCEPT_LANGUAGE),
            )
        }
        "/.well-known/void" if matches!(*request.method(), Method::GET | Method::HEAD) => {
            dataset::void(app)
        }
        "/sitemap.xml" if matches!(*request.method(), Method::GET | Method::HEAD) => {
            dataset::sitemap(app, request.uri().query().unwrap_or(""))
        }
        "/search" | "/browse" if matches!(*request.method(), Method::GET | Method::HEAD) => {
            search::handle(
                app,
                request.uri().query().unwrap_or(""),
                header_str(request, header::ACCEPT),
                header_str(request, header::ACCEPT_LANGUAGE),
            )
        }
        "/assets/editor.js" if matches!(*request.method(), Method::GET | Method::HEAD) => {
            home::editor()
        }
        "/mandates" if matches!(*request.method(), Method::GET | Method::HEAD) => {
            mandates::handle(app, request.uri().query().unwrap_or(""))
        }
        "/" => match *request.method() {
            Method::GET | Method::HEAD => home::page(app),
            _ => not_allowed("GET, HEAD").into_response(),
        },
        _ => match *request.method() {
            Method::GET | Method::HEAD => resource::handle(app, request),
            _ => not_allowed("GET, HEAD").into_response(),
        },
    };
    if request.method() == Method::HEAD {
        let (parts, _) = response.into_parts();
        return Response::from_parts(parts, Body::empty());
    }
    response
}

/// A request that cannot be answered as asked: its status and the reason, in plain text.
#[derive(Debug)]
pub struct Refusal {
    pub status: StatusCode,
    pub message: String,
    /// The methods allowed, for 405.
    pub allow: Option<&'static str>,
}

impl Refusal {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Refusal {
            status,
            message: message.into(),
            allow: None,
        }
    }

    pub fn into_response(self) -> Response<Body> {
        let mut r = error(self.status, self.message);
        if let Some(allow) = self.allow {
            r.headers_mut()
                .insert(header::ALLOW, HeaderValue::from_static(allow));
        }
        r
    }
}

/// The answer to a request as clients get it: a refusal turned into its response, and the
/// headers every answer of a resource carries (`Vary` naming what it was chosen by; any origin
/// may read it).
pub fn answer_with(result: Result<Response<Body>, Refusal>, vary: &'static str) -> Response<Body> {
    let mut response = match result {
        Ok(r) => r,
        Err(refusal) => refusal.into_response(),
    };
    let headers = response.headers_mut();
    headers.insert(header::VARY, HeaderValue::from_static(vary));
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    response
}

/// A plain-text answer with `status`.
pub fn error(status: StatusCode, message: impl Into<String>) -> Response<Body> {
    let mut text: String = message.into();
    text.push('\n');
    let mut response = Response::new(Body::from(text));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

fn not_allowed(allow: &'static str) -> Refusal {
    Refusal {
        allow: Some(allow),
        ..Refusal::new(StatusCode::METHOD_NOT_ALLOWED, "method not allowed")
    }
}

/// A complete answer of `media_type`.
pub fn ok(media_type: &str, body: impl Into<Body>) -> Response<Body> {
    let mut response = Response::new(body.into());
    if let Ok(v) = HeaderValue::from_str(media_type) {
        response.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    response
}

/// A request header as text, when it is text.
pub fn header_str(request: &Request<Body>, name: header::HeaderName) -> Option<&str> {
    request.headers().get(name).and_then(|v| v.to_str().ok())
}
