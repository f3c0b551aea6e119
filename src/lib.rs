//! unakn: United Nations resolutions to Akoma Ntoso 3.0 XML and linked open data.
//!
//! The pipeline, one module per step:
//!
//! - [`parse`]: PDFs (their text layer with its typography), text (markdown or PDF page text)
//!   and AKN 3.0 (the UN's AKN4UN in any of its six languages) → [`model::Document`], with
//!   warnings;
//! - [`model`]: the document model, plain data;
//! - [`akn`]: model → Akoma Ntoso 3.0 XML in the UN's AKN4UN shape;
//! - [`vocab`]: IRIs and vocabulary terms, minted in one place;
//! - [`rdf`]: model → RDF quads (ELI, UNDO, FRBR), one named graph per expression;
//! - [`html`]: model → a readable HTML page;
//! - [`store`]: the embedded oxigraph store: load, replace, query;
//! - [`serve`]: the store over HTTP: SPARQL 1.1 Protocol and dereferenceable IRIs;
//! - [`catalogue`]: the example queries;
//! - [`diag`]: errors and warnings with file:line:column;
//! - [`eid`]: AKN eIds, shared by every writer that names portions;
//! - [`markup`]: escaping and markup shared by the XML and HTML writers;
//! - [`eval`]: agreement of a conversion with a reference AKN (the UN's own);
//! - [`schema`]: the OASIS AKN 3.0 XSD, carried inside, and validation against it;
//! - [`validate`]: AKN4UN profile checks the XSD cannot make.
//!
//! ```
//! let input = std::fs::read("samples/A_RES_77_213.md").unwrap();
//! let document = unakn::parse::parse(&input).unwrap().value;
//! assert_eq!(document.symbol, "A/RES/77/213");
//!
//! let mut xml = Vec::new();
//! unakn::akn::write(&document, &mut xml).unwrap();
//!
//! let base = unakn::vocab::Base::default();
//! let quads = unakn::rdf::quads(&document, &base);
//! let store = unakn::store::Store::memory().unwrap();
//! store.replace(&quads).unwrap();
//! let results = store
//!     .select("SELECT ?p WHERE { ?p <https://w3id.org/unakn#phrase> \"Urges\"@en }")
//!     .unwrap();
//! assert_eq!(results.rows.len(), 2); // operative paragraphs 5 and 13
//! ```

pub mod akn;
pub mod catalogue;
pub mod diag;
pub mod eid;
pub mod eval;
pub mod html;
pub mod markup;
pub mod model;
pub mod parse;
pub mod phrase;
pub mod rdf;
pub mod schema;
pub mod serve;
pub mod store;
pub mod symbol;
pub mod validate;
pub mod vocab;
pub mod xml;
