//! Model → a readable HTML page: the resolution laid out as printed, with its footnotes, the
//! citations linked, and the documents that cite it.
//!
//! Elements carry the AKN eIds as `id`, so a portion IRI (`{work}/!main~para_7`) lands on
//! `#para_7` of its page.

use crate::eid::{block_eids, list_eid, point_eids, under};
use crate::interface::{word, Word};
use crate::markup::{escaped_text, plain_text, start_tag, with_cell_markup};
use crate::model::*;
use crate::vocab::{self, Base};
use quick_xml::events::{BytesEnd, BytesText, Event};
use quick_xml::Writer;
use std::io::{self, Write};

/// What a page shows beyond the document itself: where links lead.
pub struct Page<'a> {
    pub base: &'a Base,
    /// Whether the page is served under the base: links to IRIs under it are then written as
    /// paths from the server's root (`/akn/...`), so they work at whatever address the server
    /// is reached by; a page kept on its own keeps them absolute.
    pub served: bool,
    /// Whether a cited symbol is in the store: its link then stays in the store, else it goes to
    /// the UN's Official Document System.
    pub in_store: &'a dyn Fn(&str) -> bool,
    /// Works citing this one: (IRI, symbol, title).
    pub cited_by: &'a [(String, String, String)],
    /// The languages this work is held in, for links to the other expressions.
    pub languages: &'a [Language],
    /// The draft a resolution was adopted from, or the act a draft became, when the store
    /// links them.
    pub lineage: Option<Lineage<'a>>,
    /// Where a State's page is, by its ISO 3166 code, for the States of a recorded vote.
    pub state_page: Option<&'a StatePage<'a>>,
    /// Where the page of the act's mandates is, when the server has one and the act gives any.
    pub mandates_page: Option<&'a str>,
    /// Where the server's search page is, for the search box in the page's header.
    pub search_page: Option<&'a str>,
}

/// The path of a State's page from its ISO 3166 code, where the server has one.
pub type StatePage<'a> = dyn Fn(&str) -> Option<String> + 'a;

/// The other end of a draft's link to its act.
pub struct Lineage<'a> {
    /// `Adopted from draft resolution`, `Adopted as`.
    pub label: &'a str,
    pub symbol: &'a str,
    pub iri: &'a str,
    /// The changes from the draft as an HTML fragment (a redline), when both texts are there in
    /// the page's language.
    pub redline: Option<&'a str>,
}

/// Writes `doc` as a standalone HTML page.
pub fn write(doc: &Document, page: &Page<'_>, out: impl Write) -> io::Result<()> {
    let mut h = Html {
        w: Writer::new(out),
        doc,
        page,
    };
    h.w.get_mut().write_all(b"<!DOCTYPE html>\n")?;
    // Arabic reads right to left: the page, and every block in it, mirrored.
    let mut root = vec![("lang", doc.language.tag())];
    if doc.language.is_right_to_left() {
        root.push(("dir", "rtl"));
    }
    h.open("html", &root)?;
    write_head(&mut h)?;
    h.open("body", &[])?;
    write_header(&mut h)?;
    h.open("main", &[])?;
    write_act(&mut h, &doc.act, "")?;
    for part in &doc.parts {
        // Ids as the AKN's within the part's component: `cmpnt_A__para_1`.
        let prefix = crate::eid::part_eid(&part.number);
        h.open("section", &[("class", "part"), ("id", &prefix)])?;
        h.open("h2", &[])?;
        h.text(&format!("{} ", part.number))?;
        h.inlines(&part.act.title, true)?;
        h.close("h2")?;
        write_act(&mut h, &part.act, &prefix)?;
        h.close("section")?;
    }
    write_footnotes(&mut h)?;
    h.close("main")?;
    write_vote(&mut h)?;
    write_redline(&mut h)?;
    write_cited_by(&mut h)?;
    write_footer(&mut h)?;
    h.close("body")?;
    h.close("html")?;
    h.w.get_mut().write_all(b"\n")?;
    Ok(())
}

const STYLE: &str =
    "body{font-family:'Times New Roman',Times,serif;max-width:46em;margin:2em auto;\
padding:0 1em;line-height:1.45;color:#111}header{border-bottom:1px solid #999;margin-bottom:1.5em}\
.masthead{font-family:sans-serif;font-size:.85em;color:#444}h1{font-size:1.3em}\
.num{display:inline-block;min-width:2.2em}.recital{text-indent:2.2em}ol.items{list-style:none;\
padding-inline-start:2.2em}.footnotes{border-top:1px solid #999;font-size:.9em;margin-top:2em}\
.conclusion{text-align:end;font-style:italic}form.search{font-family:sans-serif;float:inline-end}nav,footer,.cited-by{font-family:sans-serif;\
font-size:.85em}sup a{text-decoration:none}.tabling,.lineage,.mandates{font-family:sans-serif;font-size:.9em}\
.vote ul.states{columns:14em;font-family:sans-serif;font-size:.85em}\
del{color:#a40000;background:#fde8e8}ins{color:#005a1f;background:#e3f6e8}\
.changes .where{font-family:sans-serif;font-size:.8em;color:#444;margin-bottom:0}\
.changes .status{text-transform:uppercase;letter-spacing:.05em}";

/// How a State voted, in a language.
fn position_word(language: Language, position: Position) -> &'static str {
    word(
        language,
        match position {
            Position::InFavour => Word::InFavour,
            Position::Against => Word::Against,
            Position::Abstaining => Word::Abstaining,
        },
    )
}

/// The search box's label and button in a language: the interface speaks the page's.
fn search_words(language: Language) -> (&'static str, &'static str) {
    (
        word(language, Word::SearchTheResolutions),
        word(language, Word::Search),
    )
}

/// An HTML writer: escaping by quick-xml, void elements written by hand.
struct Html<'a, W: Write> {
    w: Writer<W>,
    doc: &'a Document,
    page: &'a Page<'a>,
}

impl<W: Write> Html<'_, W> {
    fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        self.w.write_event(Event::Start(start_tag(name, attrs)))?;
        Ok(())
    }

    fn close(&mut self, name: &str) -> io::Result<()> {
        self.w.write_event(Event::End(BytesEnd::new(name)))?;
        Ok(())
    }

    /// A void element (`br`, `meta`): no end tag in HTML.
    fn void(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        self.open(name, attrs)
    }

    fn empty(&mut self, name: &str) -> io::Result<()> {
        self.void(name, &[])
    }

    fn text(&mut self, text: &str) -> io::Result<()> {
        if !text.is_empty() {
            self.w
                .write_event(Event::Text(BytesText::from_escaped(escaped_text(text))))?;
        }
        Ok(())
    }

    fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> io::Result<()> {
        self.open(name, attrs)?;
        self.text(text)?;
        self.close(name)
    }

    fn inline_block(
        &mut self,
        name: &str,
        attrs: &[(&str, &str)],
        runs: &[Inline],
    ) -> io::Result<()> {
        self.open(name, attrs)?;
        self.inlines(runs, true)?;
        self.close(name)
    }

    /// A link to an IRI: from the server's root when it is under the base of a served page.
    fn link(&self, iri: &str) -> String {
        let base = self.page.base.as_str();
        match iri.strip_prefix(base) {
            Some(path) if self.page.served && (path.is_empty() || path.starts_with('/')) => {
                if path.is_empty() {
                    "/".to_string()
                } else {
                    path.to_string()
                }
            }
            _ => iri.to_string(),
        }
    }

    /// Inline runs; `notes` false inside a footnote, whose own markers stay as text.
    fn inlines(&mut self, runs: &[Inline], notes: bool) -> io::Result<()> {
        for run in runs {
            match run {
                Inline::Text(t) => self.text(t)?,
                Inline::Phrase(p) => self.leaf("i", &[("class", "phrase")], p)?,
                Inline::Emphasis(e) => self.leaf("i", &[], e)?,
                Inline::Ref(c) => {
                    let href = if (self.page.in_store)(&c.symbol) {
                        self.link(self.page.base.work(&c.symbol).as_str())
                    } else {
                        vocab::undocs_link(&c.symbol)
                    };
                    // A symbol's Latin letters and digits inside Arabic text, isolated so that
                    // they do not reorder the words around them.
                    let isolate = self.doc.language.is_right_to_left();
                    if isolate {
                        self.open("bdi", &[])?;
                    }
                    self.leaf("a", &[("href", &href), ("title", &c.symbol)], &c.text)?;
                    if isolate {
                        self.close("bdi")?;
                    }
                }
                Inline::NoteRef { marker, index } if notes => {
                    let note = format!("#note_{}", index + 1);
                    let back = format!("ref_{}", index + 1);
                    self.open("sup", &[])?;
                    self.leaf("a", &[("href", &note), ("id", &back)], marker)?;
                    self.close("sup")?;
                }
                Inline::NoteRef { marker, .. } => self.text(marker)?,
            }
        }
        Ok(())
    }
}

fn write_head<W: Write>(h: &mut Html<'_, W>) -> io::Result<()> {
    let doc = h.doc;
    let base = h.page.base;
    h.open("head", &[])?;
    h.void("meta", &[("charset", "utf-8")])?;
    h.void(
        "meta",
        &[
            ("name", "viewport"),
            ("content", "width=device-width, initial-scale=1"),
        ],
    )?;
    let title = format!("{}: {}", doc.symbol, plain_text(&doc.act.title));
    h.leaf("title", &[], &title)?;
    let manifestation = h.link(base.manifestation(&doc.symbol, doc.language).as_str());
    h.void(
        "link",
        &[
            ("rel", "alternate"),
            ("type", "application/akn+xml"),
            ("href", &manifestation),
        ],
    )?;
    h.leaf("style", &[], STYLE)?;
    h.close("head")
}

fn write_header<W: Write>(h: &mut Html<'_, W>) -> io::Result<()> {
    let doc = h.doc;
    h.open("header", &[])?;
    if let Some(search) = h.page.search_page {
        // In the page's language: a query typed here finds text in it.
        let (label, button) = search_words(doc.language);
        h.open(
            "form",
            &[
                ("class", "search"),
                ("role", "search"),
                ("action", search),
                ("method", "get"),
            ],
        )?;
        h.open("label", &[])?;
        h.text(&format!("{label} "))?;
        h.void(
            "input",
            &[("type", "search"), ("name", "q"), ("size", "18")],
        )?;
        h.close("label")?;
        h.void(
            "input",
            &[
                ("type", "hidden"),
                ("name", "lang"),
                ("value", doc.language.tag()),
            ],
        )?;
        h.leaf("button", &[], button)?;
        h.close("form")?;
    }
    let mut masthead = vec![
        "United Nations".to_string(),
        doc.symbol.clone(),
        doc.masthead
            .organ_name
            .clone()
            .unwrap_or_else(|| doc.organ.name().to_string()),
    ];
    masthead.extend(doc.masthead.distribution.clone());
    masthead.extend(doc.masthead.issue_date.map(|d| d.to_string()));
    h.leaf("p", &[("class", "masthead")], &masthead.join(" · "))?;
    let mut session = Vec::new();
    session.extend(doc.masthead.session_label.clone());
    for item in &doc.masthead.agenda_items {
        let line = crate::interface::agenda_line(doc.language, &[item.number.as_str()]);
        session.push(match &item.title {
            Some(t) => format!("{line}: {t}"),
            None => line,
        });
    }
    if !session.is_empty() {
        h.leaf("p", &[("class", "masthead")], &session.join(" · "))?;
    }
    if let Some(s) = &doc.adoption.statement {
        h.leaf("p", &[("class", "adoption")], s)?;
    }
    if let Some(o) = &doc.adoption.origin {
        h.leaf("p", &[("class", "origin")], &o.text)?;
    }
    if let Some(t) = &doc.tabling {
        h.leaf("p", &[("class", "tabling")], &t.statement)?;
        if let Some(whom) = &t.on_behalf_of {
            h.leaf(
                "p",
                &[("class", "tabling")],
                &word(doc.language, Word::OnBehalfOf).replace("{whom}", whom),
            )?;
        }
    }
    h.open("h1", &[])?;
    // A draft has no number before its title.
    if !doc.number.is_empty() {
        h.text(&format!("{}. ", doc.number))?;
    }
    h.inlines(&doc.act.title, true)?;
    h.close("h1")?;
    if let Some(l) = &h.page.lineage {
        h.open("p", &[("class", "lineage")])?;
        h.text(&format!("{} ", l.label))?;
        let href = h.link(l.iri);
        h.leaf("a", &[("href", &href)], l.symbol)?;
        h.close("p")?;
    }
    if let Some(href) = h.page.mandates_page {
        h.open("p", &[("class", "mandates")])?;
        h.leaf(
            "a",
            &[("href", href)],
            word(doc.language, Word::ItsMandates),
        )?;
        h.close("p")?;
    }
    write_nav(h)?;
    h.close("header")
}

/// Links to the same document in the other formats and languages.
fn write_nav<W: Write>(h: &mut Html<'_, W>) -> io::Result<()> {
    let doc = h.doc;
    let base = h.page.base;
    let expression = h.link(base.expression(&doc.symbol, doc.language).as_str());
    let manifestation = h.link(base.manifestation(&doc.symbol, doc.language).as_str());
    h.open("nav", &[])?;
    h.leaf("a", &[("href", &manifestation)], "Akoma Ntoso XML")?;
    for (label, format) in [("Turtle", "ttl"), ("JSON-LD", "jsonld"), ("RDF/XML", "rdf")] {
        h.text(" · ")?;
        h.leaf(
            "a",
            &[("href", &format!("{expression}?format={format}"))],
            label,
        )?;
    }
    let others: Vec<Language> = h
        .page
        .languages
        .iter()
        .copied()
        .filter(|l| *l != doc.language)
        .collect();
    if !others.is_empty() {
        h.text(&format!(" · {}", word(doc.language, Word::OtherLanguages)))?;
        for l in others {
            h.text(" ")?;
            let href = h.link(base.expression(&doc.symbol, l).as_str());
            h.leaf("a", &[("href", &href), ("hreflang", l.tag())], l.iso639_2())?;
        }
    }
    h.close("nav")
}

fn write_act<W: Write>(h: &mut Html<'_, W>, act: &Act, prefix: &str) -> io::Result<()> {
    if act.formula.is_some() || !act.preamble.is_empty() {
        h.open("section", &[("class", "preamble")])?;
        if let Some(f) = act.formula.as_ref() {
            let id = under(prefix, "formula_1".into());
            h.inline_block("p", &[("class", "formula"), ("id", &id)], &f.text)?;
        }
        for (i, recital) in act.preamble.iter().enumerate() {
            let id = under(prefix, format!("container_{}", i + 1));
            h.inline_block("p", &[("class", "recital"), ("id", &id)], &recital.text)?;
        }
        h.close("section")?;
    }
    if !act.body.is_empty() {
        h.open("section", &[("class", "operative")])?;
        write_blocks(h, &act.body, prefix)?;
        h.close("section")?;
    }
    if let Some(c) = act.conclusion.as_ref() {
        let id = under(prefix, "conclusions".into());
        h.open("p", &[("class", "conclusion"), ("id", &id)])?;
        h.text(&c.meeting)?;
        if let Some(date) = &c.date_text {
            h.empty("br")?;
            h.text(date)?;
        } else if let Some(date) = c.date {
            h.empty("br")?;
            h.text(&date.to_string())?;
        }
        h.close("p")?;
    }
    for (i, annex) in act.annexes.iter().enumerate() {
        let eid = under(prefix, format!("att_{}", i + 1));
        h.open("section", &[("class", "annex"), ("id", &eid)])?;
        if !annex.label.is_empty() {
            h.leaf("h2", &[], &annex.label)?;
        }
        if !annex.title.is_empty() {
            h.inline_block("h3", &[], &annex.title)?;
        }
        if !annex.subtitle.is_empty() {
            h.inline_block("p", &[("class", "subtitle")], &annex.subtitle)?;
        }
        write_blocks(h, &annex.blocks, &eid)?;
        h.close("section")?;
    }
    Ok(())
}

fn write_blocks<W: Write>(h: &mut Html<'_, W>, blocks: &[Block], prefix: &str) -> io::Result<()> {
    for (block, eid) in blocks.iter().zip(block_eids(prefix, blocks)) {
        match block {
            Block::Paragraph(p) => {
                h.open("div", &[("class", "paragraph"), ("id", &eid)])?;
                h.open("p", &[])?;
                if let Some(n) = &p.number {
                    h.leaf("span", &[("class", "num")], &format!("{n}."))?;
                }
                h.inlines(&p.text, true)?;
                h.close("p")?;
                write_items(h, &p.items, &list_eid(&eid))?;
                if !p.wrap_up.is_empty() {
                    h.inline_block("p", &[("class", "wrap-up")], &p.wrap_up)?;
                }
                h.close("div")?;
            }
            Block::Section(s) => {
                h.open("section", &[("id", &eid)])?;
                h.open("h2", &[])?;
                if let Some(n) = s.printed_number() {
                    h.text(&format!("{n} "))?;
                }
                h.inlines(&s.heading, true)?;
                h.close("h2")?;
                write_blocks(h, &s.blocks, &eid)?;
                h.close("section")?;
            }
            Block::Recital(r) => {
                h.inline_block("p", &[("class", "recital"), ("id", &eid)], &r.text)?;
            }
            Block::Text(t) => {
                h.inline_block("p", &[("class", "text"), ("id", &eid)], &t.text)?;
            }
            Block::Table(t) => {
                h.open("table", &[("id", &eid)])?;
                for row in &t.rows {
                    h.open("tr", &[])?;
                    for c in &row.cells {
                        with_cell_markup(row.heading, c, |cell, attrs| {
                            h.inline_block(cell, attrs, &c.text)
                        })?;
                    }
                    h.close("tr")?;
                }
                h.close("table")?;
            }
        }
    }
    Ok(())
}

fn write_items<W: Write>(h: &mut Html<'_, W>, items: &[Item], list: &str) -> io::Result<()> {
    if items.is_empty() {
        return Ok(());
    }
    h.open("ol", &[("class", "items")])?;
    for (item, eid) in items.iter().zip(point_eids(list, items)) {
        h.open("li", &[("id", &eid)])?;
        h.leaf("span", &[("class", "num")], &item.printed_number())?;
        h.inlines(&item.text, true)?;
        write_items(h, &item.items, &list_eid(&eid))?;
        h.close("li")?;
    }
    h.close("ol")
}

fn write_footnotes<W: Write>(h: &mut Html<'_, W>) -> io::Result<()> {
    let doc = h.doc;
    if doc.footnotes.is_empty() {
        return Ok(());
    }
    h.open("section", &[("class", "footnotes")])?;
    for (i, note) in doc.footnotes.iter().enumerate() {
        let id = format!("note_{}", i + 1);
        let back = format!("#ref_{}", i + 1);
        h.open("p", &[("id", &id)])?;
        h.open("sup", &[])?;
        h.leaf("a", &[("href", &back)], &note.marker)?;
        h.close("sup")?;
        h.text(" ")?;
        h.inlines(&note.text, false)?;
        h.close("p")?;
    }
    h.close("section")
}

/// The vote that adopted the act: without a vote, or the counts with each State's vote, the
/// States grouped by how they voted, each linking to its page where the server has one.
fn write_vote<W: Write>(h: &mut Html<'_, W>) -> io::Result<()> {
    let Some(vote) = &h.doc.metadata.vote else {
        return Ok(());
    };
    h.open("section", &[("class", "vote"), ("aria-labelledby", "vote")])?;
    let language = h.doc.language;
    h.leaf("h2", &[("id", "vote")], word(language, Word::Vote))?;
    match vote {
        Vote::WithoutVote => h.leaf("p", &[], word(language, Word::AdoptedWithoutAVote))?,
        Vote::Recorded {
            in_favour,
            against,
            abstaining,
            voters,
        } => {
            h.leaf(
                "p",
                &[("class", "counts")],
                &word(language, Word::AdoptedByRecordedVote)
                    .replace("{in_favour}", &in_favour.to_string())
                    .replace("{against}", &against.to_string())
                    .replace("{abstaining}", &abstaining.to_string()),
            )?;
            for position in Position::ALL {
                let states: Vec<&Voter> =
                    voters.iter().filter(|v| v.position == position).collect();
                if states.is_empty() {
                    continue;
                }
                h.leaf(
                    "h3",
                    &[],
                    &format!("{} ({})", position_word(language, position), states.len()),
                )?;
                h.open("ul", &[("class", &format!("states {}", position.id()))])?;
                for v in states {
                    h.open("li", &[])?;
                    let page = vocab::states::named(&v.name)
                        .and_then(|s| h.page.state_page.and_then(|f| f(s.code)));
                    match page {
                        Some(href) => h.leaf("a", &[("href", &href)], &v.name)?,
                        None => h.text(&v.name)?,
                    }
                    h.close("li")?;
                }
                h.close("ul")?;
            }
        }
    }
    h.close("section")
}

/// The changes from the draft, as the diff wrote them (a fragment of its own markup).
fn write_redline<W: Write>(h: &mut Html<'_, W>) -> io::Result<()> {
    let Some(redline) = h.page.lineage.as_ref().and_then(|l| l.redline) else {
        return Ok(());
    };
    h.open(
        "section",
        &[("class", "changes"), ("aria-labelledby", "changes")],
    )?;
    h.leaf(
        "h2",
        &[("id", "changes")],
        word(h.doc.language, Word::ChangesFromTheDraft),
    )?;
    h.w.get_mut().write_all(redline.as_bytes())?;
    h.close("section")
}

fn write_cited_by<W: Write>(h: &mut Html<'_, W>) -> io::Result<()> {
    let cited_by = h.page.cited_by;
    h.open("section", &[("class", "cited-by")])?;
    let language = h.doc.language;
    h.leaf("h2", &[], word(language, Word::CitedBy))?;
    if cited_by.is_empty() {
        h.leaf("p", &[], word(language, Word::NotCited))?;
    } else {
        h.open("ul", &[])?;
        for (iri, symbol, title) in cited_by {
            h.open("li", &[])?;
            let href = h.link(iri);
            h.leaf("a", &[("href", &href)], symbol)?;
            if !title.is_empty() {
                h.text(&format!(": {title}"))?;
            }
            h.close("li")?;
        }
        h.close("ul")?;
    }
    h.close("section")
}

fn write_footer<W: Write>(h: &mut Html<'_, W>) -> io::Result<()> {
    h.open("footer", &[])?;
    let language = h.doc.language;
    h.text(&format!(
        "{} {} ",
        word(language, Word::SourceUnitedNations),
        word(language, Word::ConvertedByUnakn)
    ))?;
    let sparql = h.link(&format!("{}/", h.page.base.as_str()));
    let label = if language == Language::English {
        "the SPARQL endpoint"
    } else {
        "SPARQL"
    };
    h.leaf("a", &[("href", &sparql)], label)?;
    if language == Language::English {
        h.text(".")?;
    }
    h.close("footer")
}
