//! The words of a clause as the grammar reads them: where they lie in the text, bared of
//! punctuation, compared ignoring ASCII case without copies.

use std::borrow::Cow;

/// A word and where it starts in the text.
pub(super) struct Word<'a> {
    pub(super) text: &'a str,
    pub(super) at: usize,
}

/// The words of `s[from..to]`, each with where it starts in `s`.
pub(super) fn words_between(
    s: &str,
    from: usize,
    to: usize,
) -> impl DoubleEndedIterator<Item = Word<'_>> {
    let base = s.as_ptr() as usize;
    s[from..to].split_ascii_whitespace().map(move |text| Word {
        text,
        at: text.as_ptr() as usize - base,
    })
}

/// The words of `s` before byte `at`, nearest first.
pub(super) fn words_before(s: &str, at: usize) -> impl Iterator<Item = Word<'_>> {
    words_between(s, 0, at).rev()
}

/// The whole word of `s` in which byte `at` falls: where it starts and ends.
pub(super) fn word_around(s: &str, at: usize) -> (usize, usize) {
    let bytes = s.as_bytes();
    let start = bytes[..at]
        .iter()
        .rposition(u8::is_ascii_whitespace)
        .map_or(0, |p| p + 1);
    let end = bytes[at..]
        .iter()
        .position(u8::is_ascii_whitespace)
        .map_or(s.len(), |p| at + p);
    (start, end)
}

/// A word without the punctuation around it (`upon,` is `upon`), as printed: compare it with
/// [`is_one_of`], which ignores ASCII case.
pub(super) fn bare(w: &str) -> &str {
    let kept = |b: &u8| b.is_ascii_alphanumeric() || *b == b'-' || !b.is_ascii();
    let bytes = w.as_bytes();
    let start = bytes.iter().position(kept).unwrap_or(bytes.len());
    let end = bytes.iter().rposition(kept).map_or(start, |e| e + 1);
    let w = &w[start..end];
    // Punctuation outside ASCII (`“`, `’`) is trimmed as characters.
    if w.starts_with(|c: char| !c.is_ascii()) || w.ends_with(|c: char| !c.is_ascii()) {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
    } else {
        w
    }
}

/// `s` without every repeat of `ending` at its end (as `trim_end_matches`, without a searcher).
pub(super) fn without_ending<'a>(mut s: &'a str, ending: &str) -> &'a str {
    while let Some(rest) = s.strip_suffix(ending) {
        s = rest;
    }
    s
}

/// `word` in ASCII lower case, copied only when it has a capital (most words have none).
pub(super) fn lower_case(word: &str) -> Cow<'_, str> {
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// Whether `word` is one of `list` (lower case), ASCII case aside: no word is lower-cased.
pub(super) fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|l| l.eq_ignore_ascii_case(word))
}
