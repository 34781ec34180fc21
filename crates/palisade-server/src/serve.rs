//! Starting up: data directory, master key, database, then the listener.

use crate::config::{Config, TlsSource};
use crate::keys::Keys;
use crate::routes::RouteTable;
use crate::state::AppState;
use crate::tls::{self, TlsError, TlsListener};
use palisade_core::{Clock, InstanceId, OsSecureRng, SecureRng, SystemClock};
use palisade_crypto::master_key::KeyFileError;
use palisade_crypto::scram;
use palisade_service::{Platform, PlatformParts};
use palisade_store::{Backend, ConnectOptions, Store, StoreError};
use secrecy::ExposeSecret;
use std::future::Future;
use std::net::SocketAddr;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::Path;
use std::sync::Arc;
use tokio::net::TcpListener;

/// Why the server could not start. Each message says what to do about it.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
    #[error("cannot create the data directory {path}: {source}")]
    DataDir {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    MasterKey(#[from] KeyFileError),
    #[error("database: {0}")]
    Store(#[from] StoreError),
    #[error(
        "the database is not migrated ({0}); run `palisade migrate` or set auto_migrate = true"
    )]
    NotMigrated(StoreError),
    #[error(transparent)]
    Tls(#[from] TlsError),
    #[error(transparent)]
    Keys(#[from] palisade_service::auth::keys::KeyRingError),
    #[error(transparent)]
    Services(#[from] palisade_service::StartError),
    #[error("vault: {0}")]
    Vault(#[from] palisade_service::vault::VaultError),
    #[error("{0}")]
    Admin(String),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
}

/// The time and randomness the server runs with; tests inject their own.
#[derive(Debug, Clone)]
pub struct Services {
    pub clock: Arc<dyn Clock>,
    pub rng: Arc<dyn SecureRng>,
    /// How webhook hosts are resolved (tests name their own answers).
    pub resolver: Arc<dyn palisade_egress::Resolve>,
    /// Exact addresses webhooks may reach although their range is refused. Only tests set
    /// it (their receivers listen on loopback); no configuration key does.
    pub egress_allowlist: Vec<std::net::SocketAddr>,
}

impl Default for Services {
    fn default() -> Self {
        Self {
            clock: Arc::new(SystemClock),
            rng: Arc::new(OsSecureRng),
            resolver: Arc::new(palisade_egress::SystemResolver),
            egress_allowlist: Vec::new(),
        }
    }
}

/// Prepares everything a request needs: data directory (0700), master key (0600, created on
/// first start), database connection and migrations, this deployment's instance id.
pub async fn prepare(config: Config, services: Services) -> Result<AppState, StartupError> {
    let (store, keys) = open(&config, services.rng.as_ref()).await?;
    assemble(config, services, store, &keys).await
}

/// Builds the services on an open store (migrating it first when configured to).
pub async fn assemble(
    config: Config,
    services: Services,
    store: Arc<dyn Store>,
    keys: &Keys,
) -> Result<AppState, StartupError> {
    if config.auto_migrate {
        let applied = store.migrate().await?;
        if !applied.is_empty() {
            tracing::info!(?applied, "applied database migrations");
        }
    }
    let unlocked = unlock(&services, &store, keys).await?;
    let candidate = InstanceId::generate(services.clock.as_ref(), services.rng.as_ref());
    let instance = store
        .register_instance(candidate, services.clock.now())
        .await
        .map_err(StartupError::NotMigrated)?;
    let platform = Platform::start(
        PlatformParts {
            store,
            clock: Arc::clone(&services.clock),
            rng: Arc::clone(&services.rng),
            instance,
            public_url: config.public_url.clone(),
            auth: config.auth.clone(),
            mail: config.mail.clone(),
            audit: config.audit.clone(),
            retention: config.retention,
            backups: palisade_service::backups::BackupPlan {
                recipients: config.backup.recipients.clone(),
                dir: config.backup.dir.clone(),
                every_hours: config.backup.every_hours,
                keep_days: config.backup.keep_days,
                wal_every_seconds: config.backup.wal_every_seconds,
                remote: config.backup.url.clone(),
                work_dir: config.data_dir.clone(),
            },
            limits: config.limits.clone(),
            redis_url: config.redis_url.clone(),
            egress: palisade_egress::Egress::new(
                palisade_egress::EgressPolicy {
                    allow_http: config.webhooks.allow_http,
                    allowlist: services.egress_allowlist.clone(),
                    ..palisade_egress::EgressPolicy::default()
                },
                Arc::clone(&services.resolver),
            ),
        },
        unlocked,
    )
    .await?;
    Ok(AppState::new(
        config,
        platform,
        services.clock,
        services.rng,
    ))
}

/// `palisade migrate`: applies pending migrations and returns their versions.
pub async fn migrate(config: &Config) -> Result<Vec<i64>, StartupError> {
    let (store, keys) = open(config, &OsSecureRng).await?;
    let applied = store.migrate().await?;
    unlock(&Services::default(), &store, &keys).await?;
    store.close().await;
    Ok(applied)
}

/// Opens the store the way every command must (`serve`, `migrate`, `admin`, `keys`): the data
/// directory (0700) and master key (0600) created on first use. Nothing is decrypted yet:
/// [`unlock`] does that once the schema is migrated.
pub async fn open(
    config: &Config,
    rng: &dyn SecureRng,
) -> Result<(Arc<dyn Store>, Keys), StartupError> {
    ensure_private_dir(&config.data_dir)?;
    let keys = Keys::load(config, rng)?;
    let store = open_store(config).await?;
    Ok((store, keys))
}

/// Opens the vault (the KEK unwraps the platform's data key, which opens the derivation
/// root). On PostgreSQL, requests run as `database_app_role`, whose password is derived from
/// that root: every node computes the same one, nothing stores it, and rotating the master
/// key does not change it. It is set on the role as a SCRAM verifier with a fresh salt, so
/// the plaintext is in no statement.
pub async fn unlock(
    services: &Services,
    store: &Arc<dyn Store>,
    keys: &Keys,
) -> Result<palisade_service::vault::Unlocked, StartupError> {
    unlock_seeded(services, store, keys, &keys.current).await
}

/// As [`unlock`]; a database without a root that predates the vault gets `seed` as its root.
pub async fn unlock_seeded(
    services: &Services,
    store: &Arc<dyn Store>,
    keys: &Keys,
    seed: &palisade_crypto::MasterKey,
) -> Result<palisade_service::vault::Unlocked, StartupError> {
    let unlocked = palisade_service::vault::unlock(
        Arc::clone(store),
        Arc::clone(&services.clock),
        Arc::clone(&services.rng),
        keys.provider(),
        seed,
    )
    .await
    .map_err(|err| match err {
        // The vault's tables are missing: the schema was never migrated.
        palisade_service::vault::VaultError::Store(store) if store.is_missing_table() => {
            StartupError::NotMigrated(store)
        }
        other => StartupError::Vault(other),
    })?;
    if store.backend() == Backend::Postgres {
        let password = unlocked.root.derive_password("database-app-role");
        let mut salt = [0u8; scram::SALT_LEN];
        services.rng.fill(&mut salt);
        let verifier = scram::postgres_verifier(&password, &salt)
            .ok_or_else(|| StartupError::Admin("cannot derive the role verifier".into()))?;
        store.use_app_role_password(password, verifier).await?;
    }
    Ok(unlocked)
}

pub(crate) async fn open_store(config: &Config) -> Result<Arc<dyn Store>, StoreError> {
    let mut options = ConnectOptions::new(config.database_url.clone());
    options.manual_checkpoints = config.backup.wal_every_seconds.is_some();
    if palisade_store::backend_of(config.database_url.expose_secret())? == Backend::Postgres {
        options.app_role = config.database_app_role.clone();
    }
    palisade_store::connect(&options).await
}

fn ensure_private_dir(dir: &Path) -> Result<(), StartupError> {
    let err = |source| StartupError::DataDir {
        path: dir.display().to_string(),
        source,
    };
    if !dir.exists() {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(err)?;
    }
    let mode = std::fs::metadata(dir).map_err(err)?.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        tracing::warn!(path = %dir.display(), mode = format!("{mode:03o}"), "the data directory is accessible to other users; chmod 700 it");
    }
    Ok(())
}

/// The client's address, for plain and TLS connections alike (`ConnectInfo<PeerAddr>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeerAddr(pub SocketAddr);

/// How long an audit event that changes nothing waits to be appended with others.
const AUDIT_BATCH_EVERY: std::time::Duration = std::time::Duration::from_millis(200);
/// How often this node looks for webhook messages that are due.
const WEBHOOK_POLL_EVERY: std::time::Duration = std::time::Duration::from_secs(1);

/// A bound, not yet serving, server.
#[derive(Debug)]
pub struct Server {
    state: AppState,
    listener: Listening,
    routes: RouteTable,
}

#[derive(Debug)]
enum Listening {
    Plain(TcpListener),
    Tls(TlsListener),
}

impl Server {
    /// Binds the configured address (TLS when configured) for the API's routes.
    pub async fn bind(state: AppState) -> Result<Self, StartupError> {
        Self::bind_with_routes(state, crate::routes::table()).await
    }

    /// Binds for the given routes, which are served behind the full middleware stack.
    pub async fn bind_with_routes(
        state: AppState,
        routes: RouteTable,
    ) -> Result<Self, StartupError> {
        let addr = state.config().bind;
        let tcp = TcpListener::bind(addr)
            .await
            .map_err(|source| StartupError::Bind { addr, source })?;
        let listener = match &state.config().tls {
            None => Listening::Plain(tcp),
            Some(source) => {
                let files = match source {
                    TlsSource::Files(files) => files.clone(),
                    TlsSource::SelfSigned => {
                        let host = state
                            .config()
                            .public_url
                            .host_str()
                            .unwrap_or("localhost")
                            .to_owned();
                        tls::self_signed(&state.config().data_dir, &[host])?
                    }
                };
                let config = tls::server_config(&files)?;
                Listening::Tls(
                    TlsListener::new(tcp, config, state.config().tls_handshake_limit)
                        .map_err(|source| StartupError::Bind { addr, source })?,
                )
            }
        };
        Ok(Self {
            state,
            listener,
            routes,
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        let addr = match &self.listener {
            Listening::Plain(tcp) => tcp.local_addr(),
            Listening::Tls(tls) => axum::serve::Listener::local_addr(tls),
        };
        addr.unwrap_or(self.state.config().bind)
    }

    /// `http://addr` or `https://addr`.
    pub fn url(&self) -> String {
        let scheme = match self.listener {
            Listening::Plain(_) => "http",
            Listening::Tls(_) => "https",
        };
        format!("{scheme}://{}", self.local_addr())
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` completes, then lets in-flight requests finish.
    pub async fn run<F>(self, shutdown: F) -> std::io::Result<()>
    where
        F: Future<Output = ()> + Send + 'static,
    {
        let app = crate::app::router(self.state.clone(), self.routes);
        let mailbox = self.state.config().data_dir.join("mailbox");
        let transport = palisade_service::mail::MailTransport::from_config(
            self.state.config().mail.smtp_url.as_ref(),
            mailbox,
        )
        .map_err(std::io::Error::other)?;
        let mail = self.state.platform().mail.clone();
        let worker = tokio::spawn(mail.run(transport));
        let upkeep_state = self.state.clone();
        let upkeep = tokio::spawn(async move { upkeep_state.platform().run_upkeep().await });
        let audit = self.state.platform().audit.clone();
        let batches = tokio::spawn(async move { audit.run_batches(AUDIT_BATCH_EVERY).await });
        let webhooks = self.state.platform().webhooks.clone();
        let deliveries = self
            .state
            .config()
            .webhooks
            .worker
            .then(|| tokio::spawn(webhooks.run(WEBHOOK_POLL_EVERY)));
        let backups = self.state.platform().backups.clone();
        let scheduled_backups = tokio::spawn(async move { backups.run().await });
        let follow_state = self.state.clone();
        let revocations =
            tokio::spawn(async move { follow_state.platform().follow_revocations().await });
        let header_read_timeout = self.state.config().header_read_timeout;
        let result = match self.listener {
            Listening::Plain(tcp) => {
                crate::connections::serve(tcp, app, header_read_timeout, shutdown).await
            }
            Listening::Tls(tls) => {
                crate::connections::serve(tls, app, header_read_timeout, shutdown).await
            }
        };
        worker.abort();
        upkeep.abort();
        scheduled_backups.abort();
        batches.abort();
        revocations.abort();
        if let Some(deliveries) = deliveries {
            deliveries.abort();
        }
        self.state.platform().shutdown().await;
        result
    }
}

/// Registers SIGTERM and SIGINT handlers now (before the server announces itself, so an
/// early signal is never fatal) and returns a future that completes on either.
pub fn shutdown_signal() -> std::io::Result<impl Future<Output = ()> + Send + 'static> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut terminate = signal(SignalKind::terminate())?;
    let mut interrupt = signal(SignalKind::interrupt())?;
    Ok(async move {
        tokio::select! {
            _ = terminate.recv() => {},
            _ = interrupt.recv() => {},
        }
        tracing::info!("shutdown requested; finishing in-flight requests");
    })
}
