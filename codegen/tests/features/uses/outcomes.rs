//! Compiled into the rendered `features` crate by `emit.rs`: answers judged by the generated operations' readings.

use codegen_runtime::Operation;
use codegen_runtime::client::{CallError, Literal, Success, WireValue};
use features::outcomes::{Answer, Cancel, Label, Pay};

fn judged<O: Operation<Response = Answer>>(json: &str) -> Result<(), (Option<WireValue>, Option<String>)> {
    let answer: Answer = codegen_runtime::json::from_str(json).expect("an Answer");
    let outcome = O::OUTCOME.expect("the schema gives a reading");
    outcome.judge(&answer).map_err(|error| match error {
        CallError::Provider(failure) => (failure.code, failure.message),
        other => panic!("expected a provider failure, got {other:?}"),
    })
}

#[test]
fn any_of_the_listed_values_is_success() {
    assert_eq!(
        Pay::OUTCOME.map(|outcome| outcome.success),
        Some(Success::OneOf(&[Literal::Int(0), Literal::Int(200)]))
    );
    assert_eq!(judged::<Pay>(r#"{"code":0}"#), Ok(()));
    assert_eq!(judged::<Pay>(r#"{"code":200,"msg":"OK"}"#), Ok(()));
    assert_eq!(
        judged::<Pay>(r#"{"code":500,"msg":"busy"}"#),
        Err((Some(WireValue::Int(500)), Some("busy".to_owned())))
    );
    assert_eq!(judged::<Pay>(r#"{"msg":"no code"}"#), Err((None, Some("no code".to_owned()))));
}

#[test]
fn absence_null_or_emptiness_is_success_and_anything_else_a_failure() {
    for nothing in [r#"{"code":7}"#, r#"{"error":null}"#, r#"{"error":""}"#] {
        assert_eq!(judged::<Cancel>(nothing), Ok(()), "{nothing}");
    }
    assert_eq!(
        judged::<Cancel>(r#"{"error":"locked","code":7,"msg":"已锁定"}"#),
        Err((Some(WireValue::Int(7)), Some("已锁定".to_owned())))
    );
}

#[test]
fn the_text_absent_is_a_value_not_absence() {
    assert_eq!(judged::<Label>(r#"{"state":"absent"}"#), Ok(()));
    assert_eq!(
        judged::<Label>(r#"{"msg":"no state"}"#),
        Err((None, Some("no state".to_owned())))
    );
}
