//! Which address a request comes from. The socket's peer, unless that peer is one of the
//! `trusted_proxies`: then `X-Forwarded-For` is read right to left, past trusted hops only,
//! and the first address not trusted is the client. A header sent by anyone else is ignored,
//! so a client cannot choose the address its rate limits, blocks and audit events use.

use crate::state::AppState;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;
use ipnet::IpNet;
use std::net::IpAddr;

/// The client's address as resolved for this request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

/// Most `X-Forwarded-For` entries considered: a chain longer than this is not believed.
const MAX_HOPS: usize = 32;

/// A hop as proxies write it: `1.2.3.4`, `1.2.3.4:5678`, `2001:db8::1`, `[2001:db8::1]:443`;
/// IPv4-mapped IPv6 (`::ffff:10.0.0.1`) is the IPv4 address it maps.
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    let bare = if let Some(rest) = hop.strip_prefix('[') {
        rest.split(']').next()?
    } else if hop.matches(':').count() == 1 {
        hop.split(':').next()?
    } else {
        hop
    };
    bare.parse::<IpAddr>().ok().map(|ip| ip.to_canonical())
}

pub fn resolve(peer: IpAddr, headers: &HeaderMap, trusted: &[IpNet]) -> IpAddr {
    let peer = peer.to_canonical();
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .collect();
    let mut client = peer;
    for hop in hops.iter().rev().take(MAX_HOPS) {
        // What a trusted hop appended is believed; what it could not parse ends the chain.
        let Some(ip) = parse_hop(hop) else {
            return client;
        };
        client = ip;
        if !is_trusted(&ip) {
            return ip;
        }
    }
    client
}

pub async fn assign(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<crate::serve::PeerAddr>>()
        .map(|info| info.0 .0.ip());
    if let Some(peer) = peer {
        let client = resolve(peer, req.headers(), &state.config().trusted_proxies);
        req.extensions_mut().insert(ClientIp(client));
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(forwarded: &[&str]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for value in forwarded {
            map.append("x-forwarded-for", HeaderValue::from_str(value).unwrap());
        }
        map
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn nets(list: &[&str]) -> Vec<IpNet> {
        list.iter().map(|n| n.parse().unwrap()).collect()
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_forwards() {
        let spoofed = headers(&["203.0.113.9"]);
        assert_eq!(
            resolve(ip("198.51.100.1"), &spoofed, &[]),
            ip("198.51.100.1")
        );
        let trusted = nets(&["10.0.0.0/8"]);
        assert_eq!(
            resolve(ip("198.51.100.1"), &spoofed, &trusted),
            ip("198.51.100.1")
        );
    }

    #[test]
    fn trusted_hops_are_skipped_from_the_right() {
        let trusted = nets(&["10.0.0.0/8"]);
        let chain = headers(&["1.1.1.1, 203.0.113.9, 10.0.0.2"]);
        assert_eq!(resolve(ip("10.0.0.1"), &chain, &trusted), ip("203.0.113.9"));
        let split = headers(&["1.1.1.1", "203.0.113.9, 10.0.0.2"]);
        assert_eq!(resolve(ip("10.0.0.1"), &split, &trusted), ip("203.0.113.9"));
    }

    #[test]
    fn a_trusted_peer_without_the_header_is_the_client() {
        let trusted = nets(&["10.0.0.0/8"]);
        assert_eq!(
            resolve(ip("10.0.0.1"), &HeaderMap::new(), &trusted),
            ip("10.0.0.1")
        );
    }

    #[test]
    fn hops_with_ports_brackets_or_mapped_addresses_are_understood() {
        let trusted = nets(&["10.0.0.0/8"]);
        let chain = headers(&["[2001:db8::7]:443, 203.0.113.9:5678, 10.0.0.2:80"]);
        assert_eq!(resolve(ip("10.0.0.1"), &chain, &trusted), ip("203.0.113.9"));
        let v6 = headers(&["[2001:db8::7]:443"]);
        assert_eq!(
            resolve(ip("::ffff:10.0.0.1"), &v6, &trusted),
            ip("2001:db8::7")
        );
        assert_eq!(
            resolve(ip("::ffff:198.51.100.1"), &v6, &trusted),
            ip("198.51.100.1")
        );
    }

    #[test]
    fn garbage_in_the_chain_stops_at_the_last_believed_hop() {
        let trusted = nets(&["10.0.0.0/8"]);
        let chain = headers(&["203.0.113.9, not-an-ip, 10.0.0.2"]);
        assert_eq!(resolve(ip("10.0.0.1"), &chain, &trusted), ip("10.0.0.2"));
    }
}
