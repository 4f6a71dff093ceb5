//! What `required` means for each kind of value, where the Rust type cannot enforce it.

use rust_decimal::Decimal;
use uuid::Uuid;

use crate::scalar::{Date, DotNetDateTime, Fen, TopDateTime};

/// Why a required value is not there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Absence {
    /// An absent `Option` (or a JSON null).
    Missing,
    /// An empty string or list.
    Empty,
    /// A string of whitespace only, which ASP.NET's `[Required]` refuses as it refuses an empty one.
    Blank,
}

impl Absence {
    pub(crate) fn message(self) -> &'static str {
        match self {
            Absence::Missing => "is required",
            Absence::Empty => "is required and must not be empty",
            Absence::Blank => "is required and must not be blank",
        }
    }
}

/// A value that `required` can find absent.
#[diagnostic::on_unimplemented(
    message = "`required` cannot tell whether `{Self}` is present",
    note = "derive `Validate` (structs) or `WireEnum` (enums); both implement `Presence`"
)]
pub trait Presence {
    /// `None` when the value is there.
    fn absence(&self) -> Option<Absence>;

    fn is_present(&self) -> bool {
        self.absence().is_none()
    }
}

/// Numbers, flags, dates and ids are always there when the field is.
macro_rules! always_present {
    ($($type:ty),* $(,)?) => {
        $(
            impl Presence for $type {
                fn absence(&self) -> Option<Absence> {
                    None
                }
            }
        )*
    };
}

always_present!(
    bool,
    char,
    i8,
    i16,
    i32,
    i64,
    i128,
    isize,
    u8,
    u16,
    u32,
    u64,
    u128,
    usize,
    f32,
    f64,
    Decimal,
    Uuid,
    Date,
    DotNetDateTime,
    TopDateTime,
);

impl Presence for str {
    fn absence(&self) -> Option<Absence> {
        if self.is_empty() {
            Some(Absence::Empty)
        } else if self.chars().all(char::is_whitespace) {
            Some(Absence::Blank)
        } else {
            None
        }
    }
}

impl Presence for String {
    fn absence(&self) -> Option<Absence> {
        self.as_str().absence()
    }
}

impl Presence for Fen {
    fn absence(&self) -> Option<Absence> {
        self.as_str().absence()
    }
}

impl Presence for serde_json::Value {
    fn absence(&self) -> Option<Absence> {
        match self {
            serde_json::Value::Null => Some(Absence::Missing),
            serde_json::Value::String(text) => text.absence(),
            serde_json::Value::Array(items) => items.absence(),
            _ => None,
        }
    }
}

impl<T> Presence for [T] {
    fn absence(&self) -> Option<Absence> {
        self.is_empty().then_some(Absence::Empty)
    }
}

impl<T> Presence for Vec<T> {
    fn absence(&self) -> Option<Absence> {
        self.as_slice().absence()
    }
}

impl<T: Presence> Presence for Option<T> {
    fn absence(&self) -> Option<Absence> {
        match self {
            Some(value) => value.absence(),
            None => Some(Absence::Missing),
        }
    }
}

impl<T: Presence + ?Sized> Presence for Box<T> {
    fn absence(&self) -> Option<Absence> {
        (**self).absence()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_must_hold_more_than_whitespace() {
        assert_eq!("".absence(), Some(Absence::Empty));
        assert_eq!(" \t\u{3000}".absence(), Some(Absence::Blank));
        assert_eq!(" a ".absence(), None);
        assert!(Fen::new("1").is_present());
    }

    #[test]
    fn options_and_lists_look_inside() {
        assert_eq!(None::<i32>.absence(), Some(Absence::Missing));
        assert_eq!(Some(0).absence(), None);
        assert_eq!(Some(String::new()).absence(), Some(Absence::Empty));
        assert_eq!(Some(Vec::<i32>::new()).absence(), Some(Absence::Empty));
        assert_eq!(Some(Box::new(vec![false])).absence(), None);
        assert_eq!(serde_json::Value::Null.absence(), Some(Absence::Missing));
        assert_eq!(serde_json::json!(0).absence(), None);
    }
}
