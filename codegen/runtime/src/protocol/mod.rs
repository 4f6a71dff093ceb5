//! What a call is, above the formats: SM4 field encryption, the facts a generated operation states, and the TOP
//! protocol's signing and envelope. A Web API call needs nothing beyond its format, so it has no module here.

pub mod operation;
pub mod sm4;
pub mod top;
