//! `conformance top-request` and `conformance top-response`: a TOP operation's request signed as the client signs
//! it, and a TOP answer read as the client reads it.

use std::any::TypeId;

use serde::Serialize;

use codegen_runtime::client::{CallError, Codec, Top};
use codegen_runtime::sm4::{Key, Sm4Config};
use codegen_runtime::top::{Credentials, Options, ResponseFormat, SignMethod};
use codegen_runtime::{
    Model, ModelVisitor, Operation, OperationVisitor, Protocol, ProviderInfo, json,
};

use super::{Failure, Outcome, rejection, usage};

pub(crate) const USAGE: &str = "       conformance top-request PROVIDER TYPE --app-key K --secret S --timestamp 'yyyy-MM-dd HH:mm:ss' \\
                         --sign-method md5|hmac|hmac-sha256 [--session X] [--format json|xml] [--sm4-key KEY]
       conformance top-response PROVIDER [--format json|xml]";

/// `top-request PROVIDER TYPE ...`: the request object (JSON on stdin) of the TOP operation whose request type is
/// TYPE, validated, its SM4 fields encrypted when `--sm4-key` is given (else sent as they are), signed, and
/// printed as the form body the client posts.
pub(crate) fn request(args: &[String], input: &[u8]) -> Outcome {
    let parsed = match RequestArgs::parse(args) {
        Ok(parsed) => parsed,
        Err(message) => return usage(&message),
    };
    let Some(wanted) = refund_apis::visit_type(parsed.provider.id, &parsed.type_name, TypeOf)
    else {
        return usage(&format!(
            "provider `{}` has no type `{}`",
            parsed.provider.id, parsed.type_name
        ));
    };
    let mut sign = SignRequest {
        wanted,
        input,
        codec: &parsed.codec,
        result: None,
    };
    refund_apis::visit_operations(parsed.provider.id, &mut sign);
    match sign.result {
        Some(Ok(body)) => Outcome {
            exit: 0,
            stdout: body,
            stderr: String::new(),
        },
        Some(Err(failure)) => failure.into_outcome(),
        None => usage(&format!(
            "`{}` is not the request type of an operation of `{}`",
            parsed.type_name, parsed.provider.id
        )),
    }
}

/// `top-response PROVIDER [--format json|xml]`: an answer (stdin) to the provider's operation, read as the client
/// reads it: exit 0 with the response as JSON, or exit 1 with `{"stage":"top","error":{...}}` for an
/// `error_response`, `{"stage":"provider","error":{...}}` for a failure its outcome reports, or a rejection.
pub(crate) fn response(args: &[String], input: &[u8]) -> Outcome {
    let (provider, format) = match response_args(args) {
        Ok(parsed) => parsed,
        Err(message) => return usage(&message),
    };
    let options = Options {
        format,
        ..Options::default()
    };
    let mut read = ReadResponse {
        codec: Top::new(Credentials::new("", "")).options(options),
        input,
        results: Vec::new(),
    };
    refund_apis::visit_operations(provider.id, &mut read);
    match read.results.len() {
        1 => match read.results.pop() {
            Some(Ok(stdout)) => Outcome {
                exit: 0,
                stdout,
                stderr: String::new(),
            },
            Some(Err(failure)) => failure.into_outcome(),
            None => usage("no operation"),
        },
        count => usage(&format!(
            "`{}` has {count} operations; top-response reads the answer of a provider with one",
            provider.id
        )),
    }
}

struct RequestArgs {
    provider: ProviderInfo,
    type_name: String,
    codec: Top,
}

impl RequestArgs {
    fn parse(args: &[String]) -> Result<RequestArgs, String> {
        let [provider, type_name, flags @ ..] = args else {
            return Err("top-request needs PROVIDER and TYPE".to_owned());
        };
        let provider = top_provider(provider)?;
        let mut flags = Flags::parse(
            flags,
            &[
                "--app-key",
                "--secret",
                "--timestamp",
                "--sign-method",
                "--session",
                "--format",
                "--sm4-key",
            ],
        )?;
        let app_key = flags.required("--app-key")?;
        let secret = flags.required("--secret")?;
        let timestamp = flags.required("--timestamp")?;
        let timestamp = timestamp
            .parse()
            .map_err(|_| format!("--timestamp `{timestamp}` is not yyyy-MM-dd HH:mm:ss"))?;
        let sign_method = flags.required("--sign-method")?;
        let sign_method = SignMethod::from_name(&sign_method).ok_or_else(|| {
            format!("--sign-method `{sign_method}`: expected md5, hmac or hmac-sha256")
        })?;
        let options = Options {
            session: flags.take("--session"),
            timestamp: Some(timestamp),
            format: flags.format()?,
            sign_method,
            ..Options::default()
        };
        let mut codec = Top::new(Credentials::new(app_key, secret)).options(options);
        if let Some(key) = flags.take("--sm4-key") {
            let key = Key::from_hex(&key)
                .or_else(|_| Key::from_ascii(&key))
                .map_err(|_| {
                    "--sm4-key: expected 32 hex digits or 16 ASCII characters".to_owned()
                })?;
            codec = codec.sm4(Sm4Config::default_for(key));
        }
        Ok(RequestArgs {
            provider,
            type_name: type_name.clone(),
            codec,
        })
    }
}

fn response_args(args: &[String]) -> Result<(ProviderInfo, ResponseFormat), String> {
    let [provider, flags @ ..] = args else {
        return Err("top-response needs PROVIDER".to_owned());
    };
    let provider = top_provider(provider)?;
    let mut flags = Flags::parse(flags, &["--format"])?;
    Ok((provider, flags.format()?))
}

fn top_provider(id: &str) -> Result<ProviderInfo, String> {
    let provider = refund_apis::PROVIDERS
        .iter()
        .find(|p| p.id == id)
        .ok_or_else(|| format!("unknown provider `{id}`"))?;
    if provider.protocol != Protocol::Top {
        return Err(format!(
            "provider `{id}` is not a Taobao Open Platform provider"
        ));
    }
    Ok(*provider)
}

/// `--name value` pairs, each name at most once.
struct Flags(Vec<(String, String)>);

impl Flags {
    fn parse(args: &[String], known: &[&str]) -> Result<Flags, String> {
        let mut pairs: Vec<(String, String)> = Vec::new();
        let mut rest = args.iter();
        while let Some(name) = rest.next() {
            if !known.contains(&name.as_str()) {
                return Err(format!("unknown option `{name}`"));
            }
            let value = rest.next().ok_or_else(|| format!("{name} needs a value"))?;
            if pairs.iter().any(|(seen, _)| seen == name) {
                return Err(format!("{name} is given twice"));
            }
            pairs.push((name.clone(), value.clone()));
        }
        Ok(Flags(pairs))
    }

    fn take(&mut self, name: &str) -> Option<String> {
        let at = self.0.iter().position(|(seen, _)| seen == name)?;
        Some(self.0.remove(at).1)
    }

    fn required(&mut self, name: &str) -> Result<String, String> {
        self.take(name).ok_or_else(|| format!("{name} is required"))
    }

    /// `--format json|xml`, JSON when absent.
    fn format(&mut self) -> Result<ResponseFormat, String> {
        match self.take("--format").as_deref() {
            None | Some("json") => Ok(ResponseFormat::Json),
            Some("xml") => Ok(ResponseFormat::Xml),
            Some(other) => Err(format!("--format `{other}`: expected json or xml")),
        }
    }
}

/// The Rust type a document's type name stands for.
struct TypeOf;

impl ModelVisitor for TypeOf {
    type Output = TypeId;

    fn visit<T: Model>(self) -> TypeId {
        TypeId::of::<T>()
    }
}

/// Signs the request of the operation whose request type is `wanted`.
struct SignRequest<'a> {
    wanted: TypeId,
    input: &'a [u8],
    codec: &'a Top,
    result: Option<Result<Vec<u8>, Failure>>,
}

impl OperationVisitor for SignRequest<'_> {
    fn visit<O: Operation>(&mut self) {
        if self.result.is_none() && TypeId::of::<O::Request>() == self.wanted {
            self.result = Some(self.sign::<O>());
        }
    }
}

impl SignRequest<'_> {
    fn sign<O: Operation>(&self) -> Result<Vec<u8>, Failure> {
        let text = std::str::from_utf8(self.input).map_err(|error| {
            Failure::Rejected(rejection(
                "invalid_utf8",
                format!("the payload is not UTF-8: {error}"),
            ))
        })?;
        let request: O::Request = json::from_str(text)?;
        // A TOP call is named by its method: its URI parameters are `()`, which an empty form reads.
        let no_uri: O::Uri = codegen_runtime::form::from_str("")?;
        let signed = self
            .codec
            .encode_with_uri::<O>(&no_uri, &request)
            .map_err(Failure::from)?;
        Ok(signed.into_body())
    }
}

/// Reads the answer to each operation; a provider with one operation gives one result.
struct ReadResponse<'a> {
    codec: Top,
    input: &'a [u8],
    results: Vec<Result<Vec<u8>, Failure>>,
}

impl OperationVisitor for ReadResponse<'_> {
    fn visit<O: Operation>(&mut self) {
        let result = self
            .codec
            .read::<O>(http::StatusCode::OK, None, self.input)
            .map_err(Failure::from)
            .and_then(|response| {
                json::to_string(&response, Protocol::Top)
                    .map(String::into_bytes)
                    .map_err(|error| Failure::Rejected(rejection("unwritable", error.to_string())))
            });
        self.results.push(result);
    }
}

impl From<CallError> for Failure {
    fn from(error: CallError) -> Failure {
        match error {
            CallError::Invalid(rejection) | CallError::Decode(rejection) => {
                Failure::Rejected(rejection)
            }
            CallError::Top(error) => report("top", &error),
            CallError::Provider(failure) => report("provider", &failure),
            other => Failure::Usage(other.to_string()),
        }
    }
}

/// `{"stage":..,"error":..}`, the stage first as in a rejection.
fn report<E: Serialize>(stage: &'static str, error: &E) -> Failure {
    #[derive(Serialize)]
    struct Report<'a, E> {
        stage: &'static str,
        error: &'a E,
    }
    match serde_json::to_string(&Report { stage, error }) {
        Ok(report) => Failure::Reported(report),
        Err(error) => Failure::Usage(format!("cannot report the failure: {error}")),
    }
}
