//! TOP XML responses decoded into their types: the seeds' samples (schemas/taobao_bus.yaml and
//! schemas/alitrip_btrip.yaml) and a response of many list items, so a change to the XML reader under the TOP
//! envelope can be measured.

use std::hint::black_box;

use codegen_runtime::top::{ResponseFormat, TopFailure, decode_response};
use criterion::{Criterion, criterion_group, criterion_main};
use serde::Deserialize;

#[path = "../src/protocol/top/seed_samples.rs"]
mod seed_samples;

use seed_samples::{ALITRIP_XML, BUS_XML, ERROR_XML};

#[derive(Deserialize)]
struct Bus {
    result_code: Option<String>,
    result_msg: Option<String>,
    is_success: Option<bool>,
}

#[derive(Deserialize)]
struct Alitrip {
    data: Option<Order>,
    result_code: Option<String>,
    status: Option<String>,
    result_msg: Option<String>,
}

#[derive(Deserialize)]
struct Order {
    order_id: Option<String>,
    supplier_order_id: Option<String>,
}

#[derive(Deserialize)]
struct Tickets {
    tickets: Option<TicketList>,
}

#[derive(Deserialize)]
struct TicketList {
    ticket: Vec<Ticket>,
}

#[derive(Deserialize)]
struct Ticket {
    ticket_no: String,
    price: i64,
    passenger_name: String,
    refunded: bool,
}

/// A response of 200 tickets, indented as the samples are, with a reference and a line end in each name.
fn tickets_xml() -> String {
    let items: String = (0..200)
        .map(|n| {
            format!(
                "\n    <ticket>\n      <ticket_no>EW{n:06}</ticket_no>\n      <price>{}</price>\n      \
                 <passenger_name>张三 &amp; 李四\r\n{n}</passenger_name>\n      <refunded>{}</refunded>\n    </ticket>",
                1000 + n,
                n % 2 == 0
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<x_tickets_get_response>\n  <tickets>{items}\n  </tickets>\n</x_tickets_get_response>\n"
    )
}

fn top_xml(c: &mut Criterion) {
    let mut group = c.benchmark_group("top_xml_decode");
    group.bench_function("bus_sample", |b| {
        b.iter(|| {
            let bus: Bus = decode_response(black_box(BUS_XML), ResponseFormat::Xml, "x").unwrap();
            black_box((bus.result_code, bus.result_msg, bus.is_success))
        })
    });
    group.bench_function("alitrip_sample", |b| {
        b.iter(|| {
            let alitrip: Alitrip =
                decode_response(black_box(ALITRIP_XML), ResponseFormat::Xml, "x").unwrap();
            let order = alitrip
                .data
                .map(|order| (order.order_id, order.supplier_order_id));
            black_box((
                order,
                alitrip.result_code,
                alitrip.status,
                alitrip.result_msg,
            ))
        })
    });
    group.bench_function("error_sample", |b| {
        b.iter(|| {
            let failure = decode_response::<Bus>(black_box(ERROR_XML), ResponseFormat::Xml, "x");
            assert!(matches!(failure, Err(TopFailure::Api(_))));
        })
    });
    let tickets = tickets_xml();
    group.bench_function("200_tickets", |b| {
        b.iter(|| {
            let response: Tickets =
                decode_response(black_box(&tickets), ResponseFormat::Xml, "x").unwrap();
            let list = response.tickets.map_or(Vec::new(), |list| list.ticket);
            assert_eq!(list.len(), 200);
            black_box(
                list.iter()
                    .map(|t| t.ticket_no.len() + t.passenger_name.len() + usize::from(t.refunded))
                    .sum::<usize>()
                    + list.iter().map(|t| t.price as usize).sum::<usize>(),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, top_xml);
criterion_main!(benches);
