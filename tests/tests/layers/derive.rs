//! The derives' layers, lowest first: as in serde_derive, the input is parsed once into a model (`internals`),
//! errors collected in one context, and each derive only emits from that model.

use super::check::Layers;

pub const LAYERS: Layers<'static> = &[
    // The one error context every parse and check reports into.
    &["internals::ctxt"],
    // Every attribute of every derive, parsed once.
    &["internals::attr"],
    // Rules across one input: duplicate members and values, the `other` variant, misplaced derives.
    &["internals::check"],
    // The container and its fields or variants, with their parsed attributes.
    &["internals::ast", "internals"],
    // One file per derive, each emitting from the model.
    &[
        "data_contract",
        "redacted_debug",
        "sm4_fields",
        "validate",
        "wire_enum",
    ],
];
