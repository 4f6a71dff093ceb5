//! Numbers compared with a decimal limit, exactly where the type allows.

use std::cmp::Ordering;

use rust_decimal::prelude::ToPrimitive;

use rust_decimal::Decimal;

use crate::scalar::Fen;

/// How a value compares with a limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comparison {
    /// There is no value (an absent `Option`, or a [`Fen`] that is not an amount): `required` or `fen` reports it.
    Absent,
    Ordered(Ordering),
    /// NaN, which is within no range.
    Unordered,
}

/// A number that `min` and `max` limit.
///
/// Integers and `Decimal` compare exactly; a float compares with the limit rounded to the nearest float of its type, so
/// `max = 0.1` admits the float written `0.1`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a number",
    label = "`min` and `max` apply to integers, decimals, floats and `Fen` (or an `Option` of one)"
)]
pub trait Number {
    fn compare(&self, limit: Decimal) -> Comparison;
}

macro_rules! exact_integers {
    ($($type:ty),* $(,)?) => {
        $(
            impl Number for $type {
                fn compare(&self, limit: Decimal) -> Comparison {
                    Comparison::Ordered(Decimal::from(*self).cmp(&limit))
                }
            }
        )*
    };
}

exact_integers!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

impl Number for i128 {
    fn compare(&self, limit: Decimal) -> Comparison {
        Comparison::Ordered(match Decimal::try_from_i128_with_scale(*self, 0) {
            Ok(value) => value.cmp(&limit),
            Err(_) => self.cmp(&0),
        })
    }
}

impl Number for u128 {
    fn compare(&self, limit: Decimal) -> Comparison {
        match i128::try_from(*self) {
            Ok(value) => value.compare(limit),
            Err(_) => Comparison::Ordered(Ordering::Greater),
        }
    }
}

impl Number for Decimal {
    fn compare(&self, limit: Decimal) -> Comparison {
        Comparison::Ordered(self.cmp(&limit))
    }
}

impl Number for f64 {
    fn compare(&self, limit: Decimal) -> Comparison {
        limit
            .to_f64()
            .and_then(|limit| self.partial_cmp(&limit))
            .map_or(Comparison::Unordered, Comparison::Ordered)
    }
}

impl Number for f32 {
    fn compare(&self, limit: Decimal) -> Comparison {
        limit
            .to_f32()
            .and_then(|limit| self.partial_cmp(&limit))
            .map_or(Comparison::Unordered, Comparison::Ordered)
    }
}

impl Number for Fen {
    fn compare(&self, limit: Decimal) -> Comparison {
        self.to_fen()
            .map_or(Comparison::Absent, |fen| fen.compare(limit))
    }
}

impl<T: Number> Number for Option<T> {
    fn compare(&self, limit: Decimal) -> Comparison {
        self.as_ref()
            .map_or(Comparison::Absent, |value| value.compare(limit))
    }
}

impl<T: Number + ?Sized> Number for Box<T> {
    fn compare(&self, limit: Decimal) -> Comparison {
        (**self).compare(limit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Ordering::{Equal, Greater, Less};

    fn decimal(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn integers_and_decimals_compare_exactly() {
        assert_eq!(5_i32.compare(decimal("5")), Comparison::Ordered(Equal));
        assert_eq!(5_u8.compare(decimal("4.99")), Comparison::Ordered(Greater));
        assert_eq!(
            i64::MAX.compare(decimal("9223372036854775807")),
            Comparison::Ordered(Equal)
        );
        assert_eq!(
            decimal("99.990").compare(decimal("99.99")),
            Comparison::Ordered(Equal)
        );
        assert_eq!(i128::MIN.compare(decimal("0")), Comparison::Ordered(Less));
        assert_eq!(
            u128::MAX.compare(decimal("0")),
            Comparison::Ordered(Greater)
        );
    }

    #[test]
    fn floats_compare_with_the_nearest_float() {
        assert_eq!(0.1_f64.compare(decimal("0.1")), Comparison::Ordered(Equal));
        assert_eq!(0.1_f32.compare(decimal("0.1")), Comparison::Ordered(Equal));
        assert_eq!(f64::NAN.compare(decimal("0")), Comparison::Unordered);
        assert_eq!(
            f64::NEG_INFINITY.compare(decimal("0")),
            Comparison::Ordered(Less)
        );
    }

    #[test]
    fn absent_values_are_not_compared() {
        assert_eq!(None::<i64>.compare(decimal("0")), Comparison::Absent);
        assert_eq!(Fen::new("1.5").compare(decimal("0")), Comparison::Absent);
        assert_eq!(
            Some(Box::new(Fen::new("150"))).compare(decimal("100")),
            Comparison::Ordered(Greater)
        );
    }
}
