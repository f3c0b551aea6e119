//! unakn: United Nations resolutions to Akoma Ntoso 3.0 XML and linked open data.
//!
//! Three floors; no module imports from a floor above its own, nor from a sibling on its floor
//! (readers never call writers, writers never call readers or each other).
//!
//! The model and the small shared pieces, used by everything above:
//! - [`model`]: the document model, plain data;
//! - [`symbol`]: UN document symbols, found, normalised and minted;
//! - [`eid`]: AKN eIds, by which every writer names portions;
//! - [`vocab`]: IRIs, minted in one place, and a constant for every RDF term written;
//! - [`diag`]: errors and warnings with file:line:column, and the one list of their codes;
//! - [`fingerprint`]: FNV-1a, the fingerprint of stored texts;
//! - [`interface`]: the words of the pages people read, in the six languages;
//! - [`xml`]: the bounded element tree the AKN reader and the profile checks read;
//! - [`markup`]: escaping and markup for the XML and HTML writers;
//! - [`ordinal`]: ordinal numbers as printed (`eighty-first`), an organ's sessions;
//! - [`phrase`]: the grammar of the opening phrases of recitals and operative paragraphs;
//! - [`mandate`]: who the operative paragraphs ask to do what, and by when;
//! - [`validate`]: AKN4UN profile checks the XSD cannot make;
//! - [`schema`]: the OASIS AKN 3.0 XSD, carried inside, and validation against it.
//!
//! Readers and writers, siblings:
//! - [`parse`]: PDFs (their text layer with its typography), text (markdown or PDF page text)
//!   and AKN 3.0 (the UN's AKN4UN in any of its six languages) → [`model::Document`], with
//!   warnings;
//! - [`akn`]: model → Akoma Ntoso 3.0 XML in the UN's AKN4UN shape;
//! - [`rdf`]: model → RDF quads (ELI, UNDO, FRBR), one named graph per expression;
//! - [`html`]: model → a readable HTML page.
//!
//! What stands on both:
//! - [`store`]: the embedded oxigraph store: load, replace, query;
//! - [`search`]: full-text search in six languages beside the store, kept in line with it;
//! - [`serve`]: the store over HTTP: SPARQL 1.1 Protocol and dereferenceable IRIs;
//! - [`catalogue`]: the example queries;
//! - [`eval`]: agreement of a conversion with a reference AKN (the UN's own);
//! - [`link`]: drafts linked to the acts adopted from them, on the evidence of both;
//! - [`diff`]: what changed between two texts, paragraph by paragraph and word by word.
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

// The model and the shared pieces.
pub mod diag;
pub mod eid;
pub mod fingerprint;
pub mod interface;
pub mod mandate;
pub mod markup;
pub mod model;
pub mod ordinal;
pub mod phrase;
pub mod schema;
pub mod symbol;
pub mod validate;
pub mod vocab;
pub mod xml;

// Readers and writers.
pub mod akn;
pub mod html;
pub mod parse;
pub mod rdf;

// On both.
pub mod catalogue;
pub mod diff;
pub mod eval;
pub mod link;
pub mod search;
pub mod serve;
pub mod store;
