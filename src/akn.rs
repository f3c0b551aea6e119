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

/// Writes `doc` as an AKN document: a `statement`, or for a multi-part resolution a
/// `documentCollection` whose parts are statements of their own, as the UN writes them.
pub fn write(doc: &Document, out: impl Write) -> io::Result<()> {
    let mut x = Xml { w: out, depth: 0 };
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
    write_preface(&mut x, doc, &format!("{}.", doc.number), &doc.title)?;
    if doc.parts.is_empty() {
        write_act(&mut x, doc, &doc.act())?;
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
    write_annexes(&mut x, doc, &doc.symbol, &doc.annexes)?;
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
/// multi-part resolution, named by the kind of act.
fn open_document<W: Write>(x: &mut Xml<W>, element: &str, doc: &Document) -> io::Result<()> {
    x.open(
        element,
        &[
            ("name", doc.kind.akn_name()),
            ("contains", "originalVersion"),
        ],
    )
}

/// Preamble, main body and conclusions (annexes are written by the caller, after).
fn write_act<W: Write>(x: &mut Xml<W>, doc: &Document, act: &Act<'_>) -> io::Result<()> {
    write_preamble(x, doc, act.formula, act.preamble)?;
    x.open("mainBody", &[])?;
    if act.body.is_empty() {
        // The schema wants content in mainBody; an empty operative part stays visible.
        x.open("hcontainer", &[("name", "empty"), ("eId", "hcontainer_1")])?;
        x.open("content", &[])?;
        x.inline_block("p", &[], doc, &[])?;
        x.close("content")?;
        x.close("hcontainer")?;
    }
    write_blocks(x, doc, act.body, "")?;
    x.close("mainBody")?;
    write_conclusions(x, act.conclusion)
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
    write_preface(x, doc, &part.number, &part.title)?;
    write_act(x, doc, &part.act())?;
    write_annexes(x, doc, &symbol, &part.annexes)?;
    x.close("statement")?;
    x.close("component")
}

/// A writer that indents blocks and leaves inline content untouched. It writes markup
/// straight to the output: tags are built from names the writer knows and values it escapes.
struct Xml<W: Write> {
    w: W,
    depth: usize,
}

impl<W: Write> Xml<W> {
    fn newline(&mut self) -> io::Result<()> {
        self.w.write_all(b"\n")
    }

    fn indent(&mut self) -> io::Result<()> {
        const PAD: &[u8] = b"\n                                                                ";
        let width = 1 + 2 * self.depth;
        if width <= PAD.len() {
            self.w.write_all(&PAD[..width])
        } else {
            self.w.write_all(b"\n")?;
            self.w.write_all("  ".repeat(self.depth).as_bytes())
        }
    }

    /// `<name a="v">` (or `<name a="v"/>` when `empty`), values escaped.
    fn tag(&mut self, name: &str, attrs: &[(&str, &str)], empty: bool) -> io::Result<()> {
        self.w.write_all(b"<")?;
        self.w.write_all(name.as_bytes())?;
        for &(key, value) in attrs {
            self.w.write_all(b" ")?;
            self.w.write_all(key.as_bytes())?;
            self.w.write_all(b"=\"")?;
            write_escaped(&mut self.w, value)?;
            self.w.write_all(b"\"")?;
        }
        self.w.write_all(if empty { b"/>" } else { b">" })
    }

    fn start_tag(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        self.tag(name, attrs, false)
    }

    fn empty_tag(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        self.tag(name, attrs, true)
    }

    fn end_tag(&mut self, name: &str) -> io::Result<()> {
        self.w.write_all(b"</")?;
        self.w.write_all(name.as_bytes())?;
        self.w.write_all(b">")
    }

    fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        if self.depth > 0 {
            self.indent()?;
        }
        self.start_tag(name, attrs)?;
        self.depth += 1;
        Ok(())
    }

    fn close(&mut self, name: &str) -> io::Result<()> {
        self.depth -= 1;
        self.indent()?;
        self.end_tag(name)
    }

    fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        self.indent()?;
        self.empty_tag(name, attrs)
    }

    /// `<name attrs>text</name>` on one line.
    fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> io::Result<()> {
        self.indent()?;
        self.inline_leaf(name, attrs, text)
    }

    fn inline_leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> io::Result<()> {
        self.start_tag(name, attrs)?;
        self.text(text)?;
        self.end_tag(name)
    }

    fn text(&mut self, text: &str) -> io::Result<()> {
        write_escaped(&mut self.w, text)
    }

    /// A block element (`p`, `heading`) holding inlines on one line.
    fn inline_block(
        &mut self,
        name: &str,
        attrs: &[(&str, &str)],
        doc: &Document,
        runs: &[Inline],
    ) -> io::Result<()> {
        self.indent()?;
        self.start_tag(name, attrs)?;
        self.inlines(doc, runs)?;
        self.end_tag(name)
    }

    fn inlines(&mut self, doc: &Document, runs: &[Inline]) -> io::Result<()> {
        for run in runs {
            match run {
                Inline::Text(t) => self.text(t)?,
                Inline::Phrase(p) => self.inline_leaf("span", &[("class", "italic")], p)?,
                Inline::Emphasis(e) => self.inline_leaf("i", &[], e)?,
                Inline::Ref(c) => {
                    let href = vocab::undocs_link(&c.symbol);
                    self.inline_leaf("ref", &[("href", &href)], &c.text)?
                }
                Inline::NoteRef { marker, index } => self.note(doc, marker, *index)?,
            }
        }
        Ok(())
    }

    /// A footnote, written where its marker stands.
    fn note(&mut self, doc: &Document, marker: &str, index: usize) -> io::Result<()> {
        let eid = format!("note_{}", index + 1);
        self.start_tag(
            "authorialNote",
            &[("marker", marker), ("placement", "bottom"), ("eId", &eid)],
        )?;
        self.start_tag("p", &[])?;
        if let Some(note) = doc.footnotes.get(index) {
            // A footnote citing another footnote cannot nest; its markers stay as text.
            let flat: Vec<Inline> = note
                .text
                .iter()
                .map(|r| match r {
                    Inline::NoteRef { marker, .. } => Inline::Text(marker.clone()),
                    other => other.clone(),
                })
                .collect();
            self.inlines(doc, &flat)?;
        }
        self.end_tag("p")?;
        self.end_tag("authorialNote")?;
        Ok(())
    }
}

/// The TLC eIds the document refers to, declared in `meta/references`.
struct References {
    committee: Option<(String, String)>,
}

fn committee_id(name: &str) -> String {
    let mut id = String::new();
    for (i, word) in name.split_whitespace().enumerate() {
        let w: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
        let mut chars = w.chars();
        if let Some(first) = chars.next() {
            if i == 0 {
                id.extend(first.to_lowercase());
            } else {
                id.extend(first.to_uppercase());
            }
            id.push_str(chars.as_str());
        }
    }
    if id.is_empty() || !id.starts_with(|c: char| c.is_alphabetic()) {
        id.insert_str(0, "committee");
    }
    id
}

fn references(doc: &Document) -> References {
    References {
        committee: doc
            .adoption
            .origin
            .as_ref()
            .and_then(|o| o.committee.as_ref())
            .map(|c| (committee_id(c), c.clone())),
    }
}

/// The FRBR names of the document with this symbol and number (the whole, or one of its
/// parts), dated by the adoption and publication of the whole.
fn write_identification<W: Write>(
    x: &mut Xml<W>,
    doc: &Document,
    symbol: &str,
    number: &str,
) -> io::Result<()> {
    let names = FrbrNames::new(symbol, doc.adoption.date, doc.language);
    let adoption = doc
        .adoption
        .date
        .map_or_else(|| "0001-01-01".to_string(), |d| d.to_string());
    let issued = doc
        .masthead
        .issue_date
        .map_or_else(|| adoption.clone(), |d| d.to_string());
    let organ = format!("#{}", doc.organ.tlc_id());
    x.open("identification", &[("source", "#unakn")])?;
    x.open("FRBRWork", &[])?;
    x.empty("FRBRthis", &[("value", &names.work_this())])?;
    x.empty("FRBRuri", &[("value", &names.work)])?;
    x.empty("FRBRdate", &[("date", &adoption), ("name", "adoption")])?;
    x.empty("FRBRauthor", &[("href", &organ), ("as", "#author")])?;
    x.empty("FRBRcountry", &[("value", "un")])?;
    x.empty("FRBRnumber", &[("value", number)])?;
    x.empty("FRBRname", &[("value", symbol)])?;
    x.close("FRBRWork")?;
    x.open("FRBRExpression", &[])?;
    x.empty("FRBRthis", &[("value", &names.expression_this())])?;
    x.empty("FRBRuri", &[("value", &names.expression)])?;
    x.empty("FRBRdate", &[("date", &issued), ("name", "publication")])?;
    x.empty("FRBRauthor", &[("href", &organ), ("as", "#author")])?;
    x.empty("FRBRlanguage", &[("language", doc.language.iso639_2())])?;
    x.close("FRBRExpression")?;
    x.open("FRBRManifestation", &[])?;
    x.empty("FRBRthis", &[("value", &names.manifestation_this())])?;
    x.empty("FRBRuri", &[("value", &names.manifestation)])?;
    x.empty("FRBRdate", &[("date", &issued), ("name", "conversion")])?;
    x.empty("FRBRauthor", &[("href", "#unakn"), ("as", "#editor")])?;
    x.close("FRBRManifestation")?;
    x.close("identification")
}

fn write_meta<W: Write>(x: &mut Xml<W>, doc: &Document) -> io::Result<()> {
    x.open("meta", &[])?;
    write_identification(x, doc, &doc.symbol, &doc.number)?;
    let refs = references(doc);
    x.open("references", &[("source", "#unakn")])?;
    x.empty(
        "TLCOrganization",
        &[
            ("eId", "unakn"),
            ("href", "https://w3id.org/unakn"),
            ("showAs", "unakn"),
        ],
    )?;
    let organ_href = format!("/akn/ontology/organization/un/{}", doc.organ.tlc_id());
    x.empty(
        "TLCOrganization",
        &[
            ("eId", doc.organ.tlc_id()),
            ("href", &organ_href),
            ("showAs", doc.organ.name()),
        ],
    )?;
    x.empty(
        "TLCOrganization",
        &[
            ("eId", "unitedNations"),
            ("href", "/akn/ontology/organization/un/unitedNations"),
            ("showAs", "United Nations"),
        ],
    )?;
    if let Some((id, name)) = &refs.committee {
        let href = format!("/akn/ontology/organization/un/{id}");
        x.empty(
            "TLCOrganization",
            &[("eId", id), ("href", &href), ("showAs", name)],
        )?;
    }
    x.empty(
        "TLCRole",
        &[
            ("eId", "author"),
            ("href", "/akn/ontology/role/un/author"),
            ("showAs", "Author"),
        ],
    )?;
    x.empty(
        "TLCRole",
        &[
            ("eId", "editor"),
            ("href", "/akn/ontology/role/un/editor"),
            ("showAs", "Editor"),
        ],
    )?;
    x.empty(
        "TLCConcept",
        &[
            ("eId", "symbol"),
            ("href", "/akn/ontology/concept/un/symbol"),
            ("showAs", "Symbol"),
        ],
    )?;
    x.empty(
        "TLCConcept",
        &[
            ("eId", "generalDistribution"),
            ("href", "/akn/ontology/concept/un/generalDistribution"),
            ("showAs", "General distribution"),
        ],
    )?;
    x.empty(
        "TLCConcept",
        &[
            ("eId", "dateOfIssuance"),
            ("href", "/akn/ontology/concept/un/dateOfIssuance"),
            ("showAs", "Date of issuance"),
        ],
    )?;
    x.empty(
        "TLCConcept",
        &[
            ("eId", "dateOfAdoption"),
            ("href", "/akn/ontology/concept/un/dateOfAdoption"),
            ("showAs", "Date of adoption"),
        ],
    )?;
    x.empty(
        "TLCConcept",
        &[
            ("eId", "resolutionTitle"),
            ("href", "/akn/ontology/concept/un/resolutionTitle"),
            ("showAs", "Resolution title"),
        ],
    )?;
    x.empty(
        "TLCConcept",
        &[
            ("eId", "enactingFormula"),
            ("href", "/akn/ontology/concept/un/enactingFormula"),
            ("showAs", "Enacting formula"),
        ],
    )?;
    x.close("references")?;
    x.close("meta")?;
    Ok(())
}

fn write_cover_page<W: Write>(x: &mut Xml<W>, doc: &Document) -> io::Result<()> {
    let m = &doc.masthead;
    let organ_ref = format!("#{}", doc.organ.tlc_id());
    x.open("coverPage", &[("eId", "coverPage")])?;
    x.open("p", &[])?;
    x.leaf(
        "docAuthority",
        &[("refersTo", "#unitedNations")],
        "United Nations",
    )?;
    x.close("p")?;
    x.open("p", &[])?;
    x.leaf("docNumber", &[("refersTo", "#symbol")], &doc.symbol)?;
    x.close("p")?;
    x.open("p", &[])?;
    x.leaf(
        "docAuthority",
        &[("refersTo", &organ_ref)],
        m.organ_name.as_deref().unwrap_or(doc.organ.name()),
    )?;
    x.close("p")?;
    if let Some(d) = &m.distribution {
        x.open("p", &[])?;
        x.leaf("docStatus", &[("refersTo", "#generalDistribution")], d)?;
        x.close("p")?;
    }
    if let Some(date) = m.issue_date {
        x.open("p", &[])?;
        x.leaf(
            "docDate",
            &[("date", &date.to_string()), ("refersTo", "#dateOfIssuance")],
            &date.printed(),
        )?;
        x.close("p")?;
    }
    if let Some(language) = &m.original_language {
        x.open("p", &[])?;
        x.leaf(
            "inline",
            &[("name", "originalLanguage")],
            &format!("Original: {language}"),
        )?;
        x.close("p")?;
    }
    if let (Some(session), Some(label)) = (m.session, &m.session_label) {
        x.open("p", &[])?;
        x.leaf(
            "session",
            &[("value", &session.to_string()), ("refersTo", &organ_ref)],
            label,
        )?;
        x.close("p")?;
    }
    if !m.agenda_items.is_empty() {
        let numbers: Vec<&str> = m.agenda_items.iter().map(|a| a.number.as_str()).collect();
        let label = if numbers.len() == 1 {
            "Agenda item"
        } else {
            "Agenda items"
        };
        let printed = format!("{label} {}", join_and(&numbers));
        x.open("p", &[])?;
        x.leaf(
            "inline",
            &[("name", "agendaItem"), ("title", &numbers.join("; "))],
            &printed,
        )?;
        x.close("p")?;
        for item in &m.agenda_items {
            if let Some(title) = &item.title {
                x.open("p", &[])?;
                x.leaf(
                    "inline",
                    &[("name", "agendaItemTitle"), ("title", &item.number)],
                    title,
                )?;
                x.close("p")?;
            }
        }
    }
    if let Some(statement) = &doc.adoption.statement {
        x.open("p", &[])?;
        x.leaf("docTitle", &[], statement)?;
        x.close("p")?;
    }
    if let Some(origin) = &doc.adoption.origin {
        x.open("p", &[])?;
        x.indent()?;
        let committee = references(doc).committee.map(|(id, _)| format!("#{id}"));
        let attrs: Vec<(&str, &str)> = committee
            .as_deref()
            .map(|c| vec![("refersTo", c)])
            .unwrap_or_default();
        x.start_tag("docProponent", &attrs)?;
        match &origin.document {
            Some(d) if origin.text.contains(d.as_str()) => {
                let (before, after) = origin.text.split_once(d.as_str()).expect("checked");
                x.text(before)?;
                let symbol = crate::symbol::symbol_at(d).map_or_else(|| d.clone(), |(_, s)| s);
                x.inline_leaf("ref", &[("href", &vocab::undocs_link(&symbol))], d)?;
                x.text(after)?;
            }
            _ => x.text(&origin.text)?,
        }
        x.end_tag("docProponent")?;
        x.close("p")?;
    }
    x.close("coverPage")?;
    Ok(())
}

fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The number as printed before the title (`77/213.`, or a part's `A`) and the title.
fn write_preface<W: Write>(
    x: &mut Xml<W>,
    doc: &Document,
    number: &str,
    title: &[Inline],
) -> io::Result<()> {
    x.open("preface", &[])?;
    x.indent()?;
    x.start_tag("p", &[])?;
    x.inline_leaf("docNumber", &[], number)?;
    x.text(" ")?;
    x.start_tag("docTitle", &[("refersTo", "#resolutionTitle")])?;
    x.inlines(doc, title)?;
    x.end_tag("docTitle")?;
    x.end_tag("p")?;
    x.close("preface")?;
    Ok(())
}

fn write_preamble<W: Write>(
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

fn write_blocks<W: Write>(
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
fn write_body_of<W: Write>(
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

fn write_conclusions<W: Write>(x: &mut Xml<W>, conclusion: Option<&Conclusion>) -> io::Result<()> {
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
fn write_annexes<W: Write>(
    x: &mut Xml<W>,
    doc: &Document,
    symbol: &str,
    annexes: &[Annex],
) -> io::Result<()> {
    if annexes.is_empty() {
        return Ok(());
    }
    let names = FrbrNames::new(symbol, doc.adoption.date, doc.language);
    let adoption = doc
        .adoption
        .date
        .map_or_else(|| "0001-01-01".to_string(), |d| d.to_string());
    let organ = format!("#{}", doc.organ.tlc_id());
    x.open("attachments", &[])?;
    for (i, annex) in annexes.iter().enumerate() {
        let eid = format!("att_{}", i + 1);
        x.open("attachment", &[("eId", &eid)])?;
        x.open("doc", &[("name", "annex")])?;
        x.open("meta", &[])?;
        x.open("identification", &[("source", "#unakn")])?;
        let component = format!("!annex_{}", i + 1);
        for (level, uri, this) in [
            (
                "FRBRWork",
                names.work.clone(),
                format!("{}{component}", names.work),
            ),
            (
                "FRBRExpression",
                names.expression.clone(),
                format!("{}{component}", names.expression),
            ),
            (
                "FRBRManifestation",
                names.manifestation.clone(),
                format!("{}{component}.xml", names.expression),
            ),
        ] {
            x.open(level, &[])?;
            x.empty("FRBRthis", &[("value", &this)])?;
            x.empty("FRBRuri", &[("value", &uri)])?;
            x.empty("FRBRdate", &[("date", &adoption), ("name", "adoption")])?;
            x.empty("FRBRauthor", &[("href", &organ), ("as", "#author")])?;
            match level {
                "FRBRWork" => x.empty("FRBRcountry", &[("value", "un")])?,
                "FRBRExpression" => {
                    x.empty("FRBRlanguage", &[("language", doc.language.iso639_2())])?
                }
                _ => {}
            }
            x.close(level)?;
        }
        x.close("identification")?;
        x.close("meta")?;
        x.open("preface", &[])?;
        x.indent()?;
        x.start_tag("p", &[])?;
        x.inline_leaf("docNumber", &[], &annex.label)?;
        if !annex.title.is_empty() {
            x.text(" ")?;
            x.start_tag("docTitle", &[])?;
            x.inlines(doc, &annex.title)?;
            x.end_tag("docTitle")?;
        }
        x.end_tag("p")?;
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
