//! The subcommands of the `unakn` binary, one file each.

pub mod bench;
pub mod convert;
pub mod demo;
pub mod diff;
pub mod eval;
pub mod export;
pub mod input;
pub mod link;
pub mod load;
pub mod mandates;
pub mod pdf_text;
pub mod publish;
pub mod query;
pub mod remove;
pub mod search;
pub mod serve;
pub mod validate;
pub mod warnings;
