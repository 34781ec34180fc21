//! The `Store` methods both backends share, written once (see `shared_accounts`).

macro_rules! impl_store_core {
    ($store:ty, $backend:expr, $migrator:expr) => {
        #[async_trait::async_trait]
        impl $crate::Store for $store {
            fn backend(&self) -> $crate::Backend {
                $backend
            }

            async fn migrate(&self) -> Result<Vec<i64>, $crate::StoreError> {
                let versions = || async {
                    let rows = sqlx::query(
                        "SELECT version FROM _sqlx_migrations WHERE success ORDER BY version",
                    )
                    .fetch_all(self.migration_pool())
                    .await?;
                    rows.iter()
                        .map(|r| {
                            sqlx::Row::try_get::<i64, _>(r, 0).map_err($crate::StoreError::from)
                        })
                        .collect::<Result<Vec<i64>, $crate::StoreError>>()
                };
                let before = versions().await.unwrap_or_default();
                // PostgreSQL's migrator takes an advisory lock, so nodes starting together
                // apply each step once; SQLite has a single writer connection.
                $migrator.run(self.migration_pool()).await?;
                self.after_migrations().await?;
                let after = versions().await?;
                Ok(after.into_iter().filter(|v| !before.contains(v)).collect())
            }

            async fn applied_migrations(&self) -> Result<Vec<i64>, $crate::StoreError> {
                let rows = sqlx::query(
                    "SELECT version FROM _sqlx_migrations WHERE success ORDER BY version",
                )
                .fetch_all(self.write_pool())
                .await?;
                rows.iter()
                    .map(|r| sqlx::Row::try_get::<i64, _>(r, 0).map_err($crate::StoreError::from))
                    .collect()
            }

            async fn ping(&self) -> Result<(), $crate::StoreError> {
                sqlx::query("SELECT 1")
                    .execute(self.read_pool())
                    .await
                    .map_err($crate::StoreError::Unavailable)?;
                Ok(())
            }

            async fn register_instance(
                &self,
                candidate: palisade_core::InstanceId,
                now: time::OffsetDateTime,
            ) -> Result<$crate::Instance, $crate::StoreError> {
                sqlx::query(
                    "INSERT INTO instance (singleton, id, created_at) VALUES (1, $1, $2) \
                     ON CONFLICT (singleton) DO NOTHING",
                )
                .bind(candidate.to_string())
                .bind(now)
                .execute(self.write_pool())
                .await?;
                let row = sqlx::query("SELECT id, created_at FROM instance WHERE singleton = 1")
                    .fetch_one(self.write_pool())
                    .await?;
                $crate::parse_instance(
                    sqlx::Row::try_get(&row, "id")?,
                    sqlx::Row::try_get(&row, "created_at")?,
                )
            }

            async fn close(&self) {
                self.close_pools().await;
            }
        }
    };
}

pub(crate) use impl_store_core;
