//! What only some operations can do, as functions an [`Operation`](super::Operation) hands over: write and read
//! DataContract XML, encrypt and decrypt SM4 fields. A generated operation names the one constant that fits
//! (`XmlCodec::DATA_CONTRACT`, `Sm4Codec::FIELDS`); the clients stay generic over every operation.

use std::fmt;

use super::RawResponse;
use crate::format::xml::{self, DataContract, XmlError};
use crate::problem::Rejection;
use crate::protocol::sm4::{Sm4Config, Sm4Error, Sm4Fields};

/// A message that travels as a whole XML body: a DataContract document (a struct, a scalar or a list of scalars),
/// or a [`RawResponse`], whose bytes pass through unread.
pub trait XmlMessage: Sized {
    fn write_xml_body(&self) -> Result<String, XmlError>;
    fn read_xml_body(body: &[u8]) -> Result<Self, Rejection>;
}

impl<T: DataContract> XmlMessage for T {
    fn write_xml_body(&self) -> Result<String, XmlError> {
        xml::to_string(self)
    }

    fn read_xml_body(body: &[u8]) -> Result<T, Rejection> {
        xml::from_slice(body)
    }
}

/// For a server that plays the provider: the answer is its body, and a body read on its own is a `200 OK`
/// `application/xml` answer.
impl XmlMessage for RawResponse {
    fn write_xml_body(&self) -> Result<String, XmlError> {
        self.text().map(str::to_owned).ok_or_else(|| XmlError {
            path: "$".to_owned(),
            code: "invalid_utf8",
            message: "the raw answer is not UTF-8".to_owned(),
        })
    }

    fn read_xml_body(body: &[u8]) -> Result<RawResponse, Rejection> {
        Ok(RawResponse {
            status: http::StatusCode::OK,
            content_type: Some("application/xml".to_owned()),
            body: body.to_vec(),
        })
    }
}

/// DataContract XML for an operation's two messages, both ways (the server's side too, for tests that play it).
pub struct XmlCodec<Request, Response> {
    pub write_request: fn(&Request) -> Result<String, XmlError>,
    pub read_request: fn(&[u8]) -> Result<Request, Rejection>,
    pub write_response: fn(&Response) -> Result<String, XmlError>,
    pub read_response: fn(&[u8]) -> Result<Response, Rejection>,
}

impl<Request: XmlMessage, Response: XmlMessage> XmlCodec<Request, Response> {
    /// The runtime's DataContractSerializer writer and reader for both types.
    pub const DATA_CONTRACT: Self = XmlCodec {
        write_request: Request::write_xml_body,
        read_request: Request::read_xml_body,
        write_response: Response::write_xml_body,
        read_response: Response::read_xml_body,
    };
}

/// Encrypting a request's SM4 fields before it is written, and decrypting them where it is read.
pub struct Sm4Codec<Request> {
    pub encrypt: fn(&mut Request, &Sm4Config),
    pub decrypt: fn(&mut Request, &Sm4Config) -> Result<(), Sm4Error>,
}

impl<Request: Sm4Fields> Sm4Codec<Request> {
    /// The request's own [`Sm4Fields`].
    pub const FIELDS: Self = Sm4Codec {
        encrypt: Request::encrypt_fields,
        decrypt: Request::decrypt_fields,
    };
}

// Function pointers copy whatever the types they take, so neither codec asks its types for `Clone` or `Debug`.

impl<Request, Response> Clone for XmlCodec<Request, Response> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<Request, Response> Copy for XmlCodec<Request, Response> {}

impl<Request, Response> fmt::Debug for XmlCodec<Request, Response> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("XmlCodec")
    }
}

impl<Request> Clone for Sm4Codec<Request> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<Request> Copy for Sm4Codec<Request> {}

impl<Request> fmt::Debug for Sm4Codec<Request> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Sm4Codec")
    }
}
