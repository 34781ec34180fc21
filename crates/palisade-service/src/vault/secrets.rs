//! A workspace's secrets: third-party credentials stored encrypted under the workspace's data
//! key. Values are write-only: the API returns metadata (with a keyed fingerprint), and a
//! value is decrypted only when a server-side feature uses it, and each use is audited.

use super::{secret_binding, secret_row, Vault, VaultError};
use crate::audit::{Actor, Audit, Draft, Origin, Resource};
use crate::deps::Deps;
use palisade_core::grant::ManageSecrets;
use palisade_crypto::Fingerprinter;
use palisade_store::{Conflict, Grant, SealedSecret, SecretRecord, StoreError, WorkspaceScope};
use secrecy::{ExposeSecret, SecretString};
use std::sync::Arc;

pub const MAX_NAME_LEN: usize = 128;
pub const MAX_VALUE_BYTES: usize = 64 * 1024;
pub const MAX_DESCRIPTION_CHARS: usize = 500;
/// A write that keeps meeting concurrent writes (or rotations) gives up after this many tries.
const ATTEMPTS: usize = 4;

#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    #[error(
        "a secret name is 1 to 128 letters, digits, `_`, `-` or `.`, starting with a letter or `_`"
    )]
    InvalidName,
    #[error("a secret value is 1 to 65536 bytes")]
    InvalidValue,
    #[error("a secret description is at most 500 characters, without control characters")]
    DescriptionTooLong,
    #[error("no secret of this name")]
    NotFound,
    #[error("the secret is being changed by another request; try again")]
    Busy,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Vault(#[from] VaultError),
}

/// A secret's value, decrypted for one use.
pub struct SecretUse {
    pub value: SecretString,
    pub record: SecretRecord,
}

impl std::fmt::Debug for SecretUse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SecretUse")
            .field("value", &"[REDACTED]")
            .field("record", &self.record)
            .finish()
    }
}

pub fn is_secret_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && name.len() <= MAX_NAME_LEN
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

#[derive(Debug, Clone)]
pub struct Secrets {
    deps: Deps,
    vault: Arc<Vault>,
    fingerprints: Arc<Fingerprinter>,
    audit: Audit,
}

fn draft(scope: &WorkspaceScope, action: &'static str, name: &str) -> Draft {
    Draft::success(
        &scope.workspace_id().to_string(),
        Actor::of(scope),
        action,
        Resource::new("secret", name),
    )
}

impl Secrets {
    pub(crate) fn new(
        deps: Deps,
        vault: Arc<Vault>,
        fingerprints: Fingerprinter,
        audit: Audit,
    ) -> Self {
        Self {
            deps,
            vault,
            fingerprints: Arc::new(fingerprints),
            audit,
        }
    }

    /// Creates the secret or replaces its value; `true` when it was created. A description
    /// left out keeps the one stored.
    pub async fn put(
        &self,
        grant: &Grant<ManageSecrets>,
        name: &str,
        value: &SecretString,
        description: Option<String>,
        origin: &Origin,
    ) -> Result<(SecretRecord, bool), SecretError> {
        if !is_secret_name(name) {
            return Err(SecretError::InvalidName);
        }
        let bytes = value.expose_secret().as_bytes();
        if bytes.is_empty() || bytes.len() > MAX_VALUE_BYTES {
            return Err(SecretError::InvalidValue);
        }
        if description.as_ref().is_some_and(|d| {
            d.chars().count() > MAX_DESCRIPTION_CHARS || d.chars().any(char::is_control)
        }) {
            return Err(SecretError::DescriptionTooLong);
        }
        let scope = grant.scope();
        let workspace = scope.workspace_id().to_string();
        for _ in 0..ATTEMPTS {
            let existing = self.deps.store.secret(scope, name).await?.map(|s| s.record);
            let now = self.deps.now();
            let id = existing.as_ref().map_or_else(
                || {
                    let ulid = palisade_core::id::new_ulid_text(self.deps.clock(), self.deps.rng());
                    format!("sec_{ulid}")
                },
                |e| e.id.clone(),
            );
            let version = existing.as_ref().map_or(1, |e| e.version + 1);
            let row = secret_row(&id, version);
            let sealed = self
                .vault
                .encrypt(&secret_binding(&workspace, &row), bytes)
                .await?;
            let fingerprint = self.fingerprints.fingerprint(&workspace, &id, bytes);
            let record = SecretRecord {
                id,
                name: name.to_owned(),
                description: description
                    .clone()
                    .or_else(|| existing.as_ref().and_then(|e| e.description.clone())),
                version,
                key_version: sealed.key_version,
                fingerprint,
                created_at: existing.as_ref().map_or(now, |e| e.created_at),
                updated_at: now,
                last_used_at: existing.as_ref().and_then(|e| e.last_used_at),
            };
            let action = if existing.is_some() {
                "secret.updated"
            } else {
                "secret.created"
            };
            let event = self.audit.entry(draft(scope, action, name), origin);
            let secret = SealedSecret {
                record,
                ciphertext: sealed.ciphertext,
            };
            match self.deps.store.put_secret(grant, &secret, &event).await {
                Ok(()) => {
                    self.audit.appended(&event.log);
                    return Ok((secret.record, existing.is_none()));
                }
                Err(StoreError::KeyRetired) => self.vault.forget_active(&workspace),
                Err(StoreError::Conflict(Conflict::SecretChanged)) => {}
                Err(err) => return Err(err.into()),
            }
        }
        Err(SecretError::Busy)
    }

    pub async fn list(
        &self,
        grant: &Grant<ManageSecrets>,
    ) -> Result<Vec<SecretRecord>, SecretError> {
        Ok(self.deps.store.secrets(grant.scope()).await?)
    }

    pub async fn get(
        &self,
        grant: &Grant<ManageSecrets>,
        name: &str,
    ) -> Result<SecretRecord, SecretError> {
        if !is_secret_name(name) {
            return Err(SecretError::NotFound);
        }
        self.deps
            .store
            .secret(grant.scope(), name)
            .await?
            .map(|s| s.record)
            .ok_or(SecretError::NotFound)
    }

    pub async fn delete(
        &self,
        grant: &Grant<ManageSecrets>,
        name: &str,
        origin: &Origin,
    ) -> Result<(), SecretError> {
        if !is_secret_name(name) {
            return Err(SecretError::NotFound);
        }
        let event = self
            .audit
            .entry(draft(grant.scope(), "secret.deleted", name), origin);
        let deleted = self.deps.store.delete_secret(grant, name, &event).await?;
        self.audit.appended(&event.log);
        if deleted {
            Ok(())
        } else {
            Err(SecretError::NotFound)
        }
    }

    /// Decrypts a secret for a server-side feature (`purpose`, such as `webhook.auth_header`)
    /// acting in `scope`. Every use is audited and stamps the secret's last use.
    pub async fn use_value(
        &self,
        scope: &WorkspaceScope,
        name: &str,
        purpose: &'static str,
        origin: &Origin,
    ) -> Result<SecretUse, SecretError> {
        if !is_secret_name(name) {
            return Err(SecretError::NotFound);
        }
        let sealed = self
            .deps
            .store
            .secret(scope, name)
            .await?
            .ok_or(SecretError::NotFound)?;
        let workspace = scope.workspace_id().to_string();
        let value = self.vault.open_secret(&workspace, &sealed).await?;
        self.deps
            .store
            .touch_secret(scope, name, self.deps.now())
            .await?;
        self.audit
            .record(draft(scope, "secret.used", name).because(purpose), origin);
        Ok(SecretUse {
            value,
            record: sealed.record,
        })
    }
}

impl Vault {
    /// The value of a workspace secret as stored (under the binding of its row and version).
    pub async fn open_secret(
        &self,
        workspace: &str,
        sealed: &SealedSecret,
    ) -> Result<SecretString, VaultError> {
        let row = secret_row(&sealed.record.id, sealed.record.version);
        let plain = self
            .decrypt(&secret_binding(workspace, &row), &sealed.ciphertext)
            .await?;
        String::from_utf8(plain.expose_secret().clone())
            .map(SecretString::from)
            .map_err(|_| VaultError::Corrupt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_names_are_identifier_like() {
        for good in [
            "OPENAI_KEY",
            "_private",
            "stripe.live-key",
            &"a".repeat(128),
        ] {
            assert!(is_secret_name(good), "{good}");
        }
        for bad in ["", "1abc", "-x", "has space", "ü", "a/b", &"a".repeat(129)] {
            assert!(!is_secret_name(bad), "{bad}");
        }
    }

    #[test]
    fn debug_of_a_secret_in_use_masks_its_value() {
        let now = time::OffsetDateTime::UNIX_EPOCH;
        let used = SecretUse {
            value: SecretString::from("sk-live-very-secret"),
            record: SecretRecord {
                id: "sec_1".into(),
                name: "OPENAI".into(),
                description: None,
                version: 1,
                key_version: 1,
                fingerprint: "abcdef012345".into(),
                created_at: now,
                updated_at: now,
                last_used_at: None,
            },
        };
        let shown = format!("{used:?}");
        assert!(shown.contains("[REDACTED]") && shown.contains("OPENAI"));
        assert!(!shown.contains("very-secret"));
    }

    #[test]
    fn debug_of_a_sealed_value_shows_no_ciphertext() {
        let sealed = super::super::Sealed {
            ciphertext: vec![0xcd; 30],
            key_version: 3,
        };
        let shown = format!("{sealed:?}");
        assert!(
            shown.contains("key_version: 3") && !shown.contains("205"),
            "{shown}"
        );
    }
}
