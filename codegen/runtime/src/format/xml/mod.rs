//! DataContract XML: the bytes ASP.NET Web API's `XmlMediaTypeFormatter` writes with `DataContractSerializer`,
//! and a reader that accepts what that server accepts and refuses what could hurt a client.
//!
//! The `DataContract` derive (in `codegen-derive`) implements [`DataContract`] and [`XmlValue`] for a struct by
//! calling [`XmlWriter::member`] and [`XmlReader::next_member`] once per member; everything else a DataContract
//! rule decides lives in this module: which element a member opens and in which namespace (`writer`, escaping in
//! `escape`), how a scalar is written as text (`value`), what input is refused (`reader`). The member order is
//! the derive's, and it follows docs/wire-formats.md, DataContract member order.
//!
//! Both halves work on the document's bytes directly, for speed: the writer appends to a `String`, and the
//! reader reads its own tokens (`lexer`), resolving character data (`unescape`) and namespace prefixes
//! (`scope`) only where a value or a member needs them; `scan` finds the bytes that need work eight at a time.

mod delimited;
mod escape;
pub(crate) mod lexer;
mod reader;
mod scan;
mod scope;
mod small_stack;
mod stack_text;
pub(crate) mod unescape;
mod value;
mod writer;

pub use delimited::DelimitedMember;
pub use reader::{Element, Limits, Member, XmlReader};
pub use value::{XmlPrimitive, XmlValue};
pub use writer::XmlWriter;

use std::ops::Range;

use lexer::{Attribute, Lexer, SyntaxError, Token, is_white_space};

use crate::problem::{Problem, Rejection, Stage};

/// `xmlns:i`, declared on every root: `i:nil="true"` marks a null member.
pub const XSI_NAMESPACE: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// The contract namespace of the XSD primitives (`string`, `int`, `dateTime`, ...).
pub const XSD_NAMESPACE: &str = "http://www.w3.org/2001/XMLSchema";

/// The contract namespace of `Guid`, `char` and `TimeSpan`.
pub const SERIALIZATION_NAMESPACE: &str = "http://schemas.microsoft.com/2003/10/Serialization/";

/// Where a collection of primitives lives: items are written `<d3p1:string>` in this namespace.
pub const ARRAYS_NAMESPACE: &str = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";

/// A type written as the root of a DataContract document.
///
/// The derive implements it from `#[data_contract(name = "...", namespace = "...")]`; the root element is the
/// contract name in the contract namespace, which need not be the Rust name (`ApiResultOfstring`).
pub trait DataContract: XmlValue {
    /// The root element's local name.
    const NAME: &'static str;
    /// The contract namespace, which becomes the root's default namespace.
    const NAMESPACE: &'static str;
    /// Whether the root declares `xmlns:i`: DataContractSerializer declares it on every root but a primitive's,
    /// whose contract cannot contain references (docs/wire-formats.md, DataContract primitive and list roots).
    const DECLARES_XSI: bool = true;
}

/// Writes `value` as DataContractSerializer does: no declaration, no whitespace, `xmlns:i` on the root.
///
/// Fails only for a value .NET cannot write either: an enum value with no member name.
pub fn to_string<T: DataContract>(value: &T) -> Result<String, XmlError> {
    let mut writer = XmlWriter::new();
    writer.root(value)?;
    Ok(writer.into_string())
}

/// Reads a document whose root is `T`'s contract, with the default [`Limits`].
pub fn from_str<T: DataContract>(text: &str) -> Result<T, Rejection> {
    from_str_with(text, Limits::default())
}

/// Reads a document whose root is `T`'s contract; a failure names the element path (`$.refundparm.ticketids[1]`).
pub fn from_str_with<T: DataContract>(text: &str, limits: Limits) -> Result<T, Rejection> {
    XmlReader::read_document(text, limits).map_err(XmlError::into_rejection)
}

/// Reads UTF-8 bytes (a byte order mark is allowed, as .NET's reader allows it) whose root is `T`'s contract.
pub fn from_slice<T: DataContract>(bytes: &[u8]) -> Result<T, Rejection> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|error| {
        XmlError::at(
            "$",
            "invalid_utf8",
            format!("the document is not UTF-8: {error}"),
        )
        .into_rejection()
    })?;
    from_str(text)
}

/// Why a document could not be read or a value could not be written, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct XmlError {
    /// The element path, `$.refundparm.ticketids[1]`; `$` is the root element.
    pub path: String,
    /// A stable code: `xml_syntax`, `xml_dtd`, `wrong_root`, `missing_field`, `invalid_value`, ...
    pub code: &'static str,
    pub message: String,
}

impl XmlError {
    pub(crate) fn at(path: impl Into<String>, code: &'static str, message: String) -> XmlError {
        XmlError {
            path: path.into(),
            code,
            message,
        }
    }

    /// The error as seen from the element that holds the member `name`: `$.b` becomes `$.name.b`.
    pub(crate) fn within_member(mut self, name: &str) -> XmlError {
        self.insert_step(&[".", name]);
        self
    }

    /// The error as seen from the collection whose item `index` it is in: `$.b` becomes `$[index].b`.
    pub(crate) fn within_item(mut self, index: usize) -> XmlError {
        let index = index.to_string();
        self.insert_step(&["[", &index, "]"]);
        self
    }

    /// Puts a step right after the `$` that starts the path.
    fn insert_step(&mut self, pieces: &[&str]) {
        let at = usize::from(self.path.starts_with('$'));
        self.path.insert_str(at, &pieces.concat());
    }

    /// The error as the conformance runner and the other formats report it.
    pub fn into_rejection(self) -> Rejection {
        Rejection::new(
            Stage::Parse,
            vec![Problem {
                path: self.path,
                code: self.code,
                message: self.message,
            }],
        )
    }
}

impl std::fmt::Display for XmlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} ({})", self.path, self.message, self.code)
    }
}

impl std::error::Error for XmlError {}

/// The reader passes its errors along boxed, to keep its results small, and hands them out unboxed.
impl From<Box<XmlError>> for XmlError {
    fn from(error: Box<XmlError>) -> XmlError {
        *error
    }
}

/// Removes the white space between tags that an indenting writer added, and nothing else.
///
/// The Help Page shows DataContract XML re-indented (`XDocument.ToString()`); the server sends it with no white
/// space at all. White space that is the whole content of an element goes too, as `XDocument.Parse` drops it;
/// white space next to text or a reference stays. End tags must match their start tags; a document type
/// declaration is refused, as every reader here refuses it.
pub fn compact(text: &str) -> Result<String, XmlError> {
    let syntax = |error: SyntaxError| {
        XmlError::at(
            "$",
            "xml_syntax",
            format!("{} (at byte {})", error.message, error.at),
        )
    };
    let mut lexer = Lexer::new(text);
    let mut open = Vec::new();
    // Every token: whether it is a tag, declaration or comment, whether it is white space, and its bytes.
    let mut pieces: Vec<(bool, bool, Range<usize>)> = Vec::new();
    loop {
        let start = lexer.position();
        let (is_markup, is_blank) = match lexer.next_token() {
            Token::Eof => break,
            Token::Malformed => return Err(syntax(lexer.error())),
            Token::DocType => {
                return Err(XmlError::at(
                    "$",
                    "xml_dtd",
                    "a document type declaration".to_owned(),
                ));
            }
            Token::Start(tag) => {
                let empty = match tag.bare {
                    Some(empty) => empty,
                    None => {
                        let mut attributes = lexer.attributes();
                        let empty = loop {
                            if let Attribute::End { empty } = attributes.next().map_err(syntax)? {
                                break empty;
                            }
                        };
                        lexer.resume(&attributes);
                        empty
                    }
                };
                if !empty {
                    open.push(lexer.get(tag.name));
                }
                (true, false)
            }
            Token::End(name) => {
                let name = lexer.get(name);
                if open.pop() != Some(name) {
                    return Err(XmlError::at(
                        "$",
                        "xml_syntax",
                        format!("`</{name}>` ends no open element (at byte {start})"),
                    ));
                }
                (true, false)
            }
            Token::Declaration => (true, false),
            Token::Ignorable => (text[start..].starts_with("<!--"), false),
            Token::Text(raw, _) => (false, is_white_space(lexer.get(raw))),
            Token::CData(_) => (false, false),
        };
        pieces.push((is_markup, is_blank, start..lexer.position()));
    }
    let mut compacted = String::with_capacity(text.len());
    for (at, (_, is_blank, range)) in pieces.iter().enumerate() {
        let between_markup = |neighbour: Option<&(bool, bool, Range<usize>)>| {
            neighbour.is_none_or(|(is_markup, _, _)| *is_markup)
        };
        let droppable = *is_blank
            && between_markup(at.checked_sub(1).and_then(|before| pieces.get(before)))
            && between_markup(pieces.get(at + 1));
        if !droppable {
            compacted.push_str(&text[range.clone()]);
        }
    }
    Ok(compacted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_drops_only_the_white_space_between_markup() {
        let indented = "<?xml version=\"1.0\"?>\n<a xmlns=\"urn:a\">\n  <b> x </b>\n  <!-- c -->\n  <c/>\n  <d> &amp; </d>\n  <e> <![CDATA[y]]> </e>\n  <f>\n  </f>\n</a >\n";
        assert_eq!(
            compact(indented).unwrap(),
            "<?xml version=\"1.0\"?><a xmlns=\"urn:a\"><b> x </b><!-- c --><c/><d> &amp; </d><e> <![CDATA[y]]> </e><f></f></a >"
        );
        assert_eq!(compact("<a> <?pi?> </a>").unwrap(), "<a> <?pi?> </a>");
    }

    /// Where quick-xml, which compacted before, differed: white space is XML's four characters, not Unicode's,
    /// and a document type declaration is refused as every reader here refuses it.
    #[test]
    fn compact_keeps_what_xml_does_not_call_white_space_and_refuses_a_dtd() {
        assert_eq!(compact("<a>\u{3000}</a>").unwrap(), "<a>\u{3000}</a>");
        assert_eq!(compact("<!DOCTYPE a><a/>").unwrap_err().code, "xml_dtd");
        for text in ["<a></b>", "</a>", "<a b=1/>", "<a"] {
            assert_eq!(compact(text).unwrap_err().code, "xml_syntax", "{text}");
        }
    }
}
