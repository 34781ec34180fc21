//! Synchronous sealing under the platform's data key, for the values the platform itself must
//! use later in hot paths (signing-key seeds, refresh successors, queued mail bodies): one
//! column of one table each, every value bound to its row. Values sealed before the vault
//! existed (format 1, under a key derived for their purpose) still open, and are rewritten.

use super::{Vault, VaultError};
use palisade_core::SecureRng;
use palisade_crypto::envelope::key_version_of;
use palisade_crypto::{Binding, DataKey, OpenError, SealingKey};
use palisade_store::PLATFORM_SCOPE;
use secrecy::SecretBox;
use std::collections::HashMap;
use std::sync::Arc;

/// Seals one column's values; cheap to clone.
#[derive(Debug, Clone)]
pub struct Sealer {
    table: &'static str,
    column: &'static str,
    active: (u32, Arc<DataKey>),
    keys: Arc<HashMap<u32, Arc<DataKey>>>,
    legacy: Arc<SealingKey>,
}

impl Vault {
    /// A sealer for `table.column` under the platform's data keys, loaded now. `legacy`
    /// opens what was sealed before the vault.
    pub async fn platform_sealer(
        &self,
        table: &'static str,
        column: &'static str,
        legacy: SealingKey,
    ) -> Result<Sealer, VaultError> {
        let active = self.active_key(PLATFORM_SCOPE).await?;
        let mut keys = HashMap::new();
        for record in self.store.data_keys(PLATFORM_SCOPE).await? {
            keys.insert(
                record.version,
                self.key(PLATFORM_SCOPE, record.version).await?,
            );
        }
        Ok(Sealer {
            table,
            column,
            active,
            keys: Arc::new(keys),
            legacy: Arc::new(legacy),
        })
    }
}

impl Sealer {
    fn binding<'a>(&self, row: &'a str) -> Binding<'a> {
        Binding {
            scope: PLATFORM_SCOPE,
            table: self.table,
            row,
            column: self.column,
        }
    }

    pub fn seal(&self, row: &str, plaintext: &[u8], rng: &dyn SecureRng) -> Vec<u8> {
        let (version, key) = &self.active;
        key.encrypt(*version, &self.binding(row), plaintext, rng)
    }

    /// Opens a value sealed for `row` (or, from before the vault, for `legacy_context`).
    pub fn open(
        &self,
        row: &str,
        legacy_context: &[u8],
        sealed: &[u8],
    ) -> Result<SecretBox<Vec<u8>>, OpenError> {
        if let Some(version) = key_version_of(sealed) {
            let key = self.keys.get(&version).ok_or(OpenError)?;
            return key.decrypt(&self.binding(row), sealed);
        }
        self.legacy.open(sealed, legacy_context)
    }

    /// Whether `sealed` is in the format from before the vault (and should be rewritten).
    pub fn is_legacy(sealed: &[u8]) -> bool {
        key_version_of(sealed).is_none()
    }
}
