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

mod escape;
mod lexer;
mod reader;
mod scan;
mod scope;
mod small_stack;
mod stack_text;
mod unescape;
mod value;
mod writer;

pub use reader::{Element, Limits, Member, XmlReader};
pub use value::XmlValue;
pub use writer::XmlWriter;

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
/// white space next to text or a reference stays.
pub fn compact(text: &str) -> Result<String, XmlError> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(text);
    let mut pieces: Vec<(bool, bool, std::ops::Range<usize>)> = Vec::new();
    let mut start = 0;
    loop {
        let event = reader
            .read_event()
            .map_err(|error| XmlError::at("$", "xml_syntax", error.to_string()))?;
        let end = reader.buffer_position() as usize;
        let is_markup = matches!(
            event,
            Event::Start(_) | Event::End(_) | Event::Empty(_) | Event::Decl(_) | Event::Comment(_)
        );
        let is_blank = matches!(&event, Event::Text(text) if text.trim().is_empty());
        if matches!(event, Event::Eof) {
            break;
        }
        pieces.push((is_markup, is_blank, start..end));
        start = end;
    }
    let mut compacted = String::with_capacity(text.len());
    for (at, (_, is_blank, range)) in pieces.iter().enumerate() {
        let between_markup = |neighbour: Option<&(bool, bool, std::ops::Range<usize>)>| {
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
