//! The API key queries, written once for both backends.

macro_rules! impl_api_key_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::api_keys::ApiKeyStore for $store {
            async fn create_api_key(
                &self,
                grant: &$crate::Grant<palisade_core::grant::ManageKeys>,
                key: &$crate::api_keys::ApiKeyRecord,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<(), $crate::StoreError> {
                let scope = grant.scope();
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                sqlx::query(
                    "INSERT INTO api_keys (id, workspace_id, name, scopes, verifier, created_by, created_at, expires_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(&key.id)
                .bind(scope.workspace_id().to_string())
                .bind(&key.name)
                .bind($crate::api_keys::encode_scopes(&key.scopes))
                .bind(&key.verifier)
                .bind(key.created_by.to_string())
                .bind(key.created_at)
                .bind(key.expires_at)
                .execute(&mut *tx)
                .await?;
                Self::append_audit_in(&mut tx, audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn api_keys(
                &self,
                scope: &$crate::WorkspaceScope,
            ) -> Result<Vec<$crate::api_keys::ApiKeyRecord>, $crate::StoreError> {
                let rows = sqlx::query(
                    "SELECT id, name, scopes, verifier, created_by, created_at, expires_at, last_used_at FROM api_keys \
                     WHERE workspace_id = $1 AND revoked_at IS NULL ORDER BY created_at, id",
                )
                .bind(scope.workspace_id().to_string())
                .fetch_all(&mut *$crate::dialect::Dialect::scoped_read(self, scope).await?)
                .await?;
                rows.iter().map($crate::rows::api_key).collect()
            }

            async fn revoke_api_key(
                &self,
                grant: &$crate::Grant<palisade_core::grant::ManageKeys>,
                id: &str,
                now: time::OffsetDateTime,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<bool, $crate::StoreError> {
                // A load racing the revocation is marked stale once it commits.
                let _access_changes = $crate::workspaces::BumpOnDrop($crate::dialect::Dialect::access_epoch(self));
                let scope = grant.scope();
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                let done = sqlx::query(
                    "UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND workspace_id = $3 AND revoked_at IS NULL",
                )
                .bind(now)
                .bind(id)
                .bind(scope.workspace_id().to_string())
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 1 {
                    Self::append_audit_in(&mut tx, audit).await?;
                }
                tx.commit().await?;
                Ok(done.rows_affected() == 1)
            }

            async fn revoke_keys_created_by(
                &self,
                grant: &$crate::Grant<palisade_core::grant::ManageMembers>,
                user: palisade_core::UserId,
                now: time::OffsetDateTime,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<Vec<String>, $crate::StoreError> {
                // A load racing the revocation is marked stale once it commits.
                let _access_changes = $crate::workspaces::BumpOnDrop($crate::dialect::Dialect::access_epoch(self));
                let scope = grant.scope();
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                let rows = sqlx::query(
                    "UPDATE api_keys SET revoked_at = $1 WHERE workspace_id = $2 AND created_by = $3 \
                     AND revoked_at IS NULL RETURNING id",
                )
                .bind(now)
                .bind(scope.workspace_id().to_string())
                .bind(user.to_string())
                .fetch_all(&mut *tx)
                .await?;
                if !rows.is_empty() {
                    Self::append_audit_in(&mut tx, audit).await?;
                }
                tx.commit().await?;
                rows.iter().map(|row| Ok(sqlx::Row::try_get::<String, _>(row, "id")?)).collect()
            }

            async fn authorize_key(
                &self,
                key_id: &str,
            ) -> Result<Option<$crate::api_keys::KeyAuthorization>, $crate::StoreError> {
                let row = sqlx::query(
                    "SELECT k.verifier, k.expires_at, k.scopes, k.created_by, w.id AS workspace_id, w.slug, m.role FROM api_keys k \
                     JOIN workspaces w ON w.id = k.workspace_id \
                     JOIN memberships m ON m.workspace_id = k.workspace_id AND m.user_id = k.created_by \
                     JOIN users u ON u.id = k.created_by \
                     WHERE k.id = $1 AND k.revoked_at IS NULL AND w.suspended_at IS NULL AND u.suspended_at IS NULL \
                     AND (NOT w.require_mfa OR EXISTS (SELECT 1 FROM mfa_totp t \
                     WHERE t.user_id = k.created_by AND t.confirmed_at IS NOT NULL))",
                )
                .bind(key_id)
                .fetch_optional(&mut *$crate::dialect::Dialect::lookup(self, false).await?)
                .await?;
                let Some(row) = row else { return Ok(None) };
                let scopes = $crate::api_keys::decode_scopes(&sqlx::Row::try_get::<String, _>(&row, "scopes")?)?;
                let scope = $crate::WorkspaceScope::new(
                    $crate::rows::id(&row, "workspace_id")?,
                    sqlx::Row::try_get::<String, _>(&row, "slug")?,
                    $crate::rows::id(&row, "created_by")?,
                    $crate::rows::role(&row)?,
                )
                .through_key(key_id.to_owned(), scopes);
                Ok(Some($crate::api_keys::KeyAuthorization {
                    verifier: sqlx::Row::try_get(&row, "verifier")?,
                    expires_at: sqlx::Row::try_get(&row, "expires_at")?,
                    scope,
                }))
            }

            async fn touch_api_key(
                &self,
                scope: &$crate::WorkspaceScope,
                now: time::OffsetDateTime,
            ) -> Result<(), $crate::StoreError> {
                let Some(id) = scope.key_id() else { return Ok(()) };
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                sqlx::query("UPDATE api_keys SET last_used_at = $1 WHERE id = $2 AND workspace_id = $3")
                    .bind(now)
                    .bind(id)
                    .bind(scope.workspace_id().to_string())
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(())
            }
        }
    };
}

pub(crate) use impl_api_key_store;
