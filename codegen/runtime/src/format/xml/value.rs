//! What each kind of value is in DataContract XML: its contract name and namespace (the names a collection's items
//! take), and its text form (docs/wire-formats.md, DataContract collections and DataContract scalar text).

use std::borrow::Cow;

use rust_decimal::Decimal;
use uuid::Uuid;

use super::stack_text::StackText;
use super::{
    ARRAYS_NAMESPACE, DataContract, Element, SERIALIZATION_NAMESPACE, XSD_NAMESPACE, XmlError,
    XmlReader, XmlWriter,
};
use crate::scalar::number::{self, Exponent, Symbols};
use crate::scalar::text::shorten;
use crate::scalar::{Date, DotNetDateTime, DotNetNumber, Fen, TopDateTime, guid};

/// A value that can be the content of a DataContract element.
///
/// Scalars, `Option`, `Box` and `Vec` are implemented here; the `DataContract` and `WireEnum` derives implement
/// it for structs and enums.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be written as DataContract XML",
    note = "derive `DataContract` for a struct or `WireEnum` for an enum, or implement `codegen_runtime::xml::XmlValue`"
)]
pub trait XmlValue: Sized {
    /// The contract name, which names the item elements of a collection: `string`, `int`, `RefundParm`.
    fn contract_name() -> Cow<'static, str>;

    /// The contract namespace: XML Schema's for primitives, the type's own for a class.
    fn contract_namespace() -> &'static str;

    /// The namespace DataContractSerializer declares on a member of this type when it differs from the declaring
    /// class's: a class's or a collection's contract namespace; none for primitives and enums (docs/wire-formats.md,
    /// DataContract namespace declarations).
    fn child_namespace() -> Option<&'static str> {
        None
    }

    /// The namespace of a collection of these values: the item's own, or the Arrays namespace for an item whose
    /// contract is built in (docs/wire-formats.md, DataContract collections).
    fn collection_namespace() -> &'static str {
        match Self::contract_namespace() {
            XSD_NAMESPACE | SERIALIZATION_NAMESPACE => ARRAYS_NAMESPACE,
            namespace => namespace,
        }
    }

    /// Writes the content of the element the writer has just opened (text, members or items).
    fn write_xml(&self, writer: &mut XmlWriter) -> Result<(), XmlError>;

    /// Reads the content of `element`, which is not `i:nil`.
    fn read_xml(reader: &mut XmlReader<'_>, element: Element) -> Result<Self, XmlError>;

    /// The value of a member marked `i:nil="true"` or left out; `None` where the type has no null.
    fn null() -> Option<Self> {
        None
    }
}

impl<T: XmlValue> XmlValue for Option<T> {
    fn contract_name() -> Cow<'static, str> {
        T::contract_name()
    }

    fn contract_namespace() -> &'static str {
        T::contract_namespace()
    }

    fn child_namespace() -> Option<&'static str> {
        T::child_namespace()
    }

    fn collection_namespace() -> &'static str {
        T::collection_namespace()
    }

    #[inline]
    fn write_xml(&self, writer: &mut XmlWriter) -> Result<(), XmlError> {
        match self {
            Some(value) => value.write_xml(writer),
            None => {
                writer.nil();
                Ok(())
            }
        }
    }

    #[inline]
    fn read_xml(reader: &mut XmlReader<'_>, element: Element) -> Result<Self, XmlError> {
        T::read_xml(reader, element).map(Some)
    }

    fn null() -> Option<Self> {
        Some(None)
    }
}

/// A bare number body: its number's contract and text.
impl<T: XmlValue> XmlValue for DotNetNumber<T> {
    fn contract_name() -> Cow<'static, str> {
        T::contract_name()
    }

    fn contract_namespace() -> &'static str {
        T::contract_namespace()
    }

    #[inline]
    fn write_xml(&self, writer: &mut XmlWriter) -> Result<(), XmlError> {
        self.0.write_xml(writer)
    }

    #[inline]
    fn read_xml(reader: &mut XmlReader<'_>, element: Element) -> Result<Self, XmlError> {
        T::read_xml(reader, element).map(DotNetNumber)
    }
}

impl<T: XmlValue> XmlValue for Box<T> {
    fn contract_name() -> Cow<'static, str> {
        T::contract_name()
    }

    fn contract_namespace() -> &'static str {
        T::contract_namespace()
    }

    fn child_namespace() -> Option<&'static str> {
        T::child_namespace()
    }

    fn collection_namespace() -> &'static str {
        T::collection_namespace()
    }

    #[inline]
    fn write_xml(&self, writer: &mut XmlWriter) -> Result<(), XmlError> {
        (**self).write_xml(writer)
    }

    #[inline]
    fn read_xml(reader: &mut XmlReader<'_>, element: Element) -> Result<Self, XmlError> {
        T::read_xml(reader, element).map(Box::new)
    }

    fn null() -> Option<Self> {
        T::null().map(Box::new)
    }
}

/// A collection: `ArrayOf` + the item's contract name, in the item's collection namespace (docs/wire-formats.md,
/// DataContract collections).
impl<T: XmlValue> XmlValue for Vec<T> {
    fn contract_name() -> Cow<'static, str> {
        Cow::Owned(format!("ArrayOf{}", T::contract_name()))
    }

    fn contract_namespace() -> &'static str {
        T::collection_namespace()
    }

    fn child_namespace() -> Option<&'static str> {
        Some(T::collection_namespace())
    }

    #[inline]
    fn write_xml(&self, writer: &mut XmlWriter) -> Result<(), XmlError> {
        writer.items(self)
    }

    #[inline]
    fn read_xml(reader: &mut XmlReader<'_>, element: Element) -> Result<Self, XmlError> {
        reader.read_items(element)
    }
}

/// Writes a scalar's `Display` text, formatted on the stack when it is short (it always is, but for `Fen`).
fn write_display(writer: &mut XmlWriter, value: &impl std::fmt::Display) {
    match StackText::display(value) {
        Some(text) => writer.text(text.as_str()),
        None => writer.text(&value.to_string()),
    }
}

/// Implements [`XmlValue`] for a scalar written as text.
macro_rules! text_value {
    ($type:ty, $name:literal, $namespace:expr, |$writer:ident, $value:ident| $write:expr, |$text:ident| $read:expr, $expected:literal) => {
        impl XmlValue for $type {
            fn contract_name() -> Cow<'static, str> {
                Cow::Borrowed($name)
            }

            fn contract_namespace() -> &'static str {
                $namespace
            }

            #[inline]
            fn write_xml(&self, $writer: &mut XmlWriter) -> Result<(), XmlError> {
                let $value = self;
                $write;
                Ok(())
            }

            #[inline]
            fn read_xml(reader: &mut XmlReader<'_>, element: Element) -> Result<Self, XmlError> {
                let $text = reader.read_text(element)?;
                let parsed: Option<$type> = $read;
                parsed.ok_or_else(|| {
                    reader.error(
                        "invalid_value",
                        format!("expected {}, found {:?}", $expected, shorten(&$text)),
                    )
                })
            }
        }
    };
}

impl XmlValue for String {
    fn contract_name() -> Cow<'static, str> {
        Cow::Borrowed("string")
    }

    fn contract_namespace() -> &'static str {
        XSD_NAMESPACE
    }

    #[inline]
    fn write_xml(&self, writer: &mut XmlWriter) -> Result<(), XmlError> {
        writer.text(self);
        Ok(())
    }

    /// The text as it is, white space included; an empty element is `""` (only `i:nil` is null: docs/wire-formats.md,
    /// DataContract null and empty values).
    #[inline]
    fn read_xml(reader: &mut XmlReader<'_>, element: Element) -> Result<Self, XmlError> {
        reader.read_text(element).map(Cow::into_owned)
    }
}

text_value!(
    i32,
    "int",
    XSD_NAMESPACE,
    |w, v| w.integer(i64::from(*v)),
    |t| number::trim_white(&t).parse().ok(),
    "a 32-bit integer"
);
text_value!(
    i64,
    "long",
    XSD_NAMESPACE,
    |w, v| w.integer(*v),
    |t| number::trim_white(&t).parse().ok(),
    "a 64-bit integer"
);
text_value!(
    bool,
    "boolean",
    XSD_NAMESPACE,
    |w, v| w.text(if *v { "true" } else { "false" }),
    |t| match number::trim_white(&t) {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        _ => None,
    },
    "true, false, 1 or 0"
);
text_value!(
    f64,
    "double",
    XSD_NAMESPACE,
    |w, v| w.text(&number::xml_text(*v)),
    |t| number::parse_float(&t, Symbols::XmlSchema),
    "a double, INF, -INF or NaN"
);
text_value!(
    Decimal,
    "decimal",
    XSD_NAMESPACE,
    |w, v| write_display(w, v),
    |t| number::parse_decimal(&t, Exponent::Refused),
    "a decimal number without exponent"
);
text_value!(
    Uuid,
    "guid",
    SERIALIZATION_NAMESPACE,
    |w, v| write_display(w, &v.hyphenated()),
    |t| guid::parse(&t),
    "a GUID"
);
text_value!(
    DotNetDateTime,
    "dateTime",
    XSD_NAMESPACE,
    |w, v| write_display(w, v),
    |t| number::trim_white(&t).parse().ok(),
    "a date and time, yyyy-MM-ddTHH:mm:ss[.fffffff][Z|±hh:mm]"
);
text_value!(
    Date,
    "string",
    XSD_NAMESPACE,
    |w, v| write_display(w, v),
    |t| t.parse().ok(),
    "a date, yyyy-MM-dd"
);
text_value!(
    TopDateTime,
    "string",
    XSD_NAMESPACE,
    |w, v| write_display(w, v),
    |t| t.parse().ok(),
    "a date and time, yyyy-MM-dd HH:mm:ss"
);
text_value!(
    Fen,
    "string",
    XSD_NAMESPACE,
    |w, v| write_display(w, v),
    |t| t.parse().ok(),
    "an amount in fen"
);

/// A scalar that can be a whole DataContract document: a Web API body that is a bare `int` or `string`, or a list
/// of them (docs/wire-formats.md, DataContract primitive and list roots).
///
/// The root is the scalar's contract name in the Serialization namespace, with no `xmlns:i`
/// (`<int xmlns="http://schemas.microsoft.com/2003/10/Serialization/">1</int>`); a list's root is `ArrayOf` and
/// that name in the Arrays namespace, with `xmlns:i`, its items in the root's namespace.
pub trait XmlPrimitive: XmlValue {
    /// The contract name, as a constant: `int`, `string`, `dateTime`.
    const ROOT: &'static str;
    /// The contract name of a collection of it: `ArrayOfint`.
    const LIST_ROOT: &'static str;
}

impl<T: XmlPrimitive> DataContract for T {
    const NAME: &'static str = T::ROOT;
    const NAMESPACE: &'static str = SERIALIZATION_NAMESPACE;
    const DECLARES_XSI: bool = false;
}

impl<T: XmlPrimitive> DataContract for Vec<T> {
    const NAME: &'static str = T::LIST_ROOT;
    const NAMESPACE: &'static str = ARRAYS_NAMESPACE;
}

/// Implements [`XmlPrimitive`] for scalars whose contract name is `$name`.
macro_rules! primitive_root {
    ($name:literal: $($type:ty),+) => {
        $(
            impl XmlPrimitive for $type {
                const ROOT: &'static str = $name;
                const LIST_ROOT: &'static str = concat!("ArrayOf", $name);
            }
        )+
    };
}

primitive_root!("string": String, Date, TopDateTime, Fen);
primitive_root!("int": i32);
primitive_root!("long": i64);
primitive_root!("boolean": bool);
primitive_root!("double": f64, DotNetNumber<f64>);
primitive_root!("decimal": Decimal, DotNetNumber<Decimal>);
primitive_root!("guid": Uuid);
primitive_root!("dateTime": DotNetDateTime);

#[cfg(test)]
mod tests {
    use super::super::{from_str, to_string};
    use super::*;

    const SER: &str = "http://schemas.microsoft.com/2003/10/Serialization/";
    const ARRAYS: &str = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";
    const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";

    /// Writes `value`, requires `expected`, and reads it back.
    fn round_trip<T: DataContract + PartialEq + std::fmt::Debug>(value: T, expected: &str) {
        assert_eq!(to_string(&value).expect("writable"), expected);
        assert_eq!(from_str::<T>(expected).expect("readable"), value);
    }

    #[test]
    fn a_primitive_root_is_its_contract_name_in_the_serialization_namespace_without_xmlns_i() {
        round_trip(1i32, &format!(r#"<int xmlns="{SER}">1</int>"#));
        round_trip(
            -9_000_000_000i64,
            &format!(r#"<long xmlns="{SER}">-9000000000</long>"#),
        );
        round_trip(true, &format!(r#"<boolean xmlns="{SER}">true</boolean>"#));
        round_trip(4.1f64, &format!(r#"<double xmlns="{SER}">4.1</double>"#));
        round_trip(
            "4.10".parse::<Decimal>().expect("a decimal"),
            &format!(r#"<decimal xmlns="{SER}">4.10</decimal>"#),
        );
        round_trip(
            "a<b & c".to_owned(),
            &format!(r#"<string xmlns="{SER}">a&lt;b &amp; c</string>"#),
        );
        round_trip(
            String::new(),
            &format!(r#"<string xmlns="{SER}"></string>"#),
        );
        round_trip(
            "2025-09-14T16:35:25.9025678+08:00"
                .parse::<DotNetDateTime>()
                .expect("a date"),
            &format!(r#"<dateTime xmlns="{SER}">2025-09-14T16:35:25.9025678+08:00</dateTime>"#),
        );
        round_trip(
            Uuid::from_u128(0x0123_4567_89ab_cdef_0123_4567_89ab_cdef),
            &format!(r#"<guid xmlns="{SER}">01234567-89ab-cdef-0123-456789abcdef</guid>"#),
        );
        round_trip(
            DotNetNumber("4.10".parse::<Decimal>().expect("a decimal")),
            &format!(r#"<decimal xmlns="{SER}">4.10</decimal>"#),
        );
        round_trip(
            DotNetNumber(1e20),
            &format!(r#"<double xmlns="{SER}">1E+20</double>"#),
        );
        round_trip(
            "2025-09-14".parse::<Date>().expect("a date"),
            &format!(r#"<string xmlns="{SER}">2025-09-14</string>"#),
        );
    }

    #[test]
    fn a_list_root_is_array_of_its_item_in_the_arrays_namespace_with_xmlns_i() {
        round_trip(
            vec!["a".to_owned(), "b".to_owned()],
            &format!(
                r#"<ArrayOfstring xmlns:i="{XSI}" xmlns="{ARRAYS}"><string>a</string><string>b</string></ArrayOfstring>"#
            ),
        );
        round_trip(
            vec![1i32, 2],
            &format!(
                r#"<ArrayOfint xmlns:i="{XSI}" xmlns="{ARRAYS}"><int>1</int><int>2</int></ArrayOfint>"#
            ),
        );
        round_trip(
            vec![7i64],
            &format!(
                r#"<ArrayOflong xmlns:i="{XSI}" xmlns="{ARRAYS}"><long>7</long></ArrayOflong>"#
            ),
        );
        round_trip(
            Vec::<String>::new(),
            &format!(r#"<ArrayOfstring xmlns:i="{XSI}" xmlns="{ARRAYS}" />"#),
        );
        // Read whatever the prefixes and with an end tag where the writer closes the empty root.
        let prefixed = format!(
            r#"<a:ArrayOfstring xmlns:a="{ARRAYS}"><a:string>x</a:string></a:ArrayOfstring>"#
        );
        assert_eq!(from_str::<Vec<String>>(&prefixed).expect("readable"), ["x"]);
        let open = format!(r#"<ArrayOfint xmlns="{ARRAYS}"></ArrayOfint>"#);
        assert_eq!(
            from_str::<Vec<i32>>(&open).expect("readable"),
            Vec::<i32>::new()
        );
    }

    #[test]
    fn hostile_primitive_and_list_roots_are_refused_with_their_path() {
        let code = |result: Result<(), crate::problem::Rejection>| {
            let rejection = result.expect_err("refused");
            let problem = &rejection.errors()[0];
            (problem.path.clone(), problem.code)
        };
        let int = |text: String| code(from_str::<i32>(&text).map(drop));
        let strings = |text: String| code(from_str::<Vec<String>>(&text).map(drop));
        let root = || ("$".to_owned(), "wrong_root");
        // Another primitive, the right name in the contract's XSD namespace, no namespace at all.
        assert_eq!(int(format!(r#"<long xmlns="{SER}">1</long>"#)), root());
        assert_eq!(
            int(r#"<int xmlns="http://www.w3.org/2001/XMLSchema">1</int>"#.to_owned()),
            root()
        );
        assert_eq!(int("<int>1</int>".to_owned()), root());
        // A null, an empty or wrong value, a child element where text belongs.
        assert_eq!(
            int(format!(
                r#"<int i:nil="true" xmlns:i="{XSI}" xmlns="{SER}" />"#
            )),
            ("$".to_owned(), "invalid_type")
        );
        assert_eq!(
            int(format!(r#"<int xmlns="{SER}"></int>"#)).1,
            "invalid_value"
        );
        assert_eq!(
            int(format!(r#"<int xmlns="{SER}">2147483648</int>"#)).1,
            "invalid_value"
        );
        assert_eq!(
            int(format!(r#"<int xmlns="{SER}"><int>1</int></int>"#)).1,
            "invalid_type"
        );
        // A list in the primitive's namespace, a list of another item, a nil list, a nil item.
        assert_eq!(
            strings(format!(r#"<ArrayOfstring xmlns="{SER}" />"#)),
            root()
        );
        assert_eq!(
            strings(format!(r#"<ArrayOfint xmlns="{ARRAYS}" />"#)),
            root()
        );
        assert_eq!(
            strings(format!(
                r#"<ArrayOfstring i:nil="true" xmlns:i="{XSI}" xmlns="{ARRAYS}" />"#
            ))
            .1,
            "invalid_type"
        );
        assert_eq!(
            strings(format!(
                r#"<ArrayOfstring xmlns:i="{XSI}" xmlns="{ARRAYS}"><string>a</string><string i:nil="true" /></ArrayOfstring>"#
            )),
            ("$[1]".to_owned(), "invalid_type")
        );
        // Items of another name or namespace are skipped, as DataContractSerializer skips unknown elements.
        let stray = format!(
            r#"<ArrayOfstring xmlns="{ARRAYS}"><int>1</int><string xmlns="{SER}">b</string><string>a</string></ArrayOfstring>"#
        );
        assert_eq!(from_str::<Vec<String>>(&stray).expect("readable"), ["a"]);
    }
}
