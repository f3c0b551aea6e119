//! The terms unakn writes, one constant each, grouped by vocabulary: a misspelt term does not
//! compile, and `schemas/unakn.ttl` is checked to define every term of [`unakn`].
//!
//! Constants are named as the terms are spelt (`eli::is_part_of`, `eli::Work`), so that code
//! reads like the graph it writes.

/// One module per vocabulary: its namespace and a constant per term used.
macro_rules! vocabulary {
    ($(#[$doc:meta])* $module:ident = $namespace:literal { $($term:ident),* $(,)? }) => {
        $(#[$doc])*
        #[allow(non_upper_case_globals)]
        pub mod $module {
            use oxigraph::model::NamedNodeRef;

            pub const NAMESPACE: &str = $namespace;

            $(
                pub const $term: NamedNodeRef<'static> =
                    NamedNodeRef::new_unchecked(concat!($namespace, stringify!($term)));
            )*

            /// Every term above, to check them against the vocabulary's definition.
            pub const ALL: &[NamedNodeRef<'static>] = &[$($term),*];
        }
    };
}

vocabulary! {
    /// The European Legislation Identifier ontology.
    eli = "http://data.europa.eu/eli/ontology#" {
        Work, Expression, Manifestation, WorkSubdivision,
        cites, date_document, date_publication, embodies, format, has_part, id_local, is_about,
        is_embodied_by, is_part_of, is_realized_by, language, number, passed_by, realizes,
        title, type_subdivision, work_type, amends,
    }
}

vocabulary! {
    /// ELI's draft legislation ontology (ELI-DL): the activities around a draft, votes among them.
    eli_dl = "http://data.europa.eu/eli/eli-draft-legislation-ontology#" {
        Vote, had_voter_favor, had_voter_against, had_voter_abstention,
    }
}

vocabulary! {
    /// The Web Ontology Language's terms.
    owl = "http://www.w3.org/2002/07/owl#" { sameAs }
}

vocabulary! {
    /// The United Nations Document Ontology: the classes of UN acts.
    undo = "https://w3id.org/un/ontology/undo/" { Resolution, Decision, Amendment, Note }
}

vocabulary! {
    /// The unakn vocabulary (`schemas/unakn.ttl`): what ELI, UNDO and FRBR do not say.
    unakn = "https://w3id.org/unakn#" {
        // Kinds of division, values of eli:type_subdivision.
        Recital, OperativeParagraph, SubParagraph, Section, Part, Chapter, Article, Rule, Division,
        Annex,
        Footnote, Text, Table,
        // Properties of divisions.
        order, text, xml, digest, phrase, phraseHead, work,
        // The SPARQL function of full-text search (`unakn:search(?unit, "words")`).
        search,
        // Properties of works.
        session, agendaItem, originDocument, committee, meeting, draftDocument,
        adoptedWithoutVote, votesInFavour, votesAgainst, votesAbstaining, sponsors,
        additionalSponsors, meetingRecord, recordedVote,
        // Drafts: the class, the kinds (values of eli:work_type) and what a tabling line says.
        Draft, draftResolution, draftDecision, amendment, note, sponsor, submittedBy, onBehalfOf,
        basedOn,
        // Links between drafts and the acts adopted from them.
        adoptedFrom, DraftLink, adopted, draft, confidence, evidence, score,
        fromDraft, changeFromDraft,
        // Mandates: who a division asks to do what, and by when.
        Mandate, mandate, division, paragraph, verb, addressee, addresseeKind, addresseeEntity,
        mandateKind, due, dueSession, dueDate, recurrence, until, untilSession, untilDate,
        review, subject, requestKey,
    }
}

vocabulary! {
    /// Dublin Core terms.
    dcterms = "http://purl.org/dc/terms/" { identifier, alternative }
}

vocabulary! {
    /// RDF's own terms (`rdf:type` is oxigraph's `vocab::rdf::TYPE`).
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#" { XMLLiteral }
}

vocabulary! {
    /// XML Schema datatypes.
    xsd = "http://www.w3.org/2001/XMLSchema#" { date, gYear, gYearMonth }
}
