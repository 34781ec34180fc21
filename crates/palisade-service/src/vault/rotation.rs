//! Key rotation. Master-key rotation re-wraps every data key under the new KEK (values are
//! untouched, so their bindings hold). Workspace rotation makes a new data-key version, which
//! new writes use at once, re-encrypts the workspace's values in batches while reads go on
//! (each value names its version), and destroys the old version once nothing uses it.

use super::{secret_binding, secret_row, Vault, VaultError};
use crate::audit::{system_entry, Actor, Draft, Resource};
use palisade_core::{Clock, SecureRng};
use palisade_crypto::envelope::wrap_context;
use palisade_crypto::{KeyProvider, WrappedKey};
use palisade_store::Store;

const BATCH: u32 = 100;
/// Writers that still held the old version when it was retired are re-encrypted by another
/// pass; a handful of passes is plenty, and bounded.
const PASSES: usize = 5;

/// What a rotation changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RotationReport {
    pub keys: u64,
    pub values: u64,
    /// Old versions still in use after the passes (writes kept landing under them): a later
    /// run finishes them.
    pub remaining: u64,
}

/// Re-wraps every data key under `provider`'s current KEK. `provider` must also hold the KEK
/// each key is wrapped by now (the old key file, passed as a previous key).
pub async fn rotate_master(
    store: &dyn Store,
    provider: &dyn KeyProvider,
    clock: &dyn Clock,
    rng: &dyn SecureRng,
    progress: &mut (dyn FnMut(u64, u64) + Send),
) -> Result<RotationReport, VaultError> {
    let mut stale = Vec::new();
    for scope in store.key_scopes().await? {
        stale.extend(
            store
                .data_keys(&scope)
                .await?
                .into_iter()
                .filter(|k| k.kek_id != provider.current_id()),
        );
    }
    let total = stale.len() as u64;
    let mut report = RotationReport::default();
    progress(0, total);
    for record in stale {
        let context = wrap_context(&record.scope, record.version);
        let key = provider.unwrap(
            &WrappedKey {
                kek_id: record.kek_id.clone(),
                bytes: record.wrapped.clone(),
            },
            &context,
        )?;
        let wrapped = provider.wrap(&key, &context, rng);
        if store
            .rewrap_data_key(
                &record.scope,
                record.version,
                &record.kek_id,
                &wrapped.kek_id,
                &wrapped.bytes,
            )
            .await?
        {
            report.keys += 1;
        }
        progress(report.keys, total);
    }
    let event = system_entry(
        Draft::success(
            palisade_core::audit::PLATFORM_LOG,
            Actor::System,
            "master_key.rotated",
            Resource::new("kek", provider.current_id()),
        ),
        clock,
        rng,
    );
    store.append_audit(&[event]).await?;
    Ok(report)
}

/// Gives `workspace_id` a new data-key version and re-encrypts its values under it.
pub async fn rotate_workspace(
    vault: &Vault,
    workspace_id: &str,
    progress: &mut (dyn FnMut(u64) + Send),
) -> Result<RotationReport, VaultError> {
    let store = vault.store.as_ref();
    let old: Vec<u32> = store
        .data_keys(workspace_id)
        .await?
        .iter()
        .map(|k| k.version)
        .collect();
    let next = old.iter().max().map_or(1, |v| v + 1);
    let event = system_entry(
        Draft::success(
            workspace_id,
            Actor::System,
            "data_key.rotated",
            Resource::new("data_key", next),
        ),
        vault.clock.as_ref(),
        vault.rng.as_ref(),
    );
    if !vault.add_version(workspace_id, next, Some(&event)).await? {
        return Err(VaultError::RotationRace);
    }
    vault.forget_active(workspace_id);
    let mut report = RotationReport {
        keys: 1,
        ..RotationReport::default()
    };
    for version in old {
        let mut destroyed = false;
        for _ in 0..PASSES {
            report.values += reencrypt_all(vault, workspace_id, version, &mut *progress).await?;
            destroyed = store.destroy_data_key(workspace_id, version).await?;
            if destroyed {
                vault.forget_version(workspace_id, version);
                break;
            }
        }
        if !destroyed {
            report.remaining += 1;
        }
    }
    Ok(report)
}

async fn reencrypt_all(
    vault: &Vault,
    workspace_id: &str,
    version: u32,
    progress: &mut (dyn FnMut(u64) + Send),
) -> Result<u64, VaultError> {
    let mut done = 0;
    loop {
        let batch = vault
            .store
            .values_under_key(workspace_id, version, BATCH)
            .await?;
        if batch.is_empty() {
            return Ok(done);
        }
        for value in batch {
            let row = secret_row(&value.id, value.version);
            let binding = secret_binding(workspace_id, &row);
            let plain = vault.decrypt(&binding, &value.ciphertext).await?;
            let sealed = vault
                .encrypt(&binding, secrecy::ExposeSecret::expose_secret(&plain))
                .await?;
            // A value rewritten meanwhile is already under the new version: skip it.
            vault
                .store
                .reencrypt_value(
                    workspace_id,
                    &value.id,
                    value.version,
                    version,
                    sealed.key_version,
                    &sealed.ciphertext,
                )
                .await?;
            done += 1;
            progress(done);
        }
    }
}
