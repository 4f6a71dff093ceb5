//! The examples of docs/clients.md, as they are printed there, run against canned answers: what a user copies
//! compiles and does what the page says.

use codegen_runtime::client::{CallError, Codec, Literal, Outcome, Success, Top, WebApi};
use codegen_runtime::sm4::{Key, Sm4Config};
use codegen_runtime::top::{Credentials, Options, SignMethod};
use codegen_runtime::{Format, Operation};
use refund_apis::{alitrip_btrip, digitalscience};

type Error = Box<dyn std::error::Error>;

/// Stands for the HTTP client of the user's choice: it gets the built request and answers what the provider would.
fn send(
    request: http::Request<Vec<u8>>,
    body: &str,
    content_type: &str,
) -> http::Response<Vec<u8>> {
    assert_eq!(request.method(), http::Method::POST);
    http::Response::builder()
        .header(http::header::CONTENT_TYPE, content_type)
        .body(body.as_bytes().to_vec())
        .expect("a response")
}

#[test]
fn web_api_example() -> Result<(), Error> {
    // docs/clients.md: build, send, read.
    use digitalscience::{OrderTicketRefundParm, RefundParm, RefundTickets};

    let client = WebApi::new("https://tour.example.com/".parse()?).format(Format::Xml);
    let request = OrderTicketRefundParm::builder()
        .username("agent01")
        .refundparm(
            RefundParm::builder()
                .orderid("O20250914")
                .ticketids(vec!["T1".into(), "T2".into()])
                .build(),
        )
        .build();
    let http_request = client.encode::<RefundTickets>(&request)?; // validated, then written as XML
    assert_eq!(
        http_request.uri(),
        "https://tour.example.com/api/WebInterface/Order/Ticket/Refund"
    );
    let answer = r#"<CommonOperationResult xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/DigitalScience.DataTransfer"><errcode>3</errcode><errmsg>门票已使用</errmsg><tag i:nil="true"/></CommonOperationResult>"#;
    let http_response = send(http_request, answer, "application/xml; charset=utf-8");
    match client.decode::<RefundTickets>(&http_response) {
        Ok(result) => panic!("errcode 3 is a failure: {result:?}"),
        Err(CallError::Provider(failure)) => {
            assert_eq!(
                failure.to_string(),
                "the provider reports a failure 3: 门票已使用 (by `errcode`)"
            );
        }
        Err(other) => return Err(other.into()),
    }
    Ok(())
}

#[test]
fn top_example() -> Result<(), Error> {
    use alitrip_btrip::{AlitripBtripSupplychainTrainCallbackRefundRequest, TrainCallbackRefund};

    let client = Top::new(Credentials::new("12345678", "your-app-secret"))
        .options(Options {
            session: Some("the-seller-session".into()),
            sign_method: SignMethod::HmacSha256,
            ..Options::default()
        })
        .sm4(Sm4Config::default_for(Key::from_ascii("1234567890abcdef")?)); // mode unconfirmed: see below
    let request: AlitripBtripSupplychainTrainCallbackRefundRequest =
        codegen_runtime::json::from_str(&format!(
            r#"{{"refund_call_back_param":{}}}"#,
            callback()
        ))?;
    let http_request = client.encode::<TrainCallbackRefund>(&request)?; // validated, encrypted, signed
    assert_eq!(http_request.uri(), "https://eco.taobao.com/router/rest");
    let answer =
        r#"{"error_response":{"code":27,"msg":"Invalid session","request_id":"z28bx9xl"}}"#;
    let http_response = send(http_request, answer, "application/json;charset=UTF-8");
    match client.decode::<TrainCallbackRefund>(&http_response) {
        Err(CallError::Top(error)) if error.code.as_ref().is_some_and(|code| *code == 27) => {}
        other => panic!("expected the platform's error 27, got {other:?}"),
    }
    Ok(())
}

#[test]
fn replacing_a_reading() -> Result<(), Error> {
    use refund_apis::ctt::RefundTicket;

    let schema = RefundTicket::OUTCOME.ok_or("the schema records a reading")?;
    let client =
        WebApi::new("https://ctt.example.com/".parse()?).outcome::<RefundTicket>(Some(Outcome {
            success: Success::Equals(Literal::Int(1)),
            ..schema
        }));
    let answer = http::Response::builder()
        .header("content-type", "application/json")
        .body(br#"{"code":1,"message":"ok","data":"R1"}"#.to_vec())?;
    assert_eq!(
        client.decode::<RefundTicket>(&answer)?.data.as_deref(),
        Some("R1")
    );
    Ok(())
}

/// The JSON docs/clients.md elides: seed 003's sample object.
fn callback() -> &'static str {
    r#"{"order_id":"123456789","order_status":"31","refund_cost":"0","refund_id":"1231123","refund_total":"1000",
        "supplier_order_id":"12345678","ticket_no":"EW123412","refund_train_details":[{"arrive_time":"2022-10-19 14:00:00",
        "from_station_code":"BJP","from_station_name":"北京","start_time":"2022-10-19 12:00:00","to_station_code":"SHH",
        "to_station_name":"上海","train_date":"2022-10-19","train_no":"T123","refund_ticket_details":[{"coach_no":"01",
        "passenger_ticket_no":"EW121","refund_cost":"0","refund_price":"1000","seat_name":"硬座","seat_no":"001",
        "seat_type":"1","ticket_price":"1000","ticket_status":"31","ticket_type":"1","passenger_info":{
        "passenger_name":"张三","passenger_mobile":"13800000000","passenger_id_no":"432524100011191212",
        "passenger_id_type":"0","passenger_id":"1231232"}}]}]}"#
}
