//! The words and rules that more than one part of the project applies: the generator (when it reads schemas and
//! writes code), the derives (when they expand) and the runtime (when it reads and writes the wire).
//!
//! A proc-macro crate can export only macros and the generator cannot depend on the runtime's serializers, so a
//! rule all three apply lives here, once, with no dependency beyond `std`: a change to a spelling or an order is
//! one edit, and the three cannot drift apart.

/// Declares a closed vocabulary: an enum, its members in the schema language's order, and each member's one
/// spelling, from which the name lookups are derived so they cannot disagree.
macro_rules! spelled {
    (
        $(#[$attr:meta])*
        pub enum $name:ident {
            $( $(#[$variant_attr:meta])* $variant:ident = $spelling:literal, )+
        }
    ) => {
        $(#[$attr])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$variant_attr])* $variant, )+
        }

        impl $name {
            /// Every member, in the order the schema language lists them.
            pub const ALL: [$name; [$($spelling),+].len()] = [$($name::$variant),+];

            /// Every member with its spelling, in the same order: the table a reader of the schema language
            /// looks a word up in and lists in its hints.
            pub const SPELLINGS: [(&'static str, $name); [$($spelling),+].len()] =
                [$(($spelling, $name::$variant)),+];

            /// The member's spelling in schemas, attributes and tools.
            pub const fn name(self) -> &'static str {
                match self {
                    $( $name::$variant => $spelling, )+
                }
            }

            /// The member spelled `name`, if there is one.
            pub fn from_name(name: &str) -> Option<$name> {
                $name::SPELLINGS
                    .iter()
                    .find(|(spelling, _)| *spelling == name)
                    .map(|&(_, member)| member)
            }
        }
    };
}

pub mod case;
pub mod contract;
pub mod formats;
pub mod ordinal;
pub mod text_format;
pub mod top;

pub use formats::{Format, Protocol};
pub use text_format::TextFormat;
