//! The only way Palisade's server makes outbound HTTP calls (webhook deliveries), guarded
//! against server-side request forgery.
//!
//! A URL must be https (http only where the operator allows it for development), carry no
//! credentials, and its host must resolve only to ordinary public addresses. A delivery connects
//! to an address that was checked a moment before, never to a fresh resolution, follows no
//! redirects, reads a bounded answer, and is bounded in time as a whole.

mod check;
mod client;
mod ranges;
mod resolve;
mod wire;

pub use check::{check_url, EgressPolicy, Refusal, MAX_URL_BYTES};
pub use client::{Egress, Failure, Reply, Vetted};
pub use ranges::forbidden_range;
pub use resolve::{Resolve, StaticResolver, SystemResolver};
