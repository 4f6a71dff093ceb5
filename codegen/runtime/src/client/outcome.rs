//! Judging a response that parsed by its operation's [`Outcome`].

use serde::Serialize;
use serde_json::Value;

use super::{CallError, ProviderFailure};
use crate::problem::Rejection;
use crate::protocol::operation::{Outcome, Success, WireValue};

impl Outcome {
    /// `Ok` when `response` reports success, else the provider's failure.
    ///
    /// The response is read as the JSON its type writes, so a field is found by its wire name whatever the Rust
    /// type holding it (an enum, an `Option`, a lenient TOP string).
    pub fn judge<R: Serialize>(&self, response: &R) -> Result<(), CallError> {
        let members = serde_json::to_value(response).map_err(|error| {
            CallError::Decode(Rejection::unreadable(
                "invalid_value",
                format!("the response cannot be read for its outcome: {error}"),
            ))
        })?;
        let member = |name: &str| members.get(name).and_then(wire_value);
        let decided = member(self.field);
        let succeeded = match self.success {
            Success::Equals(expected) => decided.as_ref().is_some_and(|value| *value == expected),
            Success::OneOf(expected) => decided
                .as_ref()
                .is_some_and(|value| expected.iter().any(|literal| value == literal)),
            Success::Absent => members.get(self.field).is_none_or(is_empty),
        };
        if succeeded {
            return Ok(());
        }
        let code = match self.code {
            Some(code) => member(code),
            None => decided,
        };
        Err(CallError::Provider(ProviderFailure {
            field: self.field,
            code,
            message: self
                .message
                .and_then(member)
                .map(|message| message.to_string()),
        }))
    }
}

/// Null, or a string, list or object without content: what `Success::Absent` takes for no value.
fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(text) => text.is_empty(),
        Value::Array(items) => items.is_empty(),
        Value::Object(members) => members.is_empty(),
        Value::Bool(_) | Value::Number(_) => false,
    }
}

/// A member's value; `None` for null. An object or list, which no outcome names, is kept as its JSON text.
fn wire_value(value: &Value) -> Option<WireValue> {
    Some(match value {
        Value::Null => return None,
        Value::Bool(flag) => WireValue::Bool(*flag),
        Value::Number(number) => number
            .as_i64()
            .map_or_else(|| WireValue::Str(number.to_string()), WireValue::Int),
        Value::String(text) => WireValue::Str(text.clone()),
        other => WireValue::Str(other.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::operation::Literal;

    #[derive(Serialize)]
    struct Answer {
        errcode: i32,
        errmsg: Option<&'static str>,
        is_success: Option<bool>,
        result_code: Option<&'static str>,
        status: &'static str,
    }

    const ANSWER: Answer = Answer {
        errcode: 0,
        errmsg: Some("ok"),
        is_success: Some(false),
        result_code: Some("PARAM_CHECK_LACK_TICKET_ID"),
        status: "true",
    };

    fn outcome(field: &'static str, success: Literal) -> Outcome {
        reading(field, Success::Equals(success))
    }

    fn reading(field: &'static str, success: Success) -> Outcome {
        Outcome {
            field,
            success,
            code: None,
            message: None,
        }
    }

    fn failure(result: Result<(), CallError>) -> ProviderFailure {
        match result {
            Err(CallError::Provider(failure)) => failure,
            other => panic!("expected a provider failure, got {other:?}"),
        }
    }

    #[test]
    fn success_is_the_one_value() {
        assert!(outcome("errcode", Literal::Int(0)).judge(&ANSWER).is_ok());
        assert!(
            outcome("status", Literal::Str("true"))
                .judge(&ANSWER)
                .is_ok()
        );
        let wrong = failure(outcome("errcode", Literal::Int(1)).judge(&ANSWER));
        assert_eq!(wrong.code, Some(WireValue::Int(0)));
        // A value of another kind is not the success value: "0" is not 0.
        assert!(
            outcome("errcode", Literal::Str("0"))
                .judge(&ANSWER)
                .is_err()
        );
    }

    #[test]
    fn absence_is_a_failure() {
        let absent = Answer {
            is_success: None,
            ..ANSWER
        };
        let failed = failure(outcome("is_success", Literal::Bool(true)).judge(&absent));
        assert_eq!(failed.code, None);
        assert!(
            outcome("no_such_field", Literal::Int(0))
                .judge(&ANSWER)
                .is_err()
        );
    }

    #[test]
    fn code_and_message_come_from_their_fields() {
        let reading = Outcome {
            field: "is_success",
            success: Success::Equals(Literal::Bool(true)),
            code: Some("result_code"),
            message: Some("errmsg"),
        };
        let failed = failure(reading.judge(&ANSWER));
        assert_eq!(
            failed,
            ProviderFailure {
                field: "is_success",
                code: Some(WireValue::Str("PARAM_CHECK_LACK_TICKET_ID".into())),
                message: Some("ok".into()),
            }
        );
        assert_eq!(
            failed.to_string(),
            "the provider reports a failure PARAM_CHECK_LACK_TICKET_ID: ok (by `is_success`)"
        );
    }

    #[test]
    fn success_is_any_of_several_values() {
        let zero_or_200 = reading(
            "errcode",
            Success::OneOf(&[Literal::Int(200), Literal::Int(0)]),
        );
        assert!(zero_or_200.judge(&ANSWER).is_ok());
        let failed = Answer {
            errcode: 3,
            ..ANSWER
        };
        assert_eq!(
            failure(zero_or_200.judge(&failed)).code,
            Some(WireValue::Int(3))
        );
        // The kinds are compared too, and an empty list admits nothing.
        assert!(
            reading(
                "status",
                Success::OneOf(&[Literal::Bool(true), Literal::Int(1)])
            )
            .judge(&ANSWER)
            .is_err()
        );
        assert!(
            reading("errcode", Success::OneOf(&[]))
                .judge(&ANSWER)
                .is_err()
        );
    }

    #[derive(Serialize)]
    struct Reply {
        error: Option<serde_json::Value>,
        code: Option<i32>,
        msg: Option<&'static str>,
    }

    fn reply(error: Option<serde_json::Value>) -> Reply {
        Reply {
            error,
            code: Some(40),
            msg: Some("denied"),
        }
    }

    #[test]
    fn absence_null_and_emptiness_are_success_when_the_reading_says_so() {
        let absent = reading("error", Success::Absent);
        for nothing in [
            None,
            Some(serde_json::Value::Null),
            Some(serde_json::json!("")),
            Some(serde_json::json!([])),
            Some(serde_json::json!({})),
        ] {
            assert!(absent.judge(&reply(nothing.clone())).is_ok(), "{nothing:?}");
        }
        // A field the response does not have at all is absent too.
        assert!(
            reading("no_such_field", Success::Absent)
                .judge(&ANSWER)
                .is_ok()
        );
    }

    #[test]
    fn anything_present_is_a_failure_reported_with_the_code_and_message() {
        let absent = Outcome {
            field: "error",
            success: Success::Absent,
            code: Some("code"),
            message: Some("msg"),
        };
        for something in [
            serde_json::json!("absent"),
            serde_json::json!(0),
            serde_json::json!(false),
            serde_json::json!(" "),
            serde_json::json!({ "reason": "x" }),
        ] {
            let failed = failure(absent.judge(&reply(Some(something.clone()))));
            assert_eq!(
                (failed.code, failed.message.as_deref()),
                (Some(WireValue::Int(40)), Some("denied")),
                "{something}"
            );
        }
        // Without a `code` field, the value found is the code.
        let bare = reading("error", Success::Absent);
        assert_eq!(
            failure(bare.judge(&reply(Some(serde_json::json!("E42"))))).code,
            Some(WireValue::Str("E42".into()))
        );
    }
}
