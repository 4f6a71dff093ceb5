//! Compiled into the rendered `features` crate by `emit.rs`: calling Web API operations whose URI carries
//! parameters, and reading such calls back as the provider.

use codegen_runtime::client::{CallError, Codec, EncodeError, WebApi};
use codegen_runtime::{Decimal, Format};
use features::uri_parameters::{
    Channel, OrderLine, OrderLineUri, Ping, RefundOrder, RefundOrderUri, RefundReason,
};

fn client() -> WebApi {
    WebApi::new("https://shop.example/v5/".parse().expect("a base address"))
}

fn reason() -> RefundReason {
    RefundReason::builder().reason("late").build()
}

fn refund(order_id: &str) -> RefundOrderUri {
    RefundOrderUri {
        order_id: order_id.to_owned(),
        force: true,
        amount: None,
        ratio: None,
        at: None,
        ticket: None,
        channel: None,
        seats: Vec::new(),
    }
}

#[test]
fn path_and_query_parameters_are_written_and_read_back() {
    let uri = RefundOrderUri {
        amount: Some(Decimal::new(1050, 2)),
        ratio: Some(0.5),
        at: Some("2024-05-01T08:30:00".parse().expect("a .NET DateTime")),
        channel: Some(Channel::App),
        seats: vec![3, 4],
        ..refund("A?1 #2")
    };
    let request = client()
        .format(Format::Form)
        .encode_with_uri::<RefundOrder>(&uri, &reason())
        .expect("encodes");
    assert_eq!(
        request.uri(),
        "https://shop.example/v5/api/orders/A%3F1%20%232/refund\
         ?force=true&amount=10.50&ratio=0.5&at=2024-05-01T08%3A30%3A00&channel=2&seats=3&seats=4"
    );
    assert_eq!(request.body(), b"reason=late");
    let (read_uri, read_body) = client()
        .read_request_with_uri::<RefundOrder>(&request)
        .expect("reads");
    assert_eq!(read_uri, uri);
    assert_eq!(read_body, reason());
}

#[test]
fn typed_path_values_fill_every_segment() {
    let uri = OrderLineUri {
        order_id: "退票".to_owned(),
        line: -3,
    };
    let request = client()
        .encode_with_uri::<OrderLine>(&uri, &reason())
        .expect("encodes");
    assert_eq!(request.method(), "GET");
    assert_eq!(
        request.uri().path(),
        "/v5/api/orders/%E9%80%80%E7%A5%A8/lines/-3"
    );
    let (read_uri, _) = client()
        .read_request_with_uri::<OrderLine>(&request)
        .expect("reads");
    assert_eq!(read_uri, uri);
}

#[test]
fn an_operation_without_uri_parameters_is_called_as_before() {
    let request = client().encode::<Ping>(&reason()).expect("encodes");
    assert_eq!(request.uri(), "https://shop.example/v5/api/ping");
    assert_eq!(client().read_request::<Ping>(&request).expect("reads"), reason());
}

#[test]
fn a_path_value_no_segment_can_carry_builds_no_request() {
    for value in ["..", "a/b", ""] {
        assert!(
            matches!(
                client().encode_with_uri::<RefundOrder>(&refund(value), &reason()),
                Err(CallError::Encode(EncodeError::UriParameter(_)))
            ),
            "{value:?}"
        );
    }
}
