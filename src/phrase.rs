//! Opening phrases of recitals and operative paragraphs, where the input has no italics.
//!
//! Resolutions open each paragraph with a verb phrase set in italics: a participle or adjective
//! in the preamble (`Recalling also`, `Deeply concerned`), a verb in the third person in the
//! operative part (`Also reaffirms`, `Calls upon`, `Takes note with appreciation`). The rules
//! below describe that grammar (adverbs, head, particles, qualifiers); they list no phrases.

/// Adverbs that may precede or follow the head.
const ADVERBS: &[&str] = &[
    "also",
    "further",
    "again",
    "once",
    "furthermore",
    "moreover",
];

/// Particles that belong to a phrasal head: `Calls upon`, `Bearing in mind`, `Takes note`.
const PARTICLE_RUNS: &[&[&str]] = &[
    &["upon"],
    &["for"],
    &["on"],
    &["in", "mind"],
    &["into", "account"],
    &["into", "consideration"],
    &["note"],
    &["forward"],
    &["to", "mind"],
    &["in", "the", "strongest", "terms"],
];

/// Nouns a head may take with `its`: `Expresses its appreciation`, `Reiterates its request`.
const ITS_NOUNS: &[&str] = &[
    "appreciation",
    "concern",
    "gratitude",
    "request",
    "commitment",
    "call",
    "support",
    "invitation",
    "determination",
    "condemnation",
    "readiness",
    "intention",
    "conviction",
    "regret",
    "satisfaction",
    "recognition",
    "solidarity",
    "willingness",
    "resolve",
];

/// Qualities that may stand between `its`/`with` and the noun: `with deep concern`.
const QUALIFIERS: &[&str] = &[
    "deep",
    "grave",
    "great",
    "serious",
    "profound",
    "particular",
    "full",
    "strong",
    "deepest",
    "sincere",
    "utmost",
    "continued",
    "very",
    "firm",
];

/// Nouns that follow `with`: `Noting with appreciation`, `Recognizing with concern`.
const WITH_NOUNS: &[&str] = &[
    "appreciation",
    "concern",
    "satisfaction",
    "regret",
    "alarm",
    "interest",
    "gratitude",
    "serious",
    "deep",
    "grave",
    "great",
    "particular",
    "dismay",
    "approval",
];

/// Heads that are adjectives rather than verb forms: `Mindful`, `Aware`.
const ADJECTIVE_HEADS: &[&str] = &[
    "aware",
    "mindful",
    "conscious",
    "cognizant",
    "desirous",
    "anxious",
    "confident",
    "fearful",
    "resolved",
    "eager",
    "keen",
    "sure",
];

/// Whether `w` ends with `suffix` (lower case), in any case.
fn ends_with_ci(w: &str, suffix: &str) -> bool {
    w.len() >= suffix.len()
        && w.as_bytes()[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Whether `list` (lower case) holds `w`, in any case.
fn listed(list: &[&str], w: &str) -> bool {
    list.iter().any(|l| l.eq_ignore_ascii_case(w))
}

fn is_adverb(w: &str) -> bool {
    listed(ADVERBS, w) || (w.len() > 4 && ends_with_ci(w, "ly") && !w.eq_ignore_ascii_case("only"))
}

fn is_head(w: &str) -> bool {
    let verb_form = (ends_with_ci(w, "ing") && w.len() > 5)
        || (ends_with_ci(w, "ed") && w.len() > 4)
        || (ends_with_ci(w, "s")
            && !ends_with_ci(w, "ss")
            && !ends_with_ci(w, "us")
            && w.len() > 3);
    verb_form || listed(ADJECTIVE_HEADS, w)
}

/// A word without the punctuation that ends it.
fn clean(w: &str) -> &str {
    w.trim_end_matches([',', ';', ':', '.'])
}

/// The head of an opening phrase, in lower case: the word after any leading adverbs
/// (`Recalling also` and `Further recalling` → `recalling`, `Deeply concerned` → `concerned`,
/// `Rappelant également` → `rappelant`). Stored beside the phrase so that a query can find
/// the recitals that recall, or the paragraphs that urge, by an indexed value.
pub fn head_word(phrase: &str) -> Option<String> {
    let words: Vec<&str> = phrase.split_whitespace().map(clean).collect();
    let head = words.iter().find(|w| !is_adverb(w)).or(words.last())?;
    Some(head.to_lowercase())
}

/// The byte length of the opening phrase at the start of `text`, if it has one.
pub fn opening_phrase(text: &str) -> Option<usize> {
    if !text.chars().next()?.is_uppercase() {
        return None;
    }
    // A phrase is a few words long: only the first words are found, by a byte loop into an
    // array (this runs several times per paragraph). Words are compared without regard to
    // case, so nothing is allocated.
    let mut found = [(0usize, ""); 12];
    let mut count = 0;
    let bytes = text.as_bytes();
    let mut start = 0;
    while count < found.len() && start < bytes.len() {
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b' ')
            .map_or(bytes.len(), |p| start + p);
        if end > start {
            found[count] = (start, &text[start..end]);
            count += 1;
        }
        start = end + 1;
    }
    let words = &found[..count];
    let word = |i: usize| words.get(i).map(|(_, w)| clean(w));
    let is = |i: usize, expected: &str| word(i).is_some_and(|w| w.eq_ignore_ascii_case(expected));
    let in_list = |i: usize, list: &[&str]| word(i).is_some_and(|w| listed(list, w));
    let mut k = 0;
    // Leading adverbs: `Also`, `Further`, `Strongly`, `Once again`.
    while k < words.len() && is_adverb(clean(words[k].1)) && !words[k].1.ends_with(',') {
        k += 1;
    }
    let head = clean(words.get(k)?.1);
    if !is_head(head) || head.chars().any(|c| !c.is_alphabetic() && c != '-') {
        return None;
    }
    if k > 0 && head.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    if k == 0 && words[0].1.ends_with(',') {
        // `Concerned, ...`: the head alone.
        return Some(words[0].0 + head.len());
    }
    let mut end = k + 1;
    let stops = |i: usize| words.get(i).is_some_and(|(_, w)| w.ends_with(','));
    loop {
        if stops(end - 1) {
            break;
        }
        // `Calls upon`, `Bearing in mind`
        if let Some(run) = PARTICLE_RUNS
            .iter()
            .find(|run| run.iter().enumerate().all(|(j, p)| is(end + j, p)))
        {
            end += run.len();
            continue;
        }
        // `also`, `further`, `once again`, `strongly`
        if word(end).is_some_and(is_adverb) && !is(end, "only") {
            end += 1;
            continue;
        }
        // `with (deep) concern`
        if is(end, "with") {
            let mut j = end + 1;
            while in_list(j, QUALIFIERS) {
                j += 1;
            }
            if in_list(j, WITH_NOUNS) && j > end {
                end = j + 1;
                continue;
            }
        }
        // `its (deep) concern`
        if is(end, "its") {
            let mut j = end + 1;
            while in_list(j, QUALIFIERS) {
                j += 1;
            }
            if in_list(j, ITS_NOUNS) {
                end = j + 1;
                continue;
            }
        }
        break;
    }
    let (start, w) = words[end - 1];
    Some(start + clean(w).len())
}

#[cfg(test)]
mod tests {
    use super::opening_phrase;

    #[test]
    fn heads() {
        use super::head_word;
        assert_eq!(head_word("Recalling also").as_deref(), Some("recalling"));
        assert_eq!(head_word("Further recalling").as_deref(), Some("recalling"));
        assert_eq!(head_word("Deeply concerned").as_deref(), Some("concerned"));
        assert_eq!(head_word("Calls upon").as_deref(), Some("calls"));
        assert_eq!(head_word("Réaffirmant").as_deref(), Some("réaffirmant"));
        assert_eq!(head_word("Also").as_deref(), Some("also"));
        assert_eq!(head_word(" ").as_deref(), None);
    }

    fn phrase(t: &str) -> Option<&str> {
        opening_phrase(t).map(|n| &t[..n])
    }

    #[test]
    fn phrases() {
        assert_eq!(
            phrase("Recalling also its adoption of"),
            Some("Recalling also")
        );
        assert_eq!(
            phrase("Also reaffirms the duty of States"),
            Some("Also reaffirms")
        );
        assert_eq!(phrase("Calls upon Member States"), Some("Calls upon"));
        assert_eq!(
            phrase("Reaffirming its commitment to promoting"),
            Some("Reaffirming its commitment")
        );
        assert_eq!(
            phrase("Noting with deep concern that"),
            Some("Noting with deep concern")
        );
        assert_eq!(phrase("Bearing in mind that"), Some("Bearing in mind"));
        assert_eq!(
            phrase("Takes note with appreciation of the report"),
            Some("Takes note with appreciation")
        );
        assert_eq!(phrase("Deeply concerned that"), Some("Deeply concerned"));
        assert_eq!(phrase("Decides to continue"), Some("Decides"));
        assert_eq!(phrase("We reaffirm our commitment"), None);
        assert_eq!(phrase("the General Assembly"), None);
    }
}
