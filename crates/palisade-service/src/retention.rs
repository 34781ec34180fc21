//! Data retention: what has ended (sessions, one-time tokens, invitations, sign-up codes,
//! mail) is kept a while for the account holder's view and for investigations, then deleted
//! by upkeep once an hour. Audit events, idempotent responses and webhook jobs have their own
//! periods (see the README's retention table).

use crate::Platform;
use palisade_store::{RetentionCutoffs, StoreError, SweptCounts};
use time::Duration;

/// How long each kind of ended row is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionConfig {
    /// Sessions (and their refresh tokens) after they were revoked, expired or idled out.
    pub sessions: Duration,
    /// Password-reset tokens and MFA sign-in challenges after use or expiry.
    pub one_time_tokens: Duration,
    /// Invitations after acceptance, revocation or expiry; sign-up access codes after expiry.
    pub invitations: Duration,
    /// Mail after it was queued, delivered or not.
    pub mail: Duration,
}

impl Default for RetentionConfig {
    fn default() -> Self {
        Self {
            sessions: Duration::days(30),
            one_time_tokens: Duration::days(1),
            invitations: Duration::days(30),
            mail: Duration::days(7),
        }
    }
}

impl Platform {
    /// Deletes every row kept past its retention; reports how many of each went.
    pub async fn apply_data_retention(&self) -> Result<SweptCounts, StoreError> {
        let now = self.deps.now();
        let keep = self.retention;
        let cutoffs = RetentionCutoffs {
            sessions_ended_before: now - keep.sessions,
            sessions_idle_before: now - self.session_idle_timeout - keep.sessions,
            one_time_tokens_before: now - keep.one_time_tokens,
            invitations_before: now - keep.invitations,
            mail_before: now - keep.mail,
        };
        let swept = self.deps.store.sweep_ended(&cutoffs).await?;
        if swept.total() > 0 {
            tracing::info!(
                sessions = swept.sessions,
                reset_tokens = swept.reset_tokens,
                mfa_challenges = swept.mfa_challenges,
                invitations = swept.invitations,
                access_codes = swept.access_codes,
                mail = swept.mail,
                "data retention removed what had ended"
            );
        }
        Ok(swept)
    }
}
