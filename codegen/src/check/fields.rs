//! Fields: their Rust names, types and optionality, the keys that only fit some types, and collisions among a
//! struct's own and inherited fields.

use super::Checker;
use crate::diagnostic::Pos;
use crate::load::schema::{
    EnumLiteral, FieldDecl, Spanned, StructDecl, TypeBody, TypeDecl, TypeExpr,
};
use crate::model::*;
use crate::names::{self, Case};

impl Checker<'_> {
    pub(super) fn field(&mut self, owner: TypeId, decl: &FieldDecl) -> Option<Field> {
        let ty = self.field_type(&decl.ty);
        let explicit = decl.rust_name.as_ref();
        let rust_name = match names::rust_name(
            &decl.name.value,
            explicit.map(|n| n.value.as_str()),
            Case::Field,
        ) {
            Ok(name) => Some(name),
            Err(problem) => {
                self.diags.error_with_hint(
                    explicit.map_or(decl.name.pos, |n| n.pos),
                    problem.0,
                    "give the field a `rust_name`",
                );
                None
            }
        };
        let ty = ty?;
        self.field_rules(decl, &ty);
        let delimiter = decl
            .delimiter
            .as_ref()
            .and_then(|delimiter| self.delimiter(decl, delimiter, &ty));
        let default = decl
            .default
            .as_ref()
            .filter(|default| self.default_fits(decl, default, &ty))
            .map(|default| default.value.clone());
        let optional = !decl.required
            && decl
                .nullable
                .unwrap_or_else(|| self.nullable_by_default(&ty));
        Some(Field {
            wire_name: decl.name.value.clone(),
            rust_name: rust_name?,
            ty,
            optional,
            boxed: false,
            required: decl.required,
            min_len: decl.min_len.as_ref().map(|l| l.value),
            max_len: decl.max_len.as_ref().map(|l| l.value),
            min: decl.min.as_ref().map(|b| b.value),
            max: decl.max.as_ref().map(|b| b.value),
            pattern: decl.pattern.as_ref().map(|p| p.value.clone()),
            format: decl.format.as_ref().map(|f| f.value),
            delimiter,
            default,
            encryption: decl.encryption,
            sensitive: decl.sensitive || decl.encryption.is_some(),
            doc: decl.doc.clone(),
            note: decl.note.clone(),
            declared_by: owner,
            inherited: 0,
            pos: decl.name.pos,
        })
    }

    /// Web API writes CLR value types (numbers, bools, Guids, dates, enums) even when unset; TOP omits anything.
    fn nullable_by_default(&self, ty: &FieldType) -> bool {
        match (self.protocol(), ty) {
            (Some(Protocol::Top) | None, _) => true,
            (Some(Protocol::WebApi), FieldType::Scalar(scalar)) => !scalar.is_clr_value_type(),
            (Some(Protocol::WebApi), FieldType::Named(id)) => {
                !matches!(self.schema.types[*id].body, TypeBody::Enum(_))
            }
            (Some(Protocol::WebApi), FieldType::List(_)) => true,
        }
    }

    fn field_type(&mut self, expr: &Spanned<TypeExpr>) -> Option<FieldType> {
        fn convert(checker: &mut Checker<'_>, expr: &TypeExpr, pos: Pos) -> Option<FieldType> {
            Some(match expr {
                TypeExpr::Scalar(scalar) => FieldType::Scalar(*scalar),
                TypeExpr::List(item) => FieldType::List(Box::new(convert(checker, item, pos)?)),
                TypeExpr::Named(name) => {
                    let name = Spanned {
                        value: name.clone(),
                        pos,
                    };
                    let id = checker.resolve(&name, "type", true, None)?;
                    if let TypeBody::Struct(StructDecl {
                        is_abstract: true, ..
                    }) = checker.schema.types[id].body
                    {
                        checker.diags.error_with_hint(
                            pos,
                            format!(
                                "type `{}` is abstract and cannot be a field's type",
                                name.value
                            ),
                            "abstract types exist only as a `base`",
                        );
                        return None;
                    }
                    FieldType::Named(id)
                }
            })
        }
        convert(self, &expr.value, expr.pos)
    }

    /// Keys that only make sense for some types.
    fn field_rules(&mut self, decl: &FieldDecl, ty: &FieldType) {
        let is_text = matches!(ty, FieldType::Scalar(Scalar::String | Scalar::Fen));
        let is_list = matches!(ty, FieldType::List(_));
        if decl.encryption.is_some() && !matches!(ty, FieldType::Scalar(Scalar::String)) {
            self.diags.error_with_hint(
                decl.ty.pos,
                format!("field `{}` is SM4-encrypted but is not a string", decl.name.value),
                "SM4 ciphertext travels as text: give the field `type: string` and note the plain text's form",
            );
        }
        for limit in [&decl.min_len, &decl.max_len].into_iter().flatten() {
            if !is_text && !is_list {
                self.diags.error_with_hint(
                    limit.pos,
                    format!(
                        "field `{}` has a length limit but is not a string or a list",
                        decl.name.value
                    ),
                    "remove the limit, or give the field a string type",
                );
            }
        }
        let number = match ty {
            FieldType::Scalar(scalar @ (Scalar::Int32 | Scalar::Int64)) => Some((*scalar, true)),
            FieldType::Scalar(scalar @ (Scalar::Double | Scalar::Decimal)) => {
                Some((*scalar, false))
            }
            _ => None,
        };
        for bound in [&decl.min, &decl.max].into_iter().flatten() {
            match number {
                None => self.diags.error_with_hint(
                    bound.pos,
                    format!(
                        "field `{}` has a numeric bound but is not a number",
                        decl.name.value
                    ),
                    "`min` and `max` bound int32, int64, double and decimal fields; a string's length is `min_len`/`max_len`",
                ),
                Some((scalar, true)) if matches!(bound.value, Bound::Float(_)) => {
                    self.diags.error(
                        bound.pos,
                        format!(
                            "field `{}` is {}, so its bounds must be whole numbers",
                            decl.name.value,
                            Scalar::ALL
                                .iter()
                                .find(|(_, s)| *s == scalar)
                                .map_or("", |(name, _)| name)
                        ),
                    )
                }
                Some(_) => {}
            }
        }
        if let Some(pattern) = &decl.pattern
            && !is_text
        {
            self.diags.error(
                pattern.pos,
                format!(
                    "field `{}` has a `pattern` but is not a string",
                    decl.name.value
                ),
            );
        }
        if let Some(format) = &decl.format
            && *ty != FieldType::Scalar(Scalar::String)
        {
            self.diags.error_with_hint(
                format.pos,
                format!(
                    "field `{}` has a `format` but is not a `string`",
                    decl.name.value
                ),
                "`format` describes text; a typed scalar such as `date` already has one",
            );
        }
    }

    /// A default is one value of the field's type, within its bounds; a problem is reported and `false` returned.
    fn default_fits(
        &mut self,
        decl: &FieldDecl,
        default: &Spanned<DefaultValue>,
        ty: &FieldType,
    ) -> bool {
        let name = &decl.name.value;
        let fits = match (ty, &default.value) {
            (FieldType::Scalar(Scalar::Int32), DefaultValue::Int(n)) => i32::try_from(*n).is_ok(),
            (FieldType::Scalar(Scalar::Int64), DefaultValue::Int(_))
            | (
                FieldType::Scalar(Scalar::Double | Scalar::Decimal),
                DefaultValue::Int(_) | DefaultValue::Float(_),
            )
            | (FieldType::Scalar(Scalar::Bool), DefaultValue::Bool(_)) => true,
            (FieldType::Scalar(scalar), DefaultValue::Str(_)) => !matches!(
                scalar,
                Scalar::Int32 | Scalar::Int64 | Scalar::Double | Scalar::Decimal | Scalar::Bool
            ),
            (FieldType::Named(id), value) => match &self.schema.types[*id].body {
                TypeBody::Enum(body) => body.values.value.iter().any(|v| {
                    matches!(
                        (&v.value.value, value),
                        (EnumLiteral::Int(a), DefaultValue::Int(b)) if a == b
                    ) || matches!(
                        (&v.value.value, value),
                        (EnumLiteral::Str(a), DefaultValue::Str(b)) if a == b
                    )
                }),
                TypeBody::Struct(_) => false,
            },
            _ => false,
        };
        if !fits {
            self.diags.error_with_hint(
                default.pos,
                format!(
                    "the `default` of field `{name}`, {}, is not a value of its type `{}`",
                    default.value,
                    type_text(&decl.ty.value)
                ),
                "a default is one value of the field's type: a number for a number, `true` or `false`, quoted \
                 text for the text scalars, a value the enum lists; lists and structs have none",
            );
            return false;
        }
        let number = match default.value {
            DefaultValue::Int(n) => Some(n as f64),
            DefaultValue::Float(x) => Some(x),
            DefaultValue::Str(_) | DefaultValue::Bool(_) => None,
        };
        let outside = number.and_then(|number| {
            [
                (
                    "min",
                    decl.min.as_ref().filter(|min| number < min.value.as_f64()),
                ),
                (
                    "max",
                    decl.max.as_ref().filter(|max| number > max.value.as_f64()),
                ),
            ]
            .into_iter()
            .find_map(|(key, bound)| Some((key, bound?)))
        });
        if let Some((key, bound)) = outside {
            let bound = match bound.value {
                Bound::Int(n) => n.to_string(),
                Bound::Float(x) => x.to_string(),
            };
            self.diags.error_with_hint(
                default.pos,
                format!(
                    "the `default` of field `{name}`, {}, is outside its bounds",
                    default.value
                ),
                format!("its `{key}` is {bound}: correct the one the document misstates"),
            );
            return false;
        }
        true
    }

    /// A delimited list: one character that is not white space (white space around items is dropped), between
    /// scalars with one text form, and no length limit, which the document states on the string and validation
    /// would count in items.
    fn delimiter(
        &mut self,
        decl: &FieldDecl,
        delimiter: &Spanned<String>,
        ty: &FieldType,
    ) -> Option<char> {
        let name = &decl.name.value;
        let mut chars = delimiter.value.chars();
        let character = match (chars.next(), chars.next()) {
            (Some(character), None) if !character.is_whitespace() => Some(character),
            _ => {
                self.diags.error_with_hint(
                    delimiter.pos,
                    format!(
                        "the `delimiter` of field `{name}` is {:?}, not one character",
                        delimiter.value
                    ),
                    "give the one character between items, e.g. `delimiter: \",\"`; white space around items is \
                     dropped, so it cannot be the delimiter",
                );
                None
            }
        };
        let item = match ty {
            FieldType::List(item) => item.as_ref(),
            _ => {
                self.diags.error_with_hint(
                    delimiter.pos,
                    format!("field `{name}` has a `delimiter` but is not a list"),
                    "a delimited field is a `list<T>` of scalars that the document carries in one string",
                );
                return None;
            }
        };
        if !matches!(item, FieldType::Scalar(scalar) if scalar.has_one_text_form()) {
            let words: Vec<&str> = Scalar::ALL
                .iter()
                .filter(|(_, scalar)| scalar.has_one_text_form())
                .map(|(word, _)| *word)
                .collect();
            self.diags.error_with_hint(
                delimiter.pos,
                format!(
                    "field `{name}` has a `delimiter`, but its items have no single text form to join"
                ),
                format!(
                    "a delimited list holds one of: {}",
                    words.join(", ")
                ),
            );
            return None;
        }
        if let Some(limit) = decl.min_len.as_ref().or(decl.max_len.as_ref()) {
            self.diags.error_with_hint(
                limit.pos,
                format!("field `{name}` has a `delimiter` and a length limit"),
                "the document's limit is on the joined string, which validation does not measure: move it to a \
                 `note:`",
            );
        }
        character
    }

    /// Two fields may share neither a wire name nor a Rust name, inherited ones included.
    /// A field that repeats an inherited one is reported at the type's own field, not in the base.
    pub(super) fn field_collisions(&mut self, owner: TypeId, decl: &TypeDecl, fields: &[Field]) {
        for (i, field) in fields.iter().enumerate() {
            for earlier in &fields[..i] {
                let at = if field.declared_by != owner && earlier.declared_by == owner {
                    earlier.pos
                } else {
                    field.pos
                };
                let inherited = if earlier.declared_by == field.declared_by {
                    ""
                } else {
                    " (one of them inherited from a base)"
                };
                if earlier.wire_name == field.wire_name {
                    self.diags.error_with_hint(
                        at,
                        format!(
                            "field `{}` is declared twice in `{}`{inherited}",
                            field.wire_name, decl.name.value
                        ),
                        "remove one of them",
                    );
                } else if earlier.rust_name.bare() == field.rust_name.bare() {
                    self.diags.error_with_hint(
                        at,
                        format!(
                            "fields `{}` and `{}` of `{}` both become the Rust field `{}`{inherited}",
                            earlier.wire_name,
                            field.wire_name,
                            decl.name.value,
                            field.rust_name.bare()
                        ),
                        "give one of them a `rust_name`",
                    );
                }
            }
        }
    }
}

/// A type expression as the schema writes it: `int32`, `Status`, `list<string>`.
fn type_text(expr: &TypeExpr) -> String {
    match expr {
        TypeExpr::Scalar(scalar) => Scalar::ALL
            .iter()
            .find(|(_, s)| s == scalar)
            .map_or_else(String::new, |(name, _)| (*name).to_owned()),
        TypeExpr::Named(name) => name.clone(),
        TypeExpr::List(item) => format!("list<{}>", type_text(item)),
    }
}
