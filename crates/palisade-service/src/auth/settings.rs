//! Identity settings, as validated by the server's configuration loader.

use palisade_crypto::Argon2Cost;
use serde::Deserialize;
use time::Duration;

/// Who may create an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignupPolicy {
    Open,
    /// Only with an open invitation addressed to the new account's e-mail.
    InviteOnly,
    /// With a code from `palisade admin access-code create`.
    AccessCode,
}

/// Validated authentication settings.
#[derive(Debug, Clone)]
pub struct AuthConfig {
    pub argon2: Argon2Cost,
    /// Hashes computed at once (each takes a blocking thread and `argon2.memory_kib` of RAM).
    pub hash_concurrency: usize,
    /// Logins allowed to wait for a hashing slot before new ones get 503.
    pub hash_queue: usize,
    pub access_token_ttl: Duration,
    pub session_idle_timeout: Duration,
    pub session_absolute_timeout: Duration,
    pub refresh_reuse_grace: Duration,
    pub signup_policy: SignupPolicy,
    pub password_reset_ttl: Duration,
}
