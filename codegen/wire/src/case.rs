//! The names serde and TOP's Java SDK make from a snake_case name. The derives must name a field exactly as
//! serde's own derive does (its XML member, its validation path and its SM4 error all use the JSON name), and the
//! generator must predict that name to decide whether one `rename_all` serves a struct; both apply these rules.
//!
//! The generator's Rust names (`UpperCamelCase` types, `snake_case` fields made from wire names) are heck's
//! conversions, not these: they are the generator's own choice and no other part repeats them.

/// serde's `rename_all` rules, applied to a snake_case field name as serde applies them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenameRule {
    /// `lowercase`, `snake_case`: the name as it is.
    Lower,
    /// `UPPERCASE`.
    Upper,
    /// `PascalCase`.
    Pascal,
    /// `camelCase`.
    Camel,
    /// `SCREAMING_SNAKE_CASE`.
    ScreamingSnake,
    /// `kebab-case`.
    Kebab,
    /// `SCREAMING-KEBAB-CASE`.
    ScreamingKebab,
}

impl RenameRule {
    /// The rule serde spells `rule` in `#[serde(rename_all = "...")]`, if this crate knows it.
    pub fn from_name(rule: &str) -> Option<RenameRule> {
        Some(match rule {
            "lowercase" | "snake_case" => RenameRule::Lower,
            "UPPERCASE" => RenameRule::Upper,
            "PascalCase" => RenameRule::Pascal,
            "camelCase" => RenameRule::Camel,
            "SCREAMING_SNAKE_CASE" => RenameRule::ScreamingSnake,
            "kebab-case" => RenameRule::Kebab,
            "SCREAMING-KEBAB-CASE" => RenameRule::ScreamingKebab,
            _ => return None,
        })
    }

    /// The wire name serde gives the snake_case `field` under this rule.
    pub fn apply(self, field: &str) -> String {
        match self {
            RenameRule::Lower => field.to_owned(),
            RenameRule::Upper | RenameRule::ScreamingSnake => field.to_ascii_uppercase(),
            RenameRule::Pascal => capitalize_after_underscores(field, true),
            RenameRule::Camel => capitalize_after_underscores(field, false),
            RenameRule::Kebab => field.replace('_', "-"),
            RenameRule::ScreamingKebab => field.replace('_', "-").to_ascii_uppercase(),
        }
    }
}

/// The Java property name TOP's `StringUtils.toUnderlineStyle` turns into `wire`: `param_agent_confirm_return_r_q`
/// comes from `paramAgentConfirmReturnRQ`. The official SDK writes object parameters sorted by this name.
pub fn java_property_name(wire: &str) -> String {
    capitalize_after_underscores(wire, false)
}

/// Drops each `_` and upper-cases the character after it (and the first one when `first` is set).
fn capitalize_after_underscores(name: &str, first: bool) -> String {
    let mut out = String::with_capacity(name.len());
    let mut capitalize = first;
    for ch in name.chars() {
        if ch == '_' {
            capitalize = true;
        } else if capitalize {
            out.push(ch.to_ascii_uppercase());
            capitalize = false;
        } else {
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rename_all_rules_as_serde_applies_them() {
        let cases = [
            ("lowercase", "refund_expands"),
            ("snake_case", "refund_expands"),
            ("UPPERCASE", "REFUND_EXPANDS"),
            ("PascalCase", "RefundExpands"),
            ("camelCase", "refundExpands"),
            ("SCREAMING_SNAKE_CASE", "REFUND_EXPANDS"),
            ("kebab-case", "refund-expands"),
            ("SCREAMING-KEBAB-CASE", "REFUND-EXPANDS"),
        ];
        for (rule, expected) in cases {
            let parsed = RenameRule::from_name(rule).unwrap_or_else(|| panic!("{rule}"));
            assert_eq!(parsed.apply("refund_expands"), expected, "{rule}");
        }
        assert_eq!(RenameRule::from_name("Pascal"), None);
    }

    #[test]
    fn pascal_case_matches_speedpower_names() {
        assert_eq!(RenameRule::Pascal.apply("order_id"), "OrderId");
    }

    #[test]
    fn java_names_invert_top_underline_style() {
        assert_eq!(
            java_property_name("param_agent_confirm_return_r_q"),
            "paramAgentConfirmReturnRQ"
        );
        assert_eq!(java_property_name("arrive_time"), "arriveTime");
    }
}
