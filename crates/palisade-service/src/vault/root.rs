//! Unlocking: the KEK opens the platform's data key, which opens the derivation root, from
//! which the platform's own keys (API-key pepper, audit signing key, IP hasher, sealing keys,
//! the database role's password) are derived. The root is stored encrypted, not derived from
//! the KEK, so rotating the master key re-wraps one data key and changes none of them.

use super::{Vault, VaultError};
use palisade_core::{Clock, SecureRng};
use palisade_crypto::{Binding, KeyProvider, MasterKey};
use palisade_store::{Store, PLATFORM_SCOPE};
use secrecy::ExposeSecret;
use std::sync::Arc;

const ROOT: &str = "derivation-root";

const ROOT_BINDING: Binding<'static> = Binding {
    scope: PLATFORM_SCOPE,
    table: "platform_secrets",
    row: ROOT,
    column: "ciphertext",
};

/// The vault and the derivation root, ready for the services.
#[derive(Debug)]
pub struct Unlocked {
    pub vault: Arc<Vault>,
    pub root: MasterKey,
}

/// Opens (on first start: creates) the derivation root. A database that served before the
/// vault existed derived its keys from the master key itself; its root is that key, so every
/// API key, signing key and audit checkpoint it holds stays valid.
pub async fn unlock(
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    rng: Arc<dyn SecureRng>,
    provider: Arc<dyn KeyProvider>,
    master: &MasterKey,
) -> Result<Unlocked, VaultError> {
    let vault = Vault::new(
        Arc::clone(&store),
        Arc::clone(&clock),
        Arc::clone(&rng),
        provider,
    );
    let stored = match store.platform_secret(ROOT).await? {
        Some(stored) => stored,
        None => {
            let seed = if store.predates_vault().await? {
                master.duplicate()
            } else {
                MasterKey::generate(rng.as_ref())
            };
            let sealed = vault.encrypt(&ROOT_BINDING, seed.expose_bytes()).await?;
            store
                .init_platform_secret(ROOT, &sealed.ciphertext, clock.now())
                .await?
        }
    };
    let plain = vault.decrypt(&ROOT_BINDING, &stored).await?;
    let bytes: [u8; 32] = plain
        .expose_secret()
        .as_slice()
        .try_into()
        .map_err(|_| VaultError::Corrupt)?;
    Ok(Unlocked {
        vault: Arc::new(vault),
        root: MasterKey::from_bytes(bytes),
    })
}
