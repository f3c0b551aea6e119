//! The command line as users and other tools call it.

use crate::common::*;
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
                let paragraphs = count_paragraphs(&doc.act.body);
                valid.push(out_file.clone());
                format!(
                    "{stderr}=> {}: {} recitals, {paragraphs} paragraphs, {} footnotes\n",
                    doc.symbol,
                    doc.act.preamble.len(),
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

/// Error lines of a run's standard error that name one of `bad` (`file:line:col: error[...]`).
fn reported<'a>(stderr: &'a str, bad: &[String]) -> Vec<&'a str> {
    stderr
        .lines()
        .filter(|l| bad.iter().any(|b| l.starts_with(&format!("{b}:"))))
        .collect()
}

/// A folder mixing good and bad inputs: every good one converted, each output whole; one error
/// line per bad one, a summary, exit 1.
#[test]
fn a_batch_converts_every_input_it_can() {
    let dir = scratch("batch-bad");
    let (folder, bad) = mixed_folder(&dir);
    let out_dir = dir.join("out");
    let out = unakn(&[
        "convert",
        folder.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(reported(&stderr, &bad).len(), 3, "{stderr}");
    assert!(
        stderr.contains(": error[xml]: not well-formed XML"),
        "{stderr}"
    );
    assert!(
        stderr.contains("latin1.txt:2:2: error[encoding]"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().last(), Some("unakn: 3 converted, 3 failed"));
    let mut written: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(
        written,
        [
            "A_RES_77_213.akn.xml",
            "A_RES_77_213_fr.akn.xml",
            "A_RES_78_10.akn.xml"
        ]
    );
    // Each output is what converting its input alone gives.
    let alone = unakn(&["convert", folder.join("A_RES_78_10.txt").to_str().unwrap()]);
    assert_eq!(
        std::fs::read(out_dir.join("A_RES_78_10.akn.xml")).unwrap(),
        alone.stdout
    );
    assert_xsd_valid(&[out_dir.join("A_RES_77_213_fr.akn.xml")]);

    // A tree keeps its shape, so that the same name in two folders gives two outputs; two
    // inputs that would still write one output: the second is reported, not written over.
    let tree = dir.join("tree");
    for folder in ["English", "French"] {
        std::fs::create_dir_all(tree.join(folder)).unwrap();
        std::fs::copy(
            root().join("samples/A_RES_78_10.txt"),
            tree.join(folder).join("78_10.txt"),
        )
        .unwrap();
    }
    let tree_out = dir.join("tree-out");
    unakn_ok(&[
        "convert",
        tree.to_str().unwrap(),
        "-o",
        tree_out.to_str().unwrap(),
    ]);
    assert!(tree_out.join("English/78_10.akn.xml").is_file());
    assert!(tree_out.join("French/78_10.akn.xml").is_file());
    let out = unakn(&[
        "convert",
        tree.join("English/78_10.txt").to_str().unwrap(),
        tree.join("French/78_10.txt").to_str().unwrap(),
        "-o",
        dir.join("flat").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("French/78_10.txt: not written: its output")
    );

    // To standard output: the good documents one after the other.
    let out = unakn(&["convert", folder.to_str().unwrap(), "--to", "nt"]);
    assert_eq!(out.status.code(), Some(1));
    let nt = String::from_utf8_lossy(&out.stdout);
    for symbol in ["\"A/RES/77/213\"", "\"A/RES/78/10\""] {
        assert!(nt.contains(symbol), "{symbol}");
    }
    // All good: a summary and exit 0.
    let good = unakn(&[
        "convert",
        folder.join("A_RES_78_10.txt").to_str().unwrap(),
        folder.join("A_RES_77_213.md").to_str().unwrap(),
        "-o",
        dir.join("good").to_str().unwrap(),
    ]);
    assert!(good.status.success());
    assert_eq!(
        String::from_utf8_lossy(&good.stderr).trim(),
        "unakn: 2 converted, 0 failed"
    );
}

/// `query --load` and `export --load` under the same policy: their output comes from the good
/// inputs, each bad one gets its line, exit 1.
#[test]
fn query_and_export_skip_bad_inputs() {
    let dir = scratch("batch-query");
    let (folder, bad) = mixed_folder(&dir);
    let out = unakn(&[
        "query",
        "--load",
        folder.to_str().unwrap(),
        "--format",
        "tsv",
        "SELECT DISTINCT ?s WHERE { ?w <http://purl.org/dc/terms/identifier> ?s ; \
         a <http://data.europa.eu/eli/ontology#Work> } ORDER BY ?s",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(reported(&stderr, &bad).len(), 3, "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("\"A/RES/77/213\"") && stdout.contains("\"A/RES/78/10\""),
        "{stdout}"
    );

    let file = dir.join("all.nq");
    let out = unakn(&[
        "export",
        "-o",
        file.to_str().unwrap(),
        "--load",
        folder.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        reported(&String::from_utf8_lossy(&out.stderr), &bad).len(),
        3
    );
    let nq = read(&file);
    // The three good documents' graphs, whole.
    let store = unakn::store::Store::memory().unwrap();
    let quads: Vec<oxigraph::model::Quad> =
        oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NQuads)
            .for_slice(nq.as_bytes())
            .collect::<Result<_, _>>()
            .unwrap();
    store.replace(&quads).unwrap();
    let expressions = store.graphs().unwrap();
    let expressions = expressions.iter().filter(|g| g.as_str().ends_with('@'));
    assert_eq!(expressions.count(), 3);
}

/// `validate` and `eval` check the XSD the binary carries, from any working directory.
#[test]
fn the_schema_travels_with_the_binary() {
    if !have("xmllint", &["--version"]) {
        return;
    }
    let dir = scratch("elsewhere");
    let good = root().join("samples/A_RES_77_213.akn.xml");
    // Well-formed, and the profile has nothing against it, but the schema has no `prefacio`.
    let bad = dir.join("bad.akn.xml");
    std::fs::write(
        &bad,
        read(&good)
            .replace("<preface>", "<prefacio>")
            .replace("</preface>", "</prefacio>"),
    )
    .unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_unakn"))
            .args(args)
            .current_dir(&dir)
            .output()
            .unwrap()
    };
    let out = run(&["validate", good.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        !stderr.contains("cannot be checked") && !stderr.contains("skipped"),
        "{stderr}"
    );
    let out = run(&["validate", "bad.akn.xml"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("bad.akn.xml:") && stderr.contains("prefacio"),
        "{stderr}"
    );
    assert!(stderr.contains("bad.akn.xml fails to validate"), "{stderr}");

    // eval measures XSD validity too, here and elsewhere.
    let texts = dir.join("texts");
    std::fs::create_dir_all(&texts).unwrap();
    std::fs::copy(
        root().join("samples/A_RES_78_10.txt"),
        texts.join("A_RES_78_10.txt"),
    )
    .unwrap();
    let reference = dir.join("akn");
    std::fs::create_dir_all(&reference).unwrap();
    std::fs::copy(
        root().join("samples/A_RES_78_10_en.xml"),
        reference.join("A_RES_78_10-2323443E.xml"),
    )
    .unwrap();
    let out = run(&["eval", "texts", "akn"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("XSD-valid          1/1 (100.0%)"),
        "{stdout}"
    );
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
    unakn_ok(&[
        "convert",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
    ]);
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
#[cfg(feature = "rocksdb")]
fn demo_runs_the_catalogue_over_a_reopened_store_on_disk() {
    let dir = scratch("demo");
    let store = dir.join("store");
    let out = unakn_ok(&["demo", "--store", store.to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("16 recitals, 17 operative paragraphs, 6 footnotes"));
    assert!(text.contains("01_who_cites.rq"));
    // The default build persists: the store was reopened, and what it holds stays on disk.
    assert!(
        text.contains("store on disk (RocksDB)")
            && text.contains("closed and reopened, 6870 quads in 30 graphs"),
        "{text}"
    );
    let again = unakn(&[
        "query",
        "--store",
        store.to_str().unwrap(),
        "--format",
        "tsv",
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    ]);
    assert_eq!(
        String::from_utf8_lossy(&again.stdout).lines().nth(1),
        Some("6870")
    );
    // Without --store, the demo's temporary store is removed at the end.
    let out = unakn(&["demo"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text.lines().find(|l| l.contains("store on disk")).unwrap();
    let temporary = line
        .split(" in ")
        .nth(1)
        .unwrap()
        .split(':')
        .next()
        .unwrap();
    assert!(!std::path::Path::new(temporary).exists(), "{temporary}");
}

#[cfg(feature = "rocksdb")]
#[test]
fn load_then_query_a_persistent_store() {
    let dir = scratch("store");
    let store = dir.join("db");
    let seed = root().join("samples/A_RES_77_213.md");
    unakn_ok(&[
        "load",
        seed.to_str().unwrap(),
        "--store",
        store.to_str().unwrap(),
    ]);
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
