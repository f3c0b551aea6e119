//! The shared corpus as the everyday test bed: every session-78 text converts, validates
//! against the XSD, and agrees with the UN's own AKN at least as well as recorded in
//! EVALUATION.md (a drop is a regression). Skips when ../shared/corpus is absent, except in CI.

use crate::common::*;

/// Converts texts (name, content), writes their AKN into `out_dir`, and checks the agreement
/// with the UN's AKN against the floors of EVALUATION.md, rounded down: a drop is a regression.
fn check_agreement(
    corpus: &std::path::Path,
    texts: &[(String, String)],
    out_dir: &std::path::Path,
) {
    let inputs: Vec<(String, Vec<u8>)> = texts
        .iter()
        .map(|(n, t)| (n.clone(), t.clone().into_bytes()))
        .collect();
    let Totals {
        strict: total,
        relaxed,
        meta_exact,
        paired,
        written,
    } = agreement_with_the_un(corpus, &inputs, out_dir);
    assert!(
        paired >= 320,
        "only {paired} texts paired with the UN's AKN"
    );
    let floor = [
        (
            "metadata exact",
            100.0 * meta_exact as f64 / paired as f64,
            100.0,
        ),
        ("recitals (U+2011 as -)", relaxed.recitals.percent(), 99.6),
        (
            "paragraphs (U+2011 as -)",
            relaxed.paragraphs.percent(),
            99.4,
        ),
        ("sub-items (U+2011 as -)", relaxed.items.percent(), 99.7),
        ("recitals", total.recitals.percent(), 91.5),
        ("paragraphs", total.paragraphs.percent(), 90.3),
        ("footnotes", total.footnotes.percent(), 98.7),
        ("footnote hosts", total.footnote_hosts.percent(), 97.8),
        // Page text holds a table one cell per line: tables of figures are read (A/RES/78/249,
        // 252), tables with text in several columns (78/253) are not.
        ("table rows", total.table_rows.percent(), 60.0),
    ];
    for (what, got, min) in floor {
        assert!(
            got >= min,
            "{}: {what}: {got:.2}% < {min}%",
            out_dir.display()
        );
    }
    assert_xsd_valid(&written);
}

/// The session-78 texts as given (PyMuPDF's page text: pages joined by an empty line, blank
/// lines of spaces, running headers over several lines).
fn ga78_texts(corpus: &std::path::Path) -> Vec<(String, String)> {
    let texts: Vec<(String, String)> = files_in(&corpus.join("ga-78/text"))
        .into_iter()
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().to_string(),
                read(&p),
            )
        })
        .collect();
    assert_eq!(texts.len(), 328);
    texts
}

#[test]
fn every_ga78_text_converts_validates_and_agrees_with_the_un() {
    let Some(corpus) = corpus() else { return };
    check_agreement(
        &corpus,
        &ga78_texts(&corpus),
        &conformance_dir().join("ga-78"),
    );
}

/// Another tool's layout of the same pages: each running header on one line
/// (`A/RES/78/10   Building ...   23-23443   2/5`), as `pdftotext -layout` writes them.
#[test]
fn one_line_running_headers_agree_as_well() {
    let Some(corpus) = corpus() else { return };
    let texts: Vec<(String, String)> = ga78_texts(&corpus)
        .into_iter()
        .map(|(name, text)| (name, one_line_headers(&text)))
        .collect();
    check_agreement(
        &corpus,
        &texts,
        &conformance_dir().join("ga-78-one-line-headers"),
    );
}

fn is_counter(t: &str) -> bool {
    t.trim().split_once('/').is_some_and(|(a, b)| {
        !a.is_empty()
            && !b.is_empty()
            && a.bytes().all(|c| c.is_ascii_digit())
            && b.bytes().all(|c| c.is_ascii_digit())
    })
}

/// Joins each header block (the lines after a page join, up to the page counter and the job
/// number after it) into one line.
fn one_line_headers(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].is_empty() && i > 0 {
            let mut block = Vec::new();
            let mut j = i + 1;
            let mut found = false;
            while j < lines.len() && j < i + 12 {
                let t = lines[j].trim();
                if !t.is_empty() {
                    block.push(t.to_string());
                }
                if is_counter(lines[j]) {
                    found = true;
                    let next = lines.get(j + 1).map_or("", |l| l.trim());
                    if next.len() >= 8
                        && next.as_bytes()[2] == b'-'
                        && next[..2].bytes().all(|c| c.is_ascii_digit())
                    {
                        block.push(next.to_string());
                        j += 1;
                    }
                    break;
                }
                j += 1;
            }
            if found {
                out.push(String::new());
                out.push(block.join("   "));
                i = j + 1;
                continue;
            }
        }
        out.push(lines[i].to_string());
        i += 1;
    }
    out.join("\n")
}

/// The words of an AKN file's text nodes and attribute-free content, split at spaces, hyphens,
/// dashes and slashes, keeping those that contain a letter.
fn words(text: &str) -> Vec<String> {
    // Punctuation splits too, so that a marker glued to a word (`Development,3`, `Peoples2`)
    // does not hide the word; trailing digits are markers or codes, kept on neither side.
    text.split(|c: char| c.is_whitespace() || (!c.is_alphanumeric() && c != '\''))
        .map(|w| w.trim_end_matches(|c: char| c.is_ascii_digit()).to_string())
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect()
}

fn akn_words(xml: &str) -> Vec<String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    let mut in_meta = false;
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) if e.local_name().as_ref() == b"meta" => in_meta = true,
            Event::End(e) if e.local_name().as_ref() == b"meta" => in_meta = false,
            Event::Text(t) if !in_meta => out.extend(words(&t.unescape().unwrap())),
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// No text is lost: every word of every input line that was not reported as page furniture
/// is in the AKN output (as often as in the input), and each line's words in their order.
#[test]
fn every_word_of_every_ga78_text_reaches_the_akn() {
    let Some(corpus) = corpus() else { return };
    let mut lost = Vec::new();
    let mut out_of_order = Vec::new();
    let mut lines_checked = 0usize;
    let mut total = 0usize;
    let texts = files_in(&corpus.join("ga-78/text"));
    for path in texts {
        let bytes = std::fs::read(&path).unwrap();
        let input = String::from_utf8(bytes.clone()).unwrap();
        let parsed = unakn::parse::parse(&bytes).unwrap();
        let removed: Vec<(usize, usize)> = parsed
            .diagnostics
            .iter()
            .filter(|d| d.code == unakn::diag::Code::Furniture)
            .map(|d| (d.span.start, d.span.end))
            .collect();
        // The lines kept (not furniture), with their line number and words.
        let mut kept: Vec<(usize, Vec<String>)> = Vec::new();
        let mut offset = 0;
        for (number, line) in input.split_inclusive('\n').enumerate() {
            let start = offset;
            offset += line.len();
            if !removed
                .iter()
                .any(|&(s, e)| s <= start && start < e.max(s + 1))
            {
                kept.push((number + 1, words(line)));
            }
        }
        let mut expected: std::collections::HashMap<String, i64> = Default::default();
        for w in kept.iter().flat_map(|(_, words)| words) {
            *expected.entry(w.clone()).or_insert(0) += 1;
            total += 1;
        }
        let mut xml = Vec::new();
        unakn::akn::write(&parsed.value, &mut xml).unwrap();
        let written = akn_words(std::str::from_utf8(&xml).unwrap());
        for w in &written {
            *expected.entry(w.clone()).or_insert(0) -= 1;
        }
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        // In order: the words of each kept line follow one another in the AKN (footnotes
        // placed at their markers may come between them).
        let mut at: std::collections::HashMap<&str, Vec<usize>> = Default::default();
        for (i, w) in written.iter().enumerate() {
            at.entry(w.as_str()).or_default().push(i);
        }
        for (number, line_words) in &kept {
            if line_words.len() < 2 {
                continue;
            }
            lines_checked += 1;
            let follows = |from: usize| {
                let window = &written[from..written.len().min(from + 4 * line_words.len() + 400)];
                let mut rest = line_words.iter().skip(1).peekable();
                for w in window.iter().skip(1) {
                    if rest.peek() == Some(&w) {
                        rest.next();
                    }
                }
                rest.peek().is_none()
            };
            let starts = at
                .get(line_words[0].as_str())
                .map_or(&[][..], Vec::as_slice);
            if !starts.iter().any(|&p| follows(p)) {
                out_of_order.push(format!("{name}:{number}"));
            }
        }
        lost.extend(
            expected
                .into_iter()
                .filter(|(_, n)| *n > 0)
                .map(|(w, n)| format!("{name}: {w} ×{n}")),
        );
    }
    assert!(lines_checked > 20_000, "{lines_checked} lines");
    assert!(
        out_of_order.is_empty(),
        "{} of {lines_checked} lines not found in order, e.g. {:#?}",
        out_of_order.len(),
        &out_of_order[..out_of_order.len().min(40)]
    );
    lost.sort();
    assert!(
        lost.is_empty(),
        "{} of {total} words lost, e.g. {:#?}",
        lost.len(),
        &lost[..lost.len().min(40)]
    );
}

/// Another extraction tool's layout (pdftotext: pages end in a form feed, blank lines are
/// empty) gives the same document as PyMuPDF's (pages joined by an empty line, blank lines of
/// spaces).
#[test]
fn a_pdftotext_layout_reads_the_same() {
    let Some(corpus) = corpus() else { return };
    let mut differ = Vec::new();
    let texts = files_in(&corpus.join("ga-78/text"));
    for path in texts {
        let original = read(&path);
        let variant = original
            .split('\n')
            .map(|l| {
                if l.is_empty() {
                    "\u{c}"
                } else if l.trim().is_empty() {
                    ""
                } else {
                    l
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
            .replace("\n\u{c}\n", "\u{c}");
        let akn_of = |text: &str| {
            let doc = unakn::parse::parse(text.as_bytes()).unwrap().value;
            let mut xml = Vec::new();
            unakn::akn::write(&doc, &mut xml).unwrap();
            unakn::eval::extract(std::str::from_utf8(&xml).unwrap()).unwrap()
        };
        if akn_of(&original) != akn_of(&variant) {
            differ.push(path.file_name().unwrap().to_string_lossy().to_string());
        }
    }
    assert!(
        differ.is_empty(),
        "{} read differently: {differ:?}",
        differ.len()
    );
}

/// A load of many batches, read, stored and indexed at once, brings in every input: in memory
/// without a search index (`export --load`) and into a store with one (`load`).
#[test]
fn a_load_of_many_batches_keeps_every_document() {
    let Some(corpus) = corpus() else { return };
    let texts = corpus.join("ga-78/text");
    let expected = std::fs::read_dir(&texts)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "txt")
        })
        .count();
    assert!(expected > 300, "{expected} texts: fewer than three batches");
    let dir = root().join("target/corpus-tests/many-batches");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();

    // Each run must succeed; its standard output is what it answered.
    let run = |args: &[&str]| String::from_utf8_lossy(&unakn_ok(args).stdout).into_owned();

    let nq = dir.join("all.nq");
    run(&[
        "export",
        "-o",
        nq.to_str().unwrap(),
        "--load",
        texts.to_str().unwrap(),
    ]);
    let works: std::collections::HashSet<String> = read(&nq)
        .lines()
        .filter(|l| l.contains("<http://data.europa.eu/eli/ontology#is_realized_by>"))
        .map(|l| l.split(' ').next().unwrap().to_string())
        .collect();
    assert_eq!(works.len(), expected, "in memory");

    let store = dir.join("store");
    let store = store.to_str().unwrap();
    run(&["load", "--store", store, texts.to_str().unwrap()]);
    let listed: serde_json::Value =
        serde_json::from_str(&run(&["search", "--store", store, "--json"])).unwrap();
    assert_eq!(listed["groups"].as_u64(), Some(expected as u64), "indexed");
    let counted = run(&[
        "query",
        "--store",
        store,
        "--format",
        "tsv",
        "SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE { GRAPH ?g { ?w <http://data.europa.eu/eli/ontology#is_realized_by> ?e } }",
    ]);
    let stored: Vec<&str> = counted.lines().skip(1).collect();
    assert_eq!(stored, [expected.to_string()], "stored");
}
