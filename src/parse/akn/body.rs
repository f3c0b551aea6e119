//! The body of an AKN act: divisions, paragraphs, lists, tables and the inline markup inside
//! them, read into the model's blocks and inlines.

use super::*;

impl Reader {
    /// A hierarchical division: number, heading and the blocks under it.
    pub(super) fn section(&mut self, e: &Element, kind: SectionKind) -> Block {
        let number = e
            .child("num")
            .map(|n| normalise(&n.text()).trim_end_matches('.').to_string());
        let heading = e
            .child("heading")
            .or_else(|| e.child("subheading"))
            .map(|h| self.inlines(h, false))
            .unwrap_or_default();
        let blocks = self.blocks(e);
        Block::Section(Section {
            kind,
            number,
            heading,
            blocks,
            span: e.span,
        })
    }

    /// The blocks of a body (mainBody, section, annex body).
    pub(super) fn blocks(&mut self, parent: &Element) -> Vec<Block> {
        let mut out: Vec<Block> = Vec::new();
        for e in parent.elements() {
            match e.name.as_str() {
                // An article with a heading or divisions of its own is a division, as this
                // crate writes articles; a bare numbered article is a paragraph.
                "article" if e.child("heading").is_some() || has_divisions(e) => {
                    out.push(self.section(e, SectionKind::Article));
                }
                "paragraph" | "article" | "point" => {
                    let paragraph = self.paragraph(e);
                    // Some UN files write a numbered paragraph as its number alone, its text in
                    // an unnumbered paragraph after it: one paragraph.
                    if paragraph.number.is_none() {
                        if let Some(Block::Paragraph(prev)) = out.last_mut() {
                            if is_number_alone(prev) {
                                self.diagnostics.push(Diagnostic::warning(
                                    Code::NumberApart,
                                    e.span,
                                    format!(
                                        "paragraph {} written as its number alone, its text in the paragraph after: read as one",
                                        prev.number.as_deref().unwrap_or_default()
                                    ),
                                ));
                                prev.text = paragraph.text;
                                prev.items = paragraph.items;
                                prev.wrap_up = paragraph.wrap_up;
                                prev.span = prev.span.join(paragraph.span);
                                continue;
                            }
                        }
                    }
                    // The UN's files write some sub-items as sibling paragraphs: `(a) ...`.
                    if paragraph.number.is_none() {
                        if let Some(item) = lettered_item(&paragraph) {
                            if let Some(Block::Paragraph(prev)) = out.last_mut() {
                                self.diagnostics.push(Diagnostic::warning(
                                    Code::SiblingSubitem,
                                    e.span,
                                    format!(
                                        "sub-item ({}) written as a paragraph: read as a sub-item",
                                        item.number
                                    ),
                                ));
                                prev.items.push(item);
                                continue;
                            }
                        }
                    }
                    out.push(Block::Paragraph(paragraph));
                }
                "section" | "chapter" | "part" | "title" | "division" | "rule" => {
                    let kind = SectionKind::from_akn_name(&e.name).unwrap_or_default();
                    out.push(self.section(e, kind));
                }
                "crossHeading" if e.attr("refersTo") == Some("#preamble") => {
                    out.push(Block::Recital(Recital {
                        text: self.inlines(e, true),
                        span: e.span,
                    }))
                }
                "hcontainer" if e.attr("name") == Some("recital") => {
                    out.push(Block::Recital(Recital {
                        text: self.block_text(e, true),
                        span: e.span,
                    }))
                }
                "num" | "heading" | "subheading" => {}
                "table" => {
                    let table = self.table(e);
                    // Spacer rows only: nothing to keep.
                    if !table.rows.is_empty() {
                        out.push(Block::Table(table));
                    }
                }
                // A container holding tables (`<container name="table">`, or this crate's
                // `<hcontainer name="table"><content>`): the tables, and any text around them.
                "hcontainer" | "container" | "blockContainer" | "content"
                    if e.find("table").is_some() =>
                {
                    out.extend(self.blocks(e));
                }
                "hcontainer" | "container" | "blockContainer" | "crossHeading" | "p"
                | "content" | "tblock" => {
                    let text = self.block_text(e, false);
                    if !text.is_empty() {
                        out.push(Block::Text(TextBlock { text, span: e.span }));
                    }
                }
                _ => {
                    let text = self.block_text(e, false);
                    if !text.is_empty() {
                        out.push(Block::Text(TextBlock { text, span: e.span }));
                    }
                }
            }
        }
        out
    }

    /// A table row by row; a row of `th` cells is a heading row.
    pub(super) fn table(&mut self, e: &Element) -> Table {
        let mut rows = Vec::new();
        for tr in e.children_named("tr") {
            let cells: Vec<&Element> = tr
                .elements()
                .filter(|c| c.name == "th" || c.name == "td")
                .collect();
            let heading = !cells.is_empty() && cells.iter().all(|c| c.name == "th");
            let cells: Vec<TableCell> = cells
                .into_iter()
                .map(|c| TableCell {
                    text: self.block_text(c, false),
                    columns: c
                        .attr("colspan")
                        .and_then(|n| n.trim().parse().ok())
                        .filter(|&n| n >= 1)
                        .unwrap_or(1),
                })
                .collect();
            // Spacer rows (every cell empty) carry nothing.
            if cells.iter().any(|c| !c.text.is_empty()) {
                rows.push(TableRow { heading, cells });
            }
        }
        Table { rows, span: e.span }
    }

    pub(super) fn paragraph(&mut self, e: &Element) -> Paragraph {
        let number = e
            .child("num")
            .map(|n| normalise(&n.text()).trim_end_matches('.').to_string())
            .filter(|n| !n.is_empty());
        let mut text = Vec::new();
        let mut items = Vec::new();
        let mut wrap_up = Vec::new();
        for c in e.elements() {
            match c.name.as_str() {
                "num" => {}
                "list" | "blockList" => {
                    for l in c.elements() {
                        match l.name.as_str() {
                            "intro" | "listIntroduction" => text = self.block_text(l, true),
                            "point" | "item" | "paragraph" => items.push(self.item(l)),
                            // The UN's files put `(i)` points in a sublist beside `(a)`.
                            "sublist" => {
                                let nested = self.sublist(l);
                                match items.last_mut() {
                                    Some(parent) => parent.items.extend(nested),
                                    None => items.extend(nested),
                                }
                            }
                            "wrapUp" | "listWrapUp" => wrap_up = self.block_text(l, false),
                            _ => {}
                        }
                    }
                }
                "content" | "intro" => {
                    let t = self.block_text(c, true);
                    append(&mut text, t);
                }
                "point" | "paragraph" | "subparagraph" => items.push(self.item(c)),
                "wrapUp" => wrap_up = self.block_text(c, false),
                _ => {
                    let t = self.block_text(c, true);
                    append(&mut text, t);
                }
            }
        }
        Paragraph {
            number,
            text,
            items,
            wrap_up,
            span: e.span,
        }
    }

    /// The points of a sublist. A sublist inside a sublist (the UN nests `(ii)` under `(i)`)
    /// holds siblings, not children: they are read at the same level.
    pub(super) fn sublist(&mut self, l: &Element) -> Vec<Item> {
        let mut items = Vec::new();
        for p in l.elements() {
            match p.name.as_str() {
                "point" => items.push(self.item(p)),
                "sublist" => {
                    let more = self.sublist(p);
                    items.extend(more);
                }
                _ => {}
            }
        }
        items
    }

    pub(super) fn item(&mut self, e: &Element) -> Item {
        let p = self.paragraph(e);
        // `(a)` without its brackets; `1.` (a numbered list) as printed.
        let printed = e
            .child("num")
            .map(|n| normalise(&n.text()))
            .unwrap_or_default();
        let number = match printed.strip_prefix('(') {
            Some(inner) => inner.trim_end_matches(')').to_string(),
            None if printed.ends_with(['.', ')']) && printed.len() > 1 => printed,
            None => p.number.clone().unwrap_or_default(),
        };
        // Sub-items have no opening phrase: what looked like one is text.
        let text = p
            .text
            .into_iter()
            .map(|i| match i {
                Inline::Phrase(t) => Inline::Emphasis(t),
                other => other,
            })
            .collect();
        Item {
            number,
            text,
            items: p.items,
            span: p.span,
        }
    }

    /// The text of a block: its paragraphs' inlines joined by spaces.
    pub(super) fn block_text(&mut self, e: &Element, phrase: bool) -> Vec<Inline> {
        let mut out = Vec::new();
        let mut found = false;
        self.text_blocks(e, phrase, &mut found, &mut out);
        if !found {
            return self.inlines(e, phrase);
        }
        out
    }

    /// The outermost text blocks of `e` in order (notes have their own), with the numbers of
    /// list items (`(a)`) that stand beside them: a recital's own list keeps its letters.
    pub(super) fn text_blocks(
        &mut self,
        e: &Element,
        phrase: bool,
        found: &mut bool,
        out: &mut Vec<Inline>,
    ) {
        for c in e.elements() {
            match c.name.as_str() {
                "p" | "listIntroduction" | "listWrapUp" => {
                    let runs = self.inlines(c, phrase && !*found);
                    *found = true;
                    append(out, runs);
                }
                "num" if e.name == "item" => append(out, vec![Inline::Text(normalise(&c.text()))]),
                "authorialNote" | "num" => {}
                _ => self.text_blocks(c, phrase, found, out),
            }
        }
    }

    /// Inline content of an element.
    pub(super) fn inlines(&mut self, e: &Element, phrase: bool) -> Vec<Inline> {
        let mut out = Vec::new();
        self.inline_children(e, &mut out, phrase);
        let runs = tidy(out);
        if phrase {
            return runs;
        }
        runs.into_iter()
            .map(|r| match r {
                Inline::Phrase(t) => Inline::Emphasis(t),
                other => other,
            })
            .collect()
    }

    /// Reads a footnote into the document's notes; returns the reference to put at its marker.
    pub(super) fn note(&mut self, e: &Element) -> Inline {
        let marker = e.attr("marker").unwrap_or("").to_string();
        let index = self.notes.len();
        // Reserve the place first, so that notes inside notes keep marker order.
        self.notes.push(Footnote {
            marker: marker.clone(),
            text: Vec::new(),
            span: e.span,
        });
        let text = self.block_text(e, false);
        self.notes[index].text = text;
        Inline::NoteRef { marker, index }
    }

    pub(super) fn inline_children(&mut self, e: &Element, out: &mut Vec<Inline>, phrase: bool) {
        for n in &e.children {
            match n {
                Node::Text(t) => out.push(Inline::Text(t.clone())),
                Node::Element(c) => match c.name.as_str() {
                    "authorialNote" | "note" => out.push(self.note(c)),
                    "a" | "ref" => {
                        let raw = c.text();
                        let text = normalise(&raw);
                        // Spaces inside the link's edges belong to the running text.
                        if raw.starts_with(char::is_whitespace) {
                            out.push(Inline::Text(" ".into()));
                        }
                        match c.attr("href").and_then(symbol_of_link) {
                            Some(link) => {
                                let symbol = canonical_symbol(&text, &link);
                                out.push(Inline::Ref(Citation { text, symbol }))
                            }
                            None => out.push(Inline::Text(text)),
                        }
                        if raw.ends_with(char::is_whitespace) {
                            out.push(Inline::Text(" ".into()));
                        }
                    }
                    "span" | "i" | "em" | "b" if is_italic(c) || is_bold(c) => {
                        let text = c.text();
                        // The opening phrase: italic, or bold in Chinese; a paragraph number
                        // printed in the text (`10.`) may come first.
                        let at_start = phrase
                            && out.iter().all(|r| {
                                matches!(r, Inline::Text(t) if t.trim().is_empty() || is_printed_number(t))
                            });
                        if !at_start && !is_italic(c) {
                            self.inline_children(c, out, false);
                        } else if at_start && !text.trim().is_empty() {
                            out.push(Inline::Phrase(normalise(&text)));
                            // `<span>Urges </span>States`: the space belongs to the text.
                            if text.ends_with(char::is_whitespace) {
                                out.push(Inline::Text(" ".into()));
                            }
                        } else {
                            out.push(Inline::Emphasis(text));
                        }
                    }
                    "eol" | "br" => out.push(Inline::Text(" ".into())),
                    _ => self.inline_children(c, out, phrase && out.is_empty()),
                },
            }
        }
    }
}

pub(super) fn is_bold(e: &Element) -> bool {
    e.name == "b"
        || e.attr("class")
            .is_some_and(|c| c.split_whitespace().any(|k| k == "bold"))
}

/// The footnotes of `e` that are not inside an element named `skip`.
pub(super) fn notes_outside<'a>(e: &'a Element, skip: &str, out: &mut Vec<&'a Element>) {
    for c in e.elements() {
        if c.name == "authorialNote" {
            out.push(c);
        } else if c.name != skip {
            notes_outside(c, skip, out);
        }
    }
}

/// `10. Looks forward ...`: text opening with a paragraph number.
pub(super) fn starts_with_printed_number(t: &str) -> bool {
    let t = t.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && t[digits..].starts_with('.')
}

/// `10.` standing before a paragraph's text.
pub(super) fn is_printed_number(t: &str) -> bool {
    let t = t.trim();
    t.strip_suffix('.')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()))
}

/// A paragraph whose number is printed in its text: `10.` followed by the phrase.
pub(super) fn numbered_paragraph(text: Vec<Inline>, span: Span) -> Paragraph {
    let mut runs = text;
    let mut number = None;
    if let Some(Inline::Text(first)) = runs.first() {
        let t = first.trim_start();
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && t[digits..].starts_with('.') {
            number = Some(t[..digits].to_string());
            let rest = t[digits + 1..].trim_start().to_string();
            if rest.is_empty() {
                runs.remove(0);
            } else {
                runs[0] = Inline::Text(rest);
            }
        }
    }
    Paragraph {
        number,
        text: tidy(runs),
        items: Vec::new(),
        wrap_up: Vec::new(),
        span,
    }
}

pub(super) fn is_italic(e: &Element) -> bool {
    e.name == "i"
        || e.name == "em"
        || e.attr("class")
            .is_some_and(|c| c.split_whitespace().any(|k| k == "italic"))
}

/// The symbol of a citation: its own words when they are a whole symbol (`A/78/301 (Part I)`),
/// else the link's, whose part letter the UN's links write in lower case (`A/RES/48/218b`).
/// A numbered paragraph with nothing but its number.
fn is_number_alone(p: &Paragraph) -> bool {
    p.number.is_some() && p.text.is_empty() && p.items.is_empty() && p.wrap_up.is_empty()
}

pub(super) fn canonical_symbol(text: &str, link: &str) -> String {
    if let Some((len, symbol)) = crate::symbol::symbol_at(text) {
        if len == text.len() {
            return symbol;
        }
    }
    crate::symbol::normalise(link)
}

pub(super) fn append(into: &mut Vec<Inline>, more: Vec<Inline>) {
    if !into.is_empty() && !more.is_empty() {
        into.push(Inline::Text(" ".into()));
    }
    into.extend(more);
    let tidied = tidy(std::mem::take(into));
    *into = tidied;
}

/// Whitespace collapsed across runs, ends trimmed, adjacent text runs merged.
pub(super) fn tidy(runs: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(runs.len());
    let mut prev_space = true;
    for run in runs {
        match run {
            Inline::Text(t) | Inline::Emphasis(t) if t.is_empty() => {}
            Inline::Text(t) => {
                let mut s = String::with_capacity(t.len());
                for c in t.chars() {
                    if c.is_whitespace() {
                        if !prev_space {
                            s.push(' ');
                        }
                        prev_space = true;
                    } else {
                        s.push(c);
                        prev_space = false;
                    }
                }
                if s.is_empty() {
                    continue;
                }
                if let Some(Inline::Text(prev)) = out.last_mut() {
                    prev.push_str(&s);
                } else {
                    out.push(Inline::Text(s));
                }
            }
            Inline::Emphasis(t) => {
                let s = normalise(&t);
                if !s.is_empty() {
                    if t.starts_with(char::is_whitespace) && !prev_space {
                        out.push(Inline::Text(" ".into()));
                    }
                    out.push(Inline::Emphasis(s));
                    prev_space = false;
                    if t.ends_with(char::is_whitespace) {
                        out.push(Inline::Text(" ".into()));
                        prev_space = true;
                    }
                }
            }
            Inline::Phrase(p) => {
                out.push(Inline::Phrase(p));
                prev_space = false;
            }
            Inline::Ref(c) => {
                out.push(Inline::Ref(c));
                prev_space = false;
            }
            Inline::NoteRef { marker, index } => out.push(Inline::NoteRef { marker, index }),
        }
    }
    while let Some(Inline::Text(t)) = out.last_mut() {
        let trimmed = t.trim_end().len();
        if trimmed == 0 {
            out.pop();
        } else {
            t.truncate(trimmed);
            break;
        }
    }
    out
}

/// A paragraph without number whose text opens with `(a)`: a sub-item.
pub(super) fn lettered_item(p: &Paragraph) -> Option<Item> {
    let Some(Inline::Text(first)) = p.text.first() else {
        return None;
    };
    let rest = first.trim_start().strip_prefix('(')?;
    let (label, after) = rest.split_once(')')?;
    if label.is_empty() || label.len() > 5 || !label.bytes().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    let mut text = p.text.clone();
    text[0] = Inline::Text(after.trim_start().to_string());
    let text = tidy(text);
    Some(Item {
        number: label.to_string(),
        text,
        items: Vec::new(),
        span: p.span,
    })
}

pub(super) fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
