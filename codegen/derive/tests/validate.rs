//! `#[derive(Validate)]` and `#[derive(RedactedDebug)]` on hand-written types: every rule passing and failing,
//! paths by wire name, every problem at once in a stable order, conditional rules, closed enums and fen.

use codegen_derive::{RedactedDebug, Validate, WireEnum};
use codegen_runtime::validate::{Path, Report, Validate as _};
use codegen_runtime::{Decimal, Fen, Problem, Stage};

/// `(path, code)` of every problem, in order.
fn problems<T: codegen_runtime::Validate>(value: &T) -> Vec<(String, &'static str)> {
    match value.validate() {
        Ok(()) => Vec::new(),
        Err(rejection) => {
            assert_eq!(rejection.stage(), Stage::Validate);
            rejection
                .into_errors()
                .into_iter()
                .map(|problem| (problem.path, problem.code))
                .collect()
        }
    }
}

fn only_problem<T: codegen_runtime::Validate>(value: &T) -> Problem {
    let mut errors = value.validate().unwrap_err().into_errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    errors.remove(0)
}

fn at(path: &str, code: &'static str) -> (String, &'static str) {
    (path.to_owned(), code)
}

#[derive(Clone, Validate)]
struct Ticket {
    #[validate(required, max_len = 4, pattern = "[0-9]{1,3}[A-F]")]
    seat_no: String,
    #[validate(min = 0, max = 9999.99)]
    price: Decimal,
    amount: Fen,
}

#[derive(Clone, Validate)]
struct Train {
    #[validate(required, max_len = 3)]
    tickets: Vec<Ticket>,
}

#[derive(Clone, Validate)]
struct Order {
    #[validate(required)]
    trains: Vec<Train>,
    note: Option<Box<Ticket>>,
}

fn ticket(seat_no: &str) -> Ticket {
    Ticket {
        seat_no: seat_no.to_owned(),
        price: Decimal::new(999_999, 2),
        amount: Fen::from(100),
    }
}

fn order() -> Order {
    Order {
        trains: vec![Train {
            tickets: vec![ticket("12A"), ticket("7F")],
        }],
        note: None,
    }
}

#[test]
fn a_valid_value_passes() {
    assert_eq!(order().validate(), Ok(()));
}

#[test]
fn list_items_are_located_by_index() {
    let mut order = order();
    order.trains[0].tickets[1].seat_no = "7G".to_owned();
    assert_eq!(
        problems(&order),
        [at("$.trains[0].tickets[1].seat_no", "pattern")]
    );
    let problem = only_problem(&order);
    assert_eq!(
        problem.message,
        "does not match the pattern `[0-9]{1,3}[A-F]`"
    );
}

#[test]
fn nested_options_and_boxes_are_validated() {
    let mut order = order();
    order.note = Some(Box::new(ticket("")));
    assert_eq!(problems(&order), [at("$.note.seat_no", "required")]);
}

#[test]
fn every_problem_is_reported_at_once_in_declaration_order_depth_first() {
    let mut bad = ticket("   ");
    bad.price = Decimal::new(10000, 0);
    bad.amount = Fen::new("10.0");
    let order = Order {
        trains: vec![
            Train {
                tickets: vec![ticket("1A"), bad.clone()],
            },
            Train {
                tickets: vec![ticket("1A"); 4],
            },
            Train {
                tickets: Vec::new(),
            },
        ],
        note: Some(Box::new(bad)),
    };
    let expected = [
        at("$.trains[0].tickets[1].seat_no", "required"),
        at("$.trains[0].tickets[1].seat_no", "pattern"),
        at("$.trains[0].tickets[1].price", "range"),
        at("$.trains[0].tickets[1].amount", "fen"),
        at("$.trains[1].tickets", "max_len"),
        at("$.trains[2].tickets", "required"),
        at("$.note.seat_no", "required"),
        at("$.note.seat_no", "pattern"),
        at("$.note.price", "range"),
        at("$.note.amount", "fen"),
    ];
    assert_eq!(problems(&order), expected);
    assert_eq!(problems(&order), expected, "the order is stable");
}

#[test]
fn validate_into_reports_under_a_parent_path() {
    let mut report = Report::new();
    let root = Path::Root;
    let parent = root.field("param");
    ticket("").validate_into(&parent, &mut report);
    let rejection = report.into_result().unwrap_err();
    assert_eq!(rejection.errors()[0].path, "$.param.seat_no");
}

#[derive(Validate)]
struct Lengths {
    #[validate(min_len = 2, max_len = 4)]
    name: String,
    #[validate(max_len = 20)]
    remark: Option<String>,
    #[validate(min_len = 1, max_len = 2)]
    ids: Option<Vec<String>>,
}

fn lengths(name: &str) -> Lengths {
    Lengths {
        name: name.to_owned(),
        remark: None,
        ids: None,
    }
}

#[test]
fn lengths_count_utf16_code_units() {
    for name in ["ab", "𠀀", "éé", "𠀀𠀀", "abcd", "é𠀀a"] {
        assert_eq!(lengths(name).validate(), Ok(()), "{name:?}");
    }
    for (name, code) in [
        ("é", "min_len"),
        ("a", "min_len"),
        ("𠀀𠀀a", "max_len"),
        ("abcde", "max_len"),
    ] {
        assert_eq!(problems(&lengths(name)), [at("$.name", code)], "{name:?}");
    }
}

#[test]
fn length_messages_give_the_limit_and_the_measure_but_not_the_text() {
    let mut value = lengths("ab");
    value.remark = Some(format!("{}é", "𠀀".repeat(10)));
    let problem = only_problem(&value);
    assert_eq!(problem.path, "$.remark");
    assert_eq!(problem.code, "max_len");
    assert_eq!(
        problem.message,
        "is 21 UTF-16 code units long; at most 20 allowed"
    );
    value.remark = Some("𠀀".repeat(10));
    assert_eq!(value.validate(), Ok(()));
}

#[test]
fn list_lengths_count_items_and_absent_lists_are_not_measured() {
    let mut value = lengths("ab");
    value.ids = Some(Vec::new());
    assert_eq!(
        only_problem(&value).message,
        "has 0 items; at least 1 allowed"
    );
    value.ids = Some(vec![String::new(); 3]);
    assert_eq!(
        only_problem(&value).message,
        "has 3 items; at most 2 allowed"
    );
    value.ids = Some(vec![String::new()]);
    assert_eq!(value.validate(), Ok(()));
}

#[derive(Validate)]
struct Required {
    #[validate(required)]
    name: String,
    #[validate(required)]
    maybe: Option<String>,
    #[validate(required)]
    list: Vec<i32>,
    #[validate(required)]
    count: Option<i64>,
    #[validate(required)]
    nested: Option<Lengths>,
}

#[test]
fn required_means_present_and_not_blank_or_empty() {
    let value = Required {
        name: " \t\u{3000}".to_owned(),
        maybe: None,
        list: Vec::new(),
        count: None,
        nested: None,
    };
    let rejection = value.validate().unwrap_err();
    let found: Vec<_> = rejection
        .errors()
        .iter()
        .map(|p| (p.path.as_str(), p.code, p.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("$.name", "required", "is required and must not be blank"),
            ("$.maybe", "required", "is required"),
            ("$.list", "required", "is required and must not be empty"),
            ("$.count", "required", "is required"),
            ("$.nested", "required", "is required"),
        ]
    );
    let value = Required {
        name: " a".to_owned(),
        maybe: Some("x".to_owned()),
        list: vec![0],
        count: Some(0),
        nested: Some(lengths("ab")),
    };
    assert_eq!(value.validate(), Ok(()));
}

#[derive(Validate)]
struct Ranges {
    #[validate(min = 1, max = 100)]
    count: i32,
    #[validate(min = -5)]
    offset: Option<i64>,
    #[validate(max = 0.1)]
    ratio: f64,
    #[validate(min = 0.01, max = 99999.99)]
    amount: Option<Decimal>,
    #[validate(max = 100)]
    fen: Fen,
}

fn ranges() -> Ranges {
    Ranges {
        count: 1,
        offset: Some(-5),
        ratio: 0.1,
        amount: Some(Decimal::new(1, 2)),
        fen: Fen::from(100),
    }
}

#[test]
fn ranges_include_their_bounds() {
    assert_eq!(ranges().validate(), Ok(()));
    let value = Ranges {
        count: 100,
        offset: None,
        ratio: -1.0,
        amount: Some(Decimal::new(9999999, 2)),
        fen: Fen::new(""),
    };
    assert_eq!(value.validate(), Ok(()));
}

#[test]
fn ranges_report_the_bound_crossed() {
    let value = Ranges {
        count: 0,
        offset: Some(-6),
        ratio: f64::NAN,
        amount: Some(Decimal::new(100000000, 3)),
        fen: Fen::from(101),
    };
    let rejection = value.validate().unwrap_err();
    let found: Vec<_> = rejection
        .errors()
        .iter()
        .map(|p| (p.path.as_str(), p.code, p.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "$.count",
                "range",
                "is less than 1; must be between 1 and 100"
            ),
            ("$.offset", "range", "is less than -5; must be at least -5"),
            ("$.ratio", "range", "is not a number; must be at most 0.1"),
            (
                "$.amount",
                "range",
                "is greater than 99999.99; must be between 0.01 and 99999.99"
            ),
            ("$.fen", "range", "is greater than 100; must be at most 100"),
        ]
    );
    let mut value = ranges();
    value.ratio = "0.1000000000000000055".parse().unwrap();
    assert_eq!(value.validate(), Ok(()), "the same double as 0.1");
    value.ratio = 0.1000001;
    assert_eq!(problems(&value), [at("$.ratio", "range")]);
}

#[derive(Validate)]
struct Formats {
    #[validate(format = "date")]
    day: String,
    #[validate(format = "datetime")]
    at: Option<String>,
    #[validate(format = "digits", max_len = 18)]
    id_no: Option<String>,
    #[validate(format = "decimal")]
    yuan: Option<String>,
    #[validate(format = "time")]
    time: Option<String>,
}

#[test]
fn formats_accept_their_form_and_leave_empty_text_to_required() {
    let value = Formats {
        day: "2024-02-29".to_owned(),
        at: Some("2018-07-01 07:07:07".to_owned()),
        id_no: Some("0123".to_owned()),
        yuan: Some("10.0".to_owned()),
        time: Some(String::new()),
    };
    assert_eq!(value.validate(), Ok(()));
    let value = Formats {
        day: "2025-02-29".to_owned(),
        at: Some("2018-07-01T07:07:07".to_owned()),
        id_no: Some("12a".to_owned()),
        yuan: Some("1e3".to_owned()),
        time: Some("24:00:00".to_owned()),
    };
    let rejection = value.validate().unwrap_err();
    let messages: Vec<_> = rejection
        .errors()
        .iter()
        .map(|p| (p.path.as_str(), p.code, p.message.as_str()))
        .collect();
    assert_eq!(
        messages,
        [
            ("$.day", "format", "is not a date in the form yyyy-MM-dd"),
            (
                "$.at",
                "format",
                "is not a date and time in the form yyyy-MM-dd HH:mm:ss"
            ),
            ("$.id_no", "format", "is not only the digits 0-9"),
            ("$.yuan", "format", "is not a decimal number such as 10.00"),
            ("$.time", "format", "is not a time in the form HH:mm:ss"),
        ]
    );
}

#[derive(serde::Serialize, Validate)]
#[serde(rename_all = "PascalCase")]
struct Renamed {
    #[validate(required)]
    order_no: String,
    #[serde(rename = "refund_passanger_ids")]
    #[validate(required)]
    passenger_ids: Vec<String>,
    #[serde(flatten)]
    extra: Lengths2,
    r#type: Option<Box<Renamed>>,
}

#[derive(serde::Serialize, Validate)]
struct Lengths2 {
    #[validate(max_len = 1)]
    flag: String,
}

#[test]
fn paths_use_serde_wire_names() {
    let value = Renamed {
        order_no: String::new(),
        passenger_ids: Vec::new(),
        extra: Lengths2 {
            flag: "ab".to_owned(),
        },
        r#type: Some(Box::new(Renamed {
            order_no: "1".to_owned(),
            passenger_ids: vec!["1".to_owned()],
            extra: Lengths2 {
                flag: "abc".to_owned(),
            },
            r#type: None,
        })),
    };
    let json = serde_json::to_value(&value).unwrap();
    assert!(json.get("OrderNo").is_some() && json.get("Type").is_some());
    assert!(json.get("refund_passanger_ids").is_some() && json.get("flag").is_some());
    assert_eq!(
        problems(&value),
        [
            at("$.OrderNo", "required"),
            at("$.refund_passanger_ids", "required"),
            at("$.flag", "max_len"),
            at("$.Type.flag", "max_len"),
        ]
    );
}

/// 退票结果: the document lists every value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, WireEnum)]
#[wire(repr = "i64", closed)]
enum ReturnTicketType {
    #[wire(value = 0, name = "ByTicket")]
    ByTicket,
    #[wire(value = 1, name = "ByOrder")]
    ByOrder,
    #[wire(other)]
    Other(i64),
}

/// Open: unknown values are fine.
#[derive(Clone, Debug, PartialEq, Eq, WireEnum)]
#[wire(repr = "string")]
enum Channel {
    #[wire(value = "web")]
    Web,
    #[wire(other)]
    Other(String),
}

/// taobao_bus's rule: a refund by ticket needs the ticket id.
///
/// clippy's `duplicated_attributes` keys nested items by name (and string value), so two rules that both compare
/// with a number or require the same field look like duplicates to it.
#[allow(clippy::duplicated_attributes)]
#[derive(Validate)]
#[validate(rule(
    when(field = "agent_return_ticket_type", equals = 0),
    require = "agent_ticket_id",
    code = "PARAM_CHECK_LACK_TICKET_ID",
    message = "按票退款缺少票号",
))]
#[validate(rule(
    when(field = "channel", equals = "web"),
    require = "passenger_name",
    code = "LACK_NAME",
    message = "web refunds name the passenger",
))]
#[validate(rule(
    when(field = "urgent", equals = true),
    require = "passenger_name",
    code = "URGENT_NAME",
    message = "urgent refunds name the passenger",
))]
struct ConfirmReturn {
    #[validate(required)]
    agent_order_id: String,
    agent_return_ticket_type: ReturnTicketType,
    agent_ticket_id: Option<String>,
    channel: Option<Channel>,
    urgent: bool,
    passenger_name: Option<String>,
    #[validate(min = -1)]
    level: Option<i64>,
}

fn confirm(kind: ReturnTicketType, ticket_id: Option<&str>) -> ConfirmReturn {
    ConfirmReturn {
        agent_order_id: "A1".to_owned(),
        agent_return_ticket_type: kind,
        agent_ticket_id: ticket_id.map(str::to_owned),
        channel: None,
        urgent: false,
        passenger_name: None,
        level: None,
    }
}

#[test]
fn a_conditional_rule_uses_the_providers_code_and_message() {
    assert_eq!(
        confirm(ReturnTicketType::ByTicket, Some("T1")).validate(),
        Ok(())
    );
    assert_eq!(confirm(ReturnTicketType::ByOrder, None).validate(), Ok(()));
    for ticket_id in [None, Some(""), Some(" ")] {
        let problem = only_problem(&confirm(ReturnTicketType::ByTicket, ticket_id));
        assert_eq!(problem.path, "$.agent_ticket_id");
        assert_eq!(problem.code, "PARAM_CHECK_LACK_TICKET_ID");
        assert_eq!(problem.message, "按票退款缺少票号");
    }
}

#[test]
fn conditional_rules_compare_strings_bools_and_absent_values() {
    let mut value = confirm(ReturnTicketType::ByOrder, None);
    value.channel = Some(Channel::Other("app".to_owned()));
    assert_eq!(
        value.validate(),
        Ok(()),
        "an open enum keeps unknown values"
    );
    value.channel = Some(Channel::Web);
    value.urgent = true;
    assert_eq!(
        problems(&value),
        [
            at("$.passenger_name", "LACK_NAME"),
            at("$.passenger_name", "URGENT_NAME")
        ]
    );
    value.passenger_name = Some("张三".to_owned());
    assert_eq!(value.validate(), Ok(()));
}

#[test]
fn a_closed_enum_refuses_undocumented_values() {
    let value = confirm(ReturnTicketType::Other(7), None);
    let problem = only_problem(&value);
    assert_eq!(problem.path, "$.agent_return_ticket_type");
    assert_eq!(problem.code, "enum_value");
    assert_eq!(problem.message, "is not one of the 2 documented values");
    assert_eq!(ReturnTicketType::ByOrder.validate(), Ok(()));
}

#[test]
fn fen_must_be_plain_digits() {
    let mut value = ticket("1A");
    for text in ["", "0", "1000"] {
        value.amount = Fen::new(text);
        assert_eq!(value.validate(), Ok(()), "{text:?}");
    }
    for text in ["10.0", "-1", " 1", "18446744073709551616"] {
        value.amount = Fen::new(text);
        assert_eq!(problems(&value), [at("$.amount", "fen")], "{text:?}");
    }
}

/// Only `Debug` reads these fields, and a derived impl does not count as a read, as with `#[derive(Debug)]`.
#[allow(dead_code)]
#[derive(RedactedDebug)]
struct Credentials {
    app_key: String,
    #[sensitive]
    secret: String,
    #[sensitive]
    id_card_no: Option<String>,
    #[sensitive]
    phone: Option<String>,
    r#type: i32,
}

#[derive(RedactedDebug)]
struct Empty {}

#[test]
fn redacted_debug_hides_sensitive_fields() {
    let value = Credentials {
        app_key: "12345".to_owned(),
        secret: "s3cr3t-value".to_owned(),
        id_card_no: Some("110101199003074512".to_owned()),
        phone: None,
        r#type: 2,
    };
    let text = format!("{value:?}");
    assert_eq!(
        text,
        "Credentials { app_key: \"12345\", secret: <redacted>, id_card_no: Some(<redacted>), phone: None, type: 2 }"
    );
    let pretty = format!("{value:#?}");
    for secret in ["s3cr3t", "110101199003074512"] {
        assert!(
            !text.contains(secret) && !pretty.contains(secret),
            "{pretty}"
        );
    }
    assert!(pretty.contains("secret: <redacted>,\n"), "{pretty}");
    assert_eq!(format!("{:?}", Empty {}), "Empty");
}

#[test]
fn messages_never_quote_the_value() {
    let mut value = lengths("secret-text-too-long");
    value.remark = Some("another-secret".repeat(3));
    let rejection = value.validate().unwrap_err();
    for problem in rejection.errors() {
        assert!(!problem.message.contains("secret"), "{problem:?}");
    }
}

#[derive(Validate, RedactedDebug)]
struct Page<T> {
    #[validate(max_len = 2)]
    items: Vec<T>,
    #[sensitive]
    cursor: Option<String>,
}

#[test]
fn generic_structs_bound_their_parameters() {
    let page = Page {
        items: vec![ticket("1A"), ticket("")],
        cursor: Some("opaque".to_owned()),
    };
    assert_eq!(problems(&page), [at("$.items[1].seat_no", "required")]);
    let page = Page {
        items: vec![1, 2, 3],
        cursor: None,
    };
    assert_eq!(problems(&page), [at("$.items", "max_len")]);
    assert_eq!(
        format!("{page:?}"),
        "Page { items: [1, 2, 3], cursor: None }"
    );
}

#[test]
fn misuse_is_a_compile_error() {
    trybuild::TestCases::new().compile_fail("tests/ui/validate/*.rs");
}
