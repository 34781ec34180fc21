//! The `palisade` binary as a newcomer runs it: a fresh directory, no configuration.

mod cli;
mod process;
mod serve;
