//! DataContractSerializer's rules that more than one part of the project applies: the `DataContract` derive
//! writes members in this order, and `codegen diff` reports a schema change that moves them. A proc-macro crate
//! can export only macros, so the rule lives here, where both can call it.

use std::cmp::Ordering;

/// What DataContractSerializer orders a data member by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MemberKey<'a> {
    /// How many levels up the hierarchy the declaring type is: 0 for the type itself.
    pub inherited: u32,
    /// `[DataMember(Order = n)]`, if the member has one.
    pub order: Option<u32>,
    /// The member's name on the wire.
    pub name: &'a str,
}

/// The order members are written in (docs/wire-formats.md, DataContract member order): the members of the furthest base
/// type first, then each level down; within a level, members without an `Order` first, then by `Order`, then by the
/// ordinal (UTF-16 code unit) order of their names, which is not the order of their UTF-8 bytes once a name leaves the
/// Basic Multilingual Plane.
pub fn member_order(a: MemberKey<'_>, b: MemberKey<'_>) -> Ordering {
    b.inherited
        .cmp(&a.inherited)
        .then_with(|| match (a.order, b.order) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Less,
            (Some(_), None) => Ordering::Greater,
            (Some(a), Some(b)) => a.cmp(&b),
        })
        .then_with(|| a.name.encode_utf16().cmp(b.name.encode_utf16()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(members: &[(u32, Option<u32>, &'static str)]) -> Vec<&'static str> {
        let mut keys: Vec<MemberKey<'static>> = members
            .iter()
            .map(|&(inherited, order, name)| MemberKey {
                inherited,
                order,
                name,
            })
            .collect();
        keys.sort_by(|a, b| member_order(*a, *b));
        keys.into_iter().map(|key| key.name).collect()
    }

    #[test]
    fn bases_come_first_then_names_in_ordinal_order() {
        assert_eq!(
            sorted(&[
                (0, None, "b"),
                (1, None, "z"),
                (0, None, "B"),
                (2, None, "y")
            ]),
            ["y", "z", "B", "b"]
        );
    }

    #[test]
    fn members_without_an_order_come_before_ordered_ones() {
        assert_eq!(
            sorted(&[(0, Some(2), "a"), (0, None, "z"), (0, Some(1), "b")]),
            ["z", "b", "a"]
        );
    }

    /// U+FF21 (one UTF-16 unit, EF BC A1 in UTF-8) sorts after U+1D400 (a surrogate pair D835 DC00, F0 9D 90 80 in
    /// UTF-8) in UTF-16 order, and before it in byte order.
    #[test]
    fn names_compare_by_utf16_code_units_not_bytes() {
        assert_eq!(sorted(&[(0, None, "Ａ"), (0, None, "𝐀")]), ["𝐀", "Ａ"]);
    }
}
