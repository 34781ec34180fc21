//! Version 1 of the API.

pub mod admin;
pub mod api_keys;
pub mod audit;
pub mod auth;
pub mod collections;
pub mod cookies;
pub mod fields;
pub mod invitations;
pub mod json_types;
pub mod me;
pub mod mfa;
mod preconditions;
mod record_query;
pub mod record_view;
pub mod records;
pub mod secrets;
pub mod support;
pub mod workspaces;
