//! Inline content of one paragraph: markdown marks, footnote markers, citations and the
//! opening phrase, turned into [`Inline`] runs.

use super::citations;
use super::marks::{self, MARK_OPEN};
use super::prepare::Flavour;
use crate::model::{Inline, Organ};
use crate::phrase::opening_phrase;
use std::collections::HashMap;

/// What inline parsing needs to know about the document.
pub struct Context<'a> {
    pub flavour: Flavour,
    pub organ: Organ,
    /// Footnote marker → index into the document's footnotes.
    pub notes: &'a HashMap<String, usize>,
}

enum Segment {
    Plain(String),
    Italic(String),
    Marker(String),
}

/// Appends `run` to the last segment when it has the same style, else opens one.
fn push_run(segments: &mut Vec<Segment>, italic: bool, run: &str) {
    if run.is_empty() {
        return;
    }
    match segments.last_mut() {
        Some(Segment::Italic(s)) if italic => s.push_str(run),
        Some(Segment::Plain(s)) if !italic => s.push_str(run),
        _ if italic => segments.push(Segment::Italic(run.to_string())),
        _ => segments.push(Segment::Plain(run.to_string())),
    }
}

/// Splits `text` into plain, italic and marker segments, undoing markdown escapes and links.
/// Text between marks is copied as whole runs; only the mark characters are looked at.
fn segments(text: &str, flavour: Flavour) -> Vec<Segment> {
    let markdown = flavour == Flavour::Markdown;
    // In page text only footnote markers are marks: the runs between them are cut out whole.
    if !markdown {
        let mut out = Vec::new();
        for (before, marker) in marks::split_marks(text) {
            push_run(&mut out, false, before);
            if let Some(marker) = marker {
                out.push(Segment::Marker(marker.to_string()));
            }
        }
        if out.is_empty() {
            out.push(Segment::Plain(String::new()));
        }
        return out;
    }
    let mut out = Vec::new();
    let mut italic = false;
    // An odd `*` (single, not `**`) has no partner: it is a printed star, not markup.
    let lone_star = unpaired_star(text);
    // Link openers `[` whose `](` follows: the brackets are markup, the text is kept.
    let mut link_closes = 0usize;
    let bytes = text.as_bytes();
    // Where the text not yet copied begins, and where to look for the next mark.
    let mut run = 0;
    let mut i = 0;
    // Only these bytes can open a mark (0xEE: the lead byte of the marker opener).
    while let Some(offset) = bytes[i..]
        .iter()
        .position(|b| matches!(b, b'\\' | b'*' | b'[' | b']' | 0xee))
    {
        let at = i + offset;
        let c = text[at..].chars().next().expect("a character starts here");
        let after = at + c.len_utf8();
        let next = text[after..].chars().next();
        let markup = match c {
            MARK_OPEN => true,
            '\\' => next.is_some_and(|n| n.is_ascii_punctuation()),
            '*' => Some(at) != lone_star,
            '[' => link_target_follows(&text[at..]),
            ']' => link_closes > 0 && text[at..].starts_with("]("),
            _ => false,
        };
        if !markup {
            i = after;
            continue;
        }
        push_run(&mut out, italic, &text[run..at]);
        i = match c {
            MARK_OPEN => {
                let (marker, used) = marks::read_mark(&text[after..]);
                out.push(Segment::Marker(marker.to_string()));
                after + used
            }
            // The escaped character starts the next run, as text.
            '\\' => {
                run = after;
                i = after + next.map_or(0, char::len_utf8);
                continue;
            }
            // `**bold**` carries nothing resolutions need; a lone `*` toggles italics.
            '*' if next == Some('*') => after + 1,
            '*' => {
                italic = !italic;
                after
            }
            '[' => {
                link_closes += 1;
                after
            }
            _ => {
                link_closes -= 1;
                // Drop the link target `(...)`, which opens right after.
                let mut depth = 0;
                let mut end = text.len();
                for (k, n) in text[after..].char_indices() {
                    match n {
                        '(' => depth += 1,
                        ')' => {
                            depth -= 1;
                            if depth == 0 {
                                end = after + k + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                end
            }
        };
        run = i;
    }
    push_run(&mut out, italic, &text[run..]);
    out
}

/// The offset of the last single `*` of `text` when their number is odd.
fn unpaired_star(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut singles = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'*' if bytes.get(i + 1) == Some(&b'*') => i += 1,
            b'*' => singles.push(i),
            _ => {}
        }
        i += 1;
    }
    (singles.len() % 2 == 1).then(|| singles[singles.len() - 1])
}

/// Whether `s` (starting at `[`) is a markdown link: `[text](target)` on one line.
fn link_target_follows(s: &str) -> bool {
    let mut depth = 0;
    for (i, c) in s.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return s[i..].starts_with("](");
                }
            }
            '\n' => return false,
            _ => {}
        }
    }
    false
}

/// The text without marks: what structure rules look at.
pub fn plain(text: &str, flavour: Flavour) -> String {
    // Page text without footnote markers is one plain run (see `segments`).
    if flavour != Flavour::Markdown && !text.contains(MARK_OPEN) {
        return collapse(text);
    }
    let mut s = String::with_capacity(text.len());
    for seg in segments(text, flavour) {
        match seg {
            Segment::Plain(t) | Segment::Italic(t) => s.push_str(&t),
            Segment::Marker(_) => {}
        }
    }
    collapse(&s)
}

/// `8.`: a paragraph number as printed.
fn is_printed_number(t: &str) -> bool {
    t.trim()
        .strip_suffix('.')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()))
}

/// Whitespace runs as single spaces, ends trimmed.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_collapsed(&mut out, s, &mut true);
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Byte classes for whitespace scanning: 0 never whitespace, 1 ASCII whitespace, 2 the lead
/// byte of a character that may be one of Unicode's non-ASCII spaces (decoded to tell).
const SPACE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => 1,
            0xc2 | 0xe1 | 0xe2 | 0xe3 => 2,
            _ => 0,
        };
        b += 1;
    }
    t
};

/// The byte length of the whitespace character at `i`, or 0.
#[inline]
fn whitespace_len(s: &str, i: usize) -> usize {
    match SPACE_CLASS[s.as_bytes()[i] as usize] {
        0 => 0,
        1 => 1,
        _ => s[i..]
            .chars()
            .next()
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8),
    }
}

/// A searcher for two spaces, built once (building one costs more than most searches).
static DOUBLE_SPACE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("  "));

/// Whether `s` has no whitespace but single ASCII spaces.
fn is_collapsed(s: &str) -> bool {
    let bytes = s.as_bytes();
    memchr::memchr3(b'\t', b'\n', b'\r', bytes).is_none()
        && memchr::memchr2(0x0b, 0x0c, bytes).is_none()
        && DOUBLE_SPACE.find(bytes).is_none()
        && memchr::memchr3_iter(0xc2, 0xe1, 0xe2, bytes)
            .chain(memchr::memchr_iter(0xe3, bytes))
            .all(|i| whitespace_len(s, i) == 0)
}

/// Appends `s` to `out` with each whitespace run as one space, none at the start when
/// `prev_space` (whitespace just before `s`). Words with the single spaces between them are
/// copied as whole runs: this runs over every paragraph twice, so it stays a tight loop.
fn push_collapsed(out: &mut String, s: &str, prev_space: &mut bool) {
    if let Some(run) = collapsed_run(s, prev_space) {
        out.push_str(run);
        return;
    }
    collapse_into(out, s, prev_space);
}

/// Most runs are collapsed already (told by vectorised searches): such a run as it goes out,
/// without the space at its start when `prev_space`, which is updated. `None` when `s` has
/// whitespace to collapse.
fn collapsed_run<'s>(s: &'s str, prev_space: &mut bool) -> Option<&'s str> {
    if !is_collapsed(s) {
        return None;
    }
    let s = if *prev_space {
        s.strip_prefix(' ').unwrap_or(s)
    } else {
        s
    };
    if !s.is_empty() {
        *prev_space = s.ends_with(' ');
    }
    Some(s)
}

/// [`push_collapsed`] for a run with whitespace to collapse, byte by byte.
fn collapse_into(out: &mut String, s: &str, prev_space: &mut bool) {
    let bytes = s.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        let start = i;
        while i < n {
            match SPACE_CLASS[bytes[i] as usize] {
                0 => i += 1,
                1 if bytes[i] == b' '
                    && i > start
                    && i + 1 < n
                    && SPACE_CLASS[bytes[i + 1] as usize] == 0 =>
                {
                    i += 2
                }
                1 => break,
                _ if whitespace_len(s, i) == 0 => i += 1,
                _ => break,
            }
        }
        if i > start {
            out.push_str(&s[start..i]);
            *prev_space = false;
        }
        let mut spaces = false;
        while i < n {
            let w = whitespace_len(s, i);
            if w == 0 {
                break;
            }
            i += w;
            spaces = true;
        }
        if spaces && !*prev_space {
            out.push(' ');
            *prev_space = true;
        }
    }
}

/// Whether a run opens with a phrase ([`Inline::Phrase`]), and how it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    /// No phrase: titles, headings, sub-items, table cells.
    None,
    /// The italic words the text opens with, where the input prints italics; none else.
    Printed,
    /// Printed, or where the input has no italics, the phrase the grammar of a resolution's
    /// recitals and operative paragraphs finds.
    Guessed,
}

/// Builds the inlines of `text`, its opening phrase an [`Inline::Phrase`] as `opening` says.
pub fn inlines(text: &str, ctx: &Context, opening: Opening) -> Vec<Inline> {
    let mut segs = segments(text, ctx.flavour);
    let mut out: Vec<Inline> = Vec::new();
    if opening != Opening::None {
        // Leading whitespace does not count.
        if let Some(Segment::Plain(p)) = segs.first() {
            if p.trim().is_empty() && segs.len() > 1 {
                segs.remove(0);
            }
        }
        // A paragraph number printed in the text (`8. *Reaffirms*`, a paragraph read among the
        // recitals) comes before the phrase, as the AKN reader has it.
        let printed_number = match (segs.first(), segs.get(1)) {
            (Some(Segment::Plain(p)), Some(Segment::Italic(_))) => is_printed_number(p),
            _ => false,
        };
        if printed_number {
            if let Segment::Plain(p) = segs.remove(0) {
                out.push(Inline::Text(p));
            }
        }
        match segs.first_mut() {
            Some(Segment::Italic(it)) => {
                let p = collapse(it);
                if !p.is_empty() {
                    out.push(Inline::Phrase(p));
                }
                segs.remove(0);
            }
            Some(Segment::Plain(p)) if opening == Opening::Guessed => {
                let trimmed = p.trim_start().to_string();
                if let Some(n) = opening_phrase(&trimmed) {
                    out.push(Inline::Phrase(collapse(&trimmed[..n])));
                    *p = trimmed[n..].to_string();
                }
            }
            _ => {}
        }
    }
    for seg in segs {
        match seg {
            Segment::Plain(t) => citations::link(t, ctx.organ, &mut out),
            Segment::Italic(t) => out.push(Inline::Emphasis(t)),
            Segment::Marker(m) => match ctx.notes.get(&m) {
                Some(&index) => out.push(Inline::NoteRef { marker: m, index }),
                // A marker no footnote answers (reported by the line reader): as printed.
                None => out.push(Inline::Text(marks::superscript(&m))),
            },
        }
    }
    normalise_space(out)
}

/// Number ranges are printed closed up (`3–14 June`, `2015–2030`); PDF text often puts spaces
/// around the dash, which are dropped here.
fn close_up_ranges(s: String) -> String {
    if !s.contains('–') {
        return s;
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == ' ' {
            // ` – ` or ` –` or `– ` between digits.
            let dash = if chars.get(i + 1) == Some(&'–') {
                Some(i + 1)
            } else {
                None
            };
            if let Some(d) = dash {
                let before = i
                    .checked_sub(1)
                    .and_then(|b| chars.get(b))
                    .is_some_and(char::is_ascii_digit);
                let after_at = if chars.get(d + 1) == Some(&' ') {
                    d + 2
                } else {
                    d + 1
                };
                if before && chars.get(after_at).is_some_and(char::is_ascii_digit) {
                    out.push('–');
                    i = after_at;
                    continue;
                }
            }
        }
        if chars[i] == '–' && chars.get(i + 1) == Some(&' ') {
            let before = i
                .checked_sub(1)
                .and_then(|b| chars.get(b))
                .is_some_and(char::is_ascii_digit);
            if before && chars.get(i + 2).is_some_and(char::is_ascii_digit) {
                out.push('–');
                i += 2;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// `neo- Nazism`, `well- being`: PDF text sometimes leaves a space after a hyphen that ends a
/// line. A hyphen followed by a space is kept only where it is suspended (`age- and
/// gender-responsive`, `pre- or post-`).
fn close_up_hyphens(s: String) -> String {
    if !s.contains("- ") {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(p) = rest.find("- ") {
        let (head, tail) = rest.split_at(p);
        out.push_str(head);
        out.push('-');
        let after = &tail[2..];
        let next_word = after.split(' ').next().unwrap_or("");
        let suspended = matches!(next_word, "and" | "or" | "to" | "nor" | "and/or");
        let word_before = head.chars().last().is_some_and(char::is_alphabetic);
        if suspended || !word_before {
            out.push(' ');
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Collapses whitespace across runs, so that the text reads as printed.
/// Adds a space after the runs so far, to the last text run when there is one.
fn push_space(out: &mut Vec<Inline>) {
    match out.last_mut() {
        Some(Inline::Text(t)) => {
            if !t.ends_with(' ') {
                t.push(' ');
            }
        }
        _ => out.push(Inline::Text(" ".to_string())),
    }
}

fn normalise_space(runs: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(runs.len());
    // Trims the start.
    let mut prev_space = true;
    // Collapsed runs (most) are kept, not copied.
    let squash = |mut s: String, prev_space: &mut bool| -> String {
        if let Some(run) = collapsed_run(&s, prev_space) {
            let dropped = s.len() - run.len();
            s.drain(..dropped);
            return s;
        }
        let mut o = String::with_capacity(s.len());
        collapse_into(&mut o, &s, prev_space);
        o
    };
    for run in runs {
        match run {
            Inline::Text(t) => {
                let s = close_up_hyphens(close_up_ranges(squash(t, &mut prev_space)));
                if !s.is_empty() {
                    out.push(Inline::Text(s));
                }
            }
            Inline::Emphasis(t) => {
                // Spaces at the edges of italics belong to the text around them, as the AKN
                // reader has them: `<i> its</i>` reads as ` <i>its</i>`.
                let s = squash(t, &mut prev_space);
                let core = s.trim();
                if s.starts_with(' ') {
                    push_space(&mut out);
                }
                if !core.is_empty() {
                    out.push(Inline::Emphasis(core.to_string()));
                    if s.ends_with(' ') {
                        push_space(&mut out);
                    }
                }
            }
            Inline::Phrase(p) => {
                prev_space = false;
                out.push(Inline::Phrase(p));
            }
            Inline::Ref(c) => {
                prev_space = false;
                out.push(Inline::Ref(c));
            }
            Inline::NoteRef { marker, index } => out.push(Inline::NoteRef { marker, index }),
        }
    }
    // Trim the end.
    while let Some(last) = out.last_mut() {
        match last {
            Inline::Text(t) | Inline::Emphasis(t) => {
                let trimmed = t.trim_end().len();
                if trimmed == 0 {
                    out.pop();
                    continue;
                }
                t.truncate(trimmed);
            }
            Inline::Phrase(_) | Inline::Ref(_) | Inline::NoteRef { .. } => {}
        }
        break;
    }
    // A phrase is followed by a space in print; keep it in the following text. A word set in
    // italics only in part (`*Encourage*s`) goes on without one.
    if let (Some(Inline::Phrase(_)), Some(Inline::Text(t))) = (out.first(), out.get(1)) {
        if !t.starts_with(' ')
            && !t.starts_with([',', ';', ':', '.'])
            && !t.starts_with(|c: char| c.is_lowercase())
        {
            if let Some(Inline::Text(t)) = out.get_mut(1) {
                t.insert(0, ' ');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
