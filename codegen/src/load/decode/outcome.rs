//! An operation's `outcome:`, the reading of a response that tells success from the provider's failure.

use super::Decoder;
use crate::load::language::{self, SUCCESS_WHEN};
use crate::load::schema::{Literal, OutcomeDecl, Spanned, SuccessDecl};
use crate::load::yaml::{Node, Value};

impl Decoder<'_> {
    pub(super) fn outcome(&mut self, node: &Node) -> Option<OutcomeDecl> {
        let mut m = self.mapping(node, &language::OUTCOME)?;
        let field = self.name(&mut m, "field");
        let success = match (m.take("success"), m.take("success_when")) {
            (Some(node), None) => self.success(node),
            (None, Some(node)) => self
                .choice(node, &SUCCESS_WHEN, "`success_when`")
                .map(|word| Spanned {
                    value: SuccessDecl::Absent,
                    pos: word.pos,
                }),
            (Some(_), Some(node)) => {
                self.diags.error_with_hint(
                    node.pos,
                    "an outcome has either `success` or `success_when`, not both",
                    "`success` gives the values of a successful call, `success_when: absent` says it has none",
                );
                None
            }
            (None, None) => {
                self.diags.error_with_hint(
                    m.pos,
                    "missing key `success` in `outcome`",
                    "give the value `field` holds when the call succeeded, e.g. `success: 0`, the values, \
                     e.g. `success: [0, 200]`, or `success_when: absent`",
                );
                None
            }
        };
        let code = self.optional_spanned(&mut m, "code");
        let message = self.optional_spanned(&mut m, "message");
        let note = self.optional_string(&mut m, "note");
        self.finish(m);
        Some(OutcomeDecl {
            field: field?,
            success: success?,
            code,
            message,
            note,
        })
    }

    /// `success: 0`, or `success: [0, 200]`: at least one value, none twice.
    fn success(&mut self, node: &Node) -> Option<Spanned<SuccessDecl>> {
        let value = match &node.value {
            Value::Seq(items) => {
                if items.is_empty() {
                    self.diags.error_with_hint(
                        node.pos,
                        "`success` lists no values, so no call could succeed",
                        "list the values that mean success, e.g. `success: [0, 200]`",
                    );
                    return None;
                }
                let mut values: Vec<Spanned<Literal>> = Vec::with_capacity(items.len());
                for item in items {
                    let Some(value) = self.success_value(item, "an integer, a string or a boolean")
                    else {
                        continue;
                    };
                    if let Some(first) = values.iter().find(|v| v.value == value.value) {
                        self.diags.error_with_hint(
                            value.pos,
                            format!("`success` lists {} twice", value.value),
                            format!("the first is at line {}; keep one", first.pos.line),
                        );
                        continue;
                    }
                    values.push(value);
                }
                if values.len() < items.len() {
                    return None;
                }
                SuccessDecl::OneOf(values)
            }
            _ => SuccessDecl::Equals(
                self.success_value(node, "an integer, a string, a boolean or a list of them")?,
            ),
        };
        Some(Spanned {
            value,
            pos: node.pos,
        })
    }

    fn success_value(&mut self, node: &Node, expected: &str) -> Option<Spanned<Literal>> {
        let value = match &node.value {
            Value::Int(n) => Literal::Int(*n),
            Value::Str(s) => Literal::Str(s.clone()),
            Value::Bool(b) => Literal::Bool(*b),
            _ => {
                self.expected(node, expected, "`success`");
                return None;
            }
        };
        Some(Spanned {
            value,
            pos: node.pos,
        })
    }
}
