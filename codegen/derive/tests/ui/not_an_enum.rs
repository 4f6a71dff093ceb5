use codegen_derive::WireEnum;

#[derive(WireEnum)]
struct Terminal {
    value: i32,
}

fn main() {}
