//! Resolutions that adopt an instrument, each layout written from its description: the
//! adopting paragraph stays the operative part, the meeting line closes the resolution, and
//! the instrument is an annex with its own structure.

use super::*;
use crate::markup::plain_text;

const HEAD: &str = "Resolution adopted by the General Assembly on 22 September 2025\n\n\
    80/1. An instrument\n\n";

fn parsed(body: &str) -> Document {
    parse(&format!("{HEAD}{body}")).unwrap().value
}

fn paragraphs(blocks: &[Block]) -> Vec<&Paragraph> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p),
            _ => None,
        })
        .collect()
}

fn sections(blocks: &[Block]) -> Vec<&Section> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Section(s) => Some(s),
            _ => None,
        })
        .collect()
}

fn has_phrase(p: &Paragraph) -> bool {
    p.text.iter().any(|i| matches!(i, Inline::Phrase(_)))
}

/// `The General Assembly` without its comma, one unnumbered paragraph adopting "the following"
/// declaration, the declaration itself (title, a motto under it, first-person paragraphs and a
/// lead-in between numbered runs), then the meeting line.
#[test]
fn a_declaration_adopted_in_the_text() {
    let doc = parsed(
        "The General Assembly\n\n\
         Adopts the following political declaration:\n\n\
         Political declaration of the high-level meeting on water\n\n\
         Our common commitment to water for all\n\n\
         1. We, Heads of State and Government, assembled at the United Nations on 22 September\n\
         2025, recognize that water is essential to life;\n\n\
         2. Recognize that progress is off track;\n\n\
         We therefore commit to:\n\n\
         3. Scale up our efforts;\n\n\
         4. Request the Secretary-General to report.\n\n\
         5th plenary meeting\n22 September 2025\n",
    );
    let act = &doc.act;
    assert!(act.preamble.is_empty(), "{:?}", act.preamble);
    assert_eq!(
        act.body.len(),
        1,
        "the adopting paragraph alone: {:#?}",
        act.body
    );
    assert!(act.conclusion.is_some());
    let [annex] = act.annexes.as_slice() else {
        panic!("one annex: {:#?}", act.annexes);
    };
    assert_eq!(annex.label, "");
    assert_eq!(
        plain_text(&annex.title),
        "Political declaration of the high-level meeting on water"
    );
    assert_eq!(
        plain_text(&annex.subtitle),
        "Our common commitment to water for all"
    );
    let numbers: Vec<_> = paragraphs(&annex.blocks)
        .iter()
        .map(|p| p.number.clone().unwrap_or_default())
        .collect();
    assert_eq!(numbers, ["1", "2", "3", "4"]);
    assert!(
        matches!(&annex.blocks[2], Block::Text(t) if plain_text(&t.text) == "We therefore commit to:")
    );
}

/// The adopting paragraph refers to the annex; the declaration follows the meeting line as
/// `Annex`, its title and motto, a first-person opening and numbered paragraphs, one of them
/// ending at the margin with its lead-in on the next line. Paragraphs of a declaration open
/// with a subject or a plain verb: no opening phrase is guessed for them.
#[test]
fn a_declaration_in_an_annex() {
    let doc = parsed(
        "The General Assembly\n\n\
         Adopts the political declaration of the high-level meeting on universal health\n\
         coverage, as contained in the annex to the present resolution.\n\n\
         16th plenary meeting\n5 October 2025\n\n\
         Annex\n\
         Political declaration of the high-level meeting on universal health coverage\n\n\n\
         Universal health coverage: expanding our ambition\n\n\
         We, Heads of State and Government and representatives of States and Governments, are\n\
         assembled at the United Nations on 21 September 2025, and in this regard we:\n\n\
         1. Reaffirm the right of every human being to the enjoyment of the highest attainable\n\
         standard of physical and mental health;\n\n\
         2. Urge Member States to strengthen their health systems and to accelerate progress\n\
         towards universal health coverage and all health-related targets of the Goals.\n\
         As a follow-up to the present political declaration, we:\n\n\
         3. Request the Secretary-General to report.\n",
    );
    let act = &doc.act;
    assert_eq!(act.body.len(), 1);
    let [annex] = act.annexes.as_slice() else {
        panic!("one annex: {:#?}", act.annexes);
    };
    assert_eq!(annex.label, "Annex");
    assert!(plain_text(&annex.title).starts_with("Political declaration"));
    assert!(plain_text(&annex.subtitle).starts_with("Universal health coverage:"));
    let kinds: Vec<&str> = annex
        .blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(_) => "paragraph",
            Block::Text(_) => "text",
            _ => "other",
        })
        .collect();
    assert_eq!(
        kinds,
        ["text", "paragraph", "paragraph", "text", "paragraph"]
    );
    let ps = paragraphs(&annex.blocks);
    assert!(plain_text(&ps[1].text).ends_with("health-related targets of the Goals."));
    assert!(ps.iter().all(|p| !has_phrase(p)), "{ps:#?}");
}

/// A programme of action: numbered sections, actions headed `Action 1.` (or `Action 13 .`)
/// and a sentence, numbered paragraphs with lettered sub-items, and a `Targets:` lead-in
/// before its list.
#[test]
fn a_programme_of_action_with_actions_and_targets() {
    let doc = parsed(
        "The General Assembly,\n\nRecalling its resolution 79/1,\n\n\
         1. Adopts the Programme of Action contained in the annex to the present resolution;\n\n\
         2. Decides to review its implementation.\n\n\
         10th plenary meeting\n22 September 2025\n\n\
         Annex\n\nProgramme of Action for the Decade\n\n\
         I. Sustainable development\n\n\
         Action 1. We will take bold and transformative actions to leave no one behind.\n\n\
         1. We decide to:\n\n\
         (a) Accelerate the implementation of the 2030 Agenda;\n\n\
         (b) Ensure that no one is left behind.\n\n\
         Targets:\n\n\
         (a) By 2030, halve the number of people living in poverty;\n\n\
         (b) By 2030, end hunger.\n\n\
         Action 13 . We will strengthen the international financial architecture.\n\n\
         2. We decide to reform the financial architecture.\n",
    );
    let [annex] = doc.act.annexes.as_slice() else {
        panic!("one annex: {:#?}", doc.act.annexes);
    };
    let Some(Block::Section(section)) = annex.blocks.first() else {
        panic!("a section first: {:#?}", annex.blocks);
    };
    assert_eq!(section.number.as_deref(), Some("I"));
    let actions = sections(&section.blocks);
    assert_eq!(actions.len(), 2, "{:#?}", section.blocks);
    assert_eq!(actions[0].kind, SectionKind::Division);
    assert_eq!(actions[0].number.as_deref(), Some("Action 1"));
    assert!(plain_text(&actions[0].heading).starts_with("We will take bold"));
    assert_eq!(actions[1].number.as_deref(), Some("Action 13"));
    let first = paragraphs(&actions[0].blocks);
    assert_eq!(first.len(), 2, "{:#?}", actions[0].blocks);
    assert_eq!(first[0].items.len(), 2);
    assert_eq!(plain_text(&first[1].text), "Targets:");
    assert_eq!(first[1].items.len(), 2);
    assert_eq!(paragraphs(&actions[1].blocks).len(), 1);
}

/// A convention: its parties, its own preamble of participles, `Have agreed as follows:`,
/// chapters and articles, paragraphs that open with their subject, and the closing clause
/// printed on the line after the last paragraph.
#[test]
fn a_convention_with_its_own_preamble() {
    let doc = parsed(
        "The General Assembly,\n\nRecalling its resolution 2205 (XXI),\n\n\
         1. Adopts the Convention on Negotiable Cargo Documents, contained in the annex to the\n\
         present resolution;\n\n\
         2. Calls upon States to consider becoming parties to the Convention.\n\n\
         64th plenary meeting\n15 December 2025\n\n\
         Annex\nConvention on Negotiable Cargo Documents\n\n\
         The States Parties to this Convention,\n\n\
         Bearing in mind that international trade on the basis of equality is a key factor in\n\
         promoting friendly relations among States,\n\n\
         Noting the important role played by negotiable transport documents,\n\n\
         Have agreed as follows:\n\n\
         Chapter I\nGeneral provisions\n\n\
         Article 1\nScope of application\n\n\
         1. This Convention applies to a negotiable cargo document issued for the carriage of\n\
         goods by any mode of transport.\n\n\
         2. States Parties shall apply the Convention to documents issued for the carriage of\n\
         goods on their territory.\n\
         DONE in a single original, of which the Arabic, Chinese, English, French, Russian and\n\
         Spanish texts are equally authentic.\n",
    );
    let [annex] = doc.act.annexes.as_slice() else {
        panic!("one annex: {:#?}", doc.act.annexes);
    };
    let recitals = annex
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Recital(_)))
        .count();
    assert_eq!(recitals, 2, "{:#?}", annex.blocks);
    let Some(Block::Section(chapter)) =
        annex.blocks.iter().find(|b| matches!(b, Block::Section(_)))
    else {
        panic!("a chapter: {:#?}", annex.blocks);
    };
    assert_eq!(chapter.kind, SectionKind::Chapter);
    let Some(Block::Section(article)) = chapter.blocks.first() else {
        panic!("an article: {:#?}", chapter.blocks);
    };
    assert_eq!(article.kind, SectionKind::Article);
    let ps = paragraphs(&article.blocks);
    assert_eq!(ps.len(), 2);
    assert!(
        !has_phrase(ps[1]),
        "`States Parties` is the subject: {:?}",
        ps[1].text
    );
    assert!(plain_text(&ps[1].text).ends_with("on their territory."));
    assert!(matches!(article.blocks.last(),
        Some(Block::Text(t)) if plain_text(&t.text).starts_with("DONE in a single original")));
}

/// A compact: its objectives numbered `(1)`, `(2)` under a heading, then each objective a
/// division of its own (`Objective 1: ...`) with numbered paragraphs.
#[test]
fn a_compact_with_numbered_objectives() {
    let doc = parsed(
        "The General Assembly,\n\nRecalling its resolution 71/1,\n\n\
         Endorses the global compact contained in the annex to the present resolution.\n\n\
         60th plenary meeting\n19 December 2025\n\n\
         Annex\n\nGlobal compact for safe and orderly migration\n\n\
         Objectives for safe, orderly and regular migration\n\n\
         (1) Collect and utilize accurate and disaggregated data as a basis for evidence-based\n\
         policies;\n\n\
         (2) Minimize the adverse drivers that compel people to leave their country of origin.\n\n\
         Objective 1: Collect and utilize accurate and disaggregated data as a basis for\n\
         evidence-based policies\n\n\
         17. We commit to strengthen the global evidence base on international migration.\n",
    );
    assert_eq!(doc.act.body.len(), 1);
    let [annex] = doc.act.annexes.as_slice() else {
        panic!("one annex: {:#?}", doc.act.annexes);
    };
    let listed = paragraphs(&annex.blocks);
    let Some(list) = listed.iter().find(|p| !p.items.is_empty()) else {
        panic!("the objectives as a list: {:#?}", annex.blocks);
    };
    let numbers: Vec<String> = list.items.iter().map(Item::printed_number).collect();
    assert_eq!(numbers, ["(1)", "(2)"]);
    let Some(Block::Section(objective)) = annex.blocks.last() else {
        panic!("an objective last: {:#?}", annex.blocks);
    };
    assert_eq!(objective.kind, SectionKind::Division);
    assert_eq!(objective.number.as_deref(), Some("Objective 1"));
    assert_eq!(paragraphs(&objective.blocks).len(), 1);
}

/// Guidelines or principles: the annex label with its title on the next line, headings whose
/// first numbered paragraph follows with no blank line (`II.` / title / `4.`, or `III. Title`
/// / `11. ...`), and paragraphs that open with their subject.
#[test]
fn principles_with_headings_run_into_their_paragraphs() {
    let doc = parsed(
        "The General Assembly,\n\nRecalling its resolution 70/186,\n\n\
         1. Decides to adopt the principles annexed to the present resolution;\n\n\
         2. Requests the Secretary-General to disseminate the principles.\n\n\
         64th plenary meeting\n15 December 2025\n\n\
         Annex\nUnited Nations principles for consumer product safety\n\n\
         I.\nGeneral principles\n\n\
         1.\nBusinesses have the primary responsibility to ensure that the products they make\n\
         available to consumers are safe.\n\n\
         II.\nProduct safety regulation and standards\n\
         2.\nMember States should empower the relevant authorities responsible for product\n\
         safety to develop laws, rules, regulations and policies for the safety of products.\n\n\
         III. Responsibilities of relevant authorities responsible for product safety\n\
         3. Member States should make publicly available the contact details of the relevant\n\
         authorities responsible for product safety.\n",
    );
    let [annex] = doc.act.annexes.as_slice() else {
        panic!("one annex: {:#?}", doc.act.annexes);
    };
    assert_eq!(annex.label, "Annex");
    assert_eq!(
        plain_text(&annex.title),
        "United Nations principles for consumer product safety"
    );
    let sections = sections(&annex.blocks);
    assert_eq!(sections.len(), 3, "{:#?}", annex.blocks);
    assert_eq!(
        plain_text(&sections[1].heading),
        "Product safety regulation and standards"
    );
    assert!(plain_text(&sections[2].heading).starts_with("Responsibilities of relevant"));
    for (section, number) in sections.iter().zip(["1", "2", "3"]) {
        let ps = paragraphs(&section.blocks);
        assert_eq!(ps.len(), 1, "{:#?}", section.blocks);
        assert_eq!(ps[0].number.as_deref(), Some(number));
        assert!(!has_phrase(ps[0]), "{:?}", ps[0].text);
    }
}

/// A PDF's bold lines run together: the annex label and its title on one heading line.
#[test]
fn an_annex_label_and_title_on_one_heading_line() {
    assert_eq!(
        split_annex_heading("Annex I Provisional agenda", true),
        Some(("Annex I", "Provisional agenda"))
    );
    assert_eq!(
        split_annex_heading("Annex United Nations principles for product safety", true),
        Some(("Annex", "United Nations principles for product safety"))
    );
    assert_eq!(
        split_annex_heading("Annex II", false),
        Some(("Annex II", ""))
    );
    // Not a heading: running text that happens to open with the word.
    assert_eq!(
        split_annex_heading("Annex I Provisional agenda", false),
        None
    );
    assert_eq!(
        split_annex_heading(
            "Annex I to the present resolution contains the agenda.",
            true
        ),
        None
    );
}

/// A pact adopted in the text (`Adopts the following ... :`): its lists and lead-ins read as
/// an annex's, with no opening phrase guessed for `We decide to:` or `Targets:`.
#[test]
fn a_pact_adopted_in_the_text_keeps_its_lists() {
    let doc = parsed(
        "The General Assembly\n\n\
         Adopts the following Pact for the Decade:\n\n\
         Pact for the Decade\n\n\
         I. Sustainable development\n\n\
         Action 1. We will take bold and transformative actions to leave no one behind.\n\n\
         1. We decide to:\n\n\
         (a) Accelerate the implementation of the 2030 Agenda;\n\n\
         (b) Ensure that no one is left behind.\n\n\
         Targets:\n\n\
         (1) By 2030, halve poverty;\n\n\
         (2) By 2030, end hunger.\n\n\
         3rd plenary meeting\n22 September 2025\n",
    );
    assert_eq!(doc.act.body.len(), 1);
    let [annex] = doc.act.annexes.as_slice() else {
        panic!("one annex: {:#?}", doc.act.annexes);
    };
    assert_eq!(plain_text(&annex.title), "Pact for the Decade");
    let Some(Block::Section(section)) = annex.blocks.first() else {
        panic!("a section: {:#?}", annex.blocks);
    };
    let Some(Block::Section(action)) = section.blocks.first() else {
        panic!("an action: {:#?}", section.blocks);
    };
    let ps = paragraphs(&action.blocks);
    assert_eq!(ps.len(), 2, "{:#?}", action.blocks);
    assert!(ps[0].wrap_up.is_empty());
    assert_eq!(plain_text(&ps[1].text), "Targets:");
    assert_eq!(ps[1].items.len(), 2);
    assert!(ps.iter().all(|p| !has_phrase(p)), "{ps:#?}");
}
