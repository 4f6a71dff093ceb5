//! TOP's XML responses read into a JSON value, so one envelope rule and one lenient deserializer serve both
//! formats (docs/wire-formats.md, TOP response envelope).
//!
//! TOP XML is plain: no namespaces, no attributes, every value an element's text, a list an element wrapping
//! its repeated items. So an element with child elements becomes an object, a repeated child becomes an array,
//! and any other element becomes its text (an empty element, the empty string). Every scalar arrives as a
//! string, which the lenient deserializer turns into the number or boolean the type wants.

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::events::{BytesRef, Event};
use serde_json::{Map, Value};

use crate::format::xml::Limits;
use crate::problem::{Problem, Rejection, Stage};

/// The root element's name and its content.
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
        reader: Reader::from_str(text),
        open: Vec::new(),
        root: None,
        max_depth: limits.max_depth,
    };
    loop {
        let event = tree.reader.read_event().map_err(|e| tree.syntax(e))?;
        match event {
            Event::Start(start) => tree.open(start.local_name().into_inner())?,
            Event::Empty(start) => {
                tree.open(start.local_name().into_inner())?;
                tree.close()?;
            }
            Event::End(_) => tree.close()?,
            Event::Text(piece) => tree.text(&piece.xml10_content())?,
            Event::CData(piece) => tree.text(&piece.xml10_content())?,
            Event::GeneralRef(reference) => {
                let ch = tree.resolve(&reference)?;
                tree.text(ch.encode_utf8(&mut [0; 4]))?;
            }
            Event::Decl(_) if tree.open.is_empty() && tree.root.is_none() => {}
            Event::Decl(_) => {
                return Err(tree.error(
                    "xml_syntax",
                    "an XML declaration after the start of the document".to_owned(),
                ));
            }
            Event::Comment(_) | Event::PI(_) => {}
            Event::DocType(_) => {
                return Err(tree.error(
                    "xml_dtd",
                    "a document type declaration: DTDs are refused, so no entity is ever declared or fetched"
                        .to_owned(),
                ));
            }
            Event::Eof if !tree.open.is_empty() => {
                return Err(tree.error("xml_eof", "the document ends inside an element".to_owned()));
            }
            Event::Eof => {
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

/// An element being read: its name, the children read so far, and its text.
struct Open {
    name: String,
    children: Map<String, Value>,
    text: String,
}

struct Tree<'a> {
    reader: Reader<&'a [u8]>,
    open: Vec<Open>,
    root: Option<(String, Value)>,
    max_depth: usize,
}

impl Tree<'_> {
    fn open(&mut self, name: &str) -> Result<(), Rejection> {
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
        self.open.push(Open {
            name: name.to_owned(),
            children: Map::new(),
            text: String::new(),
        });
        Ok(())
    }

    fn close(&mut self) -> Result<(), Rejection> {
        let Some(element) = self.open.pop() else {
            return Err(self.error("xml_syntax", "an end tag with no start tag".to_owned()));
        };
        let value = if element.children.is_empty() {
            Value::String(element.text)
        } else if is_white_space(&element.text) {
            Value::Object(element.children)
        } else {
            self.open.push(element);
            return Err(self.error(
                "xml_mixed_content",
                "text next to child elements".to_owned(),
            ));
        };
        match self.open.last_mut() {
            Some(parent) => add_child(&mut parent.children, element.name, value),
            None => self.root = Some((element.name, value)),
        }
        Ok(())
    }

    fn text(&mut self, piece: &str) -> Result<(), Rejection> {
        match self.open.last_mut() {
            Some(element) => {
                element.text.push_str(piece);
                Ok(())
            }
            None if is_white_space(piece) => Ok(()),
            None => Err(self.error("xml_syntax", "text outside the root element".to_owned())),
        }
    }

    /// The five predefined entities and character references; any other entity is refused, never expanded.
    fn resolve(&self, reference: &BytesRef<'_>) -> Result<char, Rejection> {
        if let Some(ch) = reference.resolve_char_ref().map_err(|e| self.syntax(e))? {
            return Ok(ch);
        }
        let name: Cow<'_, str> = reference.xml10_content();
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

    /// The path of the element being read, the root's content being `$` as in the JSON envelope.
    fn path(&self) -> String {
        self.open
            .iter()
            .skip(1)
            .fold(String::from("$"), |path, element| {
                format!("{path}.{}", element.name)
            })
    }

    fn syntax(&self, error: impl std::fmt::Display) -> Rejection {
        let at = self.reader.error_position();
        self.error("xml_syntax", format!("{error} (at byte {at})"))
    }

    fn error(&self, code: &'static str, message: String) -> Rejection {
        rejection(self.path(), code, message)
    }
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

fn is_white_space(text: &str) -> bool {
    text.bytes()
        .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
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
}
