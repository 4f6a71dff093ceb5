//! Real round trips: the runtime's `Transport` (feature `transport`) calls a real HTTP server on 127.0.0.1 that
//! plays each provider. The server checks each request as the provider's server would (method, path, content
//! type, the body bound into the request type and validated; for TOP the public parameters, the timestamp's form,
//! the signature computed again with the secret, the SM4 fields decrypted with the provider's key) and answers
//! with the document's own samples (from the schemas' `examples:`) or, where a document shows none, with an answer
//! built from its documented fields, each such case saying so. Every operation of the five providers goes through
//! it, succeeding and failing, in each format the provider speaks.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use bytes::Bytes;
use codegen_runtime::client::{
    CallError, Codec, ProviderFailure, Top, Transport, WebApi, WireValue,
};
use codegen_runtime::sm4::{Key, Sm4Config};
use codegen_runtime::top::{Credentials, Options, ResponseFormat, TopCode, TopError};
use codegen_runtime::{Endpoint, Format, Operation, bson, json, xml};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use refund_apis::{alitrip_btrip, ctt, digitalscience, speedpower, taobao_bus};
use tokio::net::TcpListener;

type Handler = Arc<dyn Fn(http::Request<Vec<u8>>) -> http::Response<Vec<u8>> + Send + Sync>;

/// Serves `handler` on a fresh port of 127.0.0.1 until the test's runtime ends.
async fn serve(handler: Handler) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("a free port");
    let address = listener.local_addr().expect("a bound address");
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let handler = handler.clone();
            tokio::spawn(async move {
                let service = service_fn(move |request: http::Request<Incoming>| {
                    let handler = handler.clone();
                    async move {
                        let (parts, body) = request.into_parts();
                        let body = body.collect().await?.to_bytes().to_vec();
                        let answer = handler(http::Request::from_parts(parts, body));
                        Ok::<_, hyper::Error>(answer.map(|body| Full::new(Bytes::from(body))))
                    }
                });
                // A connection the client drops mid-way is no failure of the test.
                let _ = http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    });
    address
}

fn answer(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> http::Response<Vec<u8>> {
    http::Response::builder()
        .status(status)
        .header(http::header::CONTENT_TYPE, content_type)
        .body(body.into())
        .expect("a valid answer")
}

/// The provider's schema, loaded once for every test.
fn loaded(provider: &str) -> &'static codegen::model::Provider {
    static PROVIDERS: std::sync::OnceLock<Vec<codegen::model::Provider>> =
        std::sync::OnceLock::new();
    let providers = PROVIDERS.get_or_init(|| {
        let schemas = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas");
        codegen::load(&schemas).unwrap_or_else(|e| panic!("{e}"))
    });
    providers
        .iter()
        .find(|p| p.id == provider)
        .expect("a provider")
}

/// The first sample of the type the document names `ty`, in `format`, from the schemas' `examples:`.
fn sample(provider: &str, ty: &str, format: codegen::model::Format) -> String {
    let provider = loaded(provider);
    provider
        .examples
        .iter()
        .filter(|example| {
            example
                .ty
                .named()
                .is_some_and(|id| provider.types[id].name == ty)
        })
        .flat_map(|example| &example.samples)
        .find(|(sample_format, _)| *sample_format == format)
        .map(|(_, text)| text.clone())
        .unwrap_or_else(|| {
            panic!(
                "{provider:?} has no {format:?} sample of {ty}",
                provider = provider.id
            )
        })
}

fn json_sample(provider: &str, ty: &str) -> String {
    sample(provider, ty, codegen::model::Format::Json)
}

fn xml_sample(provider: &str, ty: &str) -> String {
    sample(provider, ty, codegen::model::Format::Xml)
}

/// The first XML sample of the provider's `error_response` example, TOP's error envelope.
fn xml_error_sample(provider: &str) -> String {
    loaded(provider)
        .error_examples
        .iter()
        .flat_map(|example| &example.samples)
        .find(|sample| sample.format == codegen::model::Format::Xml)
        .map(|sample| sample.text.clone())
        .unwrap_or_else(|| panic!("{provider:?} has no XML sample of error_response"))
}

// ---------------------------------------------------------------------------------------------------------------
// Web API providers

/// What a Web API provider answers, in each format it writes.
#[derive(Clone)]
struct WebAnswer {
    json: String,
    xml: Option<String>,
    bson: Option<Vec<u8>>,
}

impl WebAnswer {
    /// The answer whose JSON is `json`, written as the provider's server writes it in its other formats (the XML
    /// given is the document's own sample, sent as the server sends it: without the indentation the page added).
    fn of<O: Operation>(json: &str, xml_sample: Option<&str>) -> WebAnswer {
        let value: O::Response = json::from_str(json).expect("the answer is the response type");
        let xml = match (xml_sample, O::XML) {
            (Some(sample), _) => Some(xml::compact(sample).expect("a well-formed sample")),
            (None, Some(codec)) => Some((codec.write_response)(&value).expect("writable")),
            (None, None) => None,
        };
        let bson = O::PROVIDER
            .speaks(Format::Bson)
            .then(|| bson::to_vec(&value).expect("writable"));
        WebAnswer {
            json: json::compact(json).expect("JSON"),
            xml,
            bson,
        }
    }

    /// The body in the format the request's `Accept` names, as the server's content negotiation picks it.
    fn answer(&self, accept: &str) -> http::Response<Vec<u8>> {
        match accept {
            "application/xml" => match &self.xml {
                Some(xml) => answer(200, "application/xml; charset=utf-8", xml.clone()),
                None => answer(406, "text/plain", "no XML"),
            },
            "application/bson" => match &self.bson {
                Some(bson) => answer(200, "application/bson", bson.clone()),
                None => answer(406, "text/plain", "no BSON"),
            },
            _ => answer(200, "application/json; charset=utf-8", self.json.clone()),
        }
    }
}

/// A Web API provider's server: the operation's method and path under `/svc/`, a body of the format its
/// `Content-Type` names that binds into the request type and validates, and equals what the client sent. Any
/// other request gets 400 with what was wrong, as Web API answers a request it cannot bind.
fn web_api_provider<O>(
    expected: O::Request,
    answer_with: WebAnswer,
    calls: Arc<AtomicUsize>,
) -> Handler
where
    O: Operation<Uri = ()>,
    O::Request: PartialEq + Send + Sync,
{
    Arc::new(move |request| {
        calls.fetch_add(1, Ordering::SeqCst);
        let Endpoint::Http { method, path } = O::ENDPOINT else {
            return answer(500, "text/plain", "not a Web API operation");
        };
        if request.method().as_str() != method || request.uri().path() != format!("/svc/{path}") {
            return answer(
                404,
                "text/plain",
                format!("no route for {} {}", request.method(), request.uri()),
            );
        }
        let server = WebApi::new(http::Uri::from_static("http://provider/"));
        match server.read_request::<O>(&request) {
            Ok(bound) if bound == expected => {}
            Ok(bound) => {
                return answer(400, "text/plain", format!("bound another value: {bound:?}"));
            }
            Err(error) => {
                let body = format!(r#"{{"Message":"The request is invalid.","Detail":"{error}"}}"#);
                return answer(400, "application/json; charset=utf-8", body);
            }
        }
        let accept = request
            .headers()
            .get(http::header::ACCEPT)
            .and_then(|value| value.to_str().ok())
            .unwrap_or("application/json");
        answer_with.answer(accept)
    })
}

/// Calls `O` in `format` through a real connection to a server playing its provider, answering `answer_with`.
async fn call_web_api<O>(
    format: Format,
    request: &O::Request,
    answer_with: WebAnswer,
) -> Result<O::Response, CallError>
where
    O: Operation<Uri = ()>,
    O::Request: PartialEq + Send + Sync,
{
    let calls = Arc::new(AtomicUsize::new(0));
    let address = serve(web_api_provider::<O>(
        request.clone(),
        answer_with,
        calls.clone(),
    ))
    .await;
    let base: http::Uri = format!("http://{address}/svc/").parse().expect("a URI");
    let result = Transport::new(WebApi::new(base).format(format))
        .call::<O>(request)
        .await;
    assert_eq!(
        calls.load(Ordering::SeqCst),
        1,
        "{} {format:?}: one request reached the server",
        O::NAME
    );
    result
}

fn provider_failure<T: std::fmt::Debug>(result: Result<T, CallError>) -> ProviderFailure {
    match result {
        Err(CallError::Provider(failure)) => failure,
        other => panic!("expected the provider's failure, got {other:?}"),
    }
}

#[tokio::test]
async fn ctt_in_json_xml_and_form() {
    let request: ctt::TicketRefundRequest =
        json::from_str(&json_sample("ctt", "TicketRefundRequest")).expect("the request sample");
    // The document's own answer samples: `code` 1 is not the success value 0 of the schema's reading.
    let failure = WebAnswer::of::<ctt::RefundTicket>(
        &json_sample("ctt", "ApiResultOfString"),
        Some(&xml_sample("ctt", "ApiResultOfString")),
    );
    // The document shows no answer with the success code; this one is built from its fields (code, message, data).
    let success_json = r#"{"code":0,"message":"退票申请已受理","data":"R2025091400001"}"#;
    let success = WebAnswer::of::<ctt::RefundTicket>(success_json, None);
    let expected: ctt::ApiResultOfString = json::from_str(success_json).expect("JSON");
    for format in [Format::Json, Format::Xml, Format::Form] {
        let response = call_web_api::<ctt::RefundTicket>(format, &request, success.clone()).await;
        assert_eq!(response.expect("succeeds"), expected, "{format:?}");
        let failed = provider_failure(
            call_web_api::<ctt::RefundTicket>(format, &request, failure.clone()).await,
        );
        assert_eq!(
            failed,
            ProviderFailure {
                field: "code",
                code: Some(WireValue::Int(1)),
                message: Some("sample string 2".into()),
            },
            "{format:?}"
        );
    }
}

#[tokio::test]
async fn ctt_reading_of_success_can_be_replaced() {
    let request: ctt::TicketRefundRequest =
        json::from_str(&json_sample("ctt", "TicketRefundRequest")).expect("the request sample");
    let sample = WebAnswer::of::<ctt::RefundTicket>(&json_sample("ctt", "ApiResultOfString"), None);
    let calls = Arc::new(AtomicUsize::new(0));
    let address = serve(web_api_provider::<ctt::RefundTicket>(
        request.clone(),
        sample,
        calls,
    ))
    .await;
    let base: http::Uri = format!("http://{address}/svc/").parse().expect("a URI");
    let schema_reading = ctt::RefundTicket::OUTCOME.expect("the schema records a reading");
    let codec =
        WebApi::new(base).outcome::<ctt::RefundTicket>(Some(codegen_runtime::client::Outcome {
            success: codegen_runtime::client::Success::Equals(
                codegen_runtime::client::Literal::Int(1),
            ),
            ..schema_reading
        }));
    let response = Transport::new(codec)
        .call::<ctt::RefundTicket>(&request)
        .await
        .expect("code 1 is success under the caller's reading");
    assert_eq!(response.code, 1);
}

#[tokio::test]
async fn digitalscience_in_json_xml_form_and_bson() {
    let request: digitalscience::OrderTicketRefundParm =
        json::from_str(&json_sample("digitalscience", "OrderTicketRefundParm"))
            .expect("the request sample");
    // The document's own samples: errcode 1, which its text says is an error ("其他值表示错误").
    let failure = WebAnswer::of::<digitalscience::RefundTickets>(
        &json_sample("digitalscience", "CommonOperationResult"),
        Some(&xml_sample("digitalscience", "CommonOperationResult")),
    );
    // The document shows no answer with errcode 0; this one is built from its fields.
    let success_json = r#"{"errcode":0,"errmsg":"","tag":"T20250914"}"#;
    let success = WebAnswer::of::<digitalscience::RefundTickets>(success_json, None);
    let expected: digitalscience::CommonOperationResult =
        json::from_str(success_json).expect("JSON");
    for format in [Format::Json, Format::Xml, Format::Form, Format::Bson] {
        let response =
            call_web_api::<digitalscience::RefundTickets>(format, &request, success.clone()).await;
        assert_eq!(response.expect("succeeds"), expected, "{format:?}");
        let failed = provider_failure(
            call_web_api::<digitalscience::RefundTickets>(format, &request, failure.clone()).await,
        );
        assert_eq!(failed.code, Some(WireValue::Int(1)), "{format:?}");
        assert_eq!(
            failed.message.as_deref(),
            Some("sample string 2"),
            "{format:?}"
        );
    }
}

#[tokio::test]
async fn speedpower_in_json() {
    let request: speedpower::WebApiIntactRefundModel =
        json::from_str(&json_sample("speedpower", "WebApiIntactRefundModel"))
            .expect("the request sample");
    // The document's own answer sample: Succeed true.
    let success_json = json_sample("speedpower", "ResultMessage");
    let success = WebAnswer::of::<speedpower::AddRefund>(&success_json, None);
    let response = call_web_api::<speedpower::AddRefund>(Format::Json, &request, success).await;
    let expected: speedpower::ResultMessage = json::from_str(&success_json).expect("JSON");
    assert_eq!(response.expect("succeeds"), expected);
    // The document shows no failed answer; this one is built from its fields (Succeed, Message).
    let failure = WebAnswer::of::<speedpower::AddRefund>(
        r#"{"Succeed":false,"Message":"外部退票单号已存在"}"#,
        None,
    );
    let failed = provider_failure(
        call_web_api::<speedpower::AddRefund>(Format::Json, &request, failure).await,
    );
    assert_eq!(
        failed,
        ProviderFailure {
            field: "Succeed",
            code: Some(WireValue::Bool(false)),
            message: Some("外部退票单号已存在".into()),
        }
    );
}

#[tokio::test]
async fn web_api_refusals_and_unreachable_servers() {
    let request: speedpower::WebApiIntactRefundModel =
        json::from_str(&json_sample("speedpower", "WebApiIntactRefundModel"))
            .expect("the request sample");
    let success =
        WebAnswer::of::<speedpower::AddRefund>(&json_sample("speedpower", "ResultMessage"), None);
    let calls = Arc::new(AtomicUsize::new(0));
    // The server expects another request, so it refuses this one as Web API refuses a request it cannot bind.
    let mut other = request.clone();
    other.refund_external_number = "another".into();
    let address = serve(web_api_provider::<speedpower::AddRefund>(
        other,
        success,
        calls.clone(),
    ))
    .await;
    let base: http::Uri = format!("http://{address}/svc/").parse().expect("a URI");
    let transport = Transport::new(WebApi::new(base.clone()));
    match transport.call::<speedpower::AddRefund>(&request).await {
        Err(CallError::Http(failure)) => {
            assert_eq!(failure.status, 400);
            assert!(failure.body.contains("bound another value"), "{failure}");
        }
        other => panic!("expected an HTTP failure, got {other:?}"),
    }
    // An invalid request is refused before anything is sent.
    let mut invalid = request.clone();
    invalid.refund_external_number = "x".repeat(129);
    match transport.call::<speedpower::AddRefund>(&invalid).await {
        Err(CallError::Invalid(rejection)) => {
            assert_eq!(rejection.errors()[0].path, "$.RefundExternalNumber");
        }
        other => panic!("expected a validation failure, got {other:?}"),
    }
    // A format the provider does not speak is refused before anything is sent, too.
    let xml = Transport::new(WebApi::new(base).format(Format::Xml));
    assert!(matches!(
        xml.call::<speedpower::AddRefund>(&request).await,
        Err(CallError::Encode(
            codegen_runtime::client::EncodeError::Unsupported { .. }
        ))
    ));
    assert_eq!(calls.load(Ordering::SeqCst), 1);
    // Nothing listens on a port just released.
    let closed = TcpListener::bind("127.0.0.1:0").await.expect("a port");
    let port = closed.local_addr().expect("an address").port();
    drop(closed);
    let nowhere: http::Uri = format!("http://127.0.0.1:{port}/").parse().expect("a URI");
    assert!(matches!(
        Transport::new(WebApi::new(nowhere))
            .call::<speedpower::AddRefund>(&request)
            .await,
        Err(CallError::Transport(_))
    ));
}

// ---------------------------------------------------------------------------------------------------------------
// TOP providers

const APP_KEY: &str = "12345678";
const SECRET: &str = "helloworld";
const GATEWAY_PATH: &str = "/router/rest";

/// A TOP answer in both formats the gateway writes.
#[derive(Clone)]
struct TopAnswer {
    json: String,
    xml: String,
}

/// A platform error as the gateway writes it, in both formats; built from the fields the documents' error sample
/// and TOP's error table give, for the platform codes the samples do not show.
fn platform_error(code: i64, msg: &str, sub: Option<(&str, &str)>) -> TopAnswer {
    let (sub_json, sub_xml) = match sub {
        Some((sub_code, sub_msg)) => (
            format!(
                r#","sub_code":"{sub_code}","sub_msg":{}"#,
                serde_json::Value::from(sub_msg)
            ),
            format!(
                "<sub_code>{sub_code}</sub_code><sub_msg>{}</sub_msg>",
                xml_text(sub_msg)
            ),
        ),
        None => (String::new(), String::new()),
    };
    TopAnswer {
        json: format!(
            r#"{{"error_response":{{"code":{code},"msg":"{msg}"{sub_json},"request_id":"z28bx9xl"}}}}"#
        ),
        xml: format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\" ?><error_response><code>{code}</code><msg>{msg}</msg>{sub_xml}<request_id>z28bx9xl</request_id></error_response>"
        ),
    }
}

fn xml_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The gateway and the provider behind it: a form POST to `/router/rest` whose public parameters are there and
/// well formed, whose `sign` is the signature of the other parameters with the secret, and whose application
/// parameters bind into the request type, decrypt with the provider's SM4 key and validate, equal to what the
/// client sent. It answers in the `format` the request asked for; a refused request gets the platform's error.
fn top_provider<O>(
    expected: O::Request,
    provider: Top,
    needs_session: bool,
    answer_with: TopAnswer,
) -> Handler
where
    O: Operation,
    O::Request: PartialEq + Send + Sync,
{
    Arc::new(move |request| {
        let params: Vec<(String, String)> = form_urlencoded::parse(request.body())
            .map(|(name, value)| (name.into_owned(), value.into_owned()))
            .collect();
        let param = |name: &str| {
            params
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.as_str())
        };
        let xml = param("format") == Some("xml");
        let reply = |answer_with: &TopAnswer| {
            if xml {
                answer(200, "text/xml;charset=UTF-8", answer_with.xml.clone())
            } else {
                answer(
                    200,
                    "application/json;charset=UTF-8",
                    answer_with.json.clone(),
                )
            }
        };
        if request.method() != http::Method::POST || request.uri().path() != GATEWAY_PATH {
            return answer(404, "text/plain", "not the gateway");
        }
        for (name, code, msg) in [
            ("method", 21, "Missing Method"),
            ("app_key", 28, "Missing App Key"),
            ("timestamp", 30, "Missing Timestamp"),
            ("v", 32, "Missing Version"),
            ("sign_method", 25, "Invalid Signature"),
            ("sign", 24, "Missing Signature"),
        ] {
            if param(name).is_none() {
                return reply(&platform_error(code, msg, None));
            }
        }
        if needs_session && param("session").is_none() {
            return reply(&platform_error(26, "Missing Session", None));
        }
        match provider.read_request::<O>(&request) {
            Ok(bound) if bound == expected => reply(&answer_with),
            Ok(_) => reply(&platform_error(
                50,
                "Remote service error",
                Some(("isv.invalid-parameter", "another value")),
            )),
            Err(CallError::Decode(rejection))
                if rejection
                    .errors()
                    .iter()
                    .any(|p| p.code == "invalid_signature") =>
            {
                reply(&platform_error(25, "Invalid Signature", None))
            }
            Err(CallError::Decode(rejection))
                if rejection.errors().iter().any(|p| p.path == "$.timestamp") =>
            {
                reply(&platform_error(31, "Invalid Timestamp", None))
            }
            Err(error) => reply(&platform_error(
                50,
                "Remote service error",
                Some(("isv.invalid-parameter", &error.to_string())),
            )),
        }
    })
}

async fn call_top<O>(
    client: Top,
    provider: Top,
    needs_session: bool,
    request: &O::Request,
    answer_with: TopAnswer,
) -> Result<O::Response, CallError>
where
    O: Operation<Uri = ()>,
    O::Request: PartialEq + Send + Sync,
{
    let address = serve(top_provider::<O>(
        request.clone(),
        provider,
        needs_session,
        answer_with,
    ))
    .await;
    let gateway: http::Uri = format!("http://{address}{GATEWAY_PATH}")
        .parse()
        .expect("a URI");
    Transport::new(client.gateway(gateway))
        .call::<O>(request)
        .await
}

fn top_client(format: ResponseFormat, session: Option<&str>) -> Top {
    Top::new(Credentials::new(APP_KEY, SECRET)).options(Options {
        format,
        session: session.map(str::to_owned),
        ..Options::default()
    })
}

fn top_error<T: std::fmt::Debug>(result: Result<T, CallError>) -> TopError {
    match result {
        Err(CallError::Top(error)) => error,
        other => panic!("expected the platform's error, got {other:?}"),
    }
}

/// The documents' XML error sample, and the same members as JSON: the documents name a JSON tab and show nothing
/// in it.
fn sample_error(provider: &str) -> TopAnswer {
    TopAnswer {
        json: r#"{"error_response":{"code":50,"msg":"Remote service error","sub_code":"isv.invalid-parameter","sub_msg":"非法参数"}}"#.to_owned(),
        xml: xml_error_sample(provider),
    }
}

fn bus_request() -> taobao_bus::BusAgentReturnticketConfirmRequest {
    taobao_bus::BusAgentReturnticketConfirmRequest {
        param_agent_confirm_return_r_q: Some(
            json::from_str(&json_sample("taobao_bus", "AgentConfirmReturnRq"))
                .expect("the request sample"),
        ),
    }
}

#[tokio::test]
async fn taobao_bus_in_json_and_xml() {
    let request = bus_request();
    let provider = || Top::new(Credentials::new(APP_KEY, SECRET));
    // The document's response sample, is_success false, is a failure its outcome reports; JSON shows the same
    // members in the wrapped envelope (the document's JSON tab is empty).
    let refused = TopAnswer {
        json: r#"{"bus_agent_returnticket_confirm_response":{"result_code":"PARAM_CHECK_LACK_TICKET_ID","result_msg":"按票退款缺少票号","is_success":false,"request_id":"3n4bx1xl7c9h"}}"#.to_owned(),
        xml: xml_sample("taobao_bus", "BusAgentReturnticketConfirmResponse"),
    };
    // The document shows no accepted answer; this one is built from its fields.
    let accepted = TopAnswer {
        json: r#"{"bus_agent_returnticket_confirm_response":{"result_code":"SUCCESS","result_msg":"成功","is_success":true,"request_id":"3n4bx1xl7c9h"}}"#.to_owned(),
        xml: "<bus_agent_returnticket_confirm_response><result_code>SUCCESS</result_code><result_msg>成功</result_msg><is_success>true</is_success></bus_agent_returnticket_confirm_response>".to_owned(),
    };
    for format in [ResponseFormat::Json, ResponseFormat::Xml] {
        let client = || top_client(format, None);
        let response = call_top::<taobao_bus::ReturnTicketConfirm>(
            client(),
            provider(),
            false,
            &request,
            accepted.clone(),
        )
        .await
        .expect("accepted");
        assert_eq!(response.is_success, Some(true), "{format:?}");
        assert_eq!(response.result_msg.as_deref(), Some("成功"), "{format:?}");
        let failed = provider_failure(
            call_top::<taobao_bus::ReturnTicketConfirm>(
                client(),
                provider(),
                false,
                &request,
                refused.clone(),
            )
            .await,
        );
        assert_eq!(
            failed,
            ProviderFailure {
                field: "is_success",
                code: Some(WireValue::Str("PARAM_CHECK_LACK_TICKET_ID".into())),
                message: Some("按票退款缺少票号".into()),
            },
            "{format:?}"
        );
        let error = top_error(
            call_top::<taobao_bus::ReturnTicketConfirm>(
                client(),
                provider(),
                false,
                &request,
                sample_error("taobao_bus"),
            )
            .await,
        );
        // JSON carries the code as a number, XML as text; the error keeps which.
        let code = match format {
            ResponseFormat::Xml => TopCode::Str("50".into()),
            _ => TopCode::Int(50),
        };
        assert_eq!(error.code, Some(code), "{format:?}");
        assert_eq!(error.sub_code.as_deref(), Some("isv.invalid-parameter"));
        assert_eq!(error.sub_msg.as_deref(), Some("非法参数"));
    }
}

#[tokio::test]
async fn a_wrong_secret_is_refused_by_the_gateway() {
    let request = bus_request();
    for format in [ResponseFormat::Json, ResponseFormat::Xml] {
        let client = Top::new(Credentials::new(APP_KEY, "not the secret")).options(Options {
            format,
            ..Options::default()
        });
        let provider = Top::new(Credentials::new(APP_KEY, SECRET));
        let error = top_error(
            call_top::<taobao_bus::ReturnTicketConfirm>(
                client,
                provider,
                false,
                &request,
                sample_error("taobao_bus"),
            )
            .await,
        );
        assert!(
            error.code.as_ref().is_some_and(|code| *code == 25),
            "{format:?}: {error}"
        );
        assert_eq!(error.msg.as_deref(), Some("Invalid Signature"));
        assert!(!error.to_string().contains(SECRET));
    }
}

fn sm4(key: &str) -> Sm4Config {
    Sm4Config::default_for(Key::from_ascii(key).expect("16 ASCII characters"))
}

fn callback_request() -> alitrip_btrip::AlitripBtripSupplychainTrainCallbackRefundRequest {
    alitrip_btrip::AlitripBtripSupplychainTrainCallbackRefundRequest {
        refund_call_back_param: json::from_str(&json_sample(
            "alitrip_btrip",
            "RefundCallBackParam",
        ))
        .expect("the request sample"),
    }
}

#[tokio::test]
async fn alitrip_btrip_in_json_and_xml_with_sm4_passengers() {
    let request = callback_request();
    let key = "1234567890abcdef";
    let provider = || Top::new(Credentials::new(APP_KEY, SECRET)).sm4(sm4(key));
    // The document's XML answer sample, and the same members as JSON (its JSON tab is empty).
    let accepted = TopAnswer {
        json: r#"{"alitrip_btrip_supplychain_train_callback_refund_response":{"data":{"order_id":"123456789","supplier_order_id":"987654321"},"result_code":"200","status":"true","result_msg":"成功","request_id":"3n4bx1xl7c9h"}}"#.to_owned(),
        xml: xml_sample("alitrip_btrip", "AlitripBtripSupplychainTrainCallbackRefundResponse"),
    };
    // The document shows no failed answer; this one is built from its fields (status, result_code, result_msg).
    let refused = TopAnswer {
        json: r#"{"alitrip_btrip_supplychain_train_callback_refund_response":{"result_code":"500","status":"false","result_msg":"订单不存在"}}"#.to_owned(),
        xml: "<alitrip_btrip_supplychain_train_callback_refund_response><result_code>500</result_code><status>false</status><result_msg>订单不存在</result_msg></alitrip_btrip_supplychain_train_callback_refund_response>".to_owned(),
    };
    for format in [ResponseFormat::Json, ResponseFormat::Xml] {
        let client = || top_client(format, Some("sessionKey")).sm4(sm4(key));
        let response = call_top::<alitrip_btrip::TrainCallbackRefund>(
            client(),
            provider(),
            true,
            &request,
            accepted.clone(),
        )
        .await
        .expect("accepted");
        let data = response.data.expect("the order data");
        assert_eq!(
            data.supplier_order_id.as_deref(),
            Some("987654321"),
            "{format:?}"
        );
        assert_eq!(response.status.as_deref(), Some("true"));
        let failed = provider_failure(
            call_top::<alitrip_btrip::TrainCallbackRefund>(
                client(),
                provider(),
                true,
                &request,
                refused.clone(),
            )
            .await,
        );
        assert_eq!(
            failed.code,
            Some(WireValue::Str("500".into())),
            "{format:?}"
        );
        assert_eq!(failed.message.as_deref(), Some("订单不存在"));
        let error = top_error(
            call_top::<alitrip_btrip::TrainCallbackRefund>(
                client(),
                provider(),
                true,
                &request,
                sample_error("alitrip_btrip"),
            )
            .await,
        );
        assert_eq!(
            error.sub_code.as_deref(),
            Some("isv.invalid-parameter"),
            "{format:?}"
        );
        // The document's Java example passes a session, so the schema says `session: required`: a codec without
        // one is refused the call before anything is sent, where the gateway would answer code 26.
        let no_session = top_client(format, None).sm4(sm4(key));
        let refused = call_top::<alitrip_btrip::TrainCallbackRefund>(
            no_session,
            provider(),
            true,
            &request,
            accepted.clone(),
        )
        .await;
        assert!(
            matches!(
                refused,
                Err(CallError::SessionMissing {
                    operation: "train_callback_refund"
                })
            ),
            "{format:?}: {refused:?}"
        );
    }
}

#[tokio::test]
async fn a_wrong_sm4_key_is_a_clear_error_on_the_reading_side() {
    let request = callback_request();
    let client = top_client(ResponseFormat::Json, Some("sessionKey")).sm4(sm4("1234567890abcdef"));
    let provider = Top::new(Credentials::new(APP_KEY, SECRET)).sm4(sm4("fedcba0987654321"));
    let answer_with = sample_error("alitrip_btrip");
    let error = top_error(
        call_top::<alitrip_btrip::TrainCallbackRefund>(
            client.clone(),
            provider.clone(),
            true,
            &request,
            answer_with,
        )
        .await,
    );
    let message = error.sub_msg.unwrap_or_default();
    assert!(
        message.contains("refund_call_back_param.refund_train_details[0].refund_ticket_details[0].passenger_info."),
        "{message}"
    );
    assert!(message.contains("does not match"), "{message}");
    // The same request read directly: the error is `CallError::Sm4`, and no key material shows.
    let sent = client
        .encode::<alitrip_btrip::TrainCallbackRefund>(&request)
        .expect("encodes");
    match provider.read_request::<alitrip_btrip::TrainCallbackRefund>(&sent) {
        Err(CallError::Sm4(error)) => assert!(!format!("{error:?}").contains("fedcba")),
        other => panic!("expected an SM4 error, got {other:?}"),
    }
    // Without a key the client refuses to send the passengers as plain text.
    let plain = top_client(ResponseFormat::Json, Some("sessionKey"));
    assert!(matches!(
        plain.encode::<alitrip_btrip::TrainCallbackRefund>(&request),
        Err(CallError::Sm4Missing {
            operation: "train_callback_refund"
        })
    ));
}

#[tokio::test]
async fn the_wrong_codec_is_an_error_not_a_panic() {
    let top = top_client(ResponseFormat::Json, None);
    let request: ctt::TicketRefundRequest =
        json::from_str(&json_sample("ctt", "TicketRefundRequest")).expect("the request sample");
    assert!(matches!(
        top.encode::<ctt::RefundTicket>(&request),
        Err(CallError::WrongCodec {
            operation: "refund_ticket"
        })
    ));
    let web = WebApi::new(http::Uri::from_static("http://provider/"));
    assert!(matches!(
        web.encode::<taobao_bus::ReturnTicketConfirm>(&bus_request()),
        Err(CallError::WrongCodec { .. })
    ));
}
