//! Form bodies against hand-written mirrors of the generated `ctt` and `digitalscience` request types.

use std::collections::BTreeMap;
use std::fmt::Debug;

use rust_decimal::Decimal;
use serde::de::{DeserializeOwned, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

use super::{from_str, to_string};
use crate::{DotNetDateTime, DotNetDecimal, DotNetDouble, Offset, Problem, Stage};

/// Mirrors `digitalscience::OrderTicketRefundParm`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct OrderTicketRefundParm {
    username: String,
    settotomorrowtime: Option<String>,
    refundparm: RefundParm,
}

/// Mirrors `digitalscience::RefundParm`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct RefundParm {
    orderid: Option<String>,
    refundallticket: Option<String>,
    ticketids: Option<Vec<String>>,
}

/// Mirrors `ctt::TicketRefundRequest`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct TicketRefundRequest {
    order_number: Option<String>,
    refund_passanger_ids: Option<String>,
    refund_reason: Option<String>,
    terminal: Terminal,
    time_stamp: Option<String>,
    random: i32,
    sign: Option<String>,
}

/// Mirrors `ctt::Terminal` and reads as the `WireEnum` derive does: `deserialize_any`, then a number, a
/// numeric string, or the member name (exact, then ignoring case).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Terminal {
    WebpageEnum,
    Other(i32),
}

impl Terminal {
    fn from_wire_value(value: i32) -> Self {
        if value == 1 {
            Terminal::WebpageEnum
        } else {
            Terminal::Other(value)
        }
    }
}

impl Serialize for Terminal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i32(match self {
            Terminal::WebpageEnum => 1,
            Terminal::Other(value) => *value,
        })
    }
}

impl<'de> Deserialize<'de> for Terminal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TerminalVisitor;

        impl Visitor<'_> for TerminalVisitor {
            type Value = Terminal;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a Terminal value as a number, a numeric string or a member name")
            }

            fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Terminal, E> {
                i32::try_from(value)
                    .map(Terminal::from_wire_value)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Signed(value), &self))
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Terminal, E> {
                if let Ok(value) = text.trim().parse::<i32>() {
                    return Ok(Terminal::from_wire_value(value));
                }
                if text.eq_ignore_ascii_case("WEBPAGEEnum") {
                    return Ok(Terminal::WebpageEnum);
                }
                Err(E::invalid_value(serde::de::Unexpected::Str(text), &self))
            }
        }

        deserializer.deserialize_any(TerminalVisitor)
    }
}

/// Numbers and dates through the runtime's own adapters.
#[serde_with::serde_as]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    #[serde(default)]
    parts: Vec<Decimal>,
    paid: bool,
    count: u8,
    big: i64,
    plain: f64,
    kind: Kind,
    created: Option<DotNetDateTime>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
enum Kind {
    Full,
    Partial,
}

/// A list of structs, for `items[0].name` keys.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Basket {
    owner: String,
    #[serde(default)]
    items: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Item {
    name: String,
    count: Option<u32>,
    tags: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
struct Checked {
    #[serde(rename = "refundparm")]
    _refundparm: CheckedParm,
}

#[derive(Debug, Deserialize)]
struct CheckedParm {
    #[serde(rename = "x")]
    _x: i32,
}

const SAMPLE_FORM: &str = "username=sample+string+1&settotomorrowtime=sample+string+2\
    &refundparm.orderid=sample+string+1&refundparm.refundallticket=sample+string+2\
    &refundparm.ticketids%5B0%5D=sample+string+1&refundparm.ticketids%5B1%5D=sample+string+2";

/// The values of seed 001's request sample.
fn sample() -> OrderTicketRefundParm {
    OrderTicketRefundParm {
        username: "sample string 1".into(),
        settotomorrowtime: Some("sample string 2".into()),
        refundparm: RefundParm {
            orderid: Some("sample string 1".into()),
            refundallticket: Some("sample string 2".into()),
            ticketids: Some(vec!["sample string 1".into(), "sample string 2".into()]),
        },
    }
}

fn refund(
    username: &str,
    orderid: Option<&str>,
    ticketids: Option<&[&str]>,
) -> OrderTicketRefundParm {
    OrderTicketRefundParm {
        username: username.into(),
        settotomorrowtime: None,
        refundparm: RefundParm {
            orderid: orderid.map(Into::into),
            refundallticket: None,
            ticketids: ticketids.map(|ids| ids.iter().map(|&id| id.into()).collect()),
        },
    }
}

fn read<T: DeserializeOwned>(text: &str) -> T {
    from_str(text).unwrap_or_else(|rejection| panic!("{text:?}: {rejection}"))
}

fn problem<T: DeserializeOwned + Debug>(text: &str) -> Problem {
    let rejection = from_str::<T>(text).expect_err(text);
    assert_eq!(rejection.stage(), Stage::Parse);
    assert_eq!(rejection.errors().len(), 1);
    rejection.into_errors().into_iter().next().unwrap()
}

fn located<T: DeserializeOwned + Debug>(text: &str) -> (String, &'static str) {
    let problem = problem::<T>(text);
    (problem.path, problem.code)
}

fn decimal(text: &str) -> Decimal {
    Decimal::from_str_exact(text).unwrap()
}

fn prices() -> Prices {
    Prices {
        rate: 1e20,
        discount: None,
        amount: decimal("4.10"),
        fee: Some(decimal("0.10")),
        parts: vec![decimal("1"), decimal("2.50")],
        paid: true,
        count: 255,
        big: -9_007_199_254_740_993,
        plain: 0.1,
        kind: Kind::Partial,
        created: Some(
            DotNetDateTime::new(2025, 9, 14, 16, 35, 25)
                .and_then(|date| date.with_ticks(9_025_678))
                .and_then(|date| date.with_offset(Offset::Minutes(480)))
                .unwrap(),
        ),
    }
}

#[test]
fn seed_001_sample_is_written_as_property_paths() {
    assert_eq!(to_string(&sample()).unwrap(), SAMPLE_FORM);
    assert_eq!(read::<OrderTicketRefundParm>(SAMPLE_FORM), sample());
}

#[test]
fn every_key_style_of_c1_reads_the_same() {
    let expected = refund("u", Some("123"), Some(&["t1", "t2"]));
    for text in [
        "username=u&refundparm.orderid=123&refundparm.ticketids[0]=t1&refundparm.ticketids[1]=t2",
        "username=u&refundparm[orderid]=123&refundparm[ticketids][]=t1&refundparm[ticketids][]=t2",
        "username=u&refundparm.orderid=123&refundparm.ticketids=t1&refundparm.ticketids=t2",
        "username=u&refundparm[orderid]=123&refundparm[ticketids][0]=t1&refundparm[ticketids][1]=t2",
        "username=u&refundparm%5Borderid%5D=123&refundparm%5Bticketids%5D%5B%5D=t1&refundparm.ticketids%5B%5D=t2",
        "refundparm.ticketids[1]=t2&refundparm.orderid=123&refundparm.ticketids[0]=t1&username=u",
    ] {
        assert_eq!(read::<OrderTicketRefundParm>(text), expected, "{text}");
    }
    let first = read::<OrderTicketRefundParm>(
        "username=u&settotomorrowtime=&refundparm.orderid=123&refundparm.refundallticket=1\
         &refundparm.ticketids[0]=t1&refundparm.ticketids[1]=t2",
    );
    assert_eq!(first.settotomorrowtime, None);
    assert_eq!(first.refundparm.refundallticket.as_deref(), Some("1"));
    assert_eq!(first.refundparm.ticketids, expected.refundparm.ticketids);
}

#[test]
fn names_match_ignoring_ascii_case_only() {
    assert_eq!(
        read::<OrderTicketRefundParm>(
            "USERNAME=u&RefundParm.OrderId=123&REFUNDPARM[TicketIds][]=t1&refundparm.TICKETIDS[]=t2"
        ),
        refund("u", Some("123"), Some(&["t1", "t2"]))
    );
    let missing = problem::<OrderTicketRefundParm>("usernam%C3%A9=u&refundparm.orderid=1");
    assert_eq!(
        (
            missing.path.as_str(),
            missing.code,
            missing.message.as_str()
        ),
        ("$", "missing_field", "missing field `username`")
    );
}

#[test]
fn repeated_keys_make_a_list_and_a_scalar_takes_the_first() {
    assert_eq!(
        read::<OrderTicketRefundParm>(
            "username=a&username=b&refundparm.ticketids=x&refundparm.ticketids=&refundparm.ticketids=y"
        ),
        refund("a", None, Some(&["x", "", "y"]))
    );
    assert_eq!(
        read::<OrderTicketRefundParm>("username=a&refundparm.ticketids=x")
            .refundparm
            .ticketids,
        Some(vec!["x".to_owned()])
    );
    // A key with values of its own is a simple collection: its indexes are not read.
    assert_eq!(
        read::<OrderTicketRefundParm>(
            "username=a&refundparm.ticketids[0]=y&refundparm.ticketids=x"
        )
        .refundparm
        .ticketids,
        Some(vec!["x".to_owned()])
    );
}

#[test]
fn indexes_are_read_from_zero_to_the_first_gap() {
    let ticketids = |body: &str| {
        read::<OrderTicketRefundParm>(&format!("username=u&{body}"))
            .refundparm
            .ticketids
    };
    let ids = |ids: &[&str]| Some(ids.iter().map(|&id| id.to_owned()).collect::<Vec<_>>());
    assert_eq!(
        ticketids("refundparm.ticketids[0]=a&refundparm.ticketids[1]=b&refundparm.ticketids[3]=d"),
        ids(&["a", "b"])
    );
    assert_eq!(ticketids("refundparm.ticketids[1]=b"), ids(&[]));
    assert_eq!(
        ticketids(
            "refundparm.ticketids[0]=a&refundparm.ticketids[01]=b&refundparm.ticketids[1]x=c"
        ),
        ids(&["a"])
    );
    assert_eq!(ticketids("refundparm.orderid=1"), None);
}

#[test]
fn lists_of_structs_use_indexed_property_paths() {
    let basket = Basket {
        owner: "o".into(),
        items: vec![
            Item {
                name: "n1".into(),
                count: Some(2),
                tags: Some(vec!["x".into()]),
            },
            Item {
                name: "n2".into(),
                count: None,
                tags: None,
            },
        ],
    };
    let text = "owner=o&items%5B0%5D.name=n1&items%5B0%5D.count=2&items%5B0%5D.tags%5B0%5D=x&items%5B1%5D.name=n2";
    assert_eq!(to_string(&basket).unwrap(), text);
    assert_eq!(read::<Basket>(text), basket);
    assert_eq!(
        read::<Basket>(
            "owner=o&items[0][name]=n1&items[0][count]=2&items[0][tags][]=x&items[1][name]=n2"
        ),
        basket
    );
    assert_eq!(read::<Basket>("owner=o").items, []);
}

#[test]
fn an_empty_list_item_keeps_the_later_indexes() {
    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Lists {
        numbers: Vec<Option<u32>>,
        parms: Vec<RefundParm>,
    }
    let empty = RefundParm {
        orderid: None,
        refundallticket: None,
        ticketids: None,
    };
    let lists = Lists {
        numbers: vec![Some(1), None, Some(3)],
        parms: vec![empty.clone(), refund("u", Some("2"), None).refundparm],
    };
    let text = to_string(&lists).unwrap();
    assert_eq!(
        text,
        "numbers%5B0%5D=1&numbers%5B1%5D=&numbers%5B2%5D=3&parms%5B0%5D=&parms%5B1%5D.orderid=2"
    );
    assert_eq!(read::<Lists>(&text), lists);
}

#[test]
fn plus_and_percent_escapes_decode_in_names_and_values() {
    let parsed = read::<OrderTicketRefundParm>(
        "user%6Eame=a+b%2Bc%25%26%3D%e5%BC%a0&refundparm%2Eorderid=%5B0%5D&refundparm.refundallticket=张三 raw",
    );
    assert_eq!(parsed.username, "a b+c%&=张");
    assert_eq!(parsed.refundparm.orderid.as_deref(), Some("[0]"));
    assert_eq!(
        parsed.refundparm.refundallticket.as_deref(),
        Some("张三 raw")
    );
}

#[test]
fn non_bmp_and_cjk_text_round_trips() {
    let mut value = refund(
        "张😀",
        Some("𠀀 a+b&c=d%e [x].y é\t"),
        Some(&["退票", "🎫", ""]),
    );
    value.settotomorrowtime = Some("*-._~!'()".into());
    let text = to_string(&value).unwrap();
    assert!(
        text.starts_with("username=%E5%BC%A0%F0%9F%98%80&settotomorrowtime=*-._%7E%21%27%28%29&"),
        "{text}"
    );
    assert!(text.is_ascii());
    assert_eq!(read::<OrderTicketRefundParm>(&text), value);
}

#[test]
fn none_unit_and_empty_lists_write_no_pair() {
    let mut value = refund("u", Some("1"), Some(&[]));
    assert_eq!(
        to_string(&value).unwrap(),
        "username=u&refundparm.orderid=1"
    );
    // The server binds an empty list and a missing one alike, as null.
    value.refundparm.ticketids = None;
    assert_eq!(
        read::<OrderTicketRefundParm>("username=u&refundparm.orderid=1"),
        value
    );

    #[derive(Serialize)]
    struct Units {
        unit: (),
        marker: Marker,
        text: &'static str,
    }
    #[derive(Serialize)]
    struct Marker;
    let units = Units {
        unit: (),
        marker: Marker,
        text: "",
    };
    assert_eq!(to_string(&units).unwrap(), "text=");
}

#[test]
fn blank_values_bind_as_null_for_options_only() {
    let parsed = read::<OrderTicketRefundParm>(
        "username=&settotomorrowtime=+%09&refundparm.orderid=&refundparm.refundallticket=x&refundparm.ticketids=",
    );
    assert_eq!(parsed.username, "");
    assert_eq!(parsed.settotomorrowtime, None);
    assert_eq!(parsed.refundparm.orderid, None);
    assert_eq!(parsed.refundparm.ticketids, None);
    let kept = read::<OrderTicketRefundParm>("username=+x+&refundparm.orderid=+x+");
    assert_eq!(kept.username, " x ");
    assert_eq!(kept.refundparm.orderid.as_deref(), Some(" x "));
}

#[test]
fn numbers_doubles_decimals_and_dates_write_as_dotnet_text() {
    let text = to_string(&prices()).unwrap();
    assert_eq!(
        text,
        "rate=1E%2B20&amount=4.10&fee=0.10&parts%5B0%5D=1.0&parts%5B1%5D=2.50&paid=true&count=255\
         &big=-9007199254740993&plain=0.1&kind=Partial&created=2025-09-14T16%3A35%3A25.9025678%2B08%3A00"
    );
    let back = read::<Prices>(&text);
    assert_eq!(back, prices());
    assert_eq!(back.amount.to_string(), "4.10");
    assert_eq!(back.fee.map(|fee| fee.to_string()).as_deref(), Some("0.10"));

    let odd = Prices {
        rate: f64::NAN,
        discount: Some(f64::NEG_INFINITY),
        plain: f64::INFINITY,
        ..prices()
    };
    let text = to_string(&odd).unwrap();
    assert!(text.starts_with("rate=NaN&discount=-Infinity&"), "{text}");
    assert!(text.contains("&plain=Infinity&"), "{text}");
    let back = read::<Prices>(&text);
    assert!(back.rate.is_nan());
    assert_eq!(
        (back.discount, back.plain),
        (Some(f64::NEG_INFINITY), f64::INFINITY)
    );
}

#[test]
fn leaf_text_parses_as_dotnet_invariant_parse_does() {
    let back = read::<Prices>(
        "RATE=+4.1&amount=+4.10+&parts=1.50&parts=%202%20&paid=+True+&count=+7&big=-0\
         &plain=1e3&kind=partial&fee=1E%2B2&discount=+",
    );
    assert_eq!(back.rate, 4.1);
    assert_eq!(back.amount.to_string(), "4.10");
    assert_eq!(
        back.parts
            .iter()
            .map(Decimal::to_string)
            .collect::<Vec<_>>(),
        ["1.50", "2"]
    );
    assert_eq!(back.fee, Some(decimal("100")));
    assert_eq!(
        (back.paid, back.count, back.big, back.plain),
        (true, 7, 0, 1000.0)
    );
    assert_eq!(
        (back.kind, back.discount, back.created),
        (Kind::Partial, None, None)
    );
}

#[test]
fn errors_are_located_by_path_with_stable_codes() {
    let bad_int = problem::<Checked>("refundparm.x=abc");
    assert_eq!(
        (
            bad_int.path.as_str(),
            bad_int.code,
            bad_int.message.as_str()
        ),
        (
            "$.refundparm.x",
            "invalid_value",
            "invalid value: string, expected i32"
        )
    );
    assert_eq!(
        located::<OrderTicketRefundParm>("username=u"),
        ("$".into(), "missing_field")
    );
    let missing = problem::<Checked>("refundparm.y=1");
    assert_eq!(
        (
            missing.path.as_str(),
            missing.code,
            missing.message.as_str()
        ),
        ("$.refundparm", "missing_field", "missing field `x`")
    );
    assert_eq!(
        located::<Basket>("owner=o&items[0].name=a&items[1].name=b&items[1].count=-1"),
        ("$.items[1].count".into(), "invalid_value")
    );
    // Valid prices with one pair replaced.
    let at = |key: &str, value: &str| {
        let pairs = [
            "rate=1",
            "amount=1",
            "paid=true",
            "count=1",
            "big=1",
            "plain=1",
            "kind=Full",
        ]
        .iter()
        .filter(|pair| pair.split('=').next() != key.split('.').next())
        .map(|pair| pair.to_string())
        .chain([format!("{key}={value}")]);
        located::<Prices>(&pairs.collect::<Vec<_>>().join("&"))
    };
    assert_eq!(at("kind", "Half"), ("$.kind".into(), "unknown_variant"));
    assert_eq!(at("amount", "4,10"), ("$.amount".into(), "invalid_value"));
    assert_eq!(
        at("parts", "1&parts=x"),
        ("$.parts[1]".into(), "invalid_value")
    );
    assert_eq!(at("count", "256"), ("$.count".into(), "invalid_value"));
    assert_eq!(at("paid", "1"), ("$.paid".into(), "invalid_value"));
    assert_eq!(at("rate", "inf"), ("$.rate".into(), "invalid_value"));
    assert_eq!(
        at("created", "yesterday"),
        ("$.created".into(), "invalid_value")
    );
    assert_eq!(at("plain.x", "1"), ("$.plain".into(), "invalid_type"));
    assert_eq!(at("amount", ""), ("$.amount".into(), "invalid_value"));
    assert_eq!(
        located::<TicketRefundRequest>("terminal=WEBPAGE&random=1"),
        ("$.terminal".into(), "invalid_value")
    );
}

#[test]
fn ctt_terminal_reads_a_number_a_numeric_string_or_a_name() {
    let request = TicketRefundRequest {
        order_number: Some("CTT001".into()),
        refund_passanger_ids: Some("1,2".into()),
        refund_reason: None,
        terminal: Terminal::WebpageEnum,
        time_stamp: Some("20250914163525".into()),
        random: 5,
        sign: Some("AB+/=".into()),
    };
    let text = to_string(&request).unwrap();
    assert_eq!(
        text,
        "order_number=CTT001&refund_passanger_ids=1%2C2&terminal=1&time_stamp=20250914163525&random=5&sign=AB%2B%2F%3D"
    );
    assert_eq!(read::<TicketRefundRequest>(&text), request);
    for (terminal, expected) in [
        ("WEBPAGEEnum", Terminal::WebpageEnum),
        ("webpageenum", Terminal::WebpageEnum),
        ("+1", Terminal::WebpageEnum),
        ("7", Terminal::Other(7)),
    ] {
        let parsed = read::<TicketRefundRequest>(&format!("terminal={terminal}&random=-3"));
        assert_eq!(
            (parsed.terminal, parsed.random),
            (expected, -3),
            "{terminal}"
        );
    }
}

#[test]
fn unknown_and_unreachable_keys_are_ignored() {
    assert_eq!(
        read::<OrderTicketRefundParm>(
            "username=u&extra=1&refundparm.extra[0]=2&&=x&.orderid=1&refundparm..orderid=2\
             &refundparm[0]=3&[0]=4&refundparm.orderid=5&refundparm.orderid.deeper=6",
        ),
        refund("u", Some("5"), None)
    );
}

#[test]
fn maps_write_their_keys_like_fields() {
    let mut inner = BTreeMap::new();
    inner.insert("b c".to_owned(), 1_u32);
    inner.insert("d".to_owned(), 2);
    let mut outer = BTreeMap::new();
    outer.insert("a".to_owned(), inner);
    let text = to_string(&outer).unwrap();
    assert_eq!(text, "a.b+c=1&a.d=2");
    assert_eq!(
        read::<BTreeMap<String, BTreeMap<String, u32>>>(&text),
        outer
    );

    let mut numbered = BTreeMap::new();
    numbered.insert(7_u8, "x");
    assert_eq!(to_string(&numbered).unwrap(), "7=x");
    let mut tupled = BTreeMap::new();
    tupled.insert((1, 2), "x");
    assert!(to_string(&tupled).is_err());
}

#[test]
fn what_a_form_cannot_carry_is_refused() {
    #[derive(Serialize)]
    enum Shape {
        Circle(u8),
        Box { side: u8 },
    }
    #[derive(Serialize)]
    struct Holder {
        shape: Shape,
    }
    let error = to_string(&Holder {
        shape: Shape::Circle(1),
    })
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "shape has the enum variant Shape::Circle with data, which a form cannot carry"
    );
    assert!(
        to_string(&Holder {
            shape: Shape::Box { side: 1 }
        })
        .is_err()
    );
    for error in [
        to_string(&5).unwrap_err(),
        to_string("text").unwrap_err(),
        to_string(&vec![1]).unwrap_err(),
        to_string(&None::<RefundParm>).unwrap_err(),
        to_string(&Some(sample())).unwrap_err(),
        to_string(&()).unwrap_err(),
        to_string(&Kind::Full).unwrap_err(),
    ] {
        assert!(
            error
                .to_string()
                .starts_with("a form body is a struct or a map"),
            "{error}"
        );
    }
}

#[test]
fn raw_json_values_write_as_their_text() {
    #[derive(Serialize)]
    struct Raw {
        number: Box<RawValue>,
        string: Box<RawValue>,
        truth: Box<RawValue>,
        null: Box<RawValue>,
    }
    let raw = |json: &str| RawValue::from_string(json.to_owned()).unwrap();
    let value = Raw {
        number: raw("1.50E+3"),
        string: raw(r#""N\u0061N""#),
        truth: raw("true"),
        null: raw("null"),
    };
    assert_eq!(
        to_string(&value).unwrap(),
        "number=1.50E%2B3&string=NaN&truth=true"
    );
    #[derive(Serialize)]
    struct Nested {
        object: Box<RawValue>,
    }
    assert!(to_string(&Nested { object: raw("{}") }).is_err());
}

#[test]
fn hostile_bodies_fail_cleanly_at_the_limits() {
    let expect = |text: &str, code: &str| {
        let problem = problem::<OrderTicketRefundParm>(text);
        assert_eq!(
            (problem.path.as_str(), problem.code),
            ("$", code),
            "{}",
            problem.message
        );
    };
    expect(&"&".repeat(1_000_000), "form_limit");
    let pairs = |count: usize| vec!["x=1"; count].join("&");
    assert_eq!(
        located::<OrderTicketRefundParm>(&pairs(1000)),
        ("$".into(), "missing_field")
    );
    expect(&pairs(1001), "form_limit");
    expect("refundparm.ticketids[99999999]=1", "form_limit");
    expect("refundparm.ticketids[1000]=1", "form_limit");
    expect(&format!("{}z=1", "a.".repeat(999)), "form_limit");
    expect(&format!("a{}=1", "[b]".repeat(999)), "form_limit");
    expect(&format!("a{}=1", "[0]".repeat(999)), "form_limit");
    assert_eq!(
        located::<OrderTicketRefundParm>(&format!("{}z=1", "a.".repeat(31))),
        ("$".into(), "missing_field")
    );
    expect(&format!("{}z=1", "a.".repeat(32)), "form_limit");
    for text in [
        "username=%",
        "username=%4",
        "username=%zz",
        "user%ZZname=u",
        "username=%C3%28",
        "username=%FF",
        "a[b=1",
    ] {
        expect(text, "form_syntax");
    }
    let long = "x".repeat(1 << 20);
    assert_eq!(
        read::<OrderTicketRefundParm>(&format!("username={long}&refundparm.orderid=1")).username,
        long
    );
}

/// xorshift64*: deterministic, so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }

    fn chance(&mut self) -> bool {
        self.next() & 1 == 0
    }

    fn text(&mut self) -> String {
        const ALPHABET: &[&str] = &[
            "a", "Z", "0", " ", "+", "&", "=", "%", "[", "]", ".", "*", "~", "\t", "é", "张", "😀",
            "𠀀", "%2B",
        ];
        (0..self.below(8))
            .map(|_| ALPHABET[self.below(ALPHABET.len())])
            .collect()
    }

    /// Text that is not blank, since a blank `Option` binds as `None`.
    fn non_blank(&mut self) -> String {
        let text = self.text();
        let boundaries: Vec<usize> = text
            .char_indices()
            .map(|(at, _)| at)
            .chain([text.len()])
            .collect();
        let at = boundaries[self.below(boundaries.len())];
        format!("{}x{}", &text[..at], &text[at..])
    }

    fn option(&mut self) -> Option<String> {
        self.chance().then(|| self.non_blank())
    }

    fn list(&mut self) -> Option<Vec<String>> {
        self.chance()
            .then(|| (0..1 + self.below(3)).map(|_| self.text()).collect())
    }

    fn double(&mut self) -> f64 {
        match self.below(4) {
            0 => f64::from_bits(self.next()),
            1 => self.next() as i64 as f64 / 1000.0,
            2 => [
                f64::NAN,
                f64::INFINITY,
                f64::NEG_INFINITY,
                0.0,
                -0.0,
                5e-324,
                f64::MAX,
            ][self.below(7)],
            _ => self.below(1000) as f64 + 0.1,
        }
    }

    fn decimal(&mut self) -> Decimal {
        Decimal::new(self.next() as i64 >> self.below(64), self.below(12) as u32)
    }
}

fn same_double(a: f64, b: f64) -> bool {
    a == b || (a.is_nan() && b.is_nan())
}

#[test]
fn random_values_round_trip() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..300 {
        let value = OrderTicketRefundParm {
            username: rng.text(),
            settotomorrowtime: rng.option(),
            refundparm: RefundParm {
                orderid: rng.option(),
                refundallticket: rng.option(),
                ticketids: rng.list(),
            },
        };
        let text = to_string(&value).unwrap();
        let empty_parm = value.refundparm.orderid.is_none()
            && value.refundparm.refundallticket.is_none()
            && value.refundparm.ticketids.is_none();
        if empty_parm {
            // Nothing is written for an all-null object, and the server would bind it as null too.
            assert_eq!(
                located::<OrderTicketRefundParm>(&text),
                ("$".into(), "missing_field")
            );
        } else {
            assert_eq!(read::<OrderTicketRefundParm>(&text), value, "{text}");
        }

        let request = TicketRefundRequest {
            order_number: rng.option(),
            refund_passanger_ids: rng.option(),
            refund_reason: rng.option(),
            terminal: match rng.next() as i32 {
                1 => Terminal::WebpageEnum,
                _ if rng.chance() => Terminal::WebpageEnum,
                other => Terminal::Other(other),
            },
            time_stamp: rng.option(),
            random: rng.next() as i32,
            sign: rng.option(),
        };
        let text = to_string(&request).unwrap();
        assert_eq!(read::<TicketRefundRequest>(&text), request, "{text}");

        let basket = Basket {
            owner: rng.text(),
            items: (0..rng.below(3))
                .map(|_| Item {
                    name: rng.text(),
                    count: rng.chance().then(|| rng.next() as u32),
                    tags: rng.list(),
                })
                .collect(),
        };
        let text = to_string(&basket).unwrap();
        assert_eq!(read::<Basket>(&text), basket, "{text}");

        let value = Prices {
            rate: rng.double(),
            discount: rng.chance().then(|| rng.double()),
            amount: rng.decimal(),
            fee: rng.chance().then(|| rng.decimal()),
            parts: (0..rng.below(3)).map(|_| rng.decimal()).collect(),
            paid: rng.chance(),
            count: rng.next() as u8,
            big: rng.next() as i64,
            plain: rng.double(),
            kind: if rng.chance() {
                Kind::Full
            } else {
                Kind::Partial
            },
            created: None,
        };
        let text = to_string(&value).unwrap();
        let back = read::<Prices>(&text);
        assert!(same_double(back.rate, value.rate), "{text}");
        assert!(same_double(back.plain, value.plain), "{text}");
        match (back.discount, value.discount) {
            (Some(a), Some(b)) => assert!(same_double(a, b), "{text}"),
            (a, b) => assert_eq!(a, b, "{text}"),
        }
        assert_eq!(
            (
                back.amount,
                back.fee,
                &back.parts,
                back.paid,
                back.count,
                back.big,
                back.kind
            ),
            (
                value.amount,
                value.fee,
                &value.parts,
                value.paid,
                value.count,
                value.big,
                value.kind
            ),
            "{text}"
        );
        // .NET reads `-0` as positive zero, so a negative zero is written back as `0`.
        assert_eq!(to_string(&back).unwrap(), text.replace("=-0&", "=0&"));
    }
}

#[test]
fn random_bodies_never_panic_and_fail_with_known_codes() {
    const PIECES: &[&str] = &[
        "&",
        "=",
        "[",
        "]",
        "[]",
        "[0]",
        "[1]",
        ".",
        "%",
        "%5B",
        "%FF",
        "%C3",
        "%A9",
        "+",
        "username",
        "refundparm",
        "ticketids",
        "orderid",
        "owner",
        "items",
        "name",
        "count",
        "1",
        "-",
        "x",
        "é",
        "😀",
    ];
    const CODES: &[&str] = &[
        "form_syntax",
        "form_limit",
        "missing_field",
        "invalid_type",
        "invalid_value",
    ];
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let mut failures = 0;
    for _ in 0..3000 {
        let text: String = (0..rng.below(24))
            .map(|_| PIECES[rng.below(PIECES.len())])
            .collect();
        for result in [
            from_str::<OrderTicketRefundParm>(&text).map(drop),
            from_str::<Basket>(&text).map(drop),
        ] {
            if let Err(rejection) = result {
                failures += 1;
                let problem = &rejection.errors()[0];
                assert!(CODES.contains(&problem.code), "{text:?}: {problem:?}");
                assert!(problem.path.starts_with('$'), "{text:?}: {problem:?}");
            }
        }
    }
    assert!(failures > 0);
}
