//! What every derive reads, read once: `ast` is the input as a container and its fields or variants, `attr` the
//! meaning of every attribute of every derive (and of serde's names), `ctxt` the one error context, `check` the
//! rules that span a whole input. The derive files only emit code from the model they are given.

pub(crate) mod ast;
pub(crate) mod attr;
mod check;
mod ctxt;

pub(crate) use ctxt::Ctxt;

/// The derive reading an input. Each reads only its own attributes (and serde's names where it needs them), so
/// a misuse is reported once, by the derive it belongs to, even on a type that derives several.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Derive {
    WireEnum,
    DataContract,
    Validate,
    RedactedDebug,
    Sm4Fields,
}

impl Derive {
    /// The name a message calls the derive by.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Derive::WireEnum => "WireEnum",
            Derive::DataContract => "DataContract",
            Derive::Validate => "Validate",
            Derive::RedactedDebug => "RedactedDebug",
            Derive::Sm4Fields => "Sm4Fields",
        }
    }
}
