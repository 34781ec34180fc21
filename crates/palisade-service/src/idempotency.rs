//! Idempotent writes, with Stripe's semantics: the first response to a workspace write that
//! carries an `Idempotency-Key` is kept for 24 hours, for the principal (the API key, or the
//! user behind a session, so a retry after a token refresh still matches) in that workspace. A
//! retry of the same request gets that response again; the same key on a different request is
//! refused; a retry while the first is still being answered is told to wait. Responses are
//! sealed under the platform's data key, bound to their row, since one may carry a secret
//! shown once (a new API key).

use crate::audit::Actor;
use crate::deps::Deps;
use crate::vault::Sealer;
use palisade_store::{IdempotencyKey, KeyClaim, StoreError, WorkspaceScope};
use serde::{Deserialize, Serialize};
use time::Duration;

/// How long a response is kept for retries.
pub const LIFETIME: Duration = Duration::hours(24);
/// A first request unanswered for this long was abandoned (its node stopped): a retry may
/// take its key over.
const ABANDONED_AFTER: Duration = Duration::minutes(15);
/// The longest key accepted (Stripe's limit).
pub const MAX_KEY_LEN: usize = 255;

/// Whether `key` is a usable idempotency key: 1–255 visible ASCII characters.
pub fn is_valid_key(key: &str) -> bool {
    !key.is_empty() && key.len() <= MAX_KEY_LEN && key.bytes().all(|b| b.is_ascii_graphic())
}

/// What identifies a request for its key: method, target and body, hashed.
pub fn fingerprint(method: &str, target: &str, body: &[u8]) -> String {
    palisade_crypto::digest_hex(&[method.as_bytes(), target.as_bytes(), body])
}

/// A response as it is replayed.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredResponse {
    pub status: u16,
    /// The headers that describe the result (content type, location, entity tag).
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl std::fmt::Debug for StoredResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A body may hold a secret shown once.
        f.debug_struct("StoredResponse")
            .field("status", &self.status)
            .finish_non_exhaustive()
    }
}

/// The right to answer a key's first request, and to have the answer kept.
#[derive(Debug)]
pub struct Ticket {
    scope: WorkspaceScope,
    principal: String,
    key: String,
    /// Proves this request still holds the key (another may have taken an abandoned one over).
    claim: String,
}

impl Ticket {
    fn key(&self) -> IdempotencyKey<'_> {
        IdempotencyKey {
            principal: &self.principal,
            key: &self.key,
        }
    }

    fn row(&self) -> String {
        row(&self.scope, &self.principal, &self.key)
    }
}

fn row(scope: &WorkspaceScope, principal: &str, key: &str) -> String {
    format!("{}/{principal}/{key}", scope.workspace_id())
}

/// What to do with a request that carries a key.
#[derive(Debug)]
pub enum Begun {
    /// The first request with this key: answer it, then [`Idempotency::finish`].
    First(Ticket),
    /// A retry: here is the first answer.
    Replay(StoredResponse),
    /// The first request with this key is still being answered.
    InFlight,
    /// The key was used for a different request.
    Mismatch,
}

/// The idempotency service.
#[derive(Debug, Clone)]
pub struct Idempotency {
    deps: Deps,
    sealer: Sealer,
}

impl Idempotency {
    pub(crate) fn new(deps: Deps, sealer: Sealer) -> Self {
        Self { deps, sealer }
    }

    /// Claims `key` for the caller of `scope`, or finds what it was used for.
    pub async fn begin(
        &self,
        scope: &WorkspaceScope,
        key: &str,
        fingerprint: &str,
    ) -> Result<Begun, StoreError> {
        let principal = Actor::of(scope).text();
        let now = self.deps.now();
        let mut nonce = [0u8; 16];
        self.deps.rng().fill(&mut nonce);
        let claim = palisade_crypto::hex(&nonce);
        let found = self
            .deps
            .store
            .claim_idempotency_key(
                scope,
                IdempotencyKey {
                    principal: &principal,
                    key,
                },
                fingerprint,
                &claim,
                now,
                now + LIFETIME,
                now - ABANDONED_AFTER,
            )
            .await?;
        let used = match found {
            KeyClaim::Claimed => {
                return Ok(Begun::First(Ticket {
                    scope: scope.clone(),
                    principal,
                    key: key.to_owned(),
                    claim,
                }))
            }
            KeyClaim::Used(used) => used,
        };
        if used.fingerprint != fingerprint {
            return Ok(Begun::Mismatch);
        }
        let (Some(_), Some(sealed)) = (used.status, used.response) else {
            return Ok(Begun::InFlight);
        };
        let opened = self
            .sealer
            .open(&row(scope, &principal, key), b"", &sealed)
            .map_err(|_| StoreError::Corrupt("an idempotent response does not open".into()))?;
        let response = serde_json::from_slice(secrecy::ExposeSecret::expose_secret(&opened))
            .map_err(|err| StoreError::Corrupt(format!("an idempotent response: {err}")))?;
        Ok(Begun::Replay(response))
    }

    /// Keeps the answer to a key's first request.
    pub async fn finish(
        &self,
        ticket: Ticket,
        response: &StoredResponse,
    ) -> Result<(), StoreError> {
        let plain = serde_json::to_vec(response)
            .map_err(|err| StoreError::Corrupt(format!("an idempotent response: {err}")))?;
        let sealed = self.sealer.seal(&ticket.row(), &plain, self.deps.rng());
        let store = &self.deps.store;
        let (scope, key, claim) = (&ticket.scope, ticket.key(), ticket.claim.as_str());
        // The write it answers has happened: losing the answer would let a retry repeat it, so
        // one failed attempt to keep it is tried again.
        match store
            .complete_idempotency_key(scope, key, claim, response.status, &sealed)
            .await
        {
            Ok(()) => Ok(()),
            Err(_) => {
                store
                    .complete_idempotency_key(scope, key, claim, response.status, &sealed)
                    .await
            }
        }
    }

    /// Gives the key up: the request may be tried again (it failed on our side).
    pub async fn abandon(&self, ticket: Ticket) -> Result<(), StoreError> {
        self.deps
            .store
            .release_idempotency_key(&ticket.scope, ticket.key(), &ticket.claim)
            .await
    }

    /// Forgets every workspace's responses past their lifetime (periodic upkeep).
    pub async fn sweep(&self) -> Result<u64, StoreError> {
        self.deps
            .store
            .sweep_idempotency_keys(self.deps.now())
            .await
    }
}
