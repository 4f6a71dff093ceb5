use codegen_derive::Validate;

#[derive(Validate)]
struct Seat {
    #[validate(pattern = "[0-9]{1,3")]
    seat_no: String,
    #[validate(pattern = "(?x)[A-F] # a comment eats the anchor")]
    row: String,
}

fn main() {}
