//! Identity: accounts, password hashing, sessions, refresh-token rotation, access tokens and
//! workspace API keys. `Auth` owns the caches that keep an auth check off the database.

mod access;
mod account;
pub(crate) mod api_keys;
mod error;
mod flows;
mod generation;
pub mod keys;
mod lockout;
mod memberships;
pub mod mfa;
mod passwords;
mod privacy;
mod recovery;
mod refresh;
pub(crate) mod revocations;
pub(crate) mod sessions;
mod settings;
pub mod step_up;
mod stuffing;
mod verified_tokens;

pub use access::{Caller, KeyRefusal};
pub use error::AuthError;
pub use flows::{constant_time_eq, IssuedTokens, SessionSummary, REFRESH_TOKEN_PREFIX};
pub use mfa::{FactorUsed, LoginOutcome, MfaChallenge, MfaStatus, RecoveryCodes, TotpEnrollment};
pub use passwords::{PasswordPool, Saturated};
pub use privacy::AccountExport;
pub use recovery::{create_access_code, ACCESS_CODE_PREFIX, RESET_TOKEN_PREFIX};
pub use revocations::Feed as RevocationFeed;
pub use settings::{AuthConfig, IpBlockPolicy, LockoutPolicy, SignupPolicy};
pub use step_up::StepUpError;
pub use stuffing::address_source;
pub use verified_tokens::VerifiedToken;

use crate::audit::{Actor, Audit, Draft, Resource};
use crate::deps::Deps;
use crate::mail::Mail;
use api_keys::ApiKeys;
use keys::{KeyRing, KeyRingError};
use palisade_crypto::jwt::PublicJwk;
use palisade_crypto::{MasterKey, SealingKey};
use sessions::SessionCache;
use std::sync::Arc;
use time::OffsetDateTime;
use url::Url;

/// Why identity could not start; each part fails in its own words.
#[derive(Debug, thiserror::Error)]
pub enum AuthStartError {
    #[error("password hashing cannot start: {0}")]
    Passwords(#[from] palisade_crypto::password::PasswordError),
    #[error(transparent)]
    SigningKeys(#[from] KeyRingError),
    #[error("the API key pepper cannot be derived from the master key")]
    ApiKeyPepper,
    #[error("the sign-in failure tags cannot be derived from the derivation root")]
    AccountTags,
    #[error("the refresh-successor sealer: {0}")]
    Vault(#[from] crate::vault::VaultError),
}

/// The identity service.
#[derive(Debug)]
pub struct Auth {
    deps: Deps,
    config: AuthConfig,
    /// Where the reset link in a password-reset mail points.
    public_url: Url,
    passwords: PasswordPool,
    keys: KeyRing,
    sessions: Arc<SessionCache>,
    memberships: memberships::MembershipCache,
    /// Whether access may have changed since a key or membership was remembered.
    generation: generation::Generation,
    api_keys: Arc<ApiKeys>,
    /// Seals a rotated refresh token's successor for the grace window.
    successor_sealer: crate::vault::Sealer,
    /// Seals TOTP seeds, each bound to its account.
    totp_sealer: crate::vault::Sealer,
    /// Recent failed sign-ins per address, for the credential-stuffing block.
    stuffing: stuffing::Failures,
    /// Keyed tags of the accounts an address tried, comparable across nodes (in Redis).
    account_tags: palisade_crypto::audit::IpHasher,
    /// Tells other nodes of this node's revocations, and hears theirs.
    broadcast: revocations::Broadcast,
    mail: Mail,
    audit: Audit,
}

/// An event of the platform log (accounts, sessions, operators).
pub(crate) fn platform(actor: Actor, action: &'static str, resource: Resource) -> Draft {
    Draft::success(palisade_core::audit::PLATFORM_LOG, actor, action, resource)
}

impl Auth {
    #[allow(clippy::too_many_arguments)]
    pub(crate) async fn start(
        deps: Deps,
        config: AuthConfig,
        public_url: Url,
        root: &MasterKey,
        vault: &crate::vault::Vault,
        mail: Mail,
        audit: Audit,
        broadcast: revocations::Broadcast,
    ) -> Result<Self, AuthStartError> {
        let passwords = PasswordPool::new(
            config.argon2,
            config.hash_concurrency,
            config.hash_queue,
            deps.shared_rng(),
        )?;
        let issuer = public_url.as_str().trim_end_matches('/').to_owned();
        let keys = KeyRing::load(
            Arc::clone(&deps.store),
            keys::sealer(vault, root).await?,
            deps.clock(),
            deps.rng(),
            issuer,
            config.access_token_ttl,
        )
        .await?;
        let hasher = palisade_crypto::api_key::KeyHasher::new(root)
            .map_err(|_| AuthStartError::ApiKeyPepper)?;
        Ok(Self {
            deps,
            config,
            public_url,
            passwords,
            keys,
            sessions: Arc::new(SessionCache::new(broadcast.clone())),
            memberships: memberships::MembershipCache::new(),
            generation: generation::Generation::default(),
            api_keys: Arc::new(ApiKeys::new(hasher, broadcast.clone())),
            broadcast,
            successor_sealer: vault
                .platform_sealer(
                    "refresh_tokens",
                    "successor_sealed",
                    SealingKey::derive(root, "refresh-successors"),
                )
                .await?,
            totp_sealer: vault
                .platform_sealer(
                    "mfa_totp",
                    "secret_sealed",
                    SealingKey::derive(root, "totp-secrets"),
                )
                .await?,
            stuffing: stuffing::Failures::default(),
            account_tags: palisade_crypto::audit::IpHasher::derive_for(root, "stuffing-accounts")
                .ok_or(AuthStartError::AccountTags)?,
            mail,
            audit,
        })
    }

    pub fn config(&self) -> &AuthConfig {
        &self.config
    }

    /// The password hashing pool (its counters are what tests and metrics read).
    pub fn passwords(&self) -> &PasswordPool {
        &self.passwords
    }

    /// Access tokens verified by signature on this node (a repeated token is answered from
    /// memory instead).
    pub fn signature_checks(&self) -> u64 {
        self.keys.signature_checks()
    }

    /// How many API key authorizations have been loaded from the store.
    pub fn key_loads(&self) -> u64 {
        self.api_keys.loads()
    }

    /// How many memberships have been loaded from the store.
    pub fn membership_loads(&self) -> u64 {
        self.memberships.loads()
    }

    /// How many times the database's access generation has been read.
    pub fn generation_reads(&self) -> u64 {
        self.generation.reads()
    }

    /// The public signing keys, for `/.well-known/jwks.json`.
    pub fn jwks(&self) -> Vec<PublicJwk> {
        self.keys.jwks()
    }

    /// The session cache, shared with platform administration (suspensions revoke).
    pub(crate) fn session_cache(&self) -> &Arc<SessionCache> {
        &self.sessions
    }

    /// The API key cache, shared with the services that revoke keys.
    pub(crate) fn api_keys(&self) -> &Arc<ApiKeys> {
        &self.api_keys
    }

    /// Drops what another node revoked from this node's caches, as soon as its notice arrives.
    /// Returns when the subscription ends (Redis went away); the caller subscribes again.
    pub async fn follow_revocations(&self) -> Result<(), crate::cluster::ClusterError> {
        use futures_util::StreamExt;
        let Some(cluster) = self.broadcast.cluster() else {
            return Ok(());
        };
        let mut pubsub = cluster.subscribe(revocations::CHANNEL).await?;
        self.broadcast.note_subscribed(true);
        let mut messages = pubsub.on_message();
        while let Some(message) = messages.next().await {
            let Ok(text) = message.get_payload::<String>() else {
                continue;
            };
            match revocations::Notice::decode(&text) {
                Some(revocations::Notice::Sessions(ids)) => self.sessions.revoke_here(&ids),
                Some(revocations::Notice::Keys(ids)) => self.api_keys.forget_here(&ids),
                Some(revocations::Notice::AllKeys) => self.api_keys.forget_all_here(),
                None => {
                    tracing::warn!("ignored a revocation notice this node cannot read");
                    continue;
                }
            }
            self.broadcast.note_applied();
        }
        self.broadcast.note_subscribed(false);
        Ok(())
    }

    /// How far this node has followed other nodes' revocations.
    pub fn revocation_feed(&self) -> tokio::sync::watch::Receiver<RevocationFeed> {
        self.broadcast.feed()
    }

    /// Periodic upkeep: pick up signing keys rotated elsewhere (so this node signs with the
    /// current key and stops accepting retired ones), drop sessions that can never be valid.
    pub async fn upkeep(&self, now: OffsetDateTime) {
        if let Err(err) = self.keys.reload(now).await {
            tracing::warn!(error = %err, "reloading signing keys failed");
        }
        self.sessions.evict_expired(now);
    }
}

#[cfg(test)]
mod tests {
    use super::{Auth, AuthConfig, AuthStartError, SignupPolicy};
    use crate::deps::Deps;
    use crate::mail::{Mail, MailConfig};
    use palisade_core::{OsSecureRng, SystemClock};
    use palisade_crypto::{Argon2Cost, MasterKey};
    use palisade_store::testing::TestDatabase;
    use std::sync::Arc;
    use time::Duration;

    fn config(argon2: Argon2Cost) -> AuthConfig {
        AuthConfig {
            argon2,
            hash_concurrency: 1,
            hash_queue: 1,
            access_token_ttl: Duration::minutes(15),
            session_idle_timeout: Duration::days(1),
            session_absolute_timeout: Duration::days(30),
            refresh_reuse_grace: Duration::seconds(10),
            signup_policy: SignupPolicy::Open,
            password_reset_ttl: Duration::minutes(30),
            lockout: Default::default(),
            ip_block: Default::default(),
        }
    }

    #[tokio::test]
    async fn a_password_hashing_failure_at_start_is_reported_as_one() {
        let db = TestDatabase::sqlite();
        let store = db.connect().await;
        store.migrate().await.unwrap();
        let deps = Deps::new(
            Arc::clone(&store),
            Arc::new(SystemClock),
            Arc::new(OsSecureRng),
            Arc::default(),
        );
        let master = MasterKey::generate(&OsSecureRng);
        let mail_config = MailConfig {
            smtp_url: None,
            from: "Palisade <no-reply@localhost>".into(),
        };
        let vault = crate::vault::Vault::new(
            store,
            Arc::new(SystemClock),
            Arc::new(OsSecureRng),
            Arc::new(palisade_crypto::LocalKeyProvider::new(&master, &[])),
        );
        let mail = Mail::new(deps.clone(), &master, &vault, mail_config)
            .await
            .unwrap();
        let audit = crate::audit::Audit::new(deps.clone(), &master, Default::default());
        // Below argon2's minimum (8 KiB per lane): only a hand-built config can say this.
        let cost = Argon2Cost {
            memory_kib: 1,
            ..Argon2Cost::default()
        };
        let url = url::Url::parse("http://127.0.0.1").unwrap();
        let broadcast = super::revocations::Broadcast::new(None, Arc::default());
        let refused = Auth::start(
            deps,
            config(cost),
            url,
            &master,
            &vault,
            mail,
            audit,
            broadcast,
        )
        .await
        .unwrap_err();
        assert!(matches!(refused, AuthStartError::Passwords(_)), "{refused}");
        db.cleanup().await;
    }
}
