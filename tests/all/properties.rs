//! Property tests: random documents survive model → AKN → model, and model → RDF → parse, and
//! whatever the model holds, the AKN written is well-formed XML.

use oxigraph::io::{RdfFormat, RdfParser};
use proptest::prelude::*;
use unakn::model::*;

const WORDS: &[&str] = &[
    "the",
    "General",
    "Assembly",
    "cooperation",
    "rights",
    "of",
    "and",
    "States",
    "Member",
    "international",
    "2030",
    "Agenda",
    "to",
    "in",
    "development",
    "peace",
    "&",
    "<",
    "»",
    "l’homme",
    "التعاون",
    "合作",
    "сотрудничество",
    "Durba\u{301}n",
    "3–14",
    "“quoted”",
];

fn words(min: usize, max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), min..max).prop_map(|w| w.join(" "))
}

/// A citation as printed with the symbol it designates.
fn citation() -> impl Strategy<Value = Citation> {
    (60u32..80, 1u32..400).prop_map(|(s, n)| Citation {
        text: format!("{s}/{n}"),
        symbol: format!("A/RES/{s}/{n}"),
    })
}

/// Inline runs as readers produce them: text runs separated by single spaces from marks,
/// an optional opening phrase first. Footnote references are added later.
fn inlines(phrase: bool) -> impl Strategy<Value = Vec<Inline>> {
    let phrase_wanted = phrase;
    let mark = prop_oneof![
        words(1, 3).prop_map(Inline::Emphasis),
        citation().prop_map(Inline::Ref),
    ];
    (
        prop::option::weighted(
            if phrase { 0.8 } else { 0.01 },
            prop::sample::select(&["Recalling", "Urges", "Decides", "Welcoming also"][..]),
        ),
        words(1, 12),
        prop::collection::vec((mark, words(1, 6)), 0..3),
    )
        .prop_map(move |(phrase, first, rest)| {
            let wants_phrase = phrase_wanted;
            let mut runs = Vec::new();
            let phrase = phrase.filter(|_| wants_phrase);
            match phrase {
                Some(p) => {
                    runs.push(Inline::Phrase(p.to_string()));
                    runs.push(Inline::Text(format!(" {first}")));
                }
                None => runs.push(Inline::Text(first)),
            }
            for (mark, text) in rest {
                if let Some(Inline::Text(t)) = runs.last_mut() {
                    t.push(' ');
                }
                runs.push(mark);
                runs.push(Inline::Text(format!(" {text}")));
            }
            runs
        })
}

fn item(depth: u32) -> impl Strategy<Value = Vec<Item>> {
    let leaf = inlines(false);
    prop::collection::vec(
        (
            leaf,
            if depth > 0 {
                item(depth - 1).boxed()
            } else {
                Just(Vec::new()).boxed()
            },
        ),
        0..4,
    )
    .prop_map(move |items| {
        items
            .into_iter()
            .enumerate()
            .map(|(i, (text, sub))| Item {
                number: if depth > 0 {
                    char::from(b'a' + i as u8).to_string()
                } else {
                    ["i", "ii", "iii", "iv"][i].to_string()
                },
                text,
                items: sub,
                span: Span::default(),
            })
            .collect()
    })
}

fn paragraphs() -> impl Strategy<Value = Vec<Block>> {
    let wrap_up = prop::option::weighted(0.3, inlines(false));
    prop::collection::vec((inlines(true), item(1), wrap_up), 1..8).prop_map(|ps| {
        ps.into_iter()
            .enumerate()
            .map(|(i, (text, items, wrap_up))| {
                let wrap_up = if items.is_empty() { None } else { wrap_up };
                Block::Paragraph(Paragraph {
                    number: Some((i + 1).to_string()),
                    text,
                    items,
                    wrap_up: wrap_up.unwrap_or_default(),
                    span: Span::default(),
                })
            })
            .collect()
    })
}

/// A table: heading rows first, cells of a few words, some spanning two columns.
fn table() -> impl Strategy<Value = Block> {
    (
        0usize..3,
        prop::collection::vec(prop::collection::vec((words(1, 4), 1u32..3), 1..5), 1..6),
    )
        .prop_map(|(headings, rows)| {
            Block::Table(Table {
                rows: rows
                    .into_iter()
                    .enumerate()
                    .map(|(i, cells)| TableRow {
                        heading: i < headings,
                        cells: cells
                            .into_iter()
                            .map(|(text, columns)| TableCell {
                                text: vec![Inline::Text(text)],
                                columns,
                            })
                            .collect(),
                    })
                    .collect(),
                span: Span::default(),
            })
        })
}

fn body() -> impl Strategy<Value = Vec<Block>> {
    prop_oneof![
        (paragraphs(), prop::option::weighted(0.4, table())).prop_map(|(mut blocks, table)| {
            blocks.extend(table);
            blocks
        }),
        (
            prop::collection::vec((words(2, 8), paragraphs()), 1..4),
            prop_oneof![
                Just(SectionKind::Section),
                Just(SectionKind::Part),
                Just(SectionKind::Chapter),
                Just(SectionKind::Article),
                Just(SectionKind::Rule),
                Just(SectionKind::Division),
            ]
        )
            .prop_map(|(sections, kind)| {
                sections
                    .into_iter()
                    .enumerate()
                    .map(|(i, (heading, blocks))| {
                        let numeral = ["I", "II", "III", "IV"][i];
                        // A division named by its word keeps it in its number (`Rule 2`).
                        let number = match kind {
                            SectionKind::Section => numeral.to_string(),
                            SectionKind::Part | SectionKind::Chapter => format!("Part {numeral}"),
                            SectionKind::Article | SectionKind::Rule => format!("Rule {}", i + 1),
                            SectionKind::Division => format!("Action {}", i + 1),
                        };
                        Block::Section(Section {
                            kind,
                            number: Some(number),
                            heading: vec![Inline::Text(heading)],
                            blocks,
                            span: Span::default(),
                        })
                    })
                    .collect()
            }),
    ]
}

/// An annex: labelled (`Annex`, `Annex II`), or an instrument adopted in the text with a title
/// and no label; a subtitle one time in two.
fn annex() -> impl Strategy<Value = Annex> {
    (
        prop_oneof![Just(""), Just("Annex"), Just("Annex II")],
        words(2, 8),
        prop_oneof![Just(String::new()), words(2, 6)],
        body(),
    )
        .prop_map(|(label, title, subtitle, blocks)| Annex {
            label: label.to_string(),
            title: vec![Inline::Text(title)],
            subtitle: if subtitle.is_empty() {
                Vec::new()
            } else {
                vec![Inline::Text(subtitle)]
            },
            blocks,
            span: Span::default(),
        })
}

fn language() -> impl Strategy<Value = Language> {
    prop::sample::select(Language::ALL.to_vec())
}

/// Puts footnote references at the end of some runs, numbered in reading order, with their
/// footnotes.
fn with_footnotes(mut doc: Document, places: Vec<bool>) -> Document {
    let mut places = places.into_iter().cycle();
    let mut notes = Vec::new();
    let mut add = |runs: &mut Vec<Inline>| {
        if places.next().unwrap_or(false) {
            let index = notes.len();
            let marker = (index + 1).to_string();
            runs.push(Inline::NoteRef {
                marker: marker.clone(),
                index,
            });
            notes.push(Footnote {
                marker,
                text: vec![Inline::Text(format!("Footnote text {}.", index + 1))],
                span: Span::default(),
            });
        }
    };
    fn visit_act(
        preamble: &mut [Recital],
        body: &mut [Block],
        add: &mut dyn FnMut(&mut Vec<Inline>),
    ) {
        for r in preamble {
            add(&mut r.text);
        }
        visit(body, add);
    }
    fn visit(blocks: &mut [Block], add: &mut dyn FnMut(&mut Vec<Inline>)) {
        for b in blocks {
            match b {
                Block::Paragraph(p) => {
                    add(&mut p.text);
                    for i in &mut p.items {
                        add(&mut i.text);
                    }
                }
                Block::Section(s) => visit(&mut s.blocks, add),
                Block::Recital(r) => add(&mut r.text),
                Block::Text(t) => add(&mut t.text),
                Block::Table(t) => {
                    for cell in t.rows.iter_mut().flat_map(|r| &mut r.cells) {
                        add(&mut cell.text);
                    }
                }
            }
        }
    }
    visit_act(&mut doc.act.preamble, &mut doc.act.body, &mut add);
    for part in &mut doc.parts {
        visit_act(&mut part.act.preamble, &mut part.act.body, &mut add);
    }
    doc.footnotes = notes;
    doc
}

/// The same document as a multi-part resolution of `count` parts, each holding the
/// formula, preamble, body and meeting line (the parts differ by letter and title).
fn in_parts(mut doc: Document, count: usize) -> Document {
    if count == 0 {
        return doc;
    }
    // The whole keeps its title; each part gets the rest, under a title of its own.
    let whole = Act {
        title: std::mem::take(&mut doc.act.title),
        annexes: std::mem::take(&mut doc.act.annexes),
        ..Act::default()
    };
    let content = std::mem::replace(&mut doc.act, whole);
    doc.parts = (0..count)
        .map(|i| {
            let letter = char::from(b'A' + i as u8).to_string();
            Part {
                act: Act {
                    title: vec![Inline::Text(format!("Part {letter} of the resolution"))],
                    ..content.clone()
                },
                number: letter,
                span: Span::default(),
            }
        })
        .collect();
    doc
}

fn document() -> impl Strategy<Value = Document> {
    (
        (60u32..80, 1u32..400),
        language(),
        words(3, 10),
        prop::collection::vec(inlines(true), 0..6),
        body(),
        (1u16..28, 1u8..13, 2015u16..2025),
        (prop::collection::vec(any::<bool>(), 1..6), 0usize..4),
        prop::collection::vec(annex(), 0..3),
    )
        .prop_map(
            |(
                (session, n),
                language,
                title,
                preamble,
                body,
                (day, month, year),
                (places, parts),
                annexes,
            )| {
                let date = Date {
                    year,
                    month,
                    day: day as u8,
                };
                let doc = Document {
                    kind: DocumentKind::Resolution,
                    organ: Organ::GeneralAssembly,
                    language,
                    symbol: format!("A/RES/{session}/{n}"),
                    number: format!("{session}/{n}"),
                    masthead: Masthead::default(),
                    adoption: Adoption {
                        statement: None,
                        date: Some(date),
                        origin: None,
                    },
                    tabling: None,
                    act: Act {
                        title: vec![Inline::Text(title)],
                        formula: Some(Formula {
                            text: vec![Inline::Text("The General Assembly,".into())],
                            span: Span::default(),
                        }),
                        preamble: preamble
                            .into_iter()
                            .map(|text| Recital {
                                text,
                                span: Span::default(),
                            })
                            .collect(),
                        body,
                        conclusion: Some(Conclusion {
                            meeting: "54th plenary meeting".into(),
                            date: Some(date),
                            date_text: None,
                            span: Span::default(),
                        }),
                        annexes,
                    },
                    parts: Vec::new(),
                    footnotes: Vec::new(),
                    metadata: Metadata::default(),
                };
                // One document in four or so is a multi-part resolution.
                let parts = if parts == 3 {
                    2 + session as usize % 2
                } else {
                    0
                };
                with_footnotes(in_parts(doc, parts), places)
            },
        )
}

/// The model with every span cleared: spans point into an input, which differs by design.
fn without_spans(doc: &Document) -> serde_json::Value {
    fn clear(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                map.remove("span");
                map.values_mut().for_each(clear);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(clear),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(doc).unwrap();
    clear(&mut v);
    v
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn model_to_akn_to_model(doc in document()) {
        let mut xml = Vec::new();
        unakn::akn::write(&doc, &mut xml).unwrap();
        let back = unakn::parse::parse(&xml).unwrap().value;
        let (before, after) = (without_spans(&doc), without_spans(&back));
        // Reading fills in what the AKN states and the random model left out.
        let mut after = after;
        for key in ["masthead", "adoption", "metadata"] {
            after[key] = before[key].clone();
        }
        if after["conclusion"]["date_text"].is_string() {
            after["conclusion"]["date_text"] = serde_json::Value::Null;
        }
        if let Some(parts) = after.get_mut("parts").and_then(|p| p.as_array_mut()) {
            for part in parts {
                if part["conclusion"]["date_text"].is_string() {
                    part["conclusion"]["date_text"] = serde_json::Value::Null;
                }
            }
        }
        prop_assert_eq!(before, after, "{}", String::from_utf8_lossy(&xml));
    }

    #[test]
    fn model_to_rdf_to_parse(doc in document()) {
        let base = unakn::vocab::Base::default();
        let quads = unakn::rdf::quads(&doc, &base);
        let mut text = Vec::new();
        unakn::rdf::serialize(&quads, unakn::rdf::Syntax::NQuads, &mut text).unwrap();
        let parsed: Vec<_> = RdfParser::from_format(RdfFormat::NQuads)
            .for_slice(&text)
            .collect::<Result<_, _>>()
            .unwrap();
        let mut a: Vec<String> = quads.iter().map(ToString::to_string).collect();
        let mut b: Vec<String> = parsed.iter().map(ToString::to_string).collect();
        a.sort();
        b.sort();
        prop_assert_eq!(a, b);
    }

    /// Whatever a model holds (control characters, any Unicode), the AKN is well-formed and
    /// reads back.
    #[test]
    fn any_text_writes_well_formed_akn(text in "\\PC{0,40}", raw in prop::collection::vec(any::<char>(), 0..40)) {
        let mut doc = unakn::parse::parse(include_bytes!("../../samples/A_RES_77_213.md")).unwrap().value;
        let raw: String = raw.into_iter().collect();
        doc.act.title = vec![Inline::Text(text), Inline::Text(raw.clone())];
        doc.act.preamble[0].text.push(Inline::Emphasis(raw));
        let mut xml = Vec::new();
        unakn::akn::write(&doc, &mut xml).unwrap();
        let back = unakn::parse::parse(&xml);
        prop_assert!(back.is_ok(), "{:?}", back.err());
    }

    /// Whatever an operative paragraph says, mandates are read without a panic, and marking
    /// them in the AKN leaves the text as it was.
    #[test]
    fn mandates_marked_leave_the_text_unchanged(
        words in prop::collection::vec(prop::sample::select(MANDATE_WORDS), 0..60),
        raw in "\\PC{0,8}",
    ) {
        let mut doc = unakn::parse::parse(include_bytes!("../../samples/A_RES_77_213.md")).unwrap().value;
        let mut text = words.join(" ");
        text.push_str(&raw);
        let Some(Block::Paragraph(p)) = doc.act.body.first_mut() else { panic!("a paragraph") };
        p.text = vec![Inline::Phrase("Requests".into()), Inline::Text(format!(" {text}"))];
        let _ = unakn::mandate::extract(&doc);
        let mut xml = Vec::new();
        unakn::akn::write(&doc, &mut xml).unwrap();
        let back = unakn::parse::parse(&xml).unwrap().value;
        let Some(Block::Paragraph(q)) = back.act.body.first() else { panic!("a paragraph") };
        let p = match doc.act.body.first() { Some(Block::Paragraph(p)) => p, _ => unreachable!() };
        let words_of = |runs: &[Inline]| -> Vec<String> {
            unakn::markup::plain_text(runs).split_whitespace().map(String::from).collect()
        };
        prop_assert_eq!(words_of(&p.text), words_of(&q.text));
    }
}

/// Words of mandates, and some that are not, to build operative paragraphs from.
const MANDATE_WORDS: &[&str] = &[
    "Requests",
    "requests",
    "the",
    "Secretary-General",
    "to",
    "submit",
    "a",
    "report",
    "on",
    "at",
    "its",
    "eighty-first",
    "session",
    "and",
    "calls",
    "upon",
    "Member",
    "States",
    ",",
    ";",
    ":",
    "decides",
    "include",
    "in",
    "provisional",
    "agenda",
    "entitled",
    "“Item”",
    "by",
    "15 April 2026",
    "until",
    "31 December 2027",
    "annually",
    "every",
    "two",
    "years",
    "thereafter",
    "Israel",
    "United",
    "Nations",
    "system",
    "invites",
    "urges",
    "İstanbul",
    "合作",
    "reiterates",
    "its",
    "call",
    "for",
    "banks",
    "President",
    "of",
    "General",
    "Assembly",
    "to:",
    "To",
    "thereon",
    "that",
    "shall",
    "\u{301}",
    "(a)",
];
