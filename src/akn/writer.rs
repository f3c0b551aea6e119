//! The XML writer: elements, attributes and escaped text written straight to the output,
//! indented as the UN's files are. Hand-written rather than built on an XML library: it is
//! what took text → AKN past 100 MB/s (BENCHMARKS.md).

use super::*;

/// A writer that indents blocks and leaves inline content untouched. It writes markup
/// straight to the output: tags are built from names the writer knows and values it escapes.
pub(super) struct Xml<W: Write> {
    pub(super) w: W,
    pub(super) depth: usize,
    /// The mandates to mark in the document's divisions.
    pub(super) marks: Marks,
}

impl<W: Write> Xml<W> {
    #[inline]
    pub(super) fn newline(&mut self) -> io::Result<()> {
        self.w.write_all(b"\n")
    }

    #[inline]
    pub(super) fn indent(&mut self) -> io::Result<()> {
        const PAD: &[u8] = b"\n                                                                ";
        let width = 1 + 2 * self.depth;
        if width <= PAD.len() {
            self.w.write_all(&PAD[..width])
        } else {
            self.w.write_all(b"\n")?;
            self.w.write_all("  ".repeat(self.depth).as_bytes())
        }
    }

    /// `<name a="v">` (or `<name a="v"/>` when `empty`), values escaped.
    #[inline]
    pub(super) fn tag(
        &mut self,
        name: &str,
        attrs: &[(&str, &str)],
        empty: bool,
    ) -> io::Result<()> {
        self.w.write_all(b"<")?;
        self.w.write_all(name.as_bytes())?;
        for &(key, value) in attrs {
            self.w.write_all(b" ")?;
            self.w.write_all(key.as_bytes())?;
            self.w.write_all(b"=\"")?;
            write_escaped(&mut self.w, value)?;
            self.w.write_all(b"\"")?;
        }
        self.w.write_all(if empty { b"/>" } else { b">" })
    }

    #[inline]
    pub(super) fn start_tag(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        self.tag(name, attrs, false)
    }

    #[inline]
    pub(super) fn empty_tag(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        self.tag(name, attrs, true)
    }

    #[inline]
    pub(super) fn end_tag(&mut self, name: &str) -> io::Result<()> {
        self.w.write_all(b"</")?;
        self.w.write_all(name.as_bytes())?;
        self.w.write_all(b">")
    }

    #[inline]
    pub(super) fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        if self.depth > 0 {
            self.indent()?;
        }
        self.start_tag(name, attrs)?;
        self.depth += 1;
        Ok(())
    }

    #[inline]
    pub(super) fn close(&mut self, name: &str) -> io::Result<()> {
        self.depth -= 1;
        self.indent()?;
        self.end_tag(name)
    }

    #[inline]
    pub(super) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        self.indent()?;
        self.empty_tag(name, attrs)
    }

    /// `<name attrs>text</name>` on one line.
    pub(super) fn leaf(
        &mut self,
        name: &str,
        attrs: &[(&str, &str)],
        text: &str,
    ) -> io::Result<()> {
        self.indent()?;
        self.inline_leaf(name, attrs, text)
    }

    pub(super) fn inline_leaf(
        &mut self,
        name: &str,
        attrs: &[(&str, &str)],
        text: &str,
    ) -> io::Result<()> {
        self.start_tag(name, attrs)?;
        self.text(text)?;
        self.end_tag(name)
    }

    #[inline]
    pub(super) fn text(&mut self, text: &str) -> io::Result<()> {
        write_escaped(&mut self.w, text)
    }

    /// A block element (`p`, `heading`) holding inlines on one line.
    pub(super) fn inline_block(
        &mut self,
        name: &str,
        attrs: &[(&str, &str)],
        doc: &Document,
        runs: &[Inline],
    ) -> io::Result<()> {
        self.indent()?;
        self.start_tag(name, attrs)?;
        let marks = self.marks.take(runs);
        self.marked_inlines(doc, runs, &marks)?;
        self.end_tag(name)
    }

    pub(super) fn inlines(&mut self, doc: &Document, runs: &[Inline]) -> io::Result<()> {
        self.marked_inlines(doc, runs, &[])
    }

    /// Inlines with `marks` wrapped around stretches of their text runs (offsets into the
    /// plain text of `runs`; a mark across two runs is left out).
    fn marked_inlines(
        &mut self,
        doc: &Document,
        runs: &[Inline],
        marks: &[Mark],
    ) -> io::Result<()> {
        let mut offset = 0;
        for run in runs {
            let len = match run {
                Inline::Text(t) | Inline::Phrase(t) | Inline::Emphasis(t) => t.len(),
                Inline::Ref(c) => c.text.len(),
                Inline::NoteRef { .. } => 0,
            };
            match run {
                Inline::Text(t) if !marks.is_empty() => self.marked_text(t, offset, marks)?,
                Inline::Text(t) => self.text(t)?,
                Inline::Phrase(p) => self.inline_leaf("span", &[("class", "italic")], p)?,
                Inline::Emphasis(e) => self.inline_leaf("i", &[], e)?,
                Inline::Ref(c) => {
                    let href = vocab::undocs_link(&c.symbol);
                    self.inline_leaf("ref", &[("href", &href)], &c.text)?
                }
                Inline::NoteRef { marker, index } => self.note(doc, marker, *index)?,
            }
            offset += len;
        }
        Ok(())
    }

    fn marked_text(&mut self, text: &str, offset: usize, marks: &[Mark]) -> io::Result<()> {
        let mut at = 0;
        for m in marks {
            let inside = m.start >= offset && m.end <= offset + text.len();
            if !inside || m.start - offset < at {
                continue;
            }
            let (start, end) = (m.start - offset, m.end - offset);
            self.text(&text[at..start])?;
            let attrs: Vec<(&str, &str)> = m.attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
            self.inline_leaf(m.element, &attrs, &text[start..end])?;
            at = end;
        }
        self.text(&text[at..])
    }

    /// A footnote, written where its marker stands.
    pub(super) fn note(&mut self, doc: &Document, marker: &str, index: usize) -> io::Result<()> {
        let eid = format!("note_{}", index + 1);
        self.start_tag(
            "authorialNote",
            &[("marker", marker), ("placement", "bottom"), ("eId", &eid)],
        )?;
        self.start_tag("p", &[])?;
        if let Some(note) = doc.footnotes.get(index) {
            // A footnote citing another footnote cannot nest; its markers stay as text.
            let flat: Vec<Inline> = note
                .text
                .iter()
                .map(|r| match r {
                    Inline::NoteRef { marker, .. } => Inline::Text(marker.clone()),
                    other => other.clone(),
                })
                .collect();
            self.inlines(doc, &flat)?;
        }
        self.end_tag("p")?;
        self.end_tag("authorialNote")?;
        Ok(())
    }
}
