//! Model → Akoma Ntoso 3.0 XML, in the shape the UN publishes (AKN4UN), valid against the
//! OASIS schema.
//!
//! eIds follow the AKN naming convention and carry printed numbers (`para_7`,
//! `sec_II__para_3__list_1__point_b`), so they are unique and stable across conversions.

use crate::eid::{block_eids, eid_safe, list_eid, part_eid, point_eids};
use crate::markup::{with_cell_markup, write_escaped};
use crate::model::*;
use crate::vocab::{self, FrbrNames};
use std::io::{self, Write};

mod body;
mod cover;
mod marks;
mod meta;
mod writer;

use body::*;
use cover::*;
use marks::{Mark, Marks};
use meta::*;
use writer::Xml;

/// Writes `doc` as an AKN document: a `statement`, or for a multi-part resolution a
/// `documentCollection` whose parts are statements of their own, as the UN writes them.
pub fn write(doc: &Document, out: impl Write) -> io::Result<()> {
    write_with(doc, Marks::of(doc), out)
}

/// [`write()`] without the mandates marked inline (no `organization`, `role` or `date` around
/// the actors and due dates): what the marks cost is measured against it.
pub fn write_unmarked(doc: &Document, out: impl Write) -> io::Result<()> {
    write_with(doc, Marks::default(), out)
}

fn write_with(doc: &Document, marks: Marks, out: impl Write) -> io::Result<()> {
    let mut x = Xml {
        w: out,
        depth: 0,
        marks,
    };
    x.w.write_all(br#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    x.newline()?;
    x.open("akomaNtoso", &[("xmlns", vocab::AKN)])?;
    let element = if doc.parts.is_empty() {
        "statement"
    } else {
        "documentCollection"
    };
    open_document(&mut x, element, doc)?;
    write_meta(&mut x, doc)?;
    write_cover_page(&mut x, doc)?;
    write_preface(&mut x, doc, &format!("{}.", doc.number), &doc.act.title)?;
    if doc.parts.is_empty() {
        write_act(&mut x, doc, &doc.act)?;
    } else {
        x.open("collectionBody", &[])?;
        for part in &doc.parts {
            let letter = eid_safe(&part.number);
            x.open("component", &[("eId", &format!("cmp_{letter}"))])?;
            x.empty(
                "documentRef",
                &[
                    ("eId", &format!("cmp_{letter}__dref_1")),
                    ("href", &format!("#{}", part_eid(&part.number))),
                    ("showAs", &vocab::part_symbol(&doc.symbol, &part.number)),
                ],
            )?;
            x.close("component")?;
        }
        x.close("collectionBody")?;
    }
    write_annexes(&mut x, doc, &doc.symbol, &doc.act.annexes)?;
    x.close(element)?;
    if !doc.parts.is_empty() {
        x.open("components", &[])?;
        for part in &doc.parts {
            write_part(&mut x, doc, part)?;
        }
        x.close("components")?;
    }
    x.close("akomaNtoso")?;
    x.newline()?;
    Ok(())
}

/// Opens the document element: `statement`, or `documentCollection` for the whole of a
/// multi-part resolution, named by the kind of act (`resolution`) or draft
/// (`draftResolution`, `amendment`).
fn open_document<W: Write>(x: &mut Xml<W>, element: &str, doc: &Document) -> io::Result<()> {
    let name = match &doc.tabling {
        Some(tabling) => tabling.draft.akn_name(),
        None => doc.kind.akn_name(),
    };
    x.open(element, &[("name", name), ("contains", "originalVersion")])
}

/// Preamble, main body and conclusions (annexes are written by the caller, after).
fn write_act<W: Write>(x: &mut Xml<W>, doc: &Document, act: &Act) -> io::Result<()> {
    write_preamble(x, doc, act.formula.as_ref(), &act.preamble)?;
    x.open("mainBody", &[])?;
    if act.body.is_empty() {
        // The schema wants content in mainBody; an empty operative part stays visible.
        x.open("hcontainer", &[("name", "empty"), ("eId", "hcontainer_1")])?;
        x.open("content", &[])?;
        x.inline_block("p", &[], doc, &[])?;
        x.close("content")?;
        x.close("hcontainer")?;
    }
    write_blocks(x, doc, &act.body, "")?;
    x.close("mainBody")?;
    write_conclusions(x, act.conclusion.as_ref())
}

/// One part of a multi-part resolution: a component holding a statement with its own FRBR
/// names (`…/78-80A/`), letter and title.
fn write_part<W: Write>(x: &mut Xml<W>, doc: &Document, part: &Part) -> io::Result<()> {
    let symbol = vocab::part_symbol(&doc.symbol, &part.number);
    let number = vocab::part_number(&doc.number, &part.number);
    x.open("component", &[("eId", &part_eid(&part.number))])?;
    open_document(x, "statement", doc)?;
    x.open("meta", &[])?;
    write_identification(x, doc, &symbol, &number)?;
    x.close("meta")?;
    write_preface(x, doc, &part.number, &part.act.title)?;
    write_act(x, doc, &part.act)?;
    write_annexes(x, doc, &symbol, &part.act.annexes)?;
    x.close("statement")?;
    x.close("component")
}
