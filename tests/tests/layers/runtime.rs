//! The runtime's layers, lowest first: what every format reports, the .NET and TOP scalars every format writes,
//! the formats and validation, then the protocol (what a call is), the clients that make calls, and the registry
//! through which tools reach everything by name.

use super::check::Layers;

pub const LAYERS: Layers<'static> = &[
    // The errors every format and validation report a refused payload with.
    &["problem"],
    // What every scalar shares: its error and serde through its text, the newtype names formats recognise it by,
    // and the calendar.
    &["scalar::text", "scalar::marker"],
    &["scalar::calendar"],
    // Each .NET or TOP scalar, read and written one way.
    &["scalar"],
    // The four wire formats, and validation beside them: neither uses the other, both use the scalars.
    &["format", "validate"],
    // A call above the formats: SM4 field encryption, what an operation states, the TOP protocol.
    &["protocol::sm4"],
    &["protocol::operation"],
    &["protocol::top", "protocol"],
    // The sans-IO clients and their transport.
    &["client"],
    // The visitors over generated types and operations.
    &["registry"],
];
