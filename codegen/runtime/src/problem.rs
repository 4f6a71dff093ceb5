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

/// A rejected payload: every problem found, and the stage that found them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Rejection {
    pub stage: Stage,
    pub errors: Vec<Problem>,
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, problem) in self.errors.iter().enumerate() {
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
