//! The policy and the checks that need no network: syntax, scheme, userinfo, IP literals.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use url::{Host, Url};

use crate::ranges::forbidden_range;

/// Longer URLs are refused outright: no receiver needs one, and it bounds what is stored and
/// parsed on every delivery.
pub const MAX_URL_BYTES: usize = 2048;

/// What outbound calls may do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EgressPolicy {
    /// Plain http:// allowed (development only; config switch `webhooks.allow_http`).
    pub allow_http: bool,
    /// Exact socket addresses that may be reached even though their range is forbidden.
    /// Test-only: the server never fills this from its config file.
    pub allowlist: Vec<SocketAddr>,
    /// Bound on a whole delivery: resolve, connect, TLS, request and response read.
    pub timeout: Duration,
    /// How much of a response body is read; more is discarded and the connection dropped.
    pub max_response_bytes: usize,
}

impl Default for EgressPolicy {
    fn default() -> Self {
        Self {
            allow_http: false,
            allowlist: Vec::new(),
            timeout: Duration::from_secs(10),
            max_response_bytes: 64 * 1024,
        }
    }
}

impl EgressPolicy {
    /// Refuses `ip` if its range is forbidden, unless this exact `ip:port` is allowlisted.
    pub(crate) fn admit(&self, ip: IpAddr, port: u16) -> Result<SocketAddr, Refusal> {
        let address = SocketAddr::new(ip, port);
        match forbidden_range(ip) {
            Some(range) if !self.allowlist.contains(&address) => {
                Err(Refusal::ForbiddenAddress { address: ip, range })
            }
            _ => Ok(address),
        }
    }
}

/// Why a URL or address is refused. The message names the rule, never the URL itself (it may
/// carry credentials or secrets in its path).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("the URL is malformed, has no host, or is longer than {MAX_URL_BYTES} bytes")]
    Malformed,
    #[error("the URL scheme is not allowed: webhooks must use https")]
    Scheme,
    #[error("the URL may not carry a user name or password")]
    Userinfo,
    // The address stays out of the message: it would tell a caller what an internal name
    // resolves to.
    #[error("the host is or resolves to an address in a forbidden range ({range})")]
    ForbiddenAddress {
        address: IpAddr,
        range: &'static str,
    },
    #[error("the host name could not be resolved to any address")]
    Unresolvable,
}

impl Refusal {
    /// A stable snake_case code for API errors and delivery records.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Malformed => "malformed_url",
            Self::Scheme => "scheme_not_allowed",
            Self::Userinfo => "userinfo_not_allowed",
            Self::ForbiddenAddress { .. } => "forbidden_address",
            Self::Unresolvable => "unresolvable_host",
        }
    }
}

/// Syntactic checks and IP-literal checks, without resolving. Returns the parsed URL.
///
/// The WHATWG parser has already turned decimal, octal, hex and short IPv4 forms
/// (`2130706433`, `0177.0.0.1`, `0x7f.1`, `127.1`) into `Host::Ipv4`, so every literal spelling
/// of an address reaches [`forbidden_range`].
pub fn check_url(raw: &str, policy: &EgressPolicy) -> Result<Url, Refusal> {
    if raw.len() > MAX_URL_BYTES {
        return Err(Refusal::Malformed);
    }
    let url = Url::parse(raw).map_err(|_| Refusal::Malformed)?;
    match url.scheme() {
        "https" => {}
        "http" if policy.allow_http => {}
        _ => return Err(Refusal::Scheme),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Refusal::Userinfo);
    }
    let port = url.port_or_known_default().ok_or(Refusal::Malformed)?;
    match url.host() {
        None => return Err(Refusal::Malformed),
        Some(Host::Domain("")) => return Err(Refusal::Malformed),
        Some(Host::Domain(_)) => {}
        Some(Host::Ipv4(ip)) => {
            policy.admit(IpAddr::V4(ip), port)?;
        }
        Some(Host::Ipv6(ip)) => {
            policy.admit(IpAddr::V6(ip), port)?;
        }
    }
    Ok(url)
}
