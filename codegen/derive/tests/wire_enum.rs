//! `#[derive(WireEnum)]` on hand-written enums: the wire forms Json.NET writes and reads, and unknown values kept.

use codegen_derive::WireEnum;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, WireEnum)]
#[wire(repr = "i32")]
enum Terminal {
    #[wire(value = 1, name = "WEBPAGEEnum")]
    WebPage,
    #[wire(value = 2)]
    Mobile,
    #[wire(other)]
    Other(i32),
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, WireEnum)]
#[wire(repr = "string")]
enum TicketType {
    #[wire(value = "0", name = "Child")]
    Child,
    #[wire(value = "1")]
    Adult,
    #[wire(other)]
    Other(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, WireEnum)]
#[wire(repr = "i64")]
enum Status {
    #[wire(value = -1)]
    Failed,
    #[wire(value = 4_000_000_000)]
    Huge,
    #[wire(other)]
    Other(i64),
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap()
}

fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

#[test]
fn integer_enums_travel_as_numbers() {
    assert_eq!(json(&Terminal::WebPage), "1");
    assert_eq!(json(&Terminal::Mobile), "2");
    assert_eq!(parse::<Terminal>("1"), Ok(Terminal::WebPage));
    assert_eq!(json(&Status::Huge), "4000000000");
    assert_eq!(parse::<Status>("-1"), Ok(Status::Failed));
}

#[test]
fn unknown_values_round_trip_unchanged() {
    assert_eq!(parse::<Terminal>("0"), Ok(Terminal::Other(0)));
    assert_eq!(json(&Terminal::Other(0)), "0");
    assert_eq!(parse::<Terminal>("-7"), Ok(Terminal::Other(-7)));
    assert_eq!(
        parse::<TicketType>("\"9\""),
        Ok(TicketType::Other("9".into()))
    );
    assert_eq!(json(&TicketType::Other("9".into())), "\"9\"");
    assert!(!Terminal::Other(0).is_known());
    assert!(Terminal::WebPage.is_known());
}

#[test]
fn integer_enums_read_what_json_net_reads() {
    assert_eq!(
        parse::<Terminal>("\"1\""),
        Ok(Terminal::WebPage),
        "numeric string"
    );
    assert_eq!(
        parse::<Terminal>("\"WEBPAGEEnum\""),
        Ok(Terminal::WebPage),
        "member name"
    );
    assert_eq!(
        parse::<Terminal>("\"webpageenum\""),
        Ok(Terminal::WebPage),
        "name ignoring case"
    );
    assert_eq!(parse::<Terminal>("\"3\""), Ok(Terminal::Other(3)));
}

#[test]
fn integer_enums_refuse_what_cannot_be_a_value() {
    let out_of_range = parse::<Terminal>("4294967296").unwrap_err();
    assert!(out_of_range.contains("a Terminal value"), "{out_of_range}");
    assert!(
        parse::<Terminal>("\"Mobile\"").is_err(),
        "Mobile has no member name"
    );
    assert!(parse::<Terminal>("1.5").is_err());
    assert!(parse::<Terminal>("true").is_err());
    assert!(parse::<Terminal>("null").is_err());
}

#[test]
fn string_enums_travel_as_strings() {
    assert_eq!(json(&TicketType::Child), "\"0\"");
    assert_eq!(parse::<TicketType>("\"1\""), Ok(TicketType::Adult));
    assert!(
        parse::<TicketType>("1").is_err(),
        "a string enum is a JSON string"
    );
}

#[test]
fn inherent_methods_map_values_and_names() {
    assert_eq!(Terminal::WebPage.wire_value(), 1);
    assert_eq!(Terminal::from_wire_value(2), Terminal::Mobile);
    assert_eq!(Terminal::WebPage.member_name(), Some("WEBPAGEEnum"));
    assert_eq!(Terminal::Mobile.member_name(), None);
    assert_eq!(Terminal::Other(5).member_name(), None);
    assert_eq!(
        Terminal::from_member_name("WEBPAGEEnum"),
        Some(Terminal::WebPage)
    );
    assert_eq!(
        Terminal::from_member_name("webpageenum"),
        None,
        "exact match only"
    );
    assert_eq!(TicketType::Child.wire_value(), "0");
    assert_eq!(TicketType::from_wire_value("1"), TicketType::Adult);
}

#[test]
fn misuse_is_reported_at_compile_time() {
    trybuild::TestCases::new().compile_fail("tests/ui/*.rs");
}
