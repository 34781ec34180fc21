//! The server's behaviour through real HTTP: one test binary, one module per concern.
// Test helpers fail loudly by design; clippy.toml only covers `#[test]` functions themselves.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod accounts;
mod helpers;

mod admin;
mod api_key_cache;
mod api_keys;
mod audit;
mod audit_events;
mod audit_tamper;
mod auth_cookies;
mod auth_lockout;
mod auth_login;
mod auth_recovery;
mod auth_refresh;
mod auth_sessions;
mod auth_signup;
mod auth_stuffing;
mod auth_token_cache;
mod backups;

mod client_ip;
mod collections;
mod config;
mod cors;
mod health;
mod hostile_input;
mod hostile_paths;
mod idempotency;
mod limits;
mod logging;
mod membership_cache;
mod memberships;
mod mfa;
mod openapi;
mod openapi_contract;
mod privacy;
mod probe;
mod problems;
mod rate_limits;
mod record_lists;
mod record_writes;
mod records;
mod request_id;
mod secret_leaks;
mod security_headers;
mod shared_limits;
mod shutdown;
mod smtp;
mod support_access;
mod tenancy_matrix;
mod tenancy_world;
mod tls;
mod vault;
mod vault_rotation;
mod vault_upgrade;
mod webhook_delivery;
mod webhook_receiver;
mod webhook_ssrf;
mod webhook_stream;
mod webhooks;
mod well_known;
mod workspace_export;
mod workspaces;
