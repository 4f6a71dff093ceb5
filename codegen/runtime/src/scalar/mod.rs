//! The scalar types whose text a provider's server fixes: .NET's `double`, `decimal`, `Guid` and `DateTime`, a
//! plain date, TOP's date-time and amounts in fen, on one calendar; and lists of them carried in one delimited
//! string.
//!
//! Each scalar's text is read one way and written one way here, and every format (JSON, XML, form, BSON) calls
//! these rules; where .NET's wires really differ (XML's `INF`, a decimal's exponent) the rule takes the
//! difference as a parameter. A scalar that a format writes in a form of its own (BSON's dates and Guids)
//! announces itself with a name of [`marker`], so no scalar knows a format.

pub(crate) mod calendar;
mod date;
mod datetime;
pub(crate) mod delimited;
mod fen;
pub(crate) mod guid;
pub(crate) mod marker;
pub(crate) mod number;
pub(crate) mod text;
mod top_datetime;

pub use date::Date;
pub use datetime::{DotNetDateTime, Offset};
pub use delimited::Delimited;
pub use fen::Fen;
pub use guid::DotNetGuid;
pub use number::{DotNetDecimal, DotNetDouble, DotNetNumber};
pub use text::ScalarError;
pub use top_datetime::TopDateTime;
