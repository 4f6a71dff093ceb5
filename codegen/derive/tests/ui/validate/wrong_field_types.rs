use codegen_derive::Validate;

#[derive(Validate)]
#[validate(rule(when(field = "name", equals = 0), require = "count", code = "C", message = "m"))]
struct Mistyped {
    #[validate(max_len = 3, pattern = "[0-9]+")]
    count: i32,
    #[validate(min = 0)]
    name: String,
}

struct NotValidated;

#[derive(Validate)]
struct Holder {
    inner: NotValidated,
}

fn main() {}
