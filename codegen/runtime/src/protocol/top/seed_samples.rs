//! The XML samples of the two TOP seeds (`schemas/taobao_bus.yaml` and `schemas/alitrip_btrip.yaml`, verbatim): the
//! protocol's tests decode them, and `benches/top_xml.rs` includes this file by path to time the same decoding.

pub const BUS_XML: &str = "<bus_agent_returnticket_confirm_response>
    <result_code>PARAM_CHECK_LACK_TICKET_ID</result_code>
    <result_msg>按票退款缺少票号</result_msg>
    <is_success>false</is_success>
</bus_agent_returnticket_confirm_response>
";
pub const ALITRIP_XML: &str = "<alitrip_btrip_supplychain_train_callback_refund_response>
    <data>
        <order_id>123456789</order_id>
        <supplier_order_id>987654321</supplier_order_id>
    </data>
    <result_code>200</result_code>
    <status>true</status>
    <result_msg>成功</result_msg>
</alitrip_btrip_supplychain_train_callback_refund_response>
";
pub const ERROR_XML: &str = "<error_response>
    <code>50</code>
    <msg>Remote service error</msg>
    <sub_code>isv.invalid-parameter</sub_code>
    <sub_msg>非法参数</sub_msg>
</error_response>
";
