//! The conformance runner, end to end: every JSON sample of the schemas goes json -> json unchanged, rejected
//! payloads report a path and a code, usage errors exit 2, and no input makes it panic.

use std::path::Path;
use std::process::{Command, Stdio};

use codegen_runtime::json;
use conformance::{Outcome, run};

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

fn convert(provider: &str, ty: &str, input: &str) -> Outcome {
    run(&args(&[provider, ty, "json", "json"]), input.as_bytes())
}

fn stdout(outcome: &Outcome) -> &str {
    std::str::from_utf8(&outcome.stdout).expect("the runner writes UTF-8")
}

/// The one problem of a rejection, as (path, code).
fn rejection(outcome: &Outcome) -> (String, String) {
    assert_eq!(outcome.exit, 1, "expected a rejection, got {outcome:?}");
    let report: serde_json::Value = serde_json::from_slice(&outcome.stdout).expect("a JSON report");
    assert_eq!(report["stage"], "parse");
    let error = &report["errors"][0];
    assert!(
        error["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{report}"
    );
    (
        error["path"].as_str().unwrap_or_default().to_owned(),
        error["code"].as_str().unwrap_or_default().to_owned(),
    )
}

/// A JSON sample of the schemas: its provider, its type as the document names it, and the codes of the rules its
/// example says it breaks.
struct Sample {
    provider: String,
    ty: String,
    text: String,
    breaks: Vec<String>,
}

fn json_samples() -> Vec<Sample> {
    let schemas = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas");
    let providers = codegen::load(&schemas).unwrap_or_else(|e| panic!("{e}"));
    let mut samples = Vec::new();
    for provider in &providers {
        for example in &provider.examples {
            for (format, text) in &example.samples {
                if *format == codegen::model::Format::Json {
                    samples.push(Sample {
                        provider: provider.id.clone(),
                        ty: provider.types[example.ty].name.clone(),
                        text: text.clone(),
                        breaks: example.breaks.clone(),
                    });
                }
            }
        }
    }
    samples
}

/// A sample comes back unchanged, or, where the document's own sample breaks its rules, is refused by validation
/// with exactly the codes its example lists.
#[test]
fn every_json_sample_round_trips_through_the_runner() {
    let samples = json_samples();
    assert!(!samples.is_empty(), "the schemas hold JSON samples");
    for Sample {
        provider,
        ty,
        text,
        breaks,
    } in &samples
    {
        let outcome = convert(provider, ty, text);
        if breaks.is_empty() {
            assert_eq!(outcome.exit, 0, "{provider} {ty}: {outcome:?}");
            assert_eq!(
                stdout(&outcome),
                json::compact(text).unwrap(),
                "{provider} {ty}"
            );
            continue;
        }
        assert_eq!(outcome.exit, 1, "{provider} {ty}: {outcome:?}");
        let report: serde_json::Value =
            serde_json::from_slice(&outcome.stdout).expect("a JSON report");
        assert_eq!(report["stage"], "validate", "{provider} {ty}: {report}");
        let codes: Vec<&str> = report["errors"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|error| error["code"].as_str())
            .collect();
        assert_eq!(codes, *breaks, "{provider} {ty}");
    }
}

#[test]
fn the_binary_speaks_stdin_and_stdout() {
    let sample = r#"{ "code": 1, "message": "m", "data": null }"#;
    let mut child = Command::new(env!("CARGO_BIN_EXE_conformance"))
        .args(["ctt", "ApiResultOfString", "json", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), sample.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(output.stdout, br#"{"code":1,"message":"m","data":null}"#);

    let usage = Command::new(env!("CARGO_BIN_EXE_conformance"))
        .output()
        .unwrap();
    assert_eq!(usage.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&usage.stderr).contains("usage: conformance"));
}

#[test]
fn a_wrong_value_is_located_by_its_json_path() {
    let outcome = convert(
        "digitalscience",
        "OrderTicketRefundParm",
        r#"{"username":"u","settotomorrowtime":null,"refundparm":{"orderid":"1","refundallticket":"1","ticketids":["a",5]}}"#,
    );
    assert_eq!(
        rejection(&outcome),
        (
            "$.refundparm.ticketids[1]".to_owned(),
            "invalid_type".to_owned()
        )
    );
}

#[test]
fn a_missing_required_field_is_reported() {
    let outcome = convert(
        "digitalscience",
        "OrderTicketRefundParm",
        r#"{"settotomorrowtime":null}"#,
    );
    assert_eq!(
        rejection(&outcome),
        ("$".to_owned(), "missing_field".to_owned())
    );
    let report = stdout(&outcome);
    assert!(report.contains("username"), "{report}");
}

#[test]
fn broken_payloads_are_rejected_with_their_kind() {
    let (_, code) = rejection(&convert("ctt", "ApiResultOfString", r#"{"code":1,"#));
    assert_eq!(code, "json_eof");
    let (_, code) = rejection(&convert(
        "ctt",
        "ApiResultOfString",
        r#"{"code":1 "message":""}"#,
    ));
    assert_eq!(code, "json_syntax");
    let (_, code) = rejection(&convert("ctt", "ApiResultOfString", ""));
    assert_eq!(code, "json_eof");
    let outcome = run(
        &args(&["ctt", "ApiResultOfString", "json", "json"]),
        b"{\"data\":\"\xff\"}",
    );
    assert_eq!(
        rejection(&outcome),
        ("$".to_owned(), "invalid_utf8".to_owned())
    );
    let (path, code) = rejection(&convert(
        "ctt",
        "TicketRefundRequest",
        r#"{"terminal":"nine","random":1}"#,
    ));
    assert_eq!(
        (path.as_str(), code.as_str()),
        ("$.terminal", "invalid_value")
    );
}

#[test]
fn usage_errors_exit_2_with_a_message() {
    let cases: [(&[&str], &str); 7] = [
        (
            &["nobody", "X", "json", "json"],
            "unknown provider `nobody`; known: alitrip_btrip, ctt",
        ),
        (
            &["ctt", "Nothing", "json", "json"],
            "provider `ctt` has no type `Nothing`",
        ),
        (
            &["ctt", "ApiResultOfString", "yaml", "json"],
            "unknown format `yaml`",
        ),
        (
            &["speedpower", "ResultMessage", "json", "xml"],
            "provider `speedpower` does not speak xml",
        ),
        (
            &["ctt", "Terminal", "json", "xml"],
            "`Terminal` is not an XML document",
        ),
        (
            &["ctt", "ApiResultOfString", "json", "bson"],
            "provider `ctt` does not speak bson",
        ),
        (
            &["ctt", "ApiResultOfString", "json"],
            "expected 4 arguments, got 3",
        ),
    ];
    for (argv, expected) in cases {
        let outcome = run(&args(argv), b"{}");
        assert_eq!(outcome.exit, 2, "{argv:?}");
        assert!(outcome.stdout.is_empty(), "{argv:?}");
        assert!(
            outcome.stderr.contains(expected),
            "{argv:?}: {}",
            outcome.stderr
        );
    }
}

#[test]
fn types_are_found_by_the_documents_full_name_too() {
    let outcome = convert(
        "speedpower",
        "SpeedPower.Utility.Models.Helper.ResultMessage",
        r#"{"Succeed":false,"Message":null}"#,
    );
    assert_eq!(stdout(&outcome), r#"{"Succeed":false,"Message":null}"#);
}

#[test]
fn web_api_writes_nulls_and_keeps_the_providers_order() {
    let outcome = convert("ctt", "TicketRefundRequest", r#"{"random":5,"terminal":1}"#);
    assert_eq!(
        stdout(&outcome),
        r#"{"order_number":null,"refund_passanger_ids":null,"refund_reason":null,"terminal":1,"time_stamp":null,"random":5,"sign":null}"#
    );
}

#[test]
fn top_omits_absent_values_but_never_a_required_zero() {
    let outcome = convert(
        "taobao_bus",
        "AgentConfirmReturnRq",
        r#"{"agent_order_id":"A1","agent_return_ticket_type":0,"agent_return_ticket_status":2,"come_from":null,"agent_ticket_id":"T1"}"#,
    );
    assert_eq!(
        stdout(&outcome),
        r#"{"agent_order_id":"A1","agent_return_ticket_status":2,"agent_return_ticket_type":0,"agent_ticket_id":"T1"}"#
    );
}

#[test]
fn unknown_enum_values_are_kept() {
    // ctt's Terminal is open: an unlisted value converts unchanged.
    let outcome = convert(
        "ctt",
        "TicketRefundRequest",
        r#"{"order_number":null,"refund_passanger_ids":null,"refund_reason":null,"terminal":-3,"time_stamp":null,"random":5,"sign":null}"#,
    );
    assert!(
        stdout(&outcome).contains(r#""terminal":-3,"#),
        "{}",
        stdout(&outcome)
    );
    let outcome = convert("ctt", "Terminal", "0");
    assert_eq!(stdout(&outcome), "0");
    // taobao_bus's are closed: the value still parses, and validation refuses it.
    let outcome = convert(
        "taobao_bus",
        "AgentConfirmReturnRq",
        r#"{"agent_order_id":"A1","agent_return_ticket_status":9,"agent_return_ticket_type":1}"#,
    );
    assert_eq!(outcome.exit, 1);
    assert!(
        stdout(&outcome).starts_with(r#"{"stage":"validate","errors":[{"path":"$.agent_return_ticket_status","code":"enum_value""#),
        "{}",
        stdout(&outcome)
    );
}

/// A speedpower model with one field replaced: `fragment` is the JSON of `field`.
fn speedpower_with(field: &str, fragment: &str) -> String {
    let mut model = serde_json::json!({
        "RefundExpands": null, "RefundPayments": null, "RefundIncludes": [],
        "OrderId": "fd6277e0-4eb7-423b-babf-a27e78c74127", "RefundExternalNumber": "n",
        "RefundType": 0, "RefundStyle": 0, "LatestTime": null, "Remarks": null, "ExternalTime": null
    })
    .to_string();
    let needle = format!("\"{field}\":");
    let start = model.find(&needle).unwrap() + needle.len();
    let end = start + model[start..].find([',', '}']).unwrap();
    model.replace_range(start..end, fragment);
    model
}

#[test]
fn dates_keep_their_fraction_digits_and_offset_form() {
    for date in [
        "\"2025-09-14T16:35:25.9025678+08:00\"",
        "\"2025-09-14T16:35:25\"",
        "\"2025-09-14T16:35:25.120Z\"",
        "\"2025-09-14T16:35:25.5-05:30\"",
    ] {
        let input = speedpower_with("LatestTime", date);
        let outcome = convert("speedpower", "WebApiIntactRefundModel", &input);
        assert_eq!(outcome.exit, 0, "{date}: {outcome:?}");
        assert!(
            stdout(&outcome).contains(&format!("\"LatestTime\":{date}")),
            "{date}: {}",
            stdout(&outcome)
        );
    }
    let (path, _) = rejection(&convert(
        "speedpower",
        "WebApiIntactRefundModel",
        &speedpower_with("LatestTime", "\"2025-02-30T00:00:00\""),
    ));
    assert_eq!(path, "$.LatestTime");
}

#[test]
fn guids_are_written_lowercase() {
    let input = speedpower_with("OrderId", "\"FD6277E0-4EB7-423B-BABF-A27E78C74127\"");
    let outcome = convert("speedpower", "WebApiIntactRefundModel", &input);
    assert!(
        stdout(&outcome).contains("\"OrderId\":\"fd6277e0-4eb7-423b-babf-a27e78c74127\""),
        "{}",
        stdout(&outcome)
    );
}

#[test]
fn doubles_are_written_as_json_net_writes_them() {
    for (input, written) in [
        ("4.1", "4.1"),
        ("5", "5.0"),
        ("1e20", "1E+20"),
        ("0.00001", "1E-05"),
    ] {
        let payment = format!(
            r#"[{{"RefundId":"4c45ce1d-be86-420f-9445-b1ab5b3f980d","Confirmed":true,"Reconciled":false,"RefundPrice":{input},"CostPrice":0.5,"TransactionId":null,"Remarks":null}}]"#
        );
        let outcome = convert(
            "speedpower",
            "WebApiIntactRefundModel",
            &speedpower_with("RefundPayments", &payment),
        );
        assert!(
            stdout(&outcome).contains(&format!("\"RefundPrice\":{written},")),
            "{input}: {}",
            stdout(&outcome)
        );
    }
}

#[test]
fn fen_amounts_stay_exact() {
    let callback = |total: &str| {
        format!(
            r#"{{"order_id":"1","order_status":"31","refund_cost":"007","refund_id":"1","refund_total":"{total}","refund_train_details":[],"supplier_order_id":"1","ticket_no":"1"}}"#
        )
    };
    let largest = callback(&u64::MAX.to_string());
    let outcome = convert("alitrip_btrip", "RefundCallBackParam", &largest);
    assert_eq!(stdout(&outcome), largest);
    // Beyond u64 the text still parses exactly; validation says it is no amount.
    let outcome = convert(
        "alitrip_btrip",
        "RefundCallBackParam",
        &callback("123456789012345678901234567890"),
    );
    assert_eq!(outcome.exit, 1);
    assert!(
        stdout(&outcome).contains(r#""path":"$.refund_total","code":"fen""#),
        "{}",
        stdout(&outcome)
    );
}

#[test]
fn mutated_samples_never_panic_and_either_convert_or_are_rejected() {
    let mut rng = fastrand::Rng::with_seed(0x5eed);
    let noise: &[&[u8]] = &[
        b"\"",
        b"{",
        b"}",
        b"[",
        b"]",
        b",",
        b":",
        b"null",
        b"-1",
        b"1e999",
        b"\\u0000",
        b"\xff",
        b"\xe4\xb8",
    ];
    let mut runs = 0;
    for Sample {
        provider, ty, text, ..
    } in json_samples()
    {
        let bytes = text.as_bytes();
        let argv = args(&[&provider, &ty, "json", "json"]);
        let mut inputs: Vec<Vec<u8>> = (0..=bytes.len())
            .step_by(7)
            .map(|cut| bytes[..cut].to_vec())
            .collect();
        for _ in 0..150 {
            let mut mutated = bytes.to_vec();
            for _ in 0..=rng.usize(..3) {
                // A place between bytes, the end included.
                let at = rng.usize(..=mutated.len());
                match rng.usize(..3) {
                    0 if at < mutated.len() => {
                        mutated.remove(at);
                    }
                    0 => {}
                    1 => mutated
                        .splice(at..at, noise[rng.usize(..noise.len())].iter().copied())
                        .for_each(drop),
                    _ => {
                        let end = (at + rng.usize(..8)).min(mutated.len());
                        mutated.drain(at..end);
                    }
                }
            }
            inputs.push(mutated);
        }
        for input in inputs {
            let outcome = run(&argv, &input);
            runs += 1;
            match outcome.exit {
                0 => {
                    let again = run(&argv, &outcome.stdout);
                    assert_eq!(
                        again.stdout, outcome.stdout,
                        "output must be a fixed point for {provider} {ty}"
                    );
                }
                1 => {
                    let report: serde_json::Value =
                        serde_json::from_slice(&outcome.stdout).unwrap();
                    assert!(
                        report["errors"][0]["path"]
                            .as_str()
                            .is_some_and(|p| p.starts_with('$'))
                    );
                }
                other => panic!("exit {other} for {provider} {ty}: {}", outcome.stderr),
            }
        }
    }
    assert!(runs > 1000, "only {runs} mutated payloads");
}
