//! Extractors: the only way handlers receive input, each turning bad input into a problem.

pub mod admin;
pub mod auth;
mod client_addr;
mod json;
mod origin;
pub mod scoped;

pub use admin::AdminSession;
pub use auth::{Authenticated, Credential};
pub use client_addr::ClientAddr;
pub use json::Json;
pub use origin::{origin_of, RequestOrigin};
pub use scoped::Scoped;
