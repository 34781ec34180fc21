//! The idempotency queries, written once for both backends, in the scope's workspace.

macro_rules! impl_idempotency_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::idempotency::IdempotencyStore for $store {
            async fn claim_idempotency_key(
                &self,
                scope: &$crate::WorkspaceScope,
                key: $crate::idempotency::IdempotencyKey<'_>,
                fingerprint: &str,
                claim: &str,
                now: time::OffsetDateTime,
                expires_at: time::OffsetDateTime,
                abandoned_before: time::OffsetDateTime,
            ) -> Result<$crate::idempotency::KeyClaim, $crate::StoreError> {
                let workspace = scope.workspace_id().to_string();
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                sqlx::query(
                    "DELETE FROM idempotency_keys WHERE workspace_id = $1 AND \
                     (expires_at <= $2 OR (status IS NULL AND created_at <= $3))",
                )
                .bind(&workspace)
                .bind(now)
                .bind(abandoned_before)
                .execute(&mut *tx)
                .await?;
                let claimed = sqlx::query(
                    "INSERT INTO idempotency_keys (workspace_id, principal, idem_key, \
                     fingerprint, claim, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
                     ON CONFLICT DO NOTHING",
                )
                .bind(&workspace)
                .bind(key.principal)
                .bind(key.key)
                .bind(fingerprint)
                .bind(claim)
                .bind(now)
                .bind(expires_at)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                    == 1;
                let claim = if claimed {
                    $crate::idempotency::KeyClaim::Claimed
                } else {
                    let row = sqlx::query(
                        "SELECT fingerprint, status, response FROM idempotency_keys \
                         WHERE workspace_id = $1 AND principal = $2 AND idem_key = $3",
                    )
                    .bind(&workspace)
                    .bind(key.principal)
                    .bind(key.key)
                    .fetch_one(&mut *tx)
                    .await?;
                    use sqlx::Row;
                    let status: Option<i32> = row.try_get("status")?;
                    $crate::idempotency::KeyClaim::Used($crate::idempotency::IdempotentRequest {
                        fingerprint: row.try_get("fingerprint")?,
                        status: status.and_then(|s| u16::try_from(s).ok()),
                        response: row.try_get("response")?,
                    })
                };
                tx.commit().await?;
                Ok(claim)
            }

            async fn complete_idempotency_key(
                &self,
                scope: &$crate::WorkspaceScope,
                key: $crate::idempotency::IdempotencyKey<'_>,
                claim: &str,
                status: u16,
                response: &[u8],
            ) -> Result<(), $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                sqlx::query(
                    "UPDATE idempotency_keys SET status = $1, response = $2 \
                     WHERE workspace_id = $3 AND principal = $4 AND idem_key = $5 AND claim = $6",
                )
                .bind(i32::from(status))
                .bind(response)
                .bind(scope.workspace_id().to_string())
                .bind(key.principal)
                .bind(key.key)
                .bind(claim)
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(())
            }

            async fn release_idempotency_key(
                &self,
                scope: &$crate::WorkspaceScope,
                key: $crate::idempotency::IdempotencyKey<'_>,
                claim: &str,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                sqlx::query(
                    "DELETE FROM idempotency_keys WHERE workspace_id = $1 AND principal = $2 \
                     AND idem_key = $3 AND claim = $4 AND status IS NULL",
                )
                .bind(scope.workspace_id().to_string())
                .bind(key.principal)
                .bind(key.key)
                .bind(claim)
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(())
            }

            async fn sweep_idempotency_keys(
                &self,
                before: time::OffsetDateTime,
            ) -> Result<u64, $crate::StoreError> {
                let mut tx =
                    $crate::dialect::Dialect::begin_idempotency_sweep(self, before).await?;
                let swept = sqlx::query("DELETE FROM idempotency_keys WHERE expires_at <= $1")
                    .bind(before)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                tx.commit().await?;
                Ok(swept)
            }
        }
    };
}

pub(crate) use impl_idempotency_store;
