//! `conformance top-request` and `conformance top-response`: signatures against vectors computed outside this
//! code, every public parameter in the body, SM4 fields encrypted with `--sm4-key`, answers read into the response,
//! the platform's error or the provider's failure, and usage errors.

use std::io::Write;
use std::process::{Command, Stdio};

use codegen_runtime::client::Top;
use codegen_runtime::sm4::{Key, Sm4Config};
use codegen_runtime::top::{self, Credentials, SignMethod};
use conformance::{Outcome, run};
use refund_apis::{alitrip_btrip, taobao_bus};

/// The seed 004 request: its Java example's object as the official SDK writes it (the schema's example).
const BUS_REQUEST: &str = r#"{"param_agent_confirm_return_r_q":{"agent_order_id":"A380","agent_return_ticket_status":1,"agent_return_ticket_type":0,"agent_ticket_id":"B737","come_from":"agentX","isign":"\"\"","passenger_name":"张三","refund_amount":"10.0","success_time":"2018-07-01 07:07:07"}}"#;

/// The same object as the one form field it travels in, as `JSONWriter` writes it.
const BUS_PARAM: &str = r#"{"agent_order_id":"A380","agent_return_ticket_status":1,"agent_return_ticket_type":0,"agent_ticket_id":"B737","come_from":"agentX","isign":"\"\"","passenger_name":"张三","refund_amount":"10.0","success_time":"2018-07-01 07:07:07"}"#;

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

fn sign_bus(extra: &[&str]) -> Outcome {
    let mut list = vec![
        "top-request",
        "taobao_bus",
        "BusAgentReturnticketConfirmRequest",
        "--app-key",
        "12345678",
        "--secret",
        "helloworld",
        "--timestamp",
        "2016-01-01 12:00:00",
    ];
    list.extend_from_slice(extra);
    run(&args(&list), BUS_REQUEST.as_bytes())
}

fn stdout(outcome: &Outcome) -> &str {
    std::str::from_utf8(&outcome.stdout).expect("the runner writes UTF-8")
}

/// The decoded pairs of a form body, in order.
fn pairs(body: &str) -> Vec<(String, String)> {
    form_pairs(body.as_bytes())
}

fn form_pairs(body: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(body)
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect()
}

fn param<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

/// The official worked example of TOP's "API调用方法详解" (docId=101617), through the signing function the runner
/// uses: the document's own method is not one of these providers', so it cannot go through `top-request` itself.
#[test]
fn the_signing_function_gives_the_official_example() {
    let params = [
        ("method", "taobao.item.seller.get"),
        ("app_key", "12345678"),
        ("session", "test"),
        ("timestamp", "2016-01-01 12:00:00"),
        ("format", "json"),
        ("v", "2.0"),
        ("sign_method", "md5"),
        ("fields", "num_iid,title,nick,price,num"),
        ("num_iid", "11223344"),
    ];
    assert_eq!(
        top::sign("helloworld", params, SignMethod::Md5),
        "66987CB115214E59E6EC978214934FB8"
    );
}

/// The whole body for the seed 004 sample. The signature was computed outside this code, with Python's hashlib
/// over `helloworld` + `app_key12345678formatjsonmethodtaobao.bus.agent.returnticket.confirm
/// param_agent_confirm_return_r_q<BUS_PARAM>sign_methodmd5timestamp2016-01-01 12:00:00v2.0` + `helloworld`.
#[test]
fn md5_body_of_the_seed_004_sample() {
    let outcome = sign_bus(&["--sign-method", "md5"]);
    assert_eq!(outcome.exit, 0, "{outcome:?}");
    let expected = concat!(
        "method=taobao.bus.agent.returnticket.confirm&app_key=12345678&timestamp=2016-01-01+12%3A00%3A00&v=2.0",
        "&format=json&sign_method=md5&param_agent_confirm_return_r_q=%7B%22agent_order_id%22%3A%22A380%22%2C",
        "%22agent_return_ticket_status%22%3A1%2C%22agent_return_ticket_type%22%3A0%2C%22agent_ticket_id%22%3A",
        "%22B737%22%2C%22come_from%22%3A%22agentX%22%2C%22isign%22%3A%22%5C%22%5C%22%22%2C%22passenger_name%22",
        "%3A%22%E5%BC%A0%E4%B8%89%22%2C%22refund_amount%22%3A%2210.0%22%2C%22success_time%22%3A%222018-07-01+",
        "07%3A07%3A07%22%7D&sign=AE0C065181645F98F08A0BF33B3BDEF8"
    );
    assert_eq!(stdout(&outcome), expected);
    assert_eq!(
        param(&pairs(stdout(&outcome)), "param_agent_confirm_return_r_q"),
        Some(BUS_PARAM)
    );
}

/// The HMAC methods, with a session and XML answers; expected values from Python's `hmac.new(b"helloworld", S,
/// hashlib.sha256 / hashlib.md5)` over the sorted `name value` string of the parameters.
#[test]
fn hmac_bodies_with_session_and_xml() {
    for (method, signature) in [
        (
            "hmac-sha256",
            "7B342C8E9A2A2D95E82412D746A31ABC31BACAD10997001C1C37267458615D7A",
        ),
        ("hmac", "107D32BE2A49428093811E50A12689B3"),
    ] {
        let outcome = sign_bus(&[
            "--sign-method",
            method,
            "--session",
            "test",
            "--format",
            "xml",
        ]);
        assert_eq!(outcome.exit, 0, "{outcome:?}");
        let sent = pairs(stdout(&outcome));
        let names: Vec<&str> = sent.iter().map(|(name, _)| name.as_str()).collect();
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
                "param_agent_confirm_return_r_q",
                "sign"
            ]
        );
        assert_eq!(param(&sent, "format"), Some("xml"));
        assert_eq!(param(&sent, "sign_method"), Some(method));
        assert_eq!(param(&sent, "sign"), Some(signature), "{method}");
    }
}

/// With `--sm4-key`, the passenger fields travel as ciphertext, the ciphertext is what is signed, and the
/// provider's side reads the plain text back.
#[test]
fn sm4_fields_are_encrypted_with_the_key() {
    let plain = r#"{"refund_call_back_param":"#.to_owned() + &callback_param() + "}";
    let key = "31323334353637383930616263646566";
    let outcome = run(
        &args(&[
            "top-request",
            "alitrip_btrip",
            "AlitripBtripSupplychainTrainCallbackRefundRequest",
            "--app-key",
            "k",
            "--secret",
            "s",
            "--timestamp",
            "2022-10-19 12:00:00",
            "--sign-method",
            "hmac-sha256",
            "--session",
            "sessionKey",
            "--sm4-key",
            key,
        ]),
        plain.as_bytes(),
    );
    assert_eq!(outcome.exit, 0, "{outcome:?}");
    let sent = pairs(stdout(&outcome));
    let param = param(&sent, "refund_call_back_param").expect("the object parameter");
    let config = Sm4Config::default_for(Key::from_hex(key).expect("a hex key"));
    assert!(!param.contains("\"passenger_name\":\"123123\""), "{param}");
    assert!(param.contains(&config.encrypt("123123")), "{param}");
    assert!(param.contains("\"seat_no\":\"001\""), "{param}");

    let provider = Top::new(Credentials::new("k", "s")).sm4(config);
    let request = http::Request::post(top::GATEWAY)
        .header("content-type", top::FORM_CONTENT_TYPE)
        .body(outcome.stdout.clone())
        .expect("a request");
    let read = provider
        .read_request::<alitrip_btrip::TrainCallbackRefund>(&request)
        .expect("the provider's side reads it");
    let passenger = &read.refund_call_back_param.refund_train_details[0].refund_ticket_details[0]
        .passenger_info;
    assert_eq!(passenger.passenger_name, "123123");
    assert_eq!(passenger.passenger_id_no, "432524100011191212");
}

/// Without `--sm4-key` the operation's SM4 fields cannot be sent: the runner refuses rather than sign plain text.
#[test]
fn sm4_fields_without_a_key_are_a_usage_error() {
    let plain = r#"{"refund_call_back_param":"#.to_owned() + &callback_param() + "}";
    let outcome = run(
        &args(&[
            "top-request",
            "alitrip_btrip",
            "AlitripBtripSupplychainTrainCallbackRefundRequest",
            "--app-key",
            "k",
            "--secret",
            "s",
            "--timestamp",
            "2022-10-19 12:00:00",
            "--sign-method",
            "md5",
            "--session",
            "sessionKey",
        ]),
        plain.as_bytes(),
    );
    assert_eq!(outcome.exit, 2, "{outcome:?}");
    assert!(outcome.stderr.contains("SM4"), "{}", outcome.stderr);
}

/// The schema's example of `RefundCallBackParam`, as JSON text.
fn callback_param() -> String {
    let schemas = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas");
    let providers = codegen::load(&schemas).unwrap_or_else(|e| panic!("{e}"));
    let provider = providers
        .iter()
        .find(|p| p.id == "alitrip_btrip")
        .expect("alitrip_btrip");
    provider
        .examples
        .iter()
        .find(|example| {
            example
                .ty
                .named()
                .is_some_and(|id| provider.types[id].name == "RefundCallBackParam")
        })
        .and_then(|example| example.samples.first())
        .map(|(_, text)| text.clone())
        .expect("the RefundCallBackParam example")
}

#[test]
fn an_invalid_request_is_rejected_before_signing() {
    let missing_ticket = BUS_REQUEST.replace(r#""agent_ticket_id":"B737","#, "");
    let outcome = run(
        &args(&[
            "top-request",
            "taobao_bus",
            "BusAgentReturnticketConfirmRequest",
            "--app-key",
            "12345678",
            "--secret",
            "helloworld",
            "--timestamp",
            "2016-01-01 12:00:00",
            "--sign-method",
            "md5",
        ]),
        missing_ticket.as_bytes(),
    );
    assert_eq!(outcome.exit, 1, "{outcome:?}");
    let report: serde_json::Value = serde_json::from_slice(&outcome.stdout).expect("JSON");
    assert_eq!(report["stage"], "validate");
    assert_eq!(report["errors"][0]["code"], "PARAM_CHECK_LACK_TICKET_ID");
    assert_eq!(
        report["errors"][0]["path"],
        "$.param_agent_confirm_return_r_q.agent_ticket_id"
    );
}

#[test]
fn top_request_usage_errors() {
    let base = [
        "--app-key",
        "k",
        "--secret",
        "s",
        "--timestamp",
        "2016-01-01 12:00:00",
        "--sign-method",
        "md5",
    ];
    let cases: [(&[&str], &str); 8] = [
        (
            &["top-request", "ctt", "TicketRefundRequest"],
            "not a Taobao Open Platform provider",
        ),
        (&["top-request", "nobody", "X"], "unknown provider"),
        (&["top-request", "taobao_bus", "Nope"], "has no type `Nope`"),
        (
            &["top-request", "taobao_bus", "AgentConfirmReturnRq"],
            "is not the request type",
        ),
        (&["top-request"], "needs PROVIDER and TYPE"),
        (
            &[
                "top-request",
                "taobao_bus",
                "BusAgentReturnticketConfirmRequest",
                "--colour",
                "x",
            ],
            "unknown option",
        ),
        (
            &[
                "top-request",
                "taobao_bus",
                "BusAgentReturnticketConfirmRequest",
                "--secret",
            ],
            "needs a value",
        ),
        (
            &[
                "top-request",
                "taobao_bus",
                "BusAgentReturnticketConfirmRequest",
                "--app-key",
                "k",
            ],
            "--secret is required",
        ),
    ];
    for (list, message) in cases {
        let mut full = list.to_vec();
        if list.len() == 3 {
            full.extend_from_slice(&base);
        }
        let outcome = run(&args(&full), BUS_REQUEST.as_bytes());
        assert_eq!(outcome.exit, 2, "{list:?}: {outcome:?}");
        assert!(
            outcome.stderr.contains(message),
            "{list:?}: {}",
            outcome.stderr
        );
    }
    for (flag, value, message) in [
        (
            "--timestamp",
            "2016-01-01T12:00:00",
            "is not yyyy-MM-dd HH:mm:ss",
        ),
        ("--sign-method", "sha1", "expected md5, hmac or hmac-sha256"),
        ("--format", "bson", "expected json or xml"),
        ("--sm4-key", "short", "--sm4-key"),
    ] {
        let mut full = vec![
            "top-request",
            "taobao_bus",
            "BusAgentReturnticketConfirmRequest",
        ];
        for pair in base.chunks(2) {
            if pair[0] != flag {
                full.extend_from_slice(pair);
            }
        }
        full.extend_from_slice(&[flag, value]);
        let outcome = run(&args(&full), BUS_REQUEST.as_bytes());
        assert_eq!(outcome.exit, 2, "{flag}: {outcome:?}");
        assert!(
            outcome.stderr.contains(message),
            "{flag}: {}",
            outcome.stderr
        );
    }
}

fn read_answer(provider: &str, format: &str, body: &str) -> (u8, serde_json::Value) {
    let outcome = run(
        &args(&["top-response", provider, "--format", format]),
        body.as_bytes(),
    );
    let value = serde_json::from_slice(&outcome.stdout)
        .unwrap_or_else(|error| panic!("{error}: {outcome:?}"));
    (outcome.exit, value)
}

#[test]
fn top_response_reads_the_documents_samples() {
    let alitrip = "<alitrip_btrip_supplychain_train_callback_refund_response>\n    <data>\n        <order_id>123456789</order_id>\n        <supplier_order_id>987654321</supplier_order_id>\n    </data>\n    <result_code>200</result_code>\n    <status>true</status>\n    <result_msg>成功</result_msg>\n</alitrip_btrip_supplychain_train_callback_refund_response>";
    assert_eq!(
        read_answer("alitrip_btrip", "xml", alitrip),
        (
            0,
            serde_json::json!({
                "data": {"order_id": "123456789", "supplier_order_id": "987654321"},
                "result_code": "200", "status": "true", "result_msg": "成功"
            })
        )
    );
    let bus = "<bus_agent_returnticket_confirm_response>\n    <result_code>PARAM_CHECK_LACK_TICKET_ID</result_code>\n    <result_msg>按票退款缺少票号</result_msg>\n    <is_success>false</is_success>\n</bus_agent_returnticket_confirm_response>";
    assert_eq!(
        read_answer("taobao_bus", "xml", bus),
        (
            1,
            serde_json::json!({"stage": "provider", "error": {
                "field": "is_success", "code": "PARAM_CHECK_LACK_TICKET_ID", "message": "按票退款缺少票号"
            }})
        )
    );
    let error = "<error_response>\n    <code>50</code>\n    <msg>Remote service error</msg>\n    <sub_code>isv.invalid-parameter</sub_code>\n    <sub_msg>非法参数</sub_msg>\n</error_response>";
    for provider in ["alitrip_btrip", "taobao_bus"] {
        assert_eq!(
            read_answer(provider, "xml", error),
            (
                1,
                serde_json::json!({"stage": "top", "error": {
                    "code": "50", "msg": "Remote service error",
                    "sub_code": "isv.invalid-parameter", "sub_msg": "非法参数"
                }})
            ),
            "{provider}"
        );
    }
}

#[test]
fn top_response_reads_json_answers() {
    let success = r#"{"bus_agent_returnticket_confirm_response":{"result_code":"OK","result_msg":"成功","is_success":true,"request_id":"3n4bx1xl7c9h"}}"#;
    assert_eq!(
        read_answer("taobao_bus", "json", success),
        (
            0,
            serde_json::json!({"result_code": "OK", "result_msg": "成功", "is_success": true})
        )
    );
    // JSON sends the code as a number, and the report keeps it one.
    let error = r#"{"error_response":{"code":50,"msg":"Remote service error","sub_code":"isv.invalid-parameter","sub_msg":"非法参数","request_id":"z28bx9xl"}}"#;
    let (exit, report) = read_answer("taobao_bus", "json", error);
    assert_eq!(exit, 1);
    assert_eq!(report["error"]["code"], 50);
    assert_eq!(report["error"]["request_id"], "z28bx9xl");
    let (exit, report) = read_answer("taobao_bus", "json", "{\"x\":");
    assert_eq!((exit, &report["stage"]), (1, &serde_json::json!("parse")));
}

#[test]
fn top_response_usage_errors() {
    for (list, message) in [
        (
            &["top-response", "ctt"][..],
            "not a Taobao Open Platform provider",
        ),
        (&["top-response"][..], "needs PROVIDER"),
        (
            &["top-response", "taobao_bus", "--format", "bson"][..],
            "expected json or xml",
        ),
    ] {
        let outcome = run(&args(list), b"{}");
        assert_eq!(outcome.exit, 2, "{list:?}: {outcome:?}");
        assert!(
            outcome.stderr.contains(message),
            "{list:?}: {}",
            outcome.stderr
        );
    }
}

#[test]
fn the_binary_signs_from_stdin() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_conformance"))
        .args([
            "top-request",
            "taobao_bus",
            "BusAgentReturnticketConfirmRequest",
            "--app-key",
            "12345678",
            "--secret",
            "helloworld",
            "--timestamp",
            "2016-01-01 12:00:00",
            "--sign-method",
            "md5",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the runner starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(BUS_REQUEST.as_bytes())
        .expect("written");
    let output = child.wait_with_output().expect("the runner ends");
    assert!(output.status.success());
    let sent = form_pairs(&output.stdout);
    assert_eq!(
        param(&sent, "sign"),
        Some("AE0C065181645F98F08A0BF33B3BDEF8")
    );
    // Reading it as the gateway does verifies the signature with the secret.
    let gateway = Top::new(Credentials::new("12345678", "helloworld"));
    let request = http::Request::post(top::GATEWAY)
        .header("content-type", top::FORM_CONTENT_TYPE)
        .body(output.stdout)
        .expect("a request");
    let read = gateway
        .read_request::<taobao_bus::ReturnTicketConfirm>(&request)
        .expect("the signature verifies");
    assert_eq!(
        read.param_agent_confirm_return_r_q
            .map(|param| param.agent_order_id),
        Some("A380".to_owned())
    );
}
