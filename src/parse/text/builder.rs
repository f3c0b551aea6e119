//! The state machine that takes units one at a time and builds the document.

use super::*;

/// Builds the document from units, one at a time.
pub(super) struct Builder {
    pub(super) flavour: Flavour,
    pub(super) stage: Stage,
    pub(super) kind: DocumentKind,
    /// The document is a draft without a formula (an amendment): its title is one paragraph,
    /// and what follows it is its body (the amendment's instructions).
    pub(super) unenacted: bool,
    pub(super) adoption: Option<(String, Option<Date>)>,
    pub(super) number: Option<(String, Span)>,
    pub(super) title: String,
    /// Lines of the head that stood where the title does when no number line came before them:
    /// the title, if the number line is missing and the masthead gives the number.
    pub(super) title_alone: String,
    /// The act being read: the document's own, or the part's being read.
    pub(super) act: DraftAct,
    /// Open sections in `act.body` (or the current annex), from the outside in:
    /// (index in the enclosing list, level, number).
    pub(super) sections: Vec<(usize, u8, String)>,
    /// The annex title is still being read.
    pub(super) annex_title_open: bool,
    /// The parts of a multi-part resolution read so far; `act` holds the one being read until
    /// the next begins (or the text ends).
    pub(super) parts: Vec<DraftPart>,
    /// A part of a multi-part resolution (`A`, `B`) has begun and its title is expected.
    pub(super) part_title_open: bool,
    /// A section's number stood alone on its line: its title is expected.
    pub(super) heading_open: bool,
    /// The unit before was a table row: the next row goes on the same table.
    pub(super) table_open: bool,
}

impl Builder {
    pub(super) fn new(flavour: Flavour, unenacted: bool) -> Self {
        Builder {
            flavour,
            stage: Stage::Head,
            kind: DocumentKind::Resolution,
            unenacted,
            adoption: None,
            number: None,
            title: String::new(),
            title_alone: String::new(),
            act: DraftAct::default(),
            sections: Vec::new(),
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
                    && self.act.formula.is_none()
                    && self.act.preamble.is_empty()
            }
            Some(last) => {
                last.number.as_bytes().first().map(|&b| b + 1) == Some(letter)
                    && !self.act.body.is_empty()
            }
        }
    }

    /// Moves what was read since the last part letter into that part.
    pub(super) fn close_part(&mut self) {
        if let Some(part) = self.parts.last_mut() {
            part.act = std::mem::take(&mut self.act);
        }
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
                act: DraftAct::default(),
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
                if self.act.conclusion.is_none() {
                    self.act.conclusion = Some(Conclusion {
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
                if let Some(c) = self.act.conclusion.as_mut().filter(|c| c.date.is_none()) {
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
            let annex = split_annex_heading(&plain, unit.heading)
                .filter(|_| matches!(self.stage, Stage::Closed | Stage::Annex | Stage::Body));
            if let Some((label, title)) = annex {
                self.act.annexes.push(DraftAnnex {
                    label: label.to_string(),
                    title: title.to_string(),
                    subtitle: String::new(),
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
            Stage::Head => self.take_head(unit, &plain, raw, diagnostics),
            Stage::Preamble => {
                if self.act.formula.is_none() && self.act.preamble.is_empty() && is_formula(&plain)
                {
                    // The formula of a part of a multi-part resolution.
                    self.act.formula = Some((raw.to_string(), unit.span));
                } else if split_item(raw).is_some() && !self.act.preamble.is_empty() {
                    // A recital's own list: `...contribution to: (a) ...`.
                    let (text, span) = self.act.preamble.last_mut().expect("checked");
                    prepare::join_wrapped(text, raw);
                    *span = span.join(unit.span);
                } else if split_number(raw).is_some() || split_heading(&plain).is_some() {
                    self.stage = Stage::Body;
                    self.take_body(unit, &plain, raw, diagnostics);
                } else if ends_operative(&plain)
                    && (!self.act.preamble.is_empty() || self.act.formula.is_some())
                {
                    // An unnumbered operative paragraph: the only one, or the first of a
                    // resolution without a preamble (`The General Assembly` / `Adopts the
                    // following political declaration:`).
                    self.stage = Stage::Body;
                    self.act.body.push(Draft::Paragraph {
                        number: None,
                        raw: raw.to_string(),
                        items: Vec::new(),
                        wrap_up: String::new(),
                        span: unit.span,
                    });
                } else {
                    self.act.preamble.push((raw.to_string(), unit.span));
                }
            }
            Stage::Body | Stage::Annex => {
                if self.stage == Stage::Annex && self.annex_title_open {
                    let annex = self
                        .act
                        .annexes
                        .last_mut()
                        .expect("annex stage has an annex");
                    let title_like = !ends_clause(raw)
                        && split_number(raw).is_none()
                        && split_item(raw).is_none()
                        && split_heading(&plain).is_none()
                        && !is_preamble_heading(&plain);
                    if title_like && annex.subtitle.is_empty() && annex.title.len() < 400 {
                        // The title is one paragraph; one set apart under it is a subtitle.
                        let line = if annex.title.is_empty() {
                            &mut annex.title
                        } else {
                            &mut annex.subtitle
                        };
                        prepare::join_wrapped(line, raw);
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

    pub(super) fn take_head(
        &mut self,
        unit: &Unit,
        plain: &str,
        raw: &str,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
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
            self.act.formula = Some((raw.to_string(), unit.span));
            self.stage = Stage::Preamble;
            return;
        }
        if self.unenacted && !self.title_alone.is_empty() {
            self.stage = Stage::Body;
            self.take_body(unit, plain, raw, diagnostics);
            return;
        }
        if self.number.is_none() {
            // A title standing alone, its number line missing: kept in case the masthead
            // gives the number.
            prepare::join_wrapped(&mut self.title_alone, raw);
            return;
        }
        // No formula: the preamble starts here.
        self.stage = Stage::Preamble;
        self.act.preamble.push((raw.to_string(), unit.span));
    }
}
