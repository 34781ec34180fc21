//! The vault: envelope encryption for everything Palisade must store and use later. The KEK
//! (through a [`KeyProvider`]) only wraps data keys; each scope (the platform, or one
//! workspace) has versioned data keys, cached here once unwrapped, so encrypting and
//! decrypting cost no database round trip after the first use.

mod root;
mod rotation;
mod sealer;
mod secrets;

pub use root::{unlock, Unlocked};
pub use rotation::{rotate_master, rotate_workspace, RotationReport};
pub use sealer::Sealer;
pub use secrets::{is_secret_name, SecretError, SecretUse, Secrets};

use palisade_core::{Clock, SecureRng};
use palisade_crypto::envelope::{key_version_of, wrap_context};
use palisade_crypto::{Binding, DataKey, KeyProvider, UnwrapError, WrappedKey};
use palisade_store::{DataKeyRecord, Store, StoreError};
use secrecy::SecretBox;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The version a value names does not exist: destroyed with its workspace, or never made.
    #[error("the data key for {scope} version {version} does not exist (destroyed?)")]
    KeyDestroyed { scope: String, version: u32 },
    #[error(transparent)]
    Unwrap(#[from] UnwrapError),
    /// The value does not open under its key and binding: moved, tampered or corrupt.
    #[error("an encrypted value does not open where it is stored")]
    Corrupt,
    #[error("another rotation of this workspace's data key is under way")]
    RotationRace,
}

/// A value encrypted under a scope's data key, and that key's version.
#[derive(Clone, PartialEq, Eq)]
pub struct Sealed {
    pub ciphertext: Vec<u8>,
    pub key_version: u32,
}

impl std::fmt::Debug for Sealed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sealed")
            .field("key_version", &self.key_version)
            .finish_non_exhaustive()
    }
}

/// An unwrapped key and when its row was last seen in the store.
#[derive(Debug)]
struct Cached {
    key: Arc<DataKey>,
    seen_at: time::OffsetDateTime,
}

type Keys = HashMap<(String, u32), Cached>;

/// How long a cached key is used before its row is looked at again: a key destroyed on
/// another node (its workspace deleted, a rotation finished) leaves this node's memory
/// within this time, not at its next restart.
const RECHECK_AFTER: time::Duration = time::Duration::minutes(5);

#[derive(Debug)]
pub struct Vault {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    rng: Arc<dyn SecureRng>,
    provider: Arc<dyn KeyProvider>,
    keys: RwLock<Keys>,
    active: RwLock<HashMap<String, u32>>,
}

impl Vault {
    pub fn new(
        store: Arc<dyn Store>,
        clock: Arc<dyn Clock>,
        rng: Arc<dyn SecureRng>,
        provider: Arc<dyn KeyProvider>,
    ) -> Self {
        Self {
            store,
            clock,
            rng,
            provider,
            keys: RwLock::default(),
            active: RwLock::default(),
        }
    }

    pub fn provider(&self) -> &Arc<dyn KeyProvider> {
        &self.provider
    }

    /// Encrypts under the scope's active data key, creating its first one when it has none.
    pub async fn encrypt(
        &self,
        binding: &Binding<'_>,
        plaintext: &[u8],
    ) -> Result<Sealed, VaultError> {
        let (version, key) = self.active_key(binding.scope).await?;
        Ok(Sealed {
            ciphertext: key.encrypt(version, binding, plaintext, self.rng.as_ref()),
            key_version: version,
        })
    }

    /// Decrypts a value under the data-key version its header names.
    pub async fn decrypt(
        &self,
        binding: &Binding<'_>,
        ciphertext: &[u8],
    ) -> Result<SecretBox<Vec<u8>>, VaultError> {
        let version = key_version_of(ciphertext).ok_or(VaultError::Corrupt)?;
        let key = self.key(binding.scope, version).await?;
        key.decrypt(binding, ciphertext)
            .map_err(|_| VaultError::Corrupt)
    }

    /// Forgets which version is active in `scope`: a write met a rotation made elsewhere.
    pub fn forget_active(&self, scope: &str) {
        write(&self.active).remove(scope);
    }

    /// Drops every cached key of `scope` (its data keys were destroyed).
    pub fn forget_scope(&self, scope: &str) {
        write(&self.active).remove(scope);
        write(&self.keys).retain(|(s, _), _| s != scope);
    }

    fn forget_version(&self, scope: &str, version: u32) {
        write(&self.keys).remove(&(scope.to_owned(), version));
    }

    async fn active_key(&self, scope: &str) -> Result<(u32, Arc<DataKey>), VaultError> {
        let cached = read(&self.active).get(scope).copied();
        if let Some(version) = cached {
            return Ok((version, self.key(scope, version).await?));
        }
        let mut records = self.store.data_keys(scope).await?;
        if !records.iter().any(|r| r.active) {
            self.add_version(scope, 1, None).await?;
            records = self.store.data_keys(scope).await?;
        }
        let version = records
            .iter()
            .find(|r| r.active)
            .map(|r| r.version)
            .ok_or(VaultError::Corrupt)?;
        write(&self.active).insert(scope.to_owned(), version);
        Ok((version, self.key(scope, version).await?))
    }

    async fn key(&self, scope: &str, version: u32) -> Result<Arc<DataKey>, VaultError> {
        let slot = (scope.to_owned(), version);
        let now = self.clock.now();
        if let Some(cached) = read(&self.keys).get(&slot) {
            if now - cached.seen_at < RECHECK_AFTER {
                return Ok(Arc::clone(&cached.key));
            }
        }
        let records = match self.store.data_keys(scope).await {
            Ok(records) => records,
            // An outage is no reason to stop using a key already held.
            Err(err) => match read(&self.keys).get(&slot) {
                Some(cached) => return Ok(Arc::clone(&cached.key)),
                None => return Err(err.into()),
            },
        };
        {
            // Forget what the store no longer holds; what it holds was seen just now.
            let mut keys = write(&self.keys);
            keys.retain(|(s, v), _| s != scope || records.iter().any(|r| r.version == *v));
            for (_, cached) in keys.iter_mut().filter(|((s, _), _)| s == scope) {
                cached.seen_at = now;
            }
        }
        if let Some(failed) = self.cache(&records).remove(&version) {
            return Err(failed.into());
        }
        read(&self.keys)
            .get(&slot)
            .map(|cached| Arc::clone(&cached.key))
            .ok_or_else(|| VaultError::KeyDestroyed {
                scope: scope.to_owned(),
                version,
            })
    }

    /// Unwraps and caches every version not cached yet; a version that does not unwrap here
    /// (wrapped by a KEK this node lacks) fails only the values that need it.
    fn cache(&self, records: &[DataKeyRecord]) -> HashMap<u32, UnwrapError> {
        let mut failed = HashMap::new();
        for record in records {
            let slot = (record.scope.clone(), record.version);
            if read(&self.keys).contains_key(&slot) {
                continue;
            }
            let unwrapped = self.provider.unwrap(
                &WrappedKey {
                    kek_id: record.kek_id.clone(),
                    bytes: record.wrapped.clone(),
                },
                &wrap_context(&record.scope, record.version),
            );
            match unwrapped {
                Ok(key) => {
                    let cached = Cached {
                        key: Arc::new(key),
                        seen_at: self.clock.now(),
                    };
                    write(&self.keys).insert(slot, cached);
                }
                Err(err) => {
                    failed.insert(record.version, err);
                }
            }
        }
        failed
    }

    /// Makes `version` the scope's active data key (a new random key, wrapped by the current
    /// KEK); `false` when another node made that version first.
    async fn add_version(
        &self,
        scope: &str,
        version: u32,
        audit: Option<&palisade_core::audit::AuditEntry>,
    ) -> Result<bool, VaultError> {
        let key = DataKey::generate(self.rng.as_ref());
        let wrapped = self
            .provider
            .wrap(&key, &wrap_context(scope, version), self.rng.as_ref());
        let added = self
            .store
            .add_data_key(
                &DataKeyRecord {
                    scope: scope.to_owned(),
                    version,
                    kek_id: wrapped.kek_id,
                    wrapped: wrapped.bytes,
                    active: true,
                    created_at: self.clock.now(),
                },
                audit,
            )
            .await?;
        Ok(added)
    }
}

/// The row a secret's value is bound to: its id and write version, so an older value of the
/// same secret put back in its place does not open either.
pub fn secret_row(id: &str, version: i64) -> String {
    format!("{id}/v{version}")
}

/// The binding of a workspace secret's value (`row` from [`secret_row`]).
pub fn secret_binding<'a>(workspace: &'a str, row: &'a str) -> Binding<'a> {
    Binding {
        scope: workspace,
        table: "secrets",
        row,
        column: "ciphertext",
    }
}

fn read<T>(lock: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    lock.read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn write<T>(lock: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    lock.write()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use palisade_core::{OsSecureRng, SystemClock};
    use palisade_crypto::{LocalKeyProvider, MasterKey, SealingKey};
    use palisade_store::testing::TestDatabase;

    /// The vault, its unlocked root and a sealer hold live keys; none shows one in `Debug`.
    #[tokio::test]
    async fn debug_of_an_unlocked_vault_and_its_sealers_shows_no_key() {
        let db = TestDatabase::sqlite();
        let store = db.connect().await;
        store.migrate().await.unwrap();
        let master = MasterKey::generate(&OsSecureRng);
        let unlocked = unlock(
            store,
            Arc::new(SystemClock),
            Arc::new(OsSecureRng),
            Arc::new(LocalKeyProvider::new(&master, &[])),
            &master,
        )
        .await
        .unwrap();
        let sealer = unlocked
            .vault
            .platform_sealer("t", "c", SealingKey::derive(&master, "p"))
            .await
            .unwrap();
        let shown = format!("{unlocked:?} {sealer:?}");
        assert!(shown.contains("DataKey([REDACTED])"), "{shown}");
        let hex = palisade_crypto::hex;
        for key in [master.expose_bytes(), unlocked.root.expose_bytes()] {
            assert!(
                !shown.contains(&hex(&key[..8])) && !shown.contains(&format!("{:?}", &key[..4]))
            );
        }
        db.cleanup().await;
    }
}
