use codegen_derive::DataContract;

struct NotXml;

#[derive(DataContract)]
#[data_contract(namespace = "http://example.com/")]
struct Request {
    payload: NotXml,
}

fn main() {}
