//! One test binary for the egress guard: hostile URLs, the range table, vetting, and real
//! deliveries to receivers on loopback.
// Test helpers outside #[test] functions may fail loudly too (clippy.toml covers only the tests).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod delivery;
mod hostile;
mod ranges;
mod support;
mod vet;
