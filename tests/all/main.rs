//! The integration tests, one crate with a module per subject, so that the store (RocksDB
//! included) is linked into one test binary rather than one per file.

mod common;

mod akn;
mod cli;
mod corpus;
mod crash;
mod diff;
mod drafts;
mod html;
mod links;
mod mandates;
mod pdf;
mod properties;
mod rdf;
mod robustness;
mod samples;
mod search;
mod seed;
mod serve;
mod text;
