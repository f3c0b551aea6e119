use super::*;

#[test]
fn markdown_footnote_syntaxes() {
    let p = prepare("Recalling its resolution 70/1,[^1] and 71/1<sup>2</sup>\n\n[^1]: Adopted in 2015.\n[^2]: Adopted in 2016.\n");
    assert_eq!(p.flavour, Flavour::Markdown);
    assert_eq!(p.footnotes.len(), 2);
    assert!(p.footnotes.iter().all(|f| f.placed));
    assert_eq!(p.footnotes[1].text, "Adopted in 2016.");
}

#[test]
fn job_numbers() {
    assert!(is_job_number("23-26260 (E)    030124"));
    assert!(is_job_number("23-26260"));
    assert!(is_job_number("22-28954 (E)"));
    assert!(!is_job_number("2022-2023"));
    assert!(!is_job_number("20-24 April"));
}

#[test]
fn glued_and_spaced_markers() {
    assert!(is_marker_at("the Secretary-General,2 and", 22, 1, None));
    assert!(is_marker_at("Summit Outcome, 1  sports", 16, 1, None));
    assert!(!is_marker_at("Article 1, paragraph 3", 8, 1, None));
    assert!(!is_marker_at("on 25 June 1993", 3, 2, None));
    assert!(!is_marker_at("COVID-19 pandemic", 6, 2, None));
}

/// A raised marker stands against what precedes it as printed (`Outcome,¹ sports`), where page
/// text spaces it off (`Outcome, 1  sports`); a marker glued already, or at a line's start,
/// stays where it is.
#[test]
fn spaced_markers_are_attached_to_the_word_before() {
    let mut text = String::from("Summit Outcome, 1  sports");
    assert_eq!(page_text::attach_to_word_before(&mut text, 16, 1), 15);
    assert_eq!(text, "Summit Outcome,1  sports");
    let mut at_end = String::from("the 2005 World Summit Outcome 12");
    assert_eq!(page_text::attach_to_word_before(&mut at_end, 30, 2), 29);
    assert_eq!(at_end, "the 2005 World Summit Outcome12");
    for (line, at) in [("Secretary-General,2 and", 18), ("1  begins the line", 0)] {
        let mut text = String::from(line);
        assert_eq!(page_text::attach_to_word_before(&mut text, at, 1), at);
        assert_eq!(text, line);
    }
}

/// Through the whole reader: the note follows the comma, and the space follows the note.
#[test]
fn a_spaced_marker_reads_as_printed() {
    let page = "Resolution adopted by the General Assembly on 1 July 2025\n\n\
        79/400. A title\n\nThe General Assembly,\n\n\
        Reaffirming the 2030 Agenda for Sustainable Development, 1  the Sevilla\n\
        Commitment and the Programme of Action,\n\n\
        1. Decides to remain seized of the matter.\n\n\
        99th plenary meeting\n1 July 2025\n\
        __________________\n\
        1 Resolution 70/1.\n\
        25-01234 (E)    020725\n\
        *2501234*\n";
    let doc = crate::parse::parse_text(page).unwrap().value;
    let runs = &doc.act.preamble[0].text;
    let note = runs
        .iter()
        .position(|r| matches!(r, crate::model::Inline::NoteRef { .. }))
        .expect("the note is placed");
    let before = crate::markup::plain_text(&runs[..note]);
    let after = crate::markup::plain_text(&runs[note + 1..]);
    assert!(before.ends_with("Development,"), "{before:?}");
    assert!(after.starts_with(" the Sevilla"), "{after:?}");
}
