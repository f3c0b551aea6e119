//! The phrases that tell what a task asks, by kind of evidence: read in one pass of one
//! Aho-Corasick automaton, whatever the number of lists.

use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// An item for the agenda, a question for a session.
pub(super) const AGENDA: usize = 0;
/// Appropriations, assessments, posts, contributions to the Organization's funds.
pub(super) const BUDGET: usize = 1;
/// What a report is made of, written or oral.
pub(super) const REPORT_OBJECT: usize = 2;
/// A report named as a source, not asked for.
pub(super) const NOT_REPORT: usize = 3;
/// What a meeting verb convenes.
pub(super) const MEETING_OBJECT: usize = 4;
/// A meeting whatever the verb.
pub(super) const MEETING: usize = 5;
/// A provision for reviewing the mandate.
pub(super) const REVIEW: usize = 6;
/// An agenda item something is taken up under (`under that item`).
pub(super) const UNDER_AN_ITEM: usize = 7;

/// The cue phrases of each kind of evidence above, lower case, in that order.
const CUE_LISTS: [&[&str]; 8] = [
    &[
        "provisional agenda",
        "continue its consideration",
        "continue the consideration",
        "consider the question",
        "consideration of the question",
        "following provisional agenda",
        "consider thereafter",
        "to consider it ",
        "continue consideration",
        // An item kept where it is: `to keep on its agenda the question`, `to retain on the
        // agenda of its eighty-first session the item`.
        "keep on its agenda",
        "keep on the agenda",
        "retain on its agenda",
        "retain on the agenda",
        "remain on the agenda",
        "on the agenda of its ",
    ],
    &[
        "appropriates",
        "resources under the proposed programme budget",
        "in the proposed programme budget",
        "post of ",
        "posts of ",
        "temporary post",
        "reclassification of",
        "redeployment of",
        "reduce its costs",
        "reduce costs",
        "no resources will be needed",
        "fundraising",
        "fund-raising",
        "make voluntary contributions",
        "provide the voluntary contributions",
        "provide voluntary contributions",
        "contribute voluntarily",
        "voluntary support to the",
        "financial resources necessary for the effective fulfilment",
        "resources necessary for the fulfilment",
        "appropriate to the special account",
        "to appropriate",
        "apportion",
        "set off against",
        "assessed contributions",
        "outstanding dues",
        "arrears",
        "budget proposals",
        "proposed peacekeeping budgets",
        "unencumbered balance",
        "tax equalization",
        "voluntary contributions to",
        "contributions to the trust fund",
        "contributing generously to the trust fund",
        "to the trust fund",
        "appealing for voluntary contributions",
        "necessary resources for the participation",
        "financial obligations",
        "shall be returned to the government",
        "special account",
        // A mission's accounts kept apart: `to continue to maintain as separate the account
        // established for the Force for the period prior to 16 June 1993`.
        "separate the account",
        "separate account",
        "suspense account",
        "sustainable financing for",
        "financial, organizational and technical support to the united nations",
    ],
    &[
        " report",
        "a note ",
        "briefing",
        "summary report",
        "such material",
        "informed",
        "apprised",
        "abreast",
        "comment, in their respective reports",
        "with information",
        "further information",
        "detailed information",
        "updated information",
        "additional information",
        "with complete and timely information",
        "information on the measures",
        "concrete proposals for the consideration",
        "such views in a",
        "proposals",
        "updates",
        "inputs",
    ],
    &[
        "referred to in his",
        "referred to in its",
        "referred to in the",
        "contained in his",
        "contained in the report",
        "set out in his",
        "described in his",
        "mentioned in his",
        "information intended for",
    ],
    &[
        "meeting",
        "dialogue",
        "conference",
        "summit",
        "forum",
        "session",
        "event",
        "debate",
        "workshop",
        "seminar",
        "commemoration",
        "segment",
        " day",
        "stocktaking",
        "encounters",
        "panel",
        "hearing",
        "symposium",
        "round table",
        "round-table",
        "retreat",
        "discussion",
        "colloquium",
        "congress",
        "working group",
    ],
    &[
        "calendar of conferences and meetings",
        "thematic debate",
        "establish a working group",
        "events such as conferences",
        "to conduct workshops",
        "considered in workshops",
        "preparations for the global stocktaking",
        "high-level segment",
        "main theme of the",
        "the duration of the",
        "continue their dialogue",
        "continue its dialogue",
        // A meeting decided in the passive (`that the Conference will be held in Gaborone`),
        // not one described (`to attend the Meeting, to be held in Geneva`).
        "will be held in ",
        "will be held at ",
        "will be held on ",
        "will be held from ",
        "will be held during ",
        "shall be held in ",
        "shall be held at ",
        "shall be held on ",
        "shall be held from ",
        "shall be held during ",
        "will be convened",
        "shall be convened",
    ],
    &[
        "decides to review",
        "to review the mandate",
        "review of the mandate",
        "to review its mandate",
        "to review the functioning",
        "review the implementation of the mandate",
        "to evaluate the mandate",
        "decides to assess",
    ],
    &[
        "under that item",
        "under this item",
        "under the item",
        "under the agenda item",
        "under agenda item",
    ],
];

/// Which kinds of evidence a lower-cased text holds: every cue list read in one pass.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cues(u8);

impl Cues {
    pub(super) fn of(lower: &str) -> Cues {
        static AUTOMATON: OnceLock<(AhoCorasick, Vec<u8>)> = OnceLock::new();
        let (ac, list_of) = AUTOMATON.get_or_init(|| {
            let patterns: Vec<&str> = CUE_LISTS.iter().flat_map(|l| l.iter().copied()).collect();
            let list_of = CUE_LISTS
                .iter()
                .enumerate()
                .flat_map(|(i, l)| std::iter::repeat_n(i as u8, l.len()))
                .collect();
            let ac = AhoCorasick::new(patterns).expect("the cue lists are small literals");
            (ac, list_of)
        });
        let mut bits = 0u8;
        for m in ac.find_overlapping_iter(lower) {
            bits |= 1 << list_of[m.pattern().as_usize()];
        }
        Cues(bits)
    }

    pub(super) fn has(self, list: usize) -> bool {
        self.0 & (1 << list) != 0
    }
}
