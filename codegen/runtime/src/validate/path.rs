//! Where a value sits in a payload, kept as a chain of borrowed frames on the stack.
//!
//! Validation walks the whole value and almost never finds a problem, so a path is never built as text on the way
//! down: each level borrows its parent, and the text (`$.trains[0].seat_no`) is rendered only for a problem.

use std::fmt;

/// A JSON path as a linked chain of frames, each borrowing its parent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Path<'a> {
    /// The whole payload: `$`.
    Root,
    /// A member of an object, by its wire name: `.seat_no`.
    Field(&'a Path<'a>, &'static str),
    /// An item of a list: `[1]`.
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    /// The member `name` (the wire name, as serde writes it) of the value at this path.
    pub fn field(&'a self, name: &'static str) -> Path<'a> {
        Path::Field(self, name)
    }

    /// The item `index` of the list at this path.
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => f.write_str("$"),
            Path::Field(parent, name) => {
                parent.fmt(f)?;
                write_member(f, name)
            }
            Path::Index(parent, index) => {
                parent.fmt(f)?;
                write!(f, "[{index}]")
            }
        }
    }
}

/// `.name` for a name that reads as an identifier, else the bracket form `['a-b']`, so any wire name stays
/// unambiguous.
fn write_member(f: &mut fmt::Formatter<'_>, name: &str) -> fmt::Result {
    let mut chars = name.chars();
    let plain = chars
        .next()
        .is_some_and(|first| first.is_alphabetic() || first == '_')
        && chars.all(|ch| ch.is_alphanumeric() || ch == '_');
    if plain {
        return write!(f, ".{name}");
    }
    f.write_str("['")?;
    for ch in name.chars() {
        if matches!(ch, '\'' | '\\') {
            f.write_str("\\")?;
        }
        write!(f, "{ch}")?;
    }
    f.write_str("']")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_is_a_dollar() {
        assert_eq!(Path::Root.to_string(), "$");
    }

    #[test]
    fn fields_and_indexes_chain() {
        let root = Path::Root;
        let trains = root.field("refund_train_details");
        let train = trains.index(0);
        let tickets = train.field("refund_ticket_details");
        let ticket = tickets.index(1);
        let seat = ticket.field("seat_no");
        assert_eq!(
            seat.to_string(),
            "$.refund_train_details[0].refund_ticket_details[1].seat_no"
        );
        assert_eq!(Path::Index(&root, 3).to_string(), "$[3]");
    }

    #[test]
    fn names_that_are_not_identifiers_are_bracketed() {
        let root = Path::Root;
        assert_eq!(root.field("RefundExpands").to_string(), "$.RefundExpands");
        assert_eq!(root.field("_x1").to_string(), "$._x1");
        assert_eq!(root.field("票号").to_string(), "$.票号");
        assert_eq!(root.field("a-b").to_string(), "$['a-b']");
        assert_eq!(root.field("1st").to_string(), "$['1st']");
        assert_eq!(root.field("").to_string(), "$['']");
        assert_eq!(root.field("it's\\").to_string(), "$['it\\'s\\\\']");
    }
}
