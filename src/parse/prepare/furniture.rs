//! Page furniture: what a PDF prints on every page (job numbers, barcodes, page counters,
//! running symbols) and is not the document's text.

/// What a line of page text is, as far as furniture goes.
pub fn is_page_counter(t: &str) -> bool {
    if t.len() > 7 {
        return false;
    }
    let Some((a, b)) = t.split_once('/') else {
        return false;
    };
    let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>()) else {
        return false;
    };
    a >= 1 && a <= b && b >= 2
}

/// `23-26260 (E)    030124`, `23-26260`, `22-28954 (E)`.
pub fn is_job_number(t: &str) -> bool {
    let b = t.as_bytes();
    if b.len() < 8 || !b[..2].iter().all(u8::is_ascii_digit) || b[2] != b'-' {
        return false;
    }
    let digits = b[3..].iter().take_while(|c| c.is_ascii_digit()).count();
    if !(4..=6).contains(&digits) {
        return false;
    }
    // A reissued document's job number carries a star: `23-24915* (E)`.
    let rest = t[3 + digits..].trim().trim_start_matches('*').trim_start();
    let rest = rest
        .strip_prefix('(')
        .and_then(|r| r.get(1..))
        .and_then(|r| r.strip_prefix(')'))
        .map_or(rest, str::trim);
    rest.is_empty() || rest.bytes().all(|c| c.is_ascii_digit()) && rest.len() == 6
}

/// `*2326260*`
pub fn is_barcode(t: &str) -> bool {
    t.len() > 3
        && t.starts_with('*')
        && t.ends_with('*')
        && t[1..t.len() - 1].bytes().all(|c| c.is_ascii_digit())
}

/// `* * *` between parts of a text: an ornament, not words.
pub(super) fn is_separator(t: &str) -> bool {
    t.len() >= 3 && t.contains(' ') && t.chars().all(|c| c == '*' || c == ' ')
}

pub(super) fn is_footnote_rule(t: &str) -> bool {
    t.len() >= 5 && t.bytes().all(|c| c == b'_')
}

/// A document symbol standing alone on a line: `A/RES/78/10`, `S/RES/2720 (2023)`.
pub fn is_symbol_line(t: &str) -> bool {
    let first = t.split('/').next().unwrap_or("");
    t.contains('/')
        && !first.is_empty()
        && first.bytes().all(|c| c.is_ascii_uppercase())
        && !t.contains(". ")
        && t.len() < 40
        && t.bytes().any(|c| c.is_ascii_digit())
}

/// A symbol without the star that marks a reissued document (`A/RES/78/68*`).
pub fn unstarred(symbol: &str) -> &str {
    symbol.trim_end_matches('*').trim_end()
}

/// Whitespace collapsed, for comparing header lines.
pub(super) fn squash(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}
