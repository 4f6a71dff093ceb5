use codegen_derive::WireEnum;

#[derive(WireEnum)]
#[wire(repr = "u8")]
enum Terminal {
    #[wire(value = 1)]
    WebPage,
    Mobile,
    #[wire(other)]
    Other(i32),
}

#[derive(WireEnum)]
#[wire(repr = "i32")]
enum Kind {
    #[wire(value = "one")]
    One,
    #[wire(value = 2)]
    Two,
    #[wire(value = 2)]
    AlsoTwo,
    #[wire(other)]
    Other(String),
}

fn main() {}
