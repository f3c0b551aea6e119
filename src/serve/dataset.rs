//! What the store holds, described for machines: VoID and DCAT at `/.well-known/void` (Turtle:
//! its size, vocabularies, SPARQL endpoint, search page), and a sitemap of every language
//! version's page (`/sitemap.xml`, in pages of 50,000 as the protocol allows).

use super::{answer_with, ok, App, Refusal};
use crate::markup::escaped_text;
use crate::vocab;
use oxhttp::model::{Body, Response, StatusCode};
use std::fmt::Write as _;

/// URLs per sitemap, the protocol's limit.
const PER_SITEMAP: usize = 50_000;

pub fn void(app: &App) -> Response<Body> {
    answer_with(describe(app), "Accept")
}

fn describe(app: &App) -> Result<Response<Body>, Refusal> {
    let internal = |e: crate::store::StoreError| {
        Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
    };
    let base = app.config.base.as_str();
    let triples = app.store.len().map_err(internal)?;
    let versions = app.store.digests().map_err(internal)?;
    let mut works: Vec<&str> = versions
        .keys()
        .filter_map(|e| vocab::Base::work_of_expression(e))
        .collect();
    works.dedup();
    let mut ttl = format!(
        "@prefix void: <http://rdfs.org/ns/void#> .\n\
         @prefix dcat: <http://www.w3.org/ns/dcat#> .\n\
         @prefix dcterms: <http://purl.org/dc/terms/> .\n\
         @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n\n\
         <{base}/.well-known/void#dataset> a void:Dataset, dcat:Dataset ;\n\
         \x20   dcterms:title \"United Nations resolutions as linked open data\"@en ;\n\
         \x20   dcterms:description \"Resolutions and drafts of United Nations organs in Akoma Ntoso and RDF (ELI, UNDO, FRBR), converted by unakn.\"@en ;\n\
         \x20   dcterms:source <https://documents.un.org/> ;\n\
         \x20   dcterms:rightsHolder \"United Nations\" ;\n\
         \x20   void:sparqlEndpoint <{base}/sparql> ;\n\
         \x20   void:uriSpace \"{base}/akn/\" ;\n\
         \x20   void:triples {triples} ;\n\
         \x20   void:entities {works} ;\n\
         \x20   void:documents {documents} ;\n\
         \x20   void:vocabulary <{eli}>, <{undo}>, <{unakn}>, <http://purl.org/dc/terms/> ;\n\
         \x20   dcat:landingPage <{base}/> ;\n\
         \x20   dcat:distribution [ a dcat:Distribution ; dcat:accessURL <{base}/sparql> ;\n\
         \x20       dcterms:conformsTo <https://www.w3.org/TR/sparql11-protocol/> ] ;\n\
         \x20   dcat:distribution [ a dcat:Distribution ; dcat:accessURL <{base}/search> ;\n\
         \x20       dcterms:description \"Full-text search in six languages, as HTML or JSON.\"@en ] ;\n\
         \x20   void:rootResource <{base}/sitemap.xml>",
        works = works.len(),
        documents = versions.len(),
        eli = vocab::ELI,
        undo = vocab::undo::NAMESPACE,
        unakn = vocab::unakn::NAMESPACE,
    );
    if let Some(example) = works.first() {
        let _ = write!(ttl, " ;\n    void:exampleResource <{example}>");
    }
    ttl.push_str(" .\n");
    Ok(ok("text/turtle; charset=utf-8", ttl))
}

pub fn sitemap(app: &App, query: &str) -> Response<Body> {
    answer_with(sitemap_page(app, query), "Accept")
}

fn sitemap_page(app: &App, query: &str) -> Result<Response<Body>, Refusal> {
    let versions = app
        .store
        .digests()
        .map_err(|e| Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    let base = app.config.base.as_str();
    let page: Option<usize> = form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "page")
        .map(|(_, v)| {
            v.parse()
                .map_err(|_| Refusal::new(StatusCode::BAD_REQUEST, "page: a number"))
        })
        .transpose()?;
    let pages = versions.len().div_ceil(PER_SITEMAP).max(1);
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    match page {
        // More than one sitemap's worth: an index of the pages.
        None if pages > 1 => {
            xml.push_str("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            for n in 1..=pages {
                let _ = writeln!(
                    xml,
                    "<sitemap><loc>{}</loc></sitemap>",
                    escaped_text(&format!("{base}/sitemap.xml?page={n}"))
                );
            }
            xml.push_str("</sitemapindex>\n");
        }
        _ => {
            let n = page.unwrap_or(1);
            if n == 0 || n > pages {
                return Err(Refusal::new(
                    StatusCode::NOT_FOUND,
                    format!("no sitemap page {n}"),
                ));
            }
            xml.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            for expression in versions
                .keys()
                .skip((n - 1) * PER_SITEMAP)
                .take(PER_SITEMAP)
            {
                let _ = writeln!(xml, "<url><loc>{}</loc></url>", escaped_text(expression));
            }
            xml.push_str("</urlset>\n");
        }
    }
    Ok(ok("application/xml", xml))
}
