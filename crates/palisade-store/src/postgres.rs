//! The scale-out backend: many stateless Palisade nodes share one PostgreSQL database.

use crate::{parse_instance, Backend, ConnectOptions, Instance, Store, StoreError};
use async_trait::async_trait;
use palisade_core::InstanceId;
use secrecy::ExposeSecret;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{PgPool, Row};
use std::str::FromStr;
use time::OffsetDateTime;

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
}

crate::shared_accounts::impl_account_store!(PostgresStore);
crate::shared_recovery::impl_recovery_store!(PostgresStore);

#[async_trait]
impl Store for PostgresStore {
    fn backend(&self) -> Backend {
        Backend::Postgres
    }

    async fn migrate(&self) -> Result<Vec<i64>, StoreError> {
        let before = self.applied_migrations().await.unwrap_or_default();
        // The migrator takes an advisory lock, so nodes starting together apply each step once.
        MIGRATOR.run(&self.pool).await?;
        let after = self.applied_migrations().await?;
        Ok(after.into_iter().filter(|v| !before.contains(v)).collect())
    }

    async fn applied_migrations(&self) -> Result<Vec<i64>, StoreError> {
        let rows =
            sqlx::query("SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
                .fetch_all(&self.pool)
                .await?;
        rows.iter()
            .map(|r| r.try_get::<i64, _>(0).map_err(StoreError::from))
            .collect()
    }

    async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map_err(StoreError::Unavailable)?;
        Ok(())
    }

    async fn register_instance(
        &self,
        candidate: InstanceId,
        now: OffsetDateTime,
    ) -> Result<Instance, StoreError> {
        sqlx::query(
            "INSERT INTO instance (singleton, id, created_at) VALUES (1, $1, $2) \
             ON CONFLICT (singleton) DO NOTHING",
        )
        .bind(candidate.to_string())
        .bind(now)
        .execute(&self.pool)
        .await?;
        let row = sqlx::query("SELECT id, created_at FROM instance WHERE singleton = 1")
            .fetch_one(&self.pool)
            .await?;
        parse_instance(row.try_get("id")?, row.try_get("created_at")?)
    }

    async fn close(&self) {
        self.pool.close().await;
    }
}
