//! `unakn serve`, `export` and `publish` as clients see them: curl, Python's SPARQLWrapper and
//! rdflib, a headless Chromium on the query page, and a real oxigraph server receiving the data.

use crate::common::*;
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use unakn::store::Store;

/// The samples that are inputs (not expected outputs).
fn sample_inputs() -> Vec<String> {
    [
        "A_RES_77_213.md",
        "A_RES_78_10.txt",
        "A_RES_78_100.txt",
        "A_RES_78_249.txt",
        "A_RES_77_213_fr.xml",
        "A_RES_78_10_en.xml",
        "A_RES_78_254AC.xml",
        // Two resolutions and the drafts they were adopted from (one with a paragraph added
        // after tabling), and a draft of another committee.
        "A_RES_80_125.txt",
        "A_C.2_80_L.44.txt",
        "A_RES_80_120.txt",
        "A_C.2_80_L.10.txt",
        "A_C.1_80_L.10.txt",
        // A recorded vote with States against, on a Sustainable Development Goal.
        "A_RES_80_56_en.xml",
        // A resolution renewed two sessions apart: its mandates repeated, one of them yearly.
        "A_RES_78_27.txt",
        "A_RES_80_49.txt",
    ]
    .iter()
    .map(|f| {
        root()
            .join("samples")
            .join(f)
            .to_string_lossy()
            .into_owned()
    })
    .collect()
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn wait_for_port(port: u16, child: &mut Child, what: &str) {
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("{what} exited with {status} before listening");
        }
        assert!(
            started.elapsed() < Duration::from_secs(300),
            "{what} did not listen on {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A running `unakn serve`, stopped when dropped.
struct Server {
    child: Child,
    url: String,
}

impl Server {
    fn start(extra: &[&str]) -> Server {
        let port = free_port();
        let url = format!("http://127.0.0.1:{port}");
        let mut args = vec!["--base", &url];
        args.extend(extra);
        Server::on_port(port, &args)
    }

    /// `unakn serve --bind 127.0.0.1:PORT` with `args` (no `--base` unless given).
    fn on_port(port: u16, args: &[&str]) -> Server {
        let bind = format!("127.0.0.1:{port}");
        let mut child = Command::new(env!("CARGO_BIN_EXE_unakn"))
            .args(["serve", "--bind", &bind])
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        wait_for_port(port, &mut child, "unakn serve");
        Server {
            child,
            url: format!("http://127.0.0.1:{port}"),
        }
    }

    fn with_samples(extra: &[&str]) -> Server {
        let inputs = sample_inputs();
        let mut args: Vec<&str> = extra.to_vec();
        args.push("--load");
        args.extend(inputs.iter().map(String::as_str));
        Server::start(&args)
    }

    fn sparql(&self) -> String {
        format!("{}/sparql", self.url)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP exchange done with curl: status, headers (lower-cased names), body.
struct Answer {
    status: u16,
    headers: String,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then_some(v.trim())
        })
    }
}

fn curl(args: &[&str]) -> Answer {
    let out = Command::new("curl")
        .args(["-s", "-S", "-i", "--max-time", "60"])
        .args(args)
        .output()
        .expect("curl runs");
    assert!(
        out.status.success(),
        "curl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Answer {
        status,
        headers: head.to_string(),
        body: body.to_string(),
    }
}

fn have_curl() -> bool {
    have("curl", &["--version"])
}

const WORKS: &str = "PREFIX eli: <http://data.europa.eu/eli/ontology#> \
                     SELECT DISTINCT ?w WHERE { ?w a eli:Work } ORDER BY ?w";

#[test]
fn the_sparql_protocol_with_curl() {
    if !have_curl() {
        return;
    }
    let server = Server::with_samples(&["--max-request-bytes", "4000"]);
    let endpoint = server.sparql();

    // GET, POST form, POST query: the same four works.
    let get = curl(&[
        "-G",
        "--data-urlencode",
        &format!("query={WORKS}"),
        &endpoint,
    ]);
    assert_eq!(get.status, 200, "{}", get.body);
    assert!(get
        .header("content-type")
        .unwrap()
        .starts_with("application/sparql-results+json"));
    let json: serde_json::Value = serde_json::from_str(&get.body).unwrap();
    let works = json["results"]["bindings"].as_array().unwrap().len();
    // Ten acts, one of them in three parts (works of their own), and three drafts.
    assert_eq!(works, 16, "{}", get.body);
    let form = curl(&["--data-urlencode", &format!("query={WORKS}"), &endpoint]);
    assert_eq!(form.body, get.body);
    let direct = curl(&[
        "-H",
        "Content-Type: application/sparql-query",
        "--data-binary",
        WORKS,
        &endpoint,
    ]);
    assert_eq!(direct.body, get.body);

    // Result formats by Accept.
    for (accept, marker) in [
        ("application/sparql-results+xml", "<sparql"),
        ("text/csv", "w\r\n"),
        ("text/tab-separated-values", "?w\n"),
    ] {
        let a = curl(&[
            "-H",
            &format!("Accept: {accept}"),
            "--data-urlencode",
            &format!("query={WORKS}"),
            &endpoint,
        ]);
        assert_eq!(a.status, 200, "{accept}");
        assert!(
            a.header("content-type").unwrap().starts_with(accept),
            "{accept}"
        );
        assert!(a.body.contains(marker), "{accept}: {}", a.body);
        assert!(a.header("vary").unwrap().contains("Accept"));
    }
    let ask = curl(&["--data-urlencode", "query=ASK { ?s ?p ?o }", &endpoint]);
    assert!(ask.body.contains("\"boolean\":true"), "{}", ask.body);

    // CONSTRUCT in every graph syntax, each parsed back to the same number of triples.
    let construct = "PREFIX eli: <http://data.europa.eu/eli/ontology#> \
                     CONSTRUCT { ?w eli:is_realized_by ?e } WHERE { ?w eli:is_realized_by ?e }";
    for (accept, format) in [
        ("text/turtle", oxigraph::io::RdfFormat::Turtle),
        ("application/n-triples", oxigraph::io::RdfFormat::NTriples),
        (
            "application/ld+json",
            oxigraph::io::RdfFormat::JsonLd {
                profile: Default::default(),
            },
        ),
        ("application/rdf+xml", oxigraph::io::RdfFormat::RdfXml),
    ] {
        let a = curl(&[
            "-H",
            &format!("Accept: {accept}"),
            "--data-urlencode",
            &format!("query={construct}"),
            &endpoint,
        ]);
        assert_eq!(a.status, 200, "{accept}: {}", a.body);
        let triples = oxigraph::io::RdfParser::from_format(format)
            .for_slice(a.body.as_bytes())
            .collect::<Result<Vec<_>, _>>()
            .unwrap_or_else(|e| panic!("{accept}: {e}"));
        // Each work by each version: 77/213 in two languages, 78/254 and its parts A, B and C,
        // 78/27, 80/49, 80/56, 80/120, 80/125 and three drafts among them.
        assert_eq!(triples.len(), 17, "{accept}");
    }

    // The dataset of the protocol: one graph, 77/213's work's, as the default graph.
    let graph = format!("{}/akn/un/statement/deliberation/unga/77-213", server.url);
    let one = curl(&[
        "-G",
        "-H",
        "Accept: text/csv",
        "--data-urlencode",
        &format!("query={WORKS}"),
        "--data-urlencode",
        &format!("default-graph-uri={graph}"),
        &endpoint,
    ]);
    assert_eq!(one.body.lines().count(), 2, "{}", one.body);

    // Refusals.
    let update = curl(&["--data-urlencode", "update=DROP ALL", &endpoint]);
    assert_eq!(update.status, 403);
    let update = curl(&[
        "-H",
        "Content-Type: application/sparql-update",
        "--data-binary",
        "DROP ALL",
        &endpoint,
    ]);
    assert_eq!(update.status, 403);
    let bad = curl(&["--data-urlencode", "query=SELECT ?x WHERE { ?x", &endpoint]);
    assert_eq!(bad.status, 400);
    assert!(
        bad.body.starts_with("SPARQL syntax: error at 1:"),
        "{}",
        bad.body
    );
    let big = format!("query=SELECT * WHERE {{ ?s ?p \"{}\" }}", "x".repeat(5000));
    assert_eq!(curl(&["--data", &big, &endpoint]).status, 413);
    // Federation is off: the server never makes outbound requests, and says so as a client error.
    for service in [
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p ?o SERVICE ?where { ?s ?q ?r } } LIMIT 1",
    ] {
        let refused = curl(&["--data-urlencode", &format!("query={service}"), &endpoint]);
        assert_eq!(refused.status, 400, "{service}: {}", refused.body);
        assert!(refused.body.contains("SERVICE"), "{}", refused.body);
    }
    let odd = curl(&["-H", "Content-Type: text/plain", "--data", "x", &endpoint]);
    assert_eq!(odd.status, 415);
    let png = curl(&[
        "-H",
        "Accept: image/png",
        "--data-urlencode",
        &format!("query={WORKS}"),
        &endpoint,
    ]);
    assert_eq!(png.status, 406);
    assert_eq!(curl(&["-X", "DELETE", &endpoint]).status, 405);
    let preflight = curl(&["-X", "OPTIONS", &endpoint]);
    assert_eq!(preflight.status, 204);
    // The store is untouched by all of it.
    assert_eq!(
        curl(&["--data-urlencode", &format!("query={WORKS}"), &endpoint]).body,
        get.body
    );
}

#[test]
fn queries_past_the_timeout_are_stopped_and_others_go_on() {
    if !have_curl() {
        return;
    }
    // Seven resolutions (some 3,000 quads).
    let inputs: Vec<String> = sample_inputs().into_iter().take(7).collect();
    let mut args = vec!["--timeout", "0.5", "--load"];
    args.extend(inputs.iter().map(String::as_str));
    let server = Server::start(&args);
    let endpoint = server.sparql();
    // Nine million pairs, each put through a regular expression: some 4 s in a release build,
    // 45 s in a debug one, unless stopped. The evaluator checks its deadline between rows read
    // from the store, here every 3,000 pairs. (A product of three patterns would not do: it
    // combines millions of rows between two reads, which a loaded machine takes seconds over.)
    let heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f \
                 FILTER(REGEX(CONCAT(STR(?c), STR(?f)), \"^(.*a)*z$\")) }";
    let started = Instant::now();
    let a = curl(&["--data-urlencode", &format!("query={heavy}"), &endpoint]);
    assert_eq!(a.status, 503, "{}", a.body);
    assert!(a.body.contains("stopped"), "{}", a.body);
    assert!(started.elapsed() < Duration::from_secs(20));
    let after = curl(&["--data-urlencode", &format!("query={WORKS}"), &endpoint]);
    assert_eq!(after.status, 200);
}

#[test]
fn iris_dereference_by_accept() {
    if !have_curl() {
        return;
    }
    let server = Server::with_samples(&[]);
    let work = format!("{}/akn/un/statement/deliberation/unga/77-213", server.url);

    let html = curl(&["-H", "Accept: text/html", &work]);
    assert_eq!(html.status, 200);
    assert!(html
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
    assert!(html.header("vary").unwrap().contains("Accept"));
    assert!(html
        .body
        .contains("<h1>77/213. Enhancement of international cooperation"));
    assert!(html
        .body
        .contains(r#"<div class="paragraph" id="para_17">"#));
    assert!(html.body.contains("Cited by"));
    assert!(
        html.body.contains(r#"hreflang="fr""#),
        "link to the French expression"
    );
    let french = curl(&[
        "-H",
        "Accept: text/html",
        "-H",
        "Accept-Language: fr-CH, fr;q=0.9",
        &work,
    ]);
    assert!(french.body.contains("<html lang=\"fr\">"));
    let browser = curl(&[
        "-H",
        "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        &work,
    ]);
    assert!(browser
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));

    // The AKN of the expression and of the manifestation (its default), valid against the XSD.
    let akn = curl(&["-H", "Accept: application/akn+xml", &format!("{work}/fra@")]);
    assert_eq!(akn.status, 200);
    assert!(akn.body.contains("<FRBRlanguage language=\"fra\"/>"));
    let manifestation = curl(&[&format!("{work}/eng@.xml")]);
    assert_eq!(
        manifestation.header("content-type"),
        Some("application/akn+xml")
    );
    let dir = conformance_dir().join("serve");
    std::fs::create_dir_all(&dir).unwrap();
    let files = [dir.join("77-213-fra.xml"), dir.join("77-213-eng.xml")];
    std::fs::write(&files[0], &akn.body).unwrap();
    std::fs::write(&files[1], &manifestation.body).unwrap();
    assert_xsd_valid(&files);

    // RDF descriptions.
    let turtle = curl(&["-H", "Accept: text/turtle", &work]);
    assert_eq!(turtle.status, 200);
    let triples: Vec<_> = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle)
        .for_slice(turtle.body.as_bytes())
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(triples.len() > 50);
    assert!(turtle.body.contains("eli:is_realized_by"));
    let jsonld = curl(&[&format!("{work}/eng@?format=jsonld")]);
    assert_eq!(jsonld.header("content-type"), Some("application/ld+json"));
    let paragraph = format!("{work}/!main~para_5");
    let nt = curl(&["-H", "Accept: application/n-triples", &paragraph]);
    assert!(
        nt.body
            .contains("<https://w3id.org/unakn#phrase> \"Urges\"@en"),
        "{}",
        nt.body
    );

    // A portion's page is its place on its document's page.
    let portion = curl(&["-H", "Accept: text/html", &paragraph]);
    assert_eq!(portion.status, 303);
    assert_eq!(
        portion.header("location"),
        Some("/akn/un/statement/deliberation/unga/77-213/eng@#para_5")
    );

    // A part of a multi-part resolution: a work of its own, described and shown with the
    // whole; its portions land under the part on the whole's page.
    let whole = format!("{}/akn/un/statement/deliberation/unga/78-254", server.url);
    let part = curl(&["-H", "Accept: application/n-triples", &format!("{whole}B")]);
    assert_eq!(part.status, 200);
    assert!(
        part.body.contains(&format!(
            "<http://data.europa.eu/eli/ontology#is_part_of> <{whole}>"
        )),
        "{}",
        part.body
    );
    let page = curl(&["-H", "Accept: text/html", &format!("{whole}B")]);
    assert_eq!(page.status, 200);
    assert!(page.body.contains(r#"<section class="part" id="cmpnt_B">"#));
    assert!(page.body.contains(r#"id="cmpnt_B__para_1""#));
    let portion = curl(&["-H", "Accept: text/html", &format!("{whole}B/!main~para_1")]);
    assert_eq!(portion.status, 303);
    assert_eq!(
        portion.header("location"),
        Some("/akn/un/statement/deliberation/unga/78-254/eng@#cmpnt_B__para_1")
    );

    // Unknown IRIs, unknown types, HEAD, other methods, traversal attempts.
    assert_eq!(
        curl(&[&format!(
            "{}/akn/un/statement/deliberation/unga/1-1",
            server.url
        )])
        .status,
        404
    );
    assert_eq!(curl(&["-H", "Accept: image/png", &work]).status, 406);
    assert_eq!(curl(&[&format!("{work}?format=pdf")]).status, 406);
    let head = curl(&["-I", &work]);
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(curl(&["-X", "POST", &work]).status, 405);
    assert_eq!(
        curl(&[
            "--path-as-is",
            &format!("{}/../../../etc/passwd", server.url)
        ])
        .status,
        404
    );
    assert_eq!(
        curl(&[&format!("{}/%2e%2e/%2e%2e/etc/passwd", server.url)]).status,
        404
    );
    // A path percent-encoded by a client finds the IRI it names.
    let encoded = curl(&[
        "-H",
        "Accept: text/turtle",
        &format!("{work}/%21main~para_5"),
    ]);
    assert_eq!(encoded.status, 200);

    // The home page offers the catalogue.
    let home = curl(&[&format!("{}/", server.url)]);
    assert_eq!(home.status, 200);
    assert!(home.body.contains("Who cites resolution 70/1"));
    let sparql_page = curl(&[&server.sparql()]);
    assert_eq!(sparql_page.status, 303);
}

/// Pages link citations to cited documents held in the store and list the documents citing
/// them: checked over the UN's AKN of session 78, where resolutions cite one another.
#[test]
fn pages_link_citations_within_the_store() {
    let Some(corpus) = corpus() else { return };
    if !have_curl() {
        return;
    }
    let akn = corpus.join("ga-78/akn");
    let server = Server::start(&["--load", akn.to_str().unwrap()]);
    let query = "PREFIX eli: <http://data.europa.eu/eli/ontology#> \
        PREFIX dcterms: <http://purl.org/dc/terms/> \
        SELECT ?citing ?cited ?symbol WHERE { ?citing a eli:Work ; eli:cites ?cited . \
        ?cited a eli:Work ; dcterms:identifier ?symbol . FILTER(?citing != ?cited) } \
        ORDER BY ?citing ?cited LIMIT 1";
    let a = curl(&[
        "-H",
        "Accept: text/tab-separated-values",
        "--data-urlencode",
        &format!("query={query}"),
        &server.sparql(),
    ]);
    let row: Vec<&str> = a
        .body
        .lines()
        .nth(1)
        .expect("a citation between works")
        .split('\t')
        .collect();
    let (citing, cited) = (
        row[0].trim_matches(['<', '>']),
        row[1].trim_matches(['<', '>']),
    );
    // Links within the store go from the server's root.
    let path = |iri: &str| iri.strip_prefix(&server.url).unwrap().to_string();
    let page = curl(&["-H", "Accept: text/html", citing]);
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains(&format!("href=\"{}\"", path(cited))),
        "{citing} links {cited}"
    );
    let cited_page = curl(&["-H", "Accept: text/html", cited]);
    let cited_by = cited_page.body.split("Cited by").nth(1).unwrap();
    assert!(
        cited_by.contains(&format!("href=\"{}\"", path(citing))),
        "{cited} lists {citing}"
    );
}

/// The mandates page: narrowed by addressee, kind and session, linking each mandate to its
/// paragraph on the resolution's page, which links back; bad filters are refused with 400.
#[test]
fn mandates_page_narrows_and_links_back() {
    if !have_curl() {
        return;
    }
    let server = Server::with_samples(&[]);
    let url = |q: &str| format!("{}/mandates?{q}", server.url);
    let all = curl(&[&url("")]);
    assert_eq!(all.status, 200, "{}", all.body);
    assert!(all
        .body
        .contains("<form method=\"get\" action=\"/mandates\">"));
    assert!(all.body.contains("A/RES/78/27") && all.body.contains("A/RES/77/213"));

    let reports = curl(&[&url("addressee=secretary-general&kind=report&due=81")]);
    assert_eq!(reports.status, 200);
    let rows = reports.body.matches("<tr><td>").count();
    assert_eq!(rows, 2, "{}", reports.body);
    let work = "/akn/un/statement/deliberation/unga/80-49";
    assert!(
        reports.body.contains(&format!("href=\"{work}#para_13\"")),
        "{}",
        reports.body
    );
    assert!(!reports.body.contains("A/RES/78/27"));
    assert!(reports
        .body
        .contains("<option selected>secretary-general</option>"));

    let page = curl(&["-H", "Accept: text/html", &format!("{}{work}", server.url)]);
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains("href=\"/mandates?resolution=A%2FRES%2F80%2F49\""),
        "{}",
        page.body
    );
    let of_one = curl(&[&url("resolution=A%2FRES%2F80%2F49")]);
    assert!(of_one.body.matches("<tr><td>").count() >= 10);
    assert!(!of_one.body.contains("A/RES/78/27<"));

    for bad in ["addressee=anyone", "due=eighty", "resolution=%22%7D"] {
        let refused = curl(&[&url(bad)]);
        assert_eq!(refused.status, 400, "{bad}: {}", refused.body);
    }
}

/// The search page: a form, the hits grouped by resolution with the words marked, facets
/// that narrow, links that land on the paragraph; the same as JSON.
#[test]
fn search_page_finds_marks_narrows_and_links_to_the_paragraph() {
    if !have_curl() {
        return;
    }
    let server = Server::with_samples(&[]);
    let url = |q: &str| format!("{}/search?{q}", server.url);
    let empty = curl(&[&url("")]);
    assert_eq!(empty.status, 200, "{}", empty.body);
    assert!(empty.body.contains("action=\"/search\" role=\"search\""));

    let found = curl(&[&url(
        "q=%22Vienna+Declaration+and+Programme+of+Action%22&lang=en",
    )]);
    assert_eq!(found.status, 200, "{}", found.body);
    assert!(found.body.contains("<mark>"), "{}", found.body);
    assert!(found.body.contains("A/RES/77/213"), "{}", found.body);
    // Each hit links to its paragraph on its language version's page.
    let work = "/akn/un/statement/deliberation/unga/77-213";
    assert!(
        found.body.contains(&format!("href=\"{work}/eng@#")),
        "{}",
        found.body
    );
    // Facets narrow: a session link keeps the words.
    assert!(found
        .body
        .contains("q=%22Vienna+Declaration+and+Programme+of+Action%22&amp;lang=en&amp;session=77"));

    let json = curl(&[
        "-H",
        "Accept: application/json",
        &url("q=Secr%C3%A9taire+g%C3%A9n%C3%A9ral&lang=fr"),
    ]);
    assert_eq!(json.status, 200, "{}", json.body);
    let value: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    let groups = value["results"]["page"].as_array().unwrap();
    assert!(!groups.is_empty(), "{}", json.body);
    assert!(groups.iter().all(|g| g["language"] == "fr"));

    for bad in [
        "lang=xx",
        "session=eighty",
        "unit=chapter",
        "sort=random",
        "agenda=12",
    ] {
        assert_eq!(curl(&[&url(bad)]).status, 400, "{bad}");
    }
}

/// The browse page: without words, the documents the facets select, newest first, the facets
/// counted in documents, a chosen one with a link that takes it off; in the language the
/// visitor prefers (`Accept-Language`, or `hl`, which its links keep), Arabic right to left.
#[test]
fn browse_page_lists_documents_by_facet_in_the_visitor_s_language() {
    if !have_curl() {
        return;
    }
    let server = Server::with_samples(&[]);
    let url = |q: &str| format!("{}/browse?{q}", server.url);
    let all = curl(&[&url("")]);
    assert_eq!(all.status, 200, "{}", all.body);
    assert!(all.body.contains("<h1>Browse</h1>"), "{}", all.body);
    let listed = all.body.matches("<article").count();
    assert_eq!(listed, 10, "a page of ten documents");
    assert!(all.body.contains("rel=\"next\""));
    // Facets as links, counted in documents.
    assert!(all.body.contains("<h2>Committee</h2>"), "{}", all.body);
    assert!(
        all.body.contains("href=\"/browse?session=80\""),
        "{}",
        all.body
    );

    let eighty = curl(&[&url("session=80")]);
    assert_eq!(eighty.status, 200);
    assert!(eighty
        .body
        .contains("<li class=\"chosen\"><strong>80</strong> <a href=\"/browse\""));
    assert!(eighty.body.matches("<article").count() >= 1);
    assert!(!eighty.body.contains("77/213"), "{}", eighty.body);

    let french = curl(&["-H", "Accept-Language: fr-CH, fr;q=0.9, en;q=0.5", &url("")]);
    assert!(
        french.body.contains("<html lang=\"fr\">"),
        "{}",
        french.body
    );
    assert!(french.body.contains("<h1>Parcourir</h1>"));
    assert!(french.body.contains("<h2>Commission</h2>"));
    let arabic = curl(&[&url("hl=ar")]);
    assert!(
        arabic.body.contains("<html lang=\"ar\" dir=\"rtl\">"),
        "{}",
        arabic.body
    );
    // Its links keep the visitor's choice.
    assert!(
        arabic.body.contains("session=80&amp;hl=ar"),
        "{}",
        arabic.body
    );

    let json = curl(&[&url("session=80&format=json")]);
    let value: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    assert_eq!(value["browsing"], true);
    assert!(value["results"]["page"]
        .as_array()
        .unwrap()
        .iter()
        .all(|g| g["symbol"].as_str().unwrap().starts_with("A/RES/80/")
            || g["symbol"].as_str().unwrap().starts_with("A/C.")));
}

/// The portal as a visitor uses it, in headless Chromium: words typed into the search box, a
/// facet picked, a hit opened on its paragraph; an Arabic resolution's page right to left, its
/// symbols isolated, its search box in Arabic. Screenshots go to target/screenshots.
#[test]
fn search_and_an_arabic_page_in_chromium() {
    let Some(browser) = browser() else { return };
    let Some(corpus) = corpus() else { return };
    let arabic = corpus.join("ga-75-akn/Arabic/75_93_A.xml");
    let server = Server::with_samples(&["--load", arabic.to_str().unwrap()]);
    let shots = screenshots();
    let report = browser.run(
        "search_pages.mjs",
        &[
            server.url.as_str(),
            "international cooperation",
            "/akn/un/statement/deliberation/unga/75-93/ara@",
            shots.to_str().unwrap(),
        ],
    );
    let found = &report["found"];
    assert!(
        found["url"]
            .as_str()
            .unwrap()
            .contains("/search?q=international+cooperation"),
        "{report}"
    );
    assert!(found["groups"].as_u64().unwrap() >= 2, "{report}");
    assert!(found["marks"].as_u64().unwrap() >= 2, "{report}");
    assert!(
        report["narrowed"]["url"]
            .as_str()
            .unwrap()
            .contains("session="),
        "{report}"
    );
    let opened = &report["opened"];
    assert!(opened["href"].as_str().unwrap().contains('#'), "{report}");
    assert_eq!(opened["present"], true, "{report}");
    assert_eq!(opened["inView"], true, "{report}");
    let arabic = &report["arabic"];
    assert_eq!(arabic["lang"], "ar");
    assert_eq!(arabic["dir"], "rtl", "{report}");
    assert_eq!(arabic["paragraphDir"], "rtl", "{report}");
    assert!(arabic["rightGap"].as_i64().unwrap().abs() < 40, "{report}");
    assert!(
        arabic["bdi"].as_str().is_some_and(|b| b.contains('/')),
        "{report}"
    );
    assert!(
        arabic["searchLabel"].as_str().unwrap().contains("بحث"),
        "{report}"
    );
    assert_eq!(report["errors"], serde_json::json!([]));
    assert!(shots.join("search.png").is_file() && shots.join("arabic.png").is_file());
}

/// The dataset described for machines: VoID and DCAT in Turtle at a well-known path, and a
/// sitemap of every language version's page, each of which answers.
#[test]
fn the_dataset_describes_itself_and_maps_its_pages() {
    if !have_curl() {
        return;
    }
    let server = Server::with_samples(&[]);
    let void = curl(&[&format!("{}/.well-known/void", server.url)]);
    assert_eq!(void.status, 200, "{}", void.body);
    assert!(void
        .header("content-type")
        .is_some_and(|t| t.starts_with("text/turtle")));
    let triples = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle)
        .for_slice(void.body.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    assert!(triples.len() >= 15, "{}", void.body);
    assert!(void.body.contains("void:sparqlEndpoint <http://"));
    assert!(void.body.contains("void:vocabulary"));
    let sitemap = curl(&[&format!("{}/sitemap.xml", server.url)]);
    assert_eq!(sitemap.status, 200);
    let locs: Vec<&str> = sitemap
        .body
        .split("<loc>")
        .skip(1)
        .filter_map(|l| l.split("</loc>").next())
        .collect();
    assert!(locs.len() >= 10, "{}", sitemap.body);
    assert!(locs.iter().any(|l| l.ends_with("/77-213/fra@")), "{locs:?}");
    let page = curl(&["-H", "Accept: text/html", locs[0]]);
    assert_eq!(page.status, 200, "{}", locs[0]);
    assert_eq!(
        curl(&[&format!("{}/sitemap.xml?page=9", server.url)]).status,
        404
    );
}

/// Where the browser clients of `tests/clients` run: Chromium and Node, with playwright-core
/// as tests/run.sh installs it. `None` (the test skipped) where one is missing, which CI
/// (`UNAKN_REQUIRE_ALL`) does not allow for playwright-core.
struct Browser {
    chromium: String,
    node_modules: PathBuf,
}

fn browser() -> Option<Browser> {
    let node_modules = root().join("target/tools/node/node_modules");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !have(&chromium, &["--version"]) || !have("node", &["--version"]) {
        return None;
    }
    if !node_modules.join("playwright-core").is_dir() {
        assert!(
            std::env::var_os("UNAKN_REQUIRE_ALL").is_none(),
            "playwright-core is not installed in target/tools/node (tests/run.sh installs it)"
        );
        return None;
    }
    Some(Browser {
        chromium,
        node_modules,
    })
}

/// Where the browser clients keep their screenshots, for people to look at.
fn screenshots() -> PathBuf {
    let dir = root().join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

impl Browser {
    /// Runs the client `script` with `args`: what it reports, as JSON.
    fn run(&self, script: &str, args: &[&str]) -> serde_json::Value {
        let out = Command::new("node")
            .arg(root().join("tests/clients").join(script))
            .args(args)
            .env("NODE_PATH", &self.node_modules)
            .env("CHROMIUM", &self.chromium)
            .env("SCREENSHOTS", screenshots())
            .current_dir(root().join("target/tools/node"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{script}: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }
}

/// The links of a page that stay on its server (`href="/..."`).
fn server_links(page: &str) -> Vec<String> {
    page.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|l| l.starts_with('/') && !l.starts_with("//"))
        .map(|l| l.replace("&amp;", "&"))
        .collect()
}

/// Served on another port without `--base`, IRIs are minted under the address bound and every
/// link of a page leads somewhere; a store loaded under the default base keeps its IRIs and
/// still dereferences on another port.
#[test]
fn links_work_wherever_the_server_runs() {
    if !have_curl() {
        return;
    }
    let port = free_port();
    let mut args = vec!["--load"];
    let inputs = sample_inputs();
    args.extend(inputs.iter().map(String::as_str));
    let server = Server::on_port(port, &args);
    let works = curl(&[
        "-H",
        "Accept: text/tab-separated-values",
        "--data-urlencode",
        &format!("query={WORKS}"),
        &server.sparql(),
    ]);
    let minted = format!("<http://localhost:{port}/akn/un/statement/deliberation/unga/77-213>");
    assert!(works.body.contains(&minted), "{}", works.body);
    let page = curl(&[&format!(
        "{}/akn/un/statement/deliberation/unga/77-213",
        server.url
    )]);
    assert_eq!(page.status, 200);
    assert!(
        !page.body.contains("href=\"http://localhost:7878"),
        "no link to another port"
    );
    let links = server_links(&page.body);
    assert!(links.len() >= 5, "{links:?}");
    for link in &links {
        let followed = curl(&[&format!("{}{link}", server.url)]);
        assert!(
            matches!(followed.status, 200 | 303),
            "{link}: {}",
            followed.status
        );
    }
    // The query page knows the base, to link results from its root.
    let home = curl(&[&format!("{}/", server.url)]);
    assert!(home
        .body
        .contains(&format!("\"base\":\"http://localhost:{port}\"")));
    drop(server);
    if cfg!(not(feature = "rocksdb")) {
        return; // what follows needs a store on disk
    }

    // A store loaded under the default base, served elsewhere without --base.
    let dir = root().join("target/serve-tests/other-port");
    let _ = std::fs::remove_dir_all(&dir);
    let store = dir.join("store");
    let mut load = vec!["load", "--store", store.to_str().unwrap()];
    load.extend(inputs.iter().map(String::as_str));
    assert!(unakn(&load).status.success());
    let server = Server::on_port(free_port(), &["--store", store.to_str().unwrap()]);
    let page = curl(&[&format!(
        "{}/akn/un/statement/deliberation/unga/77-213",
        server.url
    )]);
    assert_eq!(page.status, 200, "{}", page.body);
    for link in server_links(&page.body).iter().take(10) {
        let followed = curl(&[&format!("{}{link}", server.url)]);
        assert!(matches!(followed.status, 200 | 303), "{link}");
    }
}

/// One bad input does not keep the others from being served; the query page says so.
#[test]
fn serve_starts_with_bad_inputs_and_says_so() {
    if !have_curl() {
        return;
    }
    let dir = root().join("target/serve-tests/mixed");
    let (folder, _) = mixed_folder(&dir);
    let server = Server::start(&["--load", folder.to_str().unwrap()]);
    let count = curl(&[
        "-H",
        "Accept: text/tab-separated-values",
        "--data-urlencode",
        "query=SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRENDS(STR(?g), \"@\")) }",
        &server.sparql(),
    ]);
    assert_eq!(count.body.lines().nth(1), Some("3"), "{}", count.body);
    let home = curl(&[&format!("{}/", server.url)]);
    assert!(
        home.body.contains("3 of 6 inputs could not be read"),
        "{}",
        home.body
    );
}

fn python_with(module: &str) -> bool {
    have("python3", &["-c", &format!("import {module}")])
}

/// Solutions of a catalogue query as the Python clients print them.
fn local_rows(store: &Store, query: &str) -> Vec<serde_json::Value> {
    use oxigraph::model::Term;
    let table = store.select(query).unwrap();
    let mut rows: Vec<serde_json::Value> = table
        .rows
        .iter()
        .map(|row| {
            serde_json::Value::Array(
                row.iter()
                    .map(|cell| match cell {
                        None => serde_json::Value::Null,
                        Some(Term::NamedNode(n)) => serde_json::json!(["iri", n.as_str(), null]),
                        Some(Term::Literal(l)) => {
                            let extra = l.language().map(str::to_string).or_else(|| {
                                let dt = l.datatype().as_str();
                                (dt != "http://www.w3.org/2001/XMLSchema#string")
                                    .then(|| dt.to_string())
                            });
                            serde_json::json!(["literal", l.value(), extra])
                        }
                        Some(_) => serde_json::json!(["bnode", "", null]),
                    })
                    .collect(),
            )
        })
        .collect();
    rows.sort_by_key(|r| r.to_string());
    rows
}

#[test]
fn sparqlwrapper_and_rdflib_get_the_stores_answers() {
    if !python_with("SPARQLWrapper") || !python_with("rdflib") {
        return;
    }
    let server = Server::with_samples(&[]);
    let base = unakn::vocab::Base::new(&server.url).unwrap();
    let store = Store::memory().unwrap();
    let documents = stored_quads(&sample_inputs(), &base);
    store.replace_documents(&documents).unwrap();
    let queries: Vec<PathBuf> = files_in(&root().join("samples/queries"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "rq"))
        .collect();
    let out = Command::new("python3")
        .arg(root().join("tests/clients/sparql_clients.py"))
        .arg(server.sparql())
        .args(&queries)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut non_empty = 0;
    for q in &queries {
        let expected = local_rows(&store, &read(q));
        non_empty += usize::from(!expected.is_empty());
        let got = &report[q.to_str().unwrap()];
        for client in ["sparqlwrapper", "rdflib"] {
            assert_eq!(
                got[client].as_array().unwrap(),
                &expected,
                "{client} on {}",
                q.display()
            );
        }
    }
    assert!(non_empty >= 8, "the catalogue has answers over the samples");
}

#[test]
fn the_query_page_runs_a_catalogue_query_in_chromium() {
    let Some(browser) = browser() else { return };
    let server = Server::with_samples(&[]);
    // The sixth query: language versions of 77/213 (two rows, IRIs to follow).
    let report = browser.run("query_page.mjs", &[&format!("{}/", server.url), "5"]);
    assert_eq!(report["buttons"], unakn::catalogue::QUERIES.len());
    assert_eq!(report["title"], unakn::catalogue::QUERIES[5].title);
    assert_eq!(report["error"], "");
    assert_eq!(
        report["headers"],
        serde_json::json!(["?language", "?title", "?expression"])
    );
    assert_eq!(report["rows"], 2, "{report}");
    assert!(report["status"].as_str().unwrap().starts_with("2 rows"));
    assert_eq!(report["errors"], serde_json::json!([]));
    // An IRI of the results, followed: the page of the expression it names.
    let followed = &report["followed"];
    assert!(
        followed["h1"].as_str().unwrap().starts_with("77/213."),
        "{report}"
    );
    assert_eq!(followed["citedBy"], 1);
    assert!(
        followed["url"]
            .as_str()
            .unwrap()
            .starts_with(&format!("{}/akn/", server.url)),
        "{report}"
    );
}

/// The query page's editor colours a query, flags a prefix it does not declare and declares it
/// in one click, marks the line of a syntax error, and runs the mended query.
#[test]
fn the_query_editor_declares_prefixes_and_marks_errors_in_chromium() {
    let Some(browser) = browser() else { return };
    let server = Server::with_samples(&[]);
    let report = browser.run("query_editor.mjs", &[&format!("{}/", server.url)]);
    assert!(
        report["coloured"]["keywords"].as_u64().unwrap() >= 2,
        "{report}"
    );
    assert!(
        report["coloured"]["variables"].as_u64().unwrap() >= 1,
        "{report}"
    );
    assert!(
        report["coloured"]["lines"].as_u64().unwrap() >= 3,
        "{report}"
    );
    assert_eq!(
        report["missing"],
        serde_json::json!(["line 2: prefix eli: is not declared Declare eli:"]),
        "{report}"
    );
    let declared = report["declared"]["text"].as_str().unwrap();
    assert!(
        declared.starts_with("PREFIX eli: <http://data.europa.eu/eli/ontology#>\nSELECT"),
        "{declared}"
    );
    assert_eq!(report["declared"]["missingAfter"], 0);
    assert!(
        report["failed"]["message"]
            .as_str()
            .unwrap()
            .starts_with("line 3, column"),
        "{report}"
    );
    assert_eq!(report["failed"]["gutterMark"], "3");
    assert_eq!(report["failed"]["band"], true);
    assert_eq!(report["ran"]["error"], "", "{report}");
    assert_eq!(report["ran"]["rows"], 3, "{report}");
    assert_eq!(report["ran"]["band"], false);
    assert_eq!(report["errors"], serde_json::json!([]));
}

/// A resolution's page links its draft and shows the changes from it as a redline; the draft's
/// page links back; a recorded vote lists the States, each linking to its page of votes.
#[test]
fn draft_redline_and_votes_in_chromium() {
    let Some(browser) = browser() else { return };
    let server = Server::with_samples(&[]);
    let report = browser.run("draft_pages.mjs", &[server.url.as_str()]);
    let redline = &report["redline"];
    assert_eq!(
        redline["lineage"], "Adopted from the draft A/C.2/80/L.10",
        "{report}"
    );
    assert_eq!(redline["heading"], "Changes from the draft");
    assert!(redline["deleted"].as_u64().unwrap() >= 5, "{report}");
    assert!(redline["inserted"].as_u64().unwrap() >= 5, "{report}");
    assert_eq!(redline["insertedParagraphs"], 1, "{report}");
    assert_eq!(redline["insVisible"], true);
    assert_eq!(redline["insBackground"], "rgb(227, 246, 232)");
    assert_eq!(redline["delDecoration"], "line-through");
    let draft = &report["draft"];
    assert!(draft["url"]
        .as_str()
        .unwrap()
        .ends_with("/akn/un/statement/draft/unga/C.2-80-L.10"));
    assert!(
        draft["h1"]
            .as_str()
            .unwrap()
            .starts_with("Unilateral economic measures"),
        "{report}"
    );
    assert_eq!(draft["lineage"], "Adopted as A/RES/80/120");
    assert_eq!(draft["tabling"], "Iraq: draft resolution");
    let vote = &report["vote"];
    assert_eq!(
        vote["groups"],
        serde_json::json!(["In favour (118)", "Abstaining (2)"]),
        "{report}"
    );
    let state = &report["state"];
    // France voted against A/RES/80/56 and for A/RES/78/10: against first.
    assert_eq!(state["h1"], "FRANCE");
    assert_eq!(
        state["groups"],
        serde_json::json!(["Against (1)", "Abstaining (0)", "In favour (1)"])
    );
    assert_eq!(state["first"], "A/RES/80/56");
    assert_eq!(report["errors"], serde_json::json!([]));
    assert!(screenshots().join("state.png").is_file());

    // The same page for a visitor who reads Spanish, then one who asked for Arabic.
    if have_curl() {
        let spanish = curl(&[
            "-H",
            "Accept-Language: es-ES,es;q=0.9",
            &format!("{}/state/FRA", server.url),
        ]);
        assert!(
            spanish.body.contains("<html lang=\"es\">"),
            "{}",
            spanish.body
        );
        assert!(
            spanish.body.contains("<h2>En contra (1)</h2>"),
            "{}",
            spanish.body
        );
        assert!(spanish.body.contains("Buscar en las resoluciones"));
        let arabic = curl(&[&format!("{}/state/FRA?hl=ar", server.url)]);
        assert!(arabic.body.contains("<html lang=\"ar\" dir=\"rtl\">"));
        assert!(
            arabic.body.contains("<h2>المعارضون (1)</h2>"),
            "{}",
            arabic.body
        );
        // Titles the store holds only in English are marked as English.
        assert!(
            arabic.body.contains("<span lang=\"en\">"),
            "{}",
            arabic.body
        );
    }
}

/// Another store's server on loopback, with its data in a folder of its own: stopped when
/// dropped.
struct Remote {
    child: Child,
    url: String,
    /// Its data, and anything a test keeps beside it.
    dir: PathBuf,
}

impl Drop for Remote {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `oxigraph` (the server, from PyPI).
fn start_oxigraph(name: &str) -> Option<Remote> {
    if !have("oxigraph", &["--version"]) {
        return None;
    }
    let dir = root().join("target/serve-tests").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let port = free_port();
    let mut child = Command::new("oxigraph")
        .args(["serve", "--union-default-graph", "--location"])
        .arg(&dir)
        .args(["--bind", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for_port(port, &mut child, "oxigraph serve");
    Some(Remote {
        child,
        url: format!("http://127.0.0.1:{port}"),
        dir,
    })
}

fn sorted_lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines.sort();
    lines
}

#[test]
fn publish_to_an_oxigraph_server_is_idempotent_and_answers_alike() {
    if !have_curl() {
        return;
    }
    let Some(remote) = start_oxigraph("publish") else {
        return;
    };
    let inputs = sample_inputs();
    let mut publish = vec!["publish", "--to"];
    let store_endpoint = format!("{}/store", remote.url);
    publish.push(&store_endpoint);
    publish.push("--load");
    publish.extend(inputs.iter().map(String::as_str));
    let count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";
    let remote_count = || {
        let a = curl(&[
            "-H",
            "Accept: text/tab-separated-values",
            "--data-urlencode",
            &format!("query={count}"),
            &format!("{}/query", remote.url),
        ]);
        a.body.lines().nth(1).unwrap_or("").to_string()
    };
    // A folder with bad inputs: the good ones are published, each bad one reported, exit 1.
    let (folder, bad) = mixed_folder(&root().join("target/serve-tests/publish-mixed"));
    let out = unakn(&[
        "publish",
        "--to",
        &store_endpoint,
        "--load",
        folder.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Three language versions and their two works.
    assert!(stderr.contains("published 5 graphs"), "{stderr}");
    assert!(bad.iter().all(|b| stderr.contains(b.as_str())), "{stderr}");
    assert_ne!(remote_count(), "0");
    unakn_ok(&publish);
    let first = remote_count();
    let out = unakn(&publish);
    assert!(out.status.success());
    assert_eq!(remote_count(), first, "publishing twice changes nothing");

    // The remote store answers the catalogue as unakn does over the same inputs.
    for q in unakn::catalogue::QUERIES {
        let mut args = vec!["query", q.text, "--format", "tsv"];
        for input in &inputs {
            args.extend(["--load", input.as_str()]);
        }
        let mine = unakn(&args);
        assert!(
            mine.status.success(),
            "{}: {}",
            q.name,
            String::from_utf8_lossy(&mine.stderr)
        );
        let theirs = curl(&[
            "-H",
            "Accept: text/tab-separated-values",
            "--data-urlencode",
            &format!("query={}", q.text),
            &format!("{}/query", remote.url),
        ]);
        assert_eq!(theirs.status, 200, "{}: {}", q.name, theirs.body);
        assert_eq!(
            sorted_lines(&theirs.body),
            sorted_lines(&String::from_utf8_lossy(&mine.stdout)),
            "{}",
            q.name
        );
    }
}

/// Virtuoso Open Source (Debian's `virtuoso-opensource`), with its own ini and database. Its
/// Graph Store endpoint wants HTTP Digest authentication (`dba`/`dba` on a new database).
fn start_virtuoso(name: &str) -> Option<Remote> {
    // `virtuoso-t -?` prints its version, then exits with 1.
    let installed = Command::new("virtuoso-t")
        .arg("-?")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stderr).contains("Virtuoso"));
    if !installed {
        assert!(
            std::env::var_os("UNAKN_REQUIRE_ALL").is_none(),
            "UNAKN_REQUIRE_ALL is set but virtuoso-t is missing (tests/run.sh installs it)"
        );
        eprintln!("skipped: virtuoso-t is not installed");
        return None;
    }
    // Virtuoso takes seconds to bind its ports, long enough for another test's server to take
    // a port just found free: its ports are taken below the ephemeral range the others use, the
    // server that answers is checked to be Virtuoso, and a start that lost its ports is retried.
    for round in 0..5 {
        let dir = root()
            .join("target/serve-tests")
            .join(format!("{name}-{round}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let (sql, http) = (quiet_port(), quiet_port());
        let d = dir.display();
        let ini = format!(
            "[Database]\nDatabaseFile = {d}/virtuoso.db\nErrorLogFile = {d}/virtuoso.log\n\
             LockFile = {d}/virtuoso.lck\nTransactionFile = {d}/virtuoso.trx\n\
             xa_persistent_file = {d}/virtuoso.pxa\n\
             [TempDatabase]\nDatabaseFile = {d}/virtuoso-temp.db\nTransactionFile = {d}/virtuoso-temp.trx\n\
             [Parameters]\nServerPort = 127.0.0.1:{sql}\nDisableUnixSocket = 1\nDirsAllowed = ., {d}\n\
             NumberOfBuffers = 10000\nMaxDirtyBuffers = 6000\n\
             [HTTPServer]\nServerPort = 127.0.0.1:{http}\nServerThreads = 10\nCharset = UTF-8\n\
             [SPARQL]\nResultSetMaxRows = 100000\nMaxQueryExecutionTime = 60\n"
        );
        std::fs::write(dir.join("virtuoso.ini"), ini).unwrap();
        let child = Command::new("virtuoso-t")
            .args(["-f", "-c"])
            .arg(dir.join("virtuoso.ini"))
            .current_dir(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut remote = Remote {
            child,
            url: format!("http://127.0.0.1:{http}"),
            dir,
        };
        // Ready when Virtuoso itself answers SPARQL (the HTTP port opens before that).
        let started = Instant::now();
        loop {
            if remote.child.try_wait().unwrap().is_some() {
                break; // its ports were taken: another round
            }
            if TcpStream::connect(("127.0.0.1", http)).is_ok() {
                let a = curl(&[
                    "--data-urlencode",
                    "query=ASK {}",
                    &format!("{}/sparql", remote.url),
                ]);
                let virtuoso = a.header("server").is_some_and(|s| s.contains("Virtuoso"));
                if a.status == 200 && virtuoso {
                    return Some(remote);
                }
                if !virtuoso && a.status != 0 {
                    break; // another server holds the port
                }
            }
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "Virtuoso's /sparql never answered"
            );
            std::thread::sleep(Duration::from_millis(200));
        }
        eprintln!("Virtuoso lost its ports (round {round}); trying others");
    }
    panic!("Virtuoso could not be started on loopback");
}

/// A free port below the ephemeral range (32768 and up on Linux), where the other tests' servers
/// take theirs.
fn quiet_port() -> u16 {
    use std::sync::atomic::{AtomicU16, Ordering};
    static NEXT: AtomicU16 = AtomicU16::new(0);
    let seed = (std::process::id() % 5000) as u16 * 2;
    loop {
        let port = 21000 + (seed + NEXT.fetch_add(1, Ordering::Relaxed)) % 10000;
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
}

/// A bound value of a SPARQL JSON result: (kind, value, language, datatype).
type Binding = (String, String, String, String);

/// SPARQL JSON results as a sorted list of rows of bindings, with the spellings engines may
/// differ in made one: `typed-literal` (SPARQL JSON's first draft, which Virtuoso writes) is a
/// literal, and `xsd:string` is a plain literal's datatype.
fn json_rows(text: &str) -> Vec<Vec<Option<Binding>>> {
    let json: serde_json::Value =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"));
    let vars: Vec<&str> = json["head"]["vars"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let field = |t: &serde_json::Value, name: &str| t[name].as_str().unwrap_or("").to_string();
    let mut rows: Vec<_> = json["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            vars.iter()
                .map(|v| {
                    let t = b.get(*v)?;
                    let kind = match field(t, "type").as_str() {
                        "typed-literal" => "literal".to_string(),
                        k => k.to_string(),
                    };
                    let datatype = match field(t, "datatype").as_str() {
                        "http://www.w3.org/2001/XMLSchema#string" => String::new(),
                        d => d.to_string(),
                    };
                    Some((kind, field(t, "value"), field(t, "xml:lang"), datatype))
                })
                .collect::<Vec<_>>()
        })
        .collect();
    rows.sort();
    rows
}

#[test]
fn publish_with_digest_authentication_to_virtuoso_answers_the_catalogue_alike() {
    if !have_curl() {
        return;
    }
    let Some(remote) = start_virtuoso("virtuoso") else {
        return;
    };
    let inputs = sample_inputs();
    let endpoint = format!("{}/sparql-graph-crud-auth", remote.url);
    let mut publish = vec!["publish", "--to", &endpoint, "--user", "dba", "--load"];
    publish.extend(inputs.iter().map(String::as_str));
    let run = |password: Option<&str>| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_unakn"));
        command.args(&publish).env_remove("UNAKN_PUBLISH_PASSWORD");
        if let Some(p) = password {
            command.env("UNAKN_PUBLISH_PASSWORD", p);
        }
        command.output().unwrap()
    };
    let count = || {
        let a = curl(&[
            "-H",
            "Accept: text/csv",
            "--data-urlencode",
            "query=SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } \
             FILTER(STRSTARTS(STR(?g), \"http://localhost:7878/\")) }",
            &format!("{}/sparql", remote.url),
        ]);
        a.body.lines().nth(1).unwrap_or("").to_string()
    };

    // Refused without a password and with a wrong one; the password is never echoed.
    let out = run(None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("UNAKN_PUBLISH_PASSWORD"));
    let out = run(Some("not-the-password"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr} {}", remote.url);
    assert!(stderr.contains("401"), "{stderr}");
    assert!(!stderr.contains("not-the-password"));
    assert_eq!(count(), "0", "nothing published with a wrong password");

    // Signed in (Digest), twice: the second changes nothing.
    let out = run(Some("dba"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let first = count();
    assert!(first.parse::<usize>().unwrap() > 1000, "{first}");
    let out = run(Some("dba"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(count(), first, "publishing twice is publishing once");
    // The password may come from a file too.
    let file = remote.dir.join("password");
    std::fs::write(&file, "dba\n").unwrap();
    let mut from_file = publish.clone();
    from_file.extend(["--password-file", file.to_str().unwrap()]);
    unakn_ok(&from_file);
    assert_eq!(count(), first);

    // Virtuoso's default graph is the union of its graphs: the catalogue answers there as here.
    for q in unakn::catalogue::QUERIES {
        let mut args = vec!["query", q.text, "--format", "json"];
        for input in &inputs {
            args.extend(["--load", input.as_str()]);
        }
        let mine = unakn(&args);
        assert!(mine.status.success(), "{}", q.name);
        let theirs = curl(&[
            "-H",
            "Accept: application/sparql-results+json",
            "--data-urlencode",
            &format!("query={}", q.text),
            &format!("{}/sparql", remote.url),
        ]);
        assert_eq!(theirs.status, 200, "{}: {}", q.name, theirs.body);
        let mine = json_rows(&String::from_utf8_lossy(&mine.stdout));
        assert!(!mine.is_empty(), "{}", q.name);
        assert_eq!(json_rows(&theirs.body), mine, "{}", q.name);
    }
}

#[test]
fn export_streams_every_quad_for_bulk_loaders() {
    let inputs = sample_inputs();
    let dir = root().join("target/serve-tests/export");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (format, file, syntax) in [
        ("nq", "all.nq", oxigraph::io::RdfFormat::NQuads),
        ("trig", "all.trig", oxigraph::io::RdfFormat::TriG),
    ] {
        let path = dir.join(file);
        let mut args = vec![
            "export",
            "--to",
            format,
            "-o",
            path.to_str().unwrap(),
            "--load",
        ];
        args.extend(inputs.iter().map(String::as_str));
        unakn_ok(&args);
        let store = Store::memory().unwrap();
        let quads: Vec<oxigraph::model::Quad> = oxigraph::io::RdfParser::from_format(syntax)
            .for_slice(&std::fs::read(&path).unwrap())
            .collect::<Result<_, _>>()
            .unwrap();
        store.replace(&quads).unwrap();
        // Every graph of the samples (fourteen language versions, thirteen works, one session's
        // links of drafts to resolutions), the AKN of each manifestation included.
        assert_eq!(store.graph_count().unwrap(), 28, "{format}");
        assert_eq!(quads.len(), store.len().unwrap(), "{format}: no duplicates");
        assert!(!dir.join("all.partial").exists());
    }
    // Nothing but a bad input: exit 1, and no file.
    let path = dir.join("bad.nq");
    let latin1 = root().join("samples/invalid/latin1.txt");
    let out = unakn(&[
        "export",
        "-o",
        path.to_str().unwrap(),
        "--load",
        latin1.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!path.exists());
}

/// 200 queries at once while another store loads the shared corpus: every one answered.
#[cfg(feature = "rocksdb")]
#[test]
fn two_hundred_concurrent_queries_during_a_load() {
    let Some(corpus) = corpus() else { return };
    if !python_with("json") {
        return;
    }
    let server = Server::with_samples(&[]);
    let dir = root().join("target/serve-tests/concurrent-load");
    let _ = std::fs::remove_dir_all(&dir);
    let mut load = Command::new(env!("CARGO_BIN_EXE_unakn"))
        .args(["load", "--store"])
        .arg(&dir)
        .arg(corpus.join("ga-78/akn"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let queries: Vec<PathBuf> = files_in(&root().join("samples/queries"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "rq"))
        .collect();
    let out = Command::new("python3")
        .arg(root().join("benches/sparql_load.py"))
        .arg(server.sparql())
        .args(&queries)
        .args(["--clients", "200", "--rounds", "2"])
        .output()
        .unwrap();
    let still_loading = load.try_wait().unwrap().is_none();
    let loaded = load.wait().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    eprintln!("{summary} (load still running at the end: {still_loading})");
    assert_eq!(summary["queries"], 400);
    assert_eq!(summary["errors"], 0, "{summary}");
    assert!(loaded.success());
}

/// Idle and slow clients, garbage and oversized requests: each refused or left waiting, while
/// an ordinary client keeps being answered.
#[test]
fn hostile_clients_do_not_stop_the_server() {
    use std::io::{Read, Write};
    if !have_curl() {
        return;
    }
    let server = Server::with_samples(&[]);
    let port: u16 = server.url.rsplit(':').next().unwrap().parse().unwrap();
    let connect = || {
        let s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        s
    };
    let status_of = |mut s: TcpStream| -> String {
        let mut answer = Vec::new();
        let _ = s.read_to_end(&mut answer);
        String::from_utf8_lossy(&answer)
            .lines()
            .next()
            .unwrap_or("")
            .to_string()
    };
    // Fifty clients that connect and say nothing, and one that sends a byte at a time.
    let idle: Vec<TcpStream> = (0..50).map(|_| connect()).collect();
    let mut slow = connect();
    slow.write_all(b"GET /sparql?query=ASK").unwrap();
    // Garbage, an oversized header, an oversized request line.
    let mut garbage = connect();
    garbage
        .write_all(b"\x16\x03\x01\x02\x00 HELLO\r\n\r\n")
        .unwrap();
    let mut big_header = connect();
    big_header
        .write_all(
            format!(
                "GET / HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n",
                "a".repeat(20_000)
            )
            .as_bytes(),
        )
        .unwrap();
    let mut big_line = connect();
    big_line
        .write_all(format!("GET /{} HTTP/1.1\r\nHost: x\r\n\r\n", "a".repeat(100_000)).as_bytes())
        .unwrap();
    for (name, s) in [
        ("garbage", garbage),
        ("header", big_header),
        ("request line", big_line),
    ] {
        let status = status_of(s);
        assert!(
            status.is_empty()
                || status.contains(" 400 ")
                || status.contains(" 431 ")
                || status.contains(" 414 "),
            "{name}: {status}"
        );
    }
    // Meanwhile an ordinary client is answered, promptly.
    for _ in 0..5 {
        let started = std::time::Instant::now();
        let a = curl(&[
            "--data-urlencode",
            &format!("query={WORKS}"),
            &server.sparql(),
        ]);
        assert_eq!(a.status, 200);
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
    }
    slow.write_all(b"%7B%7D HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    assert!(status_of(slow).contains(" 200 "));
    drop(idle);
}
