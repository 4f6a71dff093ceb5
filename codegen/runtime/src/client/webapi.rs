//! ASP.NET Web API calls: the request posted to a path under the provider's base address in the format the
//! caller picks, and the answer read in the format its `Content-Type` names.

use http::header::{ACCEPT, CONTENT_TYPE};
use serde::de::DeserializeOwned;

use super::{
    CallError, Codec, EncodeError, HttpFailure, Outcome, RawResponse, Settings, XmlCodec,
    media_type,
};
use crate::format::{bson, form, json};
use crate::problem::Rejection;
use crate::protocol::operation::{Endpoint, Format, Operation, Protocol, uri};
use crate::protocol::sm4::Sm4Config;

/// The client of a Web API provider (`ctt`, `digitalscience`, `speedpower`); the [module](super) shows one at
/// work.
#[derive(Clone, Debug)]
pub struct WebApi {
    base: http::Uri,
    format: Format,
    settings: Settings,
}

impl WebApi {
    /// A client posting JSON to paths under `base` (`https://host/` or `https://host/prefix/`), validating each
    /// request first.
    pub fn new(base: http::Uri) -> WebApi {
        WebApi {
            base,
            format: Format::Json,
            settings: Settings::default(),
        }
    }

    /// Sends requests as `format`. A provider that does not speak it refuses it when a request is built, with
    /// [`EncodeError::Unsupported`]. Answers to a form post are asked for as JSON, as Web API never writes a form.
    pub fn format(mut self, format: Format) -> WebApi {
        self.format = format;
        self
    }

    /// Encrypts the fields a schema marks `encryption: sm4` with `config`; an operation with such fields is
    /// refused without one.
    pub fn sm4(mut self, config: Sm4Config) -> WebApi {
        self.settings.sm4 = Some(config);
        self
    }

    /// Builds requests without validating them first: the provider's server is then the judge.
    pub fn without_validation(mut self) -> WebApi {
        self.settings.validate = false;
        self
    }

    /// Reads `O`'s responses with `outcome` instead of the schema's (`None`: any response that parses succeeds).
    pub fn outcome<O: Operation>(mut self, outcome: Option<Outcome>) -> WebApi {
        self.settings.set_outcome::<O>(outcome);
        self
    }

    /// Reads a request to `O` as the provider's server binds it: the body in the format its `Content-Type`
    /// names, SM4 fields decrypted, and validated unless validation is off. For tests that play the provider and
    /// for logged requests read again; the method and path are the caller's to check.
    pub fn read_request<O: Operation<Uri = ()>>(
        &self,
        request: &http::Request<Vec<u8>>,
    ) -> Result<O::Request, CallError> {
        if !matches!(O::ENDPOINT, Endpoint::Http { .. }) {
            return Err(CallError::WrongCodec { operation: O::NAME });
        }
        self.read_body_of::<O>(request)
    }

    /// The same as [`read_request`](WebApi::read_request), with the values of `O`'s URI parameters, read from
    /// the request's path (under this client's base address, matched against the operation's) and query as
    /// Web API's routing and model binding read them.
    pub fn read_request_with_uri<O: Operation>(
        &self,
        request: &http::Request<Vec<u8>>,
    ) -> Result<(O::Uri, O::Request), CallError> {
        let Endpoint::Http { path: template, .. } = O::ENDPOINT else {
            return Err(CallError::WrongCodec { operation: O::NAME });
        };
        let path = self.relative(request.uri().path()).ok_or_else(|| {
            CallError::Decode(Rejection::unreadable(
                "uri_path",
                "a path that is not under the client's base address",
            ))
        })?;
        let uri = uri::read::<O::Uri>(template, path, request.uri().query())
            .map_err(CallError::Decode)?;
        Ok((uri, self.read_body_of::<O>(request)?))
    }

    /// `O`'s request read from the body, decrypted and validated.
    fn read_body_of<O: Operation>(
        &self,
        request: &http::Request<Vec<u8>>,
    ) -> Result<O::Request, CallError> {
        let body = request.body();
        let format = request
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .map(media_type);
        let value = match format.as_deref() {
            Some("application/x-www-form-urlencoded") => std::str::from_utf8(body)
                .map_err(|_| Rejection::unreadable("invalid_utf8", "the form body is not UTF-8"))
                .and_then(form::from_str),
            Some(media) => match format_of(media) {
                Some(format) => read_body::<O, O::Request>(format, body, |xml| xml.read_request),
                None => Err(Rejection::unreadable(
                    "unsupported_format",
                    "a body in a format Web API does not read",
                )),
            },
            None => Err(Rejection::unreadable(
                "unsupported_format",
                "a body without a Content-Type",
            )),
        }
        .map_err(CallError::Decode)?;
        self.settings.receive::<O>(value)
    }

    /// The format answers are asked for in.
    fn accept(&self) -> Format {
        match self.format {
            Format::Form => Format::Json,
            other => other,
        }
    }

    /// The base address's path, without its last `/`.
    fn prefix(&self) -> &str {
        self.base
            .path_and_query()
            .map_or("", |base| base.path())
            .trim_end_matches('/')
    }

    /// `path` relative to the base address, without its leading `/`; `None` for a path outside it.
    fn relative<'p>(&self, path: &'p str) -> Option<&'p str> {
        path.strip_prefix(self.prefix())?.strip_prefix('/')
    }

    fn uri(&self, path_and_query: &str) -> Result<http::Uri, EncodeError> {
        let joined = format!(
            "{}/{}",
            self.prefix(),
            path_and_query.trim_start_matches('/')
        );
        let mut parts = self.base.clone().into_parts();
        parts.path_and_query = Some(
            joined
                .parse()
                .map_err(|error: http::uri::InvalidUri| EncodeError::Uri(error.into()))?,
        );
        http::Uri::from_parts(parts).map_err(|error| EncodeError::Uri(error.into()))
    }
}

impl Codec for WebApi {
    /// `O`'s request as the provider's server reads it, its URI parameters written into the path and query; a
    /// TOP operation is a [`CallError::WrongCodec`].
    fn encode_with_uri<O: Operation>(
        &self,
        uri: &O::Uri,
        request: &O::Request,
    ) -> Result<http::Request<Vec<u8>>, CallError> {
        let Endpoint::Http { method, path } = O::ENDPOINT else {
            return Err(CallError::WrongCodec { operation: O::NAME });
        };
        let path_and_query = uri::fill(path, uri).map_err(EncodeError::UriParameter)?;
        let unsupported = || EncodeError::Unsupported {
            provider: O::PROVIDER.id,
            format: self.format,
        };
        if !O::PROVIDER.speaks(self.format) {
            return Err(unsupported().into());
        }
        let request = &*self.settings.prepare::<O>(request)?;
        let body = match self.format {
            Format::Json => json::to_string(request, Protocol::WebApi)
                .map_err(EncodeError::Json)?
                .into_bytes(),
            Format::Xml => {
                let xml = O::XML.ok_or_else(unsupported)?;
                (xml.write_request)(request)
                    .map_err(EncodeError::Xml)?
                    .into_bytes()
            }
            Format::Form => form::to_string(request)
                .map_err(EncodeError::Form)?
                .into_bytes(),
            Format::Bson => bson::to_vec(request).map_err(EncodeError::Bson)?,
        };
        http::Request::builder()
            .method(method)
            .uri(self.uri(&path_and_query)?)
            .header(CONTENT_TYPE, content_type(self.format))
            .header(ACCEPT, media(self.accept()))
            .body(body)
            .map_err(|error| EncodeError::Uri(error).into())
    }

    /// `O`'s response: a 2xx status, a body in the format its `Content-Type` names (else the one asked for),
    /// and the operation's outcome; or, for a [`RawResponse`], the 2xx answer as it came.
    fn read<O: Operation>(
        &self,
        status: http::StatusCode,
        content_type: Option<&str>,
        body: &[u8],
    ) -> Result<O::Response, CallError> {
        if !matches!(O::ENDPOINT, Endpoint::Http { .. }) {
            return Err(CallError::WrongCodec { operation: O::NAME });
        }
        if !status.is_success() {
            return Err(CallError::Http(HttpFailure {
                status,
                body: String::from_utf8_lossy(body).into_owned(),
            }));
        }
        if let Some(raw) = RawResponse::answer(status, content_type, body) {
            return Ok(raw);
        }
        let format = content_type
            .and_then(|value| format_of(&media_type(value)))
            .unwrap_or_else(|| self.accept());
        let response = read_body::<O, O::Response>(format, body, |xml| xml.read_response)
            .map_err(CallError::Decode)?;
        self.settings.judge::<O>(response)
    }
}

/// A JSON, XML or BSON body of one of `O`'s messages; `xml` picks the message's reader from `O`'s XML codec.
fn read_body<O: Operation, T: DeserializeOwned>(
    format: Format,
    body: &[u8],
    xml: impl FnOnce(XmlCodec<O::Request, O::Response>) -> fn(&[u8]) -> Result<T, Rejection>,
) -> Result<T, Rejection> {
    match format {
        Format::Xml => match O::XML {
            Some(codec) => xml(codec)(body),
            None => Err(Rejection::unreadable(
                "unsupported_format",
                "an XML body, and this operation's types are no DataContract",
            )),
        },
        Format::Bson => bson::from_slice(body),
        Format::Json | Format::Form => std::str::from_utf8(body)
            .map_err(|_| Rejection::unreadable("invalid_utf8", "the JSON body is not UTF-8"))
            .and_then(|text| json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text))),
    }
}

/// The media type Web API's formatter for `format` reads and writes.
fn media(format: Format) -> &'static str {
    match format {
        Format::Json => "application/json",
        Format::Xml => "application/xml",
        Format::Form => "application/x-www-form-urlencoded",
        Format::Bson => "application/bson",
    }
}

/// The `Content-Type` of a request body: text formats say their charset, as .NET's `HttpClient` does.
fn content_type(format: Format) -> String {
    match format {
        Format::Bson => media(format).to_owned(),
        text => format!("{}; charset=utf-8", media(text)),
    }
}

/// The format of an answer's media type, among those Web API's formatters write (`text/json` and `text/xml`
/// too); `None` for another.
fn format_of(media_type: &str) -> Option<Format> {
    match media_type {
        "application/json" | "text/json" => Some(Format::Json),
        "application/xml" | "text/xml" => Some(Format::Xml),
        "application/bson" => Some(Format::Bson),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::operation::{ProviderInfo, UriParameters};
    use crate::validate::{Path, Report, Validate};

    #[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Reason {
        reason: String,
    }

    impl Validate for Reason {
        fn validate_into(&self, _: &Path<'_>, _: &mut Report) {}
    }

    #[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct OrderUri {
        #[serde(rename = "orderId")]
        order_id: String,
        force: Option<bool>,
    }

    impl UriParameters for OrderUri {
        const PATH: &'static [&'static str] = &["orderId"];
        const QUERY: &'static [&'static str] = &["force"];
    }

    struct RefundOrder;

    impl Operation for RefundOrder {
        type Request = Reason;
        type Response = Reason;
        type Uri = OrderUri;
        const NAME: &'static str = "refund_order";
        const PROVIDER: ProviderInfo = ProviderInfo {
            id: "shop",
            title: "Shop",
            protocol: Protocol::WebApi,
            formats: &[Format::Json, Format::Form],
        };
        const ENDPOINT: Endpoint = Endpoint::Http {
            method: "POST",
            path: "api/orders/{orderId}/refund",
        };
    }

    #[test]
    fn uri_parameters_travel_in_the_path_and_query_and_are_read_back() {
        let client = WebApi::new("https://h.example/v5/".parse().expect("a URI"));
        let uri = OrderUri {
            order_id: "A?1 ü".to_owned(),
            force: Some(true),
        };
        let body = Reason {
            reason: "late".to_owned(),
        };
        let sent = client
            .encode_with_uri::<RefundOrder>(&uri, &body)
            .expect("encodes");
        assert_eq!(
            sent.uri(),
            "https://h.example/v5/api/orders/A%3F1%20%C3%BC/refund?force=true"
        );
        assert_eq!(sent.body(), br#"{"reason":"late"}"#);
        let server = WebApi::new("/v5".parse().expect("a URI"));
        let (read_uri, read_body) = server
            .read_request_with_uri::<RefundOrder>(&sent)
            .expect("reads");
        assert_eq!((read_uri, read_body), (uri, body));
    }

    #[test]
    fn a_request_outside_the_base_address_or_route_is_refused() {
        let server = WebApi::new("https://h.example/v5/".parse().expect("a URI"));
        for target in [
            "https://h.example/v4/api/orders/A1/refund",
            "https://h.example/v5/api/orders/A1",
            "https://h.example/v5/api/orders/A1/refund?orderId=B2",
        ] {
            let request = http::Request::builder()
                .uri(target)
                .header(CONTENT_TYPE, "application/json")
                .body(br#"{"reason":"late"}"#.to_vec())
                .expect("a request");
            match server.read_request_with_uri::<RefundOrder>(&request) {
                Err(CallError::Decode(rejection)) => {
                    assert!(rejection.errors()[0].code.starts_with("uri_"), "{target}")
                }
                other => panic!("{target}: {other:?}"),
            }
        }
    }

    #[test]
    fn a_path_value_no_segment_can_carry_builds_no_request() {
        let client = WebApi::new("https://h.example/".parse().expect("a URI"));
        let uri = OrderUri {
            order_id: "..".to_owned(),
            force: None,
        };
        let body = Reason {
            reason: String::new(),
        };
        assert!(matches!(
            client.encode_with_uri::<RefundOrder>(&uri, &body),
            Err(CallError::Encode(EncodeError::UriParameter(_)))
        ));
    }

    #[test]
    fn paths_join_the_base_whatever_its_slashes() {
        for (base, joined) in [
            ("https://h.example", "https://h.example/api/refund"),
            ("https://h.example/", "https://h.example/api/refund"),
            ("https://h.example/v5", "https://h.example/v5/api/refund"),
            (
                "http://127.0.0.1:8080/v5/",
                "http://127.0.0.1:8080/v5/api/refund",
            ),
        ] {
            let client = WebApi::new(base.parse().expect("a URI"));
            assert_eq!(
                client.uri("api/refund").expect("joins").to_string(),
                joined,
                "{base}"
            );
        }
        // A base without a host gives a request in origin form, for a transport that adds the host itself.
        let relative = WebApi::new("/v5".parse().expect("a URI"));
        assert_eq!(relative.uri("api/refund").expect("joins"), "/v5/api/refund");
    }

    #[test]
    fn answers_are_read_in_the_format_their_content_type_names() {
        assert_eq!(
            format_of(&media_type("application/json; charset=utf-8")),
            Some(Format::Json)
        );
        assert_eq!(format_of(&media_type("Text/JSON")), Some(Format::Json));
        assert_eq!(
            format_of(&media_type("text/xml;charset=UTF-8")),
            Some(Format::Xml)
        );
        assert_eq!(
            format_of(&media_type("application/bson")),
            Some(Format::Bson)
        );
        assert_eq!(format_of(&media_type("text/html")), None);
        assert_eq!(
            content_type(Format::Form),
            "application/x-www-form-urlencoded; charset=utf-8"
        );
        assert_eq!(content_type(Format::Bson), "application/bson");
    }

    /// A body that is a bare scalar or a list of scalars, as Web API's formatters write one.
    struct CountTickets;

    impl Operation for CountTickets {
        type Uri = ();
        type Request = i32;
        type Response = Vec<String>;
        const NAME: &'static str = "count_tickets";
        const PROVIDER: crate::ProviderInfo = crate::ProviderInfo {
            id: "shop",
            title: "Shop",
            protocol: Protocol::WebApi,
            formats: &[Format::Json, Format::Xml, Format::Form, Format::Bson],
        };
        const ENDPOINT: Endpoint = Endpoint::Http {
            method: "POST",
            path: "api/count",
        };
        const XML: Option<XmlCodec<i32, Vec<String>>> = Some(XmlCodec::DATA_CONTRACT);
    }

    /// An action whose document describes no body.
    struct CancelOrder;

    impl Operation for CancelOrder {
        type Uri = ();
        type Request = String;
        type Response = RawResponse;
        const NAME: &'static str = "cancel_order";
        const PROVIDER: crate::ProviderInfo = CountTickets::PROVIDER;
        const ENDPOINT: Endpoint = Endpoint::Http {
            method: "POST",
            path: "api/cancel",
        };
        const XML: Option<XmlCodec<String, RawResponse>> = Some(XmlCodec::DATA_CONTRACT);
    }

    fn answer(content_type: &str, body: &[u8]) -> http::Response<Vec<u8>> {
        http::Response::builder()
            .header(CONTENT_TYPE, content_type)
            .body(body.to_vec())
            .expect("a response")
    }

    #[test]
    fn scalar_and_list_bodies_travel_bare_in_json_and_as_primitive_roots_in_xml() {
        let client = WebApi::new("https://h.example/".parse().expect("a URI"));
        assert_eq!(
            client.encode::<CountTickets>(&5).expect("built").body(),
            b"5"
        );
        let xml = client.clone().format(Format::Xml);
        assert_eq!(
            xml.encode::<CountTickets>(&5).expect("built").body(),
            br#"<int xmlns="http://schemas.microsoft.com/2003/10/Serialization/">5</int>"#
        );
        assert_eq!(
            client
                .decode::<CountTickets>(&answer("application/json", br#"["a","b"]"#))
                .expect("read"),
            ["a", "b"]
        );
        let list = r#"<ArrayOfstring xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.microsoft.com/2003/10/Serialization/Arrays"><string>a</string></ArrayOfstring>"#;
        assert_eq!(
            client
                .decode::<CountTickets>(&answer("application/xml", list.as_bytes()))
                .expect("read"),
            ["a"]
        );
        assert!(matches!(
            client.decode::<CountTickets>(&answer("application/json", b"{}")),
            Err(CallError::Decode(_))
        ));
        let request = xml.encode::<CountTickets>(&5).expect("built");
        assert_eq!(
            WebApi::new("/".parse().expect("a URI"))
                .read_request::<CountTickets>(&request)
                .expect("read"),
            5
        );
    }

    #[test]
    fn an_answer_without_a_described_body_is_handed_over_as_it_came() {
        let client = WebApi::new("https://h.example/".parse().expect("a URI"));
        let mut accepted = answer("text/plain; charset=utf-8", b"queued");
        *accepted.status_mut() = http::StatusCode::ACCEPTED;
        let raw = client
            .decode::<CancelOrder>(&accepted)
            .expect("handed over");
        assert_eq!(raw.status, http::StatusCode::ACCEPTED);
        assert_eq!(
            raw.content_type.as_deref(),
            Some("text/plain; charset=utf-8")
        );
        assert_eq!(raw.text(), Some("queued"));
        let empty = client
            .read::<CancelOrder>(http::StatusCode::NO_CONTENT, None, b"")
            .expect("handed over");
        assert_eq!(
            (empty.status, empty.content_type, empty.body),
            (http::StatusCode::NO_CONTENT, None, Vec::new())
        );
        // A failure is a failure, as for every operation.
        match client.read::<CancelOrder>(
            http::StatusCode::BAD_REQUEST,
            None,
            b"{\"Message\":\"no\"}",
        ) {
            Err(CallError::Http(failure)) => assert_eq!(failure.body, "{\"Message\":\"no\"}"),
            other => panic!("{other:?}"),
        }
        // Its request is a bare string, in every format that can carry one.
        assert_eq!(
            client
                .encode::<CancelOrder>(&"A1".to_owned())
                .expect("built")
                .body(),
            br#""A1""#
        );
    }
}
