//! The key-encryption keys a node holds: the current one (the key file, or
//! `PALISADE_MASTER_KEY`) and, during a rotation, accepted ones that unwrap but never wrap.

use crate::config::Config;
use crate::serve::StartupError;
use palisade_core::SecureRng;
use palisade_crypto::master_key::{self, KeyFileOutcome, MasterKey};
use palisade_crypto::{KeyProvider, LocalKeyProvider};
use secrecy::ExposeSecret;
use std::sync::Arc;

#[derive(Debug)]
pub struct Keys {
    pub current: MasterKey,
    pub accepted: Vec<MasterKey>,
}

impl Keys {
    /// Loads the configured keys; on first start (no key given) creates the key file, 0600.
    pub fn load(config: &Config, rng: &dyn SecureRng) -> Result<Self, StartupError> {
        let current = match &config.master_key {
            Some(inline) => MasterKey::from_base64(inline.expose_secret()).map_err(|reason| {
                StartupError::Admin(format!("PALISADE_MASTER_KEY (master_key): {reason}"))
            })?,
            None => {
                let (key, outcome) = master_key::load_or_create(&config.master_key_file, rng)?;
                if outcome == KeyFileOutcome::Created {
                    tracing::info!(path = %config.master_key_file.display(), "generated a new master key");
                }
                key
            }
        };
        let accepted = config
            .accepted_master_key_files
            .iter()
            .map(|path| master_key::load(path))
            .collect::<Result<_, _>>()?;
        Ok(Self { current, accepted })
    }

    pub fn provider(&self) -> Arc<dyn KeyProvider> {
        Arc::new(LocalKeyProvider::new(&self.current, &self.accepted))
    }
}

/// `palisade keys new-master --out F`: a new key file (0600), never overwriting one.
pub fn new_master(out: &std::path::Path) -> Result<String, StartupError> {
    let key = MasterKey::generate(&palisade_core::OsSecureRng);
    master_key::create(out, &key)?;
    Ok(palisade_crypto::envelope::key_id(&key))
}

/// What `palisade keys rotate-master` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MasterRotation {
    pub new_key_id: String,
    /// Whether the new key file was created by this call (it did not exist).
    pub created: bool,
    pub rewrapped: u64,
}

/// `palisade keys rotate-master --new-key-file F`: makes F (created 0600 when absent) the
/// key every data key is wrapped by. Idempotent: run again, it re-wraps only what a node
/// still on the old key wrapped meanwhile. Values are untouched, so their bindings hold.
pub async fn rotate_master(
    config: &Config,
    new_key_file: &std::path::Path,
    progress: &mut (dyn FnMut(u64, u64) + Send),
) -> Result<MasterRotation, StartupError> {
    let rng = palisade_core::OsSecureRng;
    let (store, configured) = crate::serve::open(config, &rng).await?;
    store.migrate().await?;
    let (new, outcome) = master_key::load_or_create(new_key_file, &rng)?;
    // Whatever wraps a data key now (the configured keys, or the new one after an earlier
    // run) unwraps here; the new key wraps.
    let mut holds = vec![configured.current.duplicate()];
    holds.extend(configured.accepted.iter().map(MasterKey::duplicate));
    let keys = Keys {
        current: new.duplicate(),
        accepted: holds,
    };
    // A database that has no root yet (it predates the vault) must get the configured key as
    // its root, as `serve` would have given it, never the new one.
    crate::serve::unlock_seeded(
        &crate::serve::Services::default(),
        &store,
        &keys,
        &configured.current,
    )
    .await?;
    let provider = LocalKeyProvider::new(&keys.current, &keys.accepted);
    let report = palisade_service::vault::rotate_master(
        store.as_ref(),
        &provider,
        &palisade_core::SystemClock,
        &rng,
        progress,
    )
    .await?;
    store.close().await;
    Ok(MasterRotation {
        new_key_id: provider.current_id().to_owned(),
        created: outcome == KeyFileOutcome::Created,
        rewrapped: report.keys,
    })
}

/// `palisade keys rotate-workspace --workspace SLUG`: a new data-key version for the
/// workspace; its values are re-encrypted under it while the servers keep serving.
pub async fn rotate_workspace(
    config: &Config,
    slug: &str,
    progress: &mut (dyn FnMut(u64, u64) + Send),
) -> Result<palisade_service::vault::RotationReport, StartupError> {
    let (store, unlocked, _) = crate::admin::open_vault(config).await?;
    let workspace = store
        .audit_log_of(slug)
        .await?
        .ok_or_else(|| StartupError::Admin(format!("no workspace has the slug `{slug}`")))?;
    let total = store.count_values(&workspace).await?;
    progress(0, total);
    let report =
        palisade_service::vault::rotate_workspace(&unlocked.vault, &workspace, &mut |done| {
            progress(done, total.max(done))
        })
        .await?;
    store.close().await;
    Ok(report)
}
