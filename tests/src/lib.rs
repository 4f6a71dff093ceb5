//! The conformance runner: a payload in one format, parsed into the generated type and written in another,
//! exactly as the provider's server would write it; and for the TOP providers, a request signed and an answer read
//! as the client signs and reads them (`top-request`, `top-response`). The `conformance` binary wraps [`run`]
//! around stdin and stdout; tests call [`run`] directly.

use codegen_runtime::xml::{self, DataContract};
use codegen_runtime::{
    Format, Model, ModelVisitor, Problem, Protocol, ProviderInfo, Rejection, Stage, bson, form,
    json,
};

mod hex;
pub mod samples;
mod top;

/// Payloads larger than this are refused before parsing; no provider message comes near it.
pub const MAX_PAYLOAD_BYTES: u64 = 16 * 1024 * 1024;

const USAGE: &str =
    "usage: conformance PROVIDER TYPE FROM TO\n  FROM, TO: json | xml | form | bson";

/// What a run printed and how it ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// 0: converted; 1: the payload was rejected; 2: usage error.
    pub exit: u8,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

/// Runs `conformance PROVIDER TYPE FROM TO` (or `top-request ...`, `top-response ...`) over `input`; never
/// panics, whatever the arguments and bytes.
pub fn run(args: &[String], input: &[u8]) -> Outcome {
    if input.len() as u64 > MAX_PAYLOAD_BYTES {
        return Failure::Rejected(rejection(
            "too_large",
            format!("the payload is larger than {MAX_PAYLOAD_BYTES} bytes"),
        ))
        .into_outcome();
    }
    match args.first().map(String::as_str) {
        Some("top-request") => top::request(&args[1..], input),
        Some("top-response") => top::response(&args[1..], input),
        _ => convert(args, input),
    }
}

/// `conformance PROVIDER TYPE FROM TO`.
fn convert(args: &[String], input: &[u8]) -> Outcome {
    let request = match Request::parse(args) {
        Ok(request) => request,
        Err(message) => return usage(&message),
    };
    let convert = Convert {
        input,
        from: request.from,
        to: request.to,
        protocol: request.provider.protocol,
        type_name: &request.type_name,
    };
    match refund_apis::visit_type(request.provider.id, &request.type_name, convert) {
        Some(Ok(stdout)) => Outcome {
            exit: 0,
            stdout,
            stderr: String::new(),
        },
        Some(Err(failure)) => failure.into_outcome(),
        None => usage(&format!(
            "provider `{}` has no type `{}`",
            request.provider.id, request.type_name
        )),
    }
}

fn usage(message: &str) -> Outcome {
    Outcome {
        exit: 2,
        stdout: Vec::new(),
        stderr: format!("conformance: {message}\n{USAGE}\n{}\n", top::USAGE),
    }
}

/// A checked command line: the provider exists and speaks both formats, and the runner implements them.
struct Request {
    provider: ProviderInfo,
    type_name: String,
    from: Format,
    to: Format,
}

impl Request {
    fn parse(args: &[String]) -> Result<Request, String> {
        let [provider, type_name, from, to] = args else {
            return Err(format!("expected 4 arguments, got {}", args.len()));
        };
        let Some(&info) = refund_apis::PROVIDERS.iter().find(|p| p.id == provider) else {
            let known: Vec<&str> = refund_apis::PROVIDERS.iter().map(|p| p.id).collect();
            return Err(format!(
                "unknown provider `{provider}`; known: {}",
                known.join(", ")
            ));
        };
        let mut formats = [Format::Json; 2];
        for (slot, name) in formats.iter_mut().zip([from, to]) {
            let format = Format::from_name(name).ok_or_else(|| {
                format!("unknown format `{name}`; expected json, xml, form or bson")
            })?;
            *slot = format;
            if !info.speaks(format) {
                return Err(format!("provider `{provider}` does not speak {name}"));
            }
        }
        let [from, to] = formats;
        Ok(Request {
            provider: info,
            type_name: type_name.clone(),
            from,
            to,
        })
    }
}

/// Why a command gave no output: the payload was rejected or reports a provider's failure (exit 1, the report
/// on stdout), or the command asks for something the type cannot do (exit 2).
enum Failure {
    Rejected(Rejection),
    /// A TOP answer reporting a failure, written as `{"stage":"top"|"provider","error":{...}}`.
    Reported(String),
    Usage(String),
}

impl Failure {
    fn into_outcome(self) -> Outcome {
        let report = match self {
            Failure::Usage(message) => return usage(&message),
            Failure::Rejected(rejected) => serde_json::to_vec(&rejected),
            Failure::Reported(report) => Ok(report.into_bytes()),
        };
        match report {
            Ok(stdout) => Outcome {
                exit: 1,
                stdout,
                stderr: String::new(),
            },
            Err(error) => usage(&format!("cannot report the failure: {error}")),
        }
    }
}

impl From<Rejection> for Failure {
    fn from(rejection: Rejection) -> Failure {
        Failure::Rejected(rejection)
    }
}

/// Parses the input as `from` into the visited type, validates it, and writes it as `to`.
struct Convert<'a> {
    input: &'a [u8],
    from: Format,
    to: Format,
    protocol: Protocol,
    type_name: &'a str,
}

impl Convert<'_> {
    /// Reads the formats every model has through serde: JSON, form, and BSON as hex text.
    fn read<T: Model>(&self) -> Result<T, Failure> {
        let text = std::str::from_utf8(self.input).map_err(|error| {
            rejection("invalid_utf8", format!("the payload is not UTF-8: {error}"))
        })?;
        Ok(match self.from {
            Format::Form => form::from_str(text)?,
            Format::Bson => bson::from_slice(&hex::decode(text)?)?,
            Format::Json | Format::Xml => json::from_str(text)?,
        })
    }

    fn write<T: Model>(&self, value: &T) -> Result<Vec<u8>, Failure> {
        let unwritable = |error: String| Failure::Rejected(rejection("unwritable", error));
        match self.to {
            Format::Form => form::to_string(value).map_err(|e| unwritable(e.to_string())),
            Format::Bson => bson::to_vec(value)
                .map(|bytes| hex::encode(&bytes))
                .map_err(|e| unwritable(e.to_string())),
            Format::Json | Format::Xml => {
                json::to_string(value, self.protocol).map_err(|e| unwritable(e.to_string()))
            }
        }
        .map(String::into_bytes)
    }
}

impl ModelVisitor for Convert<'_> {
    type Output = Result<Vec<u8>, Failure>;

    fn visit<T: Model>(self) -> Self::Output {
        if self.from == Format::Xml || self.to == Format::Xml {
            return Err(Failure::Usage(format!(
                "`{}` is not an XML document: only the structs of a DataContract provider are",
                self.type_name
            )));
        }
        let value: T = self.read()?;
        value.validate()?;
        self.write(&value)
    }

    fn visit_contract<T: Model + DataContract>(self) -> Self::Output {
        let value: T = match self.from {
            Format::Xml => xml::from_slice(self.input)?,
            _ => self.read()?,
        };
        value.validate()?;
        match self.to {
            Format::Xml => xml::to_string(&value)
                .map(String::into_bytes)
                .map_err(|error| Failure::Rejected(error.into_rejection())),
            _ => self.write(&value),
        }
    }
}

fn rejection(code: &'static str, message: String) -> Rejection {
    Rejection::new(
        Stage::Parse,
        vec![Problem {
            path: "$".to_owned(),
            code,
            message,
        }],
    )
}
