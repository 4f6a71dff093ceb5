//! Each .NET scalar's text is read by one rule in every format (`src/scalar/`); these are the cases where the
//! formats used to differ, each read as .NET reads it on that wire (checked with the Mono oracle of
//! `tests/oracle/`: `double.Parse`, `XmlConvert`, DataContractSerializer, Json.NET).

use codegen_derive::DataContract;
use codegen_runtime::{Decimal, DotNetDecimal, DotNetDouble, DotNetGuid, Uuid, form, json, xml};
use serde::{Deserialize, Serialize};

#[serde_with::serde_as]
#[derive(Debug, PartialEq, Serialize, Deserialize, DataContract)]
#[data_contract(namespace = "urn:scalars")]
struct Scalars {
    #[serde_as(as = "DotNetDouble")]
    double: f64,
    #[serde_as(as = "DotNetDecimal")]
    decimal: Decimal,
    #[serde_as(as = "DotNetGuid")]
    guid: Uuid,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Plain {
    double: f64,
}

const GUID: &str = "00112233-4455-6677-8899-aabbccddeeff";

fn from_json(double: &str, decimal: &str, guid: &str) -> Option<Scalars> {
    let text = format!(r#"{{"double":{double},"decimal":{decimal},"guid":{guid}}}"#);
    json::from_str(&text).ok()
}

fn json_double(double: &str) -> Option<f64> {
    from_json(double, "1", &format!("\"{GUID}\"")).map(|value| value.double)
}

fn from_xml(double: &str, decimal: &str, guid: &str) -> Option<Scalars> {
    let text = format!(
        r#"<Scalars xmlns="urn:scalars" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><decimal>{decimal}</decimal><double>{double}</double><guid>{guid}</guid></Scalars>"#
    );
    xml::from_str(&text).ok()
}

fn xml_double(double: &str) -> Option<f64> {
    from_xml(double, "1", GUID).map(|value| value.double)
}

fn form_double(text: &str) -> Option<f64> {
    let body = form_urlencoded::Serializer::new(String::new())
        .append_pair("double", text)
        .finish();
    form::from_str::<Plain>(&body)
        .ok()
        .map(|plain| plain.double)
}

/// JSON used to trim only space, tab, CR and LF; `NumberStyles.Float` skips U+0009 to U+000D and U+0020.
#[test]
fn json_skips_vertical_tab_and_form_feed_around_numbers() {
    assert_eq!(json_double(r#""\u000b4.1\u000c""#), Some(4.1));
    let value = from_json("1", r#""\u000b4.10\u000c""#, &format!("\"{GUID}\"")).unwrap();
    assert_eq!(value.decimal.to_string(), "4.10");
}

/// `double.Parse` compares NaN and the infinities after `String.Trim()`; JSON used to take them bare only, XML
/// after its own white space only.
#[test]
fn the_words_for_non_finite_doubles_are_read_after_any_white_space() {
    assert!(json_double(r#"" NaN ""#).is_some_and(f64::is_nan));
    assert_eq!(json_double(r#""\u00a0Infinity""#), Some(f64::INFINITY));
    assert_eq!(xml_double("\u{a0}-Infinity"), Some(f64::NEG_INFINITY));
    assert_eq!(form_double("\u{a0}NaN").map(f64::is_nan), Some(true));
    // XmlConvert trims only XML's white space before `INF`, and JSON and forms do not know the word.
    assert_eq!(xml_double(" INF "), Some(f64::INFINITY));
    assert_eq!(xml_double("\u{a0}INF"), None);
    assert_eq!(json_double(r#""INF""#), None);
    assert_eq!(form_double("-INF"), None);
}

/// .NET Framework's `double.Parse` throws `OverflowException`; JSON strings and XML used to read infinity.
#[test]
fn a_double_beyond_the_range_is_refused_on_every_wire() {
    assert_eq!(json_double(r#""1e400""#), None);
    assert_eq!(json_double(r#""-1e400""#), None);
    assert_eq!(xml_double("1e400"), None);
    assert_eq!(form_double("1e400"), None);
    assert_eq!(json_double(r#""1e308""#), Some(1e308));
}

/// Forms used Unicode `trim()`; `NumberStyles.Float` skips only U+0009 to U+000D and U+0020 around a number.
#[test]
fn forms_skip_only_dotnet_number_white_space() {
    assert_eq!(form_double("\t4.1\u{b}"), Some(4.1));
    assert_eq!(form_double("\u{a0}4.1"), None);
    assert_eq!(form_double("4.1\u{3000}"), None);
}

/// Forms kept `-0`; `double.Parse` reads it as positive zero, so what a server writes back is `0`.
#[test]
fn forms_read_negative_zero_as_zero() {
    let zero = form_double("-0").unwrap();
    assert!(zero == 0.0 && zero.is_sign_positive());
    let back = form::to_string(&Plain { double: zero }).unwrap();
    assert_eq!(back, "double=0");
}

/// `new Guid(string)` trims any white space, in Json.NET and DataContract XML alike; JSON used to refuse it and
/// XML trimmed only the number white space.
#[test]
fn guids_are_read_after_any_white_space() {
    let guid: Uuid = GUID.parse().unwrap();
    let value = from_json("1", "1", &format!("\" {GUID}\\t\"")).unwrap();
    assert_eq!(value.guid, guid);
    let value = from_xml("1", "1", &format!("\u{a0}{GUID}")).unwrap();
    assert_eq!(value.guid, guid);
}

/// XML read decimals with rust_decimal's own parser, which takes `_` between digits; `XmlConvert.ToDecimal`
/// refuses it, as every other wire already did.
#[test]
fn xml_decimals_refuse_digit_separators() {
    assert_eq!(from_xml("1", "1_000", GUID), None);
    assert_eq!(
        from_xml("1", " 4.10 ", GUID).map(|value| value.decimal.to_string()),
        Some("4.10".to_owned())
    );
    assert_eq!(from_xml("1", "1e3", GUID), None);
}
