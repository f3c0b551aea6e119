//! `unakn validate`: the OASIS XSD (embedded; checked through xmllint) and the AKN4UN profile.

use super::input::expand;
use super::input::BadInputs;
use anyhow::{Context, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use unakn::diag::Located;

pub fn validate(inputs: &[PathBuf], schema: Option<&Path>) -> Result<()> {
    let files = expand(inputs)?;
    let mut errors = 0usize;
    let mut stderr = std::io::stderr().lock();
    for path in &files {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).with_context(|| format!("reading {name}"))?;
        let text = match unakn::parse::sniff(&bytes) {
            Ok((_, text)) => text,
            Err(e) => {
                errors += 1;
                writeln!(stderr, "{}", Located::of_error(&name, &bytes, &e))?;
                continue;
            }
        };
        let lines = unakn::diag::LineIndex::new(&bytes);
        for d in unakn::validate::profile(text) {
            if d.severity == unakn::diag::Severity::Error {
                errors += 1;
            }
            writeln!(stderr, "{}", Located::of_diagnostic(&name, &lines, &d))?;
        }
    }
    match unakn::schema::validate_files(&files, schema) {
        // xmllint prints `file:line: message` itself.
        Ok(report) => {
            errors += report.invalid.len();
            for line in &report.messages {
                writeln!(stderr, "{line}")?;
            }
        }
        Err(e) => writeln!(stderr, "unakn: {e}")?,
    }
    if errors > 0 {
        return Err(BadInputs(format!("{errors} error(s) in {} file(s)", files.len())).into());
    }
    Ok(())
}
