//! A TOP call as the receiving side reads it (docs/wire-formats.md: TOP endpoint and transport, TOP system parameters,
//! TOP signature, TOP object parameters): the system parameters checked and the signature computed again, and the
//! application parameters read back into the request type. For a server that receives TOP calls, a test that plays the
//! gateway, or a logged call read again.

use codegen_wire::top;
use serde::de::value::MapDeserializer;
use serde::de::{DeserializeOwned, Error as _, IntoDeserializer, Visitor};
use serde::{Deserializer, forward_to_deserialize_any};

use super::response::{data_rejection, json_path};
use super::{Credentials, SYSTEM_PARAMS, SignMethod, sign};
use crate::problem::{Problem, Rejection, Stage};
use crate::scalar::TopDateTime;

/// Checks `params` (the decoded pairs of the form body, and of the query string if any) as the gateway does
/// before it runs an API: every required system parameter is there once, `method` and `app_key` are the expected
/// ones, `v` is `2.0`, `timestamp` is `yyyy-MM-dd HH:mm:ss`, `sign_method` is known, and `sign` is the signature
/// of the other parameters with the secret. Every problem is reported, each at `$.<parameter>`; no message quotes
/// the secret or the expected signature.
///
/// Whether the timestamp is within the gateway's ±10 minutes is not checked: that depends on the receiving
/// clock, and a replayed or logged call is still worth reading.
pub fn verify_request(
    params: &[(String, String)],
    credentials: &Credentials,
    method: &str,
) -> Result<(), Rejection> {
    let mut problems = Vec::new();
    let mut problem = |name: &str, code: &'static str, message: String| {
        problems.push(Problem {
            path: format!("$.{name}"),
            code,
            message,
        });
    };
    for (at, (name, _)) in params.iter().enumerate() {
        if params[..at].iter().any(|(earlier, _)| earlier == name) {
            problem(
                name,
                "duplicate_param",
                "the parameter is sent more than once".to_owned(),
            );
        }
    }
    let value = |name: &str| {
        params
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    };
    for name in top::REQUIRED_PARAMS {
        if value(name).is_none_or(|text| text.trim().is_empty()) {
            problem(
                name,
                "missing_param",
                "a required system parameter is missing".to_owned(),
            );
        }
    }
    if let Some(sent) = value(top::METHOD).filter(|sent| *sent != method) {
        problem(
            top::METHOD,
            "wrong_method",
            format!("calls `{sent}`, not `{method}`"),
        );
    }
    if let Some(sent) = value(top::APP_KEY).filter(|sent| *sent != credentials.app_key) {
        problem(
            top::APP_KEY,
            "wrong_app_key",
            format!("`{sent}` is not the expected app key"),
        );
    }
    if let Some(sent) = value(top::V).filter(|sent| *sent != top::API_VERSION) {
        problem(
            top::V,
            "wrong_version",
            format!("version `{sent}`; the API version is 2.0"),
        );
    }
    if let Some(sent) = value(top::TIMESTAMP)
        && sent.parse::<TopDateTime>().is_err()
    {
        problem(
            top::TIMESTAMP,
            "format",
            format!("`{sent}` is not a time of the form yyyy-MM-dd HH:mm:ss"),
        );
    }
    let method_used = value(top::SIGN_METHOD).map(|name| (name, SignMethod::from_name(name)));
    if let Some((name, None)) = method_used {
        problem(
            top::SIGN_METHOD,
            "wrong_sign_method",
            format!("`{name}` is not md5, hmac or hmac-sha256"),
        );
    }
    if let (Some((_, Some(sign_method))), Some(sent)) = (method_used, value(top::SIGN)) {
        let pairs = params
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_str()));
        let expected = sign(&credentials.secret, pairs, sign_method);
        if !same_text(&expected, sent) {
            problem(
                top::SIGN,
                "invalid_signature",
                format!(
                    "the {} signature of the parameters with the secret differs",
                    sign_method.name()
                ),
            );
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Rejection::new(Stage::Parse, problems))
    }
}

/// Reads the application parameters of `params` (every one that is not a system parameter) into `T`, each as its field:
/// a text as itself, or read as a number or a boolean where the field is one; an object or a list from the JSON text it
/// travels as (docs/wire-formats.md, TOP object parameters). A failure names the path inside the parameter,
/// `$.refund_call_back_param.refund_train_details[0].train_no`.
pub fn decode_params<T: DeserializeOwned>(params: &[(String, String)]) -> Result<T, Rejection> {
    let application = params
        .iter()
        .filter(|(name, _)| !SYSTEM_PARAMS.contains(&name.as_str()))
        .map(|(name, value)| (name.as_str(), Param(value)));
    let deserializer = MapDeserializer::<_, serde_json::Error>::new(application);
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = json_path(&error.path().to_string());
        data_rejection(path, error.into_inner().to_string())
    })
}

/// Compares two signatures in time that depends on their lengths only.
fn same_text(expected: &str, sent: &str) -> bool {
    expected.len() == sent.len()
        && expected
            .bytes()
            .zip(sent.bytes())
            .fold(0, |difference, (a, b)| difference | (a ^ b))
            == 0
}

/// One parameter's text, read as the field it fills asks.
#[derive(Clone, Copy)]
struct Param<'a>(&'a str);

impl<'de> IntoDeserializer<'de, serde_json::Error> for Param<'de> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

impl<'de> Param<'de> {
    fn parse<T: std::str::FromStr, V: Visitor<'de>>(
        self,
        visitor: &V,
    ) -> Result<T, serde_json::Error> {
        self.0.parse().map_err(|_| {
            serde_json::Error::invalid_type(serde::de::Unexpected::Str(self.0), visitor)
        })
    }

    /// The text as the JSON it is: an object or list parameter.
    fn json(self) -> serde_json::Deserializer<serde_json::de::StrRead<'de>> {
        serde_json::Deserializer::from_str(self.0)
    }
}

/// Reads the whole JSON text with `read`, refusing text after the value.
macro_rules! from_json {
    ($self:ident, $read:expr) => {{
        let mut json = $self.json();
        let value = $read(&mut json)?;
        json.end()?;
        Ok(value)
    }};
}

impl<'de> Deserializer<'de> for Param<'de> {
    type Error = serde_json::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_borrowed_str(self.0)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        let value = self.parse(&visitor)?;
        visitor.visit_bool(value)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        let value = self.parse(&visitor)?;
        visitor.visit_i64(value)
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        let value = self.parse(&visitor)?;
        visitor.visit_u64(value)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        let value = self.parse(&visitor)?;
        visitor.visit_f64(value)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        from_json!(self, |json: &mut serde_json::Deserializer<_>| json
            .deserialize_seq(visitor))
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        from_json!(self, |json: &mut serde_json::Deserializer<_>| json
            .deserialize_map(visitor))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        from_json!(self, |json: &mut serde_json::Deserializer<_>| json
            .deserialize_struct(name, fields, visitor))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        from_json!(self, |json: &mut serde_json::Deserializer<_>| json
            .deserialize_tuple(len, visitor))
    }

    forward_to_deserialize_any! {
        i128 u128 char str string bytes byte_buf unit unit_struct tuple_struct enum identifier
        ignored_any
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;
    use crate::top::{Options, encode_request};

    #[derive(Debug, PartialEq, serde::Serialize, Deserialize)]
    struct Inner {
        id: String,
        count: i64,
    }

    #[derive(Debug, PartialEq, serde::Serialize, Deserialize)]
    struct Request {
        object_param: Inner,
        text: String,
        number: i32,
        flag: bool,
        absent: Option<String>,
    }

    const METHOD: &str = "taobao.test.call";

    fn request() -> Request {
        Request {
            object_param: Inner {
                id: "a/b \"c\" 张三".into(),
                count: 0,
            },
            text: "{not json".into(),
            number: -7,
            flag: true,
            absent: None,
        }
    }

    fn signed(credentials: &Credentials) -> Vec<(String, String)> {
        let options = Options {
            session: Some("s".into()),
            timestamp: Some("2016-01-01 12:00:00".parse().expect("a time")),
            ..Options::default()
        };
        encode_request(METHOD, &request(), credentials, &options)
            .expect("encodes")
            .params
    }

    fn codes(result: Result<(), Rejection>) -> Vec<(String, &'static str)> {
        result
            .expect_err("refused")
            .into_errors()
            .into_iter()
            .map(|problem| (problem.path, problem.code))
            .collect()
    }

    #[test]
    fn what_the_client_signs_verifies_and_reads_back() {
        let credentials = Credentials::new("k", "secret");
        let params = signed(&credentials);
        assert_eq!(verify_request(&params, &credentials, METHOD), Ok(()));
        assert_eq!(decode_params::<Request>(&params), Ok(request()));
    }

    #[test]
    fn a_changed_parameter_or_secret_breaks_the_signature() {
        let credentials = Credentials::new("k", "s3cr3t-value");
        let mut params = signed(&credentials);
        params[0].1.push('x');
        assert_eq!(
            codes(verify_request(&params, &credentials, "taobao.test.callx")),
            [("$.sign".to_owned(), "invalid_signature")]
        );
        let other = Credentials::new("k", "an0ther-value");
        let error = verify_request(&signed(&credentials), &other, METHOD).expect_err("refused");
        let shown = format!("{error} {error:?}");
        assert!(
            !shown.contains("an0ther") && !shown.contains("s3cr3t"),
            "{shown}"
        );
    }

    #[test]
    fn every_system_parameter_problem_is_reported() {
        let credentials = Credentials::new("k", "secret");
        let mut params: Vec<(String, String)> = signed(&credentials)
            .into_iter()
            .filter(|(name, _)| name != "sign")
            .collect();
        for (name, value) in &mut params {
            match name.as_str() {
                "method" => *value = "taobao.other".into(),
                "app_key" => *value = "k2".into(),
                "v" => *value = "1.0".into(),
                "timestamp" => *value = "2016-01-01T12:00:00".into(),
                "sign_method" => *value = "sha1".into(),
                _ => {}
            }
        }
        params.push(("v".into(), "2.0".into()));
        assert_eq!(
            codes(verify_request(&params, &credentials, METHOD)),
            [
                ("$.v".to_owned(), "duplicate_param"),
                ("$.sign".to_owned(), "missing_param"),
                ("$.method".to_owned(), "wrong_method"),
                ("$.app_key".to_owned(), "wrong_app_key"),
                ("$.v".to_owned(), "wrong_version"),
                ("$.timestamp".to_owned(), "format"),
                ("$.sign_method".to_owned(), "wrong_sign_method"),
            ]
        );
    }

    #[test]
    fn parameter_problems_are_located_inside_the_object() {
        let params = |object: &str, number: &str| {
            vec![
                ("method".to_owned(), METHOD.to_owned()),
                ("object_param".to_owned(), object.to_owned()),
                ("text".to_owned(), "t".to_owned()),
                ("number".to_owned(), number.to_owned()),
                ("flag".to_owned(), "false".to_owned()),
            ]
        };
        let located = |result: Result<Request, Rejection>| {
            let problem = result.expect_err("refused").into_errors().remove(0);
            (problem.path, problem.code)
        };
        assert_eq!(
            located(decode_params(&params(r#"{"id":"a","count":"x"}"#, "1"))),
            ("$.object_param.count".to_owned(), "invalid_type")
        );
        assert_eq!(
            located(decode_params(&params(r#"{"id":"a"}"#, "1"))),
            ("$.object_param".to_owned(), "missing_field")
        );
        assert_eq!(
            located(decode_params(&params(r#"{"id":"a","count":1}"#, "1.5"))),
            ("$.number".to_owned(), "invalid_type")
        );
        assert!(decode_params::<Request>(&params(r#"{"id":"a","count":1} x"#, "1")).is_err());
    }
}
