use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::*;
use crate::scalar::{DotNetDateTime, DotNetDecimal};

#[serde_with::serde_as]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct RefundUri {
    #[serde(rename = "orderId")]
    order_id: String,
    force: Option<bool>,
    #[serde_as(as = "Option<DotNetDecimal>")]
    amount: Option<Decimal>,
    at: Option<DotNetDateTime>,
    reason: Option<String>,
}

impl UriParameters for RefundUri {
    const PATH: &'static [&'static str] = &["orderId"];
    const QUERY: &'static [&'static str] = &["force", "amount", "at", "reason"];
}

const TEMPLATE: &str = "api/orders/{orderId}/refund";

fn order(id: &str) -> RefundUri {
    RefundUri {
        order_id: id.to_owned(),
        force: None,
        amount: None,
        at: None,
        reason: None,
    }
}

/// The path and the query of a filled template, as a server splits them.
fn split(filled: &str) -> (&str, Option<&str>) {
    match filled.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (filled, None),
    }
}

#[test]
fn no_parameters_leave_the_path_as_it_is() {
    assert_eq!(
        fill("api/ticket/refund", &()).expect("fills"),
        "api/ticket/refund"
    );
    read::<()>("api/ticket/refund", "API/Ticket/Refund", None)
        .expect("literal segments ignore case");
}

#[test]
fn scalars_are_written_in_the_invariant_text_model_binding_reads() {
    let uri = RefundUri {
        force: Some(true),
        amount: Some(Decimal::new(410, 2)),
        at: Some(
            "2024-05-01T08:30:00.5+08:00"
                .parse()
                .expect("a .NET DateTime"),
        ),
        ..order("A1")
    };
    assert_eq!(
        fill(TEMPLATE, &uri).expect("fills"),
        "api/orders/A1/refund?force=true&amount=4.10&at=2024-05-01T08%3A30%3A00.5%2B08%3A00"
    );
}

#[test]
fn a_path_value_cannot_add_a_query_or_a_fragment() {
    for (value, segment) in [
        ("a?b=c", "a%3Fb%3Dc"),
        ("#top", "%23top"),
        ("50%", "50%25"),
        ("a b+c", "a%20b%2Bc"),
        ("退票", "%E9%80%80%E7%A5%A8"),
        ("...", "..."),
        ("~x_y-z.", "~x_y-z."),
    ] {
        let filled = fill(TEMPLATE, &order(value)).expect("fills");
        assert_eq!(filled, format!("api/orders/{segment}/refund"), "{value:?}");
        let (path, query) = split(&filled);
        let read: RefundUri = read(TEMPLATE, path, query).expect("reads back");
        assert_eq!(read.order_id, value);
    }
}

#[test]
fn a_path_value_that_no_segment_can_carry_is_refused() {
    // Web API decodes `%2F` before it splits the path, so a `/` would make two segments.
    for value in ["", ".", "..", "a/b", "/", "a\\b"] {
        let error = fill(TEMPLATE, &order(value)).expect_err(value);
        assert!(error.to_string().contains("orderId"), "{error}");
    }
}

#[test]
fn hostile_query_values_come_back_exactly() {
    for value in [
        "a b",
        "a+b",
        "a&b=c",
        "=",
        "&",
        "%41",
        "#x",
        "é退票\u{1F600}",
        "'\"<>",
        " ",
    ] {
        let uri = RefundUri {
            reason: Some(value.to_owned()),
            ..order("A1")
        };
        let filled = fill(TEMPLATE, &uri).expect("fills");
        let (path, query) = split(&filled);
        let query = query.expect("a query");
        assert!(!query.contains([' ', '+', '#']), "{query}");
        let pairs: Vec<&str> = query.split('&').collect();
        assert_eq!(pairs.len(), 1, "{query}");
        let read: RefundUri = read(TEMPLATE, path, Some(query)).expect("reads back");
        // An all-blank value binds as null, as MVC's `ConvertEmptyStringToNull` does.
        let expected = (!value.trim().is_empty()).then(|| value.to_owned());
        assert_eq!(read.reason, expected, "{value:?}");
    }
}

#[test]
fn an_empty_query_value_is_sent_and_binds_as_null() {
    let uri = RefundUri {
        reason: Some(String::new()),
        ..order("A1")
    };
    let filled = fill(TEMPLATE, &uri).expect("fills");
    assert_eq!(filled, "api/orders/A1/refund?reason=");
    let (path, query) = split(&filled);
    let read: RefundUri = read(TEMPLATE, path, query).expect("reads back");
    assert_eq!(read.reason, None);
}

#[test]
fn reading_binds_as_web_api_does() {
    let read: RefundUri = read(
        TEMPLATE,
        "API/orders/A%201+2/Refund",
        Some("FORCE=True&amount=4.10&reason=a+b%2Bc&unknown=1"),
    )
    .expect("binds");
    assert_eq!(read.order_id, "A 1+2");
    assert_eq!(read.force, Some(true));
    assert_eq!(read.amount, Some(Decimal::new(410, 2)));
    assert_eq!(read.reason.as_deref(), Some("a b+c"));
}

#[test]
fn reading_refuses_what_the_route_would_not_match_or_bind() {
    for (path, query, code) in [
        ("api/orders/A1", None, "uri_path"),
        ("api/orders/A1/refund/x", None, "uri_path"),
        ("api/tickets/A1/refund", None, "uri_path"),
        ("api/orders/%E9%80/refund", None, "uri_path"),
        ("api/orders/%zz/refund", None, "uri_path"),
        ("api/orders/a%2Fb/refund", None, "uri_path"),
        ("api/orders/A1/refund", Some("orderid=B2"), "uri_query"),
        ("api/orders/A1/refund", Some("force=maybe"), "invalid_value"),
    ] {
        let rejection = read::<RefundUri>(TEMPLATE, path, query).expect_err(path);
        let codes: Vec<&str> = rejection
            .errors()
            .iter()
            .map(|problem| problem.code)
            .collect();
        assert_eq!(codes, [code], "{path} {query:?}");
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct SearchUri {
    #[serde(default)]
    ids: Vec<i64>,
    #[serde(default)]
    tags: Vec<String>,
}

impl UriParameters for SearchUri {
    const PATH: &'static [&'static str] = &[];
    const QUERY: &'static [&'static str] = &["ids", "tags"];
}

#[test]
fn a_list_repeats_its_key_and_reads_back() {
    let uri = SearchUri {
        ids: vec![1, -2],
        tags: vec!["a&b".to_owned(), "c[0]".to_owned()],
    };
    let filled = fill("api/search", &uri).expect("fills");
    assert_eq!(filled, "api/search?ids=1&ids=-2&tags=a%26b&tags=c%5B0%5D");
    let (path, query) = split(&filled);
    assert_eq!(
        read::<SearchUri>("api/search", path, query).expect("reads"),
        uri
    );
    let empty = SearchUri {
        ids: Vec::new(),
        tags: Vec::new(),
    };
    assert_eq!(fill("api/search", &empty).expect("fills"), "api/search");
    assert_eq!(
        read::<SearchUri>("api/search", "api/search", None).expect("reads"),
        empty
    );
}
