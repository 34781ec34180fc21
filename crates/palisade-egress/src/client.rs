//! The egress client: vet a URL, then deliver to the vetted addresses and nowhere else.

use std::fmt;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use rustls::{ClientConfig, RootCertStore};
use url::{Host, Url};

use crate::check::{check_url, EgressPolicy, Refusal};
use crate::resolve::Resolve;
use crate::wire;

/// A URL that passed every check, with the addresses its host resolved to (port included).
/// A delivery connects only to these.
#[derive(Debug, Clone)]
pub struct Vetted {
    pub url: Url,
    pub addresses: Vec<SocketAddr>,
}

/// What a receiver answered. Redirects are not followed: a 3xx is a reply like any other.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    /// At most `max_response_bytes` of the body.
    pub body: Vec<u8>,
    /// The receiver sent more than `max_response_bytes`; the rest was never read.
    pub truncated: bool,
}

/// Why a delivery did not produce a [`Reply`]. Messages never include header values (they carry
/// signatures) nor the full URL.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    #[error(transparent)]
    Refused(#[from] Refusal),
    #[error("the delivery did not finish in the time allowed")]
    Timeout,
    #[error("could not connect to the receiver: {0}")]
    Connect(String),
    #[error("the TLS handshake with the receiver failed: {0}")]
    Tls(String),
    #[error("the HTTP exchange with the receiver failed: {0}")]
    Http(String),
}

impl Failure {
    /// A stable snake_case code for delivery records; a refusal keeps its own code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Refused(refusal) => refusal.code(),
            Self::Timeout => "timeout",
            Self::Connect(_) => "connect_failed",
            Self::Tls(_) => "tls_failed",
            Self::Http(_) => "http_error",
        }
    }
}

/// The only way Palisade's server makes outbound HTTP calls. Cheap to clone.
#[derive(Clone)]
pub struct Egress {
    inner: Arc<Inner>,
}

struct Inner {
    policy: EgressPolicy,
    resolver: Arc<dyn Resolve>,
    /// Built once; an error here (it cannot happen with the bundled provider) fails each https
    /// delivery instead of the constructor, which has no error to return.
    tls: Result<Arc<ClientConfig>, String>,
}

impl fmt::Debug for Egress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Egress")
            .field("policy", &self.inner.policy)
            .field("resolver", &self.inner.resolver)
            .finish_non_exhaustive()
    }
}

impl Egress {
    pub fn new(policy: EgressPolicy, resolver: Arc<dyn Resolve>) -> Self {
        let tls = tls_config().map_err(|error| error.to_string());
        Self {
            inner: Arc::new(Inner {
                policy,
                resolver,
                tls,
            }),
        }
    }

    /// The policy this client enforces.
    pub fn policy(&self) -> &EgressPolicy {
        &self.inner.policy
    }

    /// [`check_url`], then resolve the host and refuse if ANY resolved address is forbidden
    /// (unless that exact socket address is allowlisted). Used when a webhook is created or
    /// updated; a resolver that outlasts the policy timeout counts as unresolvable.
    pub async fn vet(&self, raw: &str) -> Result<Vetted, Refusal> {
        tokio::time::timeout(self.inner.policy.timeout, self.vet_now(raw))
            .await
            .unwrap_or(Err(Refusal::Unresolvable))
    }

    /// POSTs `body` with `headers` to `raw`. The URL is vetted again on every delivery (DNS may
    /// have changed), and the connection goes only to an address that was just checked: there is
    /// no second resolution for a rebinding attacker to win. No redirects are followed; at most
    /// `max_response_bytes` of the answer is read; the whole call is bounded by the timeout.
    ///
    /// The client sets Host, Content-Type (application/json), User-Agent and Content-Length;
    /// `headers` may not name those nor any header that changes message framing.
    pub async fn post(
        &self,
        raw: &str,
        headers: &[(String, String)],
        body: Vec<u8>,
    ) -> Result<Reply, Failure> {
        tokio::time::timeout(self.inner.policy.timeout, self.deliver(raw, headers, body))
            .await
            .unwrap_or(Err(Failure::Timeout))
    }

    async fn vet_now(&self, raw: &str) -> Result<Vetted, Refusal> {
        let policy = &self.inner.policy;
        let url = check_url(raw, policy)?;
        let port = url.port_or_known_default().ok_or(Refusal::Malformed)?;
        let addresses = match url.host() {
            None => return Err(Refusal::Malformed),
            // check_url has already judged literals, allowlist included.
            Some(Host::Ipv4(ip)) => vec![SocketAddr::new(IpAddr::V4(ip), port)],
            Some(Host::Ipv6(ip)) => vec![SocketAddr::new(IpAddr::V6(ip), port)],
            Some(Host::Domain(name)) => {
                let ips = self
                    .inner
                    .resolver
                    .resolve(name, port)
                    .await
                    .map_err(|error| {
                        tracing::debug!(%error, "webhook host did not resolve");
                        Refusal::Unresolvable
                    })?;
                if ips.is_empty() {
                    return Err(Refusal::Unresolvable);
                }
                // One bad address spoils the name: a round-robin answer would otherwise let an
                // attacker reach the internal address on some deliveries.
                let mut addresses = Vec::with_capacity(ips.len());
                for ip in ips {
                    let address = policy.admit(ip, port)?;
                    if !addresses.contains(&address) {
                        addresses.push(address);
                    }
                }
                addresses
            }
        };
        Ok(Vetted { url, addresses })
    }

    async fn deliver(
        &self,
        raw: &str,
        headers: &[(String, String)],
        body: Vec<u8>,
    ) -> Result<Reply, Failure> {
        let vetted = self.vet_now(raw).await?;
        let request = wire::request(&vetted.url, headers, body)?;
        let stream = wire::connect(&vetted.addresses).await?;
        let cap = self.inner.policy.max_response_bytes;
        if vetted.url.scheme() == "https" {
            let config = self.inner.tls.clone().map_err(Failure::Tls)?;
            let stream = wire::tls(config, &vetted.url, stream).await?;
            wire::exchange(stream, request, cap).await
        } else {
            wire::exchange(stream, request, cap).await
        }
    }
}

/// Web PKI roots (Mozilla's set, compiled in) and ring, named explicitly so that another crate
/// enabling a second rustls provider cannot make the process-default lookup ambiguous.
fn tls_config() -> Result<Arc<ClientConfig>, rustls::Error> {
    let roots = RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    let mut config =
        ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .with_safe_default_protocol_versions()?
            .with_root_certificates(roots)
            .with_no_client_auth();
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}
