//! Compiled into the rendered `features` crate by `emit.rs`: calling operations whose bodies are a scalar, a list
//! of scalars, or an answer the document describes no body of, through the Web API client.

use codegen_runtime::Format;
use codegen_runtime::client::{CallError, Codec, WebApi};
use codegen_runtime::{Decimal, DotNetNumber};
use features::bodies::{CancelOrder, CancelRequest, CountTickets, ListTicketIds, QuoteRefund};

fn client() -> WebApi {
    WebApi::new("https://shop.example/".parse().expect("a URI"))
}

#[test]
fn a_scalar_request_and_response_travel_bare_in_json_and_as_primitive_roots_in_xml() {
    let json = client()
        .encode::<CountTickets>(&"O1".to_owned())
        .expect("built");
    assert_eq!(json.body(), br#""O1""#);
    let xml = client()
        .format(Format::Xml)
        .encode::<CountTickets>(&"O1".to_owned())
        .expect("built");
    assert_eq!(
        xml.body(),
        br#"<string xmlns="http://schemas.microsoft.com/2003/10/Serialization/">O1</string>"#
    );
    let count = client()
        .read::<CountTickets>(
            http::StatusCode::OK,
            Some("application/json; charset=utf-8"),
            b"2",
        )
        .expect("an int");
    assert_eq!(count, 2);
    let answer = br#"<int xmlns="http://schemas.microsoft.com/2003/10/Serialization/">2</int>"#;
    assert_eq!(
        client()
            .read::<CountTickets>(http::StatusCode::OK, Some("application/xml"), answer)
            .expect("an int"),
        2
    );
    assert!(matches!(
        client().read::<CountTickets>(http::StatusCode::OK, Some("application/json"), br#""two""#),
        Err(CallError::Decode(_))
    ));
}

#[test]
fn a_list_of_scalars_travels_as_an_array_and_as_an_array_of_root() {
    let xml = client()
        .format(Format::Xml)
        .encode::<ListTicketIds>(&vec![1, 2])
        .expect("built");
    assert_eq!(
        xml.body(),
        br#"<ArrayOflong xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.microsoft.com/2003/10/Serialization/Arrays"><long>1</long><long>2</long></ArrayOflong>"#
    );
    let ids = client()
        .read::<ListTicketIds>(http::StatusCode::OK, Some("text/json"), br#"["T1","T2"]"#)
        .expect("a list");
    assert_eq!(ids, ["T1", "T2"]);
}

#[test]
fn an_answer_without_a_described_body_reaches_the_caller_as_it_came() {
    let request = CancelRequest::builder().order_id("O1").build();
    assert!(client().encode::<CancelOrder>(&request).is_ok());
    let raw = client()
        .read::<CancelOrder>(http::StatusCode::OK, Some("text/html"), b"<p>cancelled</p>")
        .expect("handed over");
    assert_eq!(raw.status, http::StatusCode::OK);
    assert_eq!(raw.content_type.as_deref(), Some("text/html"));
    assert_eq!(raw.text(), Some("<p>cancelled</p>"));
    assert!(matches!(
        client().read::<CancelOrder>(http::StatusCode::NOT_FOUND, None, b""),
        Err(CallError::Http(failure)) if failure.status == http::StatusCode::NOT_FOUND
    ));
}

#[test]
fn a_bare_double_or_decimal_keeps_the_text_json_net_gives_it() {
    let request = client()
        .encode::<QuoteRefund>(&DotNetNumber(5.0))
        .expect("built");
    assert_eq!(request.body(), b"5.0");
    let quote = client()
        .read::<QuoteRefund>(http::StatusCode::OK, Some("application/json"), b"12.50")
        .expect("a decimal");
    assert_eq!(*quote, Decimal::new(1250, 2));
    let xml = client()
        .format(Format::Xml)
        .encode::<QuoteRefund>(&DotNetNumber(1e20))
        .expect("built");
    assert_eq!(
        xml.body(),
        br#"<double xmlns="http://schemas.microsoft.com/2003/10/Serialization/">1E+20</double>"#
    );
}
