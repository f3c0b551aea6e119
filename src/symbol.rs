//! UN document symbols: found in running text, normalised, and minted from an organ and a
//! number, by every reader and writer that names a document.

use crate::model::{DocumentKind, Organ};

/// The bytes a symbol token is made of (see [`symbol_at`]).
pub fn is_symbol_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'/' | b'.' | b'-' | b'(' | b')' | b'*')
}

/// Series prefixes of UN document symbols that may stand first.
fn is_series(s: &str) -> bool {
    !s.is_empty() && s.len() <= 8 && s.bytes().all(|c| c.is_ascii_uppercase())
}

/// A document symbol at the start of `s`: its length in `s` and its normalised form.
pub fn symbol_at(s: &str) -> Option<(usize, String)> {
    let bytes = s.as_bytes();
    // Every symbol opens with a capital series letter: most words are done here.
    if !bytes.first().is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let mut end = 0;
    while end < bytes.len() && is_symbol_byte(bytes[end]) {
        end += 1;
    }
    // Every symbol has a series and a number apart: most capitalised words are done here.
    if !bytes[..end].contains(&b'/') {
        return None;
    }
    // Trailing punctuation belongs to the sentence, and an unbalanced `)` to the brackets
    // around the symbol.
    loop {
        let token = &s[..end];
        let opens = token.matches('(').count();
        let closes = token.matches(')').count();
        if token.ends_with(['.', '-', '*', '/', '(']) || (token.ends_with(')') && closes > opens) {
            end -= 1;
        } else {
            break;
        }
        if end == 0 {
            return None;
        }
    }
    let token = &s[..end];
    let mut segments = token.split('/');
    let series = segments.next()?;
    let rest: Vec<&str> = segments.collect();
    if !is_series(series) || rest.is_empty() || rest.iter().any(|seg| seg.is_empty()) {
        return None;
    }
    if !token.bytes().any(|c| c.is_ascii_digit()) {
        return None;
    }
    // Jointly issued documents (`E/CN.4/2001/2-E/CN.4/Sub.2/2000/46`) designate the first.
    let mut symbol = token.to_string();
    if let Some(p) = joint_split(token) {
        symbol.truncate(p);
    }
    let mut len = end;
    // `A/CONF.157/24 (Part I)`, `S/RES/2720 (2023)`
    let after = &s[end..];
    if let Some(part) = bracketed_suffix(after) {
        symbol.push(' ');
        symbol.push_str(after[..part].trim());
        len += part;
    }
    Some((len, normalise(&symbol)))
}

fn joint_split(token: &str) -> Option<usize> {
    let bytes = token.as_bytes();
    (1..bytes.len())
        .find(|&i| {
            bytes[i - 1] == b'-'
                && bytes[i].is_ascii_uppercase()
                && token[i..].split('/').next().is_some_and(is_series)
                && token[i..].contains('/')
        })
        .map(|i| i - 1)
}

/// ` (Part I)` or ` (2023)` right after a symbol: its length.
pub fn bracketed_suffix(after: &str) -> Option<usize> {
    let rest = after.strip_prefix(' ').unwrap_or(after);
    let offset = after.len() - rest.len();
    let inner = rest.strip_prefix('(')?;
    let close = inner.find(')')?;
    let content = &inner[..close];
    let ok = (content.len() == 4 && content.bytes().all(|c| c.is_ascii_digit()))
        || (content.starts_with("Part ") && content.len() < 12);
    ok.then_some(offset + 1 + close + 1)
}

/// The series that opens the symbols of an organ's acts (`A`, `S`, `A/HRC`, `E`).
pub fn organ_series(organ: Organ) -> &'static str {
    match organ {
        Organ::GeneralAssembly => "A",
        Organ::SecurityCouncil => "S",
        Organ::HumanRightsCouncil => "A/HRC",
        Organ::EconomicAndSocialCouncil => "E",
    }
}

/// The segment that names the kind of act (`RES`, `DEC`).
pub fn kind_segment(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Resolution => "RES",
        DocumentKind::Decision => "DEC",
    }
}

/// The symbol of an act from its organ, kind and number, as the UN prints it (see
/// [`normalise`]): `A/RES/77/213`, `A/RES/66/240 A`, `S/RES/2720 (2023)`.
pub fn mint(organ: Organ, kind: DocumentKind, number: &str) -> String {
    normalise(&format!(
        "{}/{}/{number}",
        organ_series(organ),
        kind_segment(kind)
    ))
}

/// An act's symbol read back into its organ, its kind and its number as printed:
/// `A/HRC/RES/50/4` is the Human Rights Council's resolution `50/4`, `S/RES/2720 (2023)` the
/// Security Council's `2720 (2023)`; `None` for a symbol that is not an act's. The inverse of
/// [`mint`].
pub fn parse_act(symbol: &str) -> Option<(Organ, DocumentKind, &str)> {
    // The Council's series opens with the Assembly's, so it is tried first.
    let organs = [
        Organ::HumanRightsCouncil,
        Organ::GeneralAssembly,
        Organ::SecurityCouncil,
        Organ::EconomicAndSocialCouncil,
    ];
    fn after<'a>(s: &'a str, head: &str) -> Option<&'a str> {
        s.strip_prefix(head)?.strip_prefix('/')
    }
    let (organ, rest) = organs
        .into_iter()
        .find_map(|o| Some((o, after(symbol, organ_series(o))?)))?;
    let (kind, number) = [DocumentKind::Resolution, DocumentKind::Decision]
        .into_iter()
        .find_map(|k| Some((k, after(rest, kind_segment(k))?)))?;
    let number = number.trim();
    number
        .bytes()
        .any(|c| c.is_ascii_digit())
        .then_some((organ, kind, number))
}

/// The special or emergency special session a symbol names (`A/RES/S-32/1` → `S-32`,
/// `A/RES/ES-11/4` → `ES-11`): numbered apart from the regular sessions.
pub fn special_session(symbol: &str) -> Option<&str> {
    symbol.split('/').find(|segment| {
        let digits = segment
            .strip_prefix("ES-")
            .or_else(|| segment.strip_prefix("S-"));
        digits.is_some_and(|d| !d.is_empty() && d.bytes().all(|c| c.is_ascii_digit()))
    })
}

/// A draft's symbol read into the organ it was tabled in and what follows the organ's series:
/// `A/C.1/80/L.17` is a draft of the General Assembly's First Committee, `C.1/80/L.17`;
/// `A/80/L.8/Rev.1` of its plenary; `A/HRC/58/L.5` of the Human Rights Council; `E/2024/L.10`
/// of the Economic and Social Council. A draft's symbol holds a limited-distribution segment
/// (`L.17`) after its session or year; `None` for any other symbol.
pub fn parse_draft(symbol: &str) -> Option<(Organ, &str)> {
    let organs = [
        Organ::HumanRightsCouncil,
        Organ::GeneralAssembly,
        Organ::EconomicAndSocialCouncil,
    ];
    let (organ, rest) = organs.into_iter().find_map(|o| {
        let rest = symbol.strip_prefix(organ_series(o))?.strip_prefix('/')?;
        Some((o, rest))
    })?;
    let segments: Vec<&str> = rest.split('/').collect();
    let limited = segments.iter().position(|s| {
        s.strip_prefix("L.")
            .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
    })?;
    // The session (`80`, `ES-10`) or year stands before it, a committee (`C.1`) maybe before.
    let before = &segments[..limited];
    let dated = before.last().is_some_and(|s| {
        s.bytes().any(|c| c.is_ascii_digit()) && !s.starts_with("C.") && !s.contains('.')
    });
    let committee_ok = before.len() == 1 || (before.len() == 2 && before[0].starts_with("C."));
    (dated && committee_ok).then_some((organ, rest))
}

/// Words UN symbols print in mixed case, before a number (`Add.2`, `Rev.1`, `Corr.1`,
/// `Amend.1`, `Res.1` of UNEP, `Sub.2` of a sub-commission); every other segment is in
/// capitals.
const MIXED_CASE: [&str; 6] = ["Add.", "Rev.", "Corr.", "Amend.", "Res.", "Sub."];

/// A symbol as the UN prints it, however a source wrote it (`A/hrc/RES/50/4`, `A/RES/67/234b`,
/// `A/CONF.157/24(PartI)`): segments in capitals but for `Add.`, `Rev.`, `Corr.`, `Amend.`,
/// `Res.` and `Sub.` and segments that other bodies print in mixed case
/// (`UNEP/OzL.Pro.28/12`); a part letter after a space (`A/RES/66/240 A`,
/// `A/RES/74/255 A-B`); a bracketed part, volume, year or session after a space
/// (`A/CONF.157/24 (Part I)`, `NPT/CONF.2010/50 (Vol. I)`, `S/RES/2720 (2023)`,
/// `A/RES/1874 (S-IV)`). Other brackets stay as printed (`ICCD/COP(14)/23`). Two writings of
/// one document give one symbol, so they meet in one node.
pub fn normalise(symbol: &str) -> String {
    let mut out = String::with_capacity(symbol.len() + 2);
    let segments: Vec<&str> = symbol.trim().split('/').collect();
    let act = segments
        .iter()
        .any(|s| s.eq_ignore_ascii_case("RES") || s.eq_ignore_ascii_case("DEC"));
    for (i, segment) in segments.iter().enumerate() {
        if i > 0 {
            out.push('/');
        }
        let last = i + 1 == segments.len();
        push_segment(&mut out, segment, act && last);
    }
    out
}

/// One segment of [`normalise`]: its words, its brackets, and for the last segment of an act
/// its part letters.
fn push_segment(out: &mut String, segment: &str, part_letters: bool) {
    let (main, bracket) = match segment.find('(') {
        Some(open) if segment.ends_with(')') => (
            segment[..open].trim_end(),
            Some(&segment[open + 1..segment.len() - 1]),
        ),
        _ => (segment, None),
    };
    if let Some(word) = MIXED_CASE
        .iter()
        .find(|w| main.len() > w.len() && main[..w.len()].eq_ignore_ascii_case(w))
    {
        out.push_str(word);
        out.push_str(&main[word.len()..].to_ascii_uppercase());
    } else if part_letters {
        // `240A`, `240 a`, `255a-b`: the number, then its letters after one space.
        let digits = main.bytes().take_while(u8::is_ascii_digit).count();
        let letters = main[digits..].trim_start();
        let is_part = digits > 0
            && !letters.is_empty()
            && letters
                .split(['-', '\u{2013}'])
                .all(|l| l.len() == 1 && l.bytes().all(|b| b.is_ascii_alphabetic()));
        if is_part {
            out.push_str(&main[..digits]);
            out.push(' ');
            out.push_str(&letters.to_ascii_uppercase());
        } else {
            out.push_str(&main.to_ascii_uppercase());
        }
    } else if is_mixed_case(main) {
        // Printed so on purpose by the body that issued it (`UNEP/OzL.Pro.28/12`).
        out.push_str(main);
    } else {
        out.push_str(&main.to_ascii_uppercase());
    }
    let Some(content) = bracket else {
        return;
    };
    match printed_bracket(content) {
        Some(printed) => {
            out.push_str(" (");
            out.push_str(&printed);
            out.push(')');
        }
        None => {
            out.push('(');
            out.push_str(content);
            out.push(')');
        }
    }
}

/// Whether `segment` holds both capitals and small letters.
fn is_mixed_case(segment: &str) -> bool {
    segment.bytes().any(|b| b.is_ascii_uppercase())
        && segment.bytes().any(|b| b.is_ascii_lowercase())
}

/// A bracketed suffix as the UN prints it, if it is one: `Part I`, `Vol. II`, a year, a
/// session (`S-IV`, `ES-10`).
fn printed_bracket(content: &str) -> Option<String> {
    let compact: String = content.chars().filter(|c| !c.is_whitespace()).collect();
    let lower = compact.to_ascii_lowercase();
    for (word, printed) in [
        ("parts", "Parts "),
        ("part", "Part "),
        ("vol.", "Vol. "),
        ("vol", "Vol. "),
    ] {
        if let Some(rest) = lower.strip_prefix(word) {
            let rest = &compact[compact.len() - rest.len()..];
            let roman_or_number = !rest.is_empty()
                && rest
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b"IVXivx".contains(&b));
            return roman_or_number.then(|| format!("{printed}{}", rest.to_ascii_uppercase()));
        }
    }
    let year = compact.len() == 4 && compact.bytes().all(|b| b.is_ascii_digit());
    let session = compact.split_once('-').is_some_and(|(s, n)| {
        matches!(s.to_ascii_lowercase().as_str(), "s" | "es")
            && !n.is_empty()
            && n.bytes()
                .all(|b| b.is_ascii_digit() || b"IVXivx".contains(&b))
    });
    (year || session).then(|| compact.to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One document, however a source writes its symbol, is one symbol.
    #[test]
    fn special_sessions_are_named_apart() {
        assert_eq!(special_session("A/RES/S-32/1"), Some("S-32"));
        assert_eq!(special_session("A/RES/ES-11/4"), Some("ES-11"));
        assert_eq!(special_session("A/RES/80/106"), None);
        assert_eq!(special_session("S/RES/2720 (2023)"), None);
        assert_eq!(special_session("A/S-/1"), None);
    }

    #[test]
    fn symbols_are_normalised_as_the_un_prints_them() {
        for (written, printed) in [
            ("A/RES/77/213", "A/RES/77/213"),
            ("A/hrc/RES/50/4", "A/HRC/RES/50/4"),
            ("a/res/77/213", "A/RES/77/213"),
            ("A/77/463/add.2", "A/77/463/Add.2"),
            ("A/C.3/80/L.54/REV.1", "A/C.3/80/L.54/Rev.1"),
            ("A/ES-10/273/corr.1", "A/ES-10/273/Corr.1"),
            ("ST/SGB/2013/4/AMEND.1", "ST/SGB/2013/4/Amend.1"),
            ("E/CN.4/Sub.2/2000/46", "E/CN.4/Sub.2/2000/46"),
            ("UNEP/EA.4/Res.1", "UNEP/EA.4/Res.1"),
            ("UNEP/OzL.Pro.28/12", "UNEP/OzL.Pro.28/12"),
            (
                "ATT/CSP9/2023/SEC/773/Conf.FinRep.Rev2",
                "ATT/CSP9/2023/SEC/773/Conf.FinRep.Rev2",
            ),
            ("A/RES/67/234b", "A/RES/67/234 B"),
            ("A/RES/66/240 A", "A/RES/66/240 A"),
            ("A/RES/74/255a-b", "A/RES/74/255 A-B"),
            ("A/RES/78/80 A-B", "A/RES/78/80 A-B"),
            ("A/RES/1874(s-iv)", "A/RES/1874 (S-IV)"),
            ("S/RES/2720 (2023)", "S/RES/2720 (2023)"),
            ("S/RES/2720(2023)", "S/RES/2720 (2023)"),
            ("A/CONF.157/24(PartI)", "A/CONF.157/24 (Part I)"),
            ("NPT/CONF.2010/50(Vol.I)", "NPT/CONF.2010/50 (Vol. I)"),
            ("A/75/49 (vol. I)", "A/75/49 (Vol. I)"),
            ("ICCD/COP(14)/23/Add.1", "ICCD/COP(14)/23/Add.1"),
            ("A/77/10", "A/77/10"),
            ("S/2023/123", "S/2023/123"),
            ("A/HRC/52/L.1", "A/HRC/52/L.1"),
            ("A/RES/ES-10/21", "A/RES/ES-10/21"),
            ("A/RES/S-27/2", "A/RES/S-27/2"),
        ] {
            assert_eq!(normalise(written), printed, "{written}");
            assert_eq!(normalise(printed), printed, "{printed} is a fixed point");
        }
    }

    #[test]
    fn acts_are_read_back_from_their_symbols() {
        use DocumentKind::{Decision, Resolution};
        let ga = Organ::GeneralAssembly;
        assert_eq!(parse_act("A/RES/78/1"), Some((ga, Resolution, "78/1")));
        assert_eq!(
            parse_act("A/HRC/RES/50/4"),
            Some((Organ::HumanRightsCouncil, Resolution, "50/4"))
        );
        assert_eq!(
            parse_act("S/RES/2720 (2023)"),
            Some((Organ::SecurityCouncil, Resolution, "2720 (2023)"))
        );
        assert_eq!(parse_act("A/DEC/78/555"), Some((ga, Decision, "78/555")));
        assert_eq!(parse_act("A/78/L.1"), None);
        assert_eq!(parse_act("A/HRC/52/L.1"), None);
        assert_eq!(parse_act("A/RES/"), None);
        for (organ, kind, number) in [(ga, Resolution, "77/213"), (ga, Decision, "78/555")] {
            assert_eq!(
                parse_act(&mint(organ, kind, number)),
                Some((organ, kind, number))
            );
        }
    }

    #[test]
    fn acts_are_minted_as_printed() {
        let ga = Organ::GeneralAssembly;
        assert_eq!(mint(ga, DocumentKind::Resolution, "77/213"), "A/RES/77/213");
        assert_eq!(parse_draft("A/C.1/80/L.17"), Some((ga, "C.1/80/L.17")));
        assert_eq!(parse_draft("A/80/L.8/Rev.1"), Some((ga, "80/L.8/Rev.1")));
        assert_eq!(parse_draft("A/ES-10/L.30"), Some((ga, "ES-10/L.30")));
        assert_eq!(
            parse_draft("A/HRC/58/L.5"),
            Some((Organ::HumanRightsCouncil, "58/L.5"))
        );
        assert_eq!(parse_draft("A/AC.105/L.330"), None);
        assert_eq!(parse_draft("A/80/537"), None);
        assert_eq!(parse_draft("A/RES/80/1"), None);
        assert_eq!(
            mint(ga, DocumentKind::Resolution, "78/218 B"),
            "A/RES/78/218 B"
        );
        assert_eq!(mint(ga, DocumentKind::Decision, "78/555"), "A/DEC/78/555");
        let sc = Organ::SecurityCouncil;
        assert_eq!(
            mint(sc, DocumentKind::Resolution, "2720 (2023)"),
            "S/RES/2720 (2023)"
        );
    }
}
