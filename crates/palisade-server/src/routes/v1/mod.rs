//! Version 1 of the API.

pub mod auth;
pub mod cookies;
pub mod me;
