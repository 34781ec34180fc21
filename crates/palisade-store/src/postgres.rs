//! The scale-out backend: many stateless Palisade nodes share one PostgreSQL database.

use crate::{ConnectOptions, StoreError};
use secrecy::ExposeSecret;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::PgPool;
use std::str::FromStr;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

#[derive(Debug, Clone)]
pub struct PostgresStore {
    pool: PgPool,
}

impl PostgresStore {
    pub async fn connect(options: &ConnectOptions) -> Result<Self, StoreError> {
        let connect = PgConnectOptions::from_str(options.url.expose_secret())
            .map_err(|_| StoreError::UnsupportedUrl("the PostgreSQL URL is malformed".into()))?
            .application_name("palisade");
        let pool = PgPoolOptions::new()
            .max_connections(options.max_connections.max(1))
            .acquire_timeout(options.acquire_timeout)
            .connect_with(connect)
            .await
            .map_err(StoreError::Unavailable)?;
        Ok(Self { pool })
    }
}

impl PostgresStore {
    fn write_pool(&self) -> &PgPool {
        &self.pool
    }

    fn read_pool(&self) -> &PgPool {
        &self.pool
    }

    async fn close_pools(&self) {
        self.pool.close().await;
    }
}

crate::shared_accounts::impl_account_store!(PostgresStore);
crate::shared_recovery::impl_recovery_store!(PostgresStore);
crate::shared_workspaces::impl_workspace_store!(PostgresStore);
crate::shared_invitations::impl_invitation_store!(PostgresStore);
crate::shared_api_keys::impl_api_key_store!(PostgresStore);

crate::shared_core::impl_store_core!(PostgresStore, crate::Backend::Postgres, MIGRATOR);
