use crate::serve::PeerAddr;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use std::convert::Infallible;
use std::net::IpAddr;

/// The client's IP address when the server knows it (it does for every real connection): as
/// resolved past trusted proxies (`middleware::client_ip`), else the socket's peer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddr(pub Option<IpAddr>);

impl ClientAddr {
    pub fn of(parts: &Parts) -> Option<IpAddr> {
        parts
            .extensions
            .get::<crate::middleware::client_ip::ClientIp>()
            .map(|client| client.0)
            .or_else(|| {
                parts
                    .extensions
                    .get::<ConnectInfo<PeerAddr>>()
                    .map(|info| info.0 .0.ip())
            })
    }
}

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddr(Self::of(parts)))
    }
}
