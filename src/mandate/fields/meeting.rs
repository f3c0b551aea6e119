//! Whether a task arranges a meeting, whatever its verb: a decision on how a meeting is held,
//! a meeting arranged through a noun, devoted to something, or counted out.

/// Whether a decision's `that` clause settles how a meeting is held rather than gives it a
/// task: `the high-level meeting shall take place on 25 September`, `the Conference shall be
/// open to all States`, `the proceedings of the meeting will be webcast`, `the theme of the
/// dialogue shall be ...`; not `the Conference shall review progress`.
pub fn arranges_a_meeting(that: &str) -> bool {
    arranges(&that.to_ascii_lowercase())
}

/// [`arranges_a_meeting`], of a lower-cased clause.
pub(super) fn arranges(lower: &str) -> bool {
    let Some((at, modal)) = [" shall ", " will ", " should "]
        .iter()
        .filter_map(|m| lower.find(m).map(|at| (at, m.len())))
        .min()
    else {
        return false;
    };
    let (subject, predicate) = (&lower[..at], &lower[at + modal..]);
    if subject.len() > 160 {
        return false;
    }
    let word = |s: &str| {
        s.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .to_string()
    };
    let mut words = predicate.split_whitespace().map(word);
    let (first, second) = (
        words.next().unwrap_or_default(),
        words.next().unwrap_or_default(),
    );
    // The meeting itself as the subject (`the high-level meeting`, `the Conference`), or
    // something of it (`the theme of the dialogue`, `accreditation to the meeting`).
    let head_end = [" of ", " on ", " to ", " for ", " in ", ","]
        .iter()
        .filter_map(|cut| subject.find(cut))
        .min()
        .unwrap_or(subject.len());
    let head = subject[..head_end]
        .split_whitespace()
        .last()
        .map(word)
        .unwrap_or_default();
    let of_the_meeting = matches!(
        head.as_str(),
        "theme"
            | "themes"
            | "format"
            | "duration"
            | "date"
            | "dates"
            | "venue"
            | "modalities"
            | "arrangements"
            | "proceedings"
            | "programme"
            | "outcome"
            | "accreditation"
            | "participation"
    ) && subject[head_end..]
        .split_whitespace()
        .map(word)
        .any(|w| is_meeting(&w));
    // `the Permanent Forum shall consist of 10 members`: a body's composition, not a meeting's.
    let members = predicate
        .split_whitespace()
        .take(8)
        .any(|w| w.starts_with("member") || w.starts_with("expert"));
    let describing = match first.as_str() {
        "take" => second == "place",
        "consist" | "comprise" => !members,
        "last" | "begin" | "start" | "commence" | "conclude" | "open" | "close" | "end" => true,
        "be" => {
            matches!(
                second.as_str(),
                "held"
                    | "convened"
                    | "organized"
                    | "organised"
                    | "open"
                    | "webcast"
                    | "broadcast"
                    | "chaired"
                    | "co-chaired"
                    | "presided"
                    | "composed"
                    | "structured"
                    | "preceded"
                    | "followed"
                    | "opened"
                    | "closed"
                    | "devoted"
                    | "dedicated"
                    | "one-day"
                    | "half-day"
            ) || of_the_meeting
        }
        _ => false,
    };
    describing && (is_meeting(&head) || of_the_meeting)
}

/// A noun naming a meeting, singular or plural (one `s` comes off: `congress` is read as
/// `congres`).
fn is_meeting(word: &str) -> bool {
    matches!(
        word.strip_suffix('s').unwrap_or(word),
        "meeting"
            | "dialogue"
            | "conference"
            | "summit"
            | "forum"
            | "event"
            | "debate"
            | "segment"
            | "panel"
            | "session"
            | "commemoration"
            | "workshop"
            | "seminar"
            | "symposium"
            | "hearing"
            | "retreat"
            | "colloquium"
            | "congres"
    )
}

/// `to devote one plenary meeting to the commemoration`, `to dedicate a segment to`: a meeting
/// given over to something (not attention given at a session).
pub(super) fn devotes_a_meeting(verb: &str, lower: &str) -> bool {
    matches!(verb, "devote" | "dedicate")
        && lower
            .split_whitespace()
            .skip_while(|w| !w.starts_with("devote") && !w.starts_with("dedicate"))
            .skip(1)
            .take(5)
            .any(|w| {
                ["meeting", "segment", "event", "debate", "dialogue", "panel"]
                    .iter()
                    .any(|m| w.starts_with(m))
            })
}

/// `to facilitate the organization of the regional preparatory meetings`, `to support the
/// convening of a high-level dialogue`: a meeting arranged, named by the arranging's noun (as
/// printed: `the Organization of Islamic Cooperation` is a name).
pub(super) fn arranged_by_noun(task: &str) -> bool {
    const NOUNS: &[&str] = &[
        "the organization of ",
        "the organisation of ",
        "the convening of ",
        "the holding of ",
        "the hosting of ",
    ];
    NOUNS.iter().any(|noun| {
        task.match_indices(noun).any(|(at, _)| {
            // The arranging is the task's object (`to facilitate the organization of`), or
            // what support is for (`to provide all necessary support to the Working Group
            // for the organization of`); not a step on the way (`consultations on the next
            // steps for the convening of`).
            let before: Vec<&str> = task[..at].split_whitespace().rev().take(12).collect();
            let object = before.len() == 2 && before[1] == "to";
            let supported = matches!(before.first(), Some(&("for" | "in")))
                && before
                    .iter()
                    .any(|w| matches!(*w, "support" | "assistance"));
            (object || supported)
                && task[at + noun.len()..]
                    .split([',', ';'])
                    .next()
                    .unwrap_or("")
                    .split_whitespace()
                    .take(6)
                    .any(|w| is_meeting(&w.to_ascii_lowercase()))
        })
    })
}

/// `to further examine, ..., at four meetings over consecutive days, the question`: a question
/// taken up at meetings the Assembly counts out, which it thereby arranges.
pub(super) fn at_meetings_counted(lower: &str) -> bool {
    lower.match_indices(" at ").any(|(at, _)| {
        let mut words = lower[at + 4..].split_whitespace();
        let count = words.next().unwrap_or("");
        let counted = count.bytes().all(|b| b.is_ascii_digit())
            || matches!(
                count,
                "one"
                    | "two"
                    | "three"
                    | "four"
                    | "five"
                    | "six"
                    | "seven"
                    | "eight"
                    | "nine"
                    | "ten"
                    | "eleven"
                    | "twelve"
            );
        let noun = words
            .take(2)
            .find(|w| !matches!(*w, "plenary" | "formal" | "informal" | "additional"))
            .unwrap_or("");
        counted && !count.is_empty() && noun.trim_end_matches([',', ';']).starts_with("meeting")
    })
}

/// `to consider convening a meeting`, `to consider the holding of a conference`.
pub(super) fn considers_convening(lower: &str) -> bool {
    ["consider ", "consider the "].iter().any(|cue| {
        lower.match_indices(cue).any(|(at, _)| {
            let next = lower[at + cue.len()..]
                .split_whitespace()
                .next()
                .unwrap_or("")
                .trim_end_matches(|c: char| !c.is_alphanumeric());
            matches!(
                next,
                "convening" | "holding" | "organizing" | "organising" | "hosting"
            )
        })
    })
}

/// `the ad hoc committee shall convene in New York for up to 15 working days`, `the Working
/// Group shall meet annually`: a body that meets, with no object (a body convening something
/// else names it: `to convene a meeting`, read by the meeting nouns).
pub(super) fn meets(verb: &str, lower: &str) -> bool {
    if !matches!(verb, "convene" | "meet" | "reconvene") {
        return false;
    }
    let mut words = lower
        .split_whitespace()
        .skip_while(|w| !matches!(*w, "convene" | "meet" | "reconvene"))
        .skip(1);
    let next = words.next().unwrap_or("").trim_end_matches([',', ';', '.']);
    // `to meet in full and on time their obligations`: something met, not a meeting.
    let met = words.take(8).any(|w| {
        [
            "full",
            "obligation",
            "commitment",
            "need",
            "target",
            "requirement",
            "goal",
            "demand",
            "standard",
            "criteri",
            "expectation",
            "challenge",
        ]
        .iter()
        .any(|o| w.starts_with(o))
    });
    !met && (next.is_empty()
        || matches!(
            next,
            "in" | "at"
                | "for"
                | "during"
                | "on"
                | "from"
                | "once"
                | "twice"
                | "annually"
                | "every"
                | "each"
                | "regularly"
                | "as"
                | "within"
                | "before"
                | "after"
                | "until"
        ))
}

/// `to proclaim 2021–2030 the United Nations Decade of Healthy Ageing`, `to proclaim 19 May
/// World Fair Play Day`: a period of observance proclaimed, as a day is.
pub(super) fn proclaims_an_observance(verb: &str, lower: &str) -> bool {
    verb == "proclaim"
        && lower.split_whitespace().take(14).any(|w| {
            matches!(
                w.trim_end_matches([',', ';', '.']),
                "day" | "week" | "year" | "decade"
            )
        })
}
