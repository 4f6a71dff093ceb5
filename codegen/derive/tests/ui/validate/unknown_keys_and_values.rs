use codegen_derive::Validate;

#[derive(Validate)]
struct Misused {
    #[validate(requird, max_len = "20", min = "0", format = "yyyy-MM-dd")]
    name: String,
    #[validate(required = true, max_len = 2, max_len = 3, max = 1e3)]
    count: String,
    #[validate(min_len = 5, max_len = 4, min = 10, max = -1)]
    code: String,
    #[validate(pattern)]
    seat: String,
}

fn main() {}
