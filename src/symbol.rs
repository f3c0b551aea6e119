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
    Some((len, symbol))
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

/// The symbol of an act from its organ, kind and number as given: `A/RES/77/213`.
pub fn mint(organ: Organ, kind: DocumentKind, number: &str) -> String {
    format!("{}/{}/{number}", organ_series(organ), kind_segment(kind))
}

/// A number as symbols write it: `78/218 B` becomes `78/218B`; the Security Council's
/// `2720 (2023)` keeps its space.
pub fn compact_number(number: &str) -> String {
    if number.contains('(') {
        number.to_string()
    } else {
        number.replace(' ', "")
    }
}
