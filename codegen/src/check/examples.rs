//! Examples: the type is concrete, or TOP's `error_response` envelope; each sample is in a format the provider
//! speaks, JSON samples parse, and a TOP provider's XML samples are responses.

use codegen_wire::top::ERROR_RESPONSE;

use super::{Checker, error_response};
use crate::load::schema::ExampleDecl;
use crate::model::*;

impl Checker<'_> {
    /// The examples of the schema's types, and the samples of TOP's `error_response` envelope.
    pub(super) fn examples(&mut self, types: &[Option<Type>]) -> (Vec<Example>, Vec<ErrorExample>) {
        let mut examples = Vec::new();
        let mut error_examples = Vec::new();
        for decl in &self.schema.examples {
            self.samples(decl);
            // A Web API schema may declare a type of that name; in a TOP schema the name is the envelope's.
            let envelope = decl.ty.value == ERROR_RESPONSE
                && (self.protocol() == Some(Protocol::Top)
                    || !self.index.contains_key(ERROR_RESPONSE));
            if envelope {
                error_examples.extend(self.error_example(decl));
                continue;
            }
            let id = self.resolve(&decl.ty, "example type", false, None);
            if let Some(id) = id
                && types[id]
                    .as_ref()
                    .is_some_and(|t| matches!(&t.kind, TypeKind::Struct(s) if s.is_abstract))
            {
                self.diags.error(
                    decl.ty.pos,
                    format!(
                        "example type `{}` is abstract; nothing is ever sent as it",
                        decl.ty.value
                    ),
                );
            }
            self.top_xml_answers_a_call(decl);
            if let Some(ty) = id {
                examples.push(Example {
                    ty,
                    source: decl.source.clone(),
                    samples: samples_of(decl),
                    breaks: decl.breaks.iter().map(|code| code.value.clone()).collect(),
                });
            }
        }
        (examples, error_examples)
    }

    /// An example of `error_response`: TOP's own name for its error envelope, which only a TOP provider has.
    fn error_example(&mut self, decl: &ExampleDecl) -> Option<ErrorExample> {
        match self.protocol()? {
            Protocol::Top => {
                if self.schema.operations.is_empty() {
                    self.diags.error_with_hint(
                        decl.ty.pos,
                        "an `error_response` sample answers a call, and this provider has no operations",
                        "declare the operation the document shows it for",
                    );
                }
                if let Some(code) = decl.breaks.first() {
                    self.diags.error_with_hint(
                        code.pos,
                        "an `error_response` sample is read as the platform's error, never validated",
                        "remove `breaks`",
                    );
                }
                let mut samples = Vec::new();
                for (format, text) in &decl.samples {
                    let not_json = *format == Format::Json
                        && serde_json::from_str::<serde::de::IgnoredAny>(&text.value).is_err();
                    if not_json {
                        continue; // already reported
                    }
                    match error_response::members(*format, &text.value) {
                        Ok(members) => samples.push(ErrorSample {
                            format: *format,
                            text: text.value.clone(),
                            members,
                        }),
                        Err(reason) => self.diags.error_with_hint(
                            text.pos,
                            format!("this sample is not TOP's `error_response` envelope: {reason}"),
                            "an `error_response` example is the platform's answer to a failed call, verbatim",
                        ),
                    }
                }
                Some(ErrorExample {
                    source: decl.source.clone(),
                    samples,
                })
            }
            Protocol::WebApi => {
                self.diags.error_with_hint(
                    decl.ty.pos,
                    "`error_response` is the Taobao Open Platform's error envelope; a `webapi` provider has none",
                    "name the type of the sample, declared under `types:`",
                );
                None
            }
        }
    }

    /// TOP writes XML only as the answer to a call, so an XML sample of a TOP provider is some operation's
    /// response: its test reads it as the client reads that operation's answer.
    fn top_xml_answers_a_call(&mut self, decl: &ExampleDecl) {
        if self.protocol() != Some(Protocol::Top) {
            return;
        }
        let answers = self
            .schema
            .operations
            .iter()
            .any(|operation| operation.response.value == decl.ty.value);
        for (format, text) in &decl.samples {
            if *format == Format::Xml && !answers {
                self.diags.error_with_hint(
                    text.pos,
                    format!(
                        "an XML sample of `{}`, which no operation answers with: TOP writes XML only as a response",
                        decl.ty.value
                    ),
                    "name the operation's `response` type, or declare the operation the document shows it for",
                );
            }
        }
    }

    /// Each sample is in a format the provider speaks, and a JSON sample is JSON.
    fn samples(&mut self, decl: &ExampleDecl) {
        let provider = self.schema.provider.as_ref();
        for (format, text) in &decl.samples {
            if let Some(provider) = provider
                && !provider.formats.iter().any(|f| f.value == *format)
            {
                self.diags.error_with_hint(
                    text.pos,
                    format!(
                        "this example is in {}, which provider `{}` does not speak",
                        format.name(),
                        provider.id.value
                    ),
                    "add the format to `provider.formats`, or remove the sample",
                );
            }
            if *format == Format::Json
                && let Err(error) = serde_json::from_str::<serde::de::IgnoredAny>(&text.value)
            {
                self.diags.error_with_hint(
                    text.pos,
                    format!(
                        "the JSON sample is not valid JSON: {} (line {}, column {} of the sample)",
                        json_reason(&error),
                        error.line(),
                        error.column()
                    ),
                    "samples are kept verbatim; copy it again from the document",
                );
            }
        }
    }
}

fn samples_of(decl: &ExampleDecl) -> Vec<(Format, String)> {
    decl.samples
        .iter()
        .map(|(format, text)| (*format, text.value.clone()))
        .collect()
}

/// serde_json's message without its own " at line L column C" tail.
fn json_reason(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}
