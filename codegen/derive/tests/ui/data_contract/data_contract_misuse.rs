use codegen_derive::DataContract;

#[derive(DataContract)]
#[data_contract(name = "Order Result", title = "x")]
struct Missing {
    #[data_member(inherited = 1)]
    code: i32,
    #[data_member(name = "code")]
    other: i32,
    #[data_member(rename = "x")]
    third: i32,
}

fn main() {}
