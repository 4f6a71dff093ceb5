//! Validating a valid value allocates nothing: paths are stack frames rendered only for a problem, and regexes
//! compile once.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use codegen_derive::{Validate, WireEnum};
use codegen_runtime::validate::{Path, Report, Validate as _};
use codegen_runtime::{Decimal, Fen};

/// Counts the allocations of the current thread only, so the test harness's own threads do not interfere.
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_during(run: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    run();
    ALLOCATIONS.with(Cell::get) - before
}

#[derive(Clone, Copy, WireEnum)]
#[wire(repr = "i64", closed)]
enum Kind {
    #[wire(value = 0)]
    ByTicket,
    #[wire(value = 1)]
    ByOrder,
    #[wire(other)]
    Other(i64),
}

#[derive(Validate)]
struct Ticket {
    #[validate(required, min_len = 2, max_len = 4, pattern = "[0-9]{1,3}[A-F]")]
    seat_no: String,
    #[validate(min = 0, max = 9999.99)]
    price: Decimal,
    #[validate(max = 100000)]
    amount: Fen,
    #[validate(format = "datetime")]
    at: Option<String>,
}

#[derive(Validate)]
#[validate(rule(
    when(field = "kind", equals = 0),
    require = "ticket_id",
    code = "PARAM_CHECK_LACK_TICKET_ID",
    message = "按票退款缺少票号"
))]
struct Refund {
    kind: Kind,
    #[validate(max_len = 20)]
    ticket_id: Option<String>,
    #[validate(required, max_len = 8)]
    tickets: Vec<Ticket>,
    parent: Option<Box<Refund>>,
}

fn refund() -> Refund {
    let ticket = |seat: &str| Ticket {
        seat_no: seat.to_owned(),
        price: Decimal::new(12050, 2),
        amount: Fen::from(12050),
        at: Some("2018-07-01 07:07:07".to_owned()),
    };
    Refund {
        kind: Kind::ByTicket,
        ticket_id: Some("𠀀票号-1".to_owned()),
        tickets: vec![ticket("12A"), ticket("7F")],
        parent: Some(Box::new(Refund {
            kind: Kind::ByOrder,
            ticket_id: None,
            tickets: vec![ticket("1A")],
            parent: None,
        })),
    }
}

#[test]
fn a_valid_value_allocates_nothing() {
    let value = refund();
    // The first run compiles the pattern and sets up the regex's per-thread cache.
    assert_eq!(value.validate(), Ok(()));
    let allocations = allocations_during(|| {
        assert!(value.validate().is_ok());
        let mut report = Report::new();
        let root = Path::Root;
        value.validate_into(&root.field("param"), &mut report);
        assert!(report.is_empty());
    });
    assert_eq!(allocations, 0);
}

#[test]
fn an_invalid_value_allocates_only_for_its_problems() {
    let mut value = refund();
    value.tickets[1].seat_no = "7G".to_owned();
    assert!(value.validate().is_err());
    assert!(allocations_during(|| assert!(value.validate().is_err())) > 0);
}
