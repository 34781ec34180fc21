//! Palisade cryptography. Every secret type here masks itself in `Debug` and is zeroised on
//! drop (through `secrecy`); primitives come from maintained crates, never written here.
#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod master_key;

pub use master_key::{KeyFileError, KeyFileOutcome, MasterKey};
