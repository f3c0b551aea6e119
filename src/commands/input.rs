//! Inputs of the subcommands: finding them, reading one, and the one policy every command that
//! takes several follows when some of them are bad.

use anyhow::{Context, Result};
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use unakn::diag::Located;
use unakn::model::Document;

/// One bad input, already located (`file:line:col: error[code]: ...`): exit code 1.
#[derive(Debug)]
pub struct BadInput(pub Located);

impl std::fmt::Display for BadInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}
impl std::error::Error for BadInput {}

/// Some inputs of a batch were bad, each already reported: exit code 1.
#[derive(Debug)]
pub struct BadInputs(pub String);

impl std::fmt::Display for BadInputs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for BadInputs {}

/// A batch of inputs under the one policy of every command that takes several (`convert`,
/// `load`, `query`/`serve`/`export`/`publish --load`, `eval`): an input that cannot be read or
/// converted is reported on a line of its own and skipped, the others go on, and once the
/// command has done what it could, [`Batch::finish`] makes its exit code 1.
pub struct Batch {
    bar: indicatif::ProgressBar,
    /// Inputs done.
    pub done: usize,
    /// Inputs reported and skipped.
    pub failed: usize,
}

impl Batch {
    /// A batch of `len` inputs, with a progress bar when standard error is a terminal and
    /// `progress` is asked for.
    pub fn new(len: usize, progress: bool) -> Self {
        let bar = if progress && std::io::stderr().is_terminal() {
            let bar = indicatif::ProgressBar::new(len as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:40} {pos}/{len} files {elapsed} {msg}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        } else {
            indicatif::ProgressBar::hidden()
        };
        Batch {
            bar,
            done: 0,
            failed: 0,
        }
    }

    /// Counts `n` inputs done.
    pub fn succeeded(&mut self, n: usize) {
        self.done += n;
        self.bar.inc(n as u64);
    }

    /// Reports a bad input on its own line and counts it.
    pub fn skip(&mut self, error: &anyhow::Error) {
        let line = error_line(error);
        self.bar.suspend(|| eprintln!("{line}"));
        self.failed += 1;
        self.bar.inc(1);
    }

    /// `330 converted, 1 failed`.
    pub fn summary(&self, verb: &str) -> String {
        format!("{} {verb}, {} failed", self.done, self.failed)
    }

    /// Takes the progress bar off the terminal.
    pub fn clear(&self) {
        self.bar.finish_and_clear();
    }

    /// The end of the batch: the policy's [`verdict`], with the summary as its message.
    pub fn finish(self, verb: &str) -> Result<()> {
        self.clear();
        verdict(self.failed, || self.summary(verb))
    }
}

/// The policy's verdict once a command has done what it could: an error (exit code 1, with
/// `message`) when any input was skipped.
pub fn verdict(failed: usize, message: impl FnOnce() -> String) -> Result<()> {
    if failed > 0 {
        return Err(BadInputs(message()).into());
    }
    Ok(())
}

/// How a failed input is told: its located line as is, anything else after the program's name.
pub fn error_line(error: &anyhow::Error) -> String {
    match error.downcast_ref::<BadInput>() {
        Some(bad) => bad.to_string(),
        None => format!("unakn: {error:#}"),
    }
}

/// Reads and parses one input (`-` is standard input); warnings go to standard error when
/// `verbose`. Returns the document and its warnings.
pub fn read_document(path: &Path, verbose: bool) -> Result<(Document, Vec<Located>)> {
    let name = path.display().to_string();
    let bytes = if name == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("reading standard input")?;
        buf
    } else {
        std::fs::read(path).with_context(|| format!("reading {name}"))?
    };
    match unakn::parse::parse_named(&name, &bytes) {
        Ok((document, diagnostics)) => {
            if verbose {
                for d in &diagnostics {
                    eprintln!("{d}");
                }
            }
            Ok((document, diagnostics))
        }
        Err(e) => Err(BadInput(e).into()),
    }
}

/// Whether a file found in a folder is an input unakn reads (by extension; the content decides
/// the format).
pub fn is_input(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "txt" | "md" | "xml" | "akn" | "pdf"
        )
    })
}

/// Files named, and the files of directories named (sorted), skipping hidden ones.
pub fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut stack = vec![input.clone()];
            let mut files = Vec::new();
            while let Some(dir) = stack.pop() {
                for entry in
                    std::fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))?
                {
                    let path = entry?.path();
                    let hidden = path
                        .file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with('.'));
                    if hidden {
                        continue;
                    }
                    if path.is_dir() {
                        stack.push(path);
                    } else {
                        files.push(path);
                    }
                }
            }
            files.sort();
            out.extend(files);
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}

/// The inputs of a batch: files named (read whatever their name) and the input files of folders
/// named; also how many other files the folders held, which are left alone.
pub fn input_files(inputs: &[PathBuf]) -> Result<(Vec<PathBuf>, usize)> {
    let mut files = Vec::new();
    let mut others = 0;
    for f in expand(inputs)? {
        if is_input(&f) || inputs.contains(&f) {
            files.push(f);
        } else {
            others += 1;
        }
    }
    Ok((files, others))
}
