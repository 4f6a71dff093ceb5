//! Validation of the generated types: each rule the five documents state, passing and failing, on the real types;
//! the runner's `validate` stage; builders; and `Debug` output that keeps sensitive values out of logs.

use codegen_runtime::{Stage, Validate, json};
use conformance::samples::refund_callback;
use refund_apis::{alitrip_btrip, ctt, digitalscience, speedpower, taobao_bus};

/// `(path, code)` of every problem, in the order validation reports them; empty when the value is valid.
fn problems<T: Validate>(value: &T) -> Vec<(String, &'static str)> {
    match value.validate() {
        Ok(()) => Vec::new(),
        Err(rejection) => {
            assert_eq!(rejection.stage(), Stage::Validate);
            let errors = rejection.into_errors();
            errors.into_iter().map(|p| (p.path, p.code)).collect()
        }
    }
}

fn parse<T: serde::de::DeserializeOwned>(payload: &str) -> T {
    json::from_str(payload).unwrap_or_else(|rejected| panic!("{rejected}\n{payload}"))
}

fn one(path: &str, code: &'static str) -> Vec<(String, &'static str)> {
    vec![(path.to_owned(), code)]
}

fn username(name: &str) -> digitalscience::OrderTicketRefundParm {
    let payload = serde_json::json!({
        "username": name,
        "settotomorrowtime": null,
        "refundparm": { "orderid": "1", "refundallticket": null, "ticketids": ["7"] }
    });
    parse(&payload.to_string())
}

#[test]
fn digitalscience_username_is_at_most_20_utf16_code_units() {
    // BMP characters count one each, whatever their UTF-8 length.
    assert_eq!(problems(&username(&"张".repeat(20))), []);
    assert_eq!(
        problems(&username(&"张".repeat(21))),
        one("$.username", "max_len")
    );
    // A character outside the BMP is a surrogate pair: two code units, as .NET's string.Length counts it.
    assert_eq!(problems(&username(&format!("{}😀", "a".repeat(18)))), []);
    assert_eq!(
        problems(&username(&format!("{}😀", "a".repeat(19)))),
        one("$.username", "max_len")
    );
    assert_eq!(
        problems(&username(&"😀".repeat(11))),
        one("$.username", "max_len")
    );
}

#[test]
fn a_required_string_must_not_be_blank() {
    assert_eq!(problems(&username("u")), []);
    for blank in ["", " ", "\t\n"] {
        assert_eq!(problems(&username(blank)), one("$.username", "required"));
    }
}

fn speedpower_model(number: &str, remarks: Option<&str>) -> speedpower::WebApiIntactRefundModel {
    let payload = serde_json::json!({
        "RefundExpands": null, "RefundPayments": null, "RefundIncludes": [],
        "OrderId": "5f0b4a2e-6d1c-4c3e-9d64-2a1f0b9c8e7d", "RefundExternalNumber": number,
        "RefundType": 0, "RefundStyle": 0, "LatestTime": null, "Remarks": remarks, "ExternalTime": null
    });
    parse(&payload.to_string())
}

#[test]
fn speedpower_string_lengths_are_inclusive_between_0_and_the_limit() {
    assert_eq!(problems(&speedpower_model(&"n".repeat(128), None)), []);
    assert_eq!(
        problems(&speedpower_model(&"n".repeat(129), None)),
        one("$.RefundExternalNumber", "max_len")
    );
    assert_eq!(problems(&speedpower_model("n", Some(&"é".repeat(500)))), []);
    assert_eq!(
        problems(&speedpower_model(
            "n",
            Some(&format!("{}😀", "r".repeat(499)))
        )),
        one("$.Remarks", "max_len")
    );
    assert_eq!(problems(&speedpower_model("n", None)), []);
}

fn confirm(fields: serde_json::Value) -> taobao_bus::AgentConfirmReturnRq {
    let mut payload = serde_json::json!({
        "agent_order_id": "A380", "agent_return_ticket_status": 1, "agent_return_ticket_type": 1
    });
    payload
        .as_object_mut()
        .unwrap()
        .extend(fields.as_object().unwrap().clone());
    parse(&payload.to_string())
}

#[test]
fn taobao_bus_refund_by_ticket_requires_the_ticket_id_with_the_providers_code() {
    let by_order = confirm(serde_json::json!({}));
    assert_eq!(problems(&by_order), []);
    let by_ticket =
        confirm(serde_json::json!({ "agent_return_ticket_type": 0, "agent_ticket_id": "B737" }));
    assert_eq!(problems(&by_ticket), []);

    for missing in [
        serde_json::json!({ "agent_return_ticket_type": 0 }),
        serde_json::json!({ "agent_return_ticket_type": 0, "agent_ticket_id": " " }),
    ] {
        let rejection = confirm(missing).validate().unwrap_err();
        assert_eq!(rejection.errors().len(), 1);
        let problem = &rejection.errors()[0];
        assert_eq!(problem.path, "$.agent_ticket_id");
        assert_eq!(problem.code, "PARAM_CHECK_LACK_TICKET_ID");
        assert_eq!(problem.message, "按票退款缺少票号");
    }
}

#[test]
fn a_closed_enum_keeps_an_unknown_value_when_parsing_and_refuses_it_when_validating() {
    let unknown = confirm(serde_json::json!({ "agent_return_ticket_status": 3 }));
    assert_eq!(
        unknown.agent_return_ticket_status,
        taobao_bus::AgentReturnTicketStatus::Other(3)
    );
    assert_eq!(
        problems(&unknown),
        one("$.agent_return_ticket_status", "enum_value")
    );
    // ctt's Terminal is open: the document lists one member and may have more.
    let ctt: ctt::TicketRefundRequest = parse(
        r#"{"order_number":"1","refund_passanger_ids":"2","refund_reason":null,"terminal":5,"time_stamp":null,"random":0,"sign":null}"#,
    );
    assert_eq!(problems(&ctt), []);
}

#[test]
fn alitrip_callback_checks_dates_amounts_and_ticket_types_of_every_nested_item() {
    let valid: alitrip_btrip::RefundCallBackParam = parse(&refund_callback(2, 3).to_string());
    assert_eq!(problems(&valid), []);

    let mut broken = refund_callback(2, 3);
    let train = &mut broken["refund_train_details"][1];
    train["train_date"] = "2022-02-30".into();
    train["start_time"] = "2022-10-19T12:00:00".into();
    let ticket = &mut train["refund_ticket_details"][2];
    ticket["refund_price"] = "10.0".into();
    ticket["ticket_type"] = "7".into();
    ticket["seat_no"] = "".into();
    ticket["passenger_info"]["birth_date"] = "19901019".into();
    broken["refund_total"] = "-5".into();
    let broken: alitrip_btrip::RefundCallBackParam = parse(&broken.to_string());
    let ticket = "$.refund_train_details[1].refund_ticket_details[2]";
    assert_eq!(
        problems(&broken),
        [
            ("$.refund_total".to_owned(), "fen"),
            (format!("{ticket}.passenger_info.birth_date"), "format"),
            (format!("{ticket}.refund_price"), "fen"),
            (format!("{ticket}.seat_no"), "required"),
            (format!("{ticket}.ticket_type"), "enum_value"),
            ("$.refund_train_details[1].start_time".to_owned(), "format"),
            ("$.refund_train_details[1].train_date".to_owned(), "format"),
        ],
        "every problem at once, in field order, depth first"
    );
}

#[test]
fn the_runner_reports_validation_errors_at_the_validate_stage() {
    let args = ["taobao_bus", "AgentConfirmReturnRq", "json", "json"].map(str::to_owned);
    let outcome = conformance::run(
        &args,
        br#"{"agent_order_id":"A380","agent_return_ticket_status":9,"agent_return_ticket_type":0}"#,
    );
    assert_eq!(outcome.exit, 1, "{}", outcome.stderr);
    let report: serde_json::Value = serde_json::from_slice(&outcome.stdout).unwrap();
    assert_eq!(
        report,
        serde_json::json!({
            "stage": "validate",
            "errors": [
                { "path": "$.agent_return_ticket_status", "code": "enum_value", "message": report["errors"][0]["message"] },
                { "path": "$.agent_ticket_id", "code": "PARAM_CHECK_LACK_TICKET_ID", "message": "按票退款缺少票号" }
            ]
        })
    );
    assert!(
        report["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("not one of the 2 documented values")
    );
}

#[test]
fn request_builders_take_required_fields_by_name_and_validate_in_one_call() {
    let request = digitalscience::OrderTicketRefundParm::builder()
        .username("agent")
        .refundparm(
            digitalscience::RefundParm::builder()
                .orderid("O1")
                .ticketids(vec!["T1".to_owned()])
                .build(),
        )
        .build();
    assert_eq!(request.settotomorrowtime, None);
    assert_eq!(request.validate(), Ok(()));

    let confirm = taobao_bus::AgentConfirmReturnRq::builder()
        .agent_order_id("A380")
        .agent_return_ticket_status(taobao_bus::AgentReturnTicketStatus::Success)
        .agent_return_ticket_type(taobao_bus::AgentReturnTicketType::ByTicket)
        .build();
    assert_eq!(
        problems(&confirm),
        one("$.agent_ticket_id", "PARAM_CHECK_LACK_TICKET_ID")
    );
}

#[test]
fn debug_output_shows_no_passenger_data_and_no_signature() {
    let callback: alitrip_btrip::RefundCallBackParam = parse(&refund_callback(1, 1).to_string());
    let shown = format!("{callback:?}");
    for secret in [
        "张三",
        "432524100011191212",
        "16670000000",
        "1990-10-19",
        "1231232",
    ] {
        assert!(!shown.contains(secret), "{secret} leaks into {shown}");
    }
    assert!(shown.contains("passenger_name: <redacted>"), "{shown}");
    assert!(
        shown.contains("seat_no: \"001\""),
        "other fields stay readable: {shown}"
    );

    let ctt: ctt::TicketRefundRequest = parse(
        r#"{"order_number":"1","refund_passanger_ids":"2","refund_reason":null,"terminal":1,"time_stamp":null,"random":0,"sign":"3f2a9c"}"#,
    );
    let shown = format!("{ctt:?}");
    assert!(
        !shown.contains("3f2a9c") && shown.contains("sign: Some(<redacted>)"),
        "{shown}"
    );
}

#[test]
fn validation_messages_never_quote_the_value() {
    let mut broken = refund_callback(1, 1);
    broken["refund_train_details"][0]["refund_ticket_details"][0]["passenger_info"]["birth_date"] =
        "secret-birthday".into();
    let broken: alitrip_btrip::RefundCallBackParam = parse(&broken.to_string());
    let rejection = broken.validate().unwrap_err();
    assert_eq!(rejection.errors().len(), 1);
    assert!(
        !rejection.to_string().contains("secret-birthday"),
        "{rejection}"
    );
}

#[test]
fn parse_errors_never_quote_the_value_either() {
    let mut payload = refund_callback(1, 1);
    payload["refund_train_details"][0]["refund_ticket_details"][0]["passenger_info"]["passenger_id_no"] =
        serde_json::json!(432524100011191212u64);
    let rejected =
        json::from_str::<alitrip_btrip::RefundCallBackParam>(&payload.to_string()).unwrap_err();
    assert_eq!(rejected.stage(), Stage::Parse);
    assert_eq!(
        rejected.errors()[0].path,
        "$.refund_train_details[0].refund_ticket_details[0].passenger_info.passenger_id_no"
    );
    assert_eq!(
        rejected.errors()[0].message,
        "invalid type: integer, expected a string"
    );
}
