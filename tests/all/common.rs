//! Helpers shared by the integration tests.
#![allow(dead_code)]

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

/// Validates files against the AKN XSD the project carries; returns the failures, or `None`
/// (the check skips) when xmllint is missing outside CI.
pub fn xsd_failures(files: &[PathBuf]) -> Option<Vec<String>> {
    match unakn::schema::validate_files(files, None) {
        Ok(report) => Some(report.messages),
        Err(e) => {
            assert!(!required(), "UNAKN_REQUIRE_ALL is set but {e}");
            eprintln!("skipped: {e}");
            None
        }
    }
}

pub fn assert_xsd_valid(files: &[PathBuf]) {
    if let Some(failures) = xsd_failures(files) {
        assert!(
            failures.is_empty(),
            "{} invalid, e.g. {:#?}",
            failures.len(),
            &failures[..failures.len().min(10)]
        );
    }
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

/// Runs the unakn binary.
pub fn unakn(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_unakn"))
        .args(args)
        .output()
        .expect("unakn runs")
}

/// [`unakn`], which must succeed: a failure shows its stderr.
pub fn unakn_ok(args: &[&str]) -> std::process::Output {
    let out = unakn(args);
    assert!(
        out.status.success(),
        "unakn {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Each file read as `unakn load` reads it: its quads as a store keeps them, the AKN included.
pub fn stored_quads(
    files: &[impl AsRef<Path>],
    base: &unakn::vocab::Base,
) -> Vec<Vec<oxigraph::model::Quad>> {
    files
        .iter()
        .map(|f| {
            let f = f.as_ref();
            let doc = unakn::parse::parse(&std::fs::read(f).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", f.display()))
                .value;
            unakn::store::quads_with_manifestation(&doc, base).unwrap()
        })
        .collect()
}

/// The files of a folder, sorted.
pub fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// The files of a folder with the given extension, sorted.
#[allow(dead_code)]
pub fn files_with_extension(dir: &Path, extension: &str) -> Vec<PathBuf> {
    files_in(dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect()
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A finished child: its output, and the peak resident memory seen while it ran (kB).
pub struct BoundedRun {
    pub output: std::process::Output,
    pub peak_kb: u64,
}

/// Runs unakn from the crate root, killing it past `limit` (the test then fails: a hang), and
/// samples its peak memory (`VmHWM`) while it runs.
pub fn run_bounded(args: &[&str], limit: std::time::Duration) -> BoundedRun {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_unakn"))
        .current_dir(root())
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("unakn starts");
    let status_file = format!("/proc/{}/status", child.id());
    // Read the pipes on threads so a chatty child never blocks on a full pipe.
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out_thread = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = stdout.read_to_end(&mut v);
        v
    });
    let err_thread = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = stderr.read_to_end(&mut v);
        v
    });
    let started = std::time::Instant::now();
    let mut peak_kb = 0;
    let status = loop {
        if let Ok(s) = std::fs::read_to_string(&status_file) {
            if let Some(kb) = s
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<u64>().ok())
            {
                peak_kb = peak_kb.max(kb);
            }
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("unakn {args:?} ran past {limit:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    BoundedRun {
        output: std::process::Output {
            status,
            stdout: out_thread.join().unwrap(),
            stderr: err_thread.join().unwrap(),
        },
        peak_kb,
    }
}

/// Agreement of a set of conversions with the UN's AKN of session 78, summed.
#[allow(dead_code)]
pub struct Totals {
    pub strict: unakn::eval::Agreement,
    /// The same with non-breaking hyphens (U+2011) read as plain ones.
    pub relaxed: unakn::eval::Agreement,
    pub meta_exact: usize,
    pub paired: usize,
    /// Our AKN files, for the XSD.
    pub written: Vec<PathBuf>,
}

/// Converts inputs (name, bytes: text or PDF), writes their AKN into `out_dir` and compares
/// each with the UN's AKN of the same symbol, as `unakn eval` does.
#[allow(dead_code)]
pub fn agreement_with_the_un(
    corpus: &Path,
    inputs: &[(String, Vec<u8>)],
    out_dir: &Path,
) -> Totals {
    use unakn::eval::{compare, extract, Agreement};
    let mut reference = std::collections::HashMap::new();
    for path in files_in(&corpus.join("ga-78/akn")) {
        if let Ok(x) = extract(&std::fs::read_to_string(&path).unwrap_or_default()) {
            if let Some(s) = x.symbol.clone() {
                reference.insert(s, x);
            }
        }
    }
    std::fs::create_dir_all(out_dir).unwrap();
    let mut totals = Totals {
        strict: Agreement::default(),
        relaxed: Agreement::default(),
        meta_exact: 0,
        paired: 0,
        written: Vec::new(),
    };
    for (name, bytes) in inputs {
        let doc = unakn::parse::parse(bytes)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .value;
        let mut xml = Vec::new();
        unakn::akn::write(&doc, &mut xml).unwrap();
        let file = out_dir.join(format!("{name}.akn.xml"));
        std::fs::write(&file, &xml).unwrap();
        totals.written.push(file);
        let ours = extract(std::str::from_utf8(&xml).unwrap()).unwrap();
        if let Some(theirs) = reference.get(&doc.symbol) {
            totals.paired += 1;
            let a = compare(&ours, theirs);
            totals.meta_exact += usize::from(a.metadata.is_full());
            totals.strict.add(a);
            totals.relaxed.add(compare(
                &ours.with_plain_hyphens(),
                &theirs.with_plain_hyphens(),
            ));
        }
    }
    totals
}

/// A folder as users' folders come: three good inputs (markdown, page text, the UN's AKN), three
/// bad ones (not well-formed XML, Latin-1 text, an empty file) and a file that is not an input.
/// Returns the folder and the bad inputs' paths as they will be reported.
pub fn mixed_folder(dir: &Path) -> (PathBuf, Vec<String>) {
    let folder = dir.join("mixed");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    for good in ["A_RES_77_213.md", "A_RES_78_10.txt", "A_RES_77_213_fr.xml"] {
        std::fs::copy(root().join("samples").join(good), folder.join(good)).unwrap();
    }
    let mut bad = Vec::new();
    for name in ["akn-not-well-formed.xml", "latin1.txt", "empty.txt"] {
        std::fs::copy(root().join("samples/invalid").join(name), folder.join(name)).unwrap();
        bad.push(folder.join(name).display().to_string());
    }
    std::fs::write(folder.join("notes.csv"), "not,an,input\n").unwrap();
    (folder, bad)
}
