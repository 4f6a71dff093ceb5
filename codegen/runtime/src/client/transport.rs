//! Sending what a [`Codec`] builds, over hyper's HTTP/1.1 client on tokio (feature `transport`).

use bytes::Bytes;
use http::header::CONTENT_TYPE;
use http_body_util::{BodyExt, Full, Limited};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::{Connect, HttpConnector};
use hyper_util::rt::TokioExecutor;

use super::{CallError, Codec};
use crate::protocol::operation::Operation;

/// Answers longer than this are refused before they are read whole; no provider's message comes near it.
pub const MAX_ANSWER_BYTES: usize = 16 * 1024 * 1024;

/// A codec and an HTTP client: `call` builds, sends, receives and reads one operation.
///
/// [`Transport::new`] speaks plain `http://` only (a test server, a gateway behind a local proxy). For HTTPS,
/// such as the TOP gateway, build a hyper-util client on a TLS connector (for example `hyper-rustls`) and pass it
/// to [`Transport::with_client`]. No timeout is set: wrap `call` in `tokio::time::timeout` for one.
#[derive(Clone, Debug)]
pub struct Transport<C, K = HttpConnector> {
    codec: C,
    client: Client<K, Full<Bytes>>,
}

impl<C: Codec> Transport<C> {
    /// A transport over plain HTTP/1.1 connections.
    pub fn new(codec: C) -> Transport<C> {
        let client = Client::builder(TokioExecutor::new()).build_http();
        Transport { codec, client }
    }
}

impl<C: Codec, K: Connect + Clone + Send + Sync + 'static> Transport<C, K> {
    /// A transport over a client the caller built, with its own connector (TLS), pool and settings.
    pub fn with_client(codec: C, client: Client<K, Full<Bytes>>) -> Transport<C, K> {
        Transport { codec, client }
    }

    /// The codec that builds and reads the messages.
    pub fn codec(&self) -> &C {
        &self.codec
    }

    /// Calls `O`: the request is checked and built by the codec, sent, and the answer read back into
    /// `O::Response` or the call's error.
    pub async fn call<O: Operation<Uri = ()>>(
        &self,
        request: &O::Request,
    ) -> Result<O::Response, CallError> {
        self.call_with_uri::<O>(&(), request).await
    }

    /// Calls `O` with the values of its URI's path and query parameters, as [`call`](Transport::call) does.
    pub async fn call_with_uri<O: Operation>(
        &self,
        uri: &O::Uri,
        request: &O::Request,
    ) -> Result<O::Response, CallError> {
        let request = self
            .codec
            .encode_with_uri::<O>(uri, request)?
            .map(|body| Full::new(Bytes::from(body)));
        let answer = self
            .client
            .request(request)
            .await
            .map_err(|error| CallError::Transport(Box::new(error)))?;
        let (parts, body) = answer.into_parts();
        let body = Limited::new(body, MAX_ANSWER_BYTES)
            .collect()
            .await
            .map_err(CallError::Transport)?
            .to_bytes();
        let content_type = parts
            .headers
            .get(CONTENT_TYPE)
            .and_then(|value| value.to_str().ok());
        self.codec.read::<O>(parts.status, content_type, &body)
    }
}
