//! Name resolution behind a trait, so tests can map names to hostile addresses without DNS.

use std::collections::HashMap;
use std::io;
use std::net::IpAddr;

use async_trait::async_trait;

/// Turns a host name into addresses. The egress client checks every address returned and then
/// connects only to those, so a resolver cannot be raced into a second, different answer.
#[async_trait]
pub trait Resolve: Send + Sync + std::fmt::Debug {
    async fn resolve(&self, host: &str, port: u16) -> io::Result<Vec<IpAddr>>;
}

/// The operating system's resolver, through `tokio::net::lookup_host`.
#[derive(Debug, Default)]
pub struct SystemResolver;

#[async_trait]
impl Resolve for SystemResolver {
    async fn resolve(&self, host: &str, port: u16) -> io::Result<Vec<IpAddr>> {
        let found = tokio::net::lookup_host((host, port)).await?;
        Ok(found.map(|address| address.ip()).collect())
    }
}

/// A fixed table of names, for tests. Names are matched case-insensitively (the URL parser has
/// already lowercased them); an unknown name fails with `NotFound`.
#[derive(Debug, Default, Clone)]
pub struct StaticResolver {
    names: HashMap<String, Vec<IpAddr>>,
}

impl StaticResolver {
    pub fn new() -> Self {
        Self::default()
    }

    /// Maps `host` to `addresses`, replacing any earlier mapping. An empty list is kept: it
    /// models a name that resolves to nothing.
    #[must_use]
    pub fn with(mut self, host: &str, addresses: impl IntoIterator<Item = IpAddr>) -> Self {
        self.names
            .insert(host.to_ascii_lowercase(), addresses.into_iter().collect());
        self
    }
}

#[async_trait]
impl Resolve for StaticResolver {
    async fn resolve(&self, host: &str, _port: u16) -> io::Result<Vec<IpAddr>> {
        self.names
            .get(&host.to_ascii_lowercase())
            .cloned()
            .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "name not in the table"))
    }
}
