//! Palisade's business rules, one service per area, each owning what it needs (store, clock,
//! RNG, caches, background tasks). Nothing here knows HTTP: services take parsed values and
//! return their own error enums, which `palisade-server` turns into problem responses.

pub mod admin;
pub mod audit;
pub mod auth;
pub mod backups;
pub mod cluster;
mod deps;
pub mod idempotency;
pub mod limits;
pub mod mail;
pub mod maintenance;
mod platform;
pub mod retention;
pub mod tasks;
pub mod tenant_data;
pub mod vault;
pub mod wal_shipping;
pub mod webhooks;
pub mod workspaces;

pub use platform::{Platform, PlatformParts, StartError};
