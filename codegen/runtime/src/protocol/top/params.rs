//! A request value's application parameters: one text parameter per top-level field (docs/wire-formats.md, TOP object
//! parameters).

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::value::RawValue;

use super::EncodeError;
use crate::format::json;
use crate::protocol::operation::Protocol;

/// The application parameters of a TOP request type, sorted by name.
///
/// Each top-level field becomes one parameter named by its wire (serde) name. An object or list field's value
/// is the exact compact JSON [`json::to_string`] writes for it with [`Protocol::Top`], the bytes the official
/// SDK's `JSONWriter` would send and sign (nulls left out, a required `0` kept). A string field's value is its
/// text, a number's or a boolean's its JSON literal. A field that is `None` (or serializes as `null`) is left
/// out, as the SDK never sends a null parameter.
pub fn application_params<T: Serialize>(request: &T) -> Result<Vec<(String, String)>, EncodeError> {
    let json = json::to_string(request, Protocol::Top).map_err(EncodeError::Serialize)?;
    // The whole request is written by the TOP writer at once, so each field's raw text is exactly what the
    // writer gives for that field alone.
    let fields: BTreeMap<String, &RawValue> =
        serde_json::from_str(&json).map_err(|_| EncodeError::NotAnObject)?;
    let mut params = Vec::with_capacity(fields.len());
    for (name, raw) in fields {
        let text = raw.get();
        let value = if text == "null" {
            continue;
        } else if text.starts_with('"') {
            serde_json::from_str::<String>(text).map_err(EncodeError::Serialize)?
        } else {
            text.to_owned()
        };
        params.push((name, value));
    }
    Ok(params)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TopDateTime;

    #[serde_with::skip_serializing_none]
    #[derive(Serialize)]
    struct Inner {
        zero: i64,
        path: String,
        missing: Option<String>,
        items: Vec<u8>,
    }

    #[derive(Serialize)]
    struct Request {
        object_param: Inner,
        list_param: Vec<&'static str>,
        text: &'static str,
        number: i64,
        flag: bool,
        when: TopDateTime,
        absent: Option<String>,
    }

    #[test]
    fn each_field_is_one_parameter() {
        let request = Request {
            object_param: Inner {
                zero: 0,
                path: "a/b \"c\" 张三".into(),
                missing: None,
                items: vec![1, 2],
            },
            list_param: vec!["x/y"],
            text: "a/b \"c\" 张三",
            number: -7,
            flag: false,
            when: "2018-07-01 07:07:07".parse().unwrap(),
            absent: None,
        };
        let params = application_params(&request).unwrap();
        let expected = [
            ("flag", "false"),
            ("list_param", r#"["x\/y"]"#),
            ("number", "-7"),
            (
                "object_param",
                r#"{"zero":0,"path":"a\/b \"c\" 张三","items":[1,2]}"#,
            ),
            ("text", "a/b \"c\" 张三"),
            ("when", "2018-07-01 07:07:07"),
        ];
        let params: Vec<(&str, &str)> = params
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_str()))
            .collect();
        assert_eq!(params, expected);
    }

    #[test]
    fn an_object_value_is_what_the_json_writer_writes() {
        let inner = Inner {
            zero: 0,
            path: "\u{1}/\u{7f}".into(),
            missing: None,
            items: vec![],
        };
        #[derive(Serialize)]
        struct Wrapper<'a> {
            p: &'a Inner,
        }
        let params = application_params(&Wrapper { p: &inner }).unwrap();
        assert_eq!(
            params,
            [(
                "p".to_owned(),
                json::to_string(&inner, Protocol::Top).unwrap()
            )]
        );
        assert_eq!(
            params[0].1,
            r#"{"zero":0,"path":"\u0001\/\u007F","items":[]}"#
        );
    }

    #[test]
    fn only_a_struct_or_map_is_a_request() {
        for bad in [
            application_params(&[1, 2]),
            application_params(&"text"),
            application_params(&None::<u8>),
        ] {
            assert!(matches!(bad, Err(EncodeError::NotAnObject)), "{bad:?}");
        }
        let empty: BTreeMap<String, String> = BTreeMap::new();
        assert_eq!(application_params(&empty).unwrap(), []);
    }
}
