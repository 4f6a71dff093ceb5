//! Payloads shared by the tests and the benchmarks.

/// alitrip_btrip's `RefundCallBackParam` as JSON: the document's sample (with a real birth date and readable
/// passenger values), holding `trains` trains of `tickets` tickets each.
pub fn refund_callback(trains: usize, tickets: usize) -> serde_json::Value {
    let ticket = serde_json::json!({
        "coach_no": "01", "fail_code": "3001", "fail_reason": "退票失败",
        "passenger_info": {
            "birth_date": "1990-10-19", "country_code": "CN", "passenger_id": "1231232",
            "passenger_id_no": "432524100011191212", "passenger_id_type": "0", "passenger_mobile": "16670000000",
            "passenger_name": "张三", "sex": "0", "valid_date_end": "2030-10-19", "valid_date_start": "2000-10-19"
        },
        "passenger_ticket_no": "EW123121", "refund_cost": "0", "refund_price": "1000", "refund_rate": "0",
        "seat_name": "硬座", "seat_no": "001", "seat_type": "1", "ticket_price": "1000", "ticket_status": "31",
        "ticket_type": "1"
    });
    let train = serde_json::json!({
        "arrive_time": "2022-10-19 14:00:00", "from_station_code": "BJP", "from_station_name": "北京",
        "refund_ticket_details": vec![ticket; tickets],
        "start_time": "2022-10-19 12:00:00", "to_station_code": "SHH", "to_station_name": "上海",
        "train_date": "2022-10-19", "train_no": "T123"
    });
    serde_json::json!({
        "order_id": "123456789", "order_status": "31", "refund_cost": "0", "refund_id": "1231123",
        "refund_rate": "0", "refund_total": "1000", "refund_train_details": vec![train; trains],
        "supplier_order_id": "12345678", "ticket_no": "EW123412"
    })
}
