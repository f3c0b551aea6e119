//! Where a footnote's marker stands in the page body: a number that is not a reference or a
//! quantity, found on the footnote's own page.

use super::*;

/// Words after which a number is a reference, not a footnote marker.
pub(super) const NUMBER_TAKERS: &[&str] = &[
    "article",
    "articles",
    "paragraph",
    "paragraphs",
    "para.",
    "paras.",
    "resolution",
    "resolutions",
    "decision",
    "decisions",
    "no.",
    "nos.",
    "chapter",
    "chap.",
    "section",
    "sect.",
    "annex",
    "vol.",
    "volume",
    "goal",
    "goals",
    "target",
    "targets",
    "principle",
    "principles",
    "part",
    "rule",
    "rules",
    "item",
    "items",
    "page",
    "pages",
    "p.",
    "pp.",
    "and",
    "or",
    "to",
    "of",
    "from",
    "between",
    "than",
    "by",
    "about",
    "some",
    "least",
    "at",
    "protocol",
    "recommendation",
    "recommendations",
    "phase",
    "level",
    "step",
    "category",
    "table",
    "figure",
    "box",
    "option",
    "cluster",
    "stage",
    "round",
    "article,",
    "every",
    "in",
    "on",
    "nearly",
    "over",
    "under",
    "up",
    "with",
    "within",
    "per",
    "for",
    "first",
    "last",
    "next",
    "past",
    "the",
    "a",
    "all",
    "these",
    "those",
    "only",
    "s-",
];

/// Words that, following a number, show it is a quantity (month names are checked apart).
pub(super) const NUMBER_FOLLOWERS: &[&str] = &[
    "per",
    "percent",
    "million",
    "billion",
    "trillion",
    "years",
    "year",
    "months",
    "month",
    "days",
    "day",
    "weeks",
    "week",
    "hours",
    "dollars",
    "states",
    "countries",
    "members",
    "member",
    "times",
    "%",
    "per cent",
    "degrees",
    "°c",
    "new",
    "additional",
    "posts",
    "positions",
    "persons",
    "people",
    "women",
    "children",
    "languages",
    "goals",
    "targets",
    "entities",
    "cases",
    "high-level",
];

/// The first place of `digits` in `s`: memchr for the first digit, as `str::find` sets up a
/// substring searcher for every call and markers are searched on every line.
pub(super) fn find_digits(s: &str, digits: &str) -> Option<usize> {
    let first = *digits.as_bytes().first()?;
    let bytes = s.as_bytes();
    memchr::memchr_iter(first, bytes).find(|&at| bytes[at..].starts_with(digits.as_bytes()))
}

/// The part of a page where its footnotes' markers are looked for: the lines of the page body
/// (`from..to`, byte offsets of the input), from `cursor` (a line and an offset in it) on,
/// since markers are printed in the order of their footnotes.
pub(super) struct PageBody<'a> {
    pub(super) lines: &'a [Line],
    pub(super) cursor: (usize, usize),
    pub(super) from: usize,
    pub(super) to: usize,
}

impl PageBody<'_> {
    /// The lines of the body at or after the cursor, each with the byte offset where the
    /// search may start in it.
    fn lines(&self) -> impl Iterator<Item = (usize, &Line, usize)> {
        let (cursor, from, to) = (self.cursor, self.from, self.to);
        self.lines
            .iter()
            .enumerate()
            .skip(cursor.0)
            .filter(move |(_, line)| line.end >= from && line.start < to)
            .map(move |(li, line)| (li, line, if li == cursor.0 { cursor.1 } else { 0 }))
    }

    /// The first place `marker` stands as a footnote marker: its line and byte offset.
    pub(super) fn find_marker(&self, marker: &str) -> Option<(usize, usize)> {
        for (li, line, skip) in self.lines() {
            let text = &line.text;
            let mut search = skip;
            while let Some(rel) = text.get(search..).and_then(|s| find_digits(s, marker)) {
                let at = search + rel;
                search = at + marker.len();
                let next_line = self.lines.get(li + 1).map(|l| l.text.as_str());
                if is_marker_at(text, at, marker.len(), next_line) {
                    return Some((li, at));
                }
            }
        }
        None
    }

    /// A marker glued to a year, as PDF text gives a raised digit after it (`19492` for 1949
    /// and footnote 2). Only tried when no other place on the page carries the marker.
    pub(super) fn find_glued_marker(&self, marker: &str) -> Option<(usize, usize)> {
        for (li, line, skip) in self.lines() {
            let mut pos = 0;
            for token in line.text.split(' ') {
                let start = pos;
                pos += token.len() + 1;
                if start < skip {
                    continue;
                }
                let core = token.trim_end_matches([',', ';', '.', ':', ')']);
                let Some(prefix) = core.strip_suffix(marker) else {
                    continue;
                };
                // The year is the last four digits before the marker, after a non-digit.
                let digits_from = prefix
                    .char_indices()
                    .rev()
                    .find(|(_, ch)| !ch.is_ascii_digit())
                    .map_or(0, |(p, ch)| p + ch.len_utf8());
                let year_digits = &prefix[digits_from..];
                let year = year_digits.len() == 4
                    && (year_digits.starts_with("19") || year_digits.starts_with("20"));
                if year {
                    return Some((li, start + prefix.len()));
                }
            }
        }
        None
    }
}

/// Whether the digits at `at` (`len` bytes) of `text` are a footnote marker rather than part of
/// a number, a reference (`article 5`) or a quantity (`5 per cent`).
pub(super) fn is_marker_at(text: &str, at: usize, len: usize, next_line: Option<&str>) -> bool {
    let before = text[..at].chars().next_back();
    let after_str = &text[at + len..];
    let after = after_str.chars().next();
    if before.is_some_and(|c| c.is_ascii_digit() || c == MARK_CLOSE)
        || after.is_some_and(|c| c.is_ascii_digit())
    {
        return false;
    }
    // What follows a marker: a space, punctuation that may follow a footnote, or the line end.
    let after_ok = match after {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | ')' | '”' | '’'),
    };
    let decimal = matches!(after, Some('.' | ','))
        && after_str[1..].starts_with(|c: char| c.is_ascii_digit());
    if !after_ok || decimal {
        return false;
    }
    match before {
        None => {
            // At a line start: only if the previous line ended a word (rare); reject.
            false
        }
        Some(c) if c.is_alphabetic() => {
            // Glued to a word: `Secretary-General10`. Not part of an alphanumeric code
            // (`G20`, `COP28`): those are capitals only.
            let word_start = text[..at]
                .rfind(|ch: char| ch.is_whitespace())
                .map_or(0, |p| p + 1);
            let word = text[..at][word_start..].rsplit('-').next().unwrap_or("");
            !word.chars().any(|ch| ch.is_ascii_digit()) && !word.chars().all(|ch| ch.is_uppercase())
        }
        Some(c) if matches!(c, ',' | ';' | ':' | '.' | ')' | '”' | '’' | '"') => {
            // Glued to punctuation: `Secretary-General,2`. Not a decimal (`1.2`) nor the end
            // of a document symbol (`A/78/L.1`).
            let prev = text[..at - c.len_utf8()].chars().next_back();
            let word_start = text[..at].rfind(char::is_whitespace).map_or(0, |p| p + 1);
            !(c == '.'
                && (prev.is_some_and(|p| p.is_ascii_digit()) || text[word_start..at].contains('/')))
        }
        Some(c) if c.is_whitespace() => {
            let head = text[..at].trim_end();
            let prev_word = head.rsplit(char::is_whitespace).next().unwrap_or("");
            if prev_word.is_empty() {
                return false;
            }
            let lower = prev_word.to_lowercase();
            // A year, or a span of years (`2014–2024`), may carry a marker.
            let last_year = prev_word.rsplit(['–', '-']).next().unwrap_or("");
            let year = last_year.len() == 4
                && last_year.bytes().all(|b| b.is_ascii_digit())
                && (last_year.starts_with("19") || last_year.starts_with("20"));
            if NUMBER_TAKERS.contains(&lower.as_str())
                || (prev_word.chars().last().is_some_and(|c| c.is_ascii_digit()) && !year)
                || lower.ends_with('/')
                || lower == "–"
                || lower == "-"
            {
                return false;
            }
            let next_word = after_str
                .split_whitespace()
                .next()
                .or_else(|| next_line.and_then(|l| l.split_whitespace().next()))
                .unwrap_or("");
            let next_lower = next_word
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '%')
                .to_lowercase();
            if NUMBER_FOLLOWERS.contains(&next_lower.as_str())
                || crate::model::Date::month_number(&next_lower).is_some()
                || next_word.starts_with('%')
                || next_word.starts_with('(')
            {
                return false;
            }
            true
        }
        Some(_) => false,
    }
}
