//! Passes over the built document: what can only be decided once the whole is read.

use super::*;

/// A resolution whose operative part is one unnumbered paragraph ("The General Assembly /
/// Endorses ... ."): read among the recitals, it is told apart by its closing full stop, where a
/// recital ends with a comma.
pub(super) fn single_operative_paragraph(doc: &mut Document) {
    for act in doc.acts_mut() {
        single_operative_paragraph_of(&mut act.preamble, &mut act.body);
    }
}

pub(super) fn single_operative_paragraph_of(preamble: &mut Vec<Recital>, body: &mut Vec<Block>) {
    if !body.is_empty() {
        return;
    }
    let ends_sentence = preamble.last().is_some_and(|r| {
        let text = crate::markup::plain_text(&r.text);
        let end = text.trim_end_matches(|c: char| {
            c.is_whitespace() || c.is_ascii_digit() || matches!(c, '”' | '"' | '’' | ')')
        });
        end.ends_with('.')
    });
    if ends_sentence {
        if let Some(r) = preamble.pop() {
            body.push(Block::Paragraph(Paragraph {
                number: None,
                text: r.text,
                items: Vec::new(),
                wrap_up: Vec::new(),
                span: r.span,
            }));
        }
    }
}

/// Every run of inlines of the body of a document, in the order a writer emits them.
pub(super) fn for_each_run(doc: &mut Document, f: &mut dyn FnMut(&mut Vec<Inline>)) {
    pub(super) fn items(list: &mut [Item], f: &mut dyn FnMut(&mut Vec<Inline>)) {
        for item in list {
            f(&mut item.text);
            items(&mut item.items, f);
        }
    }
    pub(super) fn blocks(list: &mut [Block], f: &mut dyn FnMut(&mut Vec<Inline>)) {
        for b in list {
            match b {
                Block::Paragraph(p) => {
                    f(&mut p.text);
                    items(&mut p.items, f);
                    f(&mut p.wrap_up);
                }
                Block::Section(s) => {
                    f(&mut s.heading);
                    blocks(&mut s.blocks, f);
                }
                Block::Recital(r) => f(&mut r.text),
                Block::Text(t) => f(&mut t.text),
                Block::Table(t) => {
                    for cell in t.rows.iter_mut().flat_map(|r| &mut r.cells) {
                        f(&mut cell.text);
                    }
                }
            }
        }
    }
    for act in doc.acts_mut() {
        f(&mut act.title);
        if let Some(formula) = act.formula.as_mut() {
            f(&mut formula.text);
        }
        for r in act.preamble.iter_mut() {
            f(&mut r.text);
        }
        blocks(&mut act.body, f);
        for a in act.annexes.iter_mut() {
            f(&mut a.title);
            blocks(&mut a.blocks, f);
        }
    }
}

/// Sets the document's footnotes in the order their markers are read, numbering the markers
/// to match (`printed` are the footnotes as printed, page by page, which the markers point into
/// until then): a footnote hung from the block before it comes after markers printed later, so
/// that `note_N` counts up through the AKN and reading the AKN back gives the same numbers. A
/// footnote whose marker is printed twice is written at each: AKN holds a note where its
/// marker stands.
pub(super) fn notes_in_reading_order(doc: &mut Document, printed: Vec<Footnote>) {
    let mut order: Vec<usize> = Vec::with_capacity(printed.len());
    for_each_run(doc, &mut |runs| {
        for r in runs.iter() {
            if let Inline::NoteRef { index, .. } = r {
                order.push(*index);
            }
        }
    });
    let in_order = order.len() == printed.len() && order.iter().enumerate().all(|(i, &n)| i == n);
    if in_order {
        doc.footnotes = printed;
        return;
    }
    let mut next = 0;
    for_each_run(doc, &mut |runs| {
        for r in runs.iter_mut() {
            if let Inline::NoteRef { index, .. } = r {
                *index = next;
                next += 1;
            }
        }
    });
    doc.footnotes = order
        .iter()
        .filter_map(|&i| printed.get(i).cloned())
        .collect();
    // Footnotes no marker reaches keep their place after the others.
    doc.footnotes.extend(
        printed
            .into_iter()
            .enumerate()
            .filter(|(i, _)| !order.contains(i))
            .map(|(_, f)| f),
    );
}

/// Footnotes whose marker could not be found hang from the block printed just before them,
/// so that no text is lost.
pub(super) fn attach_unplaced(doc: &mut Document, notes: &[prepare::FootnoteText]) {
    for (index, note) in notes.iter().enumerate().filter(|(_, n)| !n.placed) {
        let noteref = Inline::NoteRef {
            marker: note.marker.clone(),
            index,
        };
        let at = note.span.start;
        fn last_before(blocks: &mut [Block], at: usize) -> Option<&mut Vec<Inline>> {
            let mut best = None;
            for b in blocks.iter_mut() {
                match b {
                    Block::Paragraph(p) if p.span.start < at => best = Some(&mut p.text),
                    Block::Recital(r) if r.span.start < at => best = Some(&mut r.text),
                    Block::Text(t) if t.span.start < at => best = Some(&mut t.text),
                    Block::Section(s) if s.span.start < at => {
                        if let Some(inner) = last_before(&mut s.blocks, at) {
                            best = Some(inner);
                        }
                    }
                    Block::Table(t) if t.span.start < at => {
                        if let Some(cell) = t.rows.iter_mut().flat_map(|r| &mut r.cells).last() {
                            best = Some(&mut cell.text);
                        }
                    }
                    Block::Paragraph(_)
                    | Block::Recital(_)
                    | Block::Text(_)
                    | Block::Table(_)
                    | Block::Section(_) => {}
                }
            }
            best
        }
        /// The last run before `at` in an act's preamble, body and annexes, in the order printed.
        fn last_in_act(act: &mut Act, at: usize) -> Option<&mut Vec<Inline>> {
            let mut best = None;
            for r in act.preamble.iter_mut().filter(|r| r.span.start < at) {
                best = Some(&mut r.text);
            }
            if let Some(inner) = last_before(&mut act.body, at) {
                best = Some(inner);
            }
            for a in act.annexes.iter_mut().filter(|a| a.span.start < at) {
                if let Some(inner) = last_before(&mut a.blocks, at) {
                    best = Some(inner);
                }
            }
            best
        }
        let mut best = None;
        for act in doc.acts_mut() {
            if let Some(inner) = last_in_act(act, at) {
                best = Some(inner);
            }
        }
        if let Some(text) = best {
            text.push(noteref);
        }
    }
}
