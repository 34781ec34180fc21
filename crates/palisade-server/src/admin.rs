//! Operator commands that act on the database directly (`palisade admin …`, `palisade keys …`).

use crate::config::Config;
use crate::serve::StartupError;
use palisade_core::{OsSecureRng, SystemClock};
use palisade_crypto::MasterKey;
use palisade_store::Store;
use std::sync::Arc;

/// The store as `serve` opens it (same role, same derived password), migrated.
async fn open(config: &Config) -> Result<(Arc<dyn Store>, MasterKey), StartupError> {
    let (store, master) = crate::serve::open(config, &OsSecureRng).await?;
    store.migrate().await?;
    Ok((store, master))
}

/// Creates a sign-up access code and returns it; it is shown once and stored as a digest.
pub async fn create_access_code(
    config: &Config,
    max_uses: Option<i64>,
    expires_in_days: Option<i64>,
) -> Result<String, StartupError> {
    let (store, _) = open(config).await?;
    let code = palisade_service::auth::create_access_code(
        store.as_ref(),
        &SystemClock,
        &OsSecureRng,
        max_uses,
        expires_in_days.map(time::Duration::days),
    )
    .await
    .map_err(|err| StartupError::Admin(err.to_string()))?;
    store.close().await;
    Ok(code.expose().to_owned())
}

/// Adds a new JWT signing key and retires the others; running nodes pick it up as they
/// meet tokens signed with it, and keep accepting the old key until its tokens expire.
pub async fn rotate_signing_key(config: &Config) -> Result<String, StartupError> {
    let (store, master) = open(config).await?;
    let kid =
        palisade_service::auth::keys::rotate(store.as_ref(), &master, &SystemClock, &OsSecureRng)
            .await?;
    store.close().await;
    Ok(kid)
}
