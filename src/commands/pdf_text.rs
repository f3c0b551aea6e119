//! `unakn pdf-text`: the text layer of a PDF as the reader sees it.

use super::input::BadInput;
use anyhow::{Context, Result};
use std::path::Path;
use unakn::diag::{Located, Place, Severity};

/// Prints one paragraph per line, `*italics*`, `[^n]` footnote markers and footnotes.
pub fn pdf_text(input: &Path) -> Result<()> {
    let name = input.display().to_string();
    let bytes = std::fs::read(input).with_context(|| format!("reading {name}"))?;
    let read = unakn::parse::pdf_text(&bytes).map_err(|e| {
        BadInput(Located::new(
            &name,
            Place::Whole,
            Severity::Error,
            e.code,
            &e.message,
        ))
    })?;
    print!("{}", read.text);
    Ok(())
}
