//! DataContract XML through the conformance runner: the exact bytes of docs/wire-formats.md, DataContract wire bytes of
//! the seeds, reached from each document's XML and JSON samples; hostile documents refused safely; mutated samples
//! never panic.

use std::path::Path;

use codegen::model::Format;
use conformance::{Outcome, run};

/// docs/wire-formats.md, DataContract wire bytes of the seeds: the bytes ASP.NET Web API sends for the four sample
/// values (no declaration, no white space).
const SEED_WIRE_BYTES: [(&str, &str, &str); 4] = [
    (
        "ctt",
        "TicketRefundRequest",
        r#"<TicketRefundRequest xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/ChinaTrainTickets.Web.Areas.webApi.Models"><random xmlns="http://schemas.datacontract.org/2004/07/ChinaTrainTickets.Web.Models">5</random><sign xmlns="http://schemas.datacontract.org/2004/07/ChinaTrainTickets.Web.Models">sample string 6</sign><terminal xmlns="http://schemas.datacontract.org/2004/07/ChinaTrainTickets.Web.Models">WEBPAGEEnum</terminal><time_stamp xmlns="http://schemas.datacontract.org/2004/07/ChinaTrainTickets.Web.Models">sample string 4</time_stamp><order_number>sample string 1</order_number><refund_passanger_ids>sample string 2</refund_passanger_ids><refund_reason>sample string 3</refund_reason></TicketRefundRequest>"#,
    ),
    (
        "ctt",
        "ApiResultOfString",
        r#"<ApiResultOfstring xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/ChinaTrainTickets.Web.Areas.webApi.Models"><code>1</code><data>sample string 3</data><message>sample string 2</message></ApiResultOfstring>"#,
    ),
    (
        "digitalscience",
        "OrderTicketRefundParm",
        r#"<OrderTicketRefundParm xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/DigitalScience.DataTransfer.Tour.V5.Parm"><refundparm xmlns:d2p1="http://schemas.datacontract.org/2004/07/DigitalScience.DataTransfer.Tour.V5.Parm.WebInterface"><d2p1:orderid>sample string 1</d2p1:orderid><d2p1:refundallticket>sample string 2</d2p1:refundallticket><d2p1:ticketids xmlns:d3p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays"><d3p1:string>sample string 1</d3p1:string><d3p1:string>sample string 2</d3p1:string></d2p1:ticketids></refundparm><settotomorrowtime>sample string 2</settotomorrowtime><username>sample string 1</username></OrderTicketRefundParm>"#,
    ),
    (
        "digitalscience",
        "CommonOperationResult",
        r#"<CommonOperationResult xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/DigitalScience.DataTransfer"><errcode>1</errcode><errmsg>sample string 2</errmsg><tag>sample string 3</tag></CommonOperationResult>"#,
    ),
];

fn convert(provider: &str, ty: &str, from: &str, to: &str, input: &[u8]) -> Outcome {
    let argv: Vec<String> = [provider, ty, from, to].map(str::to_owned).to_vec();
    run(&argv, input)
}

/// The samples of one format, as (provider, type, sample, the codes of the rules its example says it breaks), from
/// the schemas.
fn samples(wanted: Format) -> Vec<(String, String, String, Vec<String>)> {
    let schemas = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas");
    let providers = codegen::load(&schemas).unwrap_or_else(|e| panic!("{e}"));
    let mut found = Vec::new();
    for provider in providers.iter().filter(|p| p.uses_data_contract()) {
        // The runner reaches a schema's types by name; a bare scalar or list body has none.
        for (id, example) in provider
            .examples
            .iter()
            .filter_map(|example| Some((example.ty.named()?, example)))
        {
            for (format, text) in &example.samples {
                if *format == wanted {
                    let ty = provider.types[id].name.clone();
                    found.push((
                        provider.id.clone(),
                        ty,
                        text.clone(),
                        example.breaks.clone(),
                    ));
                }
            }
        }
    }
    found
}

/// A rejection's stage and the codes of its problems, in order; every problem is located.
fn problems(outcome: &Outcome) -> (String, Vec<String>) {
    assert_eq!(outcome.exit, 1, "expected a rejection, got {outcome:?}");
    let report: serde_json::Value = serde_json::from_slice(&outcome.stdout).expect("a JSON report");
    let codes = report["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|error| {
            let path = error["path"].as_str().unwrap_or_default();
            assert!(path.starts_with('$'), "a located problem: {error}");
            error["code"].as_str().unwrap_or_default().to_owned()
        })
        .collect();
    (
        report["stage"].as_str().unwrap_or_default().to_owned(),
        codes,
    )
}

/// The one problem of a rejection, as (path, code).
fn rejection(outcome: &Outcome) -> (String, String) {
    assert_eq!(outcome.exit, 1, "expected a rejection, got {outcome:?}");
    let report: serde_json::Value = serde_json::from_slice(&outcome.stdout).expect("a JSON report");
    assert_eq!(report["stage"], "parse");
    let error = &report["errors"][0];
    assert!(error["message"].as_str().is_some_and(|m| !m.is_empty()));
    (
        error["path"].as_str().unwrap_or_default().to_owned(),
        error["code"].as_str().unwrap_or_default().to_owned(),
    )
}

#[test]
fn every_sample_reaches_the_exact_bytes_of_a5_from_xml_and_from_json() {
    for format in [Format::Xml, Format::Json] {
        let samples = samples(format);
        for (provider, ty, expected) in SEED_WIRE_BYTES {
            let (_, _, sample, _) = samples
                .iter()
                .find(|(p, t, _, _)| p == provider && t == ty)
                .unwrap_or_else(|| panic!("{provider} {ty} has a {} sample", format.name()));
            let outcome = convert(provider, ty, format.name(), "xml", sample.as_bytes());
            assert_eq!(outcome.exit, 0, "{provider} {ty}: {outcome:?}");
            assert_eq!(
                String::from_utf8(outcome.stdout).unwrap(),
                expected,
                "{provider} {ty} from {}",
                format.name()
            );
        }
    }
}

#[test]
fn every_xml_sample_round_trips_and_reads_as_its_json_sample() {
    let xml_samples = samples(Format::Xml);
    assert!(
        !xml_samples.is_empty(),
        "the schemas hold DataContract XML samples"
    );
    let json_samples = samples(Format::Json);
    for (provider, ty, sample, breaks) in &xml_samples {
        let once = convert(provider, ty, "xml", "xml", sample.as_bytes());
        if !breaks.is_empty() {
            // The document's own sample breaks its rules: validation refuses it with exactly those codes.
            assert_eq!(problems(&once).0, "validate", "{provider} {ty}");
            assert_eq!(problems(&once).1, *breaks, "{provider} {ty}");
            continue;
        }
        assert_eq!(once.exit, 0, "{provider} {ty}: {once:?}");
        let twice = convert(provider, ty, "xml", "xml", &once.stdout);
        assert_eq!(twice.stdout, once.stdout, "a fixed point");
        let as_json = convert(provider, ty, "xml", "json", sample.as_bytes());
        let (_, _, json_sample, _) = json_samples
            .iter()
            .find(|(p, t, _, _)| p == provider && t == ty)
            .expect("a JSON sample of the same type");
        assert_eq!(
            String::from_utf8(as_json.stdout).unwrap(),
            codegen_runtime::json::compact(json_sample).unwrap()
        );
    }
}

#[test]
fn hostile_documents_are_refused_without_expansion_or_fetch() {
    let root = r#"xmlns="http://schemas.datacontract.org/2004/07/DigitalScience.DataTransfer""#;
    let laughs = format!(
        r#"<!DOCTYPE r [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><CommonOperationResult {root}><errmsg>&b;</errmsg></CommonOperationResult>"#
    );
    let external = format!(
        r#"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><CommonOperationResult {root}><errmsg>&x;</errmsg></CommonOperationResult>"#
    );
    let undeclared =
        format!(r#"<CommonOperationResult {root}><errmsg>&x;</errmsg></CommonOperationResult>"#);
    let deep = format!(
        "<CommonOperationResult {root}><unknown>{}{}</unknown></CommonOperationResult>",
        "<a>".repeat(100_000),
        "</a>".repeat(100_000)
    );
    let cases: [(&str, &str, &str); 9] = [
        (&laughs, "$", "xml_dtd"),
        (&external, "$", "xml_dtd"),
        (&undeclared, "$.errmsg", "xml_entity"),
        (&deep, "$", "too_deep"),
        (
            r#"<ApiResultOfstring xmlns="urn:wrong"/>"#,
            "$",
            "wrong_root",
        ),
        (
            r#"<CommonOperationResult xmlns="http://schemas.datacontract.org/2004/07/DigitalScience.DataTransfer"><errcode>1</errcode>"#,
            "$",
            "xml_eof",
        ),
        (
            r#"<CommonOperationResult xmlns="http://schemas.datacontract.org/2004/07/DigitalScience.DataTransfer"><p:errcode>1</p:errcode></CommonOperationResult>"#,
            "$",
            "xml_syntax",
        ),
        (
            r#"<CommonOperationResult xmlns="http://schemas.datacontract.org/2004/07/DigitalScience.DataTransfer"><errcode>1</errmsg></CommonOperationResult>"#,
            "$.errcode",
            "xml_syntax",
        ),
        (
            r#"<CommonOperationResult xmlns="http://schemas.datacontract.org/2004/07/DigitalScience.DataTransfer"><errcode>1</errcode></CommonOperationResult><again/>"#,
            "$",
            "xml_syntax",
        ),
    ];
    for (document, path, code) in cases {
        let outcome = convert(
            "digitalscience",
            "CommonOperationResult",
            "xml",
            "json",
            document.as_bytes(),
        );
        assert_eq!(
            rejection(&outcome),
            (path.to_owned(), code.to_owned()),
            "{}",
            &document[..document.len().min(120)]
        );
    }
    let invalid_utf8 = convert(
        "digitalscience",
        "CommonOperationResult",
        "xml",
        "json",
        b"<CommonOperationResult>\xff</CommonOperationResult>",
    );
    assert_eq!(
        rejection(&invalid_utf8),
        ("$".to_owned(), "invalid_utf8".to_owned())
    );
}

#[test]
fn null_and_empty_members_follow_data_contract_serializer() {
    let document = r#"<OrderTicketRefundParm xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/DigitalScience.DataTransfer.Tour.V5.Parm"><refundparm xmlns:d2p1="http://schemas.datacontract.org/2004/07/DigitalScience.DataTransfer.Tour.V5.Parm.WebInterface"><d2p1:orderid i:nil="true" /><d2p1:refundallticket></d2p1:refundallticket><d2p1:ticketids xmlns:d3p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays" /></refundparm><settotomorrowtime i:nil="true" /><username>u</username></OrderTicketRefundParm>"#;
    let outcome = convert(
        "digitalscience",
        "OrderTicketRefundParm",
        "xml",
        "xml",
        document.as_bytes(),
    );
    assert_eq!(String::from_utf8(outcome.stdout).unwrap(), document);
    let json = convert(
        "digitalscience",
        "OrderTicketRefundParm",
        "xml",
        "json",
        document.as_bytes(),
    );
    assert_eq!(
        String::from_utf8(json.stdout).unwrap(),
        r#"{"username":"u","settotomorrowtime":null,"refundparm":{"orderid":null,"refundallticket":"","ticketids":[]}}"#
    );
    let nil_required = document.replace("<username>u</username>", r#"<username i:nil="true" />"#);
    let outcome = convert(
        "digitalscience",
        "OrderTicketRefundParm",
        "xml",
        "json",
        nil_required.as_bytes(),
    );
    assert_eq!(
        rejection(&outcome),
        ("$.username".to_owned(), "invalid_type".to_owned())
    );
    let missing = document.replace("<username>u</username>", "");
    let outcome = convert(
        "digitalscience",
        "OrderTicketRefundParm",
        "xml",
        "json",
        missing.as_bytes(),
    );
    assert_eq!(
        rejection(&outcome),
        ("$.username".to_owned(), "missing_field".to_owned())
    );
}

#[test]
fn text_is_escaped_as_the_dot_net_writer_escapes_it() {
    let json = r#"{"errcode":0,"errmsg":"a<b>&\"c' \u0001\t\nd\r\ne\rf","tag":null}"#;
    let outcome = convert(
        "digitalscience",
        "CommonOperationResult",
        "json",
        "xml",
        json.as_bytes(),
    );
    let written = String::from_utf8(outcome.stdout).unwrap();
    assert!(
        written.contains(
            "<errmsg>a&lt;b&gt;&amp;\"c' &#x1;\t\r\nd\r\ne\r\nf</errmsg><tag i:nil=\"true\" />"
        ),
        "{written}"
    );
    let back = convert(
        "digitalscience",
        "CommonOperationResult",
        "xml",
        "json",
        written.as_bytes(),
    );
    assert_eq!(
        String::from_utf8(back.stdout).unwrap(),
        r#"{"errcode":0,"errmsg":"a<b>&\"c' \u0001\t\nd\ne\nf","tag":null}"#,
        "XML readers normalise every line break to \\n"
    );
}

#[test]
fn types_without_an_xml_form_are_usage_errors() {
    for (provider, ty) in [
        ("ctt", "Terminal"),
        ("speedpower", "ResultMessage"),
        ("taobao_bus", "AgentConfirmReturnRq"),
    ] {
        let outcome = convert(provider, ty, "xml", "json", b"<x/>");
        assert_eq!(outcome.exit, 2, "{provider} {ty}: {outcome:?}");
        assert!(outcome.stderr.contains("conformance:"));
    }
}

/// Ways to damage a document: truncation, reordering, re-prefixing, entities, deep nesting, bad bytes.
fn mutate(rng: &mut fastrand::Rng, sample: &str) -> Vec<u8> {
    let mut bytes = sample.as_bytes().to_vec();
    match rng.usize(..7) {
        0 => bytes.truncate(rng.usize(..bytes.len())),
        1 => {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let mut parts: Vec<&str> = text.split("><").collect();
            let (a, b) = (rng.usize(..parts.len()), rng.usize(..parts.len()));
            parts.swap(a, b);
            bytes = parts.join("><").into_bytes();
        }
        2 => {
            let text = String::from_utf8_lossy(&bytes)
                .replace("d2p1", "q")
                .replace("xmlns=\"", "xmlns:z=\"")
                .replacen('<', "<z:", 1 + rng.usize(..4));
            bytes = text.into_bytes();
        }
        3 => {
            let entity = [
                "&amp;", "&#x0;", "&#xD800;", "&bogus;", "&#65;", "&lt;", "&",
            ][rng.usize(..7)];
            let at = rng.usize(..bytes.len());
            bytes.splice(at..at, entity.bytes()).for_each(drop);
        }
        4 => {
            let depth = 1 + rng.usize(..400);
            let at = sample.find("><").map_or(0, |i| i + 1);
            let nest = format!("{}{}", "<n>".repeat(depth), "</n>".repeat(depth));
            bytes.splice(at..at, nest.bytes()).for_each(drop);
        }
        5 => {
            let at = rng.usize(..bytes.len());
            bytes[at] = [0xff, 0xc3, 0x80, 0x00][rng.usize(..4)];
        }
        _ => {
            let at = rng.usize(..bytes.len());
            let noise = [
                "<",
                ">",
                "</x>",
                "<!--",
                "]]>",
                "<![CDATA[x]]>",
                " i:nil=\"true\"",
                "\"",
            ][rng.usize(..8)];
            bytes.splice(at..at, noise.bytes()).for_each(drop);
        }
    }
    bytes
}

#[test]
fn mutated_samples_never_panic_and_either_convert_or_are_rejected() {
    let mut rng = fastrand::Rng::with_seed(0x0d15ea5e);
    let mut runs = 0;
    for (provider, ty, sample, _) in samples(Format::Xml) {
        for _ in 0..400 {
            let input = mutate(&mut rng, &sample);
            let outcome = convert(&provider, &ty, "xml", "xml", &input);
            runs += 1;
            match outcome.exit {
                0 => {
                    let again = convert(&provider, &ty, "xml", "xml", &outcome.stdout);
                    assert_eq!(
                        again.stdout, outcome.stdout,
                        "a fixed point for {provider} {ty}"
                    );
                }
                1 => {
                    // Parsing refuses a damaged document; validation one whose values break a limit.
                    let (stage, codes) = problems(&outcome);
                    assert!(stage == "parse" || stage == "validate", "{stage}");
                    assert!(!codes.is_empty());
                }
                other => panic!("exit {other} for {provider} {ty}: {}", outcome.stderr),
            }
        }
    }
    assert!(runs >= 1600, "only {runs} mutated documents");
}
