//! Examples: the type is concrete, each sample is in a format the provider speaks, JSON samples parse.

use super::Checker;
use crate::model::*;

impl Checker<'_> {
    pub(super) fn examples(&mut self, types: &[Option<Type>]) -> Vec<Example> {
        let schema = self.schema;
        let provider = schema.provider.as_ref();
        let mut examples = Vec::new();
        for decl in &schema.examples {
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
            if let Some(ty) = id {
                examples.push(Example {
                    ty,
                    source: decl.source.clone(),
                    samples: decl
                        .samples
                        .iter()
                        .map(|(format, text)| (*format, text.value.clone()))
                        .collect(),
                    breaks: decl.breaks.iter().map(|code| code.value.clone()).collect(),
                });
            }
        }
        examples
    }
}

/// serde_json's message without its own " at line L column C" tail.
fn json_reason(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}
