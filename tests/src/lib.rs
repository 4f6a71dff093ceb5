//! The conformance runner: a payload in one format, parsed into the generated type and written in another,
//! exactly as the provider's server would write it. The `conformance` binary wraps [`run`] around stdin and stdout;
//! tests call [`run`] directly.

use codegen_runtime::{
    Format, Model, ModelVisitor, Problem, Protocol, ProviderInfo, Rejection, Stage, json,
};

/// Payloads larger than this are refused before parsing; no provider message comes near it.
pub const MAX_PAYLOAD_BYTES: u64 = 16 * 1024 * 1024;

/// The formats this runner reads and writes today; the others a provider speaks arrive with their serializers.
const IMPLEMENTED: [Format; 1] = [Format::Json];

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

/// Runs `conformance PROVIDER TYPE FROM TO` over `input`; never panics, whatever the arguments and bytes.
pub fn run(args: &[String], input: &[u8]) -> Outcome {
    let request = match Request::parse(args) {
        Ok(request) => request,
        Err(message) => return usage(&message),
    };
    let outcome = if input.len() as u64 > MAX_PAYLOAD_BYTES {
        Err(rejection(
            "too_large",
            format!("the payload is larger than {MAX_PAYLOAD_BYTES} bytes"),
        ))
    } else {
        let convert = Convert {
            input,
            protocol: request.provider.protocol,
        };
        match refund_apis::visit_type(request.provider.id, &request.type_name, convert) {
            Some(outcome) => outcome,
            None => {
                return usage(&format!(
                    "provider `{}` has no type `{}`",
                    request.provider.id, request.type_name
                ));
            }
        }
    };
    match outcome {
        Ok(stdout) => Outcome {
            exit: 0,
            stdout,
            stderr: String::new(),
        },
        Err(rejected) => match serde_json::to_vec(&rejected) {
            Ok(stdout) => Outcome {
                exit: 1,
                stdout,
                stderr: String::new(),
            },
            Err(error) => usage(&format!("cannot report the rejection: {error}")),
        },
    }
}

fn usage(message: &str) -> Outcome {
    Outcome {
        exit: 2,
        stdout: Vec::new(),
        stderr: format!("conformance: {message}\n{USAGE}\n"),
    }
}

/// A checked command line: the provider exists and speaks both formats, and the runner implements them.
struct Request {
    provider: ProviderInfo,
    type_name: String,
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
        for name in [from, to] {
            let format = Format::from_name(name).ok_or_else(|| {
                format!("unknown format `{name}`; expected json, xml, form or bson")
            })?;
            if !info.speaks(format) {
                return Err(format!("provider `{provider}` does not speak {name}"));
            }
            if !IMPLEMENTED.contains(&format) {
                return Err(format!(
                    "{name} is not supported by this runner yet (provider `{provider}` speaks it; the serializer has not landed)"
                ));
            }
        }
        Ok(Request {
            provider: info,
            type_name: type_name.clone(),
        })
    }
}

/// Parses the input into the visited type and writes it back; JSON is the one format implemented so far.
struct Convert<'a> {
    input: &'a [u8],
    protocol: Protocol,
}

impl ModelVisitor for Convert<'_> {
    type Output = Result<Vec<u8>, Rejection>;

    fn visit<T: Model>(self) -> Self::Output {
        let text = std::str::from_utf8(self.input).map_err(|error| {
            rejection("invalid_utf8", format!("the payload is not UTF-8: {error}"))
        })?;
        let value: T = json::from_str(text)?;
        json::to_string(&value, self.protocol)
            .map(String::into_bytes)
            .map_err(|error| rejection("unwritable", error.to_string()))
    }
}

fn rejection(code: &'static str, message: String) -> Rejection {
    Rejection {
        stage: Stage::Parse,
        errors: vec![Problem {
            path: "$".to_owned(),
            code,
            message,
        }],
    }
}
