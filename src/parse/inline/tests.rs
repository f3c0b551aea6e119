use super::*;
use crate::parse::marks::MARK_CLOSE;

proptest::proptest! {
    /// The run-copying collapse (fast path and byte loop) agrees with the obvious one,
    /// across ASCII and Unicode spaces and multi-byte letters.
    #[test]
    fn collapse_is_split_and_join(s in "[a b\t\n\r\u{0b}\u{0c}\u{a0}\u{85}\u{2003}\u{2028}\u{3000}\u{1680}–é“]{0,40}") {
        let expected = s.split_whitespace().collect::<Vec<_>>().join(" ");
        proptest::prop_assert_eq!(collapse(&s), expected);
    }
}

#[test]
fn ranges_are_closed_up() {
    assert_eq!(
        close_up_ranges("3 – 14 June and 2015 –2030, 10– 14".into()),
        "3–14 June and 2015–2030, 10–14"
    );
    assert_eq!(
        close_up_ranges("environmental – in".into()),
        "environmental – in"
    );
    assert_eq!(
        close_up_hyphens("neo- Nazism, age- and gender- responsive, 2- 3".into()),
        "neo-Nazism, age- and gender-responsive, 2- 3"
    );
}

#[test]
fn markdown_edges() {
    let text = |t: &str| -> Vec<String> {
        segments(t, Flavour::Markdown)
            .into_iter()
            .map(|s| match s {
                Segment::Plain(t) => format!("p:{t}"),
                Segment::Italic(t) => format!("i:{t}"),
                Segment::Marker(m) => format!("m:{m}"),
            })
            .collect()
    };
    assert_eq!(text("a **b** *c* d"), ["p:a b ", "i:c", "p: d"]);
    assert_eq!(text("5 * 3 and \\*x\\*"), ["p:5 * 3 and *x*"]);
    assert_eq!(text("see [A/1](http://x/(y)) then"), ["p:see A/1 then"]);
    assert_eq!(text("[not a link] é"), ["p:[not a link] é"]);
    assert_eq!(
        text(&format!("x{MARK_OPEN}12{MARK_CLOSE}\u{e010}")),
        ["p:x", "m:12", "p:\u{e010}"]
    );
}

#[test]
fn markdown_marks() {
    let notes = HashMap::from([("1".to_string(), 0)]);
    let ctx = Context {
        flavour: Flavour::Markdown,
        organ: Organ::GeneralAssembly,
        notes: &notes,
    };
    let text = format!("*Urges* States{MARK_OPEN}1{MARK_CLOSE} to see [A/77/53](#), \\(chap. I\\)");
    let runs = inlines(&text, &ctx, Opening::Guessed);
    assert_eq!(runs[0], Inline::Phrase("Urges".into()));
    assert_eq!(runs[1], Inline::Text(" States".into()));
    assert!(matches!(runs[2], Inline::NoteRef { index: 0, .. }));
    assert!(matches!(&runs[4], Inline::Ref(c) if c.symbol == "A/77/53"));
    assert_eq!(runs[5], Inline::Text(", (chap. I)".into()));
}
