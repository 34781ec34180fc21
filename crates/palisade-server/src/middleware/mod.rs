//! Cross-cutting request handling, applied to every route in `crate::app`.

pub mod access_log;
pub mod body_limit;
pub mod client_ip;
pub mod contract_audit;
pub mod idempotency;
pub mod problem;
pub mod rate_limit;
pub mod request_id;
pub mod request_target;
pub mod security_headers;
pub mod timeout;
