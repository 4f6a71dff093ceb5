use codegen_derive::{RedactedDebug, Validate};

#[derive(RedactedDebug)]
enum NotAStruct {
    A,
}

#[derive(RedactedDebug)]
struct Tuple(String);

#[derive(RedactedDebug)]
struct Arguments {
    #[sensitive(always)]
    secret: String,
}

#[derive(Validate)]
enum AlsoNotAStruct {
    A,
}

fn main() {}
