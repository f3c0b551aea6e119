//! The units a search finds: what people cite. A resolution's title, each recital, each
//! operative paragraph (its opening words and closing words), each sub-item, each paragraph of
//! an annex and each footnote, with the eId of its division and its number as printed.

use crate::eid::{block_eids, list_eid, point_eids};
use crate::markup::{item_text, plain_text};
use crate::model::{Act, Block, Document, Item, Paragraph};

/// What kind of unit a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    Title,
    Recital,
    Paragraph,
    SubItem,
    AnnexParagraph,
    Footnote,
}

impl UnitKind {
    pub const ALL: [UnitKind; 6] = [
        UnitKind::Title,
        UnitKind::Recital,
        UnitKind::Paragraph,
        UnitKind::SubItem,
        UnitKind::AnnexParagraph,
        UnitKind::Footnote,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Title => "title",
            UnitKind::Recital => "recital",
            UnitKind::Paragraph => "paragraph",
            UnitKind::SubItem => "sub-item",
            UnitKind::AnnexParagraph => "annex-paragraph",
            UnitKind::Footnote => "footnote",
        }
    }

    pub fn parse(s: &str) -> Option<UnitKind> {
        UnitKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One unit of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub kind: UnitKind,
    /// The part of a multi-part resolution it is in (`A`), if any.
    pub part: Option<String>,
    /// The eId of its division within its act (empty for the title).
    pub eid: String,
    /// As printed: `7`, `7 (b)`, a footnote's marker; empty when unnumbered.
    pub number: String,
    pub text: String,
}

/// The units of a document in reading order: each act's (a multi-part resolution's parts
/// after its own), then the footnotes.
pub fn units(doc: &Document) -> Vec<Unit> {
    let mut out = Vec::new();
    let unit = |kind, eid: String, number: &str, text: String| Unit {
        kind,
        part: None,
        eid,
        number: number.to_string(),
        text: text.trim().to_string(),
    };
    if !doc.act.title.is_empty() {
        out.push(unit(
            UnitKind::Title,
            String::new(),
            "",
            plain_text(&doc.act.title),
        ));
    }
    of_act(&doc.act, &mut out);
    for part in &doc.parts {
        let from = out.len();
        of_act(&part.act, &mut out);
        for u in &mut out[from..] {
            u.part = Some(part.number.clone());
        }
    }
    for (i, note) in doc.footnotes.iter().enumerate() {
        out.push(unit(
            UnitKind::Footnote,
            format!("note_{}", i + 1),
            &note.marker,
            plain_text(&note.text),
        ));
    }
    out.retain(|u| !u.text.is_empty());
    out
}

fn of_act(act: &Act, out: &mut Vec<Unit>) {
    for (i, recital) in act.preamble.iter().enumerate() {
        out.push(Unit {
            kind: UnitKind::Recital,
            part: None,
            eid: format!("container_{}", i + 1),
            number: String::new(),
            text: plain_text(&recital.text).trim().to_string(),
        });
    }
    blocks(&act.body, "", UnitKind::Paragraph, out);
    for (i, annex) in act.annexes.iter().enumerate() {
        blocks(
            &annex.blocks,
            &format!("att_{}", i + 1),
            UnitKind::AnnexParagraph,
            out,
        );
    }
}

fn blocks(blocks_: &[Block], prefix: &str, kind: UnitKind, out: &mut Vec<Unit>) {
    for (block, eid) in blocks_.iter().zip(block_eids(prefix, blocks_)) {
        match block {
            Block::Paragraph(p) => paragraph(p, eid, kind, out),
            Block::Section(s) => blocks(&s.blocks, &eid, kind, out),
            Block::Recital(r) => out.push(Unit {
                kind,
                part: None,
                eid,
                number: String::new(),
                text: plain_text(&r.text).trim().to_string(),
            }),
            Block::Text(t) => out.push(Unit {
                kind,
                part: None,
                eid,
                number: String::new(),
                text: plain_text(&t.text).trim().to_string(),
            }),
            Block::Table(_) => {}
        }
    }
}

/// A paragraph's own words (before and after its sub-items), then each sub-item whole.
fn paragraph(p: &Paragraph, eid: String, kind: UnitKind, out: &mut Vec<Unit>) {
    let number = p.number.clone().unwrap_or_default();
    let mut own = plain_text(&p.text);
    if !p.wrap_up.is_empty() {
        own.push(' ');
        own.push_str(&plain_text(&p.wrap_up));
    }
    out.push(Unit {
        kind,
        part: None,
        eid: eid.clone(),
        number: number.clone(),
        text: own.trim().to_string(),
    });
    let item_kind = if kind == UnitKind::Paragraph {
        UnitKind::SubItem
    } else {
        kind
    };
    items(&p.items, &list_eid(&eid), &number, item_kind, out);
}

fn items(items_: &[Item], list: &str, number: &str, kind: UnitKind, out: &mut Vec<Unit>) {
    for (item, eid) in items_.iter().zip(point_eids(list, items_)) {
        let printed = format!("{number} {}", item.printed_number());
        out.push(Unit {
            kind,
            part: None,
            eid,
            number: printed.trim().to_string(),
            text: item_text(item).trim().to_string(),
        });
    }
}

impl Unit {
    /// Where the unit is on its document's page: its eId, under its part's in a multi-part
    /// resolution (`cmpnt_A__para_1`), as the page and the AKN name it.
    pub fn anchor(&self) -> String {
        match &self.part {
            Some(p) => crate::eid::under(&crate::eid::part_eid(p), self.eid.clone()),
            None => self.eid.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paragraph_and_its_sub_items_are_units_of_their_own() {
        let input = std::fs::read("samples/A_RES_78_100.txt").unwrap();
        let doc = crate::parse::parse(&input).unwrap().value;
        let found = units(&doc);
        assert_eq!(found[0].kind, UnitKind::Title);
        assert!(found.iter().any(|u| u.kind == UnitKind::Recital));
        let sub = found
            .iter()
            .find(|u| u.kind == UnitKind::SubItem)
            .expect("a sub-item");
        assert!(sub.eid.contains("__list_1__point_"), "{}", sub.eid);
        assert!(sub.number.contains(" ("), "{}", sub.number);
        // The paragraph's own unit does not repeat its sub-items' words.
        let para = found
            .iter()
            .find(|u| u.kind == UnitKind::Paragraph && sub.eid.starts_with(&format!("{}__", u.eid)))
            .unwrap();
        assert!(!para.text.contains(&sub.text));
    }

    /// A multi-part resolution: each part's divisions under the part, as its page names them.
    #[test]
    fn the_units_of_a_part_are_anchored_under_it() {
        let input = std::fs::read("samples/A_RES_78_254AC.xml").unwrap();
        let doc = crate::parse::parse(&input).unwrap().value;
        assert!(doc.parts.len() >= 2);
        let found = units(&doc);
        let of_a: Vec<&Unit> = found
            .iter()
            .filter(|u| u.part.as_deref() == Some(doc.parts[0].number.as_str()))
            .collect();
        assert!(!of_a.is_empty());
        let anchor = of_a[0].anchor();
        assert!(anchor.starts_with("cmpnt_"), "{anchor}");
        assert!(anchor.ends_with(&of_a[0].eid), "{anchor}");
        // Two parts' first paragraphs are two units, told apart by their anchors.
        let firsts: Vec<String> = found
            .iter()
            .filter(|u| u.eid == "para_1")
            .map(Unit::anchor)
            .collect();
        let mut distinct = firsts.clone();
        distinct.dedup();
        assert_eq!(firsts, distinct);
    }
}
