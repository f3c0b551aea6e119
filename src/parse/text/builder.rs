//! The state machine that takes units one at a time and builds the document.

use super::*;

/// Builds the document from units, one at a time.
pub(super) struct Builder {
    pub(super) flavour: Flavour,
    pub(super) stage: Stage,
    pub(super) kind: DocumentKind,
    pub(super) adoption: Option<(String, Option<Date>)>,
    pub(super) number: Option<(String, Span)>,
    pub(super) title: String,
    pub(super) formula: Option<(String, Span)>,
    pub(super) preamble: Vec<(String, Span)>,
    pub(super) body: Vec<Draft>,
    /// Open sections in `body` (or the current annex), from the outside in:
    /// (index in the enclosing list, level, number).
    pub(super) sections: Vec<(usize, u8, String)>,
    pub(super) conclusion: Option<Conclusion>,
    pub(super) annexes: Vec<DraftAnnex>,
    /// The annex title is still being read.
    pub(super) annex_title_open: bool,
    /// The parts of a multi-part resolution read so far; the fields above hold the one being
    /// read until the next begins (or the text ends).
    pub(super) parts: Vec<DraftPart>,
    /// A part of a multi-part resolution (`A`, `B`) has begun and its title is expected.
    pub(super) part_title_open: bool,
    /// A section's number stood alone on its line: its title is expected.
    pub(super) heading_open: bool,
    /// The unit before was a table row: the next row goes on the same table.
    pub(super) table_open: bool,
}

impl Builder {
    pub(super) fn new(flavour: Flavour) -> Self {
        Builder {
            flavour,
            stage: Stage::Head,
            kind: DocumentKind::Resolution,
            adoption: None,
            number: None,
            title: String::new(),
            formula: None,
            preamble: Vec::new(),
            body: Vec::new(),
            sections: Vec::new(),
            conclusion: None,
            annexes: Vec::new(),
            annex_title_open: false,
            parts: Vec::new(),
            part_title_open: false,
            heading_open: false,
            table_open: false,
        }
    }

    /// Whether the letter alone on its line opens a part: `A` right after the number and
    /// title, before any formula or recital; then each next letter in turn, once the part before
    /// has its operative part.
    pub(super) fn opens_part(&self, plain: &str) -> bool {
        let letter = plain.trim().as_bytes()[0];
        match self.parts.last() {
            None => {
                letter == b'A'
                    && self.number.is_some()
                    && self.stage == Stage::Head
                    && self.formula.is_none()
                    && self.preamble.is_empty()
            }
            Some(last) => {
                last.number.as_bytes().first().map(|&b| b + 1) == Some(letter)
                    && !self.body.is_empty()
            }
        }
    }

    /// Moves what was read since the last part letter into that part.
    pub(super) fn close_part(&mut self) {
        if let Some(part) = self.parts.last_mut() {
            part.formula = self.formula.take();
            part.preamble = std::mem::take(&mut self.preamble);
            part.body = std::mem::take(&mut self.body);
            part.conclusion = self.conclusion.take();
            part.annexes = std::mem::take(&mut self.annexes);
        }
    }

    /// The block list inside the first `depth` open sections (0: the body, or the annex being
    /// read).
    pub(super) fn list_at(&mut self, depth: usize) -> &mut Vec<Draft> {
        let mut list = match self.annexes.last_mut() {
            Some(a) if self.stage == Stage::Annex => &mut a.blocks,
            _ => &mut self.body,
        };
        for (i, _, _) in &self.sections[..depth] {
            list = match &mut list[*i] {
                Draft::Section { blocks, .. } => blocks,
                _ => unreachable!("section path points at sections only"),
            };
        }
        list
    }

    /// The innermost open section itself.
    pub(super) fn innermost_section(&mut self) -> Option<&mut Draft> {
        let depth = self.sections.len().checked_sub(1)?;
        let index = self.sections[depth].0;
        self.list_at(depth).get_mut(index)
    }

    /// The block list new blocks go into: the innermost open section.
    pub(super) fn container(&mut self) -> &mut Vec<Draft> {
        self.list_at(self.sections.len())
    }

    pub(super) fn take(&mut self, unit: &Unit, diagnostics: &mut Vec<Diagnostic>) {
        let plain = inline::plain(&unit.raw, self.flavour);
        let raw = unit.raw.trim();
        if plain.is_empty() {
            return;
        }
        let table_open = std::mem::take(&mut self.table_open);
        if self.stage != Stage::Head {
            if let Some(cells) = table_cells(raw) {
                self.take_table_row(cells, unit.span, table_open);
                return;
            }
        }
        // A multi-part resolution (`78/80 A-B`): a capital letter alone, `A` after the title or
        // the next letter after a part, opens a part with its own title, preamble, operative
        // part, meeting line and annexes.
        if is_part_letter(&plain) && self.opens_part(&plain) {
            self.close_part();
            self.parts.push(DraftPart {
                number: plain.trim().to_string(),
                title: String::new(),
                span: unit.span,
                formula: None,
                preamble: Vec::new(),
                body: Vec::new(),
                conclusion: None,
                annexes: Vec::new(),
            });
            self.stage = Stage::Preamble;
            self.sections.clear();
            self.part_title_open = true;
            return;
        }
        // A heading's number alone on its line (`IV`), its title on the next: opens a section
        // (of the operative part, or of the annex being read).
        if self.stage != Stage::Head {
            let heading = if is_heading_number(&plain) {
                Some((SectionKind::Section, plain.trim().trim_end_matches('.'), ""))
            } else {
                named_division(&plain)
                    .map(|(kind, num)| (kind, num, ""))
                    .or_else(|| split_named_division(&plain, unit.heading))
            };
            if let Some((kind, num, title)) = heading {
                if self.stage != Stage::Annex {
                    self.stage = Stage::Body;
                }
                self.annex_title_open = false;
                self.open_section(kind, num, title, unit.span);
                self.heading_open = title.is_empty();
                return;
            }
        }
        if std::mem::take(&mut self.heading_open) {
            let title_like =
                !ends_clause(raw) && split_number(raw).is_none() && split_item(raw).is_none();
            if title_like {
                if let Some(Draft::Section { heading, span, .. }) = self.innermost_section() {
                    heading.push_str(raw);
                    *span = span.join(unit.span);
                    return;
                }
            }
        }
        if self.part_title_open {
            self.part_title_open = false;
            let title_like =
                !ends_clause(raw) && split_number(raw).is_none() && !is_formula(&plain);
            if title_like {
                if let Some(part) = self.parts.last_mut() {
                    prepare::join_wrapped(&mut part.title, raw);
                    part.span = part.span.join(unit.span);
                    self.part_title_open = part.title.len() < 400;
                }
                return;
            }
        }
        // Lines valid in any stage after the head.
        if self.stage != Stage::Head {
            if let Some((meeting, date)) = meeting(&plain) {
                if self.conclusion.is_none() {
                    self.conclusion = Some(Conclusion {
                        meeting,
                        date: date.as_ref().map(|d| d.0),
                        date_text: date.map(|d| d.1),
                        span: unit.span,
                    });
                    self.stage = Stage::Closed;
                    self.sections.clear();
                    return;
                }
            }
            if self.stage == Stage::Closed {
                if let Some(c) = self.conclusion.as_mut().filter(|c| c.date.is_none()) {
                    // Markdown sets the meeting and date in one italic run: `15 December 2022*`.
                    let line = plain.trim().trim_matches('*').trim();
                    if let Some(d) = masthead::date_line(line) {
                        c.date = Some(d);
                        c.date_text = Some(line.to_string());
                        c.span = c.span.join(unit.span);
                        return;
                    }
                }
            }
            if is_annex_label(&plain)
                && matches!(self.stage, Stage::Closed | Stage::Annex | Stage::Body)
            {
                self.annexes.push(DraftAnnex {
                    label: plain.clone(),
                    title: String::new(),
                    blocks: Vec::new(),
                    span: unit.span,
                });
                self.stage = Stage::Annex;
                self.sections.clear();
                self.annex_title_open = true;
                return;
            }
        }
        match self.stage {
            Stage::Head => self.take_head(unit, &plain, raw),
            Stage::Preamble => {
                if self.formula.is_none() && self.preamble.is_empty() && is_formula(&plain) {
                    // The formula of a part of a multi-part resolution.
                    self.formula = Some((raw.to_string(), unit.span));
                } else if split_item(raw).is_some() && !self.preamble.is_empty() {
                    // A recital's own list: `...contribution to: (a) ...`.
                    let (text, span) = self.preamble.last_mut().expect("checked");
                    prepare::join_wrapped(text, raw);
                    *span = span.join(unit.span);
                } else if split_number(raw).is_some() || split_heading(&plain).is_some() {
                    self.stage = Stage::Body;
                    self.take_body(unit, &plain, raw, diagnostics);
                } else if ends_operative(&plain) && !self.preamble.is_empty() {
                    // A single unnumbered operative paragraph.
                    self.stage = Stage::Body;
                    self.body.push(Draft::Paragraph {
                        number: None,
                        raw: raw.to_string(),
                        items: Vec::new(),
                        wrap_up: String::new(),
                        span: unit.span,
                    });
                } else {
                    self.preamble.push((raw.to_string(), unit.span));
                }
            }
            Stage::Body | Stage::Annex => {
                if self.stage == Stage::Annex && self.annex_title_open {
                    let annex = self.annexes.last_mut().expect("annex stage has an annex");
                    let title_like = !ends_clause(raw)
                        && split_number(raw).is_none()
                        && split_item(raw).is_none()
                        && split_heading(&plain).is_none()
                        && !is_preamble_heading(&plain);
                    if title_like && annex.title.len() < 400 {
                        prepare::join_wrapped(&mut annex.title, raw);
                        annex.span = annex.span.join(unit.span);
                        return;
                    }
                    self.annex_title_open = false;
                }
                self.take_body(unit, &plain, raw, diagnostics);
            }
            Stage::Closed => {
                // Text after the meeting line and before any annex: keep it.
                self.stage = Stage::Body;
                self.take_body(unit, &plain, raw, diagnostics);
            }
        }
    }

    /// A row of a markdown table: onto the table just read, or opening one. A rule row
    /// (`| --- |`) makes the rows above it headings; a second rule starts a new table headed
    /// by the row just above it.
    pub(super) fn take_table_row(&mut self, cells: Vec<&str>, span: Span, table_open: bool) {
        self.table_open = true;
        self.annex_title_open = false;
        self.part_title_open = false;
        if self.stage == Stage::Closed {
            self.stage = Stage::Body;
        }
        let rule = is_table_rule(&cells);
        let cells: Vec<String> = cells.into_iter().map(str::to_string).collect();
        let list = self.container();
        if let Some(Draft::Table {
            rows,
            ruled,
            span: table_span,
        }) = list.last_mut().filter(|_| table_open)
        {
            *table_span = table_span.join(span);
            if !rule {
                rows.push((false, cells));
                return;
            }
            if !*ruled {
                *ruled = true;
                for (heading, _) in rows.iter_mut() {
                    *heading = true;
                }
                return;
            }
            // A second rule: the row above heads a new table (or, when it was the only row,
            // heads this one again).
            let Some((_, head)) = rows.pop() else { return };
            if rows.is_empty() {
                rows.push((true, head));
                return;
            }
            list.push(Draft::Table {
                rows: vec![(true, head)],
                ruled: true,
                span,
            });
            return;
        }
        if !rule {
            list.push(Draft::Table {
                rows: vec![(false, cells)],
                ruled: false,
                span,
            });
        }
    }

    pub(super) fn take_head(&mut self, unit: &Unit, plain: &str, raw: &str) {
        if starts_adoption(plain) && self.adoption.is_none() {
            if plain.starts_with("Decision") {
                self.kind = DocumentKind::Decision;
            }
            self.adoption = Some((plain.to_string(), masthead::find_date(plain).map(|d| d.0)));
            return;
        }
        if plain.starts_with('[') {
            return; // The origin, read by `builder_origin`.
        }
        if self.number.is_none() {
            if let Some(number) = council_number(plain) {
                self.number = Some((number, unit.span));
                return;
            }
            if let Some((number, title)) = number_title(plain) {
                self.number = Some((number, unit.span));
                // Title from the raw text, marks kept.
                self.title = raw.split_once(". ").map_or(title, |(_, t)| t.to_string());
                return;
            }
        }
        if is_formula(plain) {
            self.formula = Some((raw.to_string(), unit.span));
            self.stage = Stage::Preamble;
            return;
        }
        if self.number.is_some() {
            // No formula: the preamble starts here.
            self.stage = Stage::Preamble;
            self.preamble.push((raw.to_string(), unit.span));
        }
    }

    /// Opens a numbered section (`I`, `A`, `Rule 27`), closing those open at its level or below:
    /// parts and chapters hold sections, which hold articles and rules.
    pub(super) fn open_section(&mut self, kind: SectionKind, num: &str, heading: &str, span: Span) {
        let level = match kind {
            SectionKind::Part | SectionKind::Chapter => 0,
            SectionKind::Section => self.section_level(num),
            SectionKind::Article | SectionKind::Rule => 3,
        };
        while self.sections.last().is_some_and(|(_, l, _)| *l >= level) {
            self.sections.pop();
        }
        let list = self.container();
        list.push(Draft::Section {
            kind,
            number: Some(num.to_string()),
            heading: heading.to_string(),
            blocks: Vec::new(),
            span,
        });
        let index = list.len() - 1;
        self.sections.push((index, level, num.to_string()));
    }

    pub(super) fn take_body(
        &mut self,
        unit: &Unit,
        plain: &str,
        raw: &str,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        if let Some((num, heading)) = split_heading(plain) {
            self.open_section(SectionKind::Section, num, heading, unit.span);
            return;
        }
        // An unnumbered heading set apart by the typography (bold in a PDF; a bold sentence
        // ending in a colon is a lead-in, not a heading), or the `Preamble` of an annexed
        // instrument: a section without a number, under any numbered one that is open.
        if (unit.heading || is_preamble_heading(plain))
            && !ends_clause(raw)
            && split_number(raw).is_none()
            && split_item(raw).is_none()
        {
            while self
                .sections
                .last()
                .is_some_and(|(_, l, _)| *l >= UNNUMBERED_LEVEL)
            {
                self.sections.pop();
            }
            let list = self.container();
            list.push(Draft::Section {
                kind: SectionKind::Section,
                number: None,
                heading: raw.to_string(),
                blocks: Vec::new(),
                span: unit.span,
            });
            let index = list.len() - 1;
            self.sections.push((index, UNNUMBERED_LEVEL, String::new()));
            return;
        }
        let long_number = raw.bytes().take_while(u8::is_ascii_digit).count() > 3;
        let split = match split_number(raw) {
            Some(s) => Some(s),
            // Looked up only for the rare long number: the walk back is not free.
            None if long_number => self
                .previous_number()
                .and_then(|p| split_long_number(raw, p + 1)),
            None => None,
        };
        if let Some((number, rest)) = split {
            if self.take_numbered_item(number, rest, unit.span) {
                return;
            }
            self.check_sequence(number, unit.span, diagnostics);
            self.container().push(Draft::Paragraph {
                number: Some(number.to_string()),
                raw: rest.to_string(),
                items: Vec::new(),
                wrap_up: String::new(),
                span: unit.span,
            });
            return;
        }
        if let Some((label, rest)) = split_item(raw) {
            // `The purposes of this Convention are to:` then `(a) ...`: the text introducing
            // the first item is an unnumbered paragraph holding the items.
            let list = self.container();
            let introduced = matches!(list.last(),
                Some(Draft::Text { raw, .. }) if strip_trailing_markers(raw).ends_with(':'));
            if introduced && matches!(label, "a" | "i") {
                if let Some(Draft::Text { raw, span }) = list.pop() {
                    list.push(Draft::Paragraph {
                        number: None,
                        raw,
                        items: Vec::new(),
                        wrap_up: String::new(),
                        span,
                    });
                }
            }
            if let Some(Draft::Paragraph { items, span, .. }) = self.container().last_mut() {
                *span = span.join(unit.span);
                let nested = match items.last() {
                    Some(last) => {
                        is_roman(label)
                            && next_letter(&last.label).as_deref() != Some(label)
                            && !(is_roman(&last.label)
                                && last.label.len() >= label.len()
                                && label != "i")
                            || (!last.items.is_empty()
                                && is_roman(label)
                                && next_letter(&last.label).as_deref() != Some(label))
                    }
                    None => false,
                };
                let item = DraftItem {
                    label: label.to_string(),
                    raw: rest.to_string(),
                    items: Vec::new(),
                    span: unit.span,
                };
                match items.last_mut() {
                    Some(parent) if nested => {
                        parent.span = parent.span.join(unit.span);
                        parent.items.push(item)
                    }
                    _ => items.push(item),
                }
                return;
            }
        }
        // Continuation in lower case, or text after sub-items.
        let lower_start = plain.chars().next().is_some_and(char::is_lowercase);
        let in_annex = self.stage == Stage::Annex;
        if let Some(Draft::Paragraph {
            items,
            wrap_up,
            raw: text,
            span,
            ..
        }) = self.container().last_mut()
        {
            let last_item_closed = items.last().is_some_and(|i| {
                let mut deepest = i;
                while let Some(d) = deepest.items.last() {
                    deepest = d;
                }
                strip_trailing_markers(&deepest.raw).ends_with([';', '.'])
            });
            if lower_start && last_item_closed && wrap_up.is_empty() {
                // `(c) ...; and demands that ...`: the paragraph resumes after its items.
                wrap_up.push_str(raw);
                *span = span.join(unit.span);
                return;
            }
            if lower_start {
                let target = match items.last_mut() {
                    Some(item) => {
                        let mut deepest = item;
                        while deepest.items.last().is_some() {
                            deepest = deepest.items.last_mut().expect("checked");
                        }
                        &mut deepest.raw
                    }
                    None => text,
                };
                prepare::join_wrapped(target, raw);
                *span = span.join(unit.span);
                return;
            }
            if !items.is_empty() && wrap_up.is_empty() && !looks_like_recital(plain) && !in_annex {
                wrap_up.push_str(raw);
                *span = span.join(unit.span);
                return;
            }
        }
        let block = if looks_like_recital(plain) {
            Draft::Recital {
                raw: raw.to_string(),
                span: unit.span,
            }
        } else {
            Draft::Text {
                raw: raw.to_string(),
                span: unit.span,
            }
        };
        self.container().push(block);
    }

    /// A list numbered `1.`, `2.` inside a paragraph that introduces it with a colon
    /// (`11. Approves the following provisional agenda:` `1. Opening of the Congress.`): a
    /// number restarting at 1 there opens the paragraph's items, and the items go on while
    /// the numbers follow each other and the paragraph numbering does not resume.
    pub(super) fn take_numbered_item(&mut self, number: &str, rest: &str, span: Span) -> bool {
        let Ok(n) = number.parse::<u32>() else {
            return false;
        };
        let Some(Draft::Paragraph {
            number: Some(paragraph),
            raw,
            items,
            wrap_up,
            span: paragraph_span,
        }) = self.container().last_mut()
        else {
            return false;
        };
        let paragraph: u32 = paragraph.parse().unwrap_or(0);
        let numbered = |label: &str| label.strip_suffix('.').and_then(|l| l.parse::<u32>().ok());
        let opens = n == 1
            && items.is_empty()
            && wrap_up.is_empty()
            && strip_trailing_markers(raw).trim_end().ends_with(':');
        let goes_on = !items.is_empty()
            && wrap_up.is_empty()
            && items.iter().all(|i| numbered(&i.label).is_some())
            && items.last().and_then(|i| numbered(&i.label)) == n.checked_sub(1)
            && paragraph.checked_add(1) != Some(n);
        if !(opens || goes_on) {
            return false;
        }
        items.push(DraftItem {
            label: format!("{n}."),
            raw: rest.to_string(),
            items: Vec::new(),
            span,
        });
        *paragraph_span = paragraph_span.join(span);
        true
    }

    /// Roman-numbered sections (level 1) hold lettered ones (level 2); `I` after `H` is a letter.
    pub(super) fn section_level(&self, num: &str) -> u8 {
        let open_letter = self
            .sections
            .iter()
            .rev()
            .find(|(_, l, _)| *l == 2)
            .map(|(_, _, n)| n.as_str());
        let follows_letter =
            num.len() == 1 && open_letter.and_then(next_letter).as_deref() == Some(num);
        let roman = is_roman(num) && !follows_letter;
        if roman {
            1
        } else if self.sections.iter().any(|(_, l, _)| *l == 1) {
            2
        } else {
            1
        }
    }

    /// The number of the last numbered paragraph of the current container.
    pub(super) fn previous_number(&mut self) -> Option<u32> {
        self.container().iter().rev().find_map(|d| match d {
            Draft::Paragraph {
                number: Some(n), ..
            } => n.parse::<u32>().ok(),
            _ => None,
        })
    }

    pub(super) fn check_sequence(
        &mut self,
        number: &str,
        span: Span,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let previous = self.previous_number();
        let n: u32 = number.parse().unwrap_or(0);
        let expected = previous.map_or(1, |p| p + 1);
        if n != expected && !(previous.is_none() && n == 1) {
            diagnostics.push(Diagnostic::warning(
                "paragraph-sequence",
                span,
                match previous {
                    Some(p) => format!("paragraph {n} follows paragraph {p}"),
                    None => format!("paragraph {n} opens the operative part"),
                },
            ));
        }
    }
}
