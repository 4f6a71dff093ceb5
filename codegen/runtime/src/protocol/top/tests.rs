//! The protocol end to end, on the samples of the two TOP seeds (003 `alitrip_btrip`, 004 `taobao_bus`).

use super::seed_samples::{ALITRIP_XML, BUS_XML, ERROR_XML};
use serde::{Deserialize, Serialize};

use super::*;
use crate::{Endpoint, Format, Operation, Protocol, ProviderInfo, TopDateTime};

/// Mirrors the generated `taobao_bus::AgentConfirmReturnRq`, with its fields in Java property order (the order
/// the SDK's `JSONWriter` writes) and numbers for the two enums.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Serialize, Deserialize)]
struct AgentConfirmReturnRq {
    agent_order_id: String,
    agent_return_ticket_status: i64,
    agent_return_ticket_type: i64,
    agent_ticket_id: Option<String>,
    come_from: Option<String>,
    isign: Option<String>,
    passenger_name: Option<String>,
    refund_amount: Option<String>,
    success_time: Option<TopDateTime>,
}

#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Serialize, Deserialize)]
struct BusAgentReturnticketConfirmRequest {
    param_agent_confirm_return_r_q: Option<AgentConfirmReturnRq>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct BusAgentReturnticketConfirmResponse {
    result_code: Option<String>,
    result_msg: Option<String>,
    is_success: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct AlitripResponse {
    data: Option<OrderInfo>,
    result_code: Option<String>,
    status: Option<String>,
    result_msg: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct OrderInfo {
    order_id: Option<String>,
    supplier_order_id: Option<String>,
}

/// The mirrors carry no documented rules; an operation's messages must still be `Validate`.
macro_rules! no_rules {
    ($($type:ty),*) => {
        $(impl crate::Validate for $type {
            fn validate_into(&self, _: &crate::validate::Path<'_>, _: &mut crate::validate::Report) {}
        })*
    };
}

no_rules!(
    BusAgentReturnticketConfirmRequest,
    BusAgentReturnticketConfirmResponse,
    AlitripResponse
);

struct ReturnTicketConfirm;

impl Operation for ReturnTicketConfirm {
    type Request = BusAgentReturnticketConfirmRequest;
    type Response = BusAgentReturnticketConfirmResponse;
    type Uri = ();
    const NAME: &'static str = "return_ticket_confirm";
    const PROVIDER: ProviderInfo = ProviderInfo {
        id: "taobao_bus",
        title: "taobao_bus",
        protocol: Protocol::Top,
        formats: &[Format::Json, Format::Xml],
    };
    const ENDPOINT: Endpoint = Endpoint::Top {
        method: "taobao.bus.agent.returnticket.confirm",
        session: crate::TopSession::Unstated,
    };
}

/// The same call, as if its page said "需要用户授权".
struct ReturnTicketConfirmForAUser;

impl Operation for ReturnTicketConfirmForAUser {
    type Request = BusAgentReturnticketConfirmRequest;
    type Response = BusAgentReturnticketConfirmResponse;
    type Uri = ();
    const NAME: &'static str = "return_ticket_confirm_for_a_user";
    const PROVIDER: ProviderInfo = ReturnTicketConfirm::PROVIDER;
    const ENDPOINT: Endpoint = Endpoint::Top {
        method: "taobao.bus.agent.returnticket.confirm",
        session: crate::TopSession::Required,
    };
}

const BUS_METHOD: &str = "taobao.bus.agent.returnticket.confirm";
const ALITRIP_METHOD: &str = "alitrip.btrip.supplychain.train.callback.refund";

/// The official SDK's rendering of the seed 004 sample (docs/wire-formats.md, TOP object parameters).
const SEED_004_PARAM: &str = r#"{"agent_order_id":"A380","agent_return_ticket_status":1,"agent_return_ticket_type":0,"agent_ticket_id":"B737","come_from":"agentX","isign":"\"\"","passenger_name":"张三","refund_amount":"10.0","success_time":"2018-07-01 07:07:07"}"#;

fn seed_004_request() -> BusAgentReturnticketConfirmRequest {
    BusAgentReturnticketConfirmRequest {
        param_agent_confirm_return_r_q: Some(AgentConfirmReturnRq {
            agent_order_id: "A380".into(),
            agent_return_ticket_status: 1,
            agent_return_ticket_type: 0,
            agent_ticket_id: Some("B737".into()),
            come_from: Some("agentX".into()),
            isign: Some("\"\"".into()),
            passenger_name: Some("张三".into()),
            refund_amount: Some("10.0".into()),
            success_time: Some("2018-07-01 07:07:07".parse().unwrap()),
        }),
    }
}

fn fixed_options(sign_method: SignMethod) -> Options {
    Options {
        timestamp: Some("2016-01-01 12:00:00".parse().unwrap()),
        sign_method,
        ..Options::default()
    }
}

fn credentials() -> Credentials {
    Credentials::new("12345678", "helloworld")
}

/// The parameters a server reads back from a body.
fn parse_body(body: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(body.as_bytes())
        .into_owned()
        .collect()
}

/// Signs what a server received, as the server does: everything but `sign`.
fn server_signature(received: &[(String, String)], secret: &str, method: SignMethod) -> String {
    sign(
        secret,
        received
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_str())),
        method,
    )
}

/// The expected body and signature were computed with Python: `urllib.parse.urlencode` over the same pairs in
/// the same order, and `hashlib.md5(secret + S + secret)` over the sorted concatenation `S`; `openssl dgst -md5`
/// over the same bytes agrees.
#[test]
fn the_seed_004_sample_as_a_signed_body() {
    let request = encode::<ReturnTicketConfirm>(
        &seed_004_request(),
        &credentials(),
        &fixed_options(SignMethod::Md5),
    )
    .unwrap();
    assert_eq!(
        request.param("param_agent_confirm_return_r_q"),
        Some(SEED_004_PARAM)
    );
    assert_eq!(
        request.param("sign"),
        Some("AE0C065181645F98F08A0BF33B3BDEF8")
    );
    assert_eq!(
        request.body,
        "method=taobao.bus.agent.returnticket.confirm&app_key=12345678&timestamp=2016-01-01+12%3A00%3A00&v=2.0\
         &format=json&sign_method=md5&param_agent_confirm_return_r_q=%7B%22agent_order_id%22%3A%22A380%22%2C\
         %22agent_return_ticket_status%22%3A1%2C%22agent_return_ticket_type%22%3A0%2C%22agent_ticket_id%22%3A\
         %22B737%22%2C%22come_from%22%3A%22agentX%22%2C%22isign%22%3A%22%5C%22%5C%22%22%2C%22passenger_name\
         %22%3A%22%E5%BC%A0%E4%B8%89%22%2C%22refund_amount%22%3A%2210.0%22%2C%22success_time%22%3A%222018-07-01\
         +07%3A07%3A07%22%7D&sign=AE0C065181645F98F08A0BF33B3BDEF8"
    );
    assert_eq!(
        request.content_type,
        "application/x-www-form-urlencoded;charset=utf-8"
    );

    let received = parse_body(&request.body);
    assert_eq!(received, request.params);
    assert_eq!(
        server_signature(&received, "helloworld", SignMethod::Md5),
        "AE0C065181645F98F08A0BF33B3BDEF8"
    );
}

/// Expected value: Python `hmac.new(b"helloworld", S, hashlib.sha256)` over the sorted concatenation, and
/// `openssl dgst -sha256 -hmac helloworld`.
#[test]
fn the_seed_004_sample_signed_with_hmac_sha256() {
    let request = encode::<ReturnTicketConfirm>(
        &seed_004_request(),
        &credentials(),
        &fixed_options(SignMethod::HmacSha256),
    )
    .unwrap();
    let expected = "0E82BEDB6871C7947EAE4D1A7AC3BB477DBCD98DB7E308BDE45753885DF7360D";
    assert_eq!(request.param("sign"), Some(expected));
    let received = parse_body(&request.body);
    assert_eq!(
        server_signature(&received, "helloworld", SignMethod::HmacSha256),
        expected
    );
}

#[test]
fn every_option_is_sent_and_signed() {
    let options = Options {
        session: Some("session-token".into()),
        timestamp: Some("2016-01-01 12:00:00".parse().unwrap()),
        format: ResponseFormat::SimplifiedJson,
        sign_method: SignMethod::Hmac,
        partner_id: Some("top-sdk-java-20240101".into()),
        target_app_key: Some("87654321".into()),
    };
    let request =
        encode_request(BUS_METHOD, &seed_004_request(), &credentials(), &options).unwrap();
    let names: Vec<&str> = request
        .params
        .iter()
        .map(|(name, _)| name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "method",
            "app_key",
            "session",
            "timestamp",
            "v",
            "format",
            "sign_method",
            "partner_id",
            "target_app_key",
            "simplify",
            "param_agent_confirm_return_r_q",
            "sign"
        ]
    );
    assert_eq!(request.param("format"), Some("json"));
    assert_eq!(request.param("simplify"), Some("true"));
    assert_eq!(request.param("sign_method"), Some("hmac"));
    let received = parse_body(&request.body);
    assert_eq!(
        Some(server_signature(&received, "helloworld", SignMethod::Hmac).as_str()),
        request.param("sign")
    );
    let xml = Options {
        format: ResponseFormat::Xml,
        ..fixed_options(SignMethod::Md5)
    };
    let request = encode_request(BUS_METHOD, &seed_004_request(), &credentials(), &xml).unwrap();
    assert_eq!(request.param("format"), Some("xml"));
    assert_eq!(request.param("simplify"), None);
}

#[test]
fn blank_parameters_are_neither_sent_nor_signed() {
    #[derive(Serialize)]
    struct Request {
        fields: &'static str,
        blank: &'static str,
        empty: &'static str,
        absent: Option<String>,
    }
    let request = Request {
        fields: "nick",
        blank: " \u{3000}\t",
        empty: "",
        absent: None,
    };
    let options = Options {
        session: Some("  ".into()),
        partner_id: Some(String::new()),
        ..fixed_options(SignMethod::Md5)
    };
    let encoded =
        encode_request("taobao.user.seller.get", &request, &credentials(), &options).unwrap();
    let received = parse_body(&encoded.body);
    for name in ["blank", "empty", "absent", "session", "partner_id"] {
        assert!(
            received.iter().all(|(key, _)| key != name),
            "{name} was sent"
        );
    }
    let bare = [
        ("method", "taobao.user.seller.get"),
        ("app_key", "12345678"),
        ("timestamp", "2016-01-01 12:00:00"),
        ("v", "2.0"),
        ("format", "json"),
        ("sign_method", "md5"),
        ("fields", "nick"),
    ];
    assert_eq!(
        encoded.param("sign"),
        Some(sign("helloworld", bare, SignMethod::Md5).as_str())
    );
}

#[test]
fn a_request_that_cannot_be_sent_is_refused() {
    #[derive(Serialize)]
    struct Clash {
        sign: &'static str,
    }
    let options = fixed_options(SignMethod::Md5);
    let clash = encode_request(BUS_METHOD, &Clash { sign: "x" }, &credentials(), &options);
    assert!(matches!(clash, Err(EncodeError::ReservedName(ref name)) if name == "sign"));
    let no_method = encode_request(" ", &seed_004_request(), &credentials(), &options);
    assert!(matches!(no_method, Err(EncodeError::Missing("method"))));
    let no_key = encode_request(
        BUS_METHOD,
        &seed_004_request(),
        &Credentials::new("", "s"),
        &options,
    );
    assert!(matches!(no_key, Err(EncodeError::Missing("app_key"))));
    let list = encode_request(BUS_METHOD, &[1, 2], &credentials(), &options);
    assert!(matches!(list, Err(EncodeError::NotAnObject)));
}

#[test]
fn without_a_fixed_timestamp_the_clock_is_read() {
    let options = Options {
        sign_method: SignMethod::Md5,
        ..Options::default()
    };
    let request =
        encode_request(BUS_METHOD, &seed_004_request(), &credentials(), &options).unwrap();
    let timestamp: TopDateTime = request.param("timestamp").unwrap().parse().unwrap();
    assert!(timestamp.year() >= 2024);
}

#[test]
fn the_secret_is_in_no_debug_or_display() {
    let secret = "s3cr3t-VALUE";
    let session = "6100e23-session-token";
    let credentials = Credentials::new("12345678", secret);
    let options = Options {
        session: Some(session.into()),
        ..fixed_options(SignMethod::Md5)
    };
    let request = encode_request(BUS_METHOD, &seed_004_request(), &credentials, &options).unwrap();
    let failure = encode_request(BUS_METHOD, &[0], &credentials, &options).unwrap_err();
    let shown = [
        format!("{credentials:?}"),
        format!("{credentials:#?}"),
        format!("{options:?}"),
        format!("{request:?}"),
        format!("{request:#?}"),
        format!("{failure:?}"),
        format!("{failure}"),
    ];
    for text in &shown {
        assert!(!text.contains(secret), "{text}");
        assert!(!text.contains(session), "{text}");
    }
    assert!(
        shown[0].contains("12345678") && shown[0].contains("<redacted>"),
        "{}",
        shown[0]
    );
    assert!(
        shown[3].contains("param_agent_confirm_return_r_q"),
        "{}",
        shown[3]
    );
}

#[test]
fn the_seeds_xml_samples_decode() {
    let bus = decode::<ReturnTicketConfirm>(BUS_XML, ResponseFormat::Xml).unwrap();
    assert_eq!(
        bus,
        BusAgentReturnticketConfirmResponse {
            result_code: Some("PARAM_CHECK_LACK_TICKET_ID".into()),
            result_msg: Some("按票退款缺少票号".into()),
            is_success: Some(false),
        }
    );
    let declared = format!("<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n{BUS_XML}");
    assert_eq!(
        decode::<ReturnTicketConfirm>(&declared, ResponseFormat::Xml),
        Ok(bus)
    );

    let alitrip: AlitripResponse =
        decode_response(ALITRIP_XML, ResponseFormat::Xml, ALITRIP_METHOD).unwrap();
    assert_eq!(
        alitrip,
        AlitripResponse {
            data: Some(OrderInfo {
                order_id: Some("123456789".into()),
                supplier_order_id: Some("987654321".into()),
            }),
            result_code: Some("200".into()),
            status: Some("true".into()),
            result_msg: Some("成功".into()),
        }
    );

    let seed_error = TopError {
        code: Some(TopCode::Str("50".into())),
        msg: Some("Remote service error".into()),
        sub_code: Some("isv.invalid-parameter".into()),
        sub_msg: Some("非法参数".into()),
        request_id: None,
    };
    for method in [BUS_METHOD, ALITRIP_METHOD] {
        let failure = decode_response::<AlitripResponse>(ERROR_XML, ResponseFormat::Xml, method);
        assert_eq!(failure, Err(TopFailure::Api(seed_error.clone())));
    }
}

#[test]
fn json_envelopes_decode() {
    let expected = BusAgentReturnticketConfirmResponse {
        result_code: Some("OK".into()),
        result_msg: None,
        is_success: Some(true),
    };
    let wrapped = r#"{"bus_agent_returnticket_confirm_response":{"result_code":"OK","is_success":true,"request_id":"3n4bx1xl7c9h"}}"#;
    assert_eq!(
        decode::<ReturnTicketConfirm>(wrapped, ResponseFormat::Json),
        Ok(expected.clone())
    );
    // Booleans as strings, and a differently named envelope after a non-object entry (the Java rule).
    let loose = r#"{"note":"x","other_response":{"result_code":"OK","is_success":"true"}}"#;
    assert_eq!(
        decode::<ReturnTicketConfirm>(loose, ResponseFormat::Json),
        Ok(expected.clone())
    );
    // The named envelope wins over an earlier object.
    let named = r#"{"a":{"result_code":"NO"},"bus_agent_returnticket_confirm_response":{"result_code":"OK","is_success":true}}"#;
    assert_eq!(
        decode::<ReturnTicketConfirm>(named, ResponseFormat::Json),
        Ok(expected.clone())
    );
    let simplified = r#"{"result_code":"OK","is_success":true,"request_id":"3n4bx1xl7c9h"}"#;
    assert_eq!(
        decode::<ReturnTicketConfirm>(simplified, ResponseFormat::SimplifiedJson),
        Ok(expected)
    );
    let alitrip = r#"{"alitrip_btrip_supplychain_train_callback_refund_response":{"data":{"order_id":"123456789","supplier_order_id":987654321},"result_code":200,"status":true,"result_msg":"成功"}}"#;
    let decoded: AlitripResponse =
        decode_response(alitrip, ResponseFormat::Json, ALITRIP_METHOD).unwrap();
    assert_eq!(decoded.result_code.as_deref(), Some("200"));
    assert_eq!(decoded.status.as_deref(), Some("true"));
    assert_eq!(
        decoded
            .data
            .and_then(|data| data.supplier_order_id)
            .as_deref(),
        Some("987654321")
    );
}

#[test]
fn members_the_response_type_does_not_read_are_listed() {
    let (read, unread) = decode_listing_unread::<ReturnTicketConfirm>(BUS_XML, ResponseFormat::Xml)
        .expect("the seed's sample reads");
    assert_eq!(
        Ok(read),
        decode::<ReturnTicketConfirm>(BUS_XML, ResponseFormat::Xml)
    );
    assert_eq!(unread, Vec::<String>::new());
    // A misspelled member, and one inside a nested object, are found; `request_id` is the platform's own.
    let misspelled = r#"{"bus_agent_returnticket_confirm_response":{"result_cod":"OK","is_success":true,"request_id":"3n4b"}}"#;
    let (_, unread) =
        decode_listing_unread::<ReturnTicketConfirm>(misspelled, ResponseFormat::Json)
            .expect("reads, skipping the misspelled member");
    assert_eq!(unread, ["$.result_cod"]);
    let nested = r#"{"alitrip_btrip_supplychain_train_callback_refund_response":{"data":{"order_id":"1","extra":[1]},"status":"true"}}"#;
    let (_, unread) = decode_response_listing_unread::<AlitripResponse>(
        nested,
        ResponseFormat::Json,
        ALITRIP_METHOD,
    )
    .expect("reads");
    assert_eq!(unread, ["$.data.extra"]);
    // A failure is still the platform's error, whatever the listing.
    assert!(matches!(
        decode_listing_unread::<ReturnTicketConfirm>(ERROR_XML, ResponseFormat::Xml),
        Err(TopFailure::Api(_))
    ));
}

#[test]
fn decimals_and_doubles_read_from_xml_text_and_json_numbers() {
    #[serde_with::serde_as]
    #[derive(Debug, PartialEq, Deserialize)]
    struct Fee {
        #[serde_as(as = "Option<crate::DotNetDecimal>")]
        fee: Option<rust_decimal::Decimal>,
        #[serde_as(as = "Option<crate::DotNetDouble>")]
        rate: Option<f64>,
    }
    let xml = "<fee_get_response><fee>4.10</fee><rate>1E+20</rate></fee_get_response>";
    let read: Fee = decode_response(xml, ResponseFormat::Xml, "taobao.fee.get").expect("reads");
    assert_eq!(read.fee.map(|fee| fee.to_string()).as_deref(), Some("4.10"));
    assert_eq!(read.rate, Some(1e20));
    let json = r#"{"fee_get_response":{"fee":1.5,"rate":"2.5"}}"#;
    let read: Fee = decode_response(json, ResponseFormat::Json, "taobao.fee.get").expect("reads");
    assert_eq!(read.fee.map(|fee| fee.to_string()).as_deref(), Some("1.5"));
    assert_eq!(read.rate, Some(2.5));
    let text = "<fee_get_response><fee>ten</fee></fee_get_response>";
    let refused = decode_response::<Fee>(text, ResponseFormat::Xml, "taobao.fee.get");
    assert!(
        matches!(refused, Err(TopFailure::Rejected(_))),
        "{refused:?}"
    );
}

#[test]
fn json_errors_with_numeric_or_string_codes() {
    let numeric = r#"{"error_response":{"code":50,"msg":"Remote service error","sub_code":"isv.invalid-parameter","sub_msg":"非法参数","request_id":"z28bx9xl"}}"#;
    let expected = TopError {
        code: Some(TopCode::Int(50)),
        msg: Some("Remote service error".into()),
        sub_code: Some("isv.invalid-parameter".into()),
        sub_msg: Some("非法参数".into()),
        request_id: Some("z28bx9xl".into()),
    };
    for format in [ResponseFormat::Json, ResponseFormat::SimplifiedJson] {
        assert_eq!(
            decode::<ReturnTicketConfirm>(numeric, format),
            Err(TopFailure::Api(expected.clone())),
            "{format:?}"
        );
    }
    let string = r#"{"error_response":{"code":"7","msg":"App Call Limited"}}"#;
    assert_eq!(
        decode::<ReturnTicketConfirm>(string, ResponseFormat::Json),
        Err(TopFailure::Api(TopError {
            code: Some(TopCode::Str("7".into())),
            msg: Some("App Call Limited".into()),
            ..TopError::default()
        }))
    );
    let failure = decode::<ReturnTicketConfirm>(numeric, ResponseFormat::Json).unwrap_err();
    assert_eq!(
        failure.to_string(),
        "TOP error 50: Remote service error [isv.invalid-parameter] 非法参数 (request z28bx9xl)"
    );
}

#[test]
fn success_follows_the_java_rule() {
    let decode_bus = |body: &str| decode::<ReturnTicketConfirm>(body, ResponseFormat::Json);
    for success in [
        r#"{"x_response":{"code":"0","result_code":"OK"}}"#,
        r#"{"x_response":{"code":0,"result_code":"OK"}}"#,
        r#"{"x_response":{"code":"","sub_code":"","result_code":"OK"}}"#,
        r#"{"x_response":{"code":null,"result_code":"OK"}}"#,
    ] {
        assert_eq!(
            decode_bus(success).map(|response| response.result_code),
            Ok(Some("OK".into())),
            "{success}"
        );
    }
    for failure in [
        r#"{"x_response":{"code":15}}"#,
        r#"{"x_response":{"sub_code":"isp.timeout"}}"#,
        r#"{"x_response":{"code":"0","sub_code":"isv.x"}}"#,
        r#"{"error_response":{}}"#,
        r#"{"error_response":{"code":0}}"#,
    ] {
        assert!(
            matches!(decode_bus(failure), Err(TopFailure::Api(_))),
            "{failure}"
        );
    }
}

#[test]
fn malformed_bodies_are_rejected_with_a_location() {
    let rejected =
        |body: &str, format: ResponseFormat| match decode::<ReturnTicketConfirm>(body, format) {
            Err(TopFailure::Rejected(rejection)) => {
                assert_eq!(rejection.stage(), crate::Stage::Parse);
                let problem = rejection.into_errors().into_iter().next().unwrap();
                (problem.path, problem.code)
            }
            other => panic!("{body:?} gave {other:?}"),
        };
    use ResponseFormat::{Json, SimplifiedJson, Xml};
    assert_eq!(rejected("", Json), ("$".into(), "json_eof"));
    assert_eq!(rejected("{\"a\":", Json), ("$.a".into(), "json_eof"));
    assert_eq!(rejected("{\"a\" 1}", Json), ("$".into(), "json_syntax"));
    assert_eq!(rejected("{} x", Json), ("$".into(), "json_syntax"));
    assert_eq!(rejected("[1]", Json), ("$".into(), "invalid_type"));
    assert_eq!(
        rejected("\"x\"", SimplifiedJson),
        ("$".into(), "invalid_type")
    );
    assert_eq!(rejected("{}", Json), ("$".into(), "missing_envelope"));
    assert_eq!(
        rejected(r#"{"a":1,"b":"x"}"#, Json),
        ("$".into(), "missing_envelope")
    );
    assert_eq!(
        rejected(r#"{"x_response":{"is_success":"yes"}}"#, Json),
        ("$.is_success".into(), "invalid_type")
    );
    assert_eq!(
        rejected(r#"{"is_success":[true]}"#, SimplifiedJson),
        ("$.is_success".into(), "invalid_type")
    );
    assert_eq!(
        rejected(r#"{"error_response":"x","is_success":7}"#, SimplifiedJson),
        ("$.is_success".into(), "invalid_type")
    );
    assert_eq!(rejected("", Xml), ("$".into(), "xml_eof"));
    assert_eq!(
        rejected("{\"x_response\":{}}", Xml),
        ("$".into(), "xml_syntax")
    );
    assert_eq!(
        rejected("<r><is_success>maybe</is_success></r>", Xml),
        ("$.is_success".into(), "invalid_type")
    );
    assert_eq!(
        rejected("<r><is_success><b/></is_success></r>", Xml),
        ("$.is_success".into(), "invalid_type")
    );
    assert_eq!(rejected("<r><a></b></r>", Xml).1, "xml_syntax");
    assert_eq!(rejected(&BUS_XML[..60], Xml).1, "xml_eof");
}

#[test]
fn missing_required_members_are_located() {
    #[derive(Debug, Deserialize)]
    struct Strict {
        data: Required,
    }
    #[derive(Debug, Deserialize)]
    struct Required {
        order_id: u64,
    }
    let missing = decode_response::<Strict>(
        "<x_response><data><other>1</other></data></x_response>",
        ResponseFormat::Xml,
        "x",
    );
    let Err(TopFailure::Rejected(rejection)) = missing else {
        panic!("{missing:?}");
    };
    assert_eq!(rejection.errors()[0].path, "$.data");
    assert_eq!(rejection.errors()[0].code, "missing_field");
    let decoded = decode_response::<Strict>(
        "<x_response><data><order_id>42</order_id></data></x_response>",
        ResponseFormat::Xml,
        "x",
    );
    assert_eq!(decoded.map(|strict| strict.data.order_id), Ok(42));
}

#[test]
fn the_response_name_drops_taobao_and_replaces_dots() {
    assert_eq!(
        response_name(BUS_METHOD),
        "bus_agent_returnticket_confirm_response"
    );
    assert_eq!(
        response_name("taobao.alitrip.car.order.accept"),
        "alitrip_car_order_accept_response"
    );
    assert_eq!(
        response_name(ALITRIP_METHOD),
        "alitrip_btrip_supplychain_train_callback_refund_response"
    );
}

/// Every prefix of the seeds' XML samples, and each sample damaged at random, is decoded or refused, never a
/// panic.
#[test]
fn damaged_xml_envelopes_are_refused_without_panicking() {
    let declared = format!("<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n{BUS_XML}");
    let samples = [BUS_XML, ALITRIP_XML, ERROR_XML, &declared];
    let decode =
        |text: &str| decode_response::<AlitripResponse>(text, ResponseFormat::Xml, ALITRIP_METHOD);
    for sample in samples {
        for end in (0..=sample.len()).filter(|&end| sample.is_char_boundary(end)) {
            let _ = decode(&sample[..end]);
        }
    }
    let pieces: [&[u8]; 16] = [
        b"<",
        b">",
        b"/",
        b"&",
        b";",
        b"&#",
        b"&amp;",
        b"]]>",
        b"<![CDATA[",
        b"<!--",
        b"<?",
        b"<!DOCTYPE",
        b"=\"",
        b":",
        b"\r",
        "\u{FFFE}".as_bytes(),
    ];
    let mut rng = fastrand::Rng::with_seed(12);
    for _ in 0..20_000 {
        let mut bytes = samples[rng.usize(..samples.len())].as_bytes().to_vec();
        for _ in 0..rng.usize(1..4) {
            let at = rng.usize(..=bytes.len());
            match rng.u8(..4) {
                0 => bytes.insert(at, rng.u8(..)),
                1 if at < bytes.len() => bytes[at] = rng.u8(..),
                2 if at < bytes.len() => {
                    bytes.remove(at);
                }
                _ => {
                    let piece = pieces[rng.usize(..pieces.len())];
                    bytes.splice(at..at, piece.iter().copied());
                }
            }
        }
        let _ = decode(&String::from_utf8_lossy(&bytes));
    }
}

/// An operation that acts for a user is not encoded without a session, nor with a blank one, which would be left
/// out; with one, the session is a signed system parameter.
#[test]
fn a_session_the_operation_needs_is_a_required_system_parameter() {
    for session in [None, Some(" ")] {
        let options = Options {
            session: session.map(str::to_owned),
            ..fixed_options(SignMethod::Md5)
        };
        match encode::<ReturnTicketConfirmForAUser>(&seed_004_request(), &credentials(), &options) {
            Err(EncodeError::Missing(name)) => assert_eq!(name, "session"),
            other => panic!("{session:?}: expected the missing session, got {other:?}"),
        }
    }
    let options = Options {
        session: Some("user-session".into()),
        ..fixed_options(SignMethod::Md5)
    };
    let request =
        encode::<ReturnTicketConfirmForAUser>(&seed_004_request(), &credentials(), &options)
            .unwrap();
    assert_eq!(request.param("session"), Some("user-session"));
    assert!(
        encode::<ReturnTicketConfirm>(
            &seed_004_request(),
            &credentials(),
            &fixed_options(SignMethod::Md5)
        )
        .is_ok()
    );
}
