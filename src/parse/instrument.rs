//! Instruments a resolution adopts in its own text.
//!
//! A resolution adopting a declaration, a programme of action or a pact prints the instrument
//! either as an annex or right after the adopting paragraph (`Adopts the following political
//! declaration:`, then the declaration's title and text, then the meeting line). Either way
//! the instrument is not the resolution's operative part: both readers move what follows such
//! a paragraph into an annex of its own, titled as printed and without a label. The text
//! reader does so before it finishes its blocks (an annex's paragraphs open with their
//! subject, and are read so), with the tests below; the AKN reader after, with [`adopted_in_text`].

use crate::markup::plain_text;
use crate::model::*;

/// A block as the instrument finder sees it: the text reader's drafts and the model's blocks.
pub(crate) trait InstrumentPart: Sized {
    /// What reading the block's text takes (the text reader's flavour of markup).
    type Reading;
    /// An operative paragraph adopting "the following" instrument, with no list of its own.
    fn adopts(&self, reading: &Self::Reading) -> bool;
    /// It can title an instrument: an unnumbered heading, or a line that ends no clause.
    fn is_title(&self, reading: &Self::Reading) -> bool;
    /// A heading's blocks (taken out of it); nothing for other blocks.
    fn take_blocks(&mut self) -> Vec<Self>;
}

/// An instrument found in an act's body: its title and subtitle blocks, and its content.
pub(crate) struct Instrument<B> {
    pub title: B,
    pub subtitle: Option<B>,
    pub blocks: Vec<B>,
}

/// Takes the instrument after the last adopting paragraph of `body`, if one follows it under
/// a title.
pub(crate) fn split_instrument<B: InstrumentPart>(
    body: &mut Vec<B>,
    reading: &B::Reading,
) -> Option<Instrument<B>> {
    let at = body.iter().rposition(|b| b.adopts(reading))?;
    if !body.get(at + 1).is_some_and(|b| b.is_title(reading)) {
        return None;
    }
    let mut rest = body.split_off(at + 1);
    let mut title = rest.remove(0);
    // A title printed as a heading holds what follows it; a title printed as a line of text
    // may have a second line under it, its subtitle.
    let mut blocks = title.take_blocks();
    let subtitle =
        (blocks.is_empty() && rest.len() > 1 && rest[0].is_title(reading)).then(|| rest.remove(0));
    blocks.append(&mut rest);
    if blocks.is_empty() {
        // A title and nothing under it: not an instrument after all.
        body.push(title);
        return None;
    }
    Some(Instrument {
        title,
        subtitle,
        blocks,
    })
}

/// Moves an instrument adopted in the text of each act of a document read from AKN into an
/// annex, ahead of any printed annexes (which, in that layout, are the instrument's own).
pub(crate) fn adopted_in_text(doc: &mut Document) {
    for act in doc.acts_mut() {
        let Some(found) = split_instrument(&mut act.body, &()) else {
            continue;
        };
        let span = found.title.span();
        act.annexes.insert(
            0,
            Annex {
                label: String::new(),
                title: title_runs(found.title),
                subtitle: found.subtitle.map(title_runs).unwrap_or_default(),
                blocks: found.blocks,
                span,
            },
        );
    }
}

/// The runs of a block that titles an instrument.
fn title_runs(block: Block) -> Vec<Inline> {
    match block {
        Block::Section(s) => s.heading,
        Block::Text(t) => t.text,
        Block::Paragraph(p) => p.text,
        Block::Recital(r) => r.text,
        Block::Table(_) => Vec::new(),
    }
}

impl InstrumentPart for Block {
    type Reading = ();

    fn adopts(&self, _: &()) -> bool {
        matches!(self, Block::Paragraph(p)
            if p.items.is_empty() && adopts_what_follows(&plain_text(&p.text)))
    }

    fn is_title(&self, _: &()) -> bool {
        match self {
            Block::Section(s) => s.number.is_none() && !s.heading.is_empty(),
            Block::Text(t) => is_title_line(&plain_text(&t.text)),
            // A heading written as an unnumbered paragraph (the UN's AKN does).
            Block::Paragraph(p) => {
                p.number.is_none() && p.items.is_empty() && is_title_line(&plain_text(&p.text))
            }
            Block::Recital(_) | Block::Table(_) => false,
        }
    }

    fn take_blocks(&mut self) -> Vec<Block> {
        match self {
            Block::Section(s) => std::mem::take(&mut s.blocks),
            _ => Vec::new(),
        }
    }
}

/// `Adopts the following declaration:`, `Proclaims the following Declaration:`: an operative
/// paragraph (numbered or not, as plain text) that adopts what follows it.
pub(crate) fn adopts_what_follows(text: &str) -> bool {
    let text = text.trim_end();
    let Some(lead) = text.strip_suffix(':') else {
        return false;
    };
    let adopting = lead
        .split_whitespace()
        .next()
        .is_some_and(|w| ["Adopts", "Approves", "Endorses", "Proclaims", "Solemnly"].contains(&w));
    adopting && lead.contains(" the following ")
}

/// A line that can title an instrument: short, and ending no clause.
pub(crate) fn is_title_line(text: &str) -> bool {
    let text = text.trim_end();
    !text.is_empty() && text.len() < 400 && !text.ends_with([',', ';', ':', '.'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Vec<Inline> {
        vec![Inline::Text(s.into())]
    }

    fn paragraph(number: Option<&str>, s: &str) -> Block {
        Block::Paragraph(Paragraph {
            number: number.map(str::to_string),
            text: text(s),
            items: Vec::new(),
            wrap_up: Vec::new(),
            span: Span::default(),
        })
    }

    fn line(s: &str) -> Block {
        Block::Text(TextBlock {
            text: text(s),
            span: Span::default(),
        })
    }

    #[test]
    fn a_declaration_adopted_in_the_text_becomes_an_annex() {
        let mut body = vec![
            paragraph(None, "Adopts the following political declaration:"),
            line("Political declaration of the high-level meeting"),
            line("Our common commitment"),
            paragraph(
                Some("1"),
                "We, Heads of State and Government, are assembled ...",
            ),
            line("We therefore commit to:"),
            paragraph(Some("2"), "Scale up our efforts;"),
        ];
        let found = split_instrument(&mut body, &()).expect("an instrument");
        assert_eq!(body.len(), 1, "the adopting paragraph stays: {body:?}");
        assert_eq!(
            plain_text(&title_runs(found.title)),
            "Political declaration of the high-level meeting"
        );
        let subtitle = found.subtitle.map(title_runs).unwrap_or_default();
        assert_eq!(plain_text(&subtitle), "Our common commitment");
        assert_eq!(found.blocks.len(), 3);
    }

    #[test]
    fn a_list_after_an_adopting_paragraph_is_no_instrument() {
        // `Approves the following provisional agenda:` and the agenda's numbered lines: no
        // title, so nothing moves.
        let mut body = vec![
            paragraph(Some("1"), "Approves the following provisional agenda:"),
            paragraph(Some("1"), "Opening of the Conference."),
            paragraph(Some("2"), "Election of the President."),
        ];
        assert!(split_instrument(&mut body, &()).is_none());
        assert_eq!(body.len(), 3);
        // Nor does a paragraph adopting an annex elsewhere.
        let mut body = vec![
            paragraph(
                Some("1"),
                "Adopts the Programme of Action contained in the annex;",
            ),
            line("Some text"),
        ];
        assert!(split_instrument(&mut body, &()).is_none());
        assert_eq!(body.len(), 2);
    }

    #[test]
    fn a_title_printed_as_a_heading_holds_the_instrument() {
        let mut body = vec![
            paragraph(
                None,
                "Adopts the following Pact for the Future and its annexes:",
            ),
            Block::Section(Section {
                kind: SectionKind::Section,
                number: None,
                heading: text("Pact for the Future"),
                blocks: vec![paragraph(Some("1"), "We, the Heads of State ...")],
                span: Span::default(),
            }),
            paragraph(Some("2"), "We will ..."),
        ];
        let found = split_instrument(&mut body, &()).expect("an instrument");
        assert_eq!(plain_text(&title_runs(found.title)), "Pact for the Future");
        assert!(found.subtitle.is_none());
        assert_eq!(found.blocks.len(), 2);
        assert_eq!(body.len(), 1);
    }
}
