//! The subcommands of the `unakn` binary, one file each.

pub mod bench;
pub mod convert;
pub mod demo;
pub mod eval;
pub mod export;
pub mod load;
pub mod serve;
pub mod validate;
