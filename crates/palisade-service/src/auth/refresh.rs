//! Refresh-token rotation with reuse detection and a grace window for racing tabs.

use super::{Auth, AuthError, IssuedTokens, REFRESH_TOKEN_PREFIX};
use crate::audit::{Actor, Origin};
use palisade_core::SessionId;
use palisade_crypto::{OpaqueToken, TokenDigest};
use palisade_store::{RefreshRecord, SessionRecord};
use secrecy::{ExposeSecret, SecretString};

impl Auth {
    /// Rotates a refresh token. A spent token presented again revokes its session, unless it
    /// was rotated within the grace window and its successor is still unused: then that same
    /// successor is returned, so two tabs refreshing together do not sign the user out.
    pub async fn refresh(
        &self,
        presented: SecretString,
        origin: &Origin,
    ) -> Result<IssuedTokens, AuthError> {
        let presented = OpaqueToken::from_presented(presented);
        let digest = presented.digest();
        let record = self
            .deps
            .store
            .refresh_token(digest.as_str())
            .await?
            .ok_or(AuthError::InvalidRefreshToken)?;
        let session = self.live_session(record.session_id, origin).await?;
        if record.spent_at.is_none() {
            let successor = OpaqueToken::generate(REFRESH_TOKEN_PREFIX, self.deps.rng());
            let sealed = self.successor_sealer.seal(
                digest.as_str(),
                successor.expose().as_bytes(),
                self.deps.rng(),
            );
            let now = self.deps.clock().now();
            if self
                .deps
                .store
                .rotate_refresh_token(digest.as_str(), successor.digest().as_str(), &sealed, now)
                .await?
            {
                return self.issue(session.user_id, session.id, successor);
            }
        }
        // Spent, by an earlier request or by one racing with this one.
        let record = self
            .deps
            .store
            .refresh_token(digest.as_str())
            .await?
            .ok_or(AuthError::InvalidRefreshToken)?;
        match self.successor_within_grace(&record, &digest).await? {
            Some(successor) => self.issue(session.user_id, session.id, successor),
            None => {
                // Whoever presents a spent token is not trusted to be the session's owner.
                self.revoke(
                    &[session.id],
                    "refresh_token_reuse",
                    Actor::Anonymous,
                    origin,
                )
                .await?;
                tracing::warn!(session = %session.id, "refresh token reuse detected; session revoked");
                Err(AuthError::RefreshTokenReused)
            }
        }
    }

    async fn successor_within_grace(
        &self,
        record: &RefreshRecord,
        digest: &TokenDigest,
    ) -> Result<Option<OpaqueToken>, AuthError> {
        let (Some(spent_at), Some(sealed)) = (record.spent_at, record.successor_sealed.as_deref())
        else {
            return Ok(None);
        };
        if self.deps.clock().now() - spent_at > self.config.refresh_reuse_grace {
            return Ok(None);
        }
        let Ok(opened) =
            self.successor_sealer
                .open(digest.as_str(), digest.as_str().as_bytes(), sealed)
        else {
            return Ok(None);
        };
        let Ok(text) = String::from_utf8(opened.expose_secret().clone()) else {
            return Ok(None);
        };
        let successor = OpaqueToken::from_presented(SecretString::from(text));
        let current = self
            .deps
            .store
            .refresh_token(successor.digest().as_str())
            .await?;
        Ok(current.filter(|r| r.spent_at.is_none()).map(|_| successor))
    }

    /// The session if it is neither revoked nor past its idle or absolute timeout.
    async fn live_session(
        &self,
        id: SessionId,
        origin: &Origin,
    ) -> Result<SessionRecord, AuthError> {
        let session = self
            .deps
            .store
            .session(id)
            .await?
            .ok_or(AuthError::InvalidRefreshToken)?;
        if session.revoked_at.is_some() {
            return Err(AuthError::SessionRevoked);
        }
        let now = self.deps.clock().now();
        let idle = now - session.last_used_at > self.config.session_idle_timeout;
        if idle || now >= session.absolute_expires_at {
            self.revoke(&[id], "expired", Actor::System, origin).await?;
            return Err(AuthError::SessionExpired);
        }
        Ok(session)
    }
}
