//! What each kind of value is in DataContract XML: its contract name and namespace (the names a collection's items
//! take), and its text form (docs/wire-formats.md, DataContract collections and DataContract scalar text).

use std::borrow::Cow;

use rust_decimal::Decimal;
use uuid::Uuid;

use super::stack_text::StackText;
use super::{
    ARRAYS_NAMESPACE, Element, SERIALIZATION_NAMESPACE, XSD_NAMESPACE, XmlError, XmlReader,
    XmlWriter,
};
use crate::scalar::number::{self, Exponent, Symbols};
use crate::scalar::text::shorten;
use crate::scalar::{Date, DotNetDateTime, Fen, TopDateTime, guid};

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
