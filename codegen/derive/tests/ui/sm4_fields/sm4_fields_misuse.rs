use codegen_derive::Sm4Fields;

#[derive(Sm4Fields)]
enum NotAStruct {
    A,
}

#[derive(Sm4Fields)]
struct NothingMarked {
    passenger_name: String,
}

#[derive(Sm4Fields)]
struct Arguments {
    #[sm4(ecb)]
    passenger_name: String,
}

#[derive(Sm4Fields)]
struct NotText {
    #[sm4]
    seat_count: u32,
}

fn main() {}
