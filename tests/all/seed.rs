//! The seed resolution (A/RES/77/213 as markdown from a PDF converter) against the UN's own
//! AKN for it: metadata, every recital, operative paragraph and footnote.

use crate::common::*;
use unakn::model::*;

fn seed() -> Document {
    let bytes = std::fs::read(root().join("samples/A_RES_77_213.md")).unwrap();
    unakn::parse::parse(&bytes).expect("the seed parses").value
}

#[test]
fn masthead_and_adoption() {
    let doc = seed();
    assert_eq!(doc.symbol, "A/RES/77/213");
    assert_eq!(doc.number, "77/213");
    assert_eq!(doc.organ, Organ::GeneralAssembly);
    assert_eq!(doc.kind, DocumentKind::Resolution);
    let m = &doc.masthead;
    assert_eq!(m.organ_name.as_deref(), Some("General Assembly"));
    assert_eq!(m.distribution.as_deref(), Some("Distr.: General"));
    assert_eq!(
        m.issue_date,
        Some(Date {
            year: 2023,
            month: 1,
            day: 5
        })
    );
    assert_eq!(m.session, Some(77));
    assert_eq!(m.agenda_items.len(), 1);
    assert_eq!(m.agenda_items[0].number, "68 (b)");
    assert!(m.agenda_items[0]
        .title
        .as_deref()
        .unwrap()
        .starts_with("Promotion and protection of human rights: human rights questions"));
    assert_eq!(
        doc.adoption.date,
        Some(Date {
            year: 2022,
            month: 12,
            day: 15
        })
    );
    let origin = doc.adoption.origin.as_ref().unwrap();
    assert_eq!(origin.committee.as_deref(), Some("Third Committee"));
    assert_eq!(origin.document.as_deref(), Some("A/77/463/Add.2"));
    assert_eq!(origin.paragraph.as_deref(), Some("87"));
    assert_eq!(
        unakn::markup::plain_text(&doc.act.title),
        "Enhancement of international cooperation in the field of human rights"
    );
    assert_eq!(
        unakn::markup::plain_text(&doc.act.formula.as_ref().unwrap().text),
        "The General Assembly,"
    );
    let c = doc.act.conclusion.as_ref().unwrap();
    assert_eq!(c.meeting, "54th plenary meeting");
    assert_eq!(
        c.date,
        Some(Date {
            year: 2022,
            month: 12,
            day: 15
        })
    );
}

#[test]
fn structure_and_phrases() {
    let doc = seed();
    assert_eq!(doc.act.preamble.len(), 16);
    assert_eq!(doc.act.body.len(), 17);
    assert_eq!(doc.footnotes.len(), 6);
    let phrases: Vec<&str> = doc
        .act
        .preamble
        .iter()
        .map(|r| phrase_of(&r.text).unwrap_or(""))
        .collect();
    assert_eq!(
        &phrases[..4],
        [
            "Reaffirming its commitment",
            "Recalling",
            "Recalling also",
            "Recalling further"
        ]
    );
    let ops: Vec<(String, String)> = doc
        .act
        .body
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => (
                p.number.clone().unwrap(),
                phrase_of(&p.text).unwrap_or("").to_string(),
            ),
            other => panic!("unexpected block {other:?}"),
        })
        .collect();
    assert_eq!(ops[3], ("4".to_string(), "Also reaffirms".to_string()));
    assert_eq!(
        ops[10],
        ("11".to_string(), "Further emphasizes".to_string())
    );
    assert_eq!(ops[11], ("12".to_string(), "Calls upon".to_string()));
    // The paragraph cut by a footnote block is one paragraph again.
    let recital4 = unakn::markup::plain_text(&doc.act.preamble[3].text);
    assert!(
        recital4.contains("held in Geneva from 20 to 24 April 2009, and the political"),
        "{recital4}"
    );
}

#[test]
fn citations_resolve_to_symbols() {
    let doc = seed();
    let mut cited = Vec::new();
    let mut collect = |runs: &[Inline]| {
        for r in runs {
            if let Inline::Ref(c) = r {
                cited.push((c.text.clone(), c.symbol.clone()));
            }
        }
    };
    for r in &doc.act.preamble {
        collect(&r.text);
    }
    for f in &doc.footnotes {
        collect(&f.text);
    }
    let has = |text: &str, symbol: &str| cited.iter().any(|(t, s)| t == text && s == symbol);
    assert!(has("70/1", "A/RES/70/1"));
    assert!(has("76/159", "A/RES/76/159"));
    assert!(has("50/4", "A/HRC/RES/50/4"));
    assert!(has("55/2", "A/RES/55/2"));
    assert!(has("A/CONF.157/24 (Part I)", "A/CONF.157/24 (Part I)"));
    assert!(has("A/77/53", "A/77/53"));
    assert!(has("E/CN.4/2001/2-E/CN.4/Sub.2/2000/46", "E/CN.4/2001/2"));
    // The Subcommission's resolution 2000/22 is not a General Assembly resolution.
    assert!(!cited.iter().any(|(t, _)| t == "2000/22"));
}

/// Every recital, operative paragraph and footnote of our AKN equals the UN's, whitespace
/// normalised, and each footnote hangs from the same host.
#[test]
fn text_equals_the_uns_akn() {
    let Some(corpus) = corpus() else { return };
    let theirs = unakn::eval::extract(&read(&corpus.join("seed/A_RES_77_213_en.xml"))).unwrap();
    let mut xml = Vec::new();
    unakn::akn::write(&seed(), &mut xml).unwrap();
    std::fs::write(conformance_dir().join("A_RES_77_213.akn.xml"), &xml).unwrap();
    let ours = unakn::eval::extract(std::str::from_utf8(&xml).unwrap()).unwrap();
    assert_eq!(ours.recitals.len(), 16);
    assert_eq!(ours.recitals, theirs.recitals);
    assert_eq!(ours.paragraphs.len(), 17);
    assert_eq!(ours.paragraphs, theirs.paragraphs);
    assert_eq!(ours.footnotes.len(), 6);
    assert_eq!(ours.footnotes, theirs.footnotes);
}

#[test]
fn akn_validates_against_the_xsd() {
    let path = conformance_dir().join("seed-validate.akn.xml");
    let mut xml = Vec::new();
    unakn::akn::write(&seed(), &mut xml).unwrap();
    std::fs::write(&path, &xml).unwrap();
    assert_xsd_valid(&[path]);
}

#[test]
fn akn_shape_and_references() {
    let mut xml = Vec::new();
    unakn::akn::write(&seed(), &mut xml).unwrap();
    let xml = String::from_utf8(xml).unwrap();
    for needle in [
        r#"<statement name="resolution" contains="originalVersion">"#,
        r#"<FRBRthis value="/akn/un/statement/deliberation/unga/2022-12-15/77-213/!main"/>"#,
        r#"<FRBRuri value="/akn/un/statement/deliberation/unga/2022-12-15/77-213/"/>"#,
        r#"<FRBRuri value="/akn/un/statement/deliberation/unga/2022-12-15/77-213/eng@/"/>"#,
        r#"<FRBRuri value="/akn/un/statement/deliberation/unga/2022-12-15/77-213/eng@.xml"/>"#,
        r#"<FRBRlanguage language="eng"/>"#,
        r#"<formula name="enactingFormula" eId="formula_1">"#,
        r#"<container name="Recalling also" eId="container_3">"#,
        r#"<paragraph eId="para_7">"#,
        r#"<authorialNote marker="1" placement="bottom" eId="note_1">"#,
        r#"<ref href="https://undocs.org/A/RES/70/1">70/1</ref>"#,
        r##"<session value="77" refersTo="#generalAssembly">Seventy-seventh session</session>"##,
        r#"<inline name="adoptionMeeting">54th plenary meeting</inline>"#,
    ] {
        assert!(xml.contains(needle), "missing {needle}");
    }
    // Every local reference is declared: nothing dangles.
    let declared: Vec<&str> = xml
        .match_indices(" eId=\"")
        .map(|(i, _)| {
            let rest = &xml[i + 6..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect();
    for attr in ["refersTo=\"#", "href=\"#", "source=\"#", "as=\"#"] {
        for (i, _) in xml.match_indices(attr) {
            let rest = &xml[i + attr.len()..];
            let id = &rest[..rest.find('"').unwrap()];
            assert!(declared.contains(&id), "{attr}{id} is not declared");
        }
    }
    // eIds are unique.
    let mut sorted = declared.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), declared.len());
}

/// The same resolution from a converter that writes markdown footnotes (`[^1]`, `[^1]: ...`)
/// reads the same as with superscript digits.
#[test]
fn markdown_footnote_syntax_reads_the_same() {
    let original = read(&root().join("samples/A_RES_77_213.md"));
    let digit = |c: char| "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().position(|s| s == c);
    let mut converted = String::new();
    for line in original.split('\n') {
        let lead: String = line.chars().take_while(|&c| digit(c).is_some()).collect();
        if !lead.is_empty() {
            let n: String = lead
                .chars()
                .map(|c| char::from(b'0' + digit(c).unwrap() as u8))
                .collect();
            converted.push_str(&format!("[^{n}]:{}", &line[lead.len()..]));
        } else {
            let mut in_marker = false;
            for c in line.chars() {
                match digit(c) {
                    Some(d) => {
                        if !in_marker {
                            converted.push_str("[^");
                            in_marker = true;
                        }
                        converted.push(char::from(b'0' + d as u8));
                    }
                    None => {
                        if in_marker {
                            converted.push(']');
                            in_marker = false;
                        }
                        converted.push(c);
                    }
                }
            }
            if in_marker {
                converted.push(']');
            }
        }
        converted.push('\n');
    }
    let akn = |text: &str| {
        let mut xml = Vec::new();
        unakn::akn::write(
            &unakn::parse::parse(text.as_bytes()).unwrap().value,
            &mut xml,
        )
        .unwrap();
        unakn::eval::extract(std::str::from_utf8(&xml).unwrap()).unwrap()
    };
    assert!(converted.contains("[^1]: "));
    assert_eq!(akn(&converted), akn(&original));
}
