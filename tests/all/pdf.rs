//! PDF input: the 328 official PDFs of session 78 convert, validate against the XSD and agree
//! with the UN's own AKN at least as well as the page text extracted from the same PDFs (the
//! text route), with opening phrases taken from the italics. Skips when ../shared/corpus is
//! absent, except in CI.

use crate::common::*;

fn inputs(dir: &std::path::Path, extension: &str) -> Vec<(String, Vec<u8>)> {
    files_with_extension(dir, extension)
        .into_iter()
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().to_string();
            (name, std::fs::read(&p).unwrap())
        })
        .collect()
}

#[test]
fn every_ga78_pdf_converts_validates_and_agrees_at_least_as_well_as_its_text() {
    let Some(corpus) = corpus() else { return };
    let pdfs = inputs(&corpus.join("ga-78/pdf"), "pdf");
    assert_eq!(pdfs.len(), 328);
    let texts = inputs(&corpus.join("ga-78/text"), "txt");
    let out = conformance_dir();
    let pdf = agreement_with_the_un(&corpus, &pdfs, &out.join("ga-78-pdf"));
    let text = agreement_with_the_un(&corpus, &texts, &out.join("ga-78-text-beside-pdf"));
    assert!(pdf.paired >= 320, "only {} PDFs paired", pdf.paired);
    assert_eq!(pdf.meta_exact, pdf.paired, "metadata exact in every PDF");
    let (p, t) = (&pdf.relaxed, &text.relaxed);
    // Every measure at least the text route's, and the floors of EVALUATION.md.
    for (what, got, text_route, floor) in [
        ("recitals", p.recitals.percent(), t.recitals.percent(), 99.8),
        (
            "paragraphs",
            p.paragraphs.percent(),
            t.paragraphs.percent(),
            99.7,
        ),
        ("sub-items", p.items.percent(), t.items.percent(), 99.7),
        (
            "footnotes",
            p.footnotes.percent(),
            t.footnotes.percent(),
            99.0,
        ),
        (
            "footnote hosts",
            p.footnote_hosts.percent(),
            t.footnote_hosts.percent(),
            98.9,
        ),
        (
            "opening phrases",
            p.phrases.percent(),
            t.phrases.percent(),
            99.9,
        ),
        ("words in order", p.words.percent(), t.words.percent(), 99.8),
        // Tables are read from the PDF's geometry (page text has one cell per line).
        ("table rows", p.table_rows.percent(), 0.0, 96.0),
    ] {
        assert!(got >= floor, "PDF {what}: {got:.2}% < {floor}%");
        assert!(
            got >= text_route,
            "PDF {what}: {got:.2}% < text route {text_route:.2}%"
        );
    }
    assert_xsd_valid(&pdf.written);
}

/// The reader keeps what the typography says: italic opening phrases, raised footnote
/// markers attached where they stand, footnotes from the foot of their page.
#[test]
fn a_pdf_reads_with_its_typography() {
    let pdf = std::fs::read(root().join("samples/pdf/A_RES_78_10.pdf")).unwrap();
    let read = unakn::parse::pdf_text(&pdf).unwrap();
    assert!(read.text.contains("*Recalling also* its resolution 48/11"));
    assert!(read
        .text
        .contains("United Nations Millennium Declaration[^2] of an appeal"));
    assert!(read.text.contains("[^2]: Resolution 55/2."));
    assert!(!read.text.contains("23-23443"), "job number removed");
    assert_eq!(read.page_starts.len(), 5);
    let doc = unakn::parse::parse(&pdf).unwrap().value;
    assert_eq!(doc.symbol, "A/RES/78/10");
    let mut xml = Vec::new();
    unakn::akn::write(&doc, &mut xml).unwrap();
    let xml = String::from_utf8(xml).unwrap();
    assert!(xml.contains(
        ">Building a peaceful and better world through sport and the Olympic ideal</docTitle>"
    ));
}

/// Bold paragraphs are headings: the rules of procedure annexed to A/RES/78/128 ("Rule 2" and
/// its title, set in bold) become rules with their headings, and their text stays under them.
#[test]
fn bold_lines_become_headings() {
    let Some(corpus) = corpus() else { return };
    let pdf = std::fs::read(corpus.join("ga-78/pdf/A_RES_78_128.pdf")).unwrap();
    let read = unakn::parse::pdf_text(&pdf).unwrap();
    assert!(read.text.contains("\n# Rule 2 Alternates and advisers\n"));
    let doc = unakn::parse::parse(&pdf).unwrap().value;
    let mut xml = Vec::new();
    unakn::akn::write(&doc, &mut xml).unwrap();
    let xml = String::from_utf8(xml).unwrap();
    assert_eq!(xml.matches("<rule eId=").count(), 68);
    let at = xml.find("<num>Rule 2</num>").expect("rule 2 is a rule");
    let heading = xml[at..].find("<heading>").unwrap();
    assert!(
        heading < 60
            && xml[at + heading..].starts_with("<heading>Alternates and advisers</heading>"),
        "{}",
        &xml[at..at + 200]
    );
    assert!(
        xml[at..]
            .find("The head of delegation may designate")
            .unwrap()
            < 400
    );
    // A bold lead-in ending in a colon stays a paragraph.
    let pdf = std::fs::read(corpus.join("ga-78/pdf/A_RES_78_3.pdf")).unwrap();
    let doc = unakn::parse::parse(&pdf).unwrap().value;
    let mut xml = Vec::new();
    unakn::akn::write(&doc, &mut xml).unwrap();
    let xml = String::from_utf8(xml).unwrap();
    assert!(!xml.contains("<heading>As a follow-up to the present political declaration, we:"));
    assert!(xml.contains("As a follow-up to the present political declaration, we:"));
}
