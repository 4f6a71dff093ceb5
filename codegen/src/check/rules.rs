//! Cross-field rules (`rules:`): the fields they name exist, the literal can be a value of the field it is
//! compared with, and the field they require can be absent at all.

use super::Checker;
use crate::diagnostic::suggest;
use crate::load::schema::{EnumLiteral, Repr, RuleDecl, Spanned, StructDecl, TypeBody};
use crate::model::{Field, FieldType, Literal, Rule, Scalar, TypeId};

impl Checker<'_> {
    /// The rules of a struct and of its bases (`bases`, nearest first, as `structure` resolved them), all of whose
    /// fields the struct carries.
    ///
    /// A base's rules are checked, and their problems reported, where the base itself is checked; here they are
    /// only resolved against the fields inherited from it, so a mistake in a base is reported once, not once more
    /// for every struct derived from it.
    pub(super) fn rules(
        &mut self,
        body: &StructDecl,
        bases: &[TypeId],
        fields: &[Field],
    ) -> Vec<Rule> {
        let schema = self.schema;
        let own: Vec<Rule> = body
            .rules
            .iter()
            .filter_map(|decl| self.rule(decl, fields))
            .collect();
        let inherited = bases.iter().flat_map(|id| match &schema.types[*id].body {
            TypeBody::Struct(base) => base.rules.as_slice(),
            TypeBody::Enum(_) => &[],
        });
        own.into_iter()
            .chain(inherited.filter_map(|decl| resolve(decl, fields)))
            .collect()
    }

    /// Checks a struct's own rule, reporting every problem, and resolves it.
    fn rule(&mut self, decl: &RuleDecl, fields: &[Field]) -> Option<Rule> {
        let when = self.rule_field(&decl.when, fields);
        let require = self.rule_field(&decl.require, fields);
        if let Some(when) = when {
            self.literal_fits(when, &decl.equals, ("equals", "a rule"));
        }
        if let Some(require) = require
            && !can_be_absent(require)
        {
            self.diags.error_with_hint(
                decl.require.pos,
                format!(
                    "field `{}` is always present, so a rule cannot require it",
                    require.wire_name
                ),
                "a rule can require an optional field, a string or a list",
            );
        }
        resolve(decl, fields)
    }

    fn rule_field<'f>(&mut self, name: &Spanned<String>, fields: &'f [Field]) -> Option<&'f Field> {
        if let Some(field) = fields.iter().find(|f| f.wire_name == name.value) {
            return Some(field);
        }
        let hint = match suggest(&name.value, fields.iter().map(|f| f.wire_name.as_str())) {
            Some(close) => format!("did you mean `{close}`?"),
            None => "a rule names fields of its own struct by their wire names".to_owned(),
        };
        self.diags.error_with_hint(
            name.pos,
            format!("the struct has no field `{}`", name.value),
            hint,
        );
        None
    }

    /// A literal (`key` of `what`: `equals` of a rule, `success` of an outcome) must be something the field can
    /// hold; for an enum, one of its listed values.
    pub(super) fn literal_fits(
        &mut self,
        field: &Field,
        literal: &Spanned<Literal>,
        (key, what): (&str, &str),
    ) {
        let item = match &field.ty {
            FieldType::List(_) => None,
            other => Some(other),
        };
        let fits = match (item, &literal.value) {
            (Some(FieldType::Scalar(Scalar::Int32)), Literal::Int(n)) => i32::try_from(*n).is_ok(),
            (Some(FieldType::Scalar(Scalar::Int64)), Literal::Int(_)) => true,
            (Some(FieldType::Scalar(Scalar::String)), Literal::Str(_)) => true,
            (Some(FieldType::Scalar(Scalar::Bool)), Literal::Bool(_)) => true,
            (Some(FieldType::Named(id)), value) => match &self.schema.types[*id].body {
                TypeBody::Enum(body) => {
                    let wanted = match (body.repr.value, value) {
                        (Repr::Int32 | Repr::Int64, Literal::Int(n)) => EnumLiteral::Int(*n),
                        (Repr::String, Literal::Str(s)) => EnumLiteral::Str(s.clone()),
                        _ => return self.literal_mismatch(field, literal, (key, what)),
                    };
                    if !body.values.value.iter().any(|v| v.value.value == wanted) {
                        self.diags.error_with_hint(
                            literal.pos,
                            format!(
                                "`{key}` is not a value of enum `{}`, the type of field `{}`",
                                self.schema.types[*id].name.value, field.wire_name
                            ),
                            "compare with one of the values the enum lists",
                        );
                    }
                    true
                }
                TypeBody::Struct(_) => false,
            },
            _ => false,
        };
        if !fits {
            self.literal_mismatch(field, literal, (key, what));
        }
    }

    fn literal_mismatch(
        &mut self,
        field: &Field,
        literal: &Spanned<Literal>,
        (key, what): (&str, &str),
    ) {
        let found = match &literal.value {
            Literal::Int(_) => "an integer",
            Literal::Str(_) => "a string",
            Literal::Bool(_) => "a boolean",
        };
        self.diags.error_with_hint(
            literal.pos,
            format!(
                "`{key}` is {found}, which field `{}` cannot hold",
                field.wire_name
            ),
            format!(
                "{what} compares an integer, string, boolean or enum field with a value of its type"
            ),
        );
    }
}

/// The rule in model terms, when both fields it names are among `fields`.
fn resolve(decl: &RuleDecl, fields: &[Field]) -> Option<Rule> {
    let field = |name: &Spanned<String>| fields.iter().find(|f| f.wire_name == name.value);
    Some(Rule {
        when: field(&decl.when)?.rust_name.clone(),
        equals: decl.equals.value.clone(),
        require: field(&decl.require)?.rust_name.clone(),
        code: decl.code.value.clone(),
        message: decl.message.clone(),
        note: decl.note.clone(),
    })
}

/// Whether a value of the field can be missing: `None`, a blank string or an empty list.
fn can_be_absent(field: &Field) -> bool {
    field.optional
        || matches!(
            field.ty,
            FieldType::Scalar(Scalar::String | Scalar::Fen) | FieldType::List(_)
        )
}
