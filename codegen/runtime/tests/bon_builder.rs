//! The builder the generator puts on request types works through the runtime's re-export alone, so generated
//! crates need no direct `bon` dependency.

use codegen_runtime::bon;

#[derive(Debug, PartialEq, bon::Builder)]
#[builder(crate = ::codegen_runtime::bon)]
struct RefundRequest {
    order_id: String,
    #[builder(default)]
    ticket_ids: Vec<String>,
    remark: Option<String>,
}

#[test]
fn builder_through_the_reexport() {
    let request = RefundRequest::builder()
        .order_id("A1".to_owned())
        .remark("late".to_owned())
        .build();
    assert_eq!(
        request,
        RefundRequest {
            order_id: "A1".to_owned(),
            ticket_ids: Vec::new(),
            remark: Some("late".to_owned()),
        }
    );
    assert_eq!(
        RefundRequest::builder()
            .order_id("B".to_owned())
            .build()
            .remark,
        None
    );
}
