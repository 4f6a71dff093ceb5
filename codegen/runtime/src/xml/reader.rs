//! The reading half, with the tolerance of DataContractSerializer's reader (members by local name and namespace
//! URI whatever the prefix, in any order; unknown elements skipped; white space, comments and an XML declaration
//! accepted) and the refusals a client needs (no DTD, no entity beyond the five predefined ones, bounded size and
//! depth).
//!
//! It reads the document's own text ([`Lexer`]): text is borrowed until a value takes it, namespaces are
//! resolved only for element names and `i:nil` ([`Scope`]), member names are compared where they lie, and an
//! open element is remembered by its name, borrowed, for its end tag. An error's path is built only when there
//! is an error, by each member and item it passes out through. Inside, errors travel boxed ([`Failure`]) and
//! elements as a two-word [`Element`], so the values handed from step to step stay in registers.

use std::borrow::Cow;

use super::lexer::{Attribute, Attributes, Lexer, StartTag, SyntaxError, Token, is_space};
use super::scope::{Scope, split_name};
use super::small_stack::SmallStack;
use super::unescape::{self, TextError};
use super::{DataContract, XSI_NAMESPACE, XmlError, XmlValue};

/// The largest document the reader addresses: its offsets are `u32`.
const MAX_DOCUMENT: usize = u32::MAX as usize;

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
    /// How many elements are open while this one is, counting it unless it is empty: it is the innermost one
    /// while its content is read.
    depth: u32,
    /// `<x />`: there is no content and no end tag to read.
    empty: bool,
    /// `i:nil="true"`.
    nil: bool,
}

/// An element whose end tag is still to come.
#[derive(Clone, Copy, Default)]
struct Open<'a> {
    /// The start tag's qualified name: the end tag must repeat it.
    name: &'a str,
    /// The namespace scope before the element's own declarations, restored at its end.
    scope: usize,
}

/// Reads one document; generated code reaches it through [`XmlReader::next_member`], [`XmlReader::read_member`]
/// and [`XmlReader::take`].
pub struct XmlReader<'a> {
    lexer: Lexer<'a>,
    scope: Scope<'a>,
    /// How many elements are open.
    depth: usize,
    /// The innermost open element, when one is: the one whose end tag comes first, kept at hand.
    innermost: Open<'a>,
    /// The open elements around it, outermost first.
    outer: SmallStack<Open<'a>, 8>,
    max_depth: usize,
}

/// An error inside the reader: boxed, so that the results passed along the hot path stay small. The public
/// methods hand it out as the [`XmlError`] it holds.
type Failure = Box<XmlError>;

/// What the reader found where a member may stand.
enum Found {
    Member(u32, Element),
    Unknown(Element),
    End,
}

impl<'a> XmlReader<'a> {
    pub(crate) fn read_document<T: DataContract>(
        text: &'a str,
        limits: Limits,
    ) -> Result<T, XmlError> {
        let max_bytes = limits.max_bytes.min(MAX_DOCUMENT);
        if text.len() > max_bytes {
            return Err(XmlError::at(
                "$",
                "too_large",
                format!("the document is larger than {max_bytes} bytes"),
            ));
        }
        let mut reader = XmlReader {
            lexer: Lexer::new(text.strip_prefix('\u{FEFF}').unwrap_or(text)),
            scope: Scope::new(),
            depth: 0,
            innermost: Open::default(),
            outer: SmallStack::new(),
            max_depth: limits.max_depth,
        };
        let root = reader.root(T::NAME, T::NAMESPACE)?;
        let value = reader.read_value::<T>(root)?;
        reader.epilogue()?;
        Ok(value)
    }

    /// Finds the next member of the element being read, skipping elements that are not among `members`;
    /// `None` once the element's end tag is read. `parent` is the element whose members these are.
    #[inline]
    pub fn next_member(
        &mut self,
        parent: Element,
        members: &[Member],
    ) -> Result<Option<(usize, Element)>, XmlError> {
        if parent.empty {
            return Ok(None);
        }
        loop {
            let found = self.next_child(parent, |namespace, name| {
                members
                    .iter()
                    .position(|m| m.name == name && m.namespace == namespace)
            })?;
            match found {
                Found::Member(index, element) => return Ok(Some((index as usize, element))),
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
        if slot.is_some() {
            let message = format!("`{}` appears more than once", member.name);
            return Err(self.error("duplicate_field", message).within_member(member.name));
        }
        match self.read_value(element) {
            Ok(value) => {
                *slot = Some(value);
                Ok(())
            }
            Err(error) => Err(error.within_member(member.name)),
        }
    }

    /// The member's value, or for a member that never appeared its null, which only an `Option` has.
    pub fn take<V: XmlValue>(&self, slot: Option<V>, member: &Member) -> Result<V, XmlError> {
        match slot.or_else(V::null) {
            Some(value) => Ok(value),
            None => {
                let message = format!(
                    "missing element `{}` in namespace `{}`",
                    member.name, member.namespace
                );
                Err(self
                    .error("missing_field", message)
                    .within_member(member.name))
            }
        }
    }

    /// The text content of `element` (entities and character references resolved, line ends normalised); an
    /// element inside it is an error. Text with nothing to resolve is borrowed from the document.
    #[inline]
    pub fn read_text(&mut self, element: Element) -> Result<Cow<'a, str>, XmlError> {
        if element.empty {
            return Ok(Cow::Borrowed(""));
        }
        let mut text: Cow<'a, str> = Cow::Borrowed("");
        loop {
            if self.at_end_tag_of(element)? {
                return Ok(text);
            }
            let piece = match self.next_token()? {
                Token::Text(raw, true) => Cow::Borrowed(raw),
                Token::Text(raw, false) => self.decode(raw, unescape::text)?,
                Token::CData(raw) => self.decode(raw, unescape::cdata)?,
                Token::Ignorable => continue,
                Token::End(name) => {
                    self.close(name)?;
                    return Ok(text);
                }
                Token::Start(_) => {
                    return Err(XmlError::at(
                        "$",
                        "invalid_type",
                        "an element where text was expected".to_owned(),
                    ));
                }
                other => return Err(*misplaced(other)),
            };
            if text.is_empty() {
                text = piece;
            } else {
                text.to_mut().push_str(&piece);
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
            let found = self.next_child(parent, |ns, local| {
                (local == name && ns == namespace).then_some(0)
            })?;
            match found {
                Found::Member(_, element) => match self.read_value(element) {
                    Ok(item) => items.push(item),
                    Err(error) => return Err(error.within_item(items.len())),
                },
                Found::Unknown(element) => self.skip(element)?,
                Found::End => return Ok(items),
            }
        }
    }

    /// An error at the element being read; each enclosing member and item adds its step to the path as the
    /// error passes out.
    pub fn error(&self, code: &'static str, message: String) -> XmlError {
        XmlError::at("$", code, message)
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

    /// Reads up to the next child element of `parent`, which `matches` turns into a member index from its
    /// namespace and local name, or to `parent`'s end tag.
    fn next_child(
        &mut self,
        parent: Element,
        matches: impl FnMut(&str, &str) -> Option<usize>,
    ) -> Result<Found, Failure> {
        loop {
            if self.at_end_tag_of(parent)? {
                return Ok(Found::End);
            }
            match self.next_token()? {
                Token::Start(tag) => {
                    let (index, element) = self.open(tag, matches)?;
                    return Ok(match index {
                        Some(index) => Found::Member(index as u32, element),
                        None => Found::Unknown(element),
                    });
                }
                Token::End(name) => {
                    self.close(name)?;
                    return Ok(Found::End);
                }
                Token::Text(text, _) if is_white_space(text) => {}
                Token::Ignorable => {}
                Token::Text(..) | Token::CData(_) => {
                    return Err(fail("invalid_type", "text where elements were expected".to_owned()));
                }
                other => return Err(misplaced(other)),
            }
        }
    }

    /// The root element, after any declaration, comments, processing instructions and white space.
    fn root(&mut self, name: &str, namespace: &str) -> Result<Element, Failure> {
        loop {
            match self.next_token()? {
                Token::Start(tag) => {
                    let mut found = None;
                    let (matched, element) = self.open(tag, |ns, local| {
                        let matched = local == name && ns == namespace;
                        if !matched {
                            found = Some(format!("`{local}` in namespace `{ns}`"));
                        }
                        matched.then_some(0)
                    })?;
                    if matched.is_none() {
                        return Err(fail(
                            "wrong_root",
                            format!(
                                "expected the root element `{name}` in namespace `{namespace}`, found {}",
                                found.unwrap_or_default()
                            ),
                        ));
                    }
                    return Ok(element);
                }
                Token::Declaration | Token::Ignorable => {}
                Token::Text(text, _) if is_white_space(text) => {}
                Token::DocType => return Err(dtd()),
                Token::Eof => {
                    return Err(fail("xml_eof", "the document has no root element".to_owned()));
                }
                _ => {
                    return Err(fail("xml_syntax", "content before the root element".to_owned()));
                }
            }
        }
    }

    /// After the root: only white space, comments and processing instructions.
    fn epilogue(&mut self) -> Result<(), Failure> {
        loop {
            match self.next_token()? {
                Token::Eof => return Ok(()),
                Token::Ignorable => {}
                Token::Text(text, _) if is_white_space(text) => {}
                Token::DocType => return Err(dtd()),
                _ => {
                    return Err(fail("xml_syntax", "content after the root element".to_owned()));
                }
            }
        }
    }

    /// Enters an element: declares its namespaces, checks the depth, resolves its name for `matches` and finds
    /// `i:nil`. An empty element's declarations end at once.
    fn open(
        &mut self,
        tag: StartTag<'a>,
        mut matches: impl FnMut(&str, &str) -> Option<usize>,
    ) -> Result<(Option<usize>, Element), Failure> {
        let scope = self.scope.mark();
        let (empty, nil_candidate) = self.attributes(&tag, true)?;
        let depth = self.enter(&tag, empty, scope)?;
        let (prefix, local) = split(tag.name)?;
        let Some(namespace) = self.scope.resolve(prefix) else {
            return Err(fail(
                "xml_syntax",
                format!("the prefix `{prefix}` is not declared"),
            ));
        };
        let index = matches(namespace, local);
        let nil = nil_candidate && self.is_nil(&tag)?;
        if empty {
            self.scope.end(scope);
        }
        Ok((index, Element { depth, empty, nil }))
    }

    /// Counts an element in, within the depth bound: one with content stays open until its end tag. The depth
    /// it is read at.
    fn enter(&mut self, tag: &StartTag<'a>, empty: bool, scope: usize) -> Result<u32, Failure> {
        if !empty {
            if self.depth > 0 {
                self.outer.push(self.innermost);
            }
            self.innermost = Open {
                name: tag.name,
                scope,
            };
            self.depth += 1;
        }
        if self.depth >= self.max_depth {
            return Err(fail(
                "too_deep",
                format!("elements nest deeper than {} levels", self.max_depth),
            ));
        }
        Ok(self.depth as u32)
    }

    /// Reads a start tag to its end, checking every attribute (syntax, duplicates, references) and declaring the
    /// namespaces when `declare`: whether the element is empty, and whether some attribute may be `i:nil`.
    fn attributes(&mut self, tag: &StartTag<'a>, declare: bool) -> Result<(bool, bool), Failure> {
        if let Some(empty) = tag.bare {
            return Ok((empty, false));
        }
        let mut nil_candidate = false;
        let mut attributes = self.lexer.attributes();
        loop {
            let (name, raw, plain) = match attributes.next().map_err(syntax)? {
                Attribute::Pair(name, raw, plain) => (name, raw, plain),
                Attribute::End { empty } => {
                    self.lexer.resume(&attributes);
                    return Ok((empty, nil_candidate));
                }
            };
            let value = if plain {
                Cow::Borrowed(raw)
            } else {
                self.decode(raw, unescape::attribute)?
            };
            if !declare {
                continue;
            }
            if name == "xmlns" {
                self.scope
                    .declare("", value)
                    .map_err(|message| fail("xml_syntax", message))?;
            } else if let Some(prefix) = name.strip_prefix("xmlns:") {
                self.scope
                    .declare(prefix, value)
                    .map_err(|message| fail("xml_syntax", message))?;
            } else if name.ends_with(":nil") {
                nil_candidate = true;
            }
        }
    }

    /// Whether a prefixed `nil` attribute in the XML Schema instance namespace says `true` (or `1`).
    fn is_nil(&self, tag: &StartTag<'a>) -> Result<bool, Failure> {
        let mut nil = false;
        let mut attributes = Attributes::new(self.lexer.text(), tag.name_at + tag.name.len());
        while let Attribute::Pair(name, raw, _) = attributes.next().map_err(syntax)? {
            if let Some((prefix, "nil")) = split_name(name)
                && !prefix.is_empty()
                && self.scope.resolve(prefix) == Some(XSI_NAMESPACE)
            {
                let value = self.decode(raw, unescape::attribute)?;
                nil = matches!(value.trim(), "true" | "1");
            }
        }
        Ok(nil)
    }

    /// Consumes `element`'s end tag when it comes next in its usual form, and leaves the element.
    #[inline]
    fn at_end_tag_of(&mut self, element: Element) -> Result<bool, Failure> {
        if element.depth as usize != self.depth {
            return Err(not_innermost());
        }
        let ended = self.lexer.end_tag_of(self.innermost.name);
        if ended {
            self.leave();
        }
        Ok(ended)
    }

    /// Leaves the innermost open element at the end tag `name`, which must repeat its start tag's name.
    fn close(&mut self, name: &str) -> Result<(), Failure> {
        let expected = self.innermost.name;
        if name != expected {
            return Err(fail(
                "xml_syntax",
                format!(
                    "expected `</{expected}>`, found `</{name}>` (at byte {})",
                    self.lexer.position()
                ),
            ));
        }
        self.leave();
        Ok(())
    }

    /// Ends the innermost open element once its end tag is read: its namespace declarations and its level.
    #[inline]
    fn leave(&mut self) {
        if self.depth == 0 {
            return;
        }
        self.scope.end(self.innermost.scope);
        self.depth -= 1;
        if self.depth > 0 {
            self.innermost = self.outer.pop().unwrap_or_default();
        }
    }

    /// Reads past the content of an element whose start tag was read, within the depth bound; the skipped
    /// markup is checked as any other, but its namespaces are not resolved.
    fn skip(&mut self, element: Element) -> Result<(), Failure> {
        if element.empty {
            return Ok(());
        }
        if element.depth as usize != self.depth {
            return Err(not_innermost());
        }
        loop {
            match self.next_token()? {
                Token::Start(tag) => {
                    let scope = self.scope.mark();
                    let (empty, _) = self.attributes(&tag, false)?;
                    self.enter(&tag, empty, scope)?;
                }
                Token::End(name) => {
                    self.close(name)?;
                    if self.depth < element.depth as usize {
                        return Ok(());
                    }
                }
                Token::Text(raw, plain) => {
                    if !plain {
                        self.decode(raw, unescape::text)?;
                    }
                }
                Token::CData(_) | Token::Ignorable => {}
                other => return Err(misplaced(other)),
            }
        }
    }

    #[inline]
    fn next_token(&mut self) -> Result<Token<'a>, Failure> {
        self.lexer.next_token().map_err(syntax)
    }

    /// Decodes a piece of raw text of the document with one of the `unescape` functions.
    #[inline]
    fn decode(
        &self,
        raw: &'a str,
        decode: fn(&'a str) -> Result<Cow<'a, str>, TextError>,
    ) -> Result<Cow<'a, str>, Failure> {
        decode(raw).map_err(|error| {
            // `raw` lies inside the document, so its offset is the distance between the two.
            let offset = raw.as_ptr() as usize - self.lexer.text().as_ptr() as usize;
            fail(
                error.code,
                format!("{} (at byte {})", error.message, offset + error.at),
            )
        })
    }
}

/// An error at the element being read (its path is completed on the way out, as for [`XmlReader::error`]).
#[cold]
fn fail(code: &'static str, message: String) -> Failure {
    Box::new(XmlError::at("$", code, message))
}

fn split(name: &str) -> Result<(&str, &str), Failure> {
    split_name(name)
        .ok_or_else(|| fail("xml_syntax", format!("`{name}` is not a qualified name")))
}

/// A token that has no place inside an element.
#[cold]
fn misplaced(token: Token<'_>) -> Failure {
    match token {
        Token::DocType => dtd(),
        Token::Eof => fail("xml_eof", "the document ends inside an element".to_owned()),
        _ => fail(
            "xml_syntax",
            "an XML declaration inside an element".to_owned(),
        ),
    }
}

/// Malformed markup, located by byte offset.
#[cold]
fn syntax(error: SyntaxError) -> Failure {
    fail(
        "xml_syntax",
        format!("{} (at byte {})", error.message, error.at),
    )
}

#[cold]
fn dtd() -> Failure {
    fail(
        "xml_dtd",
        "a document type declaration: DTDs are refused, so no entity is ever declared or fetched"
            .to_owned(),
    )
}

/// A hand-written `XmlValue` read an element that is not the one being read (one it had finished, say).
#[cold]
fn not_innermost() -> Failure {
    fail(
        "invalid_state",
        "an element was read after its content had been read".to_owned(),
    )
}

fn is_white_space(text: &str) -> bool {
    text.bytes().all(is_space)
}
