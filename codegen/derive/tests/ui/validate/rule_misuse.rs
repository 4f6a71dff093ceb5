use codegen_derive::Validate;

#[derive(Validate)]
#[validate(rule(
    when(field = "return_type", equals = 0),
    require = "ticket_id",
    code = "PARAM_CHECK_LACK_TICKET_ID",
    message = "按票退款缺少票号",
))]
#[validate(rule(when(field = "kind", equals = 1.5), require = "kind", code = "", message = "m"))]
#[validate(rule(when(field = "kind"), require = "kind"))]
#[validate(rules(require = "kind"))]
struct Confirm {
    kind: i64,
    agent_ticket_id: Option<String>,
}

fn main() {}
