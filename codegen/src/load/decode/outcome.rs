//! An operation's `outcome:`, the reading of a response that tells success from the provider's failure.

use super::Decoder;
use crate::load::language;
use crate::load::schema::{Literal, OutcomeDecl, Spanned};
use crate::load::yaml::{Node, Value};

impl Decoder<'_> {
    pub(super) fn outcome(&mut self, node: &Node) -> Option<OutcomeDecl> {
        let mut m = self.mapping(node, &language::OUTCOME)?;
        let field = self.name(&mut m, "field");
        let success = match m.take("success") {
            Some(node) => self.success(node),
            None => {
                self.diags.error_with_hint(
                    m.pos,
                    "missing key `success` in `outcome`",
                    "give the value `field` holds when the call succeeded, e.g. `success: 0`",
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

    fn success(&mut self, node: &Node) -> Option<Spanned<Literal>> {
        let value = match &node.value {
            Value::Int(n) => Literal::Int(*n),
            Value::Str(s) => Literal::Str(s.clone()),
            Value::Bool(b) => Literal::Bool(*b),
            _ => {
                self.expected(node, "an integer, a string or a boolean", "`success`");
                return None;
            }
        };
        Some(Spanned {
            value,
            pos: node.pos,
        })
    }
}
