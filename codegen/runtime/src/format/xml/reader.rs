//! The reading half, with the tolerance of DataContractSerializer's reader (members by local name and namespace
//! URI whatever the prefix, in any order; unknown elements skipped; white space, comments and an XML declaration
//! accepted) and the refusals a client needs (no DTD, no entity beyond the five predefined ones, bounded size and
//! depth).
//!
//! It reads the document's own text ([`Lexer`]): text is borrowed until a value takes it, namespaces are
//! resolved only for element names and `i:nil` ([`Scope`]), member names are compared where they lie, and an
//! open element is remembered by its name, borrowed, for its end tag. An error's path is built only when there
//! is an error, by each member and item it passes out through. Inside, errors travel boxed ([`Failure`]),
//! tokens as spans and elements as one word ([`Element`]), so the values handed from step to step stay small.

use std::borrow::Cow;

use super::lexer::{
    Attribute, Attributes, Lexer, Span, StartTag, SyntaxError, Token, is_white_space,
};
use super::scan::same;
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
                members.iter().position(|m| {
                    same(m.name.as_bytes(), name.as_bytes())
                        && same(m.namespace.as_bytes(), namespace.as_bytes())
                })
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
            return Err(self
                .error("duplicate_field", message)
                .within_member(member.name));
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
                Token::Text(raw, true) => Cow::Borrowed(self.lexer.get(raw)),
                Token::Text(raw, false) => self.decode(self.lexer.get(raw), unescape::text)?,
                Token::CData(raw) => self.decode(self.lexer.get(raw), unescape::cdata)?,
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
                (same(local.as_bytes(), name.as_bytes())
                    && same(ns.as_bytes(), namespace.as_bytes()))
                .then_some(0)
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
                Token::Text(text, _) if is_white_space(self.lexer.get(text)) => {}
                Token::Ignorable => {}
                Token::Text(..) | Token::CData(_) => {
                    return Err(fail(
                        "invalid_type",
                        "text where elements were expected".to_owned(),
                    ));
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
                        let matched = same(local.as_bytes(), name.as_bytes())
                            && same(ns.as_bytes(), namespace.as_bytes());
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
                Token::Text(text, _) if is_white_space(self.lexer.get(text)) => {}
                Token::DocType => return Err(dtd()),
                Token::Eof => {
                    return Err(fail(
                        "xml_eof",
                        "the document has no root element".to_owned(),
                    ));
                }
                _ => {
                    return Err(fail(
                        "xml_syntax",
                        "content before the root element".to_owned(),
                    ));
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
                Token::Text(text, _) if is_white_space(self.lexer.get(text)) => {}
                Token::DocType => return Err(dtd()),
                _ => {
                    return Err(fail(
                        "xml_syntax",
                        "content after the root element".to_owned(),
                    ));
                }
            }
        }
    }

    /// Enters an element: declares its namespaces, checks the depth, resolves its name for `matches` and finds
    /// `i:nil`. An empty element's declarations end at once.
    fn open(
        &mut self,
        tag: StartTag,
        mut matches: impl FnMut(&str, &str) -> Option<usize>,
    ) -> Result<(Option<usize>, Element), Failure> {
        let scope = self.scope.mark();
        let (empty, nil_candidate) = self.attributes(&tag, true)?;
        let depth = self.enter(&tag, empty, scope)?;
        let (prefix, local) = split(self.lexer.get(tag.name))?;
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
    fn enter(&mut self, tag: &StartTag, empty: bool, scope: usize) -> Result<u32, Failure> {
        if !empty {
            if self.depth > 0 {
                self.outer.push(self.innermost);
            }
            self.innermost = Open {
                name: self.lexer.get(tag.name),
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
    fn attributes(&mut self, tag: &StartTag, declare: bool) -> Result<(bool, bool), Failure> {
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
    fn is_nil(&self, tag: &StartTag) -> Result<bool, Failure> {
        let mut nil = false;
        let mut attributes = Attributes::new(self.lexer.text(), tag.name.end());
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
    fn close(&mut self, name: Span) -> Result<(), Failure> {
        let name = self.lexer.get(name);
        let expected = self.innermost.name;
        if !same(name.as_bytes(), expected.as_bytes()) {
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
                        self.decode(self.lexer.get(raw), unescape::text)?;
                    }
                }
                Token::CData(_) | Token::Ignorable => {}
                other => return Err(misplaced(other)),
            }
        }
    }

    #[inline]
    fn next_token(&mut self) -> Result<Token, Failure> {
        match self.lexer.next_token() {
            Token::Malformed => Err(syntax(self.lexer.error())),
            token => Ok(token),
        }
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
    split_name(name).ok_or_else(|| fail("xml_syntax", format!("`{name}` is not a qualified name")))
}

/// A token that has no place inside an element.
#[cold]
fn misplaced(token: Token) -> Failure {
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

#[cfg(test)]
mod tests {
    use super::super::{from_slice, from_str, from_str_with, to_string};
    use super::*;

    const P: &str = "urn:p";
    const ARRAYS: &str = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";
    const MEMBERS: [Member; 2] = [
        Member {
            name: "first",
            namespace: P,
        },
        Member {
            name: "second",
            namespace: P,
        },
    ];

    /// A contract read and written by hand, as the derive's code does it.
    #[derive(Debug, PartialEq)]
    struct Pair {
        first: Option<String>,
        second: Vec<i32>,
    }

    impl XmlValue for Pair {
        fn contract_name() -> Cow<'static, str> {
            "Pair".into()
        }

        fn contract_namespace() -> &'static str {
            P
        }

        fn child_namespace() -> Option<&'static str> {
            Some(P)
        }

        fn write_xml(&self, writer: &mut super::super::XmlWriter) -> Result<(), XmlError> {
            writer.member("first", P, &self.first)?;
            writer.member("second", P, &self.second)
        }

        fn read_xml(reader: &mut XmlReader<'_>, element: Element) -> Result<Self, XmlError> {
            let (mut first, mut second) = (None, None);
            while let Some((index, child)) = reader.next_member(element, &MEMBERS)? {
                match index {
                    0 => reader.read_member(&mut first, &MEMBERS[0], child)?,
                    _ => reader.read_member(&mut second, &MEMBERS[1], child)?,
                }
            }
            Ok(Pair {
                first: reader.take(first, &MEMBERS[0])?,
                second: reader.take(second, &MEMBERS[1])?,
            })
        }
    }

    impl DataContract for Pair {
        const NAME: &'static str = "Pair";
        const NAMESPACE: &'static str = P;
    }

    /// The one problem a rejected document has, as (path, code).
    fn refusal(document: &str) -> (String, &'static str) {
        refusal_with(document, Limits::default())
    }

    fn refusal_with(document: &str, limits: Limits) -> (String, &'static str) {
        let rejection = from_str_with::<Pair>(document, limits).expect_err(document);
        let problem = &rejection.errors()[0];
        (problem.path.clone(), problem.code)
    }

    fn pair(first: Option<&str>, second: &[i32]) -> Pair {
        Pair {
            first: first.map(str::to_owned),
            second: second.to_vec(),
        }
    }

    #[test]
    fn what_is_written_reads_back() {
        for value in [
            pair(Some("a < b & \"c\" \n 成人票"), &[1, -2, 3]),
            pair(None, &[]),
            pair(Some(""), &[0]),
        ] {
            let written = to_string(&value).unwrap();
            assert_eq!(from_str::<Pair>(&written).unwrap(), value, "{written}");
        }
    }

    #[test]
    fn members_are_found_by_namespace_whatever_the_prefix_order_or_company() {
        let document = format!(
            "\u{FEFF}<?xml version=\"1.0\"?>\n<!-- c --><?pi x?>\n\
             <p:Pair xmlns:p=\"{P}\" xmlns:q=\"{P}\" xmlns:x=\"urn:x\">\n\
             <q:second xmlns:a=\"{ARRAYS}\"> <a:int> 1 </a:int><x:int>9</x:int><a:int>&#50;</a:int></q:second>\n\
             <x:first a='1' b=\"&lt;\"><x:deep><p:first>no</p:first></x:deep><empty/></x:first>\n\
             <first xmlns=\"urn:elsewhere\">no</first>\n\
             <p:first>a &lt; b<![CDATA[ & c]]>&#x4E2D;\r\nd<!-- e --></p:first></p:Pair>\n<!-- after -->"
        );
        assert_eq!(
            from_slice::<Pair>(document.as_bytes()).unwrap(),
            pair(Some("a < b & c中\nd"), &[1, 2])
        );
        let with_default = format!(
            "<Pair xmlns=\"{P}\"><first xmlns=\"urn:other\">x</first><first>y</first><second/></Pair>"
        );
        assert_eq!(
            from_str::<Pair>(&with_default).unwrap(),
            pair(Some("y"), &[])
        );
    }

    #[test]
    fn nil_is_found_under_whatever_prefix_names_the_instance_namespace() {
        let document = format!(
            "<Pair xmlns=\"{P}\" xmlns:n=\"{XSI_NAMESPACE}\"><first n:nil=' true '>ignored</first><second i:nil=\"true\" xmlns:i=\"{XSI_NAMESPACE}\"/></Pair>"
        );
        assert_eq!(
            refusal(&document),
            ("$.second".to_owned(), "invalid_type"),
            "a list cannot be null"
        );
        let document = document.replace(
            "<second i:nil=\"true\"",
            "<second x:nil=\"true\" xmlns:x=\"urn:x\"",
        );
        assert_eq!(from_str::<Pair>(&document).unwrap(), pair(None, &[]));
    }

    #[test]
    fn refusals_name_the_element_and_say_why() {
        let root = format!("<Pair xmlns=\"{P}\"><second/>");
        let cases = [
            (
                format!("{root}<first>x</first></Pair><x/>"),
                "$",
                "xml_syntax",
            ),
            (format!("{root}<first>x</first>"), "$", "xml_eof"),
            (
                format!("{root}<first>x</second></Pair>"),
                "$.first",
                "xml_syntax",
            ),
            (format!("{root}<u><v></u></v></Pair>"), "$", "xml_syntax"),
            (
                format!("{root}<first a='1' a='2'>x</first></Pair>"),
                "$",
                "xml_syntax",
            ),
            (format!("{root}<u a='<'/></Pair>"), "$", "xml_syntax"),
            (
                format!("{root}<p:first>x</p:first></Pair>"),
                "$",
                "xml_syntax",
            ),
            (
                format!("{root}<first>&bogus;</first></Pair>"),
                "$.first",
                "xml_entity",
            ),
            (
                format!("{root}<first>&#0;</first></Pair>"),
                "$.first",
                "xml_syntax",
            ),
            (
                format!("{root}<first>\u{1}</first></Pair>"),
                "$.first",
                "xml_syntax",
            ),
            (format!("{root}<u>&bogus;</u></Pair>"), "$", "xml_entity"),
            (format!("{root}text</Pair>"), "$", "invalid_type"),
            (
                format!("{root}<first><b/></first></Pair>"),
                "$.first",
                "invalid_type",
            ),
            (
                format!("{root}<first>a</first><first>b</first></Pair>"),
                "$.first",
                "duplicate_field",
            ),
            (
                format!(
                    "<Pair xmlns=\"{P}\"><second xmlns:a=\"{ARRAYS}\"><a:int>1</a:int><a:int>x</a:int></second></Pair>"
                ),
                "$.second[1]",
                "invalid_value",
            ),
            (
                format!("<Pair xmlns=\"{P}\"><first/></Pair>"),
                "$.second",
                "missing_field",
            ),
            (format!("<!DOCTYPE Pair>{root}</Pair>"), "$", "xml_dtd"),
            (format!("{root}<u><!DOCTYPE x></u></Pair>"), "$", "xml_dtd"),
            (
                format!("{root}<?xml version=\"1.0\"?></Pair>"),
                "$",
                "xml_syntax",
            ),
            ("<Pair xmlns=\"urn:wrong\"/>".to_owned(), "$", "wrong_root"),
            (
                format!("<q:Pair xmlns:q=\"{P}\" xmlns:q=\"urn:x\"/>"),
                "$",
                "xml_syntax",
            ),
            (
                format!("<Pair xmlns=\"{P}\" xmlns:xml=\"urn:x\"/>"),
                "$",
                "xml_syntax",
            ),
            (
                format!("<q:Pair xmlns:q=\"{P}\"><q:first xmlns:q=\"\">x</q:first></q:Pair>"),
                "$",
                "xml_syntax",
            ),
            (String::new(), "$", "xml_eof"),
        ];
        for (document, path, code) in cases {
            assert_eq!(refusal(&document), (path.to_owned(), code), "{document}");
        }
    }

    #[test]
    fn depth_and_size_are_bounded() {
        let nested = |depth: usize| {
            format!(
                "<Pair xmlns=\"{P}\">{}{}<second/></Pair>",
                "<u>".repeat(depth),
                "</u>".repeat(depth)
            )
        };
        let limits = Limits {
            max_bytes: 1 << 20,
            max_depth: 5,
        };
        assert!(from_str_with::<Pair>(&nested(3), limits).is_ok());
        assert_eq!(
            refusal_with(&nested(4), limits),
            ("$".to_owned(), "too_deep")
        );
        assert_eq!(refusal(&nested(200_000)), ("$".to_owned(), "too_deep"));
        let small = Limits {
            max_bytes: 10,
            max_depth: 5,
        };
        assert_eq!(
            refusal_with(&nested(0), small),
            ("$".to_owned(), "too_large")
        );
    }
}
