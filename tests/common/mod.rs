//! Helpers shared by the integration tests.
#![allow(dead_code)]

use quick_xml::events::Event;
use quick_xml::Reader;
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Whether CI demands that optional tools and the shared corpus be present.
fn required() -> bool {
    std::env::var_os("UNAKN_REQUIRE_ALL").is_some()
}

/// The shared corpus, or `None` (the test then skips) when absent outside CI.
pub fn corpus() -> Option<PathBuf> {
    let dir = root().join("../shared/corpus");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        !required(),
        "UNAKN_REQUIRE_ALL is set but ../shared/corpus is missing"
    );
    eprintln!("skipped: ../shared/corpus is absent");
    None
}

/// `tool` is on PATH; otherwise the test skips (or fails under UNAKN_REQUIRE_ALL).
pub fn have(tool: &str, probe: &[&str]) -> bool {
    let ok = Command::new(tool)
        .args(probe)
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            !required(),
            "UNAKN_REQUIRE_ALL is set but {tool} is missing"
        );
        eprintln!("skipped: {tool} is not installed");
    }
    ok
}

/// The official AKN schema.
pub fn schema() -> Option<PathBuf> {
    let xsd = root().join("../shared/schemas/akn/akomantoso30.xsd");
    if xsd.is_file() {
        Some(xsd)
    } else {
        assert!(
            !required(),
            "UNAKN_REQUIRE_ALL is set but the AKN schema is missing"
        );
        None
    }
}

/// Validates files against the AKN XSD with xmllint; returns the failures.
pub fn xsd_failures(files: &[PathBuf]) -> Option<Vec<String>> {
    let xsd = schema()?;
    if !have("xmllint", &["--version"]) {
        return None;
    }
    let mut failures = Vec::new();
    for chunk in files.chunks(200) {
        let out = Command::new("xmllint")
            .args(["--noout", "--nonet", "--schema"])
            .arg(&xsd)
            .args(chunk)
            .output()
            .expect("xmllint runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        failures.extend(
            stderr
                .lines()
                .filter(|l| !l.ends_with(" validates"))
                .map(str::to_string),
        );
    }
    Some(failures)
}

/// Where tests leave the AKN they write, for the conformance step of `tests/run.sh`.
pub fn conformance_dir() -> PathBuf {
    let dir = root().join("target/conformance");
    std::fs::create_dir_all(&dir).expect("create target/conformance");
    dir
}

/// Whitespace collapsed and trimmed.
pub fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The texts of an AKN document that the UN's files and ours must agree on.
#[derive(Debug, Default)]
pub struct AknTexts {
    pub recitals: Vec<String>,
    /// (number as printed, text without the number and without footnotes)
    pub paragraphs: Vec<(String, String)>,
    /// (marker, text, host: "recital N" or "paragraph NUM")
    pub footnotes: Vec<(String, String, String)>,
}

/// Reads recitals, top-level operative paragraphs and footnotes from AKN XML.
pub fn akn_texts(xml: &str) -> AknTexts {
    let mut reader = Reader::from_str(xml);
    let mut texts = AknTexts::default();
    let mut stack: Vec<String> = Vec::new();
    let mut block: Option<(String, String)> = None; // (host, text)
    let mut para_num: Option<String> = None;
    let mut note: Option<(String, String)> = None;
    let mut in_num = false;
    let mut num_text = String::new();
    loop {
        match reader.read_event().expect("well-formed AKN") {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).to_string();
                let attr = |k: &str| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == k.as_bytes())
                        .map(|a| a.unescape_value().unwrap_or_default().to_string())
                };
                let parent = stack.last().map(String::as_str);
                match name.as_str() {
                    "container" if parent == Some("preamble") => {
                        block = Some((
                            format!("recital {}", texts.recitals.len() + 1),
                            String::new(),
                        ))
                    }
                    "paragraph" if parent == Some("mainBody") => {
                        block = Some((String::new(), String::new()));
                        para_num = None;
                    }
                    "num"
                        if parent == Some("paragraph")
                            && stack.len() >= 2
                            && stack[stack.len() - 2] == "mainBody" =>
                    {
                        in_num = true;
                        num_text.clear();
                    }
                    "authorialNote" => {
                        note = Some((attr("marker").unwrap_or_default(), String::new()))
                    }
                    _ => {}
                }
                stack.push(name);
            }
            Event::End(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).to_string();
                stack.pop();
                let parent = stack.last().map(String::as_str);
                match name.as_str() {
                    "num" if in_num => {
                        in_num = false;
                        para_num = Some(num_text.trim().trim_end_matches('.').to_string());
                    }
                    "authorialNote" => {
                        if let Some((marker, text)) = note.take() {
                            let host = block.as_ref().map(|(h, _)| h.clone()).unwrap_or_default();
                            let host = if host.is_empty() {
                                format!("paragraph {}", para_num.clone().unwrap_or_default())
                            } else {
                                host
                            };
                            texts.footnotes.push((marker, norm(&text), host));
                        }
                    }
                    "container" if parent == Some("preamble") => {
                        if let Some((_, text)) = block.take() {
                            texts.recitals.push(norm(&text));
                        }
                    }
                    "paragraph" if parent == Some("mainBody") => {
                        if let Some((_, text)) = block.take() {
                            texts
                                .paragraphs
                                .push((para_num.take().unwrap_or_default(), norm(&text)));
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                let s = t.unescape().unwrap_or_default().to_string();
                if in_num {
                    num_text.push_str(&s);
                } else if let Some((_, text)) = note.as_mut() {
                    text.push_str(&s);
                } else if let Some((_, text)) = block.as_mut() {
                    text.push_str(&s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    texts
}

/// Runs the unakn binary.
pub fn unakn(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_unakn"))
        .args(args)
        .output()
        .expect("unakn runs")
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
