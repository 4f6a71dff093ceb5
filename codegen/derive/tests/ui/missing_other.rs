use codegen_derive::WireEnum;

#[derive(WireEnum)]
#[wire(repr = "i32")]
enum Terminal {
    #[wire(value = 1)]
    WebPage,
}

fn main() {}
