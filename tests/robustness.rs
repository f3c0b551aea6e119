//! Damaged input never panics: every sample, cut at many places and with lines removed, either
//! parses or is refused with a located error; what parses still writes valid-shaped AKN and RDF.

mod common;
use common::*;

fn inputs() -> Vec<(String, Vec<u8>)> {
    let mut v = Vec::new();
    for entry in std::fs::read_dir(root().join("samples")).unwrap() {
        let p = entry.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if name.ends_with(".md")
            || name.ends_with(".txt")
            || (name.ends_with(".xml") && !name.ends_with(".akn.xml"))
        {
            v.push((name, std::fs::read(&p).unwrap()));
        }
    }
    v
}

fn exercise(name: &str, bytes: &[u8]) {
    let result = std::panic::catch_unwind(|| match unakn::parse::parse(bytes) {
        Ok(w) => {
            let mut xml = Vec::new();
            unakn::akn::write(&w.value, &mut xml).unwrap();
            let _ = unakn::rdf::quads(&w.value, &unakn::vocab::Base::default());
        }
        Err(e) => assert!(
            e.span.start <= bytes.len() + 1,
            "{name}: error span out of range"
        ),
    });
    assert!(result.is_ok(), "{name}: panicked on {} bytes", bytes.len());
}

#[test]
fn truncated_inputs_never_panic() {
    for (name, bytes) in inputs() {
        let step = (bytes.len() / 150).max(1);
        for cut in (0..bytes.len()).step_by(step) {
            exercise(&format!("{name} cut at {cut}"), &bytes[..cut]);
        }
    }
}

#[test]
fn inputs_with_lines_removed_never_panic() {
    for (name, bytes) in inputs() {
        let text = String::from_utf8(bytes).unwrap();
        let lines: Vec<&str> = text.split('\n').collect();
        let step = (lines.len() / 60).max(1);
        for skip in (0..lines.len()).step_by(step) {
            let damaged: Vec<&str> = lines
                .iter()
                .enumerate()
                .filter(|(i, _)| i % step != skip % step || *i < skip)
                .map(|(_, l)| *l)
                .collect();
            exercise(
                &format!("{name} without every {step}th line from {skip}"),
                damaged.join("\n").as_bytes(),
            );
        }
    }
}
