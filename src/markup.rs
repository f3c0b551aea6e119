//! Markup shared by the writers of XML and HTML: text escaped as XML 1.0 may hold it (one pass,
//! 32-byte blocks passed over when nothing in them needs it), safe attribute values, a table
//! cell's element, and the plain text of inline runs.

use crate::model::{Inline, TableCell};
use quick_xml::events::BytesStart;
use std::io::{self, Write};

/// What [`escaped_text`] does with each byte: 0 copy, 1 escape, 2 replace (a control
/// character XML 1.0 forbids), 3 look closer (0xEF may open U+FFFE or U+FFFF).
const TEXT_BYTE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = 2;
        b += 1;
    }
    t[b'\t' as usize] = 0;
    t[b'\n' as usize] = 0;
    t[b'\r' as usize] = 0;
    t[b'&' as usize] = 1;
    t[b'<' as usize] = 1;
    t[b'>' as usize] = 1;
    t[b'\'' as usize] = 1;
    t[b'"' as usize] = 1;
    t[0xef] = 3;
    t
};

/// Whether any byte of `block` may need escaping or replacing: a coarse test without table
/// lookups or branches, which the compiler turns into vector compares.
#[inline]
fn may_need_escape(block: &[u8]) -> bool {
    block.iter().fold(0u8, |any, &b| {
        any | u8::from(b < 0x20)
            | u8::from(b == b'&')
            | u8::from(b == b'<')
            | u8::from(b == b'>')
            | u8::from(b == b'\'')
            | u8::from(b == b'"')
            | u8::from(b == 0xef)
    }) != 0
}

/// Writes `text` as XML 1.0 may hold it, escaped in one pass: `& < > ' "` as entities, and
/// characters XML forbids (C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF)
/// as U+FFFD. Readers already remove those from inputs; this keeps a model built by other code
/// from producing a file no parser accepts. Blocks of 32 bytes that pass `may_need_escape`
/// are copied without a look at each byte.
pub fn write_escaped(w: &mut impl Write, text: &str) -> io::Result<()> {
    const BLOCK: usize = 32;
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let block_end = (i + BLOCK).min(bytes.len());
        if !may_need_escape(&bytes[i..block_end]) {
            i = block_end;
            continue;
        }
        while i < block_end {
            let replacement = match TEXT_BYTE[bytes[i] as usize] {
                0 => None,
                1 => Some(match bytes[i] {
                    b'&' => "&amp;",
                    b'<' => "&lt;",
                    b'>' => "&gt;",
                    b'\'' => "&apos;",
                    _ => "&quot;",
                }),
                2 => Some("\u{fffd}"),
                _ => matches!(text.get(i..i + 3), Some("\u{fffe}" | "\u{ffff}"))
                    .then_some("\u{fffd}"),
            };
            let Some(replacement) = replacement else {
                i += 1;
                continue;
            };
            w.write_all(&bytes[copied..i])?;
            w.write_all(replacement.as_bytes())?;
            i += if bytes[i] == 0xef { 3 } else { 1 };
            copied = i;
        }
    }
    w.write_all(&bytes[copied..])
}

/// [`write_escaped`] into a string; text needing no change is borrowed as it is.
pub fn escaped_text(text: &str) -> std::borrow::Cow<'_, str> {
    if !may_need_escape(text.as_bytes()) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = Vec::with_capacity(text.len() + 16);
    write_escaped(&mut out, text).expect("writing to memory");
    // Escapes and U+FFFD replace whole characters: the bytes stay UTF-8.
    std::borrow::Cow::Owned(String::from_utf8(out).expect("UTF-8 in, UTF-8 out"))
}

/// Text as XML 1.0 may hold it, unescaped (for attribute values, which the writer escapes).
pub fn xml_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let forbidden = |c: char| matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}');
    if text.bytes().any(|b| TEXT_BYTE[b as usize] >= 2) && text.contains(forbidden) {
        std::borrow::Cow::Owned(text.replace(forbidden, "\u{fffd}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// A start tag with its attributes, their values made [`xml_safe`], for quick-xml's writer.
pub fn start_tag(name: &str, attrs: &[(&str, &str)]) -> BytesStart<'static> {
    let mut s = BytesStart::new(name.to_string());
    for &(k, v) in attrs {
        s.push_attribute((k, xml_safe(v).as_ref()));
    }
    s
}

/// Calls `write` with a table cell's element and attributes (`colspan` when it spans columns):
/// AKN takes its table markup from HTML, and the HTML page writes cells alike.
pub fn with_cell_markup<R>(
    heading: bool,
    cell: &TableCell,
    write: impl FnOnce(&str, &[(&str, &str)]) -> R,
) -> R {
    let name = if heading { "th" } else { "td" };
    let columns = cell.columns.to_string();
    if cell.columns > 1 {
        write(name, &[("colspan", &columns)])
    } else {
        write(name, &[])
    }
}

/// The text of inline runs without their markup (footnote markers left out).
pub fn plain_text(runs: &[Inline]) -> String {
    let len = runs
        .iter()
        .map(|r| match r {
            Inline::Text(t) | Inline::Phrase(t) | Inline::Emphasis(t) => t.len(),
            Inline::Ref(c) => c.text.len(),
            Inline::NoteRef { .. } => 0,
        })
        .sum();
    let mut s = String::with_capacity(len);
    push_plain_text(runs, &mut s);
    s
}

/// [`plain_text`] appended to `s`: for a caller that reads many divisions' text through one
/// buffer.
pub fn push_plain_text(runs: &[Inline], s: &mut String) {
    for r in runs {
        match r {
            Inline::Text(t) | Inline::Phrase(t) | Inline::Emphasis(t) => s.push_str(t),
            Inline::Ref(c) => s.push_str(&c.text),
            Inline::NoteRef { .. } => {}
        }
    }
}

/// [`plain_text`], borrowed when the runs are one run of plain text (most paragraphs are).
pub fn plain_str(runs: &[Inline]) -> std::borrow::Cow<'_, str> {
    match runs {
        [Inline::Text(t)] => std::borrow::Cow::Borrowed(t),
        _ => std::borrow::Cow::Owned(plain_text(runs)),
    }
}

/// A list as prose: `A, B and C`.
pub fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// An operative paragraph's whole text as printed, its sub-items (`(a) …`) and closing words
/// run in, markup and footnote markers left out: what the RDF states as its text and what a
/// diff compares.
pub fn paragraph_text(p: &crate::model::Paragraph) -> String {
    let mut full = plain_text(&p.text);
    append_items(&mut full, &p.items);
    if !p.wrap_up.is_empty() {
        full.push(' ');
        full.push_str(&plain_text(&p.wrap_up));
    }
    full.trim().to_string()
}

/// A sub-item's whole text, its own sub-items run in.
pub fn item_text(item: &crate::model::Item) -> String {
    let mut full = plain_text(&item.text);
    append_items(&mut full, &item.items);
    full.trim().to_string()
}

fn append_items(full: &mut String, items: &[crate::model::Item]) {
    for item in items {
        full.push_str(&format!(" {} ", item.printed_number()));
        full.push_str(&plain_text(&item.text));
        append_items(full, &item.items);
    }
}

#[cfg(test)]
mod tests {
    use super::escaped_text;

    #[test]
    fn text_is_escaped_and_made_safe_in_one_pass() {
        assert!(matches!(
            escaped_text("plain – “text”"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(
            escaped_text("a<b & 'c' \"d\" e>f\u{1}g\u{fffe}h\u{ffff}\u{fffd}\tï"),
            "a&lt;b &amp; &apos;c&apos; &quot;d&quot; e&gt;f\u{fffd}g\u{fffd}h\u{fffd}\u{fffd}\tï"
        );
        assert_eq!(escaped_text("&"), "&amp;");
    }

    proptest::proptest! {
        /// The block-skipping escape agrees with escaping character by character, wherever the
        /// characters fall against the 32-byte blocks.
        #[test]
        fn escape_is_per_character(s in "[a<>&'\"\u{1}\u{1f}\t\n\u{fffe}\u{ffff}\u{fffd}ïé ]{0,90}") {
            let expected: String = s
                .chars()
                .map(|c| match c {
                    '&' => "&amp;".to_string(),
                    '<' => "&lt;".to_string(),
                    '>' => "&gt;".to_string(),
                    '\'' => "&apos;".to_string(),
                    '"' => "&quot;".to_string(),
                    '\t' | '\n' => c.to_string(),
                    '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => "\u{fffd}".to_string(),
                    _ => c.to_string(),
                })
                .collect();
            proptest::prop_assert_eq!(escaped_text(&s), expected);
        }
    }
}
