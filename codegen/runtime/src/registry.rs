//! How tools reach generated code by name: generated `visit_type` and `visit_operations` functions call these
//! visitors with the type or the operations a name stands for, so a tool written once (the conformance runner)
//! works for every type and operation of every provider.

use crate::format::xml::DataContract;
use crate::protocol::operation::{Model, Operation};

/// A computation over each operation of a provider; generated `visit_operations` functions call `visit` once per
/// operation, so a tool written once (the conformance runner) reaches every operation of every provider.
pub trait OperationVisitor {
    fn visit<O: Operation>(&mut self);
}

/// A computation over a generated type chosen at run time by its name.
///
/// Generated `visit_type` functions call `visit` with the type a name stands for, so a tool written once
/// (the conformance runner) works for every type of every provider.
pub trait ModelVisitor: Sized {
    type Output;
    fn visit<T: Model>(self) -> Self::Output;

    /// A type that is also a DataContract XML document; a visitor that does not read or write XML treats it as any
    /// other model.
    fn visit_contract<T: Model + DataContract>(self) -> Self::Output {
        self.visit::<T>()
    }
}
