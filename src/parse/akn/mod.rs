//! AKN 3.0 input (the UN's AKN4UN files, or any AKN 3.0 `statement`/`doc`) → [`Document`].
//!
//! The UN's files are real-world: eIds that do not follow paragraph numbers, dangling
//! `refersTo`, placeholder dates `0001-01-01`, sub-items written as sibling paragraphs with the
//! letter in their text. The model keeps what they say, not how they say it; the writer then
//! produces clean AKN. Repairs are reported as warnings.

use super::masthead;
use crate::diag::{Code, Diagnostic, ParseError, Warned};
use crate::model::*;
use crate::xml::{self, Element, Node};

mod body;

use body::*;

/// Parses AKN XML into a document.
pub fn parse(input: &str) -> Result<Warned<Document>, ParseError> {
    let mut diagnostics = Vec::new();
    let root = xml::parse(input, &mut diagnostics)?;
    if root.name != "akomaNtoso" {
        return Err(ParseError::new(
            Code::NotAkn,
            root.span,
            format!("the root element is <{}>, not <akomaNtoso>", root.name),
        ));
    }
    let namespace = root.attr("xmlns").unwrap_or("");
    if namespace != crate::vocab::AKN {
        diagnostics.push(Diagnostic::warning(
            Code::Namespace,
            root.span,
            format!("namespace {namespace:?} is not AKN 3.0's; read as AKN 3.0"),
        ));
    }
    let act = root
        .elements()
        .find(|e| {
            matches!(
                e.name.as_str(),
                "statement" | "doc" | "act" | "bill" | "documentCollection"
            )
        })
        .ok_or_else(|| {
            ParseError::new(
                Code::NotAkn,
                root.span,
                "no statement or doc element under akomaNtoso",
            )
        })?;
    // What the profile finds wrong in the input is repaired by reading it into the model (the
    // writer mints eIds and references anew): reported, not fatal.
    for d in crate::validate::check(&root) {
        diagnostics.push(Diagnostic::warning(
            d.code,
            d.span,
            format!("repaired: {}", d.message),
        ));
    }
    let mut reader = Reader {
        notes: Vec::new(),
        diagnostics,
    };
    let mut document = reader.document(act)?;
    if act.name == "documentCollection" {
        reader.collection_parts(&root, act, &mut document);
    }
    super::instrument::adopted_in_text(&mut document);
    Ok(Warned {
        value: document,
        diagnostics: reader.diagnostics,
    })
}

struct Reader {
    notes: Vec<Footnote>,
    diagnostics: Vec<Diagnostic>,
}

/// `2022-12-15` → a date, unless it is the UN's placeholder `0001-01-01`.
fn iso_date(s: &str) -> Option<Date> {
    let mut parts = s.trim().splitn(3, '-');
    let year: u16 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.get(..2)?.parse().ok()?;
    masthead::is_plausible(year, month, day).then_some(Date { year, month, day })
}

/// Whether an element holds divisions (paragraphs, sections...) rather than text.
fn has_divisions(e: &Element) -> bool {
    e.elements().any(|c| {
        matches!(
            c.name.as_str(),
            "paragraph" | "section" | "article" | "rule" | "chapter" | "part" | "hcontainer"
        )
    })
}

/// The document a component holds, if it holds one rather than a reference.
fn embedded_statement(component: &Element) -> Option<&Element> {
    component
        .elements()
        .find(|e| matches!(e.name.as_str(), "statement" | "doc" | "act" | "bill"))
}

/// The letter of the part at this position when none is printed: `A`, `B`, … `Z`, `AA`.
fn part_letter(position: usize) -> String {
    let letter = char::from(b'A' + (position % 26) as u8);
    letter.to_string().repeat(position / 26 + 1)
}

/// The symbol a citation link designates: `https://undocs.org/en/A/RES/70/1` → `A/RES/70/1`.
fn symbol_of_link(href: &str) -> Option<String> {
    let rest = href
        .strip_prefix("https://undocs.org/")
        .or_else(|| href.strip_prefix("http://undocs.org/"))?;
    // A language segment may come first.
    let rest = match rest.split_once('/') {
        Some((lang, tail)) if lang.len() == 2 && lang.chars().all(|c| c.is_ascii_lowercase()) => {
            tail
        }
        _ => rest,
    };
    let symbol = rest.trim_end_matches('/');
    (!symbol.is_empty()).then(|| symbol.to_string())
}

/// What names a document, read from its FRBR identification and cover page.
struct Head {
    kind: DocumentKind,
    organ: Organ,
    language: Language,
    symbol: String,
    number: String,
    tabling: Option<Tabling>,
    adoption_date: Option<Date>,
}

/// A draft's tabling line from its cover page: the paragraph naming the kind of draft
/// (`docType`), read as the text reader reads the line; whom the sponsor speaks for from the
/// `onBehalfOf` inline.
fn tabling_of(cover: &Element, draft: DraftKind) -> Tabling {
    let mut paragraphs = Vec::new();
    cover.find_all("p", &mut paragraphs);
    let line = paragraphs
        .iter()
        .find(|p| p.find("docType").is_some())
        .or_else(|| paragraphs.iter().find(|p| p.find("docProponent").is_some()))
        .map(|p| normalise(&p.text()));
    let mut tabling = line
        .as_deref()
        .and_then(crate::parse::tabling::read)
        .unwrap_or_else(|| Tabling {
            statement: line.unwrap_or_default(),
            draft,
            sponsors: Vec::new(),
            on_behalf_of: None,
            based_on: None,
        });
    tabling.draft = draft;
    let mut inlines = Vec::new();
    cover.find_all("inline", &mut inlines);
    tabling.on_behalf_of = inlines
        .iter()
        .find(|i| i.attr("name") == Some("onBehalfOf"))
        .and_then(|i| crate::parse::tabling::on_behalf_of(&normalise(&i.text())));
    tabling
}

impl Reader {
    fn document(&mut self, act: &Element) -> Result<Document, ParseError> {
        let meta = act.child("meta");
        let identification = meta.and_then(|m| m.child("identification"));
        let work = identification.and_then(|i| i.child("FRBRWork"));
        let expression = identification.and_then(|i| i.child("FRBRExpression"));
        let work_uri = work
            .and_then(|w| w.child("FRBRuri"))
            .and_then(|u| u.attr("value"))
            .unwrap_or("");
        let language_code = expression
            .and_then(|e| e.child("FRBRlanguage"))
            .and_then(|l| l.attr("language"))
            .unwrap_or("eng");
        let language = Language::from_code(language_code).unwrap_or_else(|| {
            self.diagnostics.push(Diagnostic::warning(
                Code::Language,
                act.span,
                format!("unknown language {language_code:?}, read as English"),
            ));
            Language::English
        });
        let adoption_date = identification
            .and_then(Element::adoption_date)
            .and_then(|d| d.attr("date"))
            .and_then(iso_date)
            .or_else(|| {
                // Any other date of the work, when the adoption date is missing or a placeholder.
                work.into_iter()
                    .flat_map(|w| w.children_named("FRBRdate"))
                    .filter_map(|d| d.attr("date"))
                    .find_map(iso_date)
            });
        // `/akn/un/statement/deliberation/unga/2022-12-15/77-213/`
        let segments: Vec<&str> = work_uri.split('/').filter(|s| !s.is_empty()).collect();
        let actor = segments
            .iter()
            .position(|s| s.starts_with("un") && s.len() > 2 && *s != "un")
            .map(|i| segments[i]);
        let organ = match actor {
            Some("unsc") => Organ::SecurityCouncil,
            Some("unga-hrc") => Organ::HumanRightsCouncil,
            Some("unecosoc") => Organ::EconomicAndSocialCouncil,
            _ => Organ::GeneralAssembly,
        };
        let draft = match act.attr("name") {
            Some("draftResolution") => Some(DraftKind::DraftResolution),
            Some("draftDecision") => Some(DraftKind::DraftDecision),
            Some("amendment") => Some(DraftKind::Amendment),
            Some("note") => Some(DraftKind::Note),
            _ => None,
        };
        let kind = match (act.attr("name"), draft) {
            (Some("decision"), _) | (_, Some(DraftKind::DraftDecision)) => DocumentKind::Decision,
            _ => DocumentKind::Resolution,
        };
        let cover = act.child("coverPage");
        let preface = act.child("preface");
        let printed_symbol = cover
            .and_then(|c| {
                let mut all = Vec::new();
                c.find_all("docNumber", &mut all);
                all.into_iter()
                    .find(|d| d.attr("refersTo") == Some("#symbol"))
                    .map(|d| normalise(&d.text()))
            })
            .filter(|s| !s.is_empty());
        let preface_number = preface
            .and_then(|p| p.find("docNumber"))
            .map(|d| normalise(&d.text()).trim_end_matches('.').to_string())
            .filter(|s| !s.is_empty());
        let frbr_number = segments.last().map(|n| n.replacen('-', "/", 1));
        let tabling = draft.map(|d| {
            cover.map(|c| tabling_of(c, d)).unwrap_or_else(|| Tabling {
                statement: String::new(),
                draft: d,
                sponsors: Vec::new(),
                on_behalf_of: None,
                based_on: None,
            })
        });
        let (symbol, number, adoption_date) = match (&tabling, printed_symbol) {
            // A draft has no number: its symbol names it.
            (Some(_), Some(symbol)) => (symbol, String::new(), None),
            (Some(_), None) => {
                return Err(ParseError::new(
                    Code::NoNumber,
                    act.span,
                    "a draft without its symbol (coverPage docNumber refersTo=\"#symbol\")",
                ))
            }
            (None, printed) => {
                let number = preface_number.or(frbr_number).unwrap_or_default();
                if number.is_empty() {
                    return Err(ParseError::new(
                        Code::NoNumber,
                        act.span,
                        "no document number in preface or FRBR",
                    ));
                }
                let symbol = printed.unwrap_or_else(|| crate::symbol::mint(organ, kind, &number));
                (symbol, number, adoption_date)
            }
        };
        let head = Head {
            kind,
            organ,
            language,
            symbol,
            number,
            tabling,
            adoption_date,
        };
        Ok(self.document_of(act, meta, cover, preface, head))
    }

    /// The document once its head (what names it) is known: masthead, adoption, title,
    /// content and metadata.
    fn document_of(
        &mut self,
        act: &Element,
        meta: Option<&Element>,
        cover: Option<&Element>,
        preface: Option<&Element>,
        head: Head,
    ) -> Document {
        let masthead = cover.map(|c| self.masthead(c)).unwrap_or_default();
        let statement = cover
            .and_then(|c| c.find("docTitle"))
            .map(|t| normalise(&t.text()));
        // A draft's `docProponent`s are its sponsors, not an origin line.
        let origin = cover
            .filter(|_| head.tabling.is_none())
            .and_then(|c| c.find("docProponent"))
            .map(|p| masthead::origin(normalise(&p.text())));
        let mut title = preface
            .and_then(|p| p.find("docTitle"))
            .map(|t| self.inlines(t, false))
            .unwrap_or_default();
        // A footnote on the preface outside the title (after a part letter, say) hangs from it.
        if let Some(p) = preface {
            let mut notes = Vec::new();
            notes_outside(p, "docTitle", &mut notes);
            for n in notes {
                let noteref = self.note(n);
                title.push(noteref);
            }
        }

        let content = Act {
            title,
            ..self.act_content(act)
        };
        let metadata = meta.map(|m| self.metadata(m)).unwrap_or_default();
        Document {
            kind: head.kind,
            organ: head.organ,
            language: head.language,
            symbol: head.symbol,
            number: head.number,
            masthead,
            adoption: Adoption {
                statement,
                date: head.adoption_date,
                origin,
            },
            tabling: head.tabling,
            act: content,
            parts: Vec::new(),
            footnotes: std::mem::take(&mut self.notes),
            metadata,
        }
    }

    /// What a statement holds after its title: formula, recitals, operative part, closing
    /// lines and annexes (the title is left to the caller).
    fn act_content(&mut self, act: &Element) -> Act {
        let mut formula = None;
        let mut preamble = Vec::new();
        let mut body = Vec::new();
        // The UN's files sometimes break the main body with a second preamble holding one
        // operative paragraph (`10. Looks forward ...`): everything is read in order, and what
        // follows the main body is operative.
        let mut seen_body = false;
        for part in act.elements() {
            match part.name.as_str() {
                "preamble" if !seen_body => {
                    for e in part.elements() {
                        match e.name.as_str() {
                            "formula" => {
                                formula = Some(Formula {
                                    text: self.block_text(e, false),
                                    span: e.span,
                                })
                            }
                            _ => preamble.push(Recital {
                                text: self.block_text(e, true),
                                span: e.span,
                            }),
                        }
                    }
                }
                "preamble" => {
                    for e in part.elements() {
                        let text = self.block_text(e, true);
                        let numbered = matches!(text.first(), Some(Inline::Text(t)) if starts_with_printed_number(t));
                        if numbered {
                            self.diagnostics.push(Diagnostic::warning(
                                Code::MisplacedPreamble,
                                e.span,
                                "repaired: a numbered paragraph written as preamble, read as operative",
                            ));
                            body.push(Block::Paragraph(numbered_paragraph(text, e.span)));
                        } else {
                            preamble.push(Recital { text, span: e.span });
                        }
                    }
                }
                "mainBody" | "body" => {
                    seen_body = true;
                    body.extend(self.blocks(part));
                }
                _ => {}
            }
        }
        let conclusion = act.child("conclusions").and_then(|c| self.conclusion(c));
        Act {
            title: Vec::new(),
            formula,
            preamble,
            body,
            conclusion,
            annexes: self.annexes(act),
        }
    }

    /// A multi-part resolution (`78/80 A-B`): each component of the collection body is a part
    /// with its own letter, title, preamble, operative part and closing lines. A component holds
    /// its statement, or refers to one in `components` (as the UN writes them).
    fn collection_parts(&mut self, root: &Element, collection: &Element, document: &mut Document) {
        let stored: Vec<&Element> = [root.child("components"), collection.child("components")]
            .into_iter()
            .flatten()
            .flat_map(|c| c.children_named("component"))
            .collect();
        let mut statements: Vec<&Element> = collection
            .child("collectionBody")
            .into_iter()
            .flat_map(|b| b.children_named("component"))
            .filter_map(|component| {
                embedded_statement(component).or_else(|| {
                    let target = component.child("documentRef")?.attr("href")?;
                    let target = target.trim_start_matches('#');
                    stored
                        .iter()
                        .find(|c| c.attr("eId") == Some(target))
                        .and_then(|c| embedded_statement(c))
                })
            })
            .collect();
        if statements.is_empty() {
            statements = stored
                .iter()
                .filter_map(|c| embedded_statement(c))
                .collect();
        }
        // Notes of the parts follow those of the cover and preface.
        self.notes = std::mem::take(&mut document.footnotes);
        for (i, statement) in statements.into_iter().enumerate() {
            let preface = statement.child("preface");
            let number = preface
                .and_then(|p| p.find("docNumber"))
                .map(|n| normalise(&n.text()).trim_end_matches('.').to_string())
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| part_letter(i));
            // The title first: its notes come before those of the text, as printed.
            let title = preface
                .and_then(|p| p.find("docTitle"))
                .map(|t| self.inlines(t, false))
                .unwrap_or_default();
            document.parts.push(Part {
                number,
                act: Act {
                    title,
                    ..self.act_content(statement)
                },
                span: statement.span,
            });
        }
        document.footnotes = std::mem::take(&mut self.notes);
    }

    /// The attachments of a statement, as annexes.
    fn annexes(&mut self, act: &Element) -> Vec<Annex> {
        let mut annexes = Vec::new();
        let Some(atts) = act.child("attachments") else {
            return annexes;
        };
        for (i, att) in atts.elements().enumerate() {
            let doc = att.elements().next().unwrap_or(att);
            let preface = doc.child("preface");
            let title = preface
                .and_then(|p| p.find("docTitle"))
                .map(|t| self.inlines(t, false))
                .unwrap_or_default();
            // An instrument adopted in the resolution's own text has a title and no label.
            let label = preface
                .and_then(|p| p.find("docNumber"))
                .map(|n| normalise(&n.text()))
                .or_else(|| (!title.is_empty()).then(String::new))
                .unwrap_or_else(|| format!("Annex {}", i + 1));
            let mut inlines = Vec::new();
            if let Some(p) = preface {
                p.find_all("inline", &mut inlines);
            }
            let subtitle = inlines
                .into_iter()
                .find(|e| e.attr("name") == Some("subtitle"))
                .map(|t| self.inlines(t, false))
                .unwrap_or_default();
            let blocks = doc
                .child("mainBody")
                .map(|b| self.blocks(b))
                .unwrap_or_default();
            annexes.push(Annex {
                label,
                title,
                subtitle,
                blocks,
                span: att.span,
            });
        }
        annexes
    }

    fn masthead(&mut self, cover: &Element) -> Masthead {
        let mut m = Masthead::default();
        let mut all = Vec::new();
        cover.find_all("docAuthority", &mut all);
        m.organ_name = all
            .iter()
            .map(|e| normalise(&e.text()))
            .find(|t| masthead::organ_named(t).is_some());
        m.committee = all
            .iter()
            .find_map(|e| masthead::committee_line(&normalise(&e.text())));
        m.distribution = cover.find("docStatus").map(|e| normalise(&e.text()));
        m.issue_date = cover
            .find("docDate")
            .and_then(|d| d.attr("date"))
            .and_then(iso_date);
        if let Some(s) = cover.find("session") {
            m.session = s.attr("value").and_then(|v| v.parse().ok());
            m.session_label = Some(normalise(&s.text()));
        }
        let mut inlines = Vec::new();
        cover.find_all("inline", &mut inlines);
        let mut titles = Vec::new();
        for i in inlines {
            let text = normalise(&i.text());
            match i.attr("name") {
                Some("agenda item") | Some("agendaItem") => {
                    if let Some(numbers) = masthead::agenda_numbers(&text) {
                        m.agenda_items
                            .extend(numbers.into_iter().map(|number| AgendaItem {
                                number,
                                title: None,
                            }));
                    }
                }
                Some("agenda item name") | Some("agendaItemTitle") => titles.push(text),
                // `Original: English`, as this crate writes it.
                Some("originalLanguage") => {
                    let language = text.strip_prefix("Original:").unwrap_or(&text).trim();
                    if !language.is_empty() {
                        m.original_language = Some(language.to_string());
                    }
                }
                _ => {}
            }
        }
        for (item, title) in m.agenda_items.iter_mut().zip(titles) {
            item.title = Some(title);
        }
        m
    }

    fn conclusion(&mut self, c: &Element) -> Option<Conclusion> {
        let mut meeting = None;
        for name in ["inline", "location"] {
            let mut all = Vec::new();
            c.find_all(name, &mut all);
            if let Some(e) = all.into_iter().find(|e| e.text().contains("meeting")) {
                meeting = Some(normalise(&e.text()));
                break;
            }
        }
        let date_element = c.find("docDate");
        Some(Conclusion {
            meeting: meeting?,
            date: date_element.and_then(|d| d.attr("date")).and_then(iso_date),
            date_text: date_element.map(|d| normalise(&d.text())),
            span: c.span,
        })
    }

    fn metadata(&mut self, meta: &Element) -> Metadata {
        let mut md = Metadata::default();
        if let Some(voting) = meta.find("voting") {
            md.vote = match voting.attr("outcome") {
                Some("adoptedWithoutVote") => Some(Vote::WithoutVote),
                Some(_) => {
                    let counts = |position: Position| {
                        voting.elements().filter(move |c| {
                            c.name == "count"
                                && c.attr("refersTo").map(|r| r.trim_start_matches('#'))
                                    == Some(position.id())
                        })
                    };
                    let count = |position: Position| {
                        counts(position)
                            .find_map(|c| c.attr("value").and_then(|v| v.parse::<u32>().ok()))
                            .unwrap_or(0)
                    };
                    // Each count lists its States (`akn4un:voters/organization`).
                    let mut voters = Vec::new();
                    for position in Position::ALL {
                        for c in counts(position) {
                            let mut states = Vec::new();
                            c.find_all("organization", &mut states);
                            voters.extend(states.into_iter().map(|o| Voter {
                                name: normalise(&o.text()),
                                position,
                                unterm: o.attr("GUID").filter(|g| !g.is_empty()).map(String::from),
                            }));
                        }
                    }
                    voters.retain(|v| !v.name.is_empty());
                    Some(Vote::Recorded {
                        in_favour: count(Position::InFavour),
                        against: count(Position::Against),
                        abstaining: count(Position::Abstaining),
                        voters,
                    })
                }
                None => None,
            };
        }
        let mut keywords = Vec::new();
        meta.find_all("keyword", &mut keywords);
        for k in keywords {
            if let Some(href) = k.attr("href").filter(|h| h.starts_with("http")) {
                let subject = Subject {
                    iri: href.to_string(),
                    label: k.attr("showAs").unwrap_or("").replace('_', " "),
                    scheme: k.attr("dictionary").unwrap_or("").to_string(),
                };
                if !md.subjects.contains(&subject) {
                    md.subjects.push(subject);
                }
            }
        }
        let mut steps = Vec::new();
        meta.find_all("step", &mut steps);
        for s in steps {
            md.workflow.push(WorkflowStep {
                outcome: Outcome::from(s.attr("outcome").unwrap_or("")),
                date: s.attr("date").and_then(iso_date),
                document: s.attr("as").filter(|a| !a.is_empty()).map(str::to_string),
                by: s.attr("by").filter(|b| !b.is_empty()).map(str::to_string),
            });
        }
        md
    }
}
