//! The Palisade HTTP server: configuration, the axum application, middleware, routes, TLS.

pub mod admin;
pub mod app;
pub mod auth;
pub mod background;
pub mod config;
pub mod error;
pub mod extract;
pub mod mail;
pub mod maintenance;
pub mod middleware;
pub mod problem_code;
pub mod routes;
pub mod serve;
pub mod state;
pub mod telemetry;
pub mod tenant_data;
pub mod tls;

pub use config::Config;
pub use error::ApiError;
pub use problem_code::ProblemCode;
pub use serve::{Server, Services, StartupError};
pub use state::AppState;
