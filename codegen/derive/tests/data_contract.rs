//! `#[derive(DataContract)]` on hand-written types: DataContractSerializer's order, namespaces, prefixes and nulls,
//! and a reader that takes what that serializer accepts.

use codegen_derive::{DataContract, WireEnum};
use codegen_runtime::xml;

const BASE: &str = "http://schemas.datacontract.org/2004/07/Shop.Base";
const ORDERS: &str = "http://schemas.datacontract.org/2004/07/Shop.Orders";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, WireEnum)]
#[wire(repr = "i32")]
enum Channel {
    #[wire(value = 1, name = "Web")]
    Web,
    #[wire(value = 2)]
    Unnamed,
    #[wire(other)]
    Other(i32),
}

#[derive(Clone, Debug, PartialEq, DataContract)]
#[data_contract(namespace = "http://schemas.datacontract.org/2004/07/Shop.Lines")]
struct Line {
    sku: String,
    quantity: i32,
}

/// Two levels of bases, an explicit order, a renamed and a skipped field, and members of other namespaces.
#[derive(Clone, Debug, PartialEq, DataContract)]
#[data_contract(
    name = "OrderOfstring",
    namespace = "http://schemas.datacontract.org/2004/07/Shop.Orders",
    base_namespaces = ["http://schemas.datacontract.org/2004/07/Shop.Base", "http://schemas.datacontract.org/2004/07/Shop.Root"]
)]
struct Order {
    zeta: Option<String>,
    #[data_member(name = "Alpha")]
    alpha: i64,
    #[data_member(order = 1)]
    first_by_order: bool,
    #[data_member(inherited = 1)]
    channel: Channel,
    #[data_member(inherited = 2)]
    id: String,
    #[data_member(inherited = 1)]
    _private: Option<String>,
    lines: Vec<Line>,
    tags: Option<Vec<String>>,
    parent: Option<Box<Line>>,
    #[data_member(skip)]
    cached: u8,
}

fn order() -> Order {
    Order {
        zeta: Some("z & <z>".to_owned()),
        alpha: -5,
        first_by_order: true,
        channel: Channel::Web,
        id: "A1".to_owned(),
        _private: None,
        lines: vec![
            Line {
                sku: "S1".to_owned(),
                quantity: 2,
            },
            Line {
                sku: String::new(),
                quantity: 0,
            },
        ],
        tags: Some(Vec::new()),
        parent: None,
        cached: 0,
    }
}

#[test]
fn members_are_written_base_first_then_by_order_then_ordinally() {
    let written = xml::to_string(&order()).unwrap();
    let expected = concat!(
        r#"<OrderOfstring xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/Shop.Orders">"#,
        r#"<id xmlns="http://schemas.datacontract.org/2004/07/Shop.Root">A1</id>"#,
        r#"<_private i:nil="true" xmlns="http://schemas.datacontract.org/2004/07/Shop.Base" />"#,
        r#"<channel xmlns="http://schemas.datacontract.org/2004/07/Shop.Base">Web</channel>"#,
        r#"<Alpha>-5</Alpha>"#,
        r#"<lines xmlns:d2p1="http://schemas.datacontract.org/2004/07/Shop.Lines">"#,
        r#"<d2p1:Line><d2p1:quantity>2</d2p1:quantity><d2p1:sku>S1</d2p1:sku></d2p1:Line>"#,
        r#"<d2p1:Line><d2p1:quantity>0</d2p1:quantity><d2p1:sku></d2p1:sku></d2p1:Line>"#,
        r#"</lines>"#,
        r#"<parent xmlns:d2p1="http://schemas.datacontract.org/2004/07/Shop.Lines" i:nil="true" />"#,
        r#"<tags xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays" />"#,
        r#"<zeta>z &amp; &lt;z&gt;</zeta>"#,
        r#"<first_by_order>true</first_by_order>"#,
        r#"</OrderOfstring>"#,
    );
    assert_eq!(written, expected);
    assert_eq!(xml::from_str::<Order>(&written).unwrap(), order());
}

#[test]
fn the_reader_matches_namespaces_not_prefixes_and_takes_any_order() {
    let document = format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
        <!-- a comment -->
        <o:OrderOfstring xmlns:o="{ORDERS}" xmlns:b="{BASE}" xmlns:x="http://www.w3.org/2001/XMLSchema-instance">
          <o:first_by_order> 1 </o:first_by_order>
          <b:channel>Web</b:channel>
          <unknown xmlns="urn:other"><deep><deeper/></deep></unknown>
          <o:Alpha>+7</o:Alpha>
          <id xmlns="http://schemas.datacontract.org/2004/07/Shop.Root">A1</id>
          <o:lines><Line xmlns="http://schemas.datacontract.org/2004/07/Shop.Lines"><sku>S</sku><quantity>1</quantity></Line></o:lines>
          <o:zeta x:nil="true"/>
        </o:OrderOfstring>"#
    );
    let order: Order = xml::from_str(&document).unwrap();
    assert_eq!(order.alpha, 7);
    assert!(order.first_by_order);
    assert_eq!(order.zeta, None);
    assert_eq!(order.tags, None);
    assert_eq!(order.lines[0].sku, "S");
}

#[test]
fn a_member_in_the_wrong_namespace_is_not_the_member() {
    let document = format!(
        r#"<OrderOfstring xmlns="{ORDERS}"><channel>Web</channel><Alpha>1</Alpha><first_by_order>true</first_by_order><id xmlns="http://schemas.datacontract.org/2004/07/Shop.Root">A</id><lines/></OrderOfstring>"#
    );
    let rejected = xml::from_str::<Order>(&document).unwrap_err();
    assert_eq!(rejected.errors()[0].code, "missing_field");
    assert_eq!(rejected.errors()[0].path, "$.channel");
}

#[test]
fn an_enum_value_without_a_member_name_cannot_be_written() {
    for channel in [Channel::Unnamed, Channel::Other(9)] {
        let error = xml::to_string(&Order { channel, ..order() }).unwrap_err();
        assert_eq!(error.code, "unknown_enum_value");
        assert_eq!(error.path, "$.channel");
    }
}

#[test]
fn numbers_are_not_enum_members_in_xml() {
    let document = xml::to_string(&order()).unwrap().replace(">Web<", ">1<");
    let rejected = xml::from_str::<Order>(&document).unwrap_err();
    assert_eq!(rejected.errors()[0].code, "unknown_variant");
    assert_eq!(rejected.errors()[0].path, "$.channel");
}

#[test]
fn errors_name_the_element_path() {
    let document = xml::to_string(&order())
        .unwrap()
        .replace("<d2p1:quantity>0<", "<d2p1:quantity>zero<");
    let rejected = xml::from_str::<Order>(&document).unwrap_err();
    assert_eq!(rejected.errors()[0].path, "$.lines[1].quantity");
    assert_eq!(rejected.errors()[0].code, "invalid_value");
}

#[test]
fn compile_errors_explain_misuse() {
    trybuild::TestCases::new().compile_fail("tests/ui/data_contract/*.rs");
}
