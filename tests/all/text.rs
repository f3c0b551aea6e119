//! The text reader through the writers: structures read from text (lists inside a paragraph,
//! tables, parts, divisions) as the AKN and RDF writers render them and the AKN reader reads
//! them back.

use unakn::diag::Warned;
use unakn::model::*;

fn parse_text(text: &str) -> Result<Warned<Document>, unakn::diag::ParseError> {
    unakn::parse::parse_text(text)
}

/// A list numbered from 1 under a paragraph that introduces it with a colon is that
/// paragraph's items (A/RES/78/223, para. 11, a provisional agenda); the paragraph
/// numbering then resumes. A bare number on its own line takes the text below it, even
/// text opening like a recital (`Opening of the Congress.`).
#[test]
fn numbered_list_inside_a_paragraph() {
    let text = "General Assembly\nSeventy-eighth session\nAgenda item 8\n\n\
        Resolution adopted by the General Assembly on 7 December 2023\n\n\
        78/223. A title\n\nThe General Assembly,\n\nRecalling its resolution 77/1,\n\n\
        10. \nDecides to continue;\n\n\
        11. \nApproves the following provisional agenda:\n\n\n\
        1. \nOpening of the Congress.\n\n\n\
        2. \nOrganizational matters.\n\n\n\
        12. \nRequests a report.\n\n45th plenary meeting\n7 December 2023\n";
    let doc = parse_text(text).unwrap().value;
    let numbers: Vec<Option<&str>> = doc
        .act
        .body
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => p.number.as_deref(),
            _ => None,
        })
        .collect();
    assert_eq!(
        numbers,
        [Some("10"), Some("11"), Some("12")],
        "{:#?}",
        doc.act.body
    );
    let Block::Paragraph(p) = &doc.act.body[1] else {
        unreachable!()
    };
    let items: Vec<(String, String)> = p
        .items
        .iter()
        .map(|i| (i.printed_number(), unakn::markup::plain_text(&i.text)))
        .collect();
    assert_eq!(
        items,
        [
            ("1.".to_string(), "Opening of the Congress.".to_string()),
            ("2.".to_string(), "Organizational matters.".to_string())
        ]
    );
    let mut xml = Vec::new();
    unakn::akn::write(&doc, &mut xml).unwrap();
    let xml = String::from_utf8(xml).unwrap();
    assert!(
        xml.contains("<point eId=\"para_11__list_1__point_1\">"),
        "{xml}"
    );
    assert!(xml.contains("<num>1.</num>"));
    // Numbers at the ends of their range.
    let edges = text
        .replace("10. \nDecides", "4294967295. \nDecides")
        .replace("2. \nOrganizational", "0. \nOrganizational");
    assert!(parse_text(&edges).is_ok());
}

/// Markdown tables (as a PDF converter writes them, and as unakn's PDF reader does): rows
/// above the rule are headings; a second rule opens a second table; an escaped bar stays
/// in its cell; a footnote marker in a cell is placed there.
#[test]
fn markdown_tables() {
    let text =
        "General Assembly\n\nResolution adopted by the General Assembly on 22 December 2023\n\n\
        78/253. A title\n\nThe General Assembly,\n\nRecalling its resolution 77/1,\n\n\
        1. *Approves* the changes set out below:\n\n\
        | *Action* | *Title of post* | *Number* |\n\
        | --- | --- | ---: |\n\
        | New post | Legal Officer A\\|B | 1 |\n\
        | Total[^1] |  | 4 |\n\n\
        | *Level* | *Count* |\n\
        | --- | --- |\n\
        | P-4 | 2 |\n\n\
        2. *Decides* to continue.\n\n\
        [^1]: Net changes.\n\n\
        *45th plenary meeting\n22 December 2023*\n";
    fn tables_of(doc: &Document) -> Vec<&Table> {
        doc.act
            .body
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .collect()
    }
    let doc = parse_text(text).unwrap().value;
    let tables = tables_of(&doc);
    assert_eq!(tables.len(), 2, "{:#?}", doc.act.body);
    let cell = |t: &Table, r: usize, c: usize| unakn::markup::plain_text(&t.rows[r].cells[c].text);
    assert!(tables[0].rows[0].heading && !tables[0].rows[1].heading);
    assert_eq!(tables[0].rows.len(), 3);
    assert_eq!(cell(tables[0], 0, 1), "Title of post");
    assert_eq!(cell(tables[0], 1, 1), "Legal Officer A|B");
    assert!(tables[0].rows[2].cells[0]
        .text
        .iter()
        .any(|r| matches!(r, Inline::NoteRef { .. })));
    assert_eq!(cell(tables[0], 2, 1), "");
    assert_eq!(tables[1].rows.len(), 2);
    assert_eq!(cell(tables[1], 1, 0), "P-4");
    // The paragraphs around the tables are untouched.
    assert_eq!(
        doc.act
            .body
            .iter()
            .filter(|b| matches!(b, Block::Paragraph(_)))
            .count(),
        2
    );
    // The AKN holds them as tables (the XSD is checked on the samples' and corpus' AKN).
    let mut xml = Vec::new();
    unakn::akn::write(&doc, &mut xml).unwrap();
    let xml = String::from_utf8(xml).unwrap();
    assert_eq!(xml.matches("<table ").count(), 2);
    assert_eq!(xml.matches("<th>").count(), 5);
    // A rule twice under one row leaves one table, not an empty one.
    let doubled = text.replace("| --- | --- |\n", "| --- | --- |\n| --- | --- |\n");
    let doc = parse_text(&doubled).unwrap().value;
    let tables = tables_of(&doc);
    assert_eq!(tables.len(), 2);
    assert!(tables.iter().all(|t| !t.rows.is_empty()));
}

/// A multi-part resolution: each part (`A`, `B`) is a resolution of its own, with its
/// title, formula, recitals, paragraphs and meeting line; written as a documentCollection
/// and read back the same.
#[test]
fn multi_part_resolution() {
    let text = "General Assembly\nSeventy-eighth session\nAgenda item 8\n\n\
        Resolutions adopted by the General Assembly on 7 December 2023\n\n\
        78/80. Questions relating to information\n\nA\n\nInformation in the service of humanity\n\n\
        The General Assembly,\n\nTaking note of the report of the Committee,\n\n\
        1. Urges all countries to cooperate;\n\n2. Decides to continue.\n\n\
        45th plenary meeting\n7 December 2023\n\nB\n\n\
        United Nations global communications policies and activities\n\n\
        The General Assembly,\n\nReaffirming its primary role,\n\n1. Requests the Secretary-General to act.\n\n\
        46th plenary meeting\n7 December 2023\n";
    let doc = parse_text(text).unwrap().value;
    assert_eq!(doc.symbol, "A/RES/78/80");
    assert_eq!(
        doc.adoption.date,
        Some(Date {
            year: 2023,
            month: 12,
            day: 7
        })
    );
    assert!(doc.act.body.is_empty() && doc.act.preamble.is_empty() && doc.act.formula.is_none());
    let parts: Vec<(&str, String, usize, usize, Option<&str>)> = doc
        .parts
        .iter()
        .map(|p| {
            assert!(p.act.formula.is_some(), "{p:#?}");
            (
                p.number.as_str(),
                unakn::markup::plain_text(&p.act.title),
                p.act.preamble.len(),
                p.act.body.len(),
                p.act.conclusion.as_ref().map(|c| c.meeting.as_str()),
            )
        })
        .collect();
    assert_eq!(
        parts,
        [
            (
                "A",
                "Information in the service of humanity".to_string(),
                1,
                2,
                Some("45th plenary meeting")
            ),
            (
                "B",
                "United Nations global communications policies and activities".to_string(),
                1,
                1,
                Some("46th plenary meeting")
            ),
        ]
    );
    let mut xml = Vec::new();
    unakn::akn::write(&doc, &mut xml).unwrap();
    let xml = String::from_utf8(xml).unwrap();
    assert!(xml.contains("<documentCollection name=\"resolution\""));
    assert!(xml.contains("href=\"#cmpnt_B\""));
    assert!(xml.contains("/akn/un/statement/deliberation/unga/2023-12-07/78-80B/"));
    assert!(unakn::validate::profile(&xml).is_empty());
    // Read back, the parts are the same.
    let back = unakn::parse::parse_akn(&xml).unwrap().value;
    let strip = |d: &Document| -> Vec<(String, usize, usize, Option<String>)> {
        d.parts
            .iter()
            .map(|p| {
                (
                    p.number.clone(),
                    p.act.preamble.len(),
                    p.act.body.len(),
                    p.act.conclusion.as_ref().map(|c| c.meeting.clone()),
                )
            })
            .collect()
    };
    assert_eq!(strip(&back), strip(&doc));
    // In the graph each part is a work of its own, part of the whole.
    let quads = unakn::rdf::quads(&doc, &unakn::vocab::Base::default());
    let has_part = quads
        .iter()
        .filter(|q| q.predicate.as_str().ends_with("#has_part"))
        .map(|q| q.object.to_string())
        .filter(|o| o.ends_with("78-80A>") || o.ends_with("78-80B>"))
        .count();
    assert_eq!(has_part, 2);
}

/// The sections of a list of blocks, with their kind, number and heading.
fn headings_of(blocks: &[Block]) -> Vec<(SectionKind, String, String)> {
    let mut out = Vec::new();
    for b in blocks {
        if let Block::Section(s) = b {
            out.push((
                s.kind,
                s.number.clone().unwrap_or_default(),
                unakn::markup::plain_text(&s.heading),
            ));
            out.extend(headings_of(&s.blocks));
        }
    }
    out
}

/// A heading's number alone on its line (`II`, `III.`), its title on the next, opens a
/// section, in the operative part as in an annex; the annex title stops before it.
#[test]
fn heading_numbers_on_their_own_line() {
    let text = "General Assembly\nSeventy-eighth session\n\n\
        Resolution adopted by the General Assembly on 7 December 2023\n\n\
        78/90. A title\n\nThe General Assembly,\n\nRecalling its resolution 77/1,\n\n\
        I\nAchieving sustainable fisheries\n\n1. Reaffirms its commitment;\n\n\
        II\n\nImplementation of the Agreement\n\n2. Welcomes the accession;\n\n\
        45th plenary meeting\n7 December 2023\n\nAnnex\n\nPolitical Declaration\n\n\
        III.\nOur shared commitment\n\n1. We reaffirm our commitment.\n";
    let doc = parse_text(text).unwrap().value;
    assert_eq!(doc.act.preamble.len(), 1);
    let s = |kind, n: &str, h: &str| (kind, n.to_string(), h.to_string());
    assert_eq!(
        headings_of(&doc.act.body),
        [
            s(SectionKind::Section, "I", "Achieving sustainable fisheries"),
            s(
                SectionKind::Section,
                "II",
                "Implementation of the Agreement"
            ),
        ]
    );
    assert_eq!(
        unakn::markup::plain_text(&doc.act.annexes[0].title),
        "Political Declaration"
    );
    assert_eq!(
        headings_of(&doc.act.annexes[0].blocks),
        [s(SectionKind::Section, "III", "Our shared commitment")]
    );
}

/// Rules of procedure: `Rule 27` alone on its line (even right after a sentence), its title
/// on the next, or both on one bold line, is a rule under the section open, written as an
/// AKN `rule`; `Article 5` an article.
#[test]
fn rules_and_articles_are_divisions_of_their_own() {
    let text = "General Assembly\nSeventy-eighth session\n\n\
        Resolution adopted by the General Assembly on 7 December 2023\n\n\
        78/91. A title\n\nThe General Assembly,\n\n1. Approves the rules annexed.\n\n\
        45th plenary meeting\n7 December 2023\n\nAnnex\n\nProvisional rules of procedure\n\n\
        I.\nRepresentation and credentials\n\nRule 1\nComposition of delegations\n\n\
        The delegation of each State shall consist of a head of delegation.\n\
        Rule 2\nAlternates and advisers\n\nThe head of delegation may designate an alternate.\n\n\
        Rule 3 Credentials\n\nThe credentials shall be submitted.\n\n\
        Article 5\n\nThe Parties shall cooperate.\n";
    let doc = parse_text(text).unwrap().value;
    let s = |kind, n: &str, h: &str| (kind, n.to_string(), h.to_string());
    assert_eq!(
        headings_of(&doc.act.annexes[0].blocks),
        [
            s(SectionKind::Section, "I", "Representation and credentials"),
            s(SectionKind::Rule, "Rule 1", "Composition of delegations"),
            s(SectionKind::Rule, "Rule 2", "Alternates and advisers"),
            s(SectionKind::Rule, "Rule 3", "Credentials"),
            s(SectionKind::Article, "Article 5", ""),
        ]
    );
    let mut xml = Vec::new();
    unakn::akn::write(&doc, &mut xml).unwrap();
    let xml = String::from_utf8(xml).unwrap();
    assert!(xml.contains("<rule eId=\"att_1__sec_I__rule_2\">"), "{xml}");
    assert!(xml.contains("<num>Rule 2</num>"));
    assert!(xml.contains("<article eId=\"att_1__sec_I__art_5\">"));
    // Read back, rules and articles are the same divisions.
    let back = unakn::parse::parse_akn(&xml).unwrap().value;
    assert_eq!(
        headings_of(&back.act.annexes[0].blocks),
        headings_of(&doc.act.annexes[0].blocks)
    );
}

/// A convention annexed whole: its `Preamble` is a section of its own (not part of the
/// annex title), chapters hold articles, and text ending with a colon introduces the items
/// under it as an unnumbered paragraph.
#[test]
fn convention_annex() {
    let text = "General Assembly\nSeventy-ninth session\n\n\
        Resolution adopted by the General Assembly on 24 December 2024\n\n\
        79/243. A convention\n\nThe General Assembly,\n\n1. Adopts the Convention annexed.\n\n\
        55th plenary meeting\n24 December 2024\n\nAnnex\n\nA Convention\n\nPreamble\n\n\
        The States Parties to this Convention,\n\nNoting the potential of technologies,\n\n\
        Have agreed as follows:\n\nChapter I\nGeneral provisions\n\nArticle 1\nStatement of purpose\n\n\
        The purposes of this Convention are to:\n\n(a) Promote measures;\n\n(b) Promote cooperation.\n\n\
        Chapter II\nCriminalization\n\nArticle 7\nIllegal access\n\n1. Each State Party shall act.\n";
    let doc = parse_text(text).unwrap().value;
    let annex = &doc.act.annexes[0];
    assert_eq!(unakn::markup::plain_text(&annex.title), "A Convention");
    let s = |kind, n: &str, h: &str| (kind, n.to_string(), h.to_string());
    assert_eq!(
        headings_of(&annex.blocks),
        [
            s(SectionKind::Section, "", "Preamble"),
            s(SectionKind::Chapter, "Chapter I", "General provisions"),
            s(SectionKind::Article, "Article 1", "Statement of purpose"),
            s(SectionKind::Chapter, "Chapter II", "Criminalization"),
            s(SectionKind::Article, "Article 7", "Illegal access"),
        ]
    );
    let Block::Section(chapter) = &annex.blocks[1] else {
        panic!("{:#?}", annex.blocks)
    };
    let Block::Section(article) = &chapter.blocks[0] else {
        panic!("{:#?}", chapter.blocks)
    };
    let Block::Paragraph(p) = &article.blocks[0] else {
        panic!("{:#?}", article.blocks)
    };
    assert_eq!(p.number, None);
    assert_eq!(
        unakn::markup::plain_text(&p.text),
        "The purposes of this Convention are to:"
    );
    assert_eq!(p.items.len(), 2);
}
