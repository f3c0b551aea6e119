//! The command line as users and other tools call it.

mod common;
use common::*;
use std::path::PathBuf;
use std::time::Duration;

fn scratch(name: &str) -> PathBuf {
    let dir = root().join("target/cli-tests").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Each hostile input of `samples/invalid/` gets exactly what its `.expected` file says: a
/// located error (exit 1, no output file), or warnings and a document (exit 0, XSD-valid),
/// summarised on the last line as `=> symbol: counts`. Each runs in bounded time and memory.
/// `UPDATE_SAMPLES=1` rewrites the `.expected` files for review.
#[test]
fn hostile_inputs_get_a_document_or_a_located_error() {
    let dir = scratch("invalid");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(root().join("samples/invalid"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.to_string_lossy().ends_with(".expected"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 40, "{} cases", cases.len());
    let update = std::env::var_os("UPDATE_SAMPLES").is_some();
    let mut valid = Vec::new();
    for case in cases {
        let name = case.file_name().unwrap().to_str().unwrap();
        let rel = format!("samples/invalid/{name}");
        let out_file = dir.join(format!("{name}.akn.xml"));
        let run = run_bounded(
            &["convert", &rel, "-v", "-o", out_file.to_str().unwrap()],
            Duration::from_secs(60),
        );
        let stderr = String::from_utf8_lossy(&run.output.stderr).into_owned();
        let got = match run.output.status.code() {
            Some(0) => {
                let doc = unakn::parse::parse(&std::fs::read(&out_file).unwrap())
                    .unwrap_or_else(|e| panic!("{rel}: our own output does not read back: {e}"))
                    .value;
                let paragraphs = count_paragraphs(&doc.body);
                valid.push(out_file.clone());
                format!(
                    "{stderr}=> {}: {} recitals, {paragraphs} paragraphs, {} footnotes\n",
                    doc.symbol,
                    doc.preamble.len(),
                    doc.footnotes.len()
                )
            }
            Some(1) => {
                assert!(!out_file.exists(), "{rel} left {}", out_file.display());
                assert_eq!(stderr.lines().count(), 1, "{rel}: one line of error");
                assert!(stderr.starts_with(&format!("{rel}:")), "{rel}: {stderr}");
                stderr
            }
            other => panic!("{rel}: exit {other:?}: {stderr}"),
        };
        // Generous bounds: a hang or a blow-up fails, ordinary variation does not.
        let size = std::fs::metadata(&case).unwrap().len();
        assert!(
            run.peak_kb < 200 * 1024 + 40 * size / 1024,
            "{rel}: {} MB peak for {size} bytes",
            run.peak_kb / 1024
        );
        let expected_file = case.with_file_name(format!("{name}.expected"));
        if update {
            std::fs::write(&expected_file, &got).unwrap();
        } else {
            assert_eq!(
                got,
                read(&expected_file),
                "{rel} (UPDATE_SAMPLES=1 to review)"
            );
        }
    }
    for f in &valid {
        let keep = conformance_dir().join(format!(
            "invalid-{}",
            f.file_name().unwrap().to_str().unwrap()
        ));
        std::fs::copy(f, keep).unwrap();
    }
    assert!(valid.len() >= 15);
}

fn count_paragraphs(blocks: &[unakn::model::Block]) -> usize {
    use unakn::model::Block;
    blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(_) => 1,
            Block::Section(s) => count_paragraphs(&s.blocks),
            Block::Recital(_) | Block::Text(_) | Block::Table(_) => 0,
        })
        .sum()
}

/// One bad input among good ones: nothing is written.
#[test]
fn a_batch_with_a_bad_input_writes_nothing() {
    let dir = scratch("batch-bad");
    let out = unakn(&[
        "convert",
        root().join("samples/A_RES_77_213.md").to_str().unwrap(),
        root().join("samples/invalid/latin1.txt").to_str().unwrap(),
        "-o",
        dir.join("out").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.join("out").join("A_RES_77_213.akn.xml").exists());
}

#[test]
fn convert_to_every_format() {
    let dir = scratch("formats");
    let seed = root().join("samples/A_RES_77_213.md");
    for (to, check) in [
        ("akn", "<akomaNtoso"),
        ("json", "\"symbol\": \"A/RES/77/213\""),
        ("ttl", "@prefix eli:"),
        ("nt", "<http://data.europa.eu/eli/ontology#cites>"),
        (
            "nq",
            "<http://localhost:7878/akn/un/statement/deliberation/unga/77-213/eng@> .",
        ),
        ("trig", "/77-213/eng@> {"),
        ("rdfxml", "<rdf:RDF"),
        ("jsonld", "\"@graph\""),
    ] {
        let out = unakn(&["convert", seed.to_str().unwrap(), "--to", to]);
        assert!(
            out.status.success(),
            "{to}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(check), "{to} lacks {check}");
    }
    // The format follows the output's extension.
    let ttl = dir.join("seed.ttl");
    assert!(unakn(&[
        "convert",
        seed.to_str().unwrap(),
        "-o",
        ttl.to_str().unwrap()
    ])
    .status
    .success());
    assert!(read(&ttl).contains("@prefix"));
}

#[test]
fn several_inputs_go_to_a_directory_named_after_their_stems() {
    let dir = scratch("several");
    let a = dir.join("A_RES_77_213.md");
    let b = dir.join("copy.md");
    std::fs::copy(root().join("samples/A_RES_77_213.md"), &a).unwrap();
    std::fs::copy(root().join("samples/A_RES_77_213.md"), &b).unwrap();
    let out_dir = dir.join("out");
    let out = unakn(&[
        "convert",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out_dir.join("A_RES_77_213.akn.xml").is_file());
    assert!(out_dir.join("copy.akn.xml").is_file());
}

#[test]
fn stdin_is_read_with_a_dash() {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_unakn"))
        .args(["convert", "-", "--to", "nt"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&std::fs::read(root().join("samples/A_RES_77_213.md")).unwrap())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"A/RES/77/213\""));
}

#[test]
fn query_in_memory_in_every_result_format() {
    let seed = root().join("samples/A_RES_77_213.md");
    let q = "SELECT ?n WHERE { ?p <https://w3id.org/unakn#phrase> \"Urges\"@en ; <http://data.europa.eu/eli/ontology#number> ?n } ORDER BY ?n";
    for (format, check) in [
        ("table", "| ?n"),
        ("json", "\"bindings\""),
        ("xml", "<sparql"),
        ("csv", "n\r\n13\r\n5"),
        ("tsv", "?n\n\"13\"\n\"5\""),
    ] {
        let out = unakn(&[
            "query",
            "--load",
            seed.to_str().unwrap(),
            q,
            "--format",
            format,
        ]);
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(check), "{format}: {text}");
    }
    let out = unakn(&["query", "--load", seed.to_str().unwrap(), "SELECT nonsense"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("SPARQL syntax"));
}

#[test]
fn demo_runs_the_catalogue() {
    let out = unakn(&["demo"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("16 recitals, 17 operative paragraphs, 6 footnotes"));
    assert!(text.contains("01_who_cites.rq"));
}

#[cfg(feature = "rocksdb")]
#[test]
fn load_then_query_a_persistent_store() {
    let dir = scratch("store");
    let store = dir.join("db");
    let seed = root().join("samples/A_RES_77_213.md");
    let first = unakn(&[
        "load",
        seed.to_str().unwrap(),
        "--store",
        store.to_str().unwrap(),
    ]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let again = unakn(&[
        "load",
        seed.to_str().unwrap(),
        "--store",
        store.to_str().unwrap(),
    ]);
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("(+0)"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    let out = unakn(&[
        "query",
        "--store",
        store.to_str().unwrap(),
        "--format",
        "csv",
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    ]);
    assert!(out.status.success());
    let n: usize = String::from_utf8_lossy(&out.stdout)
        .lines()
        .nth(1)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(n > 300);
}

/// The whole shared corpus (text and AKN, seven folders) loads into a RocksDB store; the one
/// file that is not well-formed is reported and skipped; loading again adds nothing.
#[cfg(feature = "rocksdb")]
#[test]
fn the_whole_corpus_loads_twice_into_rocksdb() {
    let Some(corpus) = corpus() else { return };
    let dir = scratch("corpus-store");
    let store = dir.join("db");
    let args = [
        "load",
        corpus.join("ga-78").to_str().unwrap(),
        corpus.join("ga-75-akn").to_str().unwrap(),
        "--store",
        store.to_str().unwrap(),
    ]
    .map(str::to_string);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let first = unakn(&args);
    let first_err = String::from_utf8_lossy(&first.stderr).to_string();
    assert_eq!(first.status.code(), Some(1), "{first_err}");
    assert!(first_err.contains("75_251_B_S.xml:"), "{first_err}");
    let quads = |stderr: &str| -> (usize, String) {
        let line = stderr
            .lines()
            .find(|l| l.starts_with("loaded "))
            .unwrap()
            .to_string();
        let n = line
            .split(": ")
            .nth(1)
            .unwrap()
            .split(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        (n, line)
    };
    let (n1, line1) = quads(&first_err);
    assert!(line1.contains("1 errors"), "{line1}");
    assert!(n1 > 1_000_000, "{line1}");
    let second = unakn(&args);
    let (n2, line2) = quads(&String::from_utf8_lossy(&second.stderr));
    assert_eq!(n1, n2, "{line2}");
    assert!(line2.contains("(+0)"), "{line2}");
}
