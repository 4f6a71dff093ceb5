//! Enums: each value fits the `repr`, has a Rust variant name, and appears once.

use super::Checker;
use crate::load::schema::{EnumDecl, EnumLiteral, TypeDecl};
use crate::model::*;
use crate::names::{self, Case};

impl Checker<'_> {
    pub(super) fn enumeration(&mut self, decl: &TypeDecl, body: &EnumDecl) -> Option<Enum> {
        let repr = body.repr.value;
        let mut values: Vec<EnumValue> = Vec::new();
        let mut ok = !body.values.value.is_empty();
        for value in &body.values.value {
            let literal_fits = match (&value.value.value, repr) {
                (EnumLiteral::Int(i), Repr::Int32) => i32::try_from(*i).is_ok(),
                (EnumLiteral::Int(_), Repr::Int64) => true,
                (EnumLiteral::Str(_), Repr::String) => true,
                _ => false,
            };
            if !literal_fits {
                let expected = match repr {
                    Repr::Int32 => "an integer that fits in 32 bits",
                    Repr::Int64 => "an integer",
                    Repr::String => "a string (quote it: value: \"0\")",
                };
                self.diags.error(
                    value.value.pos,
                    format!(
                        "enum `{}` has `repr: {}`, so this value must be {expected}",
                        decl.name.value,
                        repr.name()
                    ),
                );
                ok = false;
            }
            let source = match (&value.name, &value.value.value) {
                (Some(name), _) => name.value.clone(),
                (None, EnumLiteral::Str(text)) => text.clone(),
                (None, EnumLiteral::Int(i)) if *i < 0 => format!("Minus{}", i.unsigned_abs()),
                (None, EnumLiteral::Int(i)) => format!("Value{i}"),
            };
            let explicit = value.rust_name.as_ref();
            let pos = explicit
                .map(|n| n.pos)
                .or(value.name.as_ref().map(|n| n.pos))
                .unwrap_or(value.value.pos);
            let rust_name =
                match names::rust_name(&source, explicit.map(|n| n.value.as_str()), Case::Type) {
                    Ok(name) if name.bare() == "Other" => {
                        self.diags.error_with_hint(
                            pos,
                            "the variant `Other` is reserved for values the schema does not list",
                            "give this value another `rust_name`",
                        );
                        None
                    }
                    Ok(name) => Some(name),
                    Err(problem) => {
                        self.diags.error_with_hint(
                            pos,
                            problem.0,
                            "give the value a `name` or `rust_name`",
                        );
                        None
                    }
                };
            let Some(rust_name) = rust_name else {
                ok = false;
                continue;
            };
            if let Some(dup) = values.iter().find(|v| v.value == value.value.value) {
                let shown = match &value.value.value {
                    EnumLiteral::Int(i) => i.to_string(),
                    EnumLiteral::Str(text) => format!("{text:?}"),
                };
                self.diags.error(
                    value.value.pos,
                    format!(
                        "enum `{}` lists the value {shown} twice (first as `{}`)",
                        decl.name.value,
                        dup.rust_name.bare()
                    ),
                );
                ok = false;
            } else if let Some(name) = &value.name
                && values
                    .iter()
                    .any(|v| v.name.as_deref() == Some(name.value.as_str()))
            {
                self.diags.error(
                    name.pos,
                    format!(
                        "enum `{}` uses the member name `{}` twice",
                        decl.name.value, name.value
                    ),
                );
                ok = false;
            } else if values
                .iter()
                .any(|v| v.rust_name.bare() == rust_name.bare())
            {
                self.diags.error_with_hint(
                    pos,
                    format!(
                        "two values of enum `{}` both become the variant `{}`",
                        decl.name.value,
                        rust_name.bare()
                    ),
                    "give one of them a `rust_name`",
                );
                ok = false;
            }
            values.push(EnumValue {
                value: value.value.value.clone(),
                name: value.name.as_ref().map(|n| n.value.clone()),
                rust_name,
                doc: value.doc.clone(),
                note: value.note.clone(),
            });
        }
        ok.then_some(Enum {
            repr,
            open: body.open,
            values,
        })
    }
}
