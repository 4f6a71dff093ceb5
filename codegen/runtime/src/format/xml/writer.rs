//! The writing half of DataContractSerializer over a plain `XmlWriter` (docs/wire-formats.md, DataContract root
//! element, DataContract namespace declarations): which prefix an element gets, when `xmlns="…"` or `xmlns:dNpM` is
//! declared, how text is escaped.
//!
//! The document is written straight into a `String`. Each element's name and prefix live in the frame of the
//! call that writes it, so only the namespace bindings in scope are tracked, and a handful of those live inline.

use std::fmt;

use super::escape::{push_attribute_text, push_integer, push_text};
use super::small_stack::SmallStack;
use super::stack_text::StackText;
use super::{DataContract, XSI_NAMESPACE, XmlError, XmlValue};

/// The bytes an item is assumed to add besides its tags' names, when room is made for a whole list.
const ITEM_TEXT_GUESS: usize = 32;

/// A prefix in scope, as `XmlWellFormedWriter` tracks them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Prefix {
    /// The default namespace (`xmlns="…"`).
    Default,
    /// `i`, bound to the XML Schema instance namespace on the root.
    Xsi,
    /// `d{depth}p{n}`, declared by `XmlWriterDelegator.WriteXmlnsAttribute` for a member's contract namespace.
    Generated { depth: u32, n: u32 },
}

#[derive(Clone, Copy)]
struct Binding {
    prefix: Prefix,
    namespace: &'static str,
}

impl Default for Binding {
    fn default() -> Binding {
        Binding {
            prefix: Prefix::Default,
            namespace: "",
        }
    }
}

/// Writes one document; generated code reaches it through [`XmlWriter::member`] and [`XmlWriter::items`].
pub struct XmlWriter {
    out: String,
    /// The prefixes in scope, outermost first.
    bindings: SmallStack<Binding, 8>,
    /// The depth of the innermost open element, the root being 1.
    depth: u32,
    /// Whether the innermost start tag still lacks its `>`, so an element with no content closes as ` />`.
    start_tag_open: bool,
    /// The default namespace the open start tag redeclares: `XmlWellFormedWriter` writes that declaration when it
    /// closes the tag, after the attributes written explicitly (`<x i:nil="true" xmlns="…" />`).
    pending_default: Option<&'static str>,
    /// The `n` of the next `d{depth}p{n}` on the innermost element; restarts at 1 on every element.
    next_prefix: u32,
}

impl XmlWriter {
    pub(crate) fn new() -> XmlWriter {
        XmlWriter {
            out: String::with_capacity(1024),
            bindings: SmallStack::new(),
            depth: 0,
            start_tag_open: false,
            pending_default: None,
            next_prefix: 1,
        }
    }

    pub(crate) fn into_string(self) -> String {
        self.out
    }

    /// The root element: the contract name with `xmlns:i` (but on a primitive) then the contract namespace as
    /// default (docs/wire-formats.md, DataContract root element).
    pub(crate) fn root<T: DataContract>(&mut self, value: &T) -> Result<(), XmlError> {
        self.depth = 1;
        self.out.push('<');
        self.out.push_str(T::NAME);
        if T::DECLARES_XSI {
            self.declare(Prefix::Xsi, XSI_NAMESPACE);
        }
        if !T::NAMESPACE.is_empty() {
            self.redeclare_default(T::NAMESPACE);
        }
        self.start_tag_open = true;
        value.write_xml(self)?;
        self.end_element(Tags::Bare(T::NAME), 0);
        Ok(())
    }

    /// Writes one data member: its element in the namespace of the contract that declares it, the namespace of its
    /// type's contract declared when it differs (docs/wire-formats.md, DataContract namespace declarations), then the
    /// value.
    pub fn member<V: XmlValue>(
        &mut self,
        name: &'static str,
        declaring_namespace: &'static str,
        value: &V,
    ) -> Result<(), XmlError> {
        let bound = self.lookup_prefix(declaring_namespace);
        let tags = match bound {
            Some(prefix) if prefix != Prefix::Default => Tags::Prefixed(prefix, name),
            _ => Tags::Bare(name),
        };
        self.element(tags, declaring_namespace, bound.is_none(), value)
            .map_err(|error| error.within_member(name))
    }

    /// Writes the items of a collection, each as an element named by the item's contract (docs/wire-formats.md,
    /// DataContract collections).
    pub fn items<'v, V: XmlValue + 'v>(
        &mut self,
        items: impl IntoIterator<Item = &'v V>,
    ) -> Result<(), XmlError> {
        let name = V::contract_name();
        let namespace = V::collection_namespace();
        // Every item opens in the same scope (an item's own declarations end with it), so one lookup and one
        // pair of tags (`<d3p1:string`, `</d3p1:string>`) serve them all.
        let bound = self.lookup_prefix(namespace);
        let joined = JoinedTags::new(bound.unwrap_or(Prefix::Default), &name);
        let items = items.into_iter();
        // Room for the items' tags and some text each, so that a long list grows the document once.
        self.out
            .reserve(items.size_hint().0 * (joined.len() + ITEM_TEXT_GUESS));
        let declares_nothing =
            bound.is_some() && V::child_namespace().is_none_or(|child| child == namespace);
        if declares_nothing {
            return self.undeclaring_items(items, &joined);
        }
        for (index, item) in items.enumerate() {
            self.element(joined.tags(), namespace, bound.is_none(), item)
                .map_err(|error| error.within_item(index))?;
        }
        Ok(())
    }

    /// Items whose start tags declare nothing, the common case (`<d3p1:string>`): the end tag of one and the
    /// start tag of the next are written as one piece, `</d3p1:string><d3p1:string`.
    fn undeclaring_items<'v, V: XmlValue + 'v>(
        &mut self,
        items: impl Iterator<Item = &'v V>,
        joined: &JoinedTags,
    ) -> Result<(), XmlError> {
        let (close, open, between) = joined.parts();
        // Whether the last item's end tag is still to be written, as it is when it had content.
        let mut unclosed = false;
        for (index, item) in items.enumerate() {
            self.close_start_tag();
            self.out.push_str(if unclosed { between } else { open });
            self.depth += 1;
            self.next_prefix = 1;
            self.start_tag_open = true;
            item.write_xml(self)
                .map_err(|error| error.within_item(index))?;
            self.depth -= 1;
            unclosed = !self.start_tag_open;
            if self.start_tag_open {
                self.out.push_str(" />");
                self.start_tag_open = false;
            }
        }
        if unclosed {
            self.out.push_str(close);
        }
        Ok(())
    }

    /// Marks the open element null: `i:nil="true"`, after any namespace it declared (docs/wire-formats.md, DataContract
    /// null and empty values).
    #[inline]
    pub fn nil(&mut self) {
        self.out.push_str(" i:nil=\"true\"");
    }

    /// Writes text content, escaped as `XmlEncodedRawTextWriter` escapes it with `CheckCharacters = false` and
    /// `NewLineHandling.Replace`: `&`, `<` and `>` as entities, every line break as `\r\n` (a Windows server's
    /// `NewLineChars`), and characters XML cannot hold as `&#xN;` references. An empty text still closes the
    /// start tag, so an empty string is `<x></x>`, never `<x />`.
    #[inline]
    pub fn text(&mut self, text: &str) {
        self.close_start_tag();
        push_text(&mut self.out, text);
    }

    /// Writes an integer's digits as text content.
    #[inline]
    pub(crate) fn integer(&mut self, value: i64) {
        self.close_start_tag();
        push_integer(&mut self.out, value);
    }

    /// An error at the member or item being written; each enclosing member and item adds its step to the path
    /// as the error passes out, so no path is kept while writing.
    pub fn error(&self, code: &'static str, message: String) -> XmlError {
        XmlError::at("$", code, message)
    }

    /// `WriteStartElement(null, name, ns)`: the start tag with the qualified name of the prefix bound to `ns`, or
    /// with the bare name and the default namespace redeclared; the member type's namespace declared; the value;
    /// the end tag.
    fn element<V: XmlValue>(
        &mut self,
        tags: Tags<'_>,
        namespace: &'static str,
        redeclare: bool,
        value: &V,
    ) -> Result<(), XmlError> {
        self.close_start_tag();
        let scope = self.bindings.len();
        self.depth += 1;
        self.next_prefix = 1;
        match tags {
            Tags::Bare(name) => {
                self.out.push('<');
                self.out.push_str(name);
            }
            Tags::Prefixed(prefix, name) => {
                self.out.push('<');
                // Writing to a `String` cannot fail.
                let _ = write_qualified(&mut self.out, prefix, name);
            }
            Tags::Joined { open, .. } => self.out.push_str(open),
        }
        if redeclare {
            self.redeclare_default(namespace);
        }
        if let Some(child) = V::child_namespace()
            && child != namespace
        {
            self.declare_child_namespace(child);
        }
        self.start_tag_open = true;
        value.write_xml(self)?;
        self.end_element(tags, scope);
        Ok(())
    }

    /// Closes the innermost element, whose bindings are those past `scope`.
    #[inline(always)]
    fn end_element(&mut self, tags: Tags<'_>, scope: usize) {
        if self.start_tag_open {
            self.write_pending_default();
            self.out.push_str(" />");
            self.start_tag_open = false;
        } else {
            match tags {
                Tags::Bare(name) => {
                    self.out.push_str("</");
                    self.out.push_str(name);
                    self.out.push('>');
                }
                Tags::Prefixed(prefix, name) => {
                    self.out.push_str("</");
                    let _ = write_qualified(&mut self.out, prefix, name);
                    self.out.push('>');
                }
                Tags::Joined { close, .. } => self.out.push_str(close),
            }
        }
        self.bindings.truncate(scope);
        self.depth -= 1;
    }

    #[inline]
    fn close_start_tag(&mut self) {
        if self.start_tag_open {
            if self.pending_default.is_some() {
                self.write_pending_default();
            }
            self.out.push('>');
            self.start_tag_open = false;
        }
    }

    /// `XmlWriterDelegator.WriteXmlnsAttribute`: nothing when a prefix (the default one included) already maps to
    /// the namespace, else `xmlns:d{depth}p{n}` on the element just opened.
    fn declare_child_namespace(&mut self, namespace: &'static str) {
        if self.lookup_prefix(namespace).is_some() {
            return;
        }
        let prefix = Prefix::Generated {
            depth: self.depth,
            n: self.next_prefix,
        };
        self.next_prefix += 1;
        self.declare(prefix, namespace);
    }

    /// Binds the default namespace on the open element and writes its declaration when the start tag closes.
    fn redeclare_default(&mut self, namespace: &'static str) {
        self.pending_default = Some(namespace);
        self.bindings.push(Binding {
            prefix: Prefix::Default,
            namespace,
        });
    }

    fn write_pending_default(&mut self) {
        if let Some(namespace) = self.pending_default.take() {
            self.out.push_str(" xmlns=\"");
            push_attribute_text(&mut self.out, namespace);
            self.out.push('"');
        }
    }

    /// Declares a prefix on the open start tag: `xmlns:i` on the root, `xmlns:d2p1` on a member.
    fn declare(&mut self, prefix: Prefix, namespace: &'static str) {
        self.out.push_str(" xmlns:");
        // Writing to a `String` cannot fail.
        let _ = write_prefix(&mut self.out, prefix);
        self.out.push_str("=\"");
        push_attribute_text(&mut self.out, namespace);
        self.out.push('"');
        self.bindings.push(Binding { prefix, namespace });
    }

    /// The innermost prefix bound to `namespace` that no inner declaration has rebound to another namespace.
    /// Only the default prefix is ever rebound: `i` is declared once, and `d{depth}p{n}` names its element's
    /// depth, which no other element in scope shares.
    fn lookup_prefix(&self, namespace: &str) -> Option<Prefix> {
        let mut default_seen = false;
        for binding in self.bindings.innermost_first() {
            let in_force = binding.prefix != Prefix::Default || !default_seen;
            if binding.prefix == Prefix::Default {
                default_seen = true;
            }
            if in_force && binding.namespace == namespace {
                return Some(binding.prefix);
            }
        }
        None
    }
}

/// An element's tags, as they are written.
#[derive(Clone, Copy)]
enum Tags<'t> {
    /// A name without prefix, written between `<` and the start tag's end, and between `</` and `>`.
    Bare(&'t str),
    /// A name with a prefix, written as `d2p1:orderid` in both tags.
    Prefixed(Prefix, &'t str),
    /// `<d3p1:string` (its `>` or ` />` comes later) and `</d3p1:string>`, written once for many elements.
    Joined { open: &'t str, close: &'t str },
}

/// The text of an element's two tags in one buffer, `</d3p1:string><d3p1:string`, built once for all the items
/// of a list, and where the start tag begins.
enum JoinedTags {
    Short(StackText, usize),
    Long(String, usize),
}

impl JoinedTags {
    fn new(prefix: Prefix, name: &str) -> JoinedTags {
        let mut text = StackText::new();
        let written = write_tags(&mut text, prefix, name, StackText::len);
        if let Ok(open) = written {
            return JoinedTags::Short(text, open);
        }
        let mut long = String::new();
        let open = write_tags(&mut long, prefix, name, String::len).unwrap_or_default();
        JoinedTags::Long(long, open)
    }

    /// The end tag, the start tag (`>` or ` />` comes later), and both, the end tag first.
    fn parts(&self) -> (&str, &str, &str) {
        let (text, open) = match self {
            JoinedTags::Short(text, open) => (text.as_str(), *open),
            JoinedTags::Long(text, open) => (text.as_str(), *open),
        };
        let (close, start) = text.split_at_checked(open).unwrap_or((text, ""));
        (close, start, text)
    }

    fn tags(&self) -> Tags<'_> {
        let (close, open, _) = self.parts();
        Tags::Joined { open, close }
    }

    fn len(&self) -> usize {
        self.parts().2.len()
    }
}

/// Writes `</q><q` for the qualified name `q`; where `<q` begins, as `len` measures what is written.
fn write_tags<W: fmt::Write>(
    out: &mut W,
    prefix: Prefix,
    name: &str,
    len: fn(&W) -> usize,
) -> Result<usize, fmt::Error> {
    out.write_str("</")?;
    write_qualified(out, prefix, name)?;
    out.write_char('>')?;
    let open = len(out);
    out.write_char('<')?;
    write_qualified(out, prefix, name)?;
    Ok(open)
}

/// Writes `prefix:name`, or just `name` in the default namespace.
fn write_qualified(out: &mut impl fmt::Write, prefix: Prefix, name: &str) -> fmt::Result {
    if prefix != Prefix::Default {
        write_prefix(out, prefix)?;
        out.write_char(':')?;
    }
    out.write_str(name)
}

/// Writes a prefix's name: `i`, `d2p1`; nothing for the default namespace.
fn write_prefix(out: &mut impl fmt::Write, prefix: Prefix) -> fmt::Result {
    match prefix {
        Prefix::Default => Ok(()),
        Prefix::Xsi => out.write_char('i'),
        Prefix::Generated { depth, n } => {
            out.write_char('d')?;
            write_number(out, depth)?;
            out.write_char('p')?;
            write_number(out, n)
        }
    }
}

/// A prefix's number, nearly always one digit.
fn write_number(out: &mut impl fmt::Write, n: u32) -> fmt::Result {
    match char::from_digit(n, 10) {
        Some(digit) => out.write_char(digit),
        None => write!(out, "{n}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn binding(prefix: Prefix, namespace: &'static str) -> Binding {
        Binding { prefix, namespace }
    }

    #[test]
    fn a_rebound_default_namespace_hides_the_outer_one() {
        let mut writer = XmlWriter::new();
        writer.bindings.push(binding(Prefix::Xsi, XSI_NAMESPACE));
        writer.bindings.push(binding(Prefix::Default, "urn:root"));
        writer
            .bindings
            .push(binding(Prefix::Generated { depth: 2, n: 1 }, "urn:d"));
        assert_eq!(writer.lookup_prefix("urn:root"), Some(Prefix::Default));
        assert_eq!(
            writer.lookup_prefix("urn:d"),
            Some(Prefix::Generated { depth: 2, n: 1 })
        );
        writer.bindings.push(binding(Prefix::Default, "urn:base"));
        assert_eq!(writer.lookup_prefix("urn:root"), None);
        assert_eq!(writer.lookup_prefix("urn:base"), Some(Prefix::Default));
        assert_eq!(writer.lookup_prefix(XSI_NAMESPACE), Some(Prefix::Xsi));
        writer.bindings.truncate(3);
        assert_eq!(writer.lookup_prefix("urn:root"), Some(Prefix::Default));
    }

    #[test]
    fn joined_tags_hold_prefix_and_name() {
        let parts = |prefix, name: &str| {
            let joined = JoinedTags::new(prefix, name);
            let (close, open, both) = joined.parts();
            [close.to_owned(), open.to_owned(), both.to_owned()]
        };
        let generated = Prefix::Generated { depth: 12, n: 3 };
        assert_eq!(
            parts(generated, "string"),
            [
                "</d12p3:string>",
                "<d12p3:string",
                "</d12p3:string><d12p3:string"
            ]
        );
        assert_eq!(
            parts(Prefix::Default, "code"),
            ["</code>", "<code", "</code><code"]
        );
        assert_eq!(
            parts(Prefix::Xsi, "nil"),
            ["</i:nil>", "<i:nil", "</i:nil><i:nil"]
        );
        let long = "n".repeat(100);
        let [close, open, _] = parts(Prefix::Generated { depth: 3, n: 1 }, &long);
        assert_eq!(
            (close, open),
            (format!("</d3p1:{long}>"), format!("<d3p1:{long}"))
        );
    }

    /// Lists whose items are null, empty, or lists themselves, written with the end and start tags joined.
    struct Lists {
        values: Vec<Option<String>>,
        nested: Vec<Vec<i32>>,
    }

    impl XmlValue for Lists {
        fn contract_name() -> std::borrow::Cow<'static, str> {
            "Lists".into()
        }

        fn contract_namespace() -> &'static str {
            "urn:lists"
        }

        fn write_xml(&self, writer: &mut XmlWriter) -> Result<(), XmlError> {
            writer.member("nested", "urn:lists", &self.nested)?;
            writer.member("values", "urn:lists", &self.values)
        }

        fn read_xml(
            _: &mut super::super::XmlReader<'_>,
            _: super::super::Element,
        ) -> Result<Self, XmlError> {
            unreachable!("only written")
        }
    }

    impl DataContract for Lists {
        const NAME: &'static str = "Lists";
        const NAMESPACE: &'static str = "urn:lists";
    }

    #[test]
    fn list_items_with_and_without_content_close_as_data_contract_serializer_closes_them() {
        let lists = Lists {
            values: vec![Some("a".into()), None, Some(String::new()), None],
            nested: vec![vec![1, 2], Vec::new(), vec![3]],
        };
        let arrays = "xmlns:d2p1=\"http://schemas.microsoft.com/2003/10/Serialization/Arrays\"";
        let expected = format!(
            "<Lists xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns=\"urn:lists\">\
             <nested {arrays}><d2p1:ArrayOfint><d2p1:int>1</d2p1:int><d2p1:int>2</d2p1:int></d2p1:ArrayOfint>\
             <d2p1:ArrayOfint /><d2p1:ArrayOfint><d2p1:int>3</d2p1:int></d2p1:ArrayOfint></nested>\
             <values {arrays}><d2p1:string>a</d2p1:string><d2p1:string i:nil=\"true\" />\
             <d2p1:string></d2p1:string><d2p1:string i:nil=\"true\" /></values></Lists>"
        );
        assert_eq!(super::super::to_string(&lists).unwrap(), expected);
        let empty = Lists {
            values: Vec::new(),
            nested: vec![Vec::new()],
        };
        assert!(super::super::to_string(&empty).unwrap().ends_with(
            "<nested xmlns:d2p1=\"http://schemas.microsoft.com/2003/10/Serialization/Arrays\">\
             <d2p1:ArrayOfint /></nested><values xmlns:d2p1=\"http://schemas.microsoft.com/2003/10/Serialization/Arrays\" /></Lists>"
        ));
    }
}
