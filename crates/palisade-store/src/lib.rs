//! Palisade storage. Callers see only the [`Store`] trait (and the per-area traits it gathers:
//! `accounts`, `recovery`, `workspaces`, `invitations`, `api_keys`, `records`, `audit`, `vault`,
//! `lockout`, `idempotency`, `mfa`, `admin`, `webhooks`, `privacy`).
//!
//! Layout: the SQL is written once, in the `shared_*.rs` modules, as macros that expand one
//! body of queries per backend type (`shared_core::impl_shared_store!` expands them all).
//! What differs per backend is the `Dialect` trait in `dialect.rs`: pools, the transactions
//! that carry a workspace (row-level security on PostgreSQL), the record `data` column and
//! field filters, migrations. [`sqlite`] (`sqlite.rs`, migrations in `migrations/sqlite`) and
//! [`postgres`] (`postgres.rs`, migrations in `migrations/postgres`) each implement
//! `Dialect` and expand the shared store there; `rows.rs` turns rows into records for both.
//! One conformance suite (`tests/it`) runs against both backends.

pub mod accounts;
pub mod admin;
pub mod api_keys;
pub mod audit;
mod dialect;
mod error;
mod grant;
pub mod idempotency;
pub mod invitations;
pub mod lockout;
pub mod mfa;
pub mod outbox;
pub mod postgres;
pub mod privacy;
pub mod records;
pub mod recovery;
mod rows;
mod shared_accounts;
mod shared_admin;
mod shared_api_keys;
mod shared_audit;
mod shared_core;
mod shared_idempotency;
mod shared_invitations;
mod shared_lockout;
mod shared_mfa;
mod shared_privacy;
mod shared_records;
mod shared_recovery;
mod shared_vault;
mod shared_webhooks;
mod shared_workspaces;
pub mod snapshot;
mod snapshot_postgres;
pub mod sqlite;
pub mod sqlite_wal;
#[cfg(feature = "testing")]
pub mod testing;
pub mod vault;
pub mod webhooks;
pub mod workspaces;

pub use accounts::{AccountStore, RefreshRecord, SessionRecord, SigningKeyRecord, UserRecord};
pub use admin::{
    AccountStatus, AccountSummary, AdminStore, SupportGrantRecord, Suspension, WorkspaceSummary,
};
pub use api_keys::{ApiKeyRecord, ApiKeyStore, KeyAuthorization};
pub use audit::{AuditQuery, AuditStore, SignedCheckpoint};
pub use error::{Conflict, StoreError};
pub use grant::Grant;
pub use idempotency::{IdempotencyKey, IdempotencyStore, IdempotentRequest, KeyClaim};
pub use invitations::{Acceptance, InvitationRecord, InvitationStore};
pub use lockout::{IpBlock, LoginLock, LoginLockStore};
pub use mfa::{MfaStore, TotpRecord};
pub use privacy::{
    AccountErasure, AccountHoldings, LogPosition, PrivacyStore, RetentionCutoffs, SweptCounts,
};
pub use records::{
    CollectionRecord, FieldValue, RecordQuery, RecordRow, RecordStore, RecordUpdate, WriteOutcome,
};
pub use recovery::{AccessCodeRecord, MailRecord, RecoveryStore};
pub use snapshot::{latest_schema_version, SnapshotStore};
pub use vault::{
    DataKeyRecord, SealedSecret, SecretRecord, StaleValue, VaultStore, PLATFORM_SCOPE,
};
pub use webhooks::{
    AttemptRecord, AuthHeader, ClaimedJob, DueJob, EndpointRecord, EndpointSecret, Finished,
    JobNext, OutboundMessage, WebhookStore,
};
pub use workspaces::{MemberChange, MemberRecord, WorkspaceRecord, WorkspaceScope, WorkspaceStore};

use async_trait::async_trait;
use palisade_core::InstanceId;
use secrecy::{ExposeSecret, SecretString};
use std::fmt;
use std::sync::Arc;
use std::time::Duration;
use time::OffsetDateTime;

/// Which database a store talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl fmt::Display for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        })
    }
}

/// The deployment this database belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instance {
    pub id: InstanceId,
    pub created_at: OffsetDateTime,
}

/// Everything Palisade persists goes through this trait.
#[async_trait]
pub trait Store:
    AccountStore
    + RecoveryStore
    + WorkspaceStore
    + InvitationStore
    + ApiKeyStore
    + RecordStore
    + AuditStore
    + VaultStore
    + LoginLockStore
    + IdempotencyStore
    + MfaStore
    + AdminStore
    + WebhookStore
    + PrivacyStore
    + SnapshotStore
    + Send
    + Sync
    + fmt::Debug
    + 'static
{
    fn backend(&self) -> Backend;

    /// Applies pending migrations; returns the versions applied by this call.
    async fn migrate(&self) -> Result<Vec<i64>, StoreError>;

    /// Versions of every migration applied so far, oldest first.
    async fn applied_migrations(&self) -> Result<Vec<i64>, StoreError>;

    /// PostgreSQL: sets the application role's password (as `verifier`, through the owner's
    /// connection) and logs in with `password` from now on. SQLite has no roles: nothing.
    async fn use_app_role_password(
        &self,
        password: SecretString,
        verifier: SecretString,
    ) -> Result<(), StoreError>;

    /// Whether the database answers a trivial query.
    async fn ping(&self) -> Result<(), StoreError>;

    /// Records `candidate` as this deployment's id unless one exists; returns the one stored.
    async fn register_instance(
        &self,
        candidate: InstanceId,
        now: OffsetDateTime,
    ) -> Result<Instance, StoreError>;

    /// Closes every connection; later calls fail with [`StoreError::Unavailable`].
    async fn close(&self);
}

/// The PostgreSQL role the server runs requests as, unless configured otherwise.
pub const DEFAULT_APP_ROLE: &str = "palisade_app";

/// How to reach the database.
#[derive(Debug, Clone)]
pub struct ConnectOptions {
    /// `sqlite://path/to/file.db` or `postgres://user:pass@host/db`; may hold a password.
    pub url: SecretString,
    pub max_connections: u32,
    pub acquire_timeout: Duration,
    /// PostgreSQL: the role requests run as, created by `migrate` (one per deployment).
    pub app_role: String,
    /// PostgreSQL: the password the server logs in as that role with.
    pub app_role_password: Option<SecretString>,
    /// PostgreSQL: that password's SCRAM-SHA-256 verifier, which `migrate` sets on the role
    /// (the plaintext never appears in a statement); `None` leaves the role's password alone.
    pub app_role_verifier: Option<SecretString>,
    /// SQLite: checkpoints are left to the WAL shipper (`wal_autocheckpoint = 0`), so no
    /// frame reaches the database file before it is shipped.
    pub manual_checkpoints: bool,
}

impl ConnectOptions {
    pub fn new(url: SecretString) -> Self {
        Self {
            url,
            max_connections: 10,
            acquire_timeout: Duration::from_secs(5),
            app_role: DEFAULT_APP_ROLE.into(),
            app_role_password: None,
            app_role_verifier: None,
            manual_checkpoints: false,
        }
    }
}

/// Opens the store named by the URL's scheme.
pub async fn connect(options: &ConnectOptions) -> Result<Arc<dyn Store>, StoreError> {
    match backend_of(options.url.expose_secret())? {
        Backend::Sqlite => Ok(Arc::new(sqlite::SqliteStore::connect(options).await?)),
        Backend::Postgres => Ok(Arc::new(postgres::PostgresStore::connect(options).await?)),
    }
}

/// The backend a database URL selects, or an error naming the accepted schemes.
pub fn backend_of(url: &str) -> Result<Backend, StoreError> {
    let scheme = url
        .split_once(':')
        .map(|(scheme, _)| scheme)
        .unwrap_or_default();
    match scheme {
        "sqlite" => Ok(Backend::Sqlite),
        "postgres" | "postgresql" => Ok(Backend::Postgres),
        _ => Err(StoreError::Misconfigured(
            "the database URL must start with sqlite:// or postgres://".into(),
        )),
    }
}

pub(crate) fn parse_instance(id: &str, created_at: OffsetDateTime) -> Result<Instance, StoreError> {
    let id = id
        .parse()
        .map_err(|_| StoreError::Corrupt("instance.id is not an ins_ id".into()))?;
    Ok(Instance { id, created_at })
}
