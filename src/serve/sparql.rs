//! The SPARQL 1.1 Protocol, read-only: `GET ?query=`, `POST` of a form or of
//! `application/sparql-query`, the dataset by `default-graph-uri` / `named-graph-uri`, results
//! chosen by `Accept`. Updates are refused (403); a query that runs past the timeout is cancelled.

use super::{error, header_str, negotiate, ok, App, Refusal};
use crate::rdf::Syntax;
use crate::store::{QueryOptions, StoreError};
use oxhttp::model::{header, Body, HeaderValue, Method, Request, Response, StatusCode};
use oxigraph::io::RdfSerializer;
use oxigraph::model::NamedNode;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults};
use std::cell::RefCell;
use std::io::{self, Read, Write};
use std::rc::Rc;
use std::sync::mpsc;
use std::time::Duration;

/// The protocol's parameters, from the URL and the body.
#[derive(Debug, Default)]
struct Params {
    query: Option<String>,
    update: bool,
    default_graphs: Vec<String>,
    named_graphs: Vec<String>,
}

impl Params {
    fn add(&mut self, key: &str, value: String) {
        match key {
            "query" => self.query = Some(value),
            "update" => self.update = true,
            "default-graph-uri" => self.default_graphs.push(value),
            "named-graph-uri" => self.named_graphs.push(value),
            _ => {}
        }
    }

    fn add_form(&mut self, form: &[u8]) {
        for (k, v) in form_urlencoded::parse(form) {
            self.add(&k, v.into_owned());
        }
    }
}

const RESULT_OFFERS: &[(&str, QueryResultsFormat)] = &[
    ("application/sparql-results+json", QueryResultsFormat::Json),
    ("application/sparql-results+xml", QueryResultsFormat::Xml),
    ("text/csv", QueryResultsFormat::Csv),
    ("text/tab-separated-values", QueryResultsFormat::Tsv),
    ("application/json", QueryResultsFormat::Json),
    ("application/xml", QueryResultsFormat::Xml),
    ("text/xml", QueryResultsFormat::Xml),
];

const GRAPH_OFFERS: &[(&str, Syntax)] = &[
    ("text/turtle", Syntax::Turtle),
    ("application/n-triples", Syntax::NTriples),
    ("application/ld+json", Syntax::JsonLd),
    ("application/rdf+xml", Syntax::RdfXml),
    ("text/plain", Syntax::NTriples),
    ("application/x-turtle", Syntax::Turtle),
];

pub fn handle(app: &App, request: &mut Request<Body>) -> Response<Body> {
    super::answer_with(answer(app, request), "Accept")
}

fn answer(app: &App, request: &mut Request<Body>) -> Result<Response<Body>, Refusal> {
    if request.method() == Method::OPTIONS {
        return Ok(preflight());
    }
    let params = read_params(app, request)?;
    if params.update {
        return Err(Refusal::new(
            StatusCode::FORBIDDEN,
            "this endpoint is read-only: SPARQL updates are refused",
        ));
    }
    let Some(query) = params.query else {
        if request.method() == Method::GET {
            // A person who opened /sparql in a browser: the query page is at /.
            let mut r = error(StatusCode::SEE_OTHER, "the query page is at /");
            r.headers_mut()
                .insert(header::LOCATION, HeaderValue::from_static("/"));
            return Ok(r);
        }
        return Err(Refusal::new(
            StatusCode::BAD_REQUEST,
            "no query: give `query`",
        ));
    };
    let options = QueryOptions {
        default_graphs: graph_iris(&params.default_graphs)?,
        named_graphs: graph_iris(&params.named_graphs)?,
        cancellation: Some(CancellationToken::new()),
    };
    let deadline = Deadline::start(
        options.cancellation.clone().unwrap_or_default(),
        app.config.timeout,
    );
    let results = app
        .store
        .evaluate_with(&query, &options)
        .map_err(|e| store_error(e, app.config.timeout))?;
    let accept = header_str(request, header::ACCEPT);
    let stream = match results {
        QueryResults::Boolean(value) => {
            let format = negotiate::choose(accept, RESULT_OFFERS)
                .ok_or_else(|| not_acceptable(RESULT_OFFERS))?;
            let body = QueryResultsSerializer::from_format(format)
                .serialize_boolean_to_writer(Vec::new(), value)
                .map_err(|e| Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
            return Ok(ok(format.media_type(), body));
        }
        QueryResults::Solutions(solutions) => {
            let format = negotiate::choose(accept, RESULT_OFFERS)
                .ok_or_else(|| not_acceptable(RESULT_OFFERS))?;
            let buffer = SharedBuffer::default();
            let writer = QueryResultsSerializer::from_format(format)
                .serialize_solutions_to_writer(buffer.clone(), solutions.variables().to_vec())
                .map_err(|e| Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
            let media = format.media_type();
            (
                media,
                ResultStream::new(
                    buffer,
                    Source::Solutions(solutions, Some(Box::new(writer))),
                    deadline,
                ),
            )
        }
        QueryResults::Graph(triples) => {
            let syntax = negotiate::choose(accept, GRAPH_OFFERS)
                .ok_or_else(|| not_acceptable(GRAPH_OFFERS))?;
            let buffer = SharedBuffer::default();
            let mut serializer = RdfSerializer::from_format(syntax.format());
            if syntax == Syntax::Turtle {
                for (prefix, iri) in crate::vocab::PREFIXES {
                    serializer = serializer.with_prefix(*prefix, *iri).map_err(|e| {
                        Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
                    })?;
                }
            }
            let writer = serializer.for_writer(buffer.clone());
            (
                syntax.media_type(),
                ResultStream::new(
                    buffer,
                    Source::Triples(triples, Some(Box::new(writer))),
                    deadline,
                ),
            )
        }
    };
    let (media, mut stream) = stream;
    // The first results are computed before the status is sent, so that a query failing or
    // timing out early (sorting, grouping) still gets its proper status.
    stream
        .fill()
        .map_err(|e| stream_error(e, app.config.timeout))?;
    Ok(ok(media, Body::from_read(stream)))
}

/// The answer to a CORS preflight: any origin may POST queries.
fn preflight() -> Response<Body> {
    let mut r = Response::new(Body::empty());
    *r.status_mut() = StatusCode::NO_CONTENT;
    let h = r.headers_mut();
    h.insert(
        header::ALLOW,
        HeaderValue::from_static("GET, POST, OPTIONS"),
    );
    h.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static("GET, POST, OPTIONS"),
    );
    h.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static("Content-Type, Accept"),
    );
    r
}

fn read_params(app: &App, request: &mut Request<Body>) -> Result<Params, Refusal> {
    let mut params = Params::default();
    if let Some(q) = request.uri().query() {
        params.add_form(q.as_bytes());
    }
    match *request.method() {
        Method::GET | Method::HEAD => {}
        Method::POST => {
            let content_type = header_str(request, header::CONTENT_TYPE)
                .unwrap_or("")
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            match content_type.as_str() {
                "application/sparql-update" => params.update = true,
                "application/sparql-query" | "application/x-www-form-urlencoded" => {
                    let body = read_body(request, app.config.max_request_bytes)?;
                    if content_type == "application/sparql-query" {
                        params.query = Some(String::from_utf8(body).map_err(|_| {
                            Refusal::new(StatusCode::BAD_REQUEST, "the query is not UTF-8")
                        })?);
                    } else {
                        params.add_form(&body);
                    }
                }
                other => {
                    return Err(Refusal::new(
                        StatusCode::UNSUPPORTED_MEDIA_TYPE,
                        format!(
                            "POST a query as application/sparql-query or \
                             application/x-www-form-urlencoded, not `{other}`"
                        ),
                    ))
                }
            }
        }
        _ => return Err(super::not_allowed("GET, POST, OPTIONS")),
    }
    Ok(params)
}

/// The request body, refused (413) past `max` bytes.
fn read_body(request: &mut Request<Body>, max: usize) -> Result<Vec<u8>, Refusal> {
    let too_large = || {
        Refusal::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the request body is larger than {max} bytes"),
        )
    };
    if request.body().len().is_some_and(|n| n > max as u64) {
        return Err(too_large());
    }
    let mut body = Vec::new();
    request
        .body_mut()
        .take(max as u64 + 1)
        .read_to_end(&mut body)
        .map_err(|e| Refusal::new(StatusCode::BAD_REQUEST, format!("reading the request: {e}")))?;
    if body.len() > max {
        return Err(too_large());
    }
    Ok(body)
}

fn graph_iris(iris: &[String]) -> Result<Vec<NamedNode>, Refusal> {
    iris.iter()
        .map(|i| {
            NamedNode::new(i.as_str())
                .map_err(|e| Refusal::new(StatusCode::BAD_REQUEST, format!("graph IRI <{i}>: {e}")))
        })
        .collect()
}

fn not_acceptable<T>(offers: &[(&str, T)]) -> Refusal {
    let names: Vec<&str> = offers.iter().map(|(m, _)| *m).collect();
    Refusal::new(
        StatusCode::NOT_ACCEPTABLE,
        format!("results can be served as {}", names.join(", ")),
    )
}

fn timed_out(timeout: Duration) -> Refusal {
    Refusal::new(
        StatusCode::SERVICE_UNAVAILABLE,
        format!(
            "the query ran longer than {} s and was stopped",
            timeout.as_secs_f64()
        ),
    )
}

fn store_error(e: StoreError, timeout: Duration) -> Refusal {
    match e {
        StoreError::Syntax(e) => {
            Refusal::new(StatusCode::BAD_REQUEST, format!("SPARQL syntax: {e}"))
        }
        StoreError::Evaluation(QueryEvaluationError::Cancelled) => timed_out(timeout),
        StoreError::Evaluation(e) if crate::store::is_federation(&e) => {
            Refusal::new(StatusCode::BAD_REQUEST, crate::store::NO_FEDERATION)
        }
        other => Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, other.to_string()),
    }
}

fn stream_error(e: io::Error, timeout: Duration) -> Refusal {
    match e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<QueryEvaluationError>())
    {
        Some(QueryEvaluationError::Cancelled) => timed_out(timeout),
        Some(q) if crate::store::is_federation(q) => {
            Refusal::new(StatusCode::BAD_REQUEST, crate::store::NO_FEDERATION)
        }
        _ => Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    }
}

/// Cancels a query when its time is up; dropping it (the answer sent) ends the watch.
struct Deadline {
    _stop: mpsc::Sender<()>,
}

impl Deadline {
    fn start(token: CancellationToken, timeout: Duration) -> Deadline {
        let (stop, stopped) = mpsc::channel::<()>();
        std::thread::spawn(move || {
            if stopped.recv_timeout(timeout) == Err(mpsc::RecvTimeoutError::Timeout) {
                token.cancel();
            }
        });
        Deadline { _stop: stop }
    }
}

/// The bytes a serializer wrote and the response has not yet sent.
#[derive(Clone, Default)]
struct SharedBuffer(Rc<RefCell<Vec<u8>>>);

impl Write for SharedBuffer {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

enum Source {
    Solutions(
        oxigraph::sparql::QuerySolutionIter<'static>,
        Option<Box<oxigraph::sparql::results::WriterSolutionsSerializer<SharedBuffer>>>,
    ),
    Triples(
        oxigraph::sparql::QueryTripleIter<'static>,
        Option<Box<oxigraph::io::WriterQuadSerializer<SharedBuffer>>>,
    ),
}

/// Results serialized as the client reads them, so memory stays bounded whatever their size.
struct ResultStream {
    buffer: SharedBuffer,
    sent: usize,
    source: Source,
    _deadline: Deadline,
}

impl ResultStream {
    const CHUNK: usize = 64 * 1024;

    fn new(buffer: SharedBuffer, source: Source, deadline: Deadline) -> Self {
        ResultStream {
            buffer,
            sent: 0,
            source,
            _deadline: deadline,
        }
    }

    /// Serializes results until a chunk is ready or they end.
    fn fill(&mut self) -> io::Result<()> {
        while self.buffer.0.borrow().len() - self.sent < Self::CHUNK {
            match &mut self.source {
                Source::Solutions(solutions, writer) => match solutions.next() {
                    Some(s) => {
                        let s = s.map_err(io::Error::other)?;
                        if let Some(w) = writer {
                            w.serialize(&s)?;
                        }
                    }
                    None => {
                        if let Some(w) = writer.take() {
                            w.finish()?;
                        }
                        return Ok(());
                    }
                },
                Source::Triples(triples, writer) => match triples.next() {
                    Some(t) => {
                        let t = t.map_err(io::Error::other)?;
                        if let Some(w) = writer {
                            w.serialize_triple(&t)?;
                        }
                    }
                    None => {
                        if let Some(w) = writer.take() {
                            w.finish()?;
                        }
                        return Ok(());
                    }
                },
            }
        }
        Ok(())
    }
}

impl Read for ResultStream {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.buffer.0.borrow().len() == self.sent {
            self.buffer.0.borrow_mut().clear();
            self.sent = 0;
            self.fill()?;
        }
        let buffer = self.buffer.0.borrow();
        let n = out.len().min(buffer.len() - self.sent);
        out[..n].copy_from_slice(&buffer[self.sent..self.sent + n]);
        self.sent += n;
        Ok(n)
    }
}
