//! The validation keys: numeric bounds of a field, a struct's cross-field `rules`, an example's `breaks`.

use super::{Decoder, Entries};
use crate::load::language;
use crate::load::schema::{Bound, Literal, RuleDecl, Spanned};
use crate::load::yaml::{Node, Value};

impl Decoder<'_> {
    /// A field's `min` and `max`, reporting a range that admits nothing.
    pub(super) fn bounds(
        &mut self,
        m: &mut Entries<'_>,
    ) -> (Option<Spanned<Bound>>, Option<Spanned<Bound>>) {
        let min = self.bound(m, "min");
        let max = self.bound(m, "max");
        if let (Some(low), Some(high)) = (&min, &max)
            && high.value.as_f64() < low.value.as_f64()
        {
            self.diags.error_with_hint(
                high.pos,
                format!("`max` {} is less than `min` {}", high.value, low.value),
                "swap them, or correct the one the document states",
            );
        }
        (min, max)
    }

    fn bound(&mut self, m: &mut Entries<'_>, key: &'static str) -> Option<Spanned<Bound>> {
        let node = m.take(key)?;
        let value = match node.value {
            Value::Int(n) => Bound::Int(n),
            Value::Float(x) if x.is_finite() => Bound::Float(x),
            _ => {
                self.expected(node, "a finite number", &format!("`{key}`"));
                return None;
            }
        };
        Some(Spanned {
            value,
            pos: node.pos,
        })
    }

    /// A struct's `rules:`, each a condition the document states with the provider's own code and message.
    pub(super) fn rules(&mut self, node: &Node) -> Vec<RuleDecl> {
        self.list(node, "`rules`")
            .iter()
            .filter_map(|item| self.rule(item))
            .collect()
    }

    fn rule(&mut self, node: &Node) -> Option<RuleDecl> {
        let mut m = self.mapping(node, &language::RULE)?;
        let when = match m.take("when") {
            Some(node) => self.when(node),
            None => {
                self.diags.error_with_hint(
                    m.pos,
                    "missing key `when` in a rule",
                    "say when the rule applies: `when: { field: <field>, equals: <value> }`",
                );
                None
            }
        };
        let require = self.name(&mut m, "require");
        let code = self.name(&mut m, "code");
        if let Some(code) = &code {
            self.code(code);
        }
        let message = self.name(&mut m, "message");
        let note = self.optional_string(&mut m, "note");
        let pos = m.pos;
        self.finish(m);
        let (when, equals) = when?;
        Some(RuleDecl {
            when,
            equals,
            require: require?,
            code: code?,
            message: message?.value,
            note,
            pos,
        })
    }

    fn when(&mut self, node: &Node) -> Option<(Spanned<String>, Spanned<Literal>)> {
        let mut m = self.mapping(node, &language::WHEN)?;
        let field = self.name(&mut m, "field");
        let equals = match m.take("equals") {
            Some(node) => self.literal(node),
            None => {
                self.missing(&m, "equals");
                None
            }
        };
        self.optional_string(&mut m, "note");
        self.finish(m);
        Some((field?, equals?))
    }

    fn literal(&mut self, node: &Node) -> Option<Spanned<Literal>> {
        let value = match &node.value {
            Value::Int(n) => Literal::Int(*n),
            Value::Str(s) => Literal::Str(s.clone()),
            Value::Bool(b) => Literal::Bool(*b),
            _ => {
                self.expected(node, "an integer, a string or a boolean", "`equals`");
                return None;
            }
        };
        Some(Spanned {
            value,
            pos: node.pos,
        })
    }

    /// An example's `breaks:`, the codes its sample is known to break.
    pub(super) fn breaks(&mut self, node: &Node) -> Vec<Spanned<String>> {
        let mut codes = Vec::new();
        for item in self.list(node, "`breaks`") {
            if let Some(code) = self.string(item, "a code in `breaks`") {
                self.code(&code);
                codes.push(code);
            }
        }
        codes
    }

    /// Codes are matched by programs, so they stay one word: a letter, then letters, digits, `_`, `.` or `-`.
    fn code(&mut self, code: &Spanned<String>) {
        let mut chars = code.value.chars();
        let well_formed = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
        if !well_formed {
            self.diags.error_with_hint(
                code.pos,
                format!("`{}` is not a code", code.value),
                "a code starts with a letter and holds only ASCII letters, digits, `_`, `.` and `-`, e.g. `PARAM_CHECK_LACK_TICKET_ID`",
            );
        }
    }
}
