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
    pub lockout: LockoutPolicy,
    pub ip_block: IpBlockPolicy,
}

/// When failed sign-ins from one address across many accounts (credential stuffing) block it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpBlockPolicy {
    /// Failed sign-ins from the address within `window`…
    pub failures: u32,
    /// …trying at least this many different accounts…
    pub accounts: u32,
    pub window: Duration,
    /// …block it this long.
    pub block_for: Duration,
}

impl Default for IpBlockPolicy {
    fn default() -> Self {
        Self {
            failures: 20,
            accounts: 5,
            window: Duration::minutes(10),
            block_for: Duration::hours(1),
        }
    }
}

/// When repeated failed sign-ins lock an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LockoutPolicy {
    /// Consecutive failures that lock the account.
    pub threshold: u32,
    /// How long the first lock lasts; each lock in a row lasts twice the one before.
    pub first_lock: Duration,
    /// No lock lasts longer.
    pub longest_lock: Duration,
}

impl Default for LockoutPolicy {
    fn default() -> Self {
        Self {
            threshold: 5,
            first_lock: Duration::minutes(15),
            longest_lock: Duration::hours(24),
        }
    }
}

impl LockoutPolicy {
    /// The length of the lock after `earlier` locks in a row.
    pub fn lock_for(&self, earlier: u32) -> Duration {
        let factor = 1_i32.checked_shl(earlier.min(30)).unwrap_or(i32::MAX);
        self.first_lock
            .checked_mul(factor)
            .map_or(self.longest_lock, |d| d.min(self.longest_lock))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_lock_in_a_row_lasts_twice_the_one_before_up_to_the_longest() {
        let policy = LockoutPolicy::default();
        assert_eq!(policy.lock_for(0), Duration::minutes(15));
        assert_eq!(policy.lock_for(1), Duration::minutes(30));
        assert_eq!(policy.lock_for(3), Duration::hours(2));
        assert_eq!(policy.lock_for(7), Duration::hours(24));
        assert_eq!(policy.lock_for(u32::MAX), Duration::hours(24));
    }
}
