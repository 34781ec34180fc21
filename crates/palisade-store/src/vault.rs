//! Data keys (stored only wrapped) and the encrypted values under them: a workspace's
//! secrets and the platform's own. The store never sees a plaintext value or key.

use crate::{StoreError, WorkspaceScope};
use async_trait::async_trait;
use time::OffsetDateTime;

/// The scope of the platform's own data key (every other scope is a workspace id).
pub const PLATFORM_SCOPE: &str = "platform";

/// One version of a scope's data key, wrapped by the key-encryption key `kek_id`.
#[derive(Clone, PartialEq, Eq)]
pub struct DataKeyRecord {
    pub scope: String,
    pub version: u32,
    pub kek_id: String,
    pub wrapped: Vec<u8>,
    /// Whether new values are encrypted under this version.
    pub active: bool,
    pub created_at: OffsetDateTime,
}

impl std::fmt::Debug for DataKeyRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DataKeyRecord")
            .field("scope", &self.scope)
            .field("version", &self.version)
            .field("kek_id", &self.kek_id)
            .field("active", &self.active)
            .finish_non_exhaustive()
    }
}

/// A secret's metadata: everything but its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretRecord {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    /// Counts value writes, from 1.
    pub version: i64,
    pub key_version: u32,
    pub fingerprint: String,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    pub last_used_at: Option<OffsetDateTime>,
}

/// A secret as written or read for use: its metadata and its ciphertext.
#[derive(Clone, PartialEq, Eq)]
pub struct SealedSecret {
    pub record: SecretRecord,
    pub ciphertext: Vec<u8>,
}

impl std::fmt::Debug for SealedSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SealedSecret")
            .field("record", &self.record)
            .finish_non_exhaustive()
    }
}

/// A value of a workspace still encrypted under an old data-key version.
#[derive(Clone, PartialEq, Eq)]
pub struct StaleValue {
    pub id: String,
    /// The value's write version (part of its binding).
    pub version: i64,
    pub ciphertext: Vec<u8>,
}

impl std::fmt::Debug for StaleValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StaleValue")
            .field("id", &self.id)
            .field("version", &self.version)
            .finish_non_exhaustive()
    }
}

#[async_trait]
pub trait VaultStore: Send + Sync {
    /// Every version of `scope`'s data key, oldest first.
    async fn data_keys(&self, scope: &str) -> Result<Vec<DataKeyRecord>, StoreError>;
    /// Adds `key` as its scope's active version and deactivates the one before; `false` when
    /// that version exists already (another node made it first).
    async fn add_data_key(
        &self,
        key: &DataKeyRecord,
        audit: Option<&palisade_core::audit::AuditEntry>,
    ) -> Result<bool, StoreError>;
    /// Replaces the wrap of one version (master-key rotation) if it is still wrapped by
    /// `from_kek`; the data key itself, and so every value, is untouched.
    async fn rewrap_data_key(
        &self,
        scope: &str,
        version: u32,
        from_kek: &str,
        kek_id: &str,
        wrapped: &[u8],
    ) -> Result<bool, StoreError>;
    /// Destroys an inactive version once no value is encrypted under it; `false` while one is.
    async fn destroy_data_key(&self, scope: &str, version: u32) -> Result<bool, StoreError>;
    /// The platform's scope and every workspace's: where data keys may live.
    async fn key_scopes(&self) -> Result<Vec<String>, StoreError>;

    /// Whether this database has served before the vault existed (it holds a signing key):
    /// read as the owner, like every platform-scope key.
    async fn predates_vault(&self) -> Result<bool, StoreError>;
    async fn platform_secret(&self, name: &str) -> Result<Option<Vec<u8>>, StoreError>;
    /// Stores `ciphertext` under `name` unless one is stored; returns the one stored.
    async fn init_platform_secret(
        &self,
        name: &str,
        ciphertext: &[u8],
        now: OffsetDateTime,
    ) -> Result<Vec<u8>, StoreError>;

    /// Creates or replaces a secret's value. Fails with [`StoreError::KeyRetired`] when its
    /// key version is no longer active, and with a conflict when another write changed the
    /// secret's identity (created or deleted it) since `secret.record.id` was read.
    async fn put_secret(
        &self,
        grant: &crate::Grant<palisade_core::grant::ManageSecrets>,
        secret: &SealedSecret,
        audit: &palisade_core::audit::AuditEntry,
    ) -> Result<(), StoreError>;
    async fn secrets(&self, scope: &WorkspaceScope) -> Result<Vec<SecretRecord>, StoreError>;
    async fn secret(
        &self,
        scope: &WorkspaceScope,
        name: &str,
    ) -> Result<Option<SealedSecret>, StoreError>;
    async fn delete_secret(
        &self,
        grant: &crate::Grant<palisade_core::grant::ManageSecrets>,
        name: &str,
        audit: &palisade_core::audit::AuditEntry,
    ) -> Result<bool, StoreError>;
    async fn touch_secret(
        &self,
        scope: &WorkspaceScope,
        name: &str,
        now: OffsetDateTime,
    ) -> Result<(), StoreError>;

    /// How many encrypted values the workspace holds (what a rotation re-encrypts).
    async fn count_values(&self, workspace_id: &str) -> Result<u64, StoreError>;
    /// Up to `limit` of the workspace's values encrypted under `key_version`.
    async fn values_under_key(
        &self,
        workspace_id: &str,
        key_version: u32,
        limit: u32,
    ) -> Result<Vec<StaleValue>, StoreError>;
    /// Stores a value re-encrypted under `to_version`, unless it changed since it was read
    /// (`version` is its write version then).
    async fn reencrypt_value(
        &self,
        workspace_id: &str,
        id: &str,
        version: i64,
        from_version: u32,
        to_version: u32,
        ciphertext: &[u8],
    ) -> Result<bool, StoreError>;
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: OffsetDateTime = time::macros::datetime!(2026-12-04 12:00 UTC);

    fn record() -> SecretRecord {
        SecretRecord {
            id: "sec_1".into(),
            name: "OPENAI".into(),
            description: None,
            version: 1,
            key_version: 1,
            fingerprint: "abcdef012345".into(),
            created_at: T,
            updated_at: T,
            last_used_at: None,
        }
    }

    #[test]
    fn debug_of_wrapped_keys_and_ciphertexts_shows_no_bytes() {
        let bytes = vec![0xab; 40];
        let shown = format!(
            "{:?} {:?} {:?}",
            DataKeyRecord {
                scope: "ws_1".into(),
                version: 1,
                kek_id: "kek_1".into(),
                wrapped: bytes.clone(),
                active: true,
                created_at: T,
            },
            SealedSecret {
                record: record(),
                ciphertext: bytes.clone(),
            },
            StaleValue {
                id: "sec_1".into(),
                version: 1,
                ciphertext: bytes,
            }
        );
        assert!(
            shown.contains("kek_1") && shown.contains("OPENAI"),
            "{shown}"
        );
        assert!(
            !shown.contains("171") && !shown.contains("ab, ab"),
            "{shown}"
        );
    }
}
