//! A small element tree read with quick-xml, for the AKN reader.
//!
//! No DTD is read and no entity other than XML's own is expanded: a DOCTYPE is skipped with a
//! warning, an unknown entity is an error. Depth and size are bounded so hostile input cannot
//! exhaust memory or the stack.

use crate::diag::{Code, Diagnostic, ParseError};
use crate::model::Span;
use quick_xml::events::Event;
use quick_xml::Reader;

/// Deeper nesting than any legal document needs.
const MAX_DEPTH: usize = 256;

#[derive(Debug, Clone)]
pub struct Element {
    /// Local name, without namespace prefix.
    pub name: String,
    /// Attributes by local name.
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// The child elements with this name.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.elements().filter(move |e| e.name == name)
    }

    /// The work's adoption date as written (`FRBRWork/FRBRdate[@name="adoption"]`), if this is
    /// an `identification` element that has one.
    pub fn adoption_date(&self) -> Option<&Element> {
        self.child("FRBRWork")?
            .children_named("FRBRdate")
            .find(|d| d.attr("name") == Some("adoption"))
    }

    /// The first descendant (depth first) with this name.
    pub fn find(&self, name: &str) -> Option<&Element> {
        for e in self.elements() {
            if e.name == name {
                return Some(e);
            }
            if let Some(found) = e.find(name) {
                return Some(found);
            }
        }
        None
    }

    /// Every descendant with this name, in document order.
    pub fn find_all<'a>(&'a self, name: &str, out: &mut Vec<&'a Element>) {
        for e in self.elements() {
            if e.name == name {
                out.push(e);
            }
            e.find_all(name, out);
        }
    }

    /// All text inside, whitespace as in the source.
    pub fn text(&self) -> String {
        let mut s = String::new();
        self.collect_text(&mut s);
        s
    }

    fn collect_text(&self, s: &mut String) {
        for n in &self.children {
            match n {
                Node::Text(t) => s.push_str(t),
                Node::Element(e) => e.collect_text(s),
            }
        }
    }
}

fn local(name: &[u8]) -> String {
    let name = match name.iter().rposition(|&b| b == b':') {
        Some(p) => &name[p + 1..],
        None => name,
    };
    String::from_utf8_lossy(name).into_owned()
}

/// Reads `input` into its root element.
pub fn parse(input: &str, diagnostics: &mut Vec<Diagnostic>) -> Result<Element, ParseError> {
    let mut reader = Reader::from_str(input);
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let error = |at: u64, msg: String| {
        let at = at as usize;
        ParseError::new(Code::Xml, Span::new(at, at + 1), msg)
    };
    loop {
        let before = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| error(reader.error_position(), format!("not well-formed XML: {e}")))?;
        let here = Span::new(before as usize, reader.buffer_position() as usize);
        match event {
            Event::Start(_) | Event::Empty(_) if root.is_some() => {
                return Err(error(before, "content after the root element".into()));
            }
            Event::Start(ref e) | Event::Empty(ref e) => {
                let mut attrs = Vec::new();
                for a in e.attributes() {
                    let a = a.map_err(|err| error(before, format!("bad attribute: {err}")))?;
                    let value = a
                        .unescape_value()
                        .map_err(|err| error(before, escape_message("attribute value", &err)))?;
                    if let Some(c) = value.chars().find(|&c| forbidden_in_xml(c)) {
                        return Err(error(before, forbidden_message(c)));
                    }
                    attrs.push((local(a.key.as_ref()), value.into_owned()));
                }
                let element = Element {
                    name: local(e.name().as_ref()),
                    attrs,
                    children: Vec::new(),
                    span: here,
                };
                if matches!(event, Event::Empty(_)) {
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(Node::Element(element)),
                        None => root = Some(element),
                    }
                } else {
                    if stack.len() >= MAX_DEPTH {
                        return Err(error(
                            before,
                            format!("elements nested deeper than {MAX_DEPTH}"),
                        ));
                    }
                    stack.push(element);
                }
            }
            Event::End(_) => {
                let mut done = stack
                    .pop()
                    .ok_or_else(|| error(before, "unexpected end tag".into()))?;
                done.span = done.span.join(here);
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(done)),
                    None => root = Some(done),
                }
            }
            Event::Text(t) => {
                let text = t
                    .unescape()
                    .map_err(|err| error(before, escape_message("text", &err)))?;
                if let Some(c) = text.chars().find(|&c| forbidden_in_xml(c)) {
                    return Err(error(before, forbidden_message(c)));
                }
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Text(text.into_owned())),
                    None if text.trim().is_empty() => {}
                    None => return Err(error(before, "text outside the root element".into())),
                }
            }
            Event::CData(t) => {
                let text = String::from_utf8_lossy(&t.into_inner()).into_owned();
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(Node::Text(text));
                }
            }
            Event::DocType(_) => diagnostics.push(Diagnostic::warning(
                Code::Doctype,
                here,
                "DOCTYPE ignored: no DTD or external entity is ever read",
            )),
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
    if !stack.is_empty() {
        return Err(error(
            input.len() as u64,
            "the document ends inside an element".into(),
        ));
    }
    root.ok_or_else(|| error(0, "no root element".into()))
}

/// Characters XML 1.0 forbids even as character references.
fn forbidden_in_xml(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

fn forbidden_message(c: char) -> String {
    format!(
        "the character U+{:04X} is not allowed in XML 1.0, even as a character reference",
        u32::from(c)
    )
}

/// An unescaping error in words: entities other than XML's five are undefined here, since no
/// DTD is ever read.
fn escape_message(what: &str, err: &quick_xml::Error) -> String {
    match err {
        quick_xml::Error::Escape(quick_xml::escape::EscapeError::UnrecognizedEntity(_, name)) => {
            format!(
                "undefined entity &{name}; in {what}: no DTD is read, so only XML's own entities \
             (&lt; &gt; &amp; &quot; &apos;) and character references are known"
            )
        }
        other => format!("bad {what}: {other}"),
    }
}
