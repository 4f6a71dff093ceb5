//! An operation's `outcome:` names fields of its response type: the deciding field can hold the success values
//! (or, read for absence, can be absent), the code is a single value and the message is text.

use super::Checker;
use crate::diagnostic::suggest;
use crate::load::schema::{OutcomeDecl, Spanned, SuccessDecl, TypeBody};
use crate::model::{Field, FieldType, Outcome, Scalar, Success, Type, TypeKind};

impl Checker<'_> {
    /// The checked outcome; `None` when a problem was reported (or the response type itself has problems).
    pub(super) fn outcome(&mut self, decl: &OutcomeDecl, response: &Type) -> Option<Outcome> {
        let TypeKind::Struct(body) = &response.kind else {
            return None;
        };
        let fields = body.fields.as_slice();
        let field = self.outcome_field(&decl.field, response, fields);
        if let Some(field) = field {
            self.success_fits(field, decl);
        }
        let code = decl
            .code
            .as_ref()
            .map(|name| self.outcome_field(name, response, fields));
        if let Some(Some(code)) = code
            && !self.is_single_value(code)
        {
            self.diags.error_with_hint(
                decl.code.as_ref().map_or(decl.field.pos, |name| name.pos),
                format!(
                    "`code` names field `{}`, which is not a single value",
                    code.wire_name
                ),
                "the provider's code is a number, string, boolean or enum field",
            );
        }
        let message = decl
            .message
            .as_ref()
            .map(|name| self.outcome_field(name, response, fields));
        if let Some(Some(message)) = message
            && !matches!(message.ty, FieldType::Scalar(Scalar::String))
        {
            self.diags.error_with_hint(
                decl.message
                    .as_ref()
                    .map_or(decl.field.pos, |name| name.pos),
                format!(
                    "`message` names field `{}`, which is not a string",
                    message.wire_name
                ),
                "the provider's message is a string field",
            );
        }
        // A name that resolved to no field was reported; the outcome then has no use.
        let wire_name = |named: Option<Option<&Field>>| match named {
            Some(field) => field.map(|f| Some(f.wire_name.clone())),
            None => Some(None),
        };
        Some(Outcome {
            field: field?.wire_name.clone(),
            success: match &decl.success.value {
                SuccessDecl::Equals(value) => Success::Equals(value.value.clone()),
                SuccessDecl::OneOf(values) => {
                    Success::OneOf(values.iter().map(|v| v.value.clone()).collect())
                }
                SuccessDecl::Absent => Success::Absent,
            },
            code: wire_name(code)?,
            message: wire_name(message)?,
            note: decl.note.clone(),
        })
    }

    /// Each success value is one the field can hold; a field read for absence can be absent.
    fn success_fits(&mut self, field: &Field, decl: &OutcomeDecl) {
        match &decl.success.value {
            SuccessDecl::Equals(value) => {
                self.literal_fits(field, value, ("success", "an outcome"))
            }
            SuccessDecl::OneOf(values) => {
                for value in values {
                    self.literal_fits(field, value, ("success", "an outcome"));
                }
            }
            SuccessDecl::Absent if !field.optional => {
                let why = if field.required {
                    "it is required"
                } else {
                    "it is not nullable"
                };
                self.diags.error_with_hint(
                    decl.success.pos,
                    format!(
                        "`success_when: absent` reads field `{}`, which is never absent: {why}",
                        field.wire_name
                    ),
                    "read a field the document lets the provider leave out (not required, and nullable), or give \
                     the value of a successful call with `success`",
                );
            }
            SuccessDecl::Absent => {}
        }
    }

    /// A scalar or an enum: not a list, and not a struct.
    fn is_single_value(&self, field: &Field) -> bool {
        match &field.ty {
            FieldType::Scalar(_) => true,
            FieldType::List(_) => false,
            FieldType::Named(id) => matches!(self.schema.types[*id].body, TypeBody::Enum(_)),
        }
    }

    fn outcome_field<'f>(
        &mut self,
        name: &Spanned<String>,
        response: &Type,
        fields: &'f [Field],
    ) -> Option<&'f Field> {
        if let Some(field) = fields.iter().find(|f| f.wire_name == name.value) {
            return Some(field);
        }
        let hint = match suggest(&name.value, fields.iter().map(|f| f.wire_name.as_str())) {
            Some(close) => format!("did you mean `{close}`?"),
            None => "an outcome names fields of the operation's response type by their wire names"
                .to_owned(),
        };
        self.diags.error_with_hint(
            name.pos,
            format!(
                "the response type `{}` has no field `{}`",
                response.name, name.value
            ),
            hint,
        );
        None
    }
}
