//! The act itself: preface, preamble, body with its divisions, paragraphs, lists and tables,
//! conclusions and annexes.

use super::*;

/// The number as printed before the title (`77/213.`, or a part's `A`) and the title.
pub(super) fn write_preface<W: Write>(
    x: &mut Xml<W>,
    doc: &Document,
    number: &str,
    title: &[Inline],
) -> io::Result<()> {
    x.open("preface", &[])?;
    x.indent()?;
    x.start_tag("p", &[])?;
    // A draft prints no number before its title.
    if !doc.is_draft() {
        x.inline_leaf("docNumber", &[], number)?;
        x.text(" ")?;
    }
    x.start_tag("docTitle", &[("refersTo", "#resolutionTitle")])?;
    x.inlines(doc, title)?;
    x.end_tag("docTitle")?;
    x.end_tag("p")?;
    x.close("preface")?;
    Ok(())
}

pub(super) fn write_preamble<W: Write>(
    x: &mut Xml<W>,
    doc: &Document,
    formula: Option<&Formula>,
    preamble: &[Recital],
) -> io::Result<()> {
    if formula.is_none() && preamble.is_empty() {
        return Ok(());
    }
    x.open("preamble", &[])?;
    if let Some(f) = formula {
        x.open(
            "formula",
            &[("name", "enactingFormula"), ("eId", "formula_1")],
        )?;
        x.inline_block("p", &[], doc, &f.text)?;
        x.close("formula")?;
    }
    for (i, recital) in preamble.iter().enumerate() {
        let eid = format!("container_{}", i + 1);
        let name = phrase_of(&recital.text).unwrap_or("recital");
        x.open("container", &[("name", name), ("eId", &eid)])?;
        x.inline_block("p", &[], doc, &recital.text)?;
        x.close("container")?;
    }
    x.close("preamble")?;
    Ok(())
}

pub(super) fn write_blocks<W: Write>(
    x: &mut Xml<W>,
    doc: &Document,
    blocks: &[Block],
    prefix: &str,
) -> io::Result<()> {
    let eids = block_eids(prefix, blocks);
    for (block, eid) in blocks.iter().zip(&eids) {
        match block {
            Block::Paragraph(p) => {
                x.open("paragraph", &[("eId", eid)])?;
                if let Some(n) = &p.number {
                    x.leaf("num", &[], &format!("{n}."))?;
                }
                write_body_of(x, doc, eid, &p.text, &p.items, &p.wrap_up)?;
                x.close("paragraph")?;
            }
            Block::Section(s) => {
                let element = s.kind.akn_name();
                x.open(element, &[("eId", eid)])?;
                if let Some(n) = s.printed_number() {
                    x.leaf("num", &[], &n)?;
                }
                x.inline_block("heading", &[], doc, &s.heading)?;
                if s.blocks.is_empty() {
                    x.open("content", &[])?;
                    x.inline_block("p", &[], doc, &[])?;
                    x.close("content")?;
                } else {
                    write_blocks(x, doc, &s.blocks, eid)?;
                }
                x.close(element)?;
            }
            Block::Recital(r) => {
                let name = phrase_of(&r.text).unwrap_or("recital");
                x.open(
                    "hcontainer",
                    &[("name", "recital"), ("eId", eid), ("title", name)],
                )?;
                x.open("content", &[])?;
                x.inline_block("p", &[], doc, &r.text)?;
                x.close("content")?;
                x.close("hcontainer")?;
            }
            Block::Text(t) => {
                x.open("hcontainer", &[("name", "text"), ("eId", eid)])?;
                x.open("content", &[])?;
                x.inline_block("p", &[], doc, &t.text)?;
                x.close("content")?;
                x.close("hcontainer")?;
            }
            Block::Table(t) => {
                x.open("hcontainer", &[("name", "table"), ("eId", eid)])?;
                x.open("content", &[])?;
                if t.rows.is_empty() {
                    // The schema wants a row in a table: a table without rows is an empty block.
                    x.inline_block("p", &[], doc, &[])?;
                } else {
                    x.open("table", &[("eId", &format!("{eid}__table_1"))])?;
                    for row in &t.rows {
                        x.open("tr", &[])?;
                        for c in &row.cells {
                            with_cell_markup(row.heading, c, |cell, attrs| {
                                if c.text.is_empty() {
                                    return x.empty(cell, attrs);
                                }
                                x.open(cell, attrs)?;
                                x.inline_block("p", &[], doc, &c.text)?;
                                x.close(cell)
                            })?;
                        }
                        x.close("tr")?;
                    }
                    x.close("table")?;
                }
                x.close("content")?;
                x.close("hcontainer")?;
            }
        }
    }
    Ok(())
}

/// The inside of a paragraph or point: content, or a list of points.
pub(super) fn write_body_of<W: Write>(
    x: &mut Xml<W>,
    doc: &Document,
    eid: &str,
    text: &[Inline],
    items: &[Item],
    wrap_up: &[Inline],
) -> io::Result<()> {
    if items.is_empty() {
        x.open("content", &[])?;
        x.inline_block("p", &[], doc, text)?;
        x.close("content")?;
        return Ok(());
    }
    let list = list_eid(eid);
    x.open("list", &[("eId", &list)])?;
    if !text.is_empty() {
        x.open("intro", &[])?;
        x.inline_block("p", &[], doc, text)?;
        x.close("intro")?;
    }
    for (item, point) in items.iter().zip(point_eids(&list, items)) {
        x.open("point", &[("eId", &point)])?;
        x.leaf("num", &[], &item.printed_number())?;
        write_body_of(x, doc, &point, &item.text, &item.items, &[])?;
        x.close("point")?;
    }
    if !wrap_up.is_empty() {
        x.open("wrapUp", &[])?;
        x.inline_block("p", &[], doc, wrap_up)?;
        x.close("wrapUp")?;
    }
    x.close("list")?;
    Ok(())
}

pub(super) fn write_conclusions<W: Write>(
    x: &mut Xml<W>,
    conclusion: Option<&Conclusion>,
) -> io::Result<()> {
    let Some(c) = conclusion else {
        return Ok(());
    };
    x.open("conclusions", &[("eId", "conclusions")])?;
    x.indent()?;
    x.start_tag("p", &[])?;
    x.inline_leaf("inline", &[("name", "adoptionMeeting")], &c.meeting)?;
    if let Some(date) = c.date {
        x.empty_tag("eol", &[])?;
        let printed = c.date_text.clone().unwrap_or_else(|| date.printed());
        x.inline_leaf(
            "docDate",
            &[("date", &date.to_string()), ("refersTo", "#dateOfAdoption")],
            &printed,
        )?;
    }
    x.end_tag("p")?;
    x.close("conclusions")?;
    Ok(())
}

/// The annexes of the document with this symbol (the whole, or one of its parts).
pub(super) fn write_annexes<W: Write>(
    x: &mut Xml<W>,
    doc: &Document,
    symbol: &str,
    annexes: &[Annex],
) -> io::Result<()> {
    if annexes.is_empty() {
        return Ok(());
    }
    let names = FrbrNames::new(symbol, doc.work_date(), doc.language);
    let (date, date_name) = work_date(doc);
    let organ = format!("#{}", doc.organ.tlc_id());
    let author = (organ.as_str(), "#author");
    let dated = (date.as_str(), date_name);
    x.open("attachments", &[])?;
    for (i, annex) in annexes.iter().enumerate() {
        let eid = format!("att_{}", i + 1);
        x.open("attachment", &[("eId", &eid)])?;
        x.open("doc", &[("name", "annex")])?;
        x.open("meta", &[])?;
        let component = format!("!annex_{}", i + 1);
        let language = [("FRBRlanguage", "language", doc.language.iso639_2())];
        write_frbr(
            x,
            [
                FrbrLevel {
                    this: &format!("{}{component}", names.work),
                    uri: &names.work,
                    date: dated,
                    author,
                    details: &[("FRBRcountry", "value", "un")],
                },
                FrbrLevel {
                    this: &format!("{}{component}", names.expression),
                    uri: &names.expression,
                    date: dated,
                    author,
                    details: &language,
                },
                FrbrLevel {
                    this: &format!("{}{component}.xml", names.expression),
                    uri: &names.manifestation,
                    date: dated,
                    author,
                    details: &[],
                },
            ],
        )?;
        x.close("meta")?;
        x.open("preface", &[])?;
        x.indent()?;
        x.start_tag("p", &[])?;
        if !annex.label.is_empty() {
            x.inline_leaf("docNumber", &[], &annex.label)?;
        }
        if !annex.title.is_empty() {
            if !annex.label.is_empty() {
                x.text(" ")?;
            }
            x.start_tag("docTitle", &[])?;
            x.inlines(doc, &annex.title)?;
            x.end_tag("docTitle")?;
        }
        x.end_tag("p")?;
        if !annex.subtitle.is_empty() {
            x.indent()?;
            x.start_tag("p", &[("class", "subtitle")])?;
            x.start_tag("inline", &[("name", "subtitle")])?;
            x.inlines(doc, &annex.subtitle)?;
            x.end_tag("inline")?;
            x.end_tag("p")?;
        }
        x.close("preface")?;
        x.open("mainBody", &[])?;
        if annex.blocks.is_empty() {
            x.inline_block("p", &[], doc, &[])?;
        }
        write_blocks(x, doc, &annex.blocks, &eid)?;
        x.close("mainBody")?;
        x.close("doc")?;
        x.close("attachment")?;
    }
    x.close("attachments")?;
    Ok(())
}
