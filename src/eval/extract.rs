//! What a reader sees of one AKN rendering: metadata, recitals, paragraphs, sub-items,
//! headings, footnotes with their hosts, opening phrases, table rows and words in order.

use quick_xml::events::Event;
use quick_xml::Reader;

/// What is compared of one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extract {
    pub symbol: Option<String>,
    pub adoption_date: Option<String>,
    pub session: Option<String>,
    pub agenda_items: Vec<String>,
    pub origin_document: Option<String>,
    pub meeting: Option<String>,
    pub recitals: Vec<String>,
    /// (number, text of the paragraph without its sub-items)
    pub paragraphs: Vec<(String, String)>,
    /// Headings written as paragraphs (the UN's files do), kept out of the paragraphs.
    pub headings: Vec<String>,
    /// (letter or numeral, text)
    pub items: Vec<(String, String)>,
    /// The paragraphs (and an instrument's recitals, which the UN writes as paragraphs) inside
    /// annexes: a subset of `paragraphs`.
    pub annex_paragraphs: Vec<(String, String)>,
    /// The sub-items inside annexes: a subset of `items`.
    pub annex_items: Vec<(String, String)>,
    /// (marker, text, host)
    pub footnotes: Vec<(String, String, String)>,
    /// Opening phrases (the italic words a recital or paragraph opens with), in order.
    pub phrases: Vec<String>,
    /// Table rows with text, their cells joined by ` | `.
    pub table_rows: Vec<String>,
    /// The words of the preamble and operative part (recitals, paragraphs, sub-items and
    /// headings, written as headings or as paragraphs; numbers aside), in reading order.
    pub words: Vec<String>,
}

impl Extract {
    /// The same texts with non-breaking hyphens (U+2011) as plain ones: PDF text extraction
    /// cannot tell them apart, so the evaluation reports agreement both with and without them.
    pub fn with_plain_hyphens(&self) -> Extract {
        let h = |s: &String| s.replace('\u{2011}', "-");
        let mut x = self.clone();
        x.recitals = x.recitals.iter().map(h).collect();
        x.paragraphs = x
            .paragraphs
            .iter()
            .map(|(n, t)| (n.clone(), h(t)))
            .collect();
        x.items = x.items.iter().map(|(n, t)| (n.clone(), h(t))).collect();
        x.annex_paragraphs = x
            .annex_paragraphs
            .iter()
            .map(|(n, t)| (n.clone(), h(t)))
            .collect();
        x.annex_items = x
            .annex_items
            .iter()
            .map(|(n, t)| (n.clone(), h(t)))
            .collect();
        x.footnotes = x
            .footnotes
            .iter()
            .map(|(m, t, o)| (m.clone(), h(t), o.clone()))
            .collect();
        x.phrases = x.phrases.iter().map(h).collect();
        x.table_rows = x.table_rows.iter().map(h).collect();
        x.words = x.words.iter().map(h).collect();
        x
    }
}

/// Whitespace runs as one space, trimmed.
pub fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum UnitKind {
    Recital,
    Paragraph,
    Item,
}

struct Unit {
    kind: UnitKind,
    num: String,
    text: String,
    /// A paragraph holding a `subheading` (the UN's way to write a heading as a paragraph).
    subheading: bool,
    /// Inside an annex (an `attachment`).
    annex: bool,
}

/// An attribute's value by local name.
fn attribute(e: &quick_xml::events::BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name.as_bytes())
        .map(|a| {
            a.unescape_value()
                .map(|v| v.to_string())
                .unwrap_or_default()
        })
}

/// Reads what is compared from AKN XML.
pub fn extract(xml: &str) -> Result<Extract, String> {
    let mut reader = Reader::from_str(xml);
    let mut x = Extract::default();
    let mut stack: Vec<String> = Vec::new();
    let mut units: Vec<Unit> = Vec::new();
    // Text being collected for special elements: (element depth, what, text).
    let mut capture: Vec<(usize, &'static str, String)> = Vec::new();
    let mut note: Option<(usize, String, String)> = None;
    let mut in_conclusions = false;
    // The table row and cell being read.
    let mut table_row: Option<Vec<String>> = None;
    let mut table_cell: Option<String> = None;
    // For each open element: whether it opened a unit.
    let mut opens: Vec<bool> = Vec::new();
    // Whether the last text ended inside a word that an inline mark interrupts
    // (`<organization>Member States</organization>,`): the next text continues it.
    let mut in_word = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("at byte {}: {e}", reader.error_position()))?;
        let mark = |name: &[u8]| matches!(name, b"organization" | b"role" | b"date");
        match &event {
            Event::Start(e) if mark(e.local_name().as_ref()) => {}
            Event::End(e) if mark(e.local_name().as_ref()) => {}
            Event::Start(_) | Event::End(_) | Event::Empty(_) => in_word = false,
            _ => {}
        }
        match event {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).to_string();
                let attr = |k: &str| attribute(&e, k);
                let parent = stack.last().map(String::as_str).unwrap_or("");
                let depth = stack.len();
                let recital = (name == "container" && parent == "preamble")
                    || (name == "crossHeading" && attr("refersTo").as_deref() == Some("#preamble"))
                    || (name == "hcontainer" && attr("name").as_deref() == Some("recital"));
                let kind = match name.as_str() {
                    _ if recital => Some(UnitKind::Recital),
                    "paragraph" => Some(UnitKind::Paragraph),
                    "hcontainer" if attr("name").as_deref() == Some("text") => {
                        Some(UnitKind::Paragraph)
                    }
                    "point" => Some(UnitKind::Item),
                    // Text resuming after sub-items: the UN writes it as a paragraph of its own.
                    "wrapUp" => Some(UnitKind::Paragraph),
                    _ => None,
                };
                if let Some(kind) = kind {
                    units.push(Unit {
                        kind,
                        num: String::new(),
                        text: String::new(),
                        subheading: false,
                        annex: stack.iter().any(|e| e == "attachment"),
                    });
                }
                opens.push(kind.is_some());
                if name == "subheading" && parent == "paragraph" {
                    if let Some(u) = units.last_mut() {
                        u.subheading = true;
                    }
                }
                match name.as_str() {
                    "num" if matches!(parent, "paragraph" | "point") => {
                        capture.push((depth, "num", String::new()))
                    }
                    "authorialNote" => {
                        note = Some((depth, attr("marker").unwrap_or_default(), String::new()))
                    }
                    "FRBRdate" => {}
                    "docNumber" if attr("refersTo").as_deref() == Some("#symbol") => {
                        capture.push((depth, "symbol", String::new()))
                    }
                    "session" => x.session = attr("value"),
                    "inline"
                        if attr("name")
                            .is_some_and(|n| n == "agenda item" || n == "agendaItem") =>
                    {
                        capture.push((depth, "agenda", String::new()))
                    }
                    "docProponent" => capture.push((depth, "origin", String::new())),
                    "i" | "span"
                        if (name == "i" || attr("class").as_deref() == Some("italic"))
                            && note.is_none()
                            && units.last().is_some_and(|u| {
                                u.kind != UnitKind::Item && opening_so_far(&u.text)
                            }) =>
                    {
                        capture.push((depth, "phrase", String::new()))
                    }
                    "conclusions" => in_conclusions = true,
                    "tr" => table_row = Some(Vec::new()),
                    "td" | "th" => table_cell = Some(String::new()),
                    _ => {}
                }
                if in_conclusions && matches!(name.as_str(), "inline" | "location") {
                    capture.push((depth, "meeting", String::new()));
                }
                if in_conclusions && name == "docDate" {
                    if let Some(d) = attr("date") {
                        x.adoption_date.get_or_insert(d);
                    }
                }
                stack.push(name);
            }
            Event::Empty(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).to_string();
                if matches!(name.as_str(), "td" | "th") {
                    if let Some(row) = table_row.as_mut() {
                        row.push(String::new());
                    }
                }
                if name == "FRBRdate" && stack.iter().any(|s| s == "FRBRWork") {
                    let attr = |k: &str| attribute(&e, k);
                    if attr("name").as_deref() == Some("adoption") {
                        if let Some(d) = attr("date").filter(|d| !d.starts_with("0001")) {
                            x.adoption_date = Some(d);
                        }
                    }
                }
            }
            Event::End(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).to_string();
                stack.pop();
                let depth = stack.len();
                if opens.pop() == Some(true) {
                    if let Some(u) = units.pop() {
                        finish_unit(&mut x, u);
                    }
                }
                if let Some((d, what, text)) = capture.last().map(|(d, w, t)| (*d, *w, t.clone())) {
                    if d == depth {
                        capture.pop();
                        let text = normalise(&text);
                        match what {
                            "num" => {
                                if let Some(u) = units.last_mut() {
                                    u.num = text
                                        .trim_end_matches('.')
                                        .trim_matches(['(', ')'])
                                        .to_string();
                                }
                            }
                            "symbol" => x.symbol = Some(text),
                            "agenda" => {
                                if let Some(items) = crate::parse::agenda_numbers(&text) {
                                    x.agenda_items.extend(items);
                                }
                            }
                            "origin" => {
                                let inner = text.find('(').map_or("", |p| &text[p + 1..]);
                                x.origin_document = crate::symbol::symbol_at(inner)
                                    .map(|(len, _)| inner[..len].to_string());
                            }
                            "meeting" if text.contains("meeting") => x.meeting = Some(text),
                            "phrase" if !text.is_empty() => x.phrases.push(text),
                            _ => {}
                        }
                    }
                }
                match name.as_str() {
                    "authorialNote" => {
                        if let Some((_, marker, text)) = note.take() {
                            let host = units.last().map(host_of).unwrap_or_default();
                            x.footnotes.push((marker, normalise(&text), host));
                        }
                    }
                    "conclusions" => in_conclusions = false,
                    "td" | "th" => {
                        if let (Some(row), Some(cell)) = (table_row.as_mut(), table_cell.take()) {
                            row.push(normalise(&cell));
                        }
                    }
                    "tr" => {
                        if let Some(row) =
                            table_row.take().filter(|r| r.iter().any(|c| !c.is_empty()))
                        {
                            x.table_rows.push(row.join(" | "));
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                let s = t.unescape().map(|c| c.to_string()).unwrap_or_default();
                if let (Some(cell), None) = (table_cell.as_mut(), note.as_ref()) {
                    cell.push_str(&s);
                }
                if let Some((_, _, text)) = note.as_mut() {
                    text.push_str(&s);
                } else if let Some((_, _, text)) = capture.last_mut() {
                    text.push_str(&s);
                    // The number is not part of the unit's text; other captures are.
                    if capture.last().is_some_and(|(_, w, _)| *w != "num") {
                        if let Some(u) = units.last_mut() {
                            u.text.push_str(&s);
                        }
                    }
                } else if let Some(u) = units.last_mut() {
                    u.text.push_str(&s);
                }
                let in_num = capture.last().is_some_and(|(_, w, _)| *w == "num");
                // An annex's label, title and subtitle are headings too (the UN writes them
                // as paragraphs).
                let in_heading = stack.iter().any(|e| e == "heading" || e == "subheading")
                    || (stack.iter().any(|e| e == "attachment")
                        && stack.iter().any(|e| e == "preface"));
                // The number of a heading (`II.`, `Rule 27`) is a word of the heading, as the
                // UN writes it (`II` in a subheading).
                let heading_number = stack.len() >= 2
                    && stack[stack.len() - 1] == "num"
                    && matches!(
                        stack[stack.len() - 2].as_str(),
                        "section" | "part" | "chapter" | "article" | "rule" | "title"
                    );
                if heading_number && note.is_none() {
                    x.words.extend(
                        s.split_whitespace()
                            .map(|w| w.trim_end_matches('.').to_string()),
                    );
                } else if note.is_none() && !in_num && (!units.is_empty() || in_heading) {
                    let mut words = s.split_whitespace();
                    let glued = in_word && !s.starts_with(char::is_whitespace);
                    if let (true, Some(last), Some(first)) =
                        (glued, x.words.last_mut(), words.next())
                    {
                        last.push_str(first);
                    } else {
                        words = s.split_whitespace();
                    }
                    x.words.extend(words.map(str::to_string));
                    in_word = !s.is_empty() && !s.ends_with(char::is_whitespace);
                    continue;
                }
                in_word = false;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(x)
}

/// Whether a unit's text so far is only space or a printed number (`8. `): an italic element
/// that starts here is the opening phrase.
fn opening_so_far(text: &str) -> bool {
    let t = text.trim();
    t.is_empty()
        || t.strip_suffix('.')
            .is_some_and(|n| n.bytes().all(|c| c.is_ascii_digit()))
}

/// Names the division a footnote hangs from. Recitals (and unnumbered paragraphs) are named by
/// their opening words, not their position, so one recital split differently does not shift
/// every later host.
fn host_of(u: &Unit) -> String {
    let opening = || normalise(&u.text).chars().take(40).collect::<String>();
    // A paragraph that is really a sub-item (filed as one by `finish_unit`) hosts as one.
    if u.kind == UnitKind::Paragraph {
        if let Some((label, _)) = sibling_item(&u.num, &normalise(&u.text)) {
            return format!("item {label}");
        }
    }
    match u.kind {
        UnitKind::Recital => format!("recital «{}»", opening()),
        UnitKind::Paragraph if u.num.is_empty() => format!("paragraph «{}»", opening()),
        UnitKind::Paragraph => format!("paragraph {}", u.num),
        UnitKind::Item => format!("item {}", u.num),
    }
}

/// A heading written as a paragraph: no number or a section number (`IV`, `B`), short, and
/// no closing punctuation.
fn is_heading(num: &str, text: &str) -> bool {
    let section_number = num.is_empty()
        || num.bytes().all(|c| matches!(c, b'I' | b'V' | b'X' | b'L'))
        || (num.len() == 1 && num.bytes().all(|c| c.is_ascii_uppercase()));
    section_number && !text.is_empty() && text.len() < 300 && !text.ends_with(['.', ';', ',', ':'])
}

/// A paragraph that is a sub-item written as a sibling paragraph (the UN's files do): numbered
/// `iii`, or unnumbered with its letter in the text (`(a) ...`) → (letter, text).
fn sibling_item(num: &str, text: &str) -> Option<(String, String)> {
    if !num.is_empty() {
        return num
            .bytes()
            .all(|c| c.is_ascii_lowercase())
            .then(|| (num.to_string(), text.to_string()));
    }
    let (label, rest) = text.strip_prefix('(')?.split_once(") ")?;
    (label.len() <= 5 && label.bytes().all(|c| c.is_ascii_lowercase()))
        .then(|| (label.to_string(), rest.to_string()))
}

/// Files a finished unit; paragraphs that are really sub-items (the UN's files sometimes
/// write `(a) ...` as an unnumbered sibling paragraph) are filed as sub-items, and a paragraph
/// whose number stood alone before it takes that number.
fn finish_unit(x: &mut Extract, u: Unit) {
    let text = normalise(&u.text);
    // An annexed instrument's recitals are paragraphs of the annex: the resolution's recitals
    // are its own preamble's.
    let kind = match u.kind {
        UnitKind::Recital if u.annex => UnitKind::Paragraph,
        kind => kind,
    };
    let item = |x: &mut Extract, label: String, text: String| {
        if u.annex {
            x.annex_items.push((label.clone(), text.clone()));
        }
        x.items.push((label, text));
    };
    match kind {
        UnitKind::Recital => x.recitals.push(text),
        UnitKind::Paragraph => {
            let number_alone =
                |p: &&mut (String, String)| u.num.is_empty() && !p.0.is_empty() && p.1.is_empty();
            if let Some((label, rest)) = sibling_item(&u.num, &text) {
                item(x, label, rest);
            } else if is_heading(&u.num, &text) || (u.subheading && u.num.is_empty()) {
                // The UN's files sometimes write headings as paragraphs.
                x.headings.push(text);
            } else if let Some(alone) = x.paragraphs.last_mut().filter(number_alone) {
                // A number written apart from its text (the UN's files do): one paragraph, as
                // the reader reads it.
                alone.1 = text.clone();
                if let Some(alone) = x.annex_paragraphs.last_mut().filter(|_| u.annex) {
                    alone.1 = text;
                }
            } else if !text.is_empty() || !u.num.is_empty() {
                if u.annex {
                    x.annex_paragraphs.push((u.num.clone(), text.clone()));
                }
                x.paragraphs.push((u.num, text));
            }
        }
        UnitKind::Item => item(x, u.num, text),
    }
}
