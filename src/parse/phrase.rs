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

/// `w` in lower case.
fn is_adverb(w: &str) -> bool {
    ADVERBS.contains(&w) || (w.len() > 4 && w.ends_with("ly") && w != "only")
}

/// `w` in lower case.
fn is_head(w: &str) -> bool {
    let verb_form = (w.ends_with("ing") && w.len() > 5)
        || (w.ends_with("ed") && w.len() > 4)
        || (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && w.len() > 3);
    verb_form || ADJECTIVE_HEADS.contains(&w)
}

/// A word without the punctuation that ends it.
fn clean(w: &str) -> &str {
    w.trim_end_matches([',', ';', ':', '.'])
}

/// The byte length of the opening phrase at the start of `text`, if it has one.
pub fn opening_phrase(text: &str) -> Option<usize> {
    if !text.chars().next()?.is_uppercase() {
        return None;
    }
    let words: Vec<(usize, &str)> = text
        .split(' ')
        .scan(0usize, |pos, w| {
            let start = *pos;
            *pos += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        // A phrase is a few words long: no need to split the whole paragraph.
        .take(12)
        .collect();
    // Each word cleaned and in lower case, made once: the rules below look at them repeatedly.
    let lowered: Vec<String> = words
        .iter()
        .map(|(_, w)| clean(w).to_ascii_lowercase())
        .collect();
    let lower = |i: usize| lowered.get(i).map(String::as_str);
    let mut k = 0;
    // Leading adverbs: `Also`, `Further`, `Strongly`, `Once again`.
    while k < words.len() && is_adverb(&lowered[k]) && !words[k].1.ends_with(',') {
        k += 1;
    }
    let head = clean(words.get(k)?.1);
    if !is_head(&lowered[k]) || head.chars().any(|c| !c.is_alphabetic() && c != '-') {
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
        if let Some(run) = PARTICLE_RUNS.iter().find(|run| {
            run.iter()
                .enumerate()
                .all(|(j, p)| lower(end + j) == Some(*p))
        }) {
            end += run.len();
            continue;
        }
        // `also`, `further`, `once again`, `strongly`
        if lower(end).is_some_and(|w| is_adverb(w) && w != "only") {
            end += 1;
            continue;
        }
        // `with (deep) concern`
        if lower(end) == Some("with") {
            let mut j = end + 1;
            while lower(j).is_some_and(|w| QUALIFIERS.contains(&w)) {
                j += 1;
            }
            if lower(j).is_some_and(|w| WITH_NOUNS.contains(&w)) && j > end {
                end = j + 1;
                continue;
            }
        }
        // `its (deep) concern`
        if lower(end) == Some("its") {
            let mut j = end + 1;
            while lower(j).is_some_and(|w| QUALIFIERS.contains(&w)) {
                j += 1;
            }
            if lower(j).is_some_and(|w| ITS_NOUNS.contains(&w)) {
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
