//! The Palisade HTTP server: configuration, the axum application, middleware, routes, TLS.
//! Business rules live in `palisade-service`; this crate parses, calls one service method
//! and renders.

pub mod admin;
pub mod app;
pub mod config;
mod connections;
pub mod error;
pub mod extract;
pub mod keys;
pub mod middleware;
pub mod problem_code;
mod problems;
pub mod routes;
pub mod scrub;
pub mod serve;
pub mod state;
pub mod telemetry;
pub mod tls;

pub use config::Config;
pub use error::ApiError;
pub use problem_code::ProblemCode;
pub use serve::{Server, Services, StartupError};
pub use state::AppState;
