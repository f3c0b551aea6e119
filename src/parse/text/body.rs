//! The builder in the operative part and annexes: numbered paragraphs, sub-items, sections
//! and their levels, tables, and the numbering checks.

use super::*;

impl Builder {
    /// The block list inside the first `depth` open sections (0: the body, or the annex being
    /// read).
    pub(super) fn list_at(&mut self, depth: usize) -> &mut Vec<Draft> {
        let mut list = match self.act.annexes.last_mut() {
            Some(a) if self.stage == Stage::Annex => &mut a.blocks,
            _ => &mut self.act.body,
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

    /// Opens a numbered section (`I`, `A`, `Rule 27`), closing those open at its level or below:
    /// parts and chapters hold sections, which hold articles and rules.
    pub(super) fn open_section(&mut self, kind: SectionKind, num: &str, heading: &str, span: Span) {
        let level = match kind {
            SectionKind::Part | SectionKind::Chapter => 0,
            SectionKind::Section => self.section_level(num),
            SectionKind::Article | SectionKind::Rule | SectionKind::Division => 3,
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
            self.split_lead_in_before(number);
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
                Some(Draft::Text { raw, .. }) if marks::strip_trailing_marks(raw).ends_with(':'));
            let first = matches!(label, "a" | "i" | "1");
            if introduced && first {
                if let Some(Draft::Text { raw, span }) = list.pop() {
                    list.push(Draft::Paragraph {
                        number: None,
                        raw,
                        items: Vec::new(),
                        wrap_up: String::new(),
                        span,
                    });
                }
            } else if first && !matches!(list.last(), Some(Draft::Paragraph { .. })) {
                // A list straight under a heading (a compact's objectives, `(1) ...`): an
                // unnumbered paragraph of items alone.
                list.push(Draft::Paragraph {
                    number: None,
                    raw: String::new(),
                    items: Vec::new(),
                    wrap_up: String::new(),
                    span: unit.span,
                });
            }
            if let Some(Draft::Paragraph {
                items,
                wrap_up,
                span,
                ..
            }) = self.container().last_mut()
            {
                *span = span.join(unit.span);
                // Text read as resuming after the items, and more items after it: it was
                // more of the item before (`(b) ... themes:` / `Panel 1: ...;` / `Panel 2:
                // ...;` / `(c) ...`).
                if let Some(last) = items.last_mut().filter(|_| !wrap_up.is_empty()) {
                    prepare::join_wrapped(&mut last.innermost_mut().raw, &std::mem::take(wrap_up));
                }
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
                marks::strip_trailing_marks(&i.innermost().raw).ends_with([';', '.'])
            });
            if lower_start && last_item_closed && wrap_up.is_empty() {
                // `(c) ...; and demands that ...`: the paragraph resumes after its items.
                wrap_up.push_str(raw);
                *span = span.join(unit.span);
                return;
            }
            if lower_start {
                let target = match items.last_mut() {
                    Some(item) => &mut item.innermost_mut().raw,
                    None => text,
                };
                prepare::join_wrapped(target, raw);
                *span = span.join(unit.span);
                return;
            }
            // Text after the items ends the paragraph; a lead-in (`Targets:`) opens a list of
            // its own.
            let lead_in = marks::strip_trailing_marks(raw).ends_with(':');
            if !items.is_empty()
                && wrap_up.is_empty()
                && !looks_like_recital(plain)
                && !in_annex
                && !lead_in
            {
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
            && marks::strip_trailing_marks(raw).trim_end().ends_with(':');
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

    /// A declaration's lead-in printed on the line after a paragraph that ends at the margin
    /// (`... Goals.` / `As a follow-up to the present declaration, we:`) is read into that
    /// paragraph, which then ends with a colon and introduces nothing: when the next numbered
    /// paragraph follows it in sequence, its last sentence is set apart as the unnumbered
    /// lead-in it is.
    pub(super) fn split_lead_in_before(&mut self, number: &str) {
        let list = self.container();
        let Some(Draft::Paragraph {
            number: Some(previous),
            raw,
            items,
            wrap_up,
            span,
        }) = list.last_mut()
        else {
            return;
        };
        let in_sequence = previous.parse::<u32>().ok().map(|p| p + 1) == number.parse().ok();
        if !in_sequence || !items.is_empty() || !wrap_up.is_empty() {
            return;
        }
        let Some(at) = trailing_lead_in(raw) else {
            return;
        };
        let lead_in = raw.split_off(at);
        raw.truncate(raw.trim_end().len());
        let lead_in_span = *span;
        list.push(Draft::Text {
            raw: lead_in,
            span: lead_in_span,
        });
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
                Code::ParagraphSequence,
                span,
                match previous {
                    Some(p) => format!("paragraph {n} follows paragraph {p}"),
                    None => format!("paragraph {n} opens the operative part"),
                },
            ));
        }
    }
}
