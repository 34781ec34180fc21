//! Every service, built once at start-up from the store, the clock, the RNG and the master
//! key. The HTTP layer holds one `Platform` and calls into it.

use crate::audit::{Audit, AuditConfig};
use crate::auth::{Auth, AuthConfig, AuthStartError};
use crate::cluster::{Cluster, ClusterError};
use crate::deps::Deps;
use crate::limits::{Limits, LimitsConfig};
use crate::mail::{Mail, MailConfig};
use crate::tasks::Background;
use crate::tenant_data::{Collections, Records};
use crate::vault::{Secrets, Unlocked, Vault};
use crate::workspaces::{Invitations, KeyAdmin, Workspaces};
use palisade_core::{Clock, SecureRng};
use palisade_store::{Backend, Instance, Store, StoreError};
use std::sync::Arc;
use url::Url;

/// What the services are made from.
#[derive(Debug)]
pub struct PlatformParts {
    pub store: Arc<dyn Store>,
    pub clock: Arc<dyn Clock>,
    pub rng: Arc<dyn SecureRng>,
    pub instance: Instance,
    pub public_url: Url,
    pub auth: AuthConfig,
    pub mail: MailConfig,
    pub audit: AuditConfig,
    pub limits: LimitsConfig,
    pub retention: crate::retention::RetentionConfig,
    pub backups: crate::backups::BackupPlan,
    /// Redis, when limits and revocations are shared across nodes.
    pub redis_url: Option<secrecy::SecretString>,
    /// The only way out to the network: webhook deliveries go through its SSRF guard.
    pub egress: palisade_egress::Egress,
}

/// Why the services could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Auth(#[from] AuthStartError),
    #[error("mail: {0}")]
    Mail(#[from] crate::vault::VaultError),
    #[error(transparent)]
    Cluster(#[from] ClusterError),
}

#[derive(Debug)]
pub struct Platform {
    pub(crate) deps: Deps,
    instance: Instance,
    pub audit: Audit,
    pub auth: Auth,
    pub admin: crate::admin::Admin,
    pub limits: Limits,
    pub idempotency: crate::idempotency::Idempotency,
    pub mail: Mail,
    pub workspaces: Workspaces,
    pub invitations: Invitations,
    pub api_keys: KeyAdmin,
    pub collections: Collections,
    pub records: Records,
    pub secrets: Secrets,
    pub webhooks: crate::webhooks::Webhooks,
    pub vault: Arc<Vault>,
    pub backups: crate::backups::Backups,
    pub(crate) last_retention: std::sync::Mutex<Option<time::OffsetDateTime>>,
    pub(crate) retention: crate::retention::RetentionConfig,
    pub(crate) session_idle_timeout: time::Duration,
}

impl Platform {
    /// Starts every service on the unlocked vault; the services' own keys are derived from
    /// its root (never from the master key, which only wraps data keys).
    pub async fn start(parts: PlatformParts, unlocked: Unlocked) -> Result<Self, StartError> {
        let Unlocked { vault, root } = unlocked;
        let tasks = Arc::new(Background::default());
        let cluster = parts
            .redis_url
            .as_ref()
            .map(|url| {
                Cluster::new(
                    url,
                    &parts.instance.id.to_string(),
                    Arc::clone(&parts.clock),
                )
            })
            .transpose()?
            .map(Arc::new);
        let broadcast =
            crate::auth::revocations::Broadcast::new(cluster.clone(), Arc::clone(&tasks));
        let limits_clock = Arc::clone(&parts.clock);
        let deps = Deps::new(parts.store, parts.clock, parts.rng, tasks);
        let audit = Audit::new(deps.clone(), &root, parts.audit);
        let limits = Limits::new(parts.limits, limits_clock, cluster, audit.clone());
        let mail = Mail::new(deps.clone(), &root, &vault, parts.mail).await?;
        let session_idle_timeout = parts.auth.session_idle_timeout;
        let auth = Auth::start(
            deps.clone(),
            parts.auth,
            parts.public_url,
            &root,
            &vault,
            mail.clone(),
            audit.clone(),
            broadcast,
        )
        .await?;
        let key_cache = Arc::clone(auth.api_keys());
        let idempotency = crate::idempotency::Idempotency::new(
            deps.clone(),
            vault
                .platform_sealer(
                    "idempotency_keys",
                    "response",
                    palisade_crypto::SealingKey::derive(&root, "idempotent-responses"),
                )
                .await?,
        );
        let collections = Collections::new(deps.clone(), audit.clone());
        let webhooks = crate::webhooks::Webhooks::new(
            deps.clone(),
            parts.egress,
            vault
                .platform_sealer(
                    "webhook_secrets",
                    "sealed",
                    palisade_crypto::SealingKey::derive(&root, "webhook-secrets"),
                )
                .await?,
            Arc::clone(&vault),
            audit.clone(),
            mail.clone(),
        );
        Ok(Self {
            backups: crate::backups::Backups::new(deps.clone(), parts.backups, audit.clone()),
            webhooks,
            workspaces: Workspaces::new(
                deps.clone(),
                Arc::clone(&key_cache),
                Arc::clone(&vault),
                audit.clone(),
            ),
            secrets: Secrets::new(
                deps.clone(),
                Arc::clone(&vault),
                palisade_crypto::Fingerprinter::derive(&root),
                audit.clone(),
            ),
            vault,
            invitations: Invitations::new(deps.clone(), mail.clone(), audit.clone()),
            api_keys: KeyAdmin::new(deps.clone(), Arc::clone(&key_cache), audit.clone()),
            records: Records::new(deps.clone(), collections.clone()),
            collections,
            instance: parts.instance,
            admin: crate::admin::Admin::new(
                deps.clone(),
                audit.clone(),
                Arc::clone(auth.session_cache()),
                Arc::clone(&key_cache),
            ),
            auth,
            limits,
            idempotency,
            mail,
            audit,
            last_retention: std::sync::Mutex::new(None),
            retention: parts.retention,
            session_idle_timeout,
            deps,
        })
    }

    /// This deployment, as registered in its database.
    pub fn instance(&self) -> &Instance {
        &self.instance
    }

    pub fn backend(&self) -> Backend {
        self.deps.store.backend()
    }

    /// Whether the database answers (for readiness checks).
    pub async fn ping(&self) -> Result<(), StoreError> {
        self.deps.store.ping().await
    }

    /// Follows other nodes' revocations for as long as the server runs, subscribing again a
    /// second after Redis goes away (until then the caches' one-second window applies).
    pub async fn follow_revocations(&self) {
        if !self.limits.is_shared() {
            return;
        }
        // An outage is told once, not every second it lasts.
        let mut told = false;
        loop {
            match self.auth.follow_revocations().await {
                Ok(()) => {
                    tracing::warn!("the revocation feed ended; subscribing again");
                    told = false;
                }
                Err(err) if !told => {
                    tracing::warn!(error = %err, "cannot follow revocations; trying again every second");
                    told = true;
                }
                Err(_) => {}
            }
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    }

    /// Work that outlives the request that started it; shutdown and tests wait on it.
    pub fn tasks(&self) -> &Background {
        &self.deps.tasks
    }

    /// Waits for background work, appends the last audit batch and checkpoints what this
    /// node appended, then closes the database pools.
    pub async fn shutdown(&self) {
        self.deps.tasks.idle().await;
        if let Err(err) = self.audit.checkpoint_appended().await {
            tracing::error!(error = %err, "the last audit events could not be appended or signed");
        }
        // Everything committed, those last events included, is shipped before the store closes.
        self.backups.ship_wal_now().await;
        self.deps.store.close().await;
    }
}
