//! Comparing a field with a literal of a conditional rule (`when(field = "...", equals = 0)`).

use crate::scalar::Fen;

/// A value that a conditional rule's `equals` literal can be compared with: integer literals arrive as `i128`,
/// strings as `&str`, flags as `bool`. A field of another kind does not compile, rather than never matching.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be compared with an `equals` literal of type `{L}`",
    label = "a `when(equals = ...)` literal must have the field's wire type: an integer, a string or a bool"
)]
pub trait WireLiteral<L> {
    fn equals(&self, literal: L) -> bool;
}

macro_rules! integer_literals {
    ($($type:ty),* $(,)?) => {
        $(
            impl WireLiteral<i128> for $type {
                fn equals(&self, literal: i128) -> bool {
                    i128::try_from(*self).is_ok_and(|value| value == literal)
                }
            }
        )*
    };
}

integer_literals!(
    i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize
);

impl WireLiteral<&str> for str {
    fn equals(&self, literal: &str) -> bool {
        self == literal
    }
}

impl WireLiteral<&str> for String {
    fn equals(&self, literal: &str) -> bool {
        self == literal
    }
}

impl WireLiteral<&str> for Fen {
    fn equals(&self, literal: &str) -> bool {
        self.as_str() == literal
    }
}

impl WireLiteral<bool> for bool {
    fn equals(&self, literal: bool) -> bool {
        *self == literal
    }
}

/// An absent value equals no literal.
impl<L, T: WireLiteral<L>> WireLiteral<L> for Option<T> {
    fn equals(&self, literal: L) -> bool {
        self.as_ref().is_some_and(|value| value.equals(literal))
    }
}

impl<L, T: WireLiteral<L> + ?Sized> WireLiteral<L> for Box<T> {
    fn equals(&self, literal: L) -> bool {
        (**self).equals(literal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_compare_by_kind() {
        assert!(0_i64.equals(0));
        assert!(!Some(1_i32).equals(0));
        assert!(!None::<i64>.equals(0));
        assert!(!u128::MAX.equals(-1));
        assert!("0".to_owned().equals("0"));
        assert!(Some(Box::new(true)).equals(true));
        assert!(Fen::new("100").equals("100"));
    }
}
