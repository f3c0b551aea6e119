//! `<meta>`: FRBR identification, references (TLC organizations, persons, concepts),
//! workflow, classification and proprietary AKN4UN metadata.

use super::*;

/// The TLC eIds the document refers to, declared in `meta/references`.
pub(super) struct References {
    pub(super) committee: Option<(String, String)>,
    /// A draft's sponsors: (eId, href, name as printed), each once.
    pub(super) sponsors: Vec<(String, String, String)>,
}

pub(super) fn committee_id(name: &str) -> String {
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

pub(super) fn references(doc: &Document) -> References {
    let mut sponsors: Vec<(String, String, String)> = Vec::new();
    for name in doc.tabling.iter().flat_map(|t| &t.sponsors) {
        let (id, href) = sponsor_reference(name);
        if !sponsors.iter().any(|(seen, _, _)| *seen == id) {
            sponsors.push((id, href, name.clone()));
        }
    }
    References {
        committee: doc
            .adoption
            .origin
            .as_ref()
            .and_then(|o| o.committee.as_ref())
            .or(doc.masthead.committee.as_ref())
            // Named in the document's language; its eId stays the same in all six.
            .map(|c| {
                (
                    committee_id(c),
                    crate::interface::committee(doc.language, c),
                )
            }),
        sponsors,
    }
}

/// The TLC concept of a distribution line (`Distr.: Limited` on a draft): eId and label.
pub(super) fn distribution(line: Option<&str>) -> (&'static str, &'static str) {
    let line = line.unwrap_or_default();
    if line.contains("Limited") {
        ("limitedDistribution", "Limited distribution")
    } else if line.contains("Restricted") {
        ("restrictedDistribution", "Restricted distribution")
    } else {
        ("generalDistribution", "General distribution")
    }
}

/// A sponsor's TLC eId and href: a State by its ISO 3166 code and its EU country authority
/// IRI (as the graph names it), anyone else (an officer of the committee) by name.
pub(super) fn sponsor_reference(name: &str) -> (String, String) {
    match vocab::states::named(name) {
        Some(state) => (
            format!("state{}", state.code),
            state.iri().as_str().to_string(),
        ),
        None => {
            let ascii: String = name.chars().filter(|c| c.is_ascii() && *c != ',').collect();
            let id = committee_id(&ascii);
            let href = format!("/akn/ontology/organization/un/{id}");
            (id, href)
        }
    }
}

/// One level of an FRBR identification block: its IRIs, its date and author, and what follows
/// them at that level (`FRBRcountry`, `FRBRnumber`, `FRBRname` of a work; `FRBRlanguage` of an
/// expression), as (element, attribute, value).
pub(super) struct FrbrLevel<'a> {
    pub(super) this: &'a str,
    pub(super) uri: &'a str,
    pub(super) date: (&'a str, &'a str),
    pub(super) author: (&'a str, &'a str),
    pub(super) details: &'a [(&'a str, &'a str, &'a str)],
}

/// An `identification` block: work, expression and manifestation, in that order. The
/// document's and each annex's are written by it alike.
pub(super) fn write_frbr<W: Write>(x: &mut Xml<W>, levels: [FrbrLevel<'_>; 3]) -> io::Result<()> {
    x.open("identification", &[("source", "#unakn")])?;
    for (element, level) in ["FRBRWork", "FRBRExpression", "FRBRManifestation"]
        .into_iter()
        .zip(levels)
    {
        x.open(element, &[])?;
        x.empty("FRBRthis", &[("value", level.this)])?;
        x.empty("FRBRuri", &[("value", level.uri)])?;
        x.empty(
            "FRBRdate",
            &[("date", level.date.0), ("name", level.date.1)],
        )?;
        x.empty(
            "FRBRauthor",
            &[("href", level.author.0), ("as", level.author.1)],
        )?;
        for &(detail, attribute, value) in level.details {
            x.empty(detail, &[(attribute, value)])?;
        }
        x.close(element)?;
    }
    x.close("identification")
}

/// The date of the work as FRBR gives it, with its name: an act's adoption, a draft's
/// issuance (`0001-01-01`, AKN4UN's placeholder, when unknown).
pub(super) fn work_date(doc: &Document) -> (String, &'static str) {
    let date = doc
        .work_date()
        .map_or_else(|| "0001-01-01".to_string(), |d| d.to_string());
    (
        date,
        if doc.is_draft() {
            "issuance"
        } else {
            "adoption"
        },
    )
}

/// The FRBR names of the document with this symbol and number (the whole, or one of its
/// parts), dated by the adoption and publication of the whole.
pub(super) fn write_identification<W: Write>(
    x: &mut Xml<W>,
    doc: &Document,
    symbol: &str,
    number: &str,
) -> io::Result<()> {
    let names = FrbrNames::new(symbol, doc.work_date(), doc.language);
    let (dated, date_name) = work_date(doc);
    let issued = doc
        .masthead
        .issue_date
        .map_or_else(|| dated.clone(), |d| d.to_string());
    let organ = format!("#{}", doc.organ.tlc_id());
    let author = (organ.as_str(), "#author");
    write_frbr(
        x,
        [
            FrbrLevel {
                this: &names.work_this(),
                uri: &names.work,
                date: (&dated, date_name),
                author,
                details: &[
                    ("FRBRcountry", "value", "un"),
                    ("FRBRnumber", "value", number),
                    ("FRBRname", "value", symbol),
                ],
            },
            FrbrLevel {
                this: &names.expression_this(),
                uri: &names.expression,
                date: (&issued, "publication"),
                author,
                details: &[("FRBRlanguage", "language", doc.language.iso639_2())],
            },
            FrbrLevel {
                this: &names.manifestation_this(),
                uri: &names.manifestation,
                date: (&issued, "conversion"),
                author: ("#unakn", "#editor"),
                details: &[],
            },
        ],
    )
}

pub(super) fn write_meta<W: Write>(x: &mut Xml<W>, doc: &Document) -> io::Result<()> {
    x.open("meta", &[])?;
    // A draft has no number of its own: its symbol is its number.
    let number = if doc.number.is_empty() {
        &doc.symbol
    } else {
        &doc.number
    };
    write_identification(x, doc, &doc.symbol, number)?;
    write_classification(x, &doc.metadata.subjects)?;
    write_workflow(x, &doc.metadata.workflow)?;
    write_voting(x, doc.metadata.vote.as_ref())?;
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
    for (id, href, name) in &refs.sponsors {
        x.empty(
            "TLCOrganization",
            &[("eId", id), ("href", href), ("showAs", name)],
        )?;
    }
    // The actors the operative paragraphs address (`<organization refersTo>` in the body).
    let written = |id: &str| {
        id == doc.organ.tlc_id()
            || id == "unitedNations"
            || refs.sponsors.iter().any(|(s, _, _)| s == id)
            || refs.committee.as_ref().is_some_and(|(c, _)| c == id)
    };
    let tlcs: Vec<_> = x.marks.tlcs.clone();
    for tlc in &tlcs {
        let (element, id, href, name) = &**tlc;
        if !written(id) {
            x.empty(element, &[("eId", id), ("href", href), ("showAs", name)])?;
        }
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
    let (id, shown) = distribution(doc.masthead.distribution.as_deref());
    x.empty(
        "TLCConcept",
        &[
            ("eId", id),
            ("href", &format!("/akn/ontology/concept/un/{id}")),
            ("showAs", shown),
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
    if let Some(Vote::Recorded { voters, .. }) = &doc.metadata.vote {
        for position in Position::ALL {
            let href = format!("/akn/ontology/concept/un/voting/{}", position.id());
            x.empty(
                "TLCConcept",
                &[
                    ("eId", position.id()),
                    ("href", &href),
                    ("showAs", position.label()),
                ],
            )?;
        }
        if !voters.is_empty() {
            x.empty(
                "TLCOrganization",
                &[
                    ("eId", "memberState"),
                    ("href", "/akn/ontology/organization/un/memberState"),
                    ("showAs", "Member State"),
                ],
            )?;
        }
    }
    x.close("references")?;
    x.close("meta")?;
    Ok(())
}

/// The subjects the document was classified under (SDGs, UNBIS, EuroVoc), as keywords.
fn write_classification<W: Write>(x: &mut Xml<W>, subjects: &[Subject]) -> io::Result<()> {
    if subjects.is_empty() {
        return Ok(());
    }
    x.open("classification", &[("source", "#unitedNations")])?;
    for s in subjects {
        // `dictionary` is required: a keyword of no named thesaurus says so.
        let dictionary = if s.scheme.is_empty() {
            "unknown"
        } else {
            &s.scheme
        };
        x.empty(
            "keyword",
            &[
                ("value", &s.label),
                ("showAs", &s.label),
                ("dictionary", dictionary),
                ("href", &s.iri),
            ],
        )?;
    }
    x.close("classification")
}

/// The document's history: draft, sponsors, report, adoption. A step's date and agent are
/// required; an unknown date is written `0001-01-01` and an unknown agent empty, as the UN does.
fn write_workflow<W: Write>(x: &mut Xml<W>, steps: &[WorkflowStep]) -> io::Result<()> {
    if steps.is_empty() {
        return Ok(());
    }
    x.open("workflow", &[("source", "#unitedNations")])?;
    for step in steps {
        let date = step
            .date
            .map_or_else(|| "0001-01-01".to_string(), |d| d.to_string());
        let mut attrs = vec![("date", date.as_str()), ("outcome", step.outcome.as_str())];
        if let Some(document) = &step.document {
            attrs.push(("as", document));
        }
        attrs.push(("by", step.by.as_deref().unwrap_or("")));
        x.empty("step", &attrs)?;
    }
    x.close("workflow")
}

/// How the document was adopted: without a vote, or by a recorded vote and its counts.
fn write_voting<W: Write>(x: &mut Xml<W>, vote: Option<&Vote>) -> io::Result<()> {
    let Some(vote) = vote else {
        return Ok(());
    };
    x.open("analysis", &[("source", "#unitedNations")])?;
    x.open("parliamentary", &[])?;
    match vote {
        Vote::WithoutVote => {
            x.open("voting", &[("outcome", "adoptedWithoutVote")])?;
            // A vote holds at least one count or quorum: none was taken.
            x.empty("quorum", &[("value", "")])?;
        }
        Vote::Recorded {
            in_favour,
            against,
            abstaining,
            voters,
        } => {
            x.open("voting", &[("outcome", "adoptedRecordedVote")])?;
            for (position, n) in Position::ALL
                .into_iter()
                .zip([in_favour, against, abstaining])
            {
                let (value, refers) = (n.to_string(), format!("#{}", position.id()));
                let attrs = [("value", value.as_str()), ("refersTo", refers.as_str())];
                let states: Vec<&Voter> =
                    voters.iter().filter(|v| v.position == position).collect();
                if states.is_empty() {
                    x.empty("count", &attrs)?;
                    continue;
                }
                // The States are listed as AKN4UN lists them, in its own namespace (the
                // schema lets a count hold elements of other namespaces).
                x.open("count", &attrs)?;
                x.open("akn4un:voters", &[("xmlns:akn4un", vocab::AKN4UN)])?;
                for state in states {
                    let mut attrs = vec![("refersTo", "#memberState")];
                    if let Some(guid) = &state.unterm {
                        attrs.push(("GUID", guid));
                    }
                    x.leaf("organization", &attrs, &state.name)?;
                }
                x.close("akn4un:voters")?;
                x.close("count")?;
            }
        }
    }
    x.close("voting")?;
    x.close("parliamentary")?;
    x.close("analysis")
}
