//! The `Store` methods both backends share, written once (see `shared_accounts`), and
//! [`impl_shared_store!`], which expands every shared module for one backend type.

macro_rules! impl_store_core {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::Store for $store {
            fn backend(&self) -> $crate::Backend {
                <Self as $crate::dialect::Dialect>::BACKEND
            }

            async fn migrate(&self) -> Result<Vec<i64>, $crate::StoreError> {
                let versions = || async {
                    let rows = sqlx::query(
                        "SELECT version FROM _sqlx_migrations WHERE success ORDER BY version",
                    )
                    .fetch_all($crate::dialect::Dialect::migration_pool(self))
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
                <Self as $crate::dialect::Dialect>::migrator()
                    .run($crate::dialect::Dialect::migration_pool(self))
                    .await?;
                $crate::dialect::Dialect::after_migrations(self).await?;
                let after = versions().await?;
                Ok(after.into_iter().filter(|v| !before.contains(v)).collect())
            }

            async fn applied_migrations(&self) -> Result<Vec<i64>, $crate::StoreError> {
                let rows = sqlx::query(
                    "SELECT version FROM _sqlx_migrations WHERE success ORDER BY version",
                )
                .fetch_all($crate::dialect::Dialect::write_pool(self))
                .await?;
                rows.iter()
                    .map(|r| sqlx::Row::try_get::<i64, _>(r, 0).map_err($crate::StoreError::from))
                    .collect()
            }

            async fn use_app_role_password(
                &self,
                password: secrecy::SecretString,
                verifier: secrecy::SecretString,
            ) -> Result<(), $crate::StoreError> {
                $crate::dialect::Dialect::set_app_role_password(self, password, verifier).await
            }

            async fn ping(&self) -> Result<(), $crate::StoreError> {
                sqlx::query("SELECT 1")
                    .execute($crate::dialect::Dialect::read_pool(self))
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
                .execute($crate::dialect::Dialect::write_pool(self))
                .await?;
                let row = sqlx::query("SELECT id, created_at FROM instance WHERE singleton = 1")
                    .fetch_one($crate::dialect::Dialect::write_pool(self))
                    .await?;
                $crate::parse_instance(
                    sqlx::Row::try_get(&row, "id")?,
                    sqlx::Row::try_get(&row, "created_at")?,
                )
            }

            async fn close(&self) {
                $crate::dialect::Dialect::close_pools(self).await;
            }
        }
    };
}

/// Every store trait, from the queries written once in `shared_*.rs`, for a backend type that
/// implements [`Dialect`](crate::dialect::Dialect): the one line each backend module writes.
macro_rules! impl_shared_store {
    ($store:ty) => {
        // Without the contract this fails here, naming the trait, before any query expands.
        const _: () = {
            const fn implements_dialect<D: $crate::dialect::Dialect>() {}
            implements_dialect::<$store>()
        };
        $crate::shared_core::impl_store_core!($store);
        $crate::shared_accounts::impl_account_store!($store);
        $crate::shared_recovery::impl_recovery_store!($store);
        $crate::shared_workspaces::impl_workspace_store!($store);
        $crate::shared_invitations::impl_invitation_store!($store);
        $crate::shared_api_keys::impl_api_key_store!($store);
        $crate::shared_records::impl_record_store!($store);
        $crate::shared_audit::impl_audit_store!($store);
        $crate::shared_vault::impl_vault_store!($store);
        $crate::shared_lockout::impl_login_lock_store!($store);
        $crate::shared_idempotency::impl_idempotency_store!($store);
        $crate::shared_mfa::impl_mfa_store!($store);
        $crate::shared_admin::impl_admin_store!($store);
        $crate::shared_webhooks::impl_webhook_store!($store);
        $crate::shared_privacy::impl_privacy_store!($store);
    };
}

pub(crate) use impl_shared_store;
pub(crate) use impl_store_core;
