//! The reading half: quick-xml's namespace-aware reader, with the tolerance of DataContractSerializer's reader
//! (members by local name and namespace URI whatever the prefix, in any order; unknown elements skipped; white
//! space, comments and an XML declaration accepted) and the refusals a client needs (no DTD, no entity beyond the
//! five predefined ones, bounded size and depth).

use std::borrow::Cow;
use std::fmt::Write as _;

use quick_xml::XmlVersion;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::reader::NsReader;

use super::{DataContract, XSI_NAMESPACE, XmlError, XmlValue};

/// Bounds on what a document may cost to read.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// The largest document read, in bytes.
    pub max_bytes: usize,
    /// The deepest element nesting read, the root being depth 1.
    pub max_depth: usize,
}

impl Default for Limits {
    /// 16 MiB and 128 levels: far beyond any refund message, far below what would exhaust a client.
    fn default() -> Limits {
        Limits {
            max_bytes: 16 * 1024 * 1024,
            max_depth: 128,
        }
    }
}

/// A data member as the reader matches it: local name and namespace URI, never the prefix.
#[derive(Clone, Copy, Debug)]
pub struct Member {
    pub name: &'static str,
    pub namespace: &'static str,
}

/// An element whose start tag has been read and whose content has not.
#[derive(Clone, Copy, Debug)]
pub struct Element {
    /// `<x />`: there is no content and no end tag to read.
    empty: bool,
    /// `i:nil="true"`.
    nil: bool,
}

#[derive(Clone, Copy)]
enum Step {
    Member(&'static str),
    Item(usize),
}

/// Reads one document; generated code reaches it through [`XmlReader::next_member`], [`XmlReader::read_member`]
/// and [`XmlReader::take`].
pub struct XmlReader<'a> {
    reader: NsReader<&'a [u8]>,
    limits: Limits,
    depth: usize,
    path: Vec<Step>,
}

/// What the reader found where a member may stand.
enum Found {
    Member(usize, Element),
    Unknown(Element),
    End,
}

impl<'a> XmlReader<'a> {
    pub(crate) fn read_document<T: DataContract>(
        text: &'a str,
        limits: Limits,
    ) -> Result<T, XmlError> {
        if text.len() > limits.max_bytes {
            return Err(XmlError::at(
                "$",
                "too_large",
                format!("the document is larger than {} bytes", limits.max_bytes),
            ));
        }
        let mut reader = XmlReader {
            reader: NsReader::from_str(text),
            limits,
            depth: 0,
            path: Vec::with_capacity(8),
        };
        reader
            .reader
            .resolver_mut()
            .set_max_namespace_bindings(1024);
        let root = reader.root(T::NAME, T::NAMESPACE)?;
        let value = reader.read_value::<T>(root)?;
        reader.epilogue()?;
        Ok(value)
    }

    /// Finds the next member of the element being read, skipping elements that are not among `members`;
    /// `None` once the element's end tag is read. `parent` is the element whose members these are.
    pub fn next_member(
        &mut self,
        parent: Element,
        members: &[Member],
    ) -> Result<Option<(usize, Element)>, XmlError> {
        if parent.empty {
            return Ok(None);
        }
        loop {
            match self.next_child(|namespace, name| {
                members
                    .iter()
                    .position(|m| m.name == name && m.namespace == namespace)
            })? {
                Found::Member(index, element) => return Ok(Some((index, element))),
                Found::Unknown(element) => self.skip(element)?,
                Found::End => return Ok(None),
            }
        }
    }

    /// Reads the member `next_member` found into its slot; a member present twice is an error.
    pub fn read_member<V: XmlValue>(
        &mut self,
        slot: &mut Option<V>,
        member: &Member,
        element: Element,
    ) -> Result<(), XmlError> {
        self.path.push(Step::Member(member.name));
        if slot.is_some() {
            return Err(self.error(
                "duplicate_field",
                format!("`{}` appears more than once", member.name),
            ));
        }
        *slot = Some(self.read_value(element)?);
        self.path.pop();
        Ok(())
    }

    /// The member's value, or for a member that never appeared its null, which only an `Option` has.
    pub fn take<V: XmlValue>(&self, slot: Option<V>, member: &Member) -> Result<V, XmlError> {
        match slot.or_else(V::null) {
            Some(value) => Ok(value),
            None => {
                let mut error = self.error(
                    "missing_field",
                    format!(
                        "missing element `{}` in namespace `{}`",
                        member.name, member.namespace
                    ),
                );
                error.path = format!("{}.{}", error.path, member.name);
                Err(error)
            }
        }
    }

    /// The text content of `element` (entities and character references resolved, line ends normalised); an
    /// element inside it is an error.
    pub fn read_text(&mut self, element: Element) -> Result<Cow<'a, str>, XmlError> {
        if element.empty {
            return Ok(Cow::Borrowed(""));
        }
        let mut text: Cow<'a, str> = Cow::Borrowed("");
        loop {
            let event = self.reader.read_event().map_err(|e| self.syntax(e))?;
            match event {
                Event::Text(piece) => self.append_checked(&mut text, piece.xml10_content())?,
                Event::CData(piece) => self.append_checked(&mut text, piece.xml10_content())?,
                Event::GeneralRef(reference) => {
                    let ch = self.resolve_reference(&reference)?;
                    text.to_mut().push(ch);
                }
                Event::Comment(_) | Event::PI(_) => {}
                Event::End(_) => {
                    self.depth -= 1;
                    return Ok(text);
                }
                Event::Start(_) | Event::Empty(_) => {
                    return Err(self.error(
                        "invalid_type",
                        "an element where text was expected".to_owned(),
                    ));
                }
                Event::DocType(_) => return Err(self.dtd()),
                Event::Decl(_) => {
                    return Err(self.error(
                        "xml_syntax",
                        "an XML declaration inside an element".to_owned(),
                    ));
                }
                Event::Eof => return Err(self.eof()),
            }
        }
    }

    /// The items of a collection: elements named by the item's contract in the collection's namespace, in order.
    pub(crate) fn read_items<V: XmlValue>(&mut self, parent: Element) -> Result<Vec<V>, XmlError> {
        let mut items = Vec::new();
        if parent.empty {
            return Ok(items);
        }
        let name = V::contract_name();
        let namespace = V::collection_namespace();
        loop {
            match self.next_child(|ns, local| (ns == namespace && local == name).then_some(0))? {
                Found::Member(_, element) => {
                    self.path.push(Step::Item(items.len()));
                    items.push(self.read_value(element)?);
                    self.path.pop();
                }
                Found::Unknown(element) => self.skip(element)?,
                Found::End => return Ok(items),
            }
        }
    }

    /// An error at the element being read.
    pub fn error(&self, code: &'static str, message: String) -> XmlError {
        let mut path = String::from("$");
        for step in &self.path {
            match step {
                Step::Member(name) => {
                    path.push('.');
                    path.push_str(name);
                }
                Step::Item(index) => {
                    let _ = write!(path, "[{index}]");
                }
            }
        }
        XmlError::at(path, code, message)
    }

    /// A value of any kind: `i:nil` gives the type's null (or an error where it has none).
    fn read_value<V: XmlValue>(&mut self, element: Element) -> Result<V, XmlError> {
        if element.nil {
            self.skip(element)?;
            return V::null().ok_or_else(|| {
                self.error(
                    "invalid_type",
                    "`i:nil=\"true\"` on a member that cannot be null".to_owned(),
                )
            });
        }
        V::read_xml(self, element)
    }

    /// Reads up to the next child element of the current one, which `matches` turns into a member index, or to
    /// the current element's end tag.
    fn next_child(
        &mut self,
        matches: impl Fn(&str, &str) -> Option<usize>,
    ) -> Result<Found, XmlError> {
        loop {
            let event = self.reader.read_event().map_err(|e| self.syntax(e))?;
            let (start, empty) = match event {
                Event::Start(start) => (start, false),
                Event::Empty(start) => (start, true),
                Event::End(_) => {
                    self.depth -= 1;
                    return Ok(Found::End);
                }
                Event::Text(text) if is_white_space(&text) => continue,
                Event::Comment(_) | Event::PI(_) => continue,
                Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) => {
                    return Err(self.error(
                        "invalid_type",
                        "text where elements were expected".to_owned(),
                    ));
                }
                Event::DocType(_) => return Err(self.dtd()),
                Event::Decl(_) => {
                    return Err(self.error(
                        "xml_syntax",
                        "an XML declaration inside an element".to_owned(),
                    ));
                }
                Event::Eof => return Err(self.eof()),
            };
            let (resolved, local) = self.reader.resolver().resolve_element(start.name());
            let index = match resolved {
                ResolveResult::Bound(Namespace(namespace)) => {
                    matches(namespace, local.into_inner())
                }
                ResolveResult::Unbound => matches("", local.into_inner()),
                ResolveResult::Unknown(prefix) => {
                    return Err(self.error(
                        "xml_syntax",
                        format!("the prefix `{prefix}` is not declared"),
                    ));
                }
            };
            let element = self.open(&start, empty)?;
            return Ok(match index {
                Some(index) => Found::Member(index, element),
                None => Found::Unknown(element),
            });
        }
    }

    /// The root element, after any declaration, comments, processing instructions and white space.
    fn root(&mut self, name: &str, namespace: &str) -> Result<Element, XmlError> {
        loop {
            let event = self.reader.read_event().map_err(|e| self.syntax(e))?;
            let (start, empty) = match event {
                Event::Start(start) => (start, false),
                Event::Empty(start) => (start, true),
                Event::Decl(_) | Event::Comment(_) | Event::PI(_) => continue,
                Event::Text(text) if is_white_space(&text) => continue,
                Event::DocType(_) => return Err(self.dtd()),
                Event::Eof => {
                    return Err(
                        self.error("xml_eof", "the document has no root element".to_owned())
                    );
                }
                _ => {
                    return Err(
                        self.error("xml_syntax", "content before the root element".to_owned())
                    );
                }
            };
            let (resolved, local) = self.reader.resolver().resolve_element(start.name());
            let found_namespace = match resolved {
                ResolveResult::Bound(Namespace(found)) => found,
                _ => "",
            };
            let local = local.into_inner();
            if local != name || found_namespace != namespace {
                return Err(self.error(
                    "wrong_root",
                    format!(
                        "expected the root element `{name}` in namespace `{namespace}`, found `{local}` in namespace `{found_namespace}`"
                    ),
                ));
            }
            return self.open(&start, empty);
        }
    }

    /// After the root: only white space, comments and processing instructions.
    fn epilogue(&mut self) -> Result<(), XmlError> {
        loop {
            match self.reader.read_event().map_err(|e| self.syntax(e))? {
                Event::Eof => return Ok(()),
                Event::Comment(_) | Event::PI(_) => {}
                Event::Text(text) if is_white_space(&text) => {}
                Event::DocType(_) => return Err(self.dtd()),
                _ => {
                    return Err(
                        self.error("xml_syntax", "content after the root element".to_owned())
                    );
                }
            }
        }
    }

    /// Enters an element: checks the depth and finds `i:nil`.
    fn open(&mut self, start: &BytesStart<'_>, empty: bool) -> Result<Element, XmlError> {
        if !empty {
            self.depth += 1;
        }
        if self.depth >= self.limits.max_depth {
            return Err(self.error(
                "too_deep",
                format!("elements nest deeper than {} levels", self.limits.max_depth),
            ));
        }
        let mut nil = false;
        for attribute in start.attributes() {
            let attribute = attribute.map_err(|e| self.syntax(e))?;
            let (resolved, local) = self.reader.resolver().resolve_attribute(attribute.key);
            if local.into_inner() == "nil"
                && matches!(resolved, ResolveResult::Bound(Namespace(ns)) if ns == XSI_NAMESPACE)
            {
                let value = attribute
                    .normalized_value(XmlVersion::Implicit1_0)
                    .map_err(|e| self.syntax(e))?;
                nil = matches!(value.trim(), "true" | "1");
            }
        }
        Ok(Element { empty, nil })
    }

    /// Reads past the content of an element whose start tag was read, within the depth bound.
    fn skip(&mut self, element: Element) -> Result<(), XmlError> {
        if element.empty {
            return Ok(());
        }
        let target = self.depth - 1;
        while self.depth > target {
            match self.reader.read_event().map_err(|e| self.syntax(e))? {
                Event::Start(_) => {
                    self.depth += 1;
                    if self.depth >= self.limits.max_depth {
                        return Err(self.error(
                            "too_deep",
                            format!("elements nest deeper than {} levels", self.limits.max_depth),
                        ));
                    }
                }
                Event::End(_) => self.depth -= 1,
                Event::GeneralRef(reference) => {
                    self.resolve_reference(&reference)?;
                }
                Event::DocType(_) => return Err(self.dtd()),
                Event::Eof => return Err(self.eof()),
                _ => {}
            }
        }
        Ok(())
    }

    /// The five predefined entities and character references; any other entity is refused, never expanded.
    fn resolve_reference(&self, reference: &BytesRef<'_>) -> Result<char, XmlError> {
        match reference.resolve_char_ref() {
            Ok(Some(ch)) => return Ok(ch),
            Ok(None) => {}
            Err(error) => return Err(self.syntax(error)),
        }
        let name = reference.xml10_content();
        match &*name {
            "amp" => Ok('&'),
            "lt" => Ok('<'),
            "gt" => Ok('>'),
            "quot" => Ok('"'),
            "apos" => Ok('\''),
            _ => Err(self.error(
                "xml_entity",
                format!(
                    "the entity `&{name};` is not one of XML's five: entities are never expanded"
                ),
            )),
        }
    }

    /// Adds a piece of text, refusing the characters XML 1.0 does not allow (a character reference may still
    /// name the control characters, as .NET's writer writes them).
    fn append_checked(&self, text: &mut Cow<'a, str>, piece: Cow<'a, str>) -> Result<(), XmlError> {
        if let Some(bad) = piece.chars().find(|&ch| {
            (ch < ' ' && !matches!(ch, '\t' | '\n' | '\r')) || matches!(ch, '\u{FFFE}' | '\u{FFFF}')
        }) {
            return Err(self.syntax(format_args!(
                "the character U+{:04X} is not allowed in XML text",
                u32::from(bad)
            )));
        }
        if text.is_empty() {
            *text = piece;
        } else {
            text.to_mut().push_str(&piece);
        }
        Ok(())
    }

    /// A malformed document, located by element path and byte offset.
    fn syntax(&self, error: impl std::fmt::Display) -> XmlError {
        let at = self.reader.error_position();
        self.error("xml_syntax", format!("{error} (at byte {at})"))
    }

    fn dtd(&self) -> XmlError {
        self.error(
            "xml_dtd",
            "a document type declaration: DTDs are refused, so no entity is ever declared or fetched"
                .to_owned(),
        )
    }

    fn eof(&self) -> XmlError {
        self.error("xml_eof", "the document ends inside an element".to_owned())
    }
}

fn is_white_space(text: &str) -> bool {
    text.bytes()
        .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}
