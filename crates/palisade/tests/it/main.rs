//! The `palisade` binary as a newcomer runs it: a fresh directory, no configuration.
// Test helpers fail loudly by design; clippy.toml only covers `#[test]` functions themselves.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod backup;
mod cli;
mod crash;
mod db_faults;
mod disk_full;
mod keys;
mod pg_pitr;
mod pitr;
mod process;
mod root;
mod serve;
