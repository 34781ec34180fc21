//! Workspace API keys as stored: verifiers, never secrets.

use crate::{StoreError, WorkspaceScope};
use async_trait::async_trait;
use palisade_core::{Permission, UserId};
use time::OffsetDateTime;

#[derive(Clone, PartialEq, Eq)]
pub struct ApiKeyRecord {
    /// The 26-character key id embedded in the key.
    pub id: String,
    pub name: String,
    pub scopes: Vec<Permission>,
    pub verifier: String,
    pub created_by: UserId,
    pub created_at: OffsetDateTime,
    pub expires_at: Option<OffsetDateTime>,
    pub last_used_at: Option<OffsetDateTime>,
}

impl std::fmt::Debug for ApiKeyRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApiKeyRecord")
            .field("id", &self.id)
            .field("name", &self.name)
            .field("scopes", &self.scopes)
            .field("verifier", &"[REDACTED]")
            .field("created_by", &self.created_by)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

/// What authenticating with a key needs: its verifier and expiry, and the scope it acts in.
#[derive(Clone, PartialEq, Eq)]
pub struct KeyAuthorization {
    pub verifier: String,
    pub expires_at: Option<OffsetDateTime>,
    pub scope: WorkspaceScope,
}

impl std::fmt::Debug for KeyAuthorization {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyAuthorization")
            .field("verifier", &"[REDACTED]")
            .field("expires_at", &self.expires_at)
            .field("scope", &self.scope)
            .finish()
    }
}

pub(crate) fn encode_scopes(scopes: &[Permission]) -> String {
    scopes
        .iter()
        .map(|p| p.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

pub(crate) fn decode_scopes(raw: &str) -> Result<Vec<Permission>, StoreError> {
    raw.split_whitespace()
        .map(|p| {
            p.parse().map_err(|_| {
                StoreError::Corrupt("api_keys.scopes holds an unknown permission".into())
            })
        })
        .collect()
}

#[async_trait]
pub trait ApiKeyStore: Send + Sync {
    async fn create_api_key(
        &self,
        grant: &crate::Grant<palisade_core::grant::ManageKeys>,
        key: &ApiKeyRecord,
        audit: &palisade_core::audit::AuditEntry,
    ) -> Result<(), StoreError>;
    /// Keys of the workspace that are not revoked.
    async fn api_keys(&self, scope: &WorkspaceScope) -> Result<Vec<ApiKeyRecord>, StoreError>;
    async fn revoke_api_key(
        &self,
        grant: &crate::Grant<palisade_core::grant::ManageKeys>,
        id: &str,
        now: OffsetDateTime,
        audit: &palisade_core::audit::AuditEntry,
    ) -> Result<bool, StoreError>;
    /// Revokes every key `user` created in the workspace; returns their ids.
    async fn revoke_keys_created_by(
        &self,
        grant: &crate::Grant<palisade_core::grant::ManageMembers>,
        user: UserId,
        now: OffsetDateTime,
        audit: &palisade_core::audit::AuditEntry,
    ) -> Result<Vec<String>, StoreError>;
    /// The scope an unrevoked key has in its own workspace, bounded by its creator's current
    /// role; `None` when the key is unknown, revoked, or its creator is no longer a member.
    async fn authorize_key(&self, key_id: &str) -> Result<Option<KeyAuthorization>, StoreError>;
    /// Records that the key acting in `scope` was just used.
    async fn touch_api_key(
        &self,
        scope: &WorkspaceScope,
        now: OffsetDateTime,
    ) -> Result<(), StoreError>;
}
