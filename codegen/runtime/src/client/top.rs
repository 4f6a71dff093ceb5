//! Taobao Open Platform calls: the request as a signed form posted to the gateway, with its SM4 fields encrypted
//! first, and the answer read from its envelope (docs/wire-formats.md, TOP protocol).

use http::header::CONTENT_TYPE;
use serde::de::IgnoredAny;

use super::{
    CallError, Codec, EncodeError, HttpFailure, Outcome, RawResponse, Settings, media_type,
};
use crate::problem::Rejection;
use crate::protocol::operation::{Endpoint, Operation};
use crate::protocol::sm4::Sm4Config;
use crate::protocol::top::{self, Credentials, GATEWAY, Options, ResponseFormat, TopFailure};

/// The client of a TOP provider (`alitrip_btrip`, `taobao_bus`).
///
/// `Debug` hides the secret, the session and the SM4 key, so a client can sit in logged structures.
#[derive(Clone, Debug)]
pub struct Top {
    gateway: http::Uri,
    credentials: Credentials,
    options: Options,
    settings: Settings,
}

impl Top {
    /// A client of the HTTPS gateway [`GATEWAY`] with [`Options::default`] (JSON answers, `hmac-sha256`, the
    /// clock's time), validating each request first.
    pub fn new(credentials: Credentials) -> Top {
        Top {
            gateway: http::Uri::from_static(GATEWAY),
            credentials,
            options: Options::default(),
            settings: Settings::default(),
        }
    }

    /// Posts to `gateway` instead: `http://gw.api.taobao.com/router/rest`, the sandbox, a test server.
    pub fn gateway(mut self, gateway: http::Uri) -> Top {
        self.gateway = gateway;
        self
    }

    /// The system parameters: session, timestamp, answer format, signing method, ...
    pub fn options(mut self, options: Options) -> Top {
        self.options = options;
        self
    }

    /// Encrypts the SM4 fields of requests with `config` (see [`crate::protocol::sm4`]: the provider has not confirmed the
    /// default mode). An operation with SM4 fields is refused without one.
    pub fn sm4(mut self, config: Sm4Config) -> Top {
        self.settings.sm4 = Some(config);
        self
    }

    /// Builds requests without validating them first: the provider's server is then the judge.
    pub fn without_validation(mut self) -> Top {
        self.settings.validate = false;
        self
    }

    /// Reads `O`'s responses with `outcome` instead of the schema's (`None`: any response that parses succeeds).
    pub fn outcome<O: Operation>(mut self, outcome: Option<Outcome>) -> Top {
        self.settings.set_outcome::<O>(outcome);
        self
    }

    /// Reads a request to `O` as the provider's side does: the form body (and query string) decoded, the system
    /// parameters and the signature checked with this client's credentials ([`top::verify_request`]), the
    /// application parameters read into `O::Request`, its SM4 fields decrypted, and the plain text validated
    /// unless validation is off. For a server that receives such calls, a test that plays the provider, or a
    /// logged call read again.
    pub fn read_request<O: Operation>(
        &self,
        request: &http::Request<Vec<u8>>,
    ) -> Result<O::Request, CallError> {
        let method = top_method::<O>()?;
        let body = request.body();
        let content_type = request
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .map(media_type);
        if !body.is_empty() && content_type.as_deref() != Some("application/x-www-form-urlencoded")
        {
            return Err(decode_error(
                "unsupported_format",
                "a TOP call posts application/x-www-form-urlencoded".to_owned(),
            ));
        }
        let query = request.uri().query().unwrap_or_default().as_bytes();
        let params: Vec<(String, String)> = form_urlencoded::parse(query)
            .chain(form_urlencoded::parse(body))
            .map(|(name, value)| (name.into_owned(), value.into_owned()))
            .collect();
        top::verify_request(&params, &self.credentials, method).map_err(CallError::Decode)?;
        let value = top::decode_params(&params).map_err(CallError::Decode)?;
        self.settings.receive::<O>(value)
    }
}

impl Codec for Top {
    /// `O`'s request: validated as the caller wrote it, its SM4 fields encrypted, then signed; a Web API operation
    /// is a [`CallError::WrongCodec`]. A TOP call is named by its method, so its URI carries no parameter.
    fn encode_with_uri<O: Operation>(
        &self,
        _uri: &O::Uri,
        request: &O::Request,
    ) -> Result<http::Request<Vec<u8>>, CallError> {
        let method = top_method::<O>()?;
        check_session::<O>(&self.options)?;
        let sent = self.settings.prepare::<O>(request)?;
        let signed = top::encode_request(method, &*sent, &self.credentials, &self.options)
            .map_err(EncodeError::Top)?;
        http::Request::builder()
            .method(http::Method::POST)
            .uri(self.gateway.clone())
            .header(CONTENT_TYPE, signed.content_type)
            .body(signed.body.into_bytes())
            .map_err(|error| EncodeError::Uri(error).into())
    }

    /// `O`'s response: a 2xx status, the envelope in the format asked for (or the one `Content-Type` names), no
    /// `error_response`, and the operation's outcome.
    fn read<O: Operation>(
        &self,
        status: http::StatusCode,
        content_type: Option<&str>,
        body: &[u8],
    ) -> Result<O::Response, CallError> {
        let method = top_method::<O>()?;
        if !status.is_success() {
            return Err(CallError::Http(HttpFailure {
                status,
                body: String::from_utf8_lossy(body).into_owned(),
            }));
        }
        let asked = self.options.format;
        let format = match content_type.map(media_type).as_deref() {
            Some(media) if media.ends_with("/xml") => ResponseFormat::Xml,
            Some(media) if media.ends_with("/json") && asked == ResponseFormat::Xml => {
                ResponseFormat::Json
            }
            _ => asked,
        };
        let text = std::str::from_utf8(body)
            .map_err(|_| decode_error("invalid_utf8", "the answer is not UTF-8".to_owned()))?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let failed = |failure| match failure {
            TopFailure::Api(error) => CallError::Top(error),
            TopFailure::Rejected(rejection) => CallError::Decode(rejection),
        };
        if let Some(raw) = RawResponse::answer(status, content_type, body) {
            // The envelope is read only for the platform's error; the rest is handed over as it came.
            top::decode_response::<IgnoredAny>(text, format, method).map_err(failed)?;
            return Ok(raw);
        }
        let response = top::decode_response(text, format, method).map_err(failed)?;
        self.settings.judge::<O>(response)
    }
}

/// The API method of a TOP operation.
fn top_method<O: Operation>() -> Result<&'static str, CallError> {
    match O::ENDPOINT {
        Endpoint::Top { method, .. } => Ok(method),
        Endpoint::Http { .. } => Err(CallError::WrongCodec { operation: O::NAME }),
    }
}

/// An operation that needs a user's session is not built without one, before its request is even validated: a
/// blank session is left out of the call, so it counts as none.
fn check_session<O: Operation>(options: &Options) -> Result<(), CallError> {
    if top::needs_session(O::ENDPOINT) && !options.has_session() {
        return Err(CallError::SessionMissing { operation: O::NAME });
    }
    Ok(())
}

fn decode_error(code: &'static str, message: String) -> CallError {
    CallError::Decode(Rejection::unreadable(code, message))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TopSession;
    use crate::sm4::{Key, Sm4Config};

    #[test]
    fn debug_shows_no_credential() {
        let codec = Top::new(Credentials::new("app-key-1", "s3cr3t-value"))
            .options(Options {
                session: Some("session-token-9".into()),
                ..Options::default()
            })
            .sm4(Sm4Config::default_for(
                Key::from_ascii("k3y-k3y-k3y-k3y!").expect("16 ASCII characters"),
            ));
        let shown = format!("{codec:?}");
        assert!(shown.contains("app-key-1"), "{shown}");
        for hidden in ["s3cr3t", "session-token", "k3y"] {
            assert!(!shown.contains(hidden), "{hidden} in {shown}");
        }
    }

    #[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
    struct Query {
        item_id: i64,
    }

    impl crate::Validate for Query {
        fn validate_into(&self, _: &crate::validate::Path<'_>, _: &mut crate::validate::Report) {}
    }

    /// An operation of a made-up provider whose page says `session` as `SESSION` does.
    struct ItemGet<const SESSION: u8>;

    impl<const SESSION: u8> Operation for ItemGet<SESSION> {
        type Request = Query;
        type Response = Query;
        type Uri = ();
        const NAME: &'static str = "item_get";
        const PROVIDER: crate::ProviderInfo = crate::ProviderInfo {
            id: "shop",
            title: "Shop",
            protocol: crate::Protocol::Top,
            formats: &[crate::Format::Json],
        };
        const ENDPOINT: Endpoint = Endpoint::Top {
            method: "taobao.item.get",
            session: match SESSION {
                0 => TopSession::Unstated,
                1 => TopSession::Optional,
                _ => TopSession::Required,
            },
        };
    }

    fn client(session: Option<&str>) -> Top {
        Top::new(Credentials::new("12345678", "secret")).options(Options {
            session: session.map(str::to_owned),
            ..Options::default()
        })
    }

    fn sends_session(request: &http::Request<Vec<u8>>, session: &str) -> bool {
        form_urlencoded::parse(request.body())
            .any(|(name, value)| name == "session" && value == session)
    }

    #[test]
    fn an_operation_that_needs_a_session_is_not_built_without_one() {
        for missing in [None, Some(""), Some("  ")] {
            match client(missing).encode::<ItemGet<2>>(&Query { item_id: 7 }) {
                Err(CallError::SessionMissing { operation }) => assert_eq!(operation, "item_get"),
                other => panic!("{missing:?}: expected SessionMissing, got {other:?}"),
            }
        }
        let error = CallError::SessionMissing {
            operation: "item_get",
        }
        .to_string();
        assert_eq!(
            error,
            "`item_get` needs a user's session (需要用户授权): set `session` in the codec's `top::Options`"
        );
        let built = client(Some("user-session-1"))
            .encode::<ItemGet<2>>(&Query { item_id: 7 })
            .expect("a request with its session");
        assert!(sends_session(&built, "user-session-1"));
    }

    #[test]
    fn a_session_is_sent_when_given_and_not_asked_for_otherwise() {
        for built in [
            client(Some("user-session-1")).encode::<ItemGet<1>>(&Query { item_id: 7 }),
            client(Some("user-session-1")).encode::<ItemGet<0>>(&Query { item_id: 7 }),
        ] {
            assert!(sends_session(&built.expect("a request"), "user-session-1"));
        }
        for built in [
            client(None).encode::<ItemGet<1>>(&Query { item_id: 7 }),
            client(None).encode::<ItemGet<0>>(&Query { item_id: 7 }),
        ] {
            let built = built.expect("a request without a session");
            assert!(!form_urlencoded::parse(built.body()).any(|(name, _)| name == "session"));
        }
    }
}
