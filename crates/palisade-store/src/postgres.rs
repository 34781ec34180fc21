//! The scale-out backend: many stateless Palisade nodes share one PostgreSQL database.
//!
//! Two connections of different standing: migrations run as the configured (owner) user;
//! everything else runs as the application role, which owns no table and has no BYPASSRLS,
//! so the row-level security policies on tenant tables bind every query the server makes.

use crate::dialect::{Dialect, Query, Tx};
use crate::shared_records::FilterBind;
use crate::{ConnectOptions, StoreError};
use secrecy::ExposeSecret;
use sqlx::migrate::Migrator;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions, PgRow};
use sqlx::{ConnectOptions as _, PgPool, Postgres};
use std::str::FromStr;
use std::time::Duration;

static MIGRATOR: Migrator = sqlx::migrate!("./migrations/postgres");

/// Serialises role set-up when several nodes (or tests) migrate at once.
const ROLE_SETUP_LOCK: i64 = 0x7061_6c69_7361_6465;

#[derive(Debug, Clone)]
pub struct PostgresStore {
    /// As the application role: every request goes through here.
    pool: PgPool,
    /// As the configured user, who owns the schema: migrations and role set-up only.
    owner: PgPool,
    app_role: String,
    app_role_verifier: Option<secrecy::SecretString>,
    /// Shared by clones: they are one store.
    access: std::sync::Arc<crate::workspaces::AccessEpoch>,
}

impl PostgresStore {
    pub async fn connect(options: &ConnectOptions) -> Result<Self, StoreError> {
        let malformed = |_| StoreError::Misconfigured("the PostgreSQL URL is malformed".into());
        let url = options.url.expose_secret();
        let app_role = options.app_role.clone();
        if !is_role_name(&app_role) {
            return Err(StoreError::Misconfigured(
                "the application role name must be lower-case letters, digits and _".into(),
            ));
        }
        // Role set-up carries a password verifier: keep those statements out of our logs.
        let owner_options = PgConnectOptions::from_str(url)
            .map_err(malformed)?
            .application_name("palisade-migrate")
            .disable_statement_logging();
        if owner_options.get_username() == app_role {
            return Err(StoreError::Misconfigured(format!(
                "the database URL must name the schema owner, not the application role {app_role}"
            )));
        }
        let owner = PgPoolOptions::new()
            .max_connections(2)
            .min_connections(0)
            .idle_timeout(Duration::from_secs(30))
            .acquire_timeout(options.acquire_timeout)
            .connect_with(owner_options)
            .await
            .map_err(StoreError::Unavailable)?;
        let mut app_options = PgConnectOptions::from_str(url)
            .map_err(malformed)?
            .application_name("palisade")
            .username(&app_role);
        if let Some(password) = &options.app_role_password {
            app_options = app_options.password(password.expose_secret());
        }
        // Lazy: on a fresh database the role appears only once `migrate` has run.
        let pool = PgPoolOptions::new()
            .max_connections(options.max_connections.max(1))
            .acquire_timeout(options.acquire_timeout)
            .connect_lazy_with(app_options);
        Ok(Self {
            pool,
            owner,
            app_role,
            app_role_verifier: options.app_role_verifier.clone(),
            access: Default::default(),
        })
    }

    /// The role requests run as.
    pub fn app_role(&self) -> &str {
        &self.app_role
    }

    /// A writing transaction of the application role with `setting` (which a sweep policy
    /// reads) at `before`.
    async fn begin_sweep(
        &self,
        setting: &'static str,
        before: time::OffsetDateTime,
    ) -> Result<Tx<Self>, StoreError> {
        let mut tx = self.pool.begin().await?;
        let before = before
            .format(&time::format_description::well_known::Rfc3339)
            .map_err(|err| StoreError::Corrupt(err.to_string()))?;
        sqlx::query("SELECT set_config($1, $2, true)")
            .bind(setting)
            .bind(before)
            .execute(&mut *tx)
            .await?;
        Ok(tx)
    }
}

impl Dialect for PostgresStore {
    type Db = Postgres;
    const BACKEND: crate::Backend = crate::Backend::Postgres;
    const RECORD_DATA_IN: &'static str = "$1::jsonb";
    const RECORD_DATA_OUT: &'static str = "data::text AS data";
    const FOR_SHARE: &'static str = " FOR SHARE";
    const FOR_UPDATE: &'static str = " FOR UPDATE";
    const DUE_WEBHOOK_JOBS: &'static str =
        "SELECT workspace_id, endpoint_id, message_id, attempts FROM webhook_due_jobs($1, $2, $3)";

    fn migrator() -> &'static Migrator {
        &MIGRATOR
    }

    fn write_pool(&self) -> &PgPool {
        &self.pool
    }

    fn read_pool(&self) -> &PgPool {
        &self.pool
    }

    async fn begin_owner_read(&self) -> Result<Tx<Self>, StoreError> {
        let mut tx = self.owner.begin().await?;
        sqlx::query("SELECT set_config('palisade.owner_read', 'on', true)")
            .execute(&mut *tx)
            .await?;
        Ok(tx)
    }

    fn migration_pool(&self) -> &PgPool {
        &self.owner
    }

    async fn close_pools(&self) {
        self.pool.close().await;
        self.owner.close().await;
    }

    async fn set_app_role_password(
        &self,
        password: secrecy::SecretString,
        verifier: secrecy::SecretString,
    ) -> Result<(), StoreError> {
        let verifier = verifier.expose_secret();
        if !is_scram_verifier(verifier) {
            return Err(StoreError::Misconfigured(
                "the application role password must be set as a SCRAM-SHA-256 verifier".into(),
            ));
        }
        let role = &self.app_role;
        let mut tx = self.owner.begin().await?;
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(ROLE_SETUP_LOCK)
            .execute(&mut *tx)
            .await?;
        // `role` is checked by `is_role_name` and the verifier by `is_scram_verifier`.
        sqlx::query(&format!("ALTER ROLE \"{role}\" PASSWORD '{verifier}'"))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        let options = (*self.pool.connect_options())
            .clone()
            .password(password.expose_secret());
        self.pool.set_connect_options(options);
        Ok(())
    }

    /// Creates (or corrects) the application role: it may log in and read and write rows,
    /// and nothing more: no superuser, no BYPASSRLS, no DDL, owns no table.
    async fn after_migrations(&self) -> Result<(), StoreError> {
        let role = &self.app_role;
        // What an owner with CREATEROLE may set. New roles never have SUPERUSER, BYPASSRLS or
        // REPLICATION; an existing one that does is corrected by a superuser owner, or refused.
        let attributes = "LOGIN NOCREATEDB NOCREATEROLE NOINHERIT";
        let mut tx = self.owner.begin().await?;
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(ROLE_SETUP_LOCK)
            .execute(&mut *tx)
            .await?;
        // `role` is checked by `is_role_name` and the verifier by `is_scram_verifier`: both
        // are safe to inline, which utility statements require.
        let statements = [
            format!(
                "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') \
                 THEN CREATE ROLE \"{role}\" {attributes}; END IF; END $$"
            ),
            format!("ALTER ROLE \"{role}\" {attributes}"),
            format!(
                "DO $$ BEGIN \
                 EXECUTE format('GRANT USAGE ON SCHEMA %I TO \"{role}\"', current_schema()); \
                 EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO \"{role}\"', current_schema()); \
                 EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON %I._sqlx_migrations FROM \"{role}\"', current_schema()); \
                 EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I.audit_events, %I.audit_checkpoints FROM \"{role}\"', current_schema(), current_schema()); \
                 EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON %I.audit_cuts FROM \"{role}\"', current_schema()); \
                 EXECUTE format('REVOKE ALL ON %I.platform_secrets FROM \"{role}\"', current_schema()); \
                 EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON %I.access_generation FROM \"{role}\"', current_schema()); \
                 EXECUTE format('GRANT EXECUTE ON FUNCTION %I.webhook_due_jobs(BIGINT, BIGINT, BIGINT) TO \"{role}\"', current_schema()); \
                 END $$"
            ),
        ];
        for statement in statements {
            sqlx::query(&statement).execute(&mut *tx).await?;
        }
        let (too_strong, owner_is_superuser): (bool, bool) = sqlx::query_as(
            "SELECT r.rolsuper OR r.rolbypassrls OR r.rolreplication, \
             (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) \
             FROM pg_roles r WHERE r.rolname = $1",
        )
        .bind(role)
        .fetch_one(&mut *tx)
        .await?;
        if too_strong {
            if !owner_is_superuser {
                return Err(StoreError::Misconfigured(format!(
                    "the application role {role} is a superuser or bypasses row security: \
                     ALTER ROLE {role} NOSUPERUSER NOBYPASSRLS NOREPLICATION as a superuser"
                )));
            }
            sqlx::query(&format!(
                "ALTER ROLE \"{role}\" NOSUPERUSER NOBYPASSRLS NOREPLICATION"
            ))
            .execute(&mut *tx)
            .await?;
        }
        if let Some(verifier) = &self.app_role_verifier {
            let verifier = verifier.expose_secret();
            if !is_scram_verifier(verifier) {
                return Err(StoreError::Misconfigured(
                    "the application role password must be set as a SCRAM-SHA-256 verifier".into(),
                ));
            }
            sqlx::query(&format!("ALTER ROLE \"{role}\" PASSWORD '{verifier}'"))
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// A transaction in which row-level security admits only `scope`'s workspace.
    async fn scoped_write(&self, scope: &crate::WorkspaceScope) -> Result<Tx<Self>, StoreError> {
        Self::in_workspace(self, &scope.workspace_id().to_string()).await
    }

    async fn scoped_read(&self, scope: &crate::WorkspaceScope) -> Result<Tx<Self>, StoreError> {
        Self::scoped_write(self, scope).await
    }

    fn access_epoch(&self) -> &crate::workspaces::AccessEpoch {
        &self.access
    }

    async fn scoped_fetch_optional<'q>(
        &self,
        scope: &crate::WorkspaceScope,
        query: Query<'q, Postgres>,
    ) -> Result<Option<PgRow>, StoreError> {
        let mut tx = Self::scoped_read(self, scope).await?;
        let row = query.fetch_optional(&mut *tx).await?;
        tx.commit().await?;
        Ok(row)
    }

    async fn lookup_fetch_optional<'q>(
        &self,
        query: Query<'q, Postgres>,
    ) -> Result<Option<PgRow>, StoreError> {
        let mut tx = Self::lookup(self, false).await?;
        let row = query.fetch_optional(&mut *tx).await?;
        tx.commit().await?;
        Ok(row)
    }

    /// A transaction for the workspace `id`, before any scope for it exists (creating it).
    async fn in_workspace(&self, id: &str) -> Result<Tx<Self>, StoreError> {
        let mut tx = self.pool.begin().await?;
        Self::enter_workspace(&mut tx, id).await?;
        Ok(tx)
    }

    /// Narrows a transaction to the workspace `id` (ending any credential lookup).
    async fn enter_workspace(tx: &mut Tx<Self>, id: &str) -> Result<(), StoreError> {
        sqlx::query(
            "SELECT set_config('palisade.workspace_id', $1, true), \
             set_config('palisade.lookup', 'off', true)",
        )
        .bind(id)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// A transaction that may read (never write) memberships, invitations and API keys of
    /// any workspace: how a credential (user, key id, invitation token) finds its workspace
    /// before there is a scope. Tenant data stays invisible.
    async fn lookup(&self, _write: bool) -> Result<Tx<Self>, StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("SELECT set_config('palisade.lookup', 'on', true)")
            .execute(&mut *tx)
            .await?;
        Ok(tx)
    }

    async fn lock_audit_log(tx: &mut Tx<Self>, log: &str) -> Result<(), StoreError> {
        sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended('palisade-audit:' || $1, 0))")
            .bind(log)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }

    async fn begin_retention(&self, log: &str) -> Result<Tx<Self>, StoreError> {
        let mut tx = self.owner.begin().await?;
        let workspace = if log == palisade_core::audit::PLATFORM_LOG {
            ""
        } else {
            log
        };
        sqlx::query(
            "SELECT set_config('palisade.workspace_id', $1, true), \
             set_config('palisade.audit_retention', 'on', true)",
        )
        .bind(workspace)
        .execute(&mut *tx)
        .await?;
        Ok(tx)
    }

    async fn begin_idempotency_sweep(
        &self,
        before: time::OffsetDateTime,
    ) -> Result<Tx<Self>, StoreError> {
        self.begin_sweep("palisade.idempotency_expired_before", before)
            .await
    }

    async fn begin_invitation_sweep(
        &self,
        before: time::OffsetDateTime,
    ) -> Result<Tx<Self>, StoreError> {
        self.begin_sweep("palisade.invitations_ended_before", before)
            .await
    }

    /// JSONB equality: `1` matches `1.0` but not `"1"`, as on SQLite.
    fn field_filter(
        first: usize,
        field: &str,
        value: &crate::FieldValue,
        binds: &mut Vec<FilterBind>,
    ) -> String {
        binds.push(FilterBind::Text(field.to_owned()));
        binds.push(FilterBind::Text(value.to_json()));
        format!("data -> ${first} = ${}::jsonb", first + 1)
    }
}

#[cfg(feature = "testing")]
impl PostgresStore {
    /// For the row-level security tests: a raw transaction as the application role with
    /// `scope`'s workspace set, in which a test may run queries that filter on nothing.
    pub async fn scoped_transaction_for_tests(
        &self,
        scope: &crate::WorkspaceScope,
    ) -> Result<sqlx::Transaction<'static, Postgres>, StoreError> {
        Dialect::scoped_write(self, scope).await
    }

    /// For the row-level security tests: a credential-lookup transaction.
    pub async fn lookup_transaction_for_tests(
        &self,
    ) -> Result<sqlx::Transaction<'static, Postgres>, StoreError> {
        Dialect::lookup(self, false).await
    }

    /// For the row-level security tests: the application role's pool, no workspace set.
    pub fn app_pool_for_tests(&self) -> &PgPool {
        &self.pool
    }
}

fn is_role_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    matches!(bytes.next(), Some(b) if b.is_ascii_lowercase() || b == b'_')
        && name.len() <= 63
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// `SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>`, the shape PostgreSQL stores
/// as is; anything else it would take for a plaintext password and hash itself.
fn is_scram_verifier(text: &str) -> bool {
    let base64 = |part: &str| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
    };
    let Some(rest) = text.strip_prefix("SCRAM-SHA-256$") else {
        return false;
    };
    let Some((iterations_and_salt, keys)) = rest.split_once('$') else {
        return false;
    };
    let (Some((iterations, salt)), Some((stored_key, server_key))) =
        (iterations_and_salt.split_once(':'), keys.split_once(':'))
    else {
        return false;
    };
    iterations.parse::<u32>().is_ok_and(|n| n > 0)
        && [salt, stored_key, server_key].into_iter().all(base64)
}

crate::shared_core::impl_shared_store!(PostgresStore);
