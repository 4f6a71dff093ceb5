//! TOP's XML responses read into a JSON value, so one envelope rule and one lenient deserializer serve both
//! formats (docs/wire-formats.md, TOP response envelope).
//!
//! TOP XML is plain: no namespaces, no attributes, every value an element's text, a list an element wrapping
//! its repeated items. So an element with child elements becomes an object, a repeated child becomes an array,
//! and any other element becomes its text (an empty element, the empty string). Every scalar arrives as a
//! string, which the lenient deserializer turns into the number or boolean the type wants.

use std::borrow::Cow;

use serde_json::{Map, Value};

use crate::format::xml::Limits;
use crate::format::xml::lexer::{Attribute, Lexer, StartTag, SyntaxError, Token, is_white_space};
use crate::format::xml::unescape::{self, TextError};
use crate::problem::{Problem, Rejection, Stage};

/// The root element's name and its content.
///
/// It reads with the DataContract reader's lexer and refuses what that reader refuses (a DTD, an entity other
/// than XML's five, a character XML forbids, malformed markup or attributes), and also `]]>` in text; a
/// namespace prefix is dropped, never resolved, and attributes are checked but ignored.
pub(super) fn read(text: &str) -> Result<(String, Value), Rejection> {
    let limits = Limits::default();
    if text.len() > limits.max_bytes {
        return Err(rejection(
            "$".to_owned(),
            "too_large",
            format!("the document is larger than {} bytes", limits.max_bytes),
        ));
    }
    let mut tree = Tree {
        lexer: Lexer::new(text.strip_prefix('\u{FEFF}').unwrap_or(text)),
        open: Vec::new(),
        root: None,
        max_depth: limits.max_depth,
    };
    loop {
        match tree.lexer.next_token() {
            Token::Start(tag) => tree.start(tag)?,
            Token::End(name) => tree.end(tree.lexer.get(name))?,
            Token::Text(raw, plain) => {
                let raw = tree.lexer.get(raw);
                if let Some(at) = cdata_end(raw) {
                    let at = tree.offset(raw) + at;
                    return Err(tree.error(
                        "xml_syntax",
                        format!("`]]>` in text, which XML does not allow (at byte {at})"),
                    ));
                }
                let piece = if plain {
                    Cow::Borrowed(raw)
                } else {
                    tree.decode(raw, unescape::text)?
                };
                tree.text(piece)?;
            }
            Token::CData(raw) => {
                let piece = tree.decode(tree.lexer.get(raw), unescape::cdata)?;
                tree.text(piece)?;
            }
            Token::Ignorable => {}
            Token::Declaration if tree.open.is_empty() && tree.root.is_none() => {}
            Token::Declaration => {
                return Err(tree.error(
                    "xml_syntax",
                    "an XML declaration after the start of the document".to_owned(),
                ));
            }
            Token::DocType => {
                return Err(tree.error(
                    "xml_dtd",
                    "a document type declaration: DTDs are refused, so no entity is ever declared or fetched"
                        .to_owned(),
                ));
            }
            Token::Malformed => return Err(tree.syntax(tree.lexer.error())),
            Token::Eof if !tree.open.is_empty() => {
                return Err(tree.error("xml_eof", "the document ends inside an element".to_owned()));
            }
            Token::Eof => {
                return tree.root.ok_or_else(|| {
                    rejection(
                        "$".to_owned(),
                        "xml_eof",
                        "the document has no root element".to_owned(),
                    )
                });
            }
        }
    }
}

/// An element being read: its qualified name, the children read so far, its text up to its first child, and
/// whether all its text after that is white space.
struct Open<'a> {
    name: &'a str,
    children: Map<String, Value>,
    text: Cow<'a, str>,
    blank: bool,
}

struct Tree<'a> {
    lexer: Lexer<'a>,
    open: Vec<Open<'a>>,
    root: Option<(String, Value)>,
    max_depth: usize,
}

impl<'a> Tree<'a> {
    /// A start tag: its attributes are read to the tag's end, and an empty element ends at once.
    fn start(&mut self, tag: StartTag) -> Result<(), Rejection> {
        let empty = match tag.bare {
            Some(empty) => empty,
            None => self.attributes()?,
        };
        let element = self.enter(self.lexer.get(tag.name))?;
        if empty {
            self.close(element)
        } else {
            self.open.push(element);
            Ok(())
        }
    }

    /// Checks the attributes of the start tag just read, values included, and says whether the tag was empty.
    fn attributes(&mut self) -> Result<bool, Rejection> {
        let mut attributes = self.lexer.attributes();
        loop {
            match attributes.next().map_err(|error| self.syntax(error))? {
                Attribute::Pair(_, raw, false) => {
                    self.decode(raw, unescape::attribute)?;
                }
                Attribute::Pair(..) => {}
                Attribute::End { empty } => {
                    self.lexer.resume(&attributes);
                    return Ok(empty);
                }
            }
        }
    }

    /// A new element inside the innermost one, within the depth bound; only one root is allowed.
    fn enter(&self, name: &'a str) -> Result<Open<'a>, Rejection> {
        if self.root.is_some() {
            return Err(self.error(
                "xml_syntax",
                "a second element after the root element".to_owned(),
            ));
        }
        if self.open.len() >= self.max_depth {
            return Err(self.error(
                "too_deep",
                format!("elements nest deeper than {} levels", self.max_depth),
            ));
        }
        Ok(Open {
            name,
            children: Map::new(),
            text: Cow::Borrowed(""),
            blank: true,
        })
    }

    /// An end tag, which must repeat the innermost open element's qualified name.
    fn end(&mut self, name: &str) -> Result<(), Rejection> {
        match self.open.pop() {
            Some(element) if element.name == name => self.close(element),
            Some(element) => {
                let message = format!(
                    "expected `</{}>`, found `</{name}>` (at byte {})",
                    element.name,
                    self.lexer.position()
                );
                self.open.push(element);
                Err(self.error("xml_syntax", message))
            }
            None => Err(self.error("xml_syntax", "an end tag with no start tag".to_owned())),
        }
    }

    /// Ends `element`, no longer open, and adds its value to its parent, or makes it the root.
    fn close(&mut self, element: Open<'a>) -> Result<(), Rejection> {
        let value = if element.children.is_empty() {
            Value::String(element.text.into_owned())
        } else if element.blank && is_white_space(&element.text) {
            Value::Object(element.children)
        } else {
            self.open.push(element);
            return Err(self.error(
                "xml_mixed_content",
                "text next to child elements".to_owned(),
            ));
        };
        let name = local_name(element.name).to_owned();
        match self.open.last_mut() {
            Some(parent) => add_child(&mut parent.children, name, value),
            None => self.root = Some((name, value)),
        }
        Ok(())
    }

    /// Character data of the innermost element: kept until its first child, then only checked to be white space.
    fn text(&mut self, piece: Cow<'a, str>) -> Result<(), Rejection> {
        match self.open.last_mut() {
            Some(element) if !element.children.is_empty() => {
                element.blank &= is_white_space(&piece);
                Ok(())
            }
            Some(element) if element.text.is_empty() => {
                element.text = piece;
                Ok(())
            }
            Some(element) => {
                element.text.to_mut().push_str(&piece);
                Ok(())
            }
            None if is_white_space(&piece) => Ok(()),
            None => Err(self.error("xml_syntax", "text outside the root element".to_owned())),
        }
    }

    /// Resolves references and line ends in a piece of the document with one of the `unescape` functions.
    fn decode(
        &self,
        raw: &'a str,
        decode: fn(&'a str) -> Result<Cow<'a, str>, TextError>,
    ) -> Result<Cow<'a, str>, Rejection> {
        decode(raw).map_err(|error| {
            let at = self.offset(raw) + error.at;
            self.error(error.code, format!("{} (at byte {at})", error.message))
        })
    }

    /// Where `raw`, which lies inside the document, starts in it.
    fn offset(&self, raw: &str) -> usize {
        raw.as_ptr() as usize - self.lexer.text().as_ptr() as usize
    }

    /// The path of the element being read, the root's content being `$` as in the JSON envelope.
    fn path(&self) -> String {
        self.open
            .iter()
            .skip(1)
            .fold(String::from("$"), |path, element| {
                format!("{path}.{}", local_name(element.name))
            })
    }

    fn syntax(&self, error: SyntaxError) -> Rejection {
        self.error(
            "xml_syntax",
            format!("{} (at byte {})", error.message, error.at),
        )
    }

    fn error(&self, code: &'static str, message: String) -> Rejection {
        rejection(self.path(), code, message)
    }
}

/// Where `]]>`, which XML forbids in text, starts in `raw`; `>` is rare in text, so it is looked for first.
fn cdata_end(raw: &str) -> Option<usize> {
    let bytes = raw.as_bytes();
    memchr::memchr_iter(b'>', bytes)
        .find(|&at| at >= 2 && bytes[at - 2..at] == *b"]]")
        .map(|at| at - 2)
}

/// The name without its prefix: TOP declares no namespaces, so a prefix is dropped rather than resolved.
fn local_name(name: &str) -> &str {
    name.split_once(':').map_or(name, |(_, local)| local)
}

/// Adds a child; a name seen before turns the entry into an array of every occurrence, in order.
fn add_child(children: &mut Map<String, Value>, name: String, value: Value) {
    match children.get_mut(&name) {
        Some(Value::Array(items)) => items.push(value),
        Some(first) => {
            let first = first.take();
            children.insert(name, Value::Array(vec![first, value]));
        }
        None => {
            children.insert(name, value);
        }
    }
}

fn rejection(path: String, code: &'static str, message: String) -> Rejection {
    Rejection::new(
        Stage::Parse,
        vec![Problem {
            path,
            code,
            message,
        }],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn tree(text: &str) -> (String, Value) {
        read(text).unwrap_or_else(|rejection| panic!("{text}: {rejection}"))
    }

    fn problem(text: &str) -> (String, &'static str) {
        let rejection = read(text).expect_err(text);
        let problem = &rejection.errors()[0];
        (problem.path.clone(), problem.code)
    }

    #[test]
    fn elements_become_objects_and_text_strings() {
        let (name, value) = tree(
            "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<!-- c -->\n<a_response>\n  <data>\n    <id>1</id>\n  </data>\n  <msg> 成功 &amp; &#x4E09; </msg>\n  <empty/>\n  <blank></blank>\n  <raw><![CDATA[<x>]]></raw>\n</a_response>\n",
        );
        assert_eq!(name, "a_response");
        assert_eq!(
            value,
            json!({"data": {"id": "1"}, "msg": " 成功 & 三 ", "empty": "", "blank": "", "raw": "<x>"})
        );
    }

    #[test]
    fn repeated_children_become_arrays_in_order() {
        let (_, value) = tree(
            "<r><list><item><n>1</n></item><item><n>2</n></item><item>3</item></list><one><item>x</item></one></r>",
        );
        assert_eq!(
            value,
            json!({"list": {"item": [{"n": "1"}, {"n": "2"}, "3"]}, "one": {"item": "x"}})
        );
    }

    #[test]
    fn a_bare_root_is_its_text() {
        assert_eq!(tree("<r/>"), ("r".to_owned(), json!("")));
        assert_eq!(tree("<r>5</r>"), ("r".to_owned(), json!("5")));
    }

    #[test]
    fn malformed_documents_are_located() {
        assert_eq!(problem(""), ("$".into(), "xml_eof"));
        assert_eq!(problem("<r><a>1</a>"), ("$".into(), "xml_eof"));
        assert_eq!(problem("<r><a><b>1</b></c></r>").1, "xml_syntax");
        assert_eq!(problem("<r/><s/>"), ("$".into(), "xml_syntax"));
        assert_eq!(problem("x<r/>"), ("$".into(), "xml_syntax"));
        assert_eq!(problem("<r/>x"), ("$".into(), "xml_syntax"));
        assert_eq!(
            problem("<r><a>t<b/></a></r>"),
            ("$.a".into(), "xml_mixed_content")
        );
        assert_eq!(problem("<r><a>&ext;</a></r>"), ("$.a".into(), "xml_entity"));
        assert_eq!(
            problem("<!DOCTYPE r [<!ENTITY e \"x\">]><r>&e;</r>"),
            ("$".into(), "xml_dtd")
        );
        assert_eq!(problem("<r><?xml version=\"1.0\"?></r>").1, "xml_syntax");
        let deep = format!("{}{}", "<a>".repeat(200), "</a>".repeat(200));
        assert_eq!(problem(&deep).1, "too_deep");
    }

    #[test]
    fn a_byte_order_mark_prefixes_and_attributes_are_read_past() {
        assert_eq!(
            tree(
                "\u{FEFF}<p:r xmlns:p=\"urn:p\"><items list=\"true\"><p:item a='&amp;'>x</p:item></items>\n</p:r >"
            ),
            ("r".to_owned(), json!({"items": {"item": "x"}}))
        );
        assert_eq!(
            tree("<r><a>\r\n</a><b>&#32;<!-- c --></b><c/>&#x20;<?pi?></r>").1,
            json!({"a": "\n", "b": " ", "c": ""})
        );
    }

    /// Documents quick-xml, which read the envelope before, let through and this reader refuses: TOP's servers
    /// write well-formed XML, so the stricter reading is kept.
    #[test]
    fn what_quick_xml_let_through_is_refused() {
        for (text, path, code) in [
            ("<r><a>x]]>y</a></r>", "$.a", "xml_syntax"),
            ("<r><a>\u{1}</a></r>", "$.a", "xml_syntax"),
            ("<r><a><![CDATA[\u{FFFF}]]></a></r>", "$.a", "xml_syntax"),
            ("<r a=1/>", "$", "xml_syntax"),
            ("<r a='1' a='2'/>", "$", "xml_syntax"),
            ("<r><a b='&e;'/></r>", "$", "xml_entity"),
            ("<r><a b='<'/></r>", "$", "xml_syntax"),
            ("<r><1a/></r>", "$", "xml_syntax"),
            ("<r><??></r>", "$", "xml_syntax"),
        ] {
            assert_eq!(problem(text), (path.to_owned(), code), "{text:?}");
        }
    }
}
