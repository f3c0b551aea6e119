//! Drafts linked to the acts adopted from them: for each adopted resolution, the draft it was
//! adopted from, found on the evidence a person would use, and how sure the link is.
//!
//! The evidence, strongest first: the adopted text's origin line naming the draft (`[without
//! reference to a Main Committee (A/80/L.8)]`) or the UN's workflow naming it (its AKN); else
//! the same session and committee, the same agenda item, the same title, and near-identical
//! text (the share of the adopted text's word triples the draft holds, and the reverse). A
//! resolution whose best draft is not clearly better than the next, or not alike enough, is
//! linked to nothing: never to the nearest guess. Each draft is linked to one act at most.

use crate::markup::plain_text;
use crate::model::*;
use crate::vocab::{dcterms, unakn, Base};
use oxigraph::model::vocab::rdf;
use oxigraph::model::{GraphName, Literal, NamedNode, Quad};
use std::collections::{HashMap, HashSet};

/// How sure a link is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Confidence {
    /// The text is the draft's, as far as the evidence of the texts goes.
    Probable,
    /// Everything a person would check agrees.
    High,
    /// A document names the draft: the origin line or the UN's workflow.
    Stated,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Stated => "stated",
            Confidence::High => "high",
            Confidence::Probable => "probable",
        }
    }
}

/// A piece of evidence for a link.
#[derive(Debug, Clone, PartialEq)]
pub enum Evidence {
    /// The origin line names the draft.
    OriginLine,
    /// The UN's workflow names the draft (or a revision of it).
    Workflow,
    SameSession,
    SameCommittee,
    SameAgendaItem,
    /// The titles are the same, letters and spaces compared.
    SameTitle,
    /// The titles share this share of their words.
    TitleAlike(f32),
    /// The share of the adopted text's word triples found in the draft, and the reverse.
    TextAlike {
        adopted_in_draft: f32,
        draft_in_adopted: f32,
    },
}

impl std::fmt::Display for Evidence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Evidence::OriginLine => f.write_str("origin line names it"),
            Evidence::Workflow => f.write_str("UN workflow names it"),
            Evidence::SameSession => f.write_str("same session"),
            Evidence::SameCommittee => f.write_str("same committee"),
            Evidence::SameAgendaItem => f.write_str("same agenda item"),
            Evidence::SameTitle => f.write_str("same title"),
            Evidence::TitleAlike(share) => write!(f, "titles {:.0}% alike", share * 100.0),
            Evidence::TextAlike {
                adopted_in_draft,
                draft_in_adopted,
            } => write!(
                f,
                "text {:.0}% in the draft, draft {:.0}% in the text",
                adopted_in_draft * 100.0,
                draft_in_adopted * 100.0
            ),
        }
    }
}

/// An adopted act linked to its draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub adopted: String,
    pub draft: String,
    pub confidence: Confidence,
    pub evidence: Vec<Evidence>,
    /// The score the link won by (1 when a document names the draft).
    pub score: f32,
}

/// A resolution that was not linked, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Unlinked {
    pub adopted: String,
    pub reason: String,
}

/// Below this score a draft is not the resolution's, however it ranks.
const MIN_SCORE: f32 = 0.45;
/// The best draft must beat the next by this much, unless its title is the same and the
/// next's is not.
const MIN_MARGIN: f32 = 0.08;

/// What a document offers the comparison, worked out once.
struct Profile<'a> {
    doc: &'a Document,
    title: String,
    title_words: HashSet<String>,
    triples: HashSet<u64>,
    committee: Option<String>,
    agenda: HashSet<String>,
}

impl<'a> Profile<'a> {
    fn new(doc: &'a Document) -> Self {
        let title: String = doc
            .acts()
            .map(|a| plain_text(&a.title))
            .collect::<Vec<_>>()
            .join(" ");
        let title = comparable(&title);
        let title_words = title.split(' ').map(str::to_string).collect();
        let mut words = Vec::new();
        for act in doc.acts() {
            for r in &act.preamble {
                words.extend(words_of(&plain_text(&r.text)));
            }
            blocks_words(&act.body, &mut words);
        }
        let triples = words
            .windows(3)
            .map(|w| {
                use std::hash::{Hash, Hasher};
                let mut h = std::collections::hash_map::DefaultHasher::new();
                w.hash(&mut h);
                h.finish()
            })
            .collect();
        let committee = match &doc.tabling {
            Some(_) => doc.masthead.committee.clone(),
            None => doc
                .adoption
                .origin
                .as_ref()
                .and_then(|o| o.committee.clone()),
        };
        let agenda = doc
            .masthead
            .agenda_items
            .iter()
            .map(|a| a.number.replace(' ', ""))
            .collect();
        Profile {
            doc,
            title,
            title_words,
            triples,
            committee,
            agenda,
        }
    }
}

fn blocks_words(blocks: &[Block], out: &mut Vec<String>) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => {
                out.extend(words_of(&plain_text(&p.text)));
                items_words(&p.items, out);
                out.extend(words_of(&plain_text(&p.wrap_up)));
            }
            Block::Section(s) => blocks_words(&s.blocks, out),
            Block::Recital(r) => out.extend(words_of(&plain_text(&r.text))),
            Block::Text(t) => out.extend(words_of(&plain_text(&t.text))),
            Block::Table(_) => {}
        }
    }
}

fn items_words(items: &[Item], out: &mut Vec<String>) {
    for i in items {
        out.extend(words_of(&plain_text(&i.text)));
        items_words(&i.items, out);
    }
}

fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Letters and digits in lower case, one space between words.
fn comparable(text: &str) -> String {
    words_of(text).collect::<Vec<_>>().join(" ")
}

fn share(part: &HashSet<u64>, whole: &HashSet<u64>) -> f32 {
    if part.is_empty() {
        return 0.0;
    }
    part.iter().filter(|t| whole.contains(t)).count() as f32 / part.len() as f32
}

/// The draft a document names as its own origin: its origin line, or the UN's workflow.
fn named_draft(doc: &Document) -> Option<(String, Evidence)> {
    if let Some(d) = doc
        .adoption
        .origin
        .as_ref()
        .and_then(|o| o.document.as_ref())
    {
        if crate::symbol::parse_draft(d).is_some() {
            return Some((d.clone(), Evidence::OriginLine));
        }
    }
    doc.metadata
        .workflow
        .iter()
        .find(|s| matches!(s.outcome, Outcome::DraftResolution | Outcome::DraftDecision))
        .and_then(|s| s.document.clone())
        .map(|d| (d, Evidence::Workflow))
}

/// A symbol without its revision (`A/C.2/80/L.13/Rev.1` → `A/C.2/80/L.13`).
pub fn unrevised(symbol: &str) -> &str {
    match symbol.rsplit_once("/Rev.") {
        Some((head, n)) if n.bytes().all(|b| b.is_ascii_digit()) => head,
        _ => symbol,
    }
}

/// A candidate draft for a resolution: its score and evidence.
struct Candidate {
    draft: usize,
    score: f32,
    same_title: bool,
    evidence: Vec<Evidence>,
}

fn compare(adopted: &Profile, draft: &Profile) -> Option<Candidate> {
    let (a, d) = (adopted.doc, draft.doc);
    let mut evidence = Vec::new();
    match (a.masthead.session, d.masthead.session) {
        (Some(x), Some(y)) if x != y => return None,
        (Some(_), Some(_)) => evidence.push(Evidence::SameSession),
        _ => {}
    }
    if a.organ != d.organ {
        return None;
    }
    match (&adopted.committee, &draft.committee) {
        (Some(x), Some(y)) if x != y => return None,
        (Some(_), Some(_)) => evidence.push(Evidence::SameCommittee),
        // Adopted without reference to a Main Committee: a plenary draft has no committee.
        (None, Some(_)) if a.adoption.origin.is_some() => return None,
        _ => {}
    }
    let same_item = !adopted.agenda.is_disjoint(&draft.agenda);
    if same_item {
        evidence.push(Evidence::SameAgendaItem);
    }
    let same_title = !adopted.title.is_empty() && adopted.title == draft.title;
    let title_share = if same_title {
        evidence.push(Evidence::SameTitle);
        1.0
    } else {
        let common = adopted.title_words.intersection(&draft.title_words).count();
        let all = adopted.title_words.union(&draft.title_words).count().max(1);
        let s = common as f32 / all as f32;
        evidence.push(Evidence::TitleAlike(s));
        s
    };
    let adopted_in_draft = share(&adopted.triples, &draft.triples);
    let draft_in_adopted = share(&draft.triples, &adopted.triples);
    evidence.push(Evidence::TextAlike {
        adopted_in_draft,
        draft_in_adopted,
    });
    // The text weighs most; the title and the agenda item break near ties (a facilitator's
    // text and the draft it was drawn from share a title and an item).
    let text = (adopted_in_draft + draft_in_adopted) / 2.0;
    let score = 0.7 * text + 0.2 * title_share + if same_item { 0.1 } else { 0.0 };
    Some(Candidate {
        draft: 0,
        score,
        same_title,
        evidence,
    })
}

/// Links each adopted act among `adopted` to its draft among `drafts` (documents of any
/// language: each work is compared in one, English first). Returns the links and the acts
/// left unlinked with the reason.
pub fn link(adopted: &[&Document], drafts: &[&Document]) -> (Vec<Link>, Vec<Unlinked>) {
    let adopted = one_per_work(adopted);
    let drafts: Vec<&Document> = one_per_work(drafts)
        .into_iter()
        .filter(|d| {
            d.tabling.as_ref().is_some_and(|t| {
                matches!(
                    t.draft,
                    DraftKind::DraftResolution | DraftKind::DraftDecision
                )
            })
        })
        .collect();
    let by_symbol: HashMap<&str, usize> = drafts
        .iter()
        .enumerate()
        .map(|(i, d)| (d.symbol.as_str(), i))
        .collect();
    let draft_profiles: Vec<Profile> = drafts.iter().map(|d| Profile::new(d)).collect();
    let mut links = Vec::new();
    let mut unlinked = Vec::new();
    let mut taken: HashSet<usize> = HashSet::new();
    // Ranked candidates of each act that names no draft of the store.
    let mut open: Vec<(usize, Vec<Candidate>)> = Vec::new();
    let adopted_profiles: Vec<Profile> = adopted.iter().map(|d| Profile::new(d)).collect();
    for (ai, profile) in adopted_profiles.iter().enumerate() {
        let doc = profile.doc;
        if let Some((named, evidence)) = named_draft(doc) {
            // The draft named, or the original of the revision named when only it is here.
            let found = by_symbol
                .get(named.as_str())
                .or_else(|| by_symbol.get(unrevised(&named)));
            if let Some(&di) = found {
                taken.insert(di);
                links.push(Link {
                    adopted: doc.symbol.clone(),
                    draft: drafts[di].symbol.clone(),
                    confidence: Confidence::Stated,
                    evidence: vec![evidence],
                    score: 1.0,
                });
                continue;
            }
        }
        let mut candidates: Vec<Candidate> = draft_profiles
            .iter()
            .enumerate()
            .filter_map(|(di, d)| compare(profile, d).map(|c| Candidate { draft: di, ..c }))
            .collect();
        candidates.sort_by(|x, y| y.score.total_cmp(&x.score));
        open.push((ai, candidates));
    }
    // Best-first, so that a draft two acts want goes to the one it fits better.
    let order: Vec<(usize, usize)> = open
        .iter()
        .enumerate()
        .filter(|(_, (_, c))| !c.is_empty())
        .map(|(k, _)| (k, 0))
        .collect();
    let mut decided: HashSet<usize> = HashSet::new();
    loop {
        let best = order
            .iter()
            .filter(|(k, _)| !decided.contains(k))
            .filter_map(|&(k, _)| {
                let (_, cands) = &open[k];
                let free: Vec<&Candidate> =
                    cands.iter().filter(|c| !taken.contains(&c.draft)).collect();
                free.first().map(|c| (k, c.score))
            })
            .max_by(|x, y| x.1.total_cmp(&y.1));
        let Some((k, _)) = best else { break };
        decided.insert(k);
        let (ai, cands) = &open[k];
        let free: Vec<&Candidate> = cands.iter().filter(|c| !taken.contains(&c.draft)).collect();
        let doc = adopted_profiles[*ai].doc;
        let first = free[0];
        let second = free.get(1);
        let margin = second.map_or(1.0, |s| first.score - s.score);
        // A facilitator's text and the draft it was drawn from fit alike by nature: the one the
        // text fits better is the one adopted.
        let drawn_from_each_other = second.is_some_and(|s| {
            let based_on = |i: usize| {
                drafts[i]
                    .tabling
                    .as_ref()
                    .and_then(|t| t.based_on.as_deref())
            };
            based_on(first.draft).map(unrevised) == Some(drafts[s.draft].symbol.as_str())
                || based_on(s.draft).map(unrevised) == Some(drafts[first.draft].symbol.as_str())
        });
        let clear = margin >= MIN_MARGIN
            || drawn_from_each_other && margin > 0.0
            || first.same_title && !second.is_some_and(|s| s.same_title);
        if first.score < MIN_SCORE || !clear {
            let reason = if first.score < MIN_SCORE {
                format!(
                    "no draft alike enough (best {} at {:.2})",
                    drafts[first.draft].symbol, first.score
                )
            } else {
                format!(
                    "{} and {} fit alike ({:.2} and {:.2})",
                    drafts[first.draft].symbol,
                    drafts[second.expect("a margin needs two").draft].symbol,
                    first.score,
                    second.map_or(0.0, |s| s.score)
                )
            };
            unlinked.push(Unlinked {
                adopted: doc.symbol.clone(),
                reason,
            });
            continue;
        }
        taken.insert(first.draft);
        let alike = first.evidence.iter().any(|e| {
            matches!(e, Evidence::TextAlike { adopted_in_draft, .. } if *adopted_in_draft >= 0.8)
        });
        let confidence =
            if alike && first.same_title && first.evidence.contains(&Evidence::SameCommittee) {
                Confidence::High
            } else {
                Confidence::Probable
            };
        links.push(Link {
            adopted: doc.symbol.clone(),
            draft: drafts[first.draft].symbol.clone(),
            confidence,
            evidence: first.evidence.clone(),
            score: first.score,
        });
    }
    for (k, (ai, cands)) in open.iter().enumerate() {
        if cands.is_empty() && !decided.contains(&k) {
            unlinked.push(Unlinked {
                adopted: adopted_profiles[*ai].doc.symbol.clone(),
                reason: "no draft of the same session, organ and committee".into(),
            });
        }
    }
    links.sort_by(|x, y| x.adopted.cmp(&y.adopted));
    unlinked.sort_by(|x, y| x.adopted.cmp(&y.adopted));
    (links, unlinked)
}

/// The links as RDF, in `graph`: the act `unakn:adoptedFrom` its draft, and a
/// `unakn:DraftLink` (`{act}/draft-link`) saying how sure the link is and on what evidence.
pub fn quads(links: &[Link], base: &Base, graph: &NamedNode) -> Vec<Quad> {
    let graph = GraphName::NamedNode(graph.clone());
    let mut quads = Vec::new();
    let mut push =
        |s: &NamedNode, p: oxigraph::model::NamedNodeRef<'static>, o: oxigraph::model::Term| {
            quads.push(Quad::new(s.clone(), p, o, graph.clone()));
        };
    for l in links {
        let adopted = base.work(&l.adopted);
        let draft = base.work(&l.draft);
        let node = base.draft_link(&l.adopted);
        push(&adopted, unakn::adoptedFrom, draft.clone().into());
        push(&node, rdf::TYPE, unakn::DraftLink.into_owned().into());
        push(&node, unakn::adopted, adopted.clone().into());
        push(&node, unakn::draft, draft.clone().into());
        let confidence = Literal::new_simple_literal(l.confidence.as_str());
        push(&node, unakn::confidence, confidence.into());
        let score = Literal::from(f64::from((l.score * 1000.0).round() / 1000.0));
        push(&node, unakn::score, score.into());
        for e in &l.evidence {
            push(
                &node,
                unakn::evidence,
                Literal::new_simple_literal(e.to_string()).into(),
            );
        }
        // Every work a graph mentions carries its symbol.
        push(
            &adopted,
            dcterms::identifier,
            Literal::new_simple_literal(&l.adopted).into(),
        );
        push(
            &draft,
            dcterms::identifier,
            Literal::new_simple_literal(&l.draft).into(),
        );
    }
    quads
}

/// One document per work (symbol), English preferred, else the first.
fn one_per_work<'a>(docs: &[&'a Document]) -> Vec<&'a Document> {
    let mut chosen: HashMap<&str, &'a Document> = HashMap::new();
    let mut order = Vec::new();
    for d in docs {
        match chosen.get(d.symbol.as_str()) {
            Some(kept) if kept.language == Language::English || d.language != Language::English => {
            }
            Some(_) => {
                chosen.insert(&d.symbol, d);
            }
            None => {
                order.push(d.symbol.as_str());
                chosen.insert(&d.symbol, d);
            }
        }
    }
    order.into_iter().map(|s| chosen[s]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Document {
        crate::parse::parse_text(text).unwrap().value
    }

    const DRAFT: &str = "United Nations\nA/79/L.9\nGeneral Assembly\nDistr.: Limited\n\
        3 October 2024\n\nSeventy-ninth session\nAgenda item 12\nCulture of peace\n\n\
        France: draft resolution\n\nInternational Day of Peace Gardens\n\n\
        The General Assembly,\n\nRecalling its resolution 52/15 of 20 November 1997,\n\n\
        1. Decides to proclaim 9 May International Day of Peace Gardens;\n\n\
        2. Invites all Member States to observe the Day;\n";

    fn adopted(origin: &str, title: &str) -> String {
        format!(
            "United Nations\nA/RES/79/20\nGeneral Assembly\nDistr.: General\n\
             10 October 2024\n\nSeventy-ninth session\nAgenda item 12\n\n\
             Resolution adopted by the General Assembly on 8 October 2024\n\n{origin}\n\n\
             79/20. {title}\n\nThe General Assembly,\n\n\
             Recalling its resolution 52/15 of 20 November 1997,\n\n\
             1. Decides to proclaim 9 May International Day of Peace Gardens;\n\n\
             2. Invites all Member States to observe the Day;\n\n\
             20th plenary meeting\n8 October 2024\n"
        )
    }

    #[test]
    fn the_origin_line_states_the_draft() {
        let draft = parsed(DRAFT);
        let resolution = parsed(&adopted(
            "[without reference to a Main Committee (A/79/L.9)]",
            "A title the draft did not have",
        ));
        let (links, unlinked) = link(&[&resolution], &[&draft]);
        assert!(unlinked.is_empty());
        assert_eq!(links[0].draft, "A/79/L.9");
        assert_eq!(links[0].confidence, Confidence::Stated);
        assert_eq!(links[0].evidence, [Evidence::OriginLine]);
    }

    #[test]
    fn the_texts_link_a_draft_no_line_names() {
        let draft = parsed(DRAFT);
        let resolution = parsed(&adopted(
            "[without reference to a Main Committee]",
            "International Day of Peace Gardens",
        ));
        let (links, _) = link(&[&resolution], &[&draft]);
        assert_eq!(links[0].draft, "A/79/L.9");
        assert!(links[0].evidence.contains(&Evidence::SameTitle));
        assert!(links[0].evidence.contains(&Evidence::SameAgendaItem));
    }

    #[test]
    fn a_draft_of_another_session_or_unlike_text_is_no_link() {
        let draft = parsed(&DRAFT.replace("Seventy-ninth session", "Seventy-eighth session"));
        let resolution = parsed(&adopted(
            "[without reference to a Main Committee]",
            "International Day of Peace Gardens",
        ));
        let (links, unlinked) = link(&[&resolution], &[&draft]);
        assert!(links.is_empty());
        assert_eq!(unlinked.len(), 1);
        let other = parsed(
            &DRAFT
                .replace("International Day of Peace Gardens", "Oceans")
                .replace(
                    "Decides to proclaim 9 May",
                    "Welcomes the report on the seas, and",
                )
                .replace(
                    "Invites all Member States to observe the Day",
                    "Requests a study",
                ),
        );
        let (links, _) = link(&[&resolution], &[&other]);
        assert!(links.is_empty(), "{links:?}");
    }
}
