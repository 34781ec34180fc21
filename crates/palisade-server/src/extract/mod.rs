//! Extractors: the only way handlers receive input, each turning bad input into a problem.

pub mod auth;
mod client_addr;
mod json;
pub mod scoped;

pub use auth::{Authenticated, Credential};
pub use client_addr::ClientAddr;
pub use json::Json;
pub use scoped::Scoped;
