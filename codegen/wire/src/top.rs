//! The Taobao Open Platform's fixed names: the system parameters every call carries beside its application
//! parameters (docs/wire-formats.md, TOP system parameters), and the members of the platform's error envelope
//! (TOP error_response). The runtime writes and checks them, and an application parameter must not take one.

/// `method`: the API called, such as `taobao.item.seller.get`.
pub const METHOD: &str = "method";
/// `app_key`: the application's key.
pub const APP_KEY: &str = "app_key";
/// `session`: the user's authorization, for APIs that act for a user.
pub const SESSION: &str = "session";
/// `timestamp`: when the call was made, `yyyy-MM-dd HH:mm:ss` in GMT+8.
pub const TIMESTAMP: &str = "timestamp";
/// `v`: the API version, always [`API_VERSION`].
pub const V: &str = "v";
/// `format`: `json` or `xml`, the format of the response.
pub const FORMAT: &str = "format";
/// `sign_method`: `md5`, `hmac` or `hmac-sha256`.
pub const SIGN_METHOD: &str = "sign_method";
/// `sign`: the signature of every other parameter.
pub const SIGN: &str = "sign";
/// `partner_id`: the SDK's partner id.
pub const PARTNER_ID: &str = "partner_id";
/// `target_app_key`: the application called, for calls between applications.
pub const TARGET_APP_KEY: &str = "target_app_key";
/// `simplify`: `true` asks for the simplified JSON response.
pub const SIMPLIFY: &str = "simplify";

/// The value of `v` the platform accepts.
pub const API_VERSION: &str = "2.0";

/// Every system parameter, in the order the official SDK sends them: an application parameter may not take one,
/// as the two would collide in the one parameter set the server signs and reads.
pub const SYSTEM_PARAMS: [&str; 11] = [
    METHOD,
    APP_KEY,
    SESSION,
    TIMESTAMP,
    V,
    FORMAT,
    SIGN_METHOD,
    SIGN,
    PARTNER_ID,
    TARGET_APP_KEY,
    SIMPLIFY,
];

/// The system parameters every call carries; the gateway refuses a call without one.
pub const REQUIRED_PARAMS: [&str; 6] = [METHOD, APP_KEY, TIMESTAMP, V, SIGN_METHOD, SIGN];

/// The envelope of a platform error, `{"error_response": {"code": ..., "msg": ..., ...}}` in JSON and
/// `<error_response><code>...` in XML alike: the root member or element in place of the API's response.
pub const ERROR_RESPONSE: &str = "error_response";

/// The members of the [`ERROR_RESPONSE`] envelope, as `TaobaoResponse` maps them.
pub mod error {
    /// The platform code (`7` App Call Limited, `15` Remote Service Error, ...).
    pub const CODE: &str = "code";
    /// The platform message.
    pub const MSG: &str = "msg";
    /// The business code, such as `isv.invalid-parameter`.
    pub const SUB_CODE: &str = "sub_code";
    /// The business message.
    pub const SUB_MSG: &str = "sub_msg";
    /// The id of the call, for the platform's support.
    pub const REQUEST_ID: &str = "request_id";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_params_are_system_params_and_names_are_distinct() {
        assert!(
            REQUIRED_PARAMS
                .iter()
                .all(|name| SYSTEM_PARAMS.contains(name))
        );
        let mut names = SYSTEM_PARAMS.to_vec();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), SYSTEM_PARAMS.len());
    }
}
