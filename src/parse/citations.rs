//! Citations in running text: document symbols (`A/77/463/Add.2`) and resolution forms
//! (`its resolution 70/1`, `Human Rights Council resolution 50/4`), each normalised to the
//! symbol of the cited document so that it meets that document's own IRI.

use crate::model::{Citation, Date, DocumentKind, Inline, Organ};
use crate::symbol::{bracketed_suffix, is_symbol_byte, mint, symbol_at};

/// Splits `text` into text runs and citations, appending them to `out`.
pub fn link(text: String, organ: Organ, out: &mut Vec<Inline>) {
    let mut candidates = Candidates::new(&text);
    // Most runs cite nothing: they are kept as they are, not copied.
    if candidates.next(0).is_none() {
        match out.last_mut() {
            Some(Inline::Text(prev)) => prev.push_str(&text),
            _ if text.is_empty() => {}
            _ => out.push(Inline::Text(text)),
        }
        return;
    }
    link_from(&text, organ, out, |from| candidates.next(from));
}

/// [`link`], looking for a citation at each position `next(from)` gives (the first place at or
/// after `from` where one may start; `None` when there is none).
fn link_from(
    text: &str,
    organ: Organ,
    out: &mut Vec<Inline>,
    mut next: impl FnMut(usize) -> Option<usize>,
) {
    let mut plain_start = 0;
    let mut i = 0;
    let bytes = text.as_bytes();
    while let Some(at) = next(i) {
        i = at;
        // Symbols open with a capital, act keywords with `r` or `d`: other bytes (UTF-8
        // continuation bytes among them) are passed over without a look back.
        let candidate = bytes[i].is_ascii_uppercase() || matches!(bytes[i], b'r' | b'd');
        if candidate && (i == 0 || !is_word_byte(bytes[i - 1])) {
            if let Some((len, symbol)) = symbol_at(&text[i..]) {
                push_text(out, &text[plain_start..i]);
                out.push(Inline::Ref(Citation {
                    text: text[i..i + len].to_string(),
                    symbol,
                }));
                i += len;
                plain_start = i;
                continue;
            }
            if let Some(keyword_len) = act_keyword_at(&text[i..]) {
                let kind = act_kind(&text[i..i + keyword_len]);
                let cited_organ = organ_before(&text[..i]).unwrap_or(organ);
                let explicit = organ_before(&text[..i]).is_some();
                let mut j = i + keyword_len;
                let mut found = Vec::new();
                while let Some((start, len, symbol)) =
                    next_number(text, j, cited_organ, kind, explicit)
                {
                    found.push((start, len, symbol));
                    j = start + len;
                }
                if !found.is_empty() {
                    for (start, len, symbol) in found {
                        push_text(out, &text[plain_start..start]);
                        out.push(Inline::Ref(Citation {
                            text: text[start..start + len].to_string(),
                            symbol,
                        }));
                        plain_start = start + len;
                    }
                    i = plain_start;
                    continue;
                }
            }
        }
        i += 1;
    }
    push_text(out, &text[plain_start..]);
}

/// Where in a text a citation may start, found by vectorised searches rather than a look at
/// every byte: a symbol has a `/` inside its token, so only the token around each `/` is
/// worth trying; an act citation starts with its keyword (`resolution`, `Decisions`,
/// `RESOLUTION`; the letters after the first are searched for).
struct Candidates<'a> {
    bytes: &'a [u8],
    /// The next `/` at or after the last position asked for, and where its token starts.
    slash: Option<(usize, usize)>,
    /// For each keyword tail, where its keyword starts next (`usize::MAX`: nowhere).
    keywords: [usize; 4],
}

/// Searchers for the keyword tails, built once (building one costs more than most searches).
static KEYWORD_TAILS: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 4]> =
    std::sync::LazyLock::new(|| {
        ["esolution", "ecision", "ESOLUTION", "ECISION"].map(memchr::memmem::Finder::new)
    });

impl<'a> Candidates<'a> {
    fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let after_first = bytes.get(1..).unwrap_or_default();
        Candidates {
            bytes,
            slash: None,
            keywords: std::array::from_fn(|k| {
                KEYWORD_TAILS[k].find(after_first).unwrap_or(usize::MAX)
            }),
        }
    }

    fn next(&mut self, from: usize) -> Option<usize> {
        if from >= self.bytes.len() {
            return None;
        }
        if self.slash.is_none_or(|(at, _)| at < from) {
            self.slash = memchr::memchr(b'/', &self.bytes[from..]).map(|p| {
                let at = from + p;
                let token = self.bytes[..at]
                    .iter()
                    .rposition(|&c| !is_symbol_byte(c))
                    .map_or(0, |p| p + 1);
                (at, token)
            });
        }
        for (tail, start) in KEYWORD_TAILS.iter().zip(self.keywords.iter_mut()) {
            // A keyword starting at `from` has its tail at `from + 1`.
            if *start < from {
                *start = tail
                    .find(&self.bytes[from + 1..])
                    .map_or(usize::MAX, |p| from + p);
            }
        }
        let symbol = self.slash.map(|(_, token)| token.max(from));
        let keyword = self
            .keywords
            .iter()
            .copied()
            .min()
            .filter(|&k| k != usize::MAX);
        match (symbol, keyword) {
            (Some(s), Some(k)) => Some(s.min(k)),
            (s, k) => s.or(k),
        }
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'/' || b == b'.' || b == b'-' || b >= 0x80
}

fn push_text(out: &mut Vec<Inline>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(Inline::Text(prev)) = out.last_mut() {
        prev.push_str(s);
    } else {
        out.push(Inline::Text(s.to_string()));
    }
}

fn act_keyword_at(s: &str) -> Option<usize> {
    if !matches!(s.as_bytes().first(), Some(b'r' | b'R' | b'd' | b'D')) {
        return None;
    }
    for kw in ["resolutions", "resolution", "decisions", "decision"] {
        if s.get(..kw.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(kw))
        {
            let next = s.as_bytes().get(kw.len());
            if next.is_none_or(|c| !c.is_ascii_alphanumeric()) {
                return Some(kw.len());
            }
        }
    }
    None
}

fn act_kind(keyword: &str) -> DocumentKind {
    if keyword.to_ascii_lowercase().starts_with("decision") {
        DocumentKind::Decision
    } else {
        DocumentKind::Resolution
    }
}

/// The organ named just before a `resolution` keyword, if any.
fn organ_before(head: &str) -> Option<Organ> {
    let h = head.trim_end();
    let mut from = h.len().saturating_sub(40);
    while !h.is_char_boundary(from) {
        from += 1;
    }
    let tail = &h[from..];
    let tail = tail.trim_end_matches(['’', '\'', 's']).trim_end();
    [
        ("Human Rights Council", Organ::HumanRightsCouncil),
        ("Security Council", Organ::SecurityCouncil),
        (
            "Economic and Social Council",
            Organ::EconomicAndSocialCouncil,
        ),
        ("General Assembly", Organ::GeneralAssembly),
    ]
    .into_iter()
    .find(|(name, _)| tail.ends_with(name))
    .map(|(_, o)| o)
}

/// The next act number after a keyword (or after a previous number of the same list),
/// starting at byte `from`: `(start, len, symbol)`.
fn next_number(
    text: &str,
    from: usize,
    organ: Organ,
    kind: DocumentKind,
    explicit_organ: bool,
) -> Option<(usize, usize, String)> {
    let mut rest = &text[from..];
    let mut pos = from;
    // Between numbers of one list: `, `, ` and `, ` of 25 September 2015`, ` A`.
    for _ in 0..8 {
        let trimmed = rest.trim_start();
        pos += rest.len() - trimmed.len();
        rest = trimmed;
        if let Some(r) = rest.strip_prefix(',').or_else(|| rest.strip_prefix("and ")) {
            pos += rest.len() - r.len();
            rest = r;
            continue;
        }
        if let Some(len) = date_clause(rest) {
            pos += len;
            rest = &rest[len..];
            continue;
        }
        break;
    }
    let (len, number) = act_number(rest)?;
    let symbol = symbol_for(organ, kind, &number, explicit_organ)?;
    Some((pos, len, symbol))
}

/// ` of 25 September 2015`
fn date_clause(s: &str) -> Option<usize> {
    let r = s.strip_prefix("of ")?;
    let mut words = r.split(' ');
    let day = words.next()?;
    let month = words.next()?;
    let year = words.next()?;
    let year_digits = year.trim_end_matches([',', ';', '.']);
    if day.parse::<u8>().is_ok()
        && Date::month_number(month).is_some()
        && year_digits.len() == 4
        && year_digits.bytes().all(|c| c.is_ascii_digit())
    {
        Some(3 + day.len() + 1 + month.len() + 1 + year_digits.len())
    } else {
        None
    }
}

/// `70/1`, `48/218 B`, `S-27/2`, `ES-10/21`, `2720 (2023)`, `2008/4`: length and text.
fn act_number(s: &str) -> Option<(usize, String)> {
    let bytes = s.as_bytes();
    let mut i = 0;
    if s.starts_with("ES-") {
        i = 3;
    } else if s.starts_with("S-") {
        i = 2;
    }
    let digits = bytes[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 {
        return None;
    }
    i += digits;
    if bytes.get(i) == Some(&b'/') {
        let d2 = bytes[i + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if d2 == 0 {
            return None;
        }
        i += 1 + d2;
        // A part letter: `48/218 B` (a capital standing alone).
        if bytes.get(i) == Some(&b' ')
            && bytes.get(i + 1).is_some_and(|c| c.is_ascii_uppercase())
            && bytes.get(i + 2).is_none_or(|c| !c.is_ascii_alphanumeric())
        {
            i += 2;
        }
        if bytes
            .get(i)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'/')
        {
            return None;
        }
        return Some((i, s[..i].to_string()));
    }
    // Security Council: `2720 (2023)`
    if let Some(sfx) = bracketed_suffix(&s[i..]) {
        let inner = s[i..i + sfx].trim();
        if inner.len() == 6 {
            return Some((i + sfx, s[..i + sfx].to_string()));
        }
    }
    None
}

/// The symbol of an act from its number and organ, where the form is unambiguous.
fn symbol_for(organ: Organ, kind: DocumentKind, number: &str, explicit: bool) -> Option<String> {
    let first: &str = number.split('/').next().unwrap_or("");
    let year_style = first.len() == 4 && first.bytes().all(|c| c.is_ascii_digit());
    let sc_style = number.contains('(');
    // The form of the number tells the organ where the text does not name it.
    let series_organ = match (organ, sc_style, year_style) {
        (_, true, _) if organ == Organ::SecurityCouncil || !explicit => Organ::SecurityCouncil,
        (Organ::EconomicAndSocialCouncil, false, true) => organ,
        (Organ::GeneralAssembly | Organ::HumanRightsCouncil, false, false) => organ,
        _ => return None,
    };
    Some(mint(series_organ, kind, number))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(text: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        link(text.to_string(), Organ::GeneralAssembly, &mut out);
        out.into_iter()
            .filter_map(|i| match i {
                Inline::Ref(c) => Some((c.text, c.symbol)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn symbols_in_brackets_and_runs() {
        assert_eq!(refs("B(A/1)"), [("A/1".into(), "A/1".into())]);
        assert_eq!(
            refs("RESOLUTION 70/1"),
            [("70/1".into(), "A/RES/70/1".into())]
        );
        assert!(refs("/").is_empty() && refs("").is_empty() && refs("r").is_empty());
    }

    proptest::proptest! {
        /// Looking only where the searches point finds what looking at every byte finds.
        #[test]
        fn candidates_miss_nothing(s in "[AES/RrdD.(){}1-9 -]{0,8}(resolution|Decision|RESOLUTIONS|A/RES/|S/) ?[0-9/ ()]{0,12}[a-zA-Z/ ,]{0,20}") {
            let mut fast = Vec::new();
            link(s.clone(), Organ::GeneralAssembly, &mut fast);
            let mut every = Vec::new();
            link_from(&s, Organ::GeneralAssembly, &mut every, |i| (i < s.len()).then_some(i));
            proptest::prop_assert_eq!(fast, every);
        }
    }

    #[test]
    fn symbols() {
        assert_eq!(
            refs("(A/77/463/Add.2, para. 87)"),
            [("A/77/463/Add.2".into(), "A/77/463/Add.2".into())]
        );
        assert_eq!(
            refs("A/CONF.157/24 (Part I), chap. III."),
            [(
                "A/CONF.157/24 (Part I)".into(),
                "A/CONF.157/24 (Part I)".into()
            )]
        );
        assert_eq!(
            refs("See E/CN.4/2001/2-E/CN.4/Sub.2/2000/46, chap. II"),
            [(
                "E/CN.4/2001/2-E/CN.4/Sub.2/2000/46".into(),
                "E/CN.4/2001/2".into()
            )]
        );
        assert!(refs("HIV/AIDS and/or").is_empty());
    }

    #[test]
    fn resolutions() {
        assert_eq!(
            refs("its resolution 70/1 of 25 September 2015"),
            [("70/1".into(), "A/RES/70/1".into())]
        );
        assert_eq!(
            refs("Human Rights Council resolution 50/4 of 7 July 2022"),
            [("50/4".into(), "A/HRC/RES/50/4".into())]
        );
        assert_eq!(
            refs("its resolutions 76/1 of 1 May 2021, 76/2 and 76/3,"),
            [
                ("76/1".into(), "A/RES/76/1".into()),
                ("76/2".into(), "A/RES/76/2".into()),
                ("76/3".into(), "A/RES/76/3".into())
            ]
        );
        assert!(refs("resolution 2000/22 of 18 August 2000").is_empty());
        assert_eq!(
            refs("Security Council resolution 2720 (2023)"),
            [("2720 (2023)".into(), "S/RES/2720 (2023)".into())]
        );
    }
}
