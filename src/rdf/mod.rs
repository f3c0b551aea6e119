//! Model → RDF quads (ELI, UNDO, unakn) in two named graphs: the work's, named by the work's
//! IRI, holds what the act is (class, symbol, date, session, committee, meeting, votes,
//! subjects, workflow, parts), which its language versions share; the expression's holds what
//! one language version says (expression, manifestation, divisions, text, citations).
//!
//! The contract is in DESIGN.md ("RDF: the contract"); the IRIs come from [`crate::vocab`].

mod mandates;

use crate::eid::{block_eids, list_eid, point_eids};
use crate::markup::{item_text, join_and, paragraph_text, plain_text};
use crate::model::*;
use crate::vocab::{self, dcterms, eli, eli_dl, owl, states, unakn, undo, xsd, Base, FrbrNames};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::vocab::rdf;
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use std::io::{self, Write};

/// The RDF of one document: the quads of its work's graph and of its expression's graph.
pub fn quads(doc: &Document, base: &Base) -> Vec<Quad> {
    let mut g = Graph {
        quads: Vec::with_capacity(512),
        graph: GraphName::NamedNode(base.expression(&doc.symbol, doc.language)),
        work_graph: GraphName::NamedNode(base.work(&doc.symbol)),
        lang: doc.language.tag(),
        base,
        symbol: doc.symbol.clone(),
    };
    let work = base.work(&doc.symbol);
    let expression = base.expression(&doc.symbol, doc.language);
    let manifestation = base.manifestation(&doc.symbol, doc.language);
    let names = FrbrNames::new(&doc.symbol, doc.work_date(), doc.language);

    // Work
    g.work(doc, &doc.symbol, &doc.number);
    if let Some(s) = doc.masthead.session {
        g.fact(&work, unakn::session, Literal::from(i64::from(s)));
    }
    for item in &doc.masthead.agenda_items {
        g.fact(
            &work,
            unakn::agendaItem,
            Literal::new_simple_literal(&item.number),
        );
    }
    if let Some(origin) = &doc.adoption.origin {
        if let Some(d) = &origin.document {
            g.fact(&work, unakn::originDocument, Literal::new_simple_literal(d));
            // The origin is linked in AKN like any citation, in the text's graph.
            let cited = base.work(d);
            g.add(&work, eli::cites, cited.clone());
            g.add(&cited, dcterms::identifier, Literal::new_simple_literal(d));
        }
        if let Some(c) = &origin.committee {
            g.fact(&work, unakn::committee, Literal::new_simple_literal(c));
        }
    }
    if let Some(c) = &doc.masthead.committee {
        g.fact(&work, unakn::committee, Literal::new_simple_literal(c));
    }
    if let Some(tabling) = &doc.tabling {
        write_tabling(&mut g, &work, tabling);
    }
    g.meeting(&work, doc.act.conclusion.as_ref());
    write_metadata(&mut g, &work, &doc.metadata);

    // Expression and manifestation
    g.expression(doc, &doc.symbol, &doc.act.title);
    g.add(&expression, eli::is_embodied_by, manifestation.clone());
    g.add(&manifestation, rdf::TYPE, eli::Manifestation);
    g.add(&manifestation, eli::embodies, expression.clone());
    g.add(
        &manifestation,
        eli::format,
        NamedNode::new_unchecked(vocab::AKN_MEDIA_TYPE),
    );
    g.add(
        &manifestation,
        eli::id_local,
        Literal::new_simple_literal(&names.manifestation),
    );

    // Divisions
    let mut hosts: Vec<Option<NamedNode>> = vec![None; doc.footnotes.len()];
    g.act(&work, &doc.act, &mut hosts);
    // Parts: works of their own (`…/78-80A`), parts of the whole, embodied by its file.
    for part in &doc.parts {
        let symbol = vocab::part_symbol(&doc.symbol, &part.number);
        let part_work = base.work(&symbol);
        let part_expression = base.expression(&symbol, doc.language);
        let number = vocab::part_number(&doc.number, &part.number);
        g.work(doc, &symbol, &number);
        g.meeting(&part_work, part.act.conclusion.as_ref());
        g.fact(&part_work, eli::is_part_of, work.clone());
        g.fact(&work, eli::has_part, part_work.clone());
        g.expression(doc, &symbol, &part.act.title);
        g.add(&part_expression, eli::is_embodied_by, manifestation.clone());
        g.add(&manifestation, eli::embodies, part_expression.clone());
        g.symbol = symbol;
        g.act(&part_work, &part.act, &mut hosts);
        g.symbol = doc.symbol.clone();
    }
    for (i, note) in doc.footnotes.iter().enumerate() {
        let node = base.portion(&doc.symbol, &format!("note_{}", i + 1));
        let parent = hosts[i].clone().unwrap_or_else(|| work.clone());
        g.division(&node, &parent, unakn::Footnote, Some(&note.marker), i + 1);
        let mut none = Vec::new();
        g.text_of(&node, &note.text, &mut none);
    }
    mandates::write_mandates(&mut g, doc);
    // A document citing the same act twice states it once.
    // Which quads are first of their kind, found without cloning any of them.
    let keep: Vec<bool> = {
        let mut seen = std::collections::HashSet::with_capacity(g.quads.len());
        g.quads.iter().map(|q| seen.insert(q)).collect()
    };
    let mut keep = keep.into_iter();
    g.quads.retain(|_| keep.next().unwrap_or(true));
    g.quads
}

/// The `eli:type_subdivision` of a hierarchical division.
fn division_kind(kind: SectionKind) -> NamedNodeRef<'static> {
    match kind {
        SectionKind::Section => unakn::Section,
        SectionKind::Part => unakn::Part,
        SectionKind::Chapter => unakn::Chapter,
        SectionKind::Article => unakn::Article,
        SectionKind::Rule => unakn::Rule,
        SectionKind::Division => unakn::Division,
    }
}

fn date_literal(d: Date) -> Literal {
    Literal::new_typed_literal(d.to_string(), xsd::date)
}

struct Graph<'a> {
    quads: Vec<Quad>,
    /// The expression's graph, where [`Graph::add`] writes.
    graph: GraphName,
    /// The work's graph, where [`Graph::fact`] writes.
    work_graph: GraphName,
    lang: &'static str,
    base: &'a Base,
    /// The symbol whose work the divisions being written belong to (the whole, or a part).
    symbol: String,
}

impl Graph<'_> {
    /// A statement of the language version, in the expression's graph.
    fn add(&mut self, s: &NamedNode, p: NamedNodeRef<'static>, o: impl Into<Term>) {
        let graph = self.graph.clone();
        self.push(s, p, o, graph);
    }

    /// A fact of the work, in the work's graph: stated once, whatever the languages loaded.
    fn fact(&mut self, s: &NamedNode, p: NamedNodeRef<'static>, o: impl Into<Term>) {
        let graph = self.work_graph.clone();
        self.push(s, p, o, graph);
    }

    fn push(&mut self, s: &NamedNode, p: NamedNodeRef<'static>, o: impl Into<Term>, g: GraphName) {
        self.quads.push(Quad::new(
            NamedOrBlankNode::NamedNode(s.clone()),
            p.into_owned(),
            o.into(),
            g,
        ));
    }

    /// What a work states of itself, the whole's or a part's: class, identifier, number,
    /// date and organ in the work's graph; its symbol and this expression in the expression's,
    /// where every work a graph mentions carries its symbol.
    fn work(&mut self, doc: &Document, symbol: &str, number: &str) {
        let work = self.base.work(symbol);
        let names = FrbrNames::new(symbol, doc.work_date(), doc.language);
        self.fact(&work, rdf::TYPE, eli::Work);
        let class = match (&doc.tabling, doc.kind) {
            (Some(_), _) => unakn::Draft,
            (None, DocumentKind::Resolution) => undo::Resolution,
            (None, DocumentKind::Decision) => undo::Decision,
        };
        self.fact(&work, rdf::TYPE, class);
        let identifier = Literal::new_simple_literal(symbol);
        self.fact(&work, dcterms::identifier, identifier.clone());
        self.add(&work, dcterms::identifier, identifier);
        if !number.is_empty() {
            self.fact(&work, eli::number, Literal::new_simple_literal(number));
        }
        self.fact(
            &work,
            eli::id_local,
            Literal::new_simple_literal(&names.work),
        );
        if let Some(d) = doc.work_date() {
            self.fact(&work, eli::date_document, date_literal(d));
        }
        // A draft is tabled, not passed: its sponsors say who put it forward.
        if !doc.is_draft() {
            self.fact(&work, eli::passed_by, self.base.organ(doc.organ));
        }
        let expression = self.base.expression(symbol, doc.language);
        self.add(&work, eli::is_realized_by, expression);
    }

    /// The meeting that adopted a work.
    fn meeting(&mut self, work: &NamedNode, conclusion: Option<&Conclusion>) {
        if let Some(c) = conclusion {
            self.fact(
                work,
                unakn::meeting,
                Literal::new_simple_literal(&c.meeting),
            );
        }
    }

    /// What an expression states of itself: its work, title and language.
    fn expression(&mut self, doc: &Document, symbol: &str, title: &[Inline]) {
        let expression = self.base.expression(symbol, doc.language);
        let names = FrbrNames::new(symbol, doc.work_date(), doc.language);
        self.add(&expression, rdf::TYPE, eli::Expression);
        self.add(&expression, eli::realizes, self.base.work(symbol));
        self.add(&expression, eli::title, self.text(&plain_text(title)));
        self.add(&expression, eli::language, doc.language.eu_authority());
        self.add(
            &expression,
            eli::id_local,
            Literal::new_simple_literal(&names.expression),
        );
        if let Some(d) = doc.masthead.issue_date {
            self.add(&expression, eli::date_publication, date_literal(d));
        }
    }

    /// The recitals, operative part and annexes of a work (the whole's, or a part's).
    fn act(&mut self, work: &NamedNode, act: &Act, hosts: &mut [Option<NamedNode>]) {
        for (i, recital) in act.preamble.iter().enumerate() {
            let node = self
                .base
                .portion(&self.symbol, &format!("container_{}", i + 1));
            self.division(&node, work, unakn::Recital, None, i + 1);
            self.text_of(&node, &recital.text, hosts);
        }
        self.blocks(work, &act.body, "", hosts);
        self.annexes(work, &act.annexes, hosts);
    }

    fn annexes(&mut self, work: &NamedNode, annexes: &[Annex], hosts: &mut [Option<NamedNode>]) {
        for (i, annex) in annexes.iter().enumerate() {
            let eid = format!("att_{}", i + 1);
            let node = self.base.portion(&self.symbol, &eid);
            self.division(&node, work, unakn::Annex, Some(&annex.label), i + 1);
            if !annex.title.is_empty() {
                self.add(&node, eli::title, self.text(&plain_text(&annex.title)));
            }
            if !annex.subtitle.is_empty() {
                let subtitle = self.text(&plain_text(&annex.subtitle));
                self.add(&node, dcterms::alternative, subtitle);
            }
            self.blocks(&node, &annex.blocks, &eid, hosts);
        }
    }

    fn text(&self, s: &str) -> Literal {
        Literal::new_language_tagged_literal_unchecked(s, self.lang)
    }

    fn division(
        &mut self,
        node: &NamedNode,
        parent: &NamedNode,
        kind: NamedNodeRef<'static>,
        number: Option<&str>,
        order: usize,
    ) {
        self.add(node, rdf::TYPE, eli::WorkSubdivision);
        self.add(node, eli::is_part_of, parent.clone());
        self.add(parent, eli::has_part, node.clone());
        // The work in one step, for queries (`eli:is_part_of+` walks every level).
        let work = self.base.work(&self.symbol);
        self.add(node, unakn::work, work);
        self.add(node, eli::type_subdivision, kind);
        if let Some(n) = number {
            self.add(node, eli::number, Literal::new_simple_literal(n));
        }
        self.add(node, unakn::order, Literal::from(order as i64));
    }

    /// Text, phrase, citations and footnote hosts of a division.
    fn text_of(&mut self, node: &NamedNode, runs: &[Inline], hosts: &mut [Option<NamedNode>]) {
        let text = plain_text(runs);
        if !text.is_empty() {
            self.add(node, unakn::text, self.text(&text));
        }
        if let Some(p) = phrase_of(runs) {
            self.phrase(node, p);
        }
        self.cites(node, runs, hosts);
    }

    /// The opening phrase as printed, and its head word for lookups (`unakn:phraseHead`).
    fn phrase(&mut self, node: &NamedNode, phrase: &str) {
        self.add(node, unakn::phrase, self.text(phrase));
        if let Some(head) = crate::phrase::head_word(phrase) {
            self.add(node, unakn::phraseHead, Literal::new_simple_literal(head));
        }
    }

    fn cites(&mut self, node: &NamedNode, runs: &[Inline], hosts: &mut [Option<NamedNode>]) {
        let work = self.base.work(&self.symbol);
        for r in runs {
            match r {
                Inline::Ref(c) => {
                    let cited = self.base.work(&c.symbol);
                    if cited != work {
                        self.add(node, eli::cites, cited.clone());
                        self.add(&work, eli::cites, cited.clone());
                        self.add(
                            &cited,
                            dcterms::identifier,
                            Literal::new_simple_literal(&c.symbol),
                        );
                    }
                }
                Inline::NoteRef { index, .. } => {
                    if let Some(h) = hosts.get_mut(*index) {
                        h.get_or_insert_with(|| node.clone());
                    }
                }
                Inline::Text(_) | Inline::Phrase(_) | Inline::Emphasis(_) => {}
            }
        }
    }

    fn blocks(
        &mut self,
        parent: &NamedNode,
        blocks: &[Block],
        prefix: &str,
        hosts: &mut [Option<NamedNode>],
    ) {
        let eids = block_eids(prefix, blocks);
        for (i, (block, eid)) in blocks.iter().zip(&eids).enumerate() {
            let node = self.base.portion(&self.symbol, eid);
            match block {
                Block::Paragraph(p) => {
                    self.division(
                        &node,
                        parent,
                        unakn::OperativeParagraph,
                        p.number.as_deref(),
                        i + 1,
                    );
                    self.add(&node, unakn::text, self.text(&paragraph_text(p)));
                    if let Some(ph) = phrase_of(&p.text) {
                        self.phrase(&node, ph);
                    }
                    self.cites(&node, &p.text, hosts);
                    self.cites(&node, &p.wrap_up, hosts);
                    self.items(&node, &p.items, &list_eid(eid), hosts);
                }
                Block::Section(s) => {
                    self.division(
                        &node,
                        parent,
                        division_kind(s.kind),
                        s.number.as_deref(),
                        i + 1,
                    );
                    self.add(&node, eli::title, self.text(&plain_text(&s.heading)));
                    self.cites(&node, &s.heading, hosts);
                    self.blocks(&node, &s.blocks, eid, hosts);
                }
                Block::Recital(r) => {
                    self.division(&node, parent, unakn::Recital, None, i + 1);
                    self.text_of(&node, &r.text, hosts);
                }
                Block::Text(t) => {
                    self.division(&node, parent, unakn::Text, None, i + 1);
                    self.text_of(&node, &t.text, hosts);
                }
                Block::Table(t) => {
                    self.division(&node, parent, unakn::Table, None, i + 1);
                    self.text_of(&node, &t.runs(), hosts);
                }
            }
        }
    }

    fn items(
        &mut self,
        parent: &NamedNode,
        items: &[Item],
        list: &str,
        hosts: &mut [Option<NamedNode>],
    ) {
        for (i, (item, eid)) in items.iter().zip(point_eids(list, items)).enumerate() {
            let node = self.base.portion(&self.symbol, &eid);
            self.division(
                &node,
                parent,
                unakn::SubParagraph,
                Some(item.bare_number()),
                i + 1,
            );
            self.add(&node, unakn::text, self.text(&item_text(item)));
            self.cites(&node, &item.text, hosts);
            self.items(&node, &item.items, &list_eid(&eid), hosts);
        }
    }
}

fn write_metadata(g: &mut Graph, work: &NamedNode, meta: &Metadata) {
    match &meta.vote {
        Some(Vote::WithoutVote) => g.fact(work, unakn::adoptedWithoutVote, Literal::from(true)),
        Some(Vote::Recorded {
            in_favour,
            against,
            abstaining,
            voters,
        }) => {
            write_voters(g, work, voters);
            g.fact(
                work,
                unakn::votesInFavour,
                Literal::from(i64::from(*in_favour)),
            );
            g.fact(
                work,
                unakn::votesAgainst,
                Literal::from(i64::from(*against)),
            );
            g.fact(
                work,
                unakn::votesAbstaining,
                Literal::from(i64::from(*abstaining)),
            );
        }
        None => {}
    }
    for s in &meta.subjects {
        if let Ok(iri) = NamedNode::new(&s.iri) {
            g.fact(work, eli::is_about, iri);
        }
    }
    for step in &meta.workflow {
        let literal = |s: &String| Literal::new_simple_literal(s);
        match &step.outcome {
            Outcome::DraftResolution | Outcome::DraftDecision => {
                if let Some(d) = &step.document {
                    // The draft by the IRI its own document and every citation of it use.
                    let draft = g.base.work(d);
                    g.fact(work, unakn::draftDocument, draft.clone());
                    g.fact(&draft, dcterms::identifier, literal(d));
                }
                if let Some(by) = &step.by {
                    g.fact(work, unakn::sponsors, literal(by));
                }
            }
            Outcome::DraftResolutionAdditionalSponsors
            | Outcome::DraftDecisionAdditionalSponsors => {
                if let Some(by) = &step.by {
                    g.fact(work, unakn::additionalSponsors, literal(by));
                }
            }
            Outcome::Adopted => {
                if let Some(d) = &step.document {
                    g.fact(work, unakn::meetingRecord, literal(d));
                }
            }
            Outcome::RecommendedForAdoption | Outcome::Other(_) => {}
        }
    }
}

/// What a draft's tabling line says: its kind (`eli:work_type`), each sponsor (a State by its
/// country IRI, an officer of the committee by name), whom the sponsor speaks for, and the
/// draft it amends or was drawn from.
fn write_tabling(g: &mut Graph, work: &NamedNode, tabling: &Tabling) {
    let kind = match tabling.draft {
        DraftKind::DraftResolution => unakn::draftResolution,
        DraftKind::DraftDecision => unakn::draftDecision,
        DraftKind::Amendment => unakn::amendment,
        DraftKind::Note => unakn::note,
    };
    g.fact(work, eli::work_type, kind);
    match tabling.draft {
        DraftKind::Amendment => g.fact(work, rdf::TYPE, undo::Amendment),
        DraftKind::Note => g.fact(work, rdf::TYPE, undo::Note),
        DraftKind::DraftResolution | DraftKind::DraftDecision => {}
    }
    let literal = |s: &str| Literal::new_simple_literal(s);
    for name in &tabling.sponsors {
        match states::named(name) {
            Some(state) => g.fact(work, unakn::sponsor, state.iri()),
            None => g.fact(work, unakn::submittedBy, literal(name)),
        }
    }
    if !tabling.sponsors.is_empty() {
        let names: Vec<&str> = tabling.sponsors.iter().map(String::as_str).collect();
        g.fact(work, unakn::sponsors, literal(&join_and(&names)));
    }
    if let Some(whom) = &tabling.on_behalf_of {
        g.fact(work, unakn::onBehalfOf, literal(whom));
    }
    if let Some(other) = &tabling.based_on {
        let other_work = g.base.work(other);
        let link = match tabling.draft {
            DraftKind::Amendment => eli::amends,
            DraftKind::DraftResolution | DraftKind::DraftDecision | DraftKind::Note => {
                unakn::basedOn
            }
        };
        g.fact(work, link, other_work.clone());
        g.fact(&other_work, dcterms::identifier, literal(other));
    }
}

/// Each State's vote, ELI-DL's way: the vote (`{work}/vote`, an `eli-dl:Vote`) had each State
/// as a voter in favour, against or abstaining, the State by its EU country authority IRI,
/// and the same as its UNTERM entry where the document names it.
fn write_voters(g: &mut Graph, work: &NamedNode, voters: &[Voter]) {
    if voters.is_empty() {
        return;
    }
    let vote = g.base.vote(&g.symbol);
    g.fact(work, unakn::recordedVote, vote.clone());
    g.fact(&vote, rdf::TYPE, eli_dl::Vote);
    for voter in voters {
        let state = match states::named(&voter.name) {
            Some(s) => s.iri(),
            None => g.base.unknown_state(&voter.name),
        };
        let how = match voter.position {
            Position::InFavour => eli_dl::had_voter_favor,
            Position::Against => eli_dl::had_voter_against,
            Position::Abstaining => eli_dl::had_voter_abstention,
        };
        g.fact(&vote, how, state.clone());
        if let Some(entry) = voter.unterm.as_deref().and_then(|u| NamedNode::new(u).ok()) {
            g.fact(&state, owl::sameAs, entry);
        }
    }
}

/// The RDF serialisations unakn writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    Turtle,
    NTriples,
    NQuads,
    TriG,
    RdfXml,
    JsonLd,
}

impl Syntax {
    pub const ALL: [Syntax; 6] = [
        Syntax::Turtle,
        Syntax::NTriples,
        Syntax::NQuads,
        Syntax::TriG,
        Syntax::RdfXml,
        Syntax::JsonLd,
    ];

    /// The IANA media type.
    pub fn media_type(self) -> &'static str {
        self.format().media_type()
    }

    /// The oxigraph format.
    pub fn format(self) -> RdfFormat {
        match self {
            Syntax::Turtle => RdfFormat::Turtle,
            Syntax::NTriples => RdfFormat::NTriples,
            Syntax::NQuads => RdfFormat::NQuads,
            Syntax::TriG => RdfFormat::TriG,
            Syntax::RdfXml => RdfFormat::RdfXml,
            Syntax::JsonLd => RdfFormat::JsonLd {
                profile: Default::default(),
            },
        }
    }

    /// Whether the syntax keeps named graphs.
    pub fn has_graphs(self) -> bool {
        match self {
            Syntax::NQuads | Syntax::TriG | Syntax::JsonLd => true,
            Syntax::Turtle | Syntax::NTriples | Syntax::RdfXml => false,
        }
    }
}

/// Writes quads in `syntax`; syntaxes without graphs get the triples.
pub fn serialize(quads: &[Quad], syntax: Syntax, out: impl Write) -> io::Result<()> {
    let mut serializer = RdfSerializer::from_format(syntax.format());
    if matches!(syntax, Syntax::Turtle | Syntax::TriG | Syntax::RdfXml) {
        for (prefix, iri) in vocab::PREFIXES {
            serializer = serializer
                .with_prefix(*prefix, *iri)
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
        }
    }
    let mut writer = serializer.for_writer(out);
    for q in quads {
        if syntax.has_graphs() {
            writer.serialize_quad(q)?;
        } else {
            writer.serialize_triple(q.as_ref())?;
        }
    }
    writer.finish()?;
    Ok(())
}
