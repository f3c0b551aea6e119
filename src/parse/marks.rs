//! Footnote marks inside line text. Preparation finds each footnote's marker where it is printed
//! (a raised digit in a PDF, `[^1]`, `<sup>1</sup>` or `¹` in markdown) and writes it as one
//! sentinel, `MARK_OPEN marker MARK_CLOSE`; every later pass reads the sentinel alone, through
//! the functions here.

/// Opens a marker inside line text. Private-use characters, so they never collide with
/// document text.
pub const MARK_OPEN: char = '\u{E000}';
/// Closes a marker.
pub const MARK_CLOSE: char = '\u{E001}';

/// Superscript digits, as markdown converters and printed markers write them.
const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// `¹` → `1`.
pub fn superscript_digit(c: char) -> Option<char> {
    SUPERSCRIPTS
        .iter()
        .position(|&s| s == c)
        .map(|d| char::from(b'0' + d as u8))
}

/// The marker as superscript digits, as a footnote marker is printed.
pub fn superscript(marker: &str) -> String {
    marker
        .chars()
        .map(|c| c.to_digit(10).map_or(c, |d| SUPERSCRIPTS[d as usize]))
        .collect()
}

/// Appends `marker` as a sentinel.
pub fn push_mark(out: &mut String, marker: &str) {
    out.push(MARK_OPEN);
    out.push_str(marker);
    out.push(MARK_CLOSE);
}

/// Marks the `len` bytes at `at` (a marker's digits where they stand) as a sentinel; returns
/// the offset just after it.
pub fn mark_in_place(text: &mut String, at: usize, len: usize) -> usize {
    text.insert(at + len, MARK_CLOSE);
    text.insert(at, MARK_OPEN);
    at + len + MARK_OPEN.len_utf8() + MARK_CLOSE.len_utf8()
}

/// The marker at the start of `after_open` (the text after a [`MARK_OPEN`]) and the bytes it
/// takes with its closing sentinel (an unclosed marker runs to the end).
pub fn read_mark(after_open: &str) -> (&str, usize) {
    after_open
        .find(MARK_CLOSE)
        .map_or((after_open, after_open.len()), |p| {
            (&after_open[..p], p + MARK_CLOSE.len_utf8())
        })
}

/// The text of `text` cut at its marks: `(text before, Some(marker))` for each mark in order,
/// then `(the rest, None)`.
pub fn split_marks(text: &str) -> SplitMarks<'_> {
    SplitMarks { rest: Some(text) }
}

/// The markers of `text`, in order.
pub fn markers(text: &str) -> impl Iterator<Item = &str> {
    split_marks(text).filter_map(|(_, marker)| marker)
}

/// `text` without the marks (and stars) that end it: `continues,¹` reads as `continues,`.
pub fn strip_trailing_marks(text: &str) -> &str {
    let mut t = text.trim_end();
    loop {
        if let Some(stripped) = t.strip_suffix(MARK_CLOSE) {
            t = stripped
                .rsplit_once(MARK_OPEN)
                .map_or(stripped, |(before, _)| before)
                .trim_end();
        } else if let Some(stripped) = t.strip_suffix('*') {
            t = stripped.trim_end();
        } else {
            return t;
        }
    }
}

/// See [`split_marks`].
pub struct SplitMarks<'a> {
    rest: Option<&'a str>,
}

impl<'a> Iterator for SplitMarks<'a> {
    type Item = (&'a str, Option<&'a str>);

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.rest?;
        match rest.split_once(MARK_OPEN) {
            Some((before, after)) => {
                let (marker, used) = read_mark(after);
                self.rest = Some(&after[used..]);
                Some((before, Some(marker)))
            }
            None => {
                self.rest = None;
                Some((rest, None))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_written_and_read_alike() {
        let mut text = String::from("States");
        push_mark(&mut text, "12");
        text.push_str(" and peoples");
        let last = text.len() - 1;
        let end = mark_in_place(&mut text, last, 1);
        assert_eq!(end, text.len());
        let cut: Vec<_> = split_marks(&text).collect();
        assert_eq!(
            cut,
            [
                ("States", Some("12")),
                (" and people", Some("s")),
                ("", None)
            ]
        );
        assert_eq!(markers(&text).collect::<Vec<_>>(), ["12", "s"]);
        assert_eq!(
            strip_trailing_marks(&text),
            "States\u{E000}12\u{E001} and people"
        );
        assert_eq!(
            read_mark("3"),
            ("3", 1),
            "an unclosed marker runs to the end"
        );
        assert_eq!(superscript("12"), "¹²");
        assert_eq!(superscript_digit('³'), Some('3'));
    }
}
