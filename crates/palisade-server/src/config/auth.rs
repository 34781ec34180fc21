//! `[auth]`: password hashing cost and session lifetimes.

use super::ConfigError;
use palisade_crypto::Argon2Cost;
pub use palisade_service::auth::{AuthConfig, SignupPolicy};
use serde::Deserialize;
use time::Duration;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAuth {
    argon2_memory_kib: Option<u32>,
    argon2_iterations: Option<u32>,
    argon2_parallelism: Option<u32>,
    hash_concurrency: Option<usize>,
    hash_queue: Option<usize>,
    access_token_ttl_secs: Option<i64>,
    session_idle_timeout_secs: Option<i64>,
    session_absolute_timeout_secs: Option<i64>,
    refresh_reuse_grace_secs: Option<i64>,
    signup_policy: Option<SignupPolicy>,
    password_reset_ttl_secs: Option<i64>,
    lockout_threshold: Option<u32>,
    lockout_secs: Option<i64>,
    lockout_max_secs: Option<i64>,
    ip_block_failures: Option<u32>,
    ip_block_accounts: Option<u32>,
    ip_block_window_secs: Option<i64>,
    ip_block_secs: Option<i64>,
}

fn within(key: &str, value: i64, min: i64, max: i64) -> Result<Duration, ConfigError> {
    if (min..=max).contains(&value) {
        Ok(Duration::seconds(value))
    } else {
        Err(ConfigError::new(
            key,
            format!("must be between {min} and {max} seconds"),
        ))
    }
}

impl RawAuth {
    pub(super) fn validate(self) -> Result<AuthConfig, ConfigError> {
        let defaults = Argon2Cost::default();
        let argon2 = Argon2Cost {
            memory_kib: self.argon2_memory_kib.unwrap_or(defaults.memory_kib),
            iterations: self.argon2_iterations.unwrap_or(defaults.iterations),
            parallelism: self.argon2_parallelism.unwrap_or(defaults.parallelism),
        };
        palisade_crypto::PasswordHasher::new(argon2)
            .map_err(|err| ConfigError::new("auth.argon2_memory_kib", err.to_string()))?;
        let cores = std::thread::available_parallelism()
            .map(usize::from)
            .unwrap_or(2);
        let hash_concurrency = self.hash_concurrency.unwrap_or(cores);
        if !(1..=256).contains(&hash_concurrency) {
            return Err(ConfigError::new(
                "auth.hash_concurrency",
                "must be between 1 and 256",
            ));
        }
        let hash_queue = self.hash_queue.unwrap_or(32);
        if hash_queue > 10_000 {
            return Err(ConfigError::new("auth.hash_queue", "must be at most 10000"));
        }
        let day = 86_400;
        let access_token_ttl = within(
            "auth.access_token_ttl_secs",
            self.access_token_ttl_secs.unwrap_or(900),
            60,
            3600,
        )?;
        let session_idle_timeout = within(
            "auth.session_idle_timeout_secs",
            self.session_idle_timeout_secs.unwrap_or(7 * day),
            300,
            90 * day,
        )?;
        let session_absolute_timeout = within(
            "auth.session_absolute_timeout_secs",
            self.session_absolute_timeout_secs.unwrap_or(30 * day),
            300,
            365 * day,
        )?;
        if session_absolute_timeout < session_idle_timeout {
            return Err(ConfigError::new(
                "auth.session_absolute_timeout_secs",
                "must not be shorter than auth.session_idle_timeout_secs",
            ));
        }
        let refresh_reuse_grace = within(
            "auth.refresh_reuse_grace_secs",
            self.refresh_reuse_grace_secs.unwrap_or(10),
            0,
            60,
        )?;
        let password_reset_ttl = within(
            "auth.password_reset_ttl_secs",
            self.password_reset_ttl_secs.unwrap_or(1800),
            300,
            day,
        )?;
        let threshold = self.lockout_threshold.unwrap_or(5);
        if !(1..=100).contains(&threshold) {
            return Err(ConfigError::new(
                "auth.lockout_threshold",
                "must be between 1 and 100",
            ));
        }
        let first_lock = within(
            "auth.lockout_secs",
            self.lockout_secs.unwrap_or(900),
            1,
            day,
        )?;
        let longest_lock = within(
            "auth.lockout_max_secs",
            self.lockout_max_secs.unwrap_or(day),
            first_lock.whole_seconds(),
            30 * day,
        )?;
        let ip_block = palisade_service::auth::IpBlockPolicy {
            failures: self.ip_block_failures.unwrap_or(20),
            accounts: self.ip_block_accounts.unwrap_or(5),
            window: within(
                "auth.ip_block_window_secs",
                self.ip_block_window_secs.unwrap_or(600),
                10,
                day,
            )?,
            block_for: within(
                "auth.ip_block_secs",
                self.ip_block_secs.unwrap_or(3600),
                1,
                30 * day,
            )?,
        };
        if !(1..=10_000).contains(&ip_block.failures) {
            return Err(ConfigError::new(
                "auth.ip_block_failures",
                "must be between 1 and 10000",
            ));
        }
        if !(1..=ip_block.failures).contains(&ip_block.accounts) {
            return Err(ConfigError::new(
                "auth.ip_block_accounts",
                "must be between 1 and auth.ip_block_failures",
            ));
        }
        Ok(AuthConfig {
            ip_block,
            lockout: palisade_service::auth::LockoutPolicy {
                threshold,
                first_lock,
                longest_lock,
            },
            argon2,
            hash_concurrency,
            hash_queue,
            access_token_ttl,
            session_idle_timeout,
            session_absolute_timeout,
            refresh_reuse_grace,
            signup_policy: self.signup_policy.unwrap_or(SignupPolicy::Open),
            password_reset_ttl,
        })
    }

    pub(super) fn describe(config: &AuthConfig) -> Vec<(&'static str, String)> {
        vec![
            (
                "auth.argon2_memory_kib",
                config.argon2.memory_kib.to_string(),
            ),
            (
                "auth.argon2_iterations",
                config.argon2.iterations.to_string(),
            ),
            (
                "auth.argon2_parallelism",
                config.argon2.parallelism.to_string(),
            ),
            ("auth.hash_concurrency", config.hash_concurrency.to_string()),
            ("auth.hash_queue", config.hash_queue.to_string()),
            (
                "auth.access_token_ttl_secs",
                config.access_token_ttl.whole_seconds().to_string(),
            ),
            (
                "auth.session_idle_timeout_secs",
                config.session_idle_timeout.whole_seconds().to_string(),
            ),
            (
                "auth.session_absolute_timeout_secs",
                config.session_absolute_timeout.whole_seconds().to_string(),
            ),
            (
                "auth.ip_block_failures",
                config.ip_block.failures.to_string(),
            ),
            (
                "auth.ip_block_accounts",
                config.ip_block.accounts.to_string(),
            ),
            (
                "auth.ip_block_window_secs",
                config.ip_block.window.whole_seconds().to_string(),
            ),
            (
                "auth.ip_block_secs",
                config.ip_block.block_for.whole_seconds().to_string(),
            ),
            (
                "auth.lockout_threshold",
                config.lockout.threshold.to_string(),
            ),
            (
                "auth.lockout_secs",
                config.lockout.first_lock.whole_seconds().to_string(),
            ),
            (
                "auth.lockout_max_secs",
                config.lockout.longest_lock.whole_seconds().to_string(),
            ),
            (
                "auth.refresh_reuse_grace_secs",
                config.refresh_reuse_grace.whole_seconds().to_string(),
            ),
            ("auth.signup_policy", format!("{:?}", config.signup_policy)),
            (
                "auth.password_reset_ttl_secs",
                config.password_reset_ttl.whole_seconds().to_string(),
            ),
        ]
    }
}
