use super::*;

/// The Security Council's layout: number line, adoption line with the meeting, no title.
#[test]
fn security_council_layout() {
    let text = "United Nations\nS/RES/2720 (2023)\n\nSecurity Council\nDistr.: General\n22 December 2023\n\n\
        Resolution 2720 (2023)\n\nAdopted by the Security Council at its 9520th meeting, on\n22 December 2023\n\n\
        The Security Council,\n\nRecalling its previous resolutions on the situation,\n\n\
        1. Demands that all parties comply with their obligations;\n\n\
        2. Decides to remain actively seized of the matter.\n";
    let doc = parse(text).unwrap().value;
    assert_eq!(doc.symbol, "S/RES/2720 (2023)");
    assert_eq!(doc.organ, Organ::SecurityCouncil);
    assert_eq!(doc.number, "2720 (2023)");
    assert_eq!(
        doc.adoption.date,
        Some(Date {
            year: 2023,
            month: 12,
            day: 22
        })
    );
    assert_eq!(doc.act.preamble.len(), 1);
    assert_eq!(doc.act.body.len(), 2);
    assert_eq!(
        doc.act.conclusion.as_ref().map(|c| c.meeting.as_str()),
        Some("9520th meeting")
    );
    let sym = crate::vocab::Base::default().work(&doc.symbol);
    assert!(sym.as_str().ends_with("/unsc/2720-2023"), "{sym}");
}

#[test]
fn text_resuming_after_sub_items_without_a_blank_line() {
    // Page text: the last sub-item ends with `;` on a short line, and the paragraph goes
    // on in lower case on the next line (A/RES/78/20, para. 5, has this layout).
    let text = "General Assembly\nSeventy-eighth session\nAgenda item 8\n\n\
        Resolution adopted by the General Assembly on 7 December 2023\n\n\
        78/1. A title\n\nThe General Assembly,\n\nRecalling its resolution 77/1,\n\n\
        1. Invites States to consider the following matters in the deliberations of the\n\
        group, which is to address the following:\n\n\
        (a) Threats to the safe operation of space objects in all orbits and all the\n\
        related services;\n\n\
        (b) Other activities and measures that could reduce the risk of unintended\n\
        escalation and conflict;\n\
        and to consider how the implementation of norms, rules and principles could be\n\
        monitored and verified;\n\n\
        2. Decides to continue.\n\n45th plenary meeting\n7 December 2023\n";
    let doc = parse(text).unwrap().value;
    let Block::Paragraph(p) = &doc.act.body[0] else {
        panic!("a paragraph first: {:?}", doc.act.body[0]);
    };
    assert_eq!(p.items.len(), 2);
    assert!(crate::markup::plain_text(&p.items[1].text).ends_with("escalation and conflict;"));
    assert!(crate::markup::plain_text(&p.wrap_up).starts_with("and to consider how"));
    assert_eq!(doc.act.body.len(), 2);
}

/// A lone capital letter is a part only in sequence: `B` with no `A` before it, or `A`
/// after the preamble has begun, stays text.
#[test]
fn part_letters_only_in_sequence() {
    let text = "General Assembly\nSeventy-eighth session\n\n\
        Resolution adopted by the General Assembly on 7 December 2023\n\n\
        78/81. A title\n\nThe General Assembly,\n\nRecalling its resolution 77/1,\n\n\
        1. Decides to act;\n\nB\n\n2. Decides to continue.\n\n45th plenary meeting\n7 December 2023\n";
    let doc = parse(text).unwrap().value;
    assert!(doc.parts.is_empty());
    assert_eq!(doc.act.preamble.len(), 1);
}

/// A Human Rights Council resolution: the organ decides the symbol.
#[test]
fn human_rights_council_layout() {
    let text = "Human Rights Council\nFifty-second session\nAgenda item 3\n\n\
        Resolution adopted by the Human Rights Council on 3 April 2023\n\n\
        52/1. A title\n\nThe Human Rights Council,\n\nRecalling its resolution 50/4,\n\n1. Decides to continue.\n";
    let doc = parse(text).unwrap().value;
    assert_eq!(doc.symbol, "A/HRC/RES/52/1");
    assert_eq!(doc.masthead.session, Some(52));
    let cites: Vec<String> = doc.act.preamble[0]
        .text
        .iter()
        .filter_map(|i| match i {
            Inline::Ref(c) => Some(c.symbol.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(cites, ["A/HRC/RES/50/4"]);
}

/// A resolution whose number line is missing from the text, the masthead carrying the symbol
/// and the title standing alone: the number comes from the masthead, with a warning.
#[test]
fn number_line_missing_is_taken_from_the_masthead() {
    let text = "United Nations\nA/RES/79/321\n\nGeneral Assembly\nDistr.: General\n\
        12 June 2025\n\nSeventy-ninth session\nAgenda item 14\n\n\
        Resolution adopted by the General Assembly on 10 June 2025\n\n\
        Cooperation between the United Nations and a regional organization\n\n\
        The General Assembly,\n\nRecalling its previous resolutions,\n\n\
        1. Requests the Secretary-General to report on their implementation.\n\n\
        88th plenary meeting\n10 June 2025\n";
    let read = parse(text).unwrap();
    let doc = read.value;
    assert_eq!(doc.symbol, "A/RES/79/321");
    assert_eq!(doc.number, "79/321");
    assert_eq!(
        crate::markup::plain_text(&doc.act.title),
        "Cooperation between the United Nations and a regional organization"
    );
    assert_eq!(doc.act.preamble.len(), 1);
    assert_eq!(doc.act.body.len(), 1);
    assert!(read
        .diagnostics
        .iter()
        .any(|d| d.code == crate::diag::Code::NumberFromMasthead));
    // Without a symbol in the masthead, there is still no number to take.
    let bare = text.replacen("A/RES/79/321\n", "", 1);
    assert_eq!(parse(&bare).unwrap_err().code, crate::diag::Code::NoNumber);
}

/// A recital that ends with `;` by mistake, followed by more recitals opening with a
/// participle or an adjective, does not end the preamble: only a numbered paragraph, or an
/// operative verb in the present tense, does.
#[test]
fn a_recital_ending_with_a_semicolon_stays_in_the_preamble() {
    let head = "Resolution adopted by the General Assembly on 10 June 2025\n\n\
        79/322. A title\n\nThe General Assembly,\n\n";
    let text = format!(
        "{head}Recalling its resolution 78/1;\n\nDeeply concerned by the situation;\n\n\
         Welcoming the report of the Secretary-General,\n\nNoting the work done,\n\n\
         1. Decides to remain seized of the matter.\n\n88th plenary meeting\n10 June 2025\n"
    );
    let doc = parse(&text).unwrap().value;
    assert_eq!(doc.act.preamble.len(), 4, "{:#?}", doc.act.preamble);
    assert_eq!(doc.act.body.len(), 1);
    // An unnumbered paragraph opening with an operative verb is the operative part.
    let single = format!(
        "{head}Recalling its resolution 78/1,\n\n\
         Endorses the recommendations of the Committee.\n\n88th plenary meeting\n10 June 2025\n"
    );
    let doc = parse(&single).unwrap().value;
    assert_eq!(doc.act.preamble.len(), 1);
    assert_eq!(doc.act.body.len(), 1);
}

mod instruments;

/// Text after a sub-item that does not resume the paragraph (more items follow it) is more
/// of that item, not a wrap-up written after all the items.
#[test]
fn text_between_sub_items_stays_with_the_item_before() {
    let text = "Resolution adopted by the General Assembly on 7 December 2023\n\n\
        78/1. A title\n\nThe General Assembly,\n\nRecalling its resolution 77/1,\n\n\
        1. Decides on the following modalities:\n\n\
        (a) The meeting will hold two panels in the afternoon of the opening day of the\n\
        meeting, one from 11 a.m. to 1 p.m. and the other from 3 to 5 p.m.;\n\n\
        (b)\nThe panels will address the following themes:\n\
        Panel 1: Addressing the urgent global risk of antimicrobial resistance across the\n\
        human, animal and environmental sectors;\n\
        Panel 2: Addressing human health;\n\n\
        (c) The panels will be co-chaired by two Heads of State or Government.\n\n\
        45th plenary meeting\n7 December 2023\n";
    let doc = parse(text).unwrap().value;
    let Block::Paragraph(p) = &doc.act.body[0] else {
        panic!("a paragraph first: {:?}", doc.act.body[0]);
    };
    assert_eq!(p.items.len(), 3, "{:#?}", p.items);
    assert!(p.wrap_up.is_empty(), "{:?}", p.wrap_up);
    assert!(
        crate::markup::plain_text(&p.items[1].text).ends_with("Panel 2: Addressing human health;")
    );
}
