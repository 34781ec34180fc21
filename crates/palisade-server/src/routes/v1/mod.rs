//! Version 1 of the API.

pub mod api_keys;
pub mod audit;
pub mod auth;
pub mod collections;
pub mod cookies;
pub mod fields;
pub mod invitations;
pub mod json_types;
pub mod me;
mod preconditions;
mod record_query;
pub mod record_view;
pub mod records;
pub mod secrets;
pub mod workspaces;
