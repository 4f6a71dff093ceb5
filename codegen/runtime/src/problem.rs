use serde::Serialize;

/// Where in the pipeline a payload was rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// The bytes did not parse into the type.
    Parse,
    /// The value parsed but breaks a rule of the provider's document.
    Validate,
}

/// One thing wrong with a payload, located by a JSON path such as `$.refundparm.ticketids[1]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The JSON path of the offending value; `$` for the whole payload.
    pub path: String,
    /// A stable, machine-readable code, e.g. `json_syntax` or `missing_field`.
    pub code: &'static str,
    /// What is wrong, for a person.
    pub message: String,
}

/// A rejected payload: every problem found, and the stage that found them. It serializes as
/// `{"stage":"parse","errors":[...]}`.
///
/// One pointer wide, as serde_json's own error is: `Result<T, Rejection>` then has the layout of serde_json's
/// `Result<T, Error>`, so a parse that succeeds hands its value on as it is. With the two fields inline
/// (32 bytes) the value was moved from one `Result` into the other, and reading the smallest messages through
/// [`crate::format::json::from_str`] took 8 to 10% longer than through serde_json alone, for the same instructions
/// (`tests/benches/format_ratios.rs`).
#[derive(Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Rejection(Box<Rejected>);

#[derive(Clone, PartialEq, Eq, Serialize)]
struct Rejected {
    stage: Stage,
    errors: Vec<Problem>,
}

impl Rejection {
    /// The problems `stage` found, in the order it found them.
    pub fn new(stage: Stage, errors: Vec<Problem>) -> Rejection {
        Rejection(Box::new(Rejected { stage, errors }))
    }

    /// One parse problem with the message as a whole (`$`): no member of it is to blame.
    pub fn unreadable(code: &'static str, message: impl Into<String>) -> Rejection {
        Rejection::new(
            Stage::Parse,
            vec![Problem {
                path: "$".to_owned(),
                code,
                message: message.into(),
            }],
        )
    }

    /// Whether parsing or validation refused the payload.
    pub fn stage(&self) -> Stage {
        self.0.stage
    }

    /// The problems, in the order they were found.
    pub fn errors(&self) -> &[Problem] {
        &self.0.errors
    }

    /// The problems, owned, for a caller that reports them elsewhere.
    pub fn into_errors(self) -> Vec<Problem> {
        self.0.errors
    }
}

impl std::fmt::Debug for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rejection")
            .field("stage", &self.0.stage)
            .field("errors", &self.0.errors)
            .finish()
    }
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, problem) in self.0.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(
                f,
                "{}: {} ({})",
                problem.path, problem.message, problem.code
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for Rejection {}

/// serde's data error with the offending value taken out: `invalid type: string "4325…", expected i64` becomes
/// `invalid type: string, expected i64`. A parser does not know which fields are sensitive (an identity number
/// sent as a number lands here), so no parse message quotes a value.
pub(crate) fn without_value(message: &str) -> String {
    for prefix in ["invalid type: ", "invalid value: "] {
        let Some(rest) = message.strip_prefix(prefix) else {
            continue;
        };
        let Some(expected) = rest.rfind(", expected ") else {
            continue;
        };
        let unexpected = &rest[..expected];
        // serde writes the kind, then the value in backticks or quotes: `integer `5``, `string "x"`.
        let value = [" `", " \""]
            .iter()
            .filter_map(|open| unexpected.find(open))
            .min();
        let kind = value.map_or(unexpected, |start| &unexpected[..start]);
        return format!("{prefix}{kind}{}", &rest[expected..]);
    }
    message.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What keeps a good parse's value from being moved between `Result`s (see [`Rejection`]).
    #[test]
    fn a_rejection_is_one_pointer_wide_and_reads_as_its_two_fields() {
        assert_eq!(size_of::<Rejection>(), size_of::<usize>());
        let rejection = Rejection::new(
            Stage::Validate,
            vec![Problem {
                path: "$.a".to_owned(),
                code: "required",
                message: "is required".to_owned(),
            }],
        );
        assert_eq!(
            serde_json::to_string(&rejection).unwrap(),
            r#"{"stage":"validate","errors":[{"path":"$.a","code":"required","message":"is required"}]}"#
        );
        assert_eq!(
            format!("{rejection:?}"),
            r#"Rejection { stage: Validate, errors: [Problem { path: "$.a", code: "required", message: "is required" }] }"#
        );
    }

    #[test]
    fn values_are_taken_out_of_serde_messages_and_kinds_stay() {
        let cases = [
            (
                r#"invalid type: string "432524100011191212", expected i64"#,
                "invalid type: string, expected i64",
            ),
            (
                "invalid type: integer `432524100011191212`, expected a string",
                "invalid type: integer, expected a string",
            ),
            (
                "invalid value: floating point `1.5`, expected i32",
                "invalid value: floating point, expected i32",
            ),
            (
                r#"invalid type: string "a, expected b", expected i32"#,
                "invalid type: string, expected i32",
            ),
            (
                "invalid type: map, expected a string",
                "invalid type: map, expected a string",
            ),
            (
                "invalid type: unit value, expected i32",
                "invalid type: unit value, expected i32",
            ),
            ("missing field `username`", "missing field `username`"),
        ];
        for (message, expected) in cases {
            assert_eq!(without_value(message), expected, "{message}");
        }
    }
}
