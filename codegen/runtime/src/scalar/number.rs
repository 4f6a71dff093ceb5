//! .NET's `double` and `decimal`: each one's text read one way and written one way, for every format
//! (docs/wire-formats.md, .NET double text and .NET decimal text), and Json.NET's number text as `serde_with`
//! adapters.
//!
//! Plain serde_json writes `1e20` and `4.1` for a `Decimal` of `4.10`; a .NET server writes `1E+20` and `4.10`.
//! Byte-exact round trips (and signatures over JSON text) need the .NET form, so generated fields say
//! `#[serde_as(as = "DotNetDouble")]` or `#[serde_as(as = "Option<DotNetDecimal>")]`. The output is JSON-only:
//! the number text is handed to serde_json as a `RawValue`.

use rust_decimal::Decimal;
use serde::de::{self, Unexpected, Visitor};
use serde::ser::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;
use serde_with::{DeserializeAs, SerializeAs};

/// A .NET `double`: `ToString("R")` digits, `1E+20` exponents, `5.0` for integral values, and NaN and the
/// infinities as strings (`FloatFormatHandling.String`).
pub struct DotNetDouble;

/// A .NET `decimal`: its scale is kept (`4.10`) and `.0` added to integral text (`5.0`), as Json.NET writes it.
pub struct DotNetDecimal;

const DOUBLE_EXPECTED: &str = "a number, or a string holding a number, NaN, Infinity or -Infinity";
const DECIMAL_EXPECTED: &str = "a decimal number, or a string holding one";

impl SerializeAs<f64> for DotNetDouble {
    fn serialize_as<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
        // The non-finite values are JSON strings, handed over raw like the numbers so a BSON writer still sees
        // a double.
        let text = match symbol(*value, Symbols::Invariant) {
            Some(symbol) => format!("\"{symbol}\""),
            None => json_text(*value),
        };
        serialize_raw(text, serializer)
    }
}

impl<'de> DeserializeAs<'de, f64> for DotNetDouble {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
        deserializer.deserialize_any(DoubleVisitor)
    }
}

impl SerializeAs<Decimal> for DotNetDecimal {
    fn serialize_as<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_raw(ensure_decimal_place(value.to_string()), serializer)
    }
}

impl<'de> DeserializeAs<'de, Decimal> for DotNetDecimal {
    /// Reads the raw JSON token, because a JSON number passed through `f64` would lose a decimal's digits.
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        let text = raw.get();
        let unexpected = match text.as_bytes().first() {
            Some(b'"') => {
                let inner: String = serde_json::from_str(text).map_err(de::Error::custom)?;
                return parse_decimal(&inner, Exponent::Allowed).ok_or_else(|| {
                    de::Error::invalid_value(Unexpected::Str(&inner), &DECIMAL_EXPECTED)
                });
            }
            Some(b'-' | b'0'..=b'9') => {
                return parse_decimal(text, Exponent::Allowed).ok_or_else(|| {
                    de::Error::invalid_value(
                        Unexpected::Other(&format!("number {text}")),
                        &DECIMAL_EXPECTED,
                    )
                });
            }
            Some(b't') => Unexpected::Bool(true),
            Some(b'f') => Unexpected::Bool(false),
            Some(b'[') => Unexpected::Seq,
            Some(b'{') => Unexpected::Map,
            _ => Unexpected::Unit,
        };
        Err(de::Error::invalid_type(unexpected, &DECIMAL_EXPECTED))
    }
}

/// Emits already-formatted number text unquoted.
fn serialize_raw<S: Serializer>(text: String, serializer: S) -> Result<S::Ok, S::Error> {
    RawValue::from_string(text)
        .map_err(S::Error::custom)?
        .serialize(serializer)
}

/// Json.NET's `EnsureDecimalPlace`: integral text gets `.0` so a reader sees a floating-point number.
fn ensure_decimal_place(mut text: String) -> String {
    if !text.contains(['.', 'E', 'e']) {
        text.push_str(".0");
    }
    text
}

/// A finite double as Json.NET writes it: .NET Framework's `ToString("R")`, then `EnsureDecimalPlace`; negative
/// zero is written `0.0`.
fn json_text(value: f64) -> String {
    ensure_decimal_place(round_trip_text(value))
}

/// A finite double as .NET Framework's `ToString("R")`, the text both Json.NET and `XmlConvert` start from.
///
/// ASP.NET Web API 5 runs on .NET Framework (the Mono oracle in `tests/oracle/` reproduces it; docs/wire-formats.md,
/// .NET double text): "R" takes 15 significant digits when they read back as the same double, and 17 otherwise, so
/// `123456789012345.6` is written `123456789012345.59`. With those digits as `d.ddd×10^e`, the text is positional when
/// `-5 < e < precision` and `d.dddE+XX` (signed, at least two exponent digits) otherwise. Zero of either sign is `0`.
fn round_trip_text(value: f64) -> String {
    if value == 0.0 {
        return "0".to_owned();
    }
    let (digits, exponent, precision) = round_trip_digits(value.abs());
    let sign = if value < 0.0 { "-" } else { "" };
    if !(-5 < exponent && exponent < precision) {
        let (first, rest) = digits.split_at_checked(1).unwrap_or((&digits, ""));
        let point = if rest.is_empty() { "" } else { "." };
        let exponent_sign = if exponent < 0 { '-' } else { '+' };
        return format!(
            "{sign}{first}{point}{rest}E{exponent_sign}{:02}",
            exponent.unsigned_abs()
        );
    }
    // How many digits stand before the point: 0 or fewer means 0.000ddd.
    let point = exponent + 1;
    if point <= 0 {
        format!(
            "{sign}0.{}{digits}",
            "0".repeat(point.unsigned_abs() as usize)
        )
    } else {
        let point = point.unsigned_abs() as usize;
        match (digits.get(..point), digits.get(point..)) {
            (Some(whole), Some(fraction)) if !fraction.is_empty() => {
                format!("{sign}{whole}.{fraction}")
            }
            _ => format!(
                "{sign}{digits}{}",
                "0".repeat(point.saturating_sub(digits.len()))
            ),
        }
    }
}

/// The significant digits of a positive finite double as "R" chooses them (trailing zeros removed), the decimal
/// exponent of the first one, and the precision used (15 or 17). Rust's `{:.Ne}` rounds correctly, as .NET does.
fn round_trip_digits(value: f64) -> (String, i32, i32) {
    let at = |precision: usize| format!("{:.*e}", precision - 1, value);
    let (text, precision) = match at(15) {
        text if text.parse::<f64>() == Ok(value) => (text, 15),
        _ => (at(17), 17),
    };
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let digits = mantissa.replace('.', "");
    let digits = digits.trim_end_matches('0');
    (
        if digits.is_empty() { "0" } else { digits }.to_owned(),
        exponent.parse().unwrap_or(0),
        precision,
    )
}

/// `XmlConvert.ToString(double)`: `INF`, `-INF`, `NaN`, `-0` for negative zero, otherwise "R" (`5`, `4.1`,
/// `1E+20`).
pub(crate) fn xml_text(value: f64) -> String {
    match symbol(value, Symbols::XmlSchema) {
        Some(symbol) => symbol.to_owned(),
        None if value == 0.0 && value.is_sign_negative() => "-0".to_owned(),
        None => round_trip_text(value),
    }
}

/// Which words stand for the non-finite doubles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Symbols {
    /// The invariant culture's `NaN`, `Infinity` and `-Infinity`: what `double.Parse` reads and `ToString` writes,
    /// so Json.NET (as strings), form binding and Json.NET's BSON text use them.
    Invariant,
    /// XML Schema's `NaN`, `INF` and `-INF`, which `XmlConvert` writes; it reads the invariant words too.
    XmlSchema,
}

/// The word for a non-finite double; `None` for a finite one.
pub(crate) fn symbol(value: f64, symbols: Symbols) -> Option<&'static str> {
    if value.is_nan() {
        return Some("NaN");
    }
    let positive = value > 0.0;
    match (value.is_infinite(), symbols, positive) {
        (false, ..) => None,
        (true, Symbols::Invariant, true) => Some("Infinity"),
        (true, Symbols::Invariant, false) => Some("-Infinity"),
        (true, Symbols::XmlSchema, true) => Some("INF"),
        (true, Symbols::XmlSchema, false) => Some("-INF"),
    }
}

/// The non-finite double a word stands for.
///
/// `double.Parse` compares its words after `String.Trim()`, which skips any Unicode white space (`\u{a0}NaN` is
/// NaN); `XmlConvert` compares `INF` and `-INF` after trimming XML's four white-space characters only.
pub(crate) fn from_symbol<T: Float>(text: &str, symbols: Symbols) -> Option<T> {
    if symbols == Symbols::XmlSchema {
        match text.trim_matches([' ', '\t', '\n', '\r']) {
            "INF" => return Some(T::INFINITY),
            "-INF" => return Some(T::NEG_INFINITY),
            _ => {}
        }
    }
    match text.trim() {
        "NaN" => Some(T::NAN),
        "Infinity" => Some(T::INFINITY),
        "-Infinity" => Some(T::NEG_INFINITY),
        _ => None,
    }
}

/// The white space .NET's number parsing skips around a number (`NumberStyles.AllowLeadingWhite` and
/// `AllowTrailingWhite`): U+0009 to U+000D and U+0020, nothing else.
pub(crate) fn trim_white(text: &str) -> &str {
    text.trim_matches(|ch| matches!(ch, '\t'..='\r' | ' '))
}

/// The number inside `text` as .NET's invariant parse accepts one: white space around it, then only digits, a
/// sign, a point and an exponent (which also keeps out Rust-only forms like `inf` and `1_000`).
fn numeric_text(text: &str, exponent: Exponent) -> Option<&str> {
    let trimmed = trim_white(text);
    let numeric = !trimmed.is_empty()
        && trimmed.bytes().all(|byte| {
            byte.is_ascii_digit()
                || matches!(byte, b'+' | b'-' | b'.')
                || (exponent == Exponent::Allowed && matches!(byte, b'e' | b'E'))
        });
    numeric.then_some(trimmed)
}

/// A binary floating-point type .NET parses the same way: `double`, and `float` for form binding.
pub(crate) trait Float: std::str::FromStr + Copy {
    const NAN: Self;
    const INFINITY: Self;
    const NEG_INFINITY: Self;
    const ZERO: Self;
    fn is_finite(self) -> bool;
    fn is_zero(self) -> bool;
}

macro_rules! float {
    ($type:ty) => {
        impl Float for $type {
            const NAN: Self = <$type>::NAN;
            const INFINITY: Self = <$type>::INFINITY;
            const NEG_INFINITY: Self = <$type>::NEG_INFINITY;
            const ZERO: Self = 0.0;
            fn is_finite(self) -> bool {
                <$type>::is_finite(self)
            }
            fn is_zero(self) -> bool {
                self == 0.0
            }
        }
    };
}
float!(f32);
float!(f64);

/// .NET Framework's `double.Parse` (and `float.Parse`) with `NumberStyles.Float` and the invariant culture, which
/// Json.NET, `XmlConvert.ToDouble` and form binding all call: white space around, a sign, digits, a point and an
/// exponent, or one of `symbols`' words.
///
/// `-0` reads as positive zero, so a server never holds a negative zero it was sent and what it writes back is
/// `0`; a number beyond the type's range is refused, as .NET Framework's `OverflowException` refuses it.
pub(crate) fn parse_float<T: Float>(text: &str, symbols: Symbols) -> Option<T> {
    if let Some(value) = from_symbol(text, symbols) {
        return Some(value);
    }
    let value: T = numeric_text(text, Exponent::Allowed)?.parse().ok()?;
    value.is_finite().then(|| as_parsed_by_dotnet(value))
}

/// .NET Framework's `double.Parse` reads `-0` (and `-0e0`, `-0.0`) as positive zero.
fn as_parsed_by_dotnet<T: Float>(value: T) -> T {
    if value.is_zero() { T::ZERO } else { value }
}

/// Whether a decimal's text may carry an exponent: a JSON number and form binding's `DecimalConverter`
/// (`NumberStyles.Float`) take one, `XmlConvert.ToDecimal` does not. A JSON string is read as a form's text is,
/// although Json.NET refuses an exponent there (docs/wire-formats.md, .NET decimal text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Exponent {
    Allowed,
    Refused,
}

/// .NET's invariant `decimal.Parse`: white space around, a sign, digits, a point and, where `exponent` allows,
/// an exponent. The digits are kept as written (`4.10` has scale 2); too many digits is an error rather than a
/// rounding.
pub(crate) fn parse_decimal(text: &str, exponent: Exponent) -> Option<Decimal> {
    let text = numeric_text(text, exponent)?;
    if text.contains(['e', 'E']) {
        Decimal::from_scientific(text).ok()
    } else {
        Decimal::from_str_exact(text).ok()
    }
}

struct DoubleVisitor;

impl Visitor<'_> for DoubleVisitor {
    type Value = f64;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(DOUBLE_EXPECTED)
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<f64, E> {
        Ok(as_parsed_by_dotnet(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<f64, E> {
        Ok(value as f64)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<f64, E> {
        Ok(value as f64)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<f64, E> {
        parse_float(text, Symbols::Invariant)
            .ok_or_else(|| E::invalid_value(Unexpected::Str(text), &self))
    }
}

/// Whether `text` is a JSON number token, which `RawValue` may carry unquoted.
pub(crate) fn is_json_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = usize::from(bytes.first() == Some(&b'-'));
    let digits = |at: &mut usize| {
        let start = *at;
        while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
            *at += 1;
        }
        *at - start
    };
    let integer_start = at;
    let integer_digits = digits(&mut at);
    if integer_digits == 0 || (integer_digits > 1 && bytes[integer_start] == b'0') {
        return false;
    }
    if bytes.get(at) == Some(&b'.') {
        at += 1;
        if digits(&mut at) == 0 {
            return false;
        }
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(bytes.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        if digits(&mut at) == 0 {
            return false;
        }
    }
    at == bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[serde_with::serde_as]
    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct Prices {
        #[serde_as(as = "DotNetDouble")]
        rate: f64,
        #[serde_as(as = "Option<DotNetDouble>")]
        discount: Option<f64>,
        #[serde_as(as = "DotNetDecimal")]
        amount: Decimal,
        #[serde_as(as = "Option<DotNetDecimal>")]
        fee: Option<Decimal>,
        #[serde_as(as = "Vec<DotNetDecimal>")]
        parts: Vec<Decimal>,
    }

    #[serde_with::serde_as]
    #[derive(Serialize, Deserialize, Debug)]
    struct Double(#[serde_as(as = "DotNetDouble")] f64);

    #[serde_with::serde_as]
    #[derive(Serialize, Deserialize, Debug)]
    struct Dec(#[serde_as(as = "DotNetDecimal")] Decimal);

    fn double_json(value: f64) -> String {
        serde_json::to_string(&Double(value)).unwrap()
    }

    fn dec(text: &str) -> Decimal {
        Decimal::from_str_exact(text).unwrap()
    }

    #[test]
    fn json_numbers_are_recognised_exactly() {
        for text in [
            "0",
            "-0",
            "4.10",
            "1E+20",
            "1e-5",
            "-12.5e3",
            "79228162514264337593543950335",
        ] {
            assert!(is_json_number(text), "{text}");
        }
        for text in [
            "", "-", "01", "+1", "1.", ".5", "1e", "1e+", " 1", "1 ", "NaN", "0x10", "1_0",
        ] {
            assert!(!is_json_number(text), "{text}");
        }
    }

    #[test]
    fn doubles_are_written_as_json_net_writes_them() {
        for (value, text) in [
            (4.1, "4.1"),
            (5.0, "5.0"),
            (0.0, "0.0"),
            (-0.0, "0.0"),
            (-2.5, "-2.5"),
            (1e20, "1E+20"),
            (-1e20, "-1E+20"),
            (0.0001, "0.0001"),
            (0.00012, "0.00012"),
            (1e-5, "1E-05"),
            (1.5e-5, "1.5E-05"),
            (123456789012345.0, "123456789012345.0"),
            (999999999999999.9, "999999999999999.88"),
            (1e15, "1E+15"),
            (1234567890123456.0, "1234567890123456.0"),
            (123456789012345.6, "123456789012345.59"),
            (123456789012345680.0, "1.2345678901234568E+17"),
            (0.1 + 0.2, "0.30000000000000004"),
            (637_550_632_775_274.0 + 0.25, "637550632775274.25"),
            (1e300, "1E+300"),
            (5e-324, "4.94065645841247E-324"),
            (f64::MAX, "1.7976931348623157E+308"),
        ] {
            assert_eq!(json_text(value), text, "{value:e}");
            assert_eq!(double_json(value), text, "{value:e}");
        }
    }

    #[test]
    fn non_finite_doubles_are_strings_both_ways() {
        for (value, json) in [
            (f64::INFINITY, "\"Infinity\""),
            (f64::NEG_INFINITY, "\"-Infinity\""),
        ] {
            assert_eq!(double_json(value), json);
            assert_eq!(serde_json::from_str::<Double>(json).unwrap().0, value);
        }
        assert_eq!(double_json(f64::NAN), "\"NaN\"");
        assert!(
            serde_json::from_str::<Double>("\"NaN\"")
                .unwrap()
                .0
                .is_nan()
        );
    }

    #[test]
    fn doubles_read_numbers_and_numeric_strings() {
        for (json, value) in [
            ("4.1", 4.1),
            ("5", 5.0),
            ("-3", -3.0),
            ("1E+20", 1e20),
            ("\"4.1\"", 4.1),
            ("\" 1e-5 \"", 1e-5),
        ] {
            assert_eq!(
                serde_json::from_str::<Double>(json).unwrap().0,
                value,
                "{json}"
            );
        }
        for json in [
            "\"\"", "\"inf\"", "\"nan\"", "\"1_0\"", "\"abc\"", "true", "null", "[1]",
        ] {
            assert!(serde_json::from_str::<Double>(json).is_err(), "{json}");
        }
    }

    #[test]
    fn decimals_keep_their_scale() {
        for (text, json) in [
            ("4.10", "4.10"),
            ("5", "5.0"),
            ("-0.5", "-0.5"),
            ("0", "0.0"),
            ("100.000", "100.000"),
        ] {
            assert_eq!(serde_json::to_string(&Dec(dec(text))).unwrap(), json);
        }
    }

    #[test]
    fn decimals_read_exact_digits_from_numbers_and_strings() {
        for (json, text) in [
            ("4.10", "4.10"),
            ("5", "5"),
            (
                "0.1000000000000000055511151231",
                "0.1000000000000000055511151231",
            ),
            (
                "79228162514264337593543950335",
                "79228162514264337593543950335",
            ),
            ("1E+20", "100000000000000000000"),
            ("1.5e-3", "0.0015"),
            ("\"4.10\"", "4.10"),
            ("\"-12.5\"", "-12.5"),
        ] {
            let value = serde_json::from_str::<Dec>(json).unwrap().0;
            assert_eq!(value.to_string(), text, "{json}");
        }
        for json in [
            "\"\"",
            "\"1_000\"",
            "\"x\"",
            "true",
            "null",
            "{}",
            "[]",
            "79228162514264337593543950336",
        ] {
            assert!(serde_json::from_str::<Dec>(json).is_err(), "{json}");
        }
        let error = serde_json::from_str::<Dec>("true").unwrap_err().to_string();
        assert!(error.starts_with("invalid type: boolean `true`"), "{error}");
    }

    #[test]
    fn adapters_compose_with_option_and_vec() {
        let json = r#"{"rate":1E+20,"discount":0.5,"amount":4.10,"fee":null,"parts":[1.0,2.50]}"#;
        let prices: Prices = serde_json::from_str(json).unwrap();
        assert_eq!(prices.rate, 1e20);
        assert_eq!(prices.discount, Some(0.5));
        assert_eq!(prices.amount, dec("4.10"));
        assert_eq!(prices.fee, None);
        assert_eq!(serde_json::to_string(&prices).unwrap(), json);

        let json = r#"{"rate":"NaN","discount":null,"amount":"7","fee":"0.10","parts":[]}"#;
        let prices: Prices = serde_json::from_str(json).unwrap();
        assert!(prices.rate.is_nan());
        assert_eq!(prices.fee, Some(dec("0.10")));
        assert_eq!(
            serde_json::to_string(&prices).unwrap(),
            r#"{"rate":"NaN","discount":null,"amount":7.0,"fee":0.10,"parts":[]}"#
        );
    }

    #[test]
    fn decimals_work_through_a_reader_and_a_path_tracker() {
        let json = br#"{"rate":1,"discount":2,"amount":3.30,"fee":4.400,"parts":[5]}"#;
        let prices: Prices = serde_json::from_reader(&json[..]).unwrap();
        assert_eq!(prices.fee, Some(dec("4.400")));
        let mut deserializer = serde_json::Deserializer::from_slice(json);
        let prices: Prices = serde_path_to_error::deserialize(&mut deserializer).unwrap();
        assert_eq!(prices.amount, Decimal::from_str("3.30").unwrap());
    }
}
