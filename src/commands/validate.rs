//! `unakn validate`: the XSD (through xmllint) and the AKN4UN profile.

use crate::*;

/// Validates `files` against the XSD with xmllint: the lines it prints other than "validates",
/// or `None` when the schema or xmllint is missing.
pub fn xmllint(schema: &Path, files: &[PathBuf]) -> Result<Option<Vec<String>>> {
    if !schema.is_file() || !which("xmllint") {
        return Ok(None);
    }
    let mut problems = Vec::new();
    for chunk in files.chunks(100) {
        let o = std::process::Command::new("xmllint")
            .args(["--noout", "--nonet", "--schema"])
            .arg(schema)
            .args(chunk)
            .output()?;
        problems.extend(
            String::from_utf8_lossy(&o.stderr)
                .lines()
                .filter(|l| !l.ends_with(" validates"))
                .map(str::to_string),
        );
    }
    Ok(Some(problems))
}

pub fn which(tool: &str) -> bool {
    std::process::Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

pub fn validate(inputs: &[PathBuf], schema: &Path) -> Result<()> {
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
        for d in unakn::validate::profile(text) {
            if d.severity == unakn::diag::Severity::Error {
                errors += 1;
            }
            writeln!(stderr, "{}", Located::of_diagnostic(&name, &bytes, &d))?;
        }
    }
    match xmllint(schema, &files)? {
        // xmllint prints `file:line: message` itself.
        Some(problems) => {
            for line in problems {
                if line.ends_with(" fails to validate") {
                    errors += 1;
                }
                writeln!(stderr, "{line}")?;
            }
        }
        None => writeln!(
            stderr,
            "unakn: XSD validation skipped ({} or xmllint missing)",
            schema.display()
        )?,
    }
    if errors > 0 {
        return Err(BadInputs(format!("{errors} error(s) in {} file(s)", files.len())).into());
    }
    Ok(())
}
