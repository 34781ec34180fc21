//! Access tokens this node has already verified, so a token presented again costs a hash and
//! a lookup instead of an Ed25519 verification (about 60 µs). An entry holds only what the
//! token says (user, session, validity window); its times are checked again on every use,
//! and the session behind it is still checked on every request, so revocation and expiry
//! work exactly as without the cache. A key reload starts a new cache: a token is never
//! trusted past the keys that verified it.

use lru::LruCache;
use palisade_core::{SessionId, UserId};
use palisade_crypto::jwt::{check_times, AccessClaims, JwtError};
use std::num::NonZeroUsize;
use std::sync::Mutex;
use time::OffsetDateTime;

/// Tokens remembered at once (each about 100 bytes). Only correctly signed tokens get in,
/// so filling it takes real sign-ins; beyond it the least recently used is verified again.
pub(super) const CAPACITY: usize = 100_000;

/// The identity a verified access token carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerifiedToken {
    pub user: UserId,
    pub session: SessionId,
    nbf: i64,
    exp: i64,
}

impl VerifiedToken {
    /// The identity in verified claims; a token whose subject or session is not one of our
    /// ids is invalid however well it is signed.
    pub fn from_claims(claims: &AccessClaims) -> Result<Self, JwtError> {
        Ok(Self {
            user: claims.sub.parse().map_err(|_| JwtError::Invalid)?,
            session: claims.sid.parse().map_err(|_| JwtError::Invalid)?,
            nbf: claims.nbf,
            exp: claims.exp,
        })
    }

    fn usable_at(&self, now: OffsetDateTime) -> Result<Self, JwtError> {
        check_times(self.nbf, self.exp, now).map(|()| *self)
    }
}

#[derive(Debug)]
pub(super) struct VerifiedTokens {
    entries: Mutex<LruCache<[u8; 32], VerifiedToken>>,
}

impl VerifiedTokens {
    pub(super) fn new() -> Self {
        Self::with_capacity(CAPACITY)
    }

    pub(super) fn with_capacity(capacity: usize) -> Self {
        let capacity = NonZeroUsize::new(capacity).unwrap_or(NonZeroUsize::MIN);
        Self {
            entries: Mutex::new(LruCache::new(capacity)),
        }
    }

    fn entries(&self) -> std::sync::MutexGuard<'_, LruCache<[u8; 32], VerifiedToken>> {
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The token with this digest if it was verified here, checked against `now`; an expired
    /// entry is dropped and answered as expired.
    pub(super) fn get(
        &self,
        digest: &[u8; 32],
        now: OffsetDateTime,
    ) -> Option<Result<VerifiedToken, JwtError>> {
        let mut entries = self.entries();
        let usable = entries.get(digest)?.usable_at(now);
        if usable == Err(JwtError::Expired) {
            entries.pop(digest);
        }
        Some(usable)
    }

    pub(super) fn put(&self, digest: [u8; 32], token: VerifiedToken) {
        self.entries().put(digest, token);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use palisade_core::{OsSecureRng, SystemClock};
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2026-12-07 12:00 UTC);

    fn token(exp: OffsetDateTime) -> VerifiedToken {
        VerifiedToken {
            user: UserId::generate(&SystemClock, &OsSecureRng),
            session: SessionId::generate(&SystemClock, &OsSecureRng),
            nbf: NOW.unix_timestamp(),
            exp: exp.unix_timestamp(),
        }
    }

    #[test]
    fn a_remembered_token_is_answered_while_it_is_valid() {
        let cache = VerifiedTokens::new();
        let entry = token(NOW + time::Duration::minutes(15));
        cache.put([1; 32], entry);
        assert_eq!(cache.get(&[1; 32], NOW), Some(Ok(entry)));
        assert_eq!(cache.get(&[2; 32], NOW), None);
    }

    #[test]
    fn a_remembered_token_past_its_expiry_is_refused_and_forgotten() {
        let cache = VerifiedTokens::new();
        cache.put([1; 32], token(NOW + time::Duration::minutes(15)));
        let later = NOW + time::Duration::minutes(16);
        assert_eq!(cache.get(&[1; 32], later), Some(Err(JwtError::Expired)));
        assert_eq!(cache.get(&[1; 32], NOW), None);
    }

    #[test]
    fn the_cache_holds_at_most_its_capacity() {
        let cache = VerifiedTokens::with_capacity(2);
        for n in 0..3u8 {
            cache.put([n; 32], token(NOW + time::Duration::minutes(15)));
        }
        assert_eq!(cache.get(&[0; 32], NOW), None);
        assert!(cache.get(&[2; 32], NOW).is_some());
    }
}
