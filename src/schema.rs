//! The OASIS Akoma Ntoso 3.0 schema, carried inside the library, and validation against it.
//!
//! No well-kept Rust crate validates XML Schema 1.0 in-process (the bindings to libxml2 need
//! the C library installed), so validation runs `xmllint` from libxml2 over the embedded
//! schema, written out to a private temporary folder for the run. Without `xmllint` the
//! answer says so ([`XsdError::NoValidator`]); it never claims a check it did not make.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `akomantoso30.xsd`: Akoma Ntoso Version 1.0 Part 2, OASIS Standard of 29 August 2018
/// (Copyright (c) OASIS Open 2018; its notice is kept in the file).
pub const AKOMANTOSO30_XSD: &str = include_str!("../schemas/akn/akomantoso30.xsd");
/// `xml.xsd`: the W3C schema of the `xml:` attributes, imported by the AKN schema.
pub const XML_XSD: &str = include_str!("../schemas/akn/xml.xsd");

/// Files given to one xmllint run.
const CHUNK: usize = 200;

/// Why files could not be checked against the schema.
#[derive(Debug, thiserror::Error)]
pub enum XsdError {
    #[error("the XSD cannot be checked: xmllint is not installed (Debian package libxml2-utils)")]
    NoValidator,
    #[error("the XSD check failed to run: {0}")]
    Io(#[from] std::io::Error),
}

/// What xmllint found: the files that fail, and every line it printed about them
/// (`file:line: element x: Schemas validity error : ...`).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct XsdReport {
    pub checked: usize,
    pub invalid: Vec<PathBuf>,
    pub messages: Vec<String>,
}

impl XsdReport {
    pub fn valid(&self) -> usize {
        self.checked - self.invalid.len()
    }
}

/// Whether xmllint can be run.
pub fn have_validator() -> bool {
    Command::new("xmllint")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Validates `files` against the embedded AKN schema, or against `schema` when given.
pub fn validate_files(files: &[PathBuf], schema: Option<&Path>) -> Result<XsdReport, XsdError> {
    if !have_validator() {
        return Err(XsdError::NoValidator);
    }
    let written;
    let xsd = match schema {
        Some(path) => path,
        None => {
            written = Written::new()?;
            written.main.as_path()
        }
    };
    let mut report = XsdReport {
        checked: files.len(),
        ..XsdReport::default()
    };
    for chunk in files.chunks(CHUNK) {
        let output = Command::new("xmllint")
            .args(["--noout", "--nonet", "--schema"])
            .arg(xsd)
            .args(chunk)
            .output()?;
        for line in String::from_utf8_lossy(&output.stderr).lines() {
            if line.ends_with(" validates") {
                continue;
            }
            if let Some(file) = line.strip_suffix(" fails to validate") {
                report.invalid.push(PathBuf::from(file));
            }
            report.messages.push(line.to_string());
        }
    }
    Ok(report)
}

/// The embedded schema written out for one run, removed when dropped.
struct Written {
    dir: PathBuf,
    main: PathBuf,
}

impl Written {
    fn new() -> std::io::Result<Self> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static RUN: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "unakn-xsd-{}-{}",
            std::process::id(),
            RUN.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir)?;
        let written = Written {
            main: dir.join("akomantoso30.xsd"),
            dir,
        };
        // Imported by the main schema as `./xml.xsd`.
        std::fs::write(written.dir.join("xml.xsd"), XML_XSD)?;
        std::fs::write(&written.main, AKOMANTOSO30_XSD)?;
        Ok(written)
    }
}

impl Drop for Written {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
