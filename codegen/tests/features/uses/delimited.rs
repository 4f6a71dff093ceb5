//! Compiled into the rendered `features` crate by `emit.rs`: lists carried in one delimited string, through every
//! format a provider may speak.

use codegen_runtime::top::{self, ResponseFormat};
use codegen_runtime::{Date, Fen, Protocol, TopDateTime, bson, form, json, xml};
use features::delimited::{ListOrdersRequest, ListOrdersResponse};
use features::delimited_contracts::RefundQuery;

fn request() -> ListOrdersRequest {
    let day = |text: &str| text.parse::<TopDateTime>().expect("a TOP date-time");
    ListOrdersRequest {
        order_ids: vec![1, 2, 3],
        days: Some(vec![day("2024-01-01 10:00:00"), day("2024-01-02 10:00:00")]),
    }
}

#[test]
fn a_list_is_joined_into_one_string_in_json_forms_bson_and_top_parameters() {
    let request = request();
    assert_eq!(
        json::to_string(&request, Protocol::Top).unwrap(),
        r#"{"order_ids":"1,2,3","days":"2024-01-01 10:00:00,2024-01-02 10:00:00"}"#
    );
    assert_eq!(
        form::to_string(&request).unwrap(),
        "order_ids=1%2C2%2C3&days=2024-01-01+10%3A00%3A00%2C2024-01-02+10%3A00%3A00"
    );
    let bytes = bson::to_vec(&request).unwrap();
    assert_eq!(bson::from_slice::<ListOrdersRequest>(&bytes).unwrap(), request);
    let params = top::application_params(&request).unwrap();
    assert!(
        params.contains(&("order_ids".to_owned(), "1,2,3".to_owned())),
        "{params:?}"
    );
}

#[test]
fn a_string_is_split_into_typed_items_on_read() {
    let xml = "<orders_list_response><amounts>100|250</amounts><codes> A1 ; B2 </codes><paid></paid></orders_list_response>";
    let response: ListOrdersResponse =
        top::decode_response(xml, ResponseFormat::Xml, "example.orders.list").unwrap();
    assert_eq!(
        response,
        ListOrdersResponse {
            amounts: Some(vec![Fen::from_fen(100), Fen::from_fen(250)]),
            codes: Some(vec!["A1".to_owned(), "B2".to_owned()]),
            paid: Some(Vec::new()),
        }
    );
    let absent: ListOrdersResponse = json::from_str("{}").unwrap();
    assert_eq!(absent.amounts, None);
}

#[test]
fn an_item_that_does_not_read_is_a_rejection_at_the_field() {
    let rejection = json::from_str::<ListOrdersRequest>(r#"{"order_ids":"1,x,3"}"#).unwrap_err();
    assert_eq!(rejection.errors()[0].path, "$.order_ids");
    assert!(
        rejection.errors()[0].message.contains("item 1 of a ','-delimited list, \"x\""),
        "{rejection:?}"
    );
}

#[test]
fn a_data_contract_member_carries_the_joined_string_and_rejects_a_bad_item_at_its_path() {
    let query = RefundQuery {
        ticket_ids: vec![7, 8],
        days: Some(Vec::new()),
    };
    let text = xml::to_string(&query).unwrap();
    // The empty list is the empty string, which DataContractSerializer writes with both tags.
    assert!(text.contains("<Days></Days><TicketIds>7,8</TicketIds>"), "{text}");
    assert_eq!(xml::from_str::<RefundQuery>(&text).unwrap(), query);
    let bad = text.replace("7,8", "7,eight");
    let rejection = xml::from_str::<RefundQuery>(&bad).unwrap_err();
    assert_eq!(rejection.errors()[0].path, "$.TicketIds", "{rejection:?}");
    assert!(rejection.errors()[0].message.starts_with("item 1 of a ','-delimited list, \"eight\""), "{rejection:?}");
    let nil = r#"<RefundQuery xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/Shop"><Days i:nil="true"/><TicketIds>1</TicketIds></RefundQuery>"#;
    let read = xml::from_str::<RefundQuery>(nil).unwrap();
    assert_eq!((read.ticket_ids, read.days), (vec![1], None::<Vec<Date>>));
}
