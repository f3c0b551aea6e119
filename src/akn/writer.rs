//! The XML writer: elements, attributes and escaped text written straight to the output,
//! indented as the UN's files are. Hand-written rather than built on an XML library: it is
//! what took text → AKN past 100 MB/s (BENCHMARKS.md).

use super::*;

/// A writer that indents blocks and leaves inline content untouched. It writes markup
/// straight to the output: tags are built from names the writer knows and values it escapes.
pub(super) struct Xml<W: Write> {
    pub(super) w: W,
    pub(super) depth: usize,
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
        self.inlines(doc, runs)?;
        self.end_tag(name)
    }

    pub(super) fn inlines(&mut self, doc: &Document, runs: &[Inline]) -> io::Result<()> {
        for run in runs {
            match run {
                Inline::Text(t) => self.text(t)?,
                Inline::Phrase(p) => self.inline_leaf("span", &[("class", "italic")], p)?,
                Inline::Emphasis(e) => self.inline_leaf("i", &[], e)?,
                Inline::Ref(c) => {
                    let href = vocab::undocs_link(&c.symbol);
                    self.inline_leaf("ref", &[("href", &href)], &c.text)?
                }
                Inline::NoteRef { marker, index } => self.note(doc, marker, *index)?,
            }
        }
        Ok(())
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
