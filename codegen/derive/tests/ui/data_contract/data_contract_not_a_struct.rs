use codegen_derive::DataContract;

#[derive(DataContract)]
#[data_contract(namespace = "http://example.com/")]
enum Terminal {
    WebPage,
}

#[derive(DataContract)]
#[data_contract(namespace = "http://example.com/")]
struct Pair(i32, i32);

#[derive(DataContract)]
#[data_contract(namespace = "http://example.com/")]
struct Generic<T> {
    data: T,
}

fn main() {}
