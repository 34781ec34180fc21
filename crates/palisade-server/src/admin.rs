//! Operator commands that act on the database directly (`palisade admin …`, `palisade keys …`).

use crate::config::Config;
use crate::serve::StartupError;
use palisade_core::{OsSecureRng, SystemClock};
use palisade_crypto::MasterKey;
use palisade_store::Store;
use std::sync::Arc;

/// The store as `serve` opens it (same role, same derived password), migrated, and the
/// derivation root of the platform's keys.
async fn open(config: &Config) -> Result<(Arc<dyn Store>, MasterKey), StartupError> {
    let (store, unlocked, _) = open_vault(config).await?;
    Ok((store, unlocked.root))
}

/// As [`open`], with the vault and the keys it was unlocked with.
pub(crate) async fn open_vault(
    config: &Config,
) -> Result<
    (
        Arc<dyn Store>,
        palisade_service::vault::Unlocked,
        crate::keys::Keys,
    ),
    StartupError,
> {
    let (store, keys) = crate::serve::open(config, &OsSecureRng).await?;
    store.migrate().await?;
    let unlocked = crate::serve::unlock(&crate::serve::Services::default(), &store, &keys).await?;
    Ok((store, unlocked, keys))
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

/// `palisade admin blocks list`: addresses blocked at `clock`'s now.
pub async fn ip_blocks(
    config: &Config,
    clock: &dyn palisade_core::Clock,
) -> Result<Vec<palisade_store::IpBlock>, StartupError> {
    let (store, _) = open(config).await?;
    let blocks = store.ip_blocks(clock.now()).await?;
    store.close().await;
    Ok(blocks)
}

/// `palisade admin blocks lift --ip IP`; `false` when the address was not blocked. The event
/// carries the address the way every audit event does (`audit.ip`: hashed by default).
pub async fn lift_ip_block(config: &Config, ip: &str) -> Result<bool, StartupError> {
    use palisade_service::audit::{Actor, Audit, Draft, Origin, Resource};
    let address: std::net::IpAddr = ip
        .trim()
        .parse()
        .map_err(|_| StartupError::Admin(format!("`{ip}` is not an IP address")))?;
    let address = address.to_canonical().to_string();
    let (store, root) = open(config).await?;
    let audit = Audit::for_operator(Arc::clone(&store), &root, config.audit.clone());
    let origin = Origin {
        ip: Some(address.clone()),
        ..Origin::system()
    };
    let event = audit.entry(
        Draft::success(
            palisade_core::audit::PLATFORM_LOG,
            Actor::System,
            "security.ip_unblocked",
            Resource::kind("ip_block"),
        ),
        &origin,
    );
    let lifted = store.lift_ip_block(&address, &event).await?;
    store.close().await;
    Ok(lifted)
}

/// `palisade admin grant|revoke --email E`: the account's id, or `None` when no account has
/// that e-mail. Audited in the platform log.
pub async fn set_platform_admin(
    config: &Config,
    email: &str,
    admin: bool,
) -> Result<Option<palisade_core::UserId>, StartupError> {
    let (store, root) = open(config).await?;
    let audit = palisade_service::audit::Audit::for_operator(
        Arc::clone(&store),
        &root,
        config.audit.clone(),
    );
    let id =
        palisade_service::admin::set_platform_admin(store.as_ref(), &audit, email, admin).await?;
    store.close().await;
    Ok(id)
}

/// Adds a new JWT signing key and retires the others; running nodes pick it up as they
/// meet tokens signed with it, and keep accepting the old key until its tokens expire.
pub async fn rotate_signing_key(config: &Config) -> Result<String, StartupError> {
    let (store, unlocked, _) = open_vault(config).await?;
    let sealer = palisade_service::auth::keys::sealer(&unlocked.vault, &unlocked.root).await?;
    let kid =
        palisade_service::auth::keys::rotate(store.as_ref(), &sealer, &SystemClock, &OsSecureRng)
            .await?;
    store.close().await;
    Ok(kid)
}

/// `palisade audit verify`: recomputes a workspace's log (or the platform log) and checks
/// its checkpoints, reporting progress as it goes.
pub async fn verify_audit_log(
    config: &Config,
    workspace: Option<&str>,
    progress: &mut (dyn FnMut(u64) + Send),
) -> Result<palisade_core::audit::Verdict, StartupError> {
    let (store, master) = open(config).await?;
    let log = match workspace {
        None => palisade_core::audit::PLATFORM_LOG.to_owned(),
        Some(slug) => store
            .audit_log_of(slug)
            .await?
            .ok_or_else(|| StartupError::Admin(format!("no workspace has the slug `{slug}`")))?,
    };
    let audit = palisade_service::audit::Audit::for_operator(
        std::sync::Arc::clone(&store),
        &master,
        config.audit.clone(),
    );
    let verdict = audit.verify_with_progress(&log, progress).await?;
    store.close().await;
    Ok(verdict)
}

/// `palisade audit verify --export FILE`: checks an exported file offline, against the keys
/// in a saved `/.well-known/palisade-audit-keys.json` or, without one, this deployment's.
pub async fn verify_audit_export(
    config: &Config,
    file: &std::path::Path,
    keys: Option<&std::path::Path>,
) -> Result<palisade_core::audit::Verdict, StartupError> {
    let read = |path: &std::path::Path| {
        std::fs::read_to_string(path)
            .map_err(|err| StartupError::Admin(format!("cannot read {}: {err}", path.display())))
    };
    let text = read(file)?;
    let keys = match keys {
        Some(path) => {
            let jwks: serde_json::Value = serde_json::from_str(&read(path)?)
                .map_err(|err| StartupError::Admin(format!("{}: {err}", path.display())))?;
            let listed: Vec<palisade_crypto::jwt::PublicJwk> =
                serde_json::from_value(jwks["keys"].clone())
                    .map_err(|err| StartupError::Admin(format!("{}: {err}", path.display())))?;
            listed
                .iter()
                .filter_map(palisade_crypto::audit::CheckpointKey::from_jwk)
                .collect()
        }
        None => {
            let (store, root) = open(config).await?;
            store.close().await;
            vec![palisade_crypto::audit::CheckpointSigner::derive(&root).public_key()]
        }
    };
    palisade_service::audit::verify_export(&text, &keys)
        .map_err(|err| StartupError::Admin(err.to_string()))
}

/// Backs the database up now (`palisade backup create`): into `out`, or a new timestamped file
/// in `backup.dir`, encrypted to `backup.recipients`. Needs no master key: backups never
/// hold it, and the server could not open them.
pub async fn back_up(
    config: &Config,
    out: Option<std::path::PathBuf>,
    progress: palisade_backup::Progress,
) -> Result<(std::path::PathBuf, palisade_backup::Manifest), palisade_backup::BackupError> {
    // Before the database is touched: a command that cannot succeed changes nothing.
    palisade_backup::parse_recipients(&config.backup.recipients)?;
    let clock = SystemClock;
    let out = out.unwrap_or_else(|| {
        config.backup.dir.join(palisade_service::backups::file_name(
            palisade_core::Clock::now(&clock),
        ))
    });
    let store = crate::serve::open_store(config).await?;
    let made = palisade_service::backups::back_up_once(
        &store,
        &clock,
        &OsSecureRng,
        &config.backup.recipients,
        &out,
        &config.data_dir,
        progress,
    )
    .await;
    store.close().await;
    Ok((out, made?))
}
