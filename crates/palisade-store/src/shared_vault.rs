//! The vault queries, written once for both backends. Platform-scope keys go through the
//! owner's connection: they are read before the application role's password is known.

macro_rules! impl_vault_store {
    ($store:ty) => {
        impl $store {
            /// The secret `name` of `workspace`, sealed, as `tx` sees it.
            pub(crate) async fn sealed_secret_in(
                tx: &mut $crate::dialect::Tx<Self>,
                workspace: &str,
                name: &str,
            ) -> Result<Option<$crate::vault::SealedSecret>, $crate::StoreError> {
                let row = sqlx::query(&format!(
                    "SELECT {}, ciphertext FROM secrets WHERE workspace_id = $1 AND name = $2",
                    $crate::rows::SECRET_COLUMNS
                ))
                .bind(workspace)
                .bind(name)
                .fetch_optional(&mut **tx)
                .await?;
                row.map(|row| {
                    Ok($crate::vault::SealedSecret {
                        record: $crate::rows::secret(&row)?,
                        ciphertext: sqlx::Row::try_get(&row, "ciphertext")?,
                    })
                })
                .transpose()
            }

            async fn key_tx(&self, scope: &str) -> Result<$crate::dialect::Tx<Self>, $crate::StoreError> {
                if scope == $crate::vault::PLATFORM_SCOPE {
                    Ok($crate::dialect::Dialect::migration_pool(self).begin().await?)
                } else {
                    $crate::dialect::Dialect::in_workspace(self, scope).await
                }
            }
        }

        #[async_trait::async_trait]
        impl $crate::vault::VaultStore for $store {
            async fn data_keys(&self, scope: &str) -> Result<Vec<$crate::vault::DataKeyRecord>, $crate::StoreError> {
                let mut tx = self.key_tx(scope).await?;
                let rows = sqlx::query(
                    "SELECT scope, version, kek_id, wrapped, active, created_at FROM data_keys \
                     WHERE scope = $1 ORDER BY version",
                )
                .bind(scope)
                .fetch_all(&mut *tx)
                .await?;
                tx.commit().await?;
                rows.iter().map($crate::rows::data_key).collect()
            }

            async fn add_data_key(
                &self,
                key: &$crate::vault::DataKeyRecord,
                audit: Option<&palisade_core::audit::AuditEntry>,
            ) -> Result<bool, $crate::StoreError> {
                let mut tx = self.key_tx(&key.scope).await?;
                sqlx::query("UPDATE data_keys SET active = $1 WHERE scope = $2 AND active")
                    .bind(false)
                    .bind(&key.scope)
                    .execute(&mut *tx)
                    .await?;
                let added = sqlx::query(
                    "INSERT INTO data_keys (scope, workspace_id, version, kek_id, wrapped, active, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (scope, version) DO NOTHING",
                )
                .bind(&key.scope)
                .bind((key.scope != $crate::vault::PLATFORM_SCOPE).then_some(&key.scope))
                .bind(i64::from(key.version))
                .bind(&key.kek_id)
                .bind(&key.wrapped)
                .bind(true)
                .bind(key.created_at)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                    == 1;
                if !added {
                    // Leave the winner's active version as it was.
                    tx.rollback().await?;
                    return Ok(false);
                }
                if let Some(audit) = audit {
                    Self::append_audit_in(&mut tx, audit).await?;
                }
                tx.commit().await?;
                Ok(true)
            }

            async fn rewrap_data_key(
                &self,
                scope: &str,
                version: u32,
                from_kek: &str,
                kek_id: &str,
                wrapped: &[u8],
            ) -> Result<bool, $crate::StoreError> {
                let mut tx = self.key_tx(scope).await?;
                let done = sqlx::query(
                    "UPDATE data_keys SET kek_id = $1, wrapped = $2 \
                     WHERE scope = $3 AND version = $4 AND kek_id = $5",
                )
                .bind(kek_id)
                .bind(wrapped)
                .bind(scope)
                .bind(i64::from(version))
                .bind(from_kek)
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(done.rows_affected() == 1)
            }

            async fn destroy_data_key(&self, scope: &str, version: u32) -> Result<bool, $crate::StoreError> {
                let mut tx = self.key_tx(scope).await?;
                // Waits for writers that checked this version under a shared lock, so the
                // count below (a fresh statement) sees what they wrote.
                let lock = format!(
                    "SELECT active FROM data_keys WHERE scope = $1 AND version = $2{}",
                    <Self as $crate::dialect::Dialect>::FOR_UPDATE
                );
                let Some(row) = sqlx::query(&lock)
                    .bind(scope)
                    .bind(i64::from(version))
                    .fetch_optional(&mut *tx)
                    .await?
                else {
                    return Ok(true);
                };
                let active: bool = sqlx::Row::try_get(&row, "active")?;
                let in_use: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM secrets WHERE workspace_id = $1 AND key_version = $2",
                )
                .bind(scope)
                .bind(i64::from(version))
                .fetch_one(&mut *tx)
                .await?;
                if active || in_use > 0 {
                    return Ok(false);
                }
                sqlx::query("DELETE FROM data_keys WHERE scope = $1 AND version = $2")
                    .bind(scope)
                    .bind(i64::from(version))
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(true)
            }

            async fn key_scopes(&self) -> Result<Vec<String>, $crate::StoreError> {
                let ids: Vec<String> = sqlx::query_scalar("SELECT id FROM workspaces ORDER BY id")
                    .fetch_all($crate::dialect::Dialect::write_pool(self))
                    .await?;
                Ok(std::iter::once($crate::vault::PLATFORM_SCOPE.to_owned()).chain(ids).collect())
            }

            async fn predates_vault(&self) -> Result<bool, $crate::StoreError> {
                // Signing keys (it served) or audit events (operator commands ran): either was
                // keyed from the master key itself.
                let count: i64 = sqlx::query_scalar(
                    "SELECT (SELECT COUNT(*) FROM signing_keys) + (SELECT COUNT(*) FROM audit_events)",
                )
                    .fetch_one($crate::dialect::Dialect::migration_pool(self))
                    .await?;
                Ok(count > 0)
            }

            async fn platform_secret(&self, name: &str) -> Result<Option<Vec<u8>>, $crate::StoreError> {
                Ok(sqlx::query_scalar("SELECT ciphertext FROM platform_secrets WHERE name = $1")
                    .bind(name)
                    .fetch_optional($crate::dialect::Dialect::migration_pool(self))
                    .await?)
            }

            async fn init_platform_secret(
                &self,
                name: &str,
                ciphertext: &[u8],
                now: time::OffsetDateTime,
            ) -> Result<Vec<u8>, $crate::StoreError> {
                let pool = $crate::dialect::Dialect::migration_pool(self);
                sqlx::query(
                    "INSERT INTO platform_secrets (name, ciphertext, created_at) VALUES ($1, $2, $3) \
                     ON CONFLICT (name) DO NOTHING",
                )
                .bind(name)
                .bind(ciphertext)
                .bind(now)
                .execute(pool)
                .await?;
                Ok(sqlx::query_scalar("SELECT ciphertext FROM platform_secrets WHERE name = $1")
                    .bind(name)
                    .fetch_one(pool)
                    .await?)
            }

            async fn put_secret(
                &self,
                grant: &$crate::Grant<palisade_core::grant::ManageSecrets>,
                secret: &$crate::vault::SealedSecret,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<(), $crate::StoreError> {
                let scope = grant.scope();
                let workspace = scope.workspace_id().to_string();
                let record = &secret.record;
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                let check = format!(
                    "SELECT active FROM data_keys WHERE scope = $1 AND version = $2{}",
                    <Self as $crate::dialect::Dialect>::FOR_SHARE
                );
                let active: Option<bool> = sqlx::query_scalar(&check)
                    .bind(&workspace)
                    .bind(i64::from(record.key_version))
                    .fetch_optional(&mut *tx)
                    .await?;
                if active != Some(true) {
                    return Err($crate::StoreError::KeyRetired);
                }
                let written = sqlx::query(
                    "INSERT INTO secrets (id, workspace_id, name, description, version, key_version, \
                     ciphertext, fingerprint, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
                     ON CONFLICT (workspace_id, name) DO UPDATE SET description = excluded.description, \
                     version = excluded.version, key_version = excluded.key_version, \
                     ciphertext = excluded.ciphertext, fingerprint = excluded.fingerprint, \
                     updated_at = excluded.updated_at \
                     WHERE secrets.id = excluded.id AND secrets.version = excluded.version - 1",
                )
                .bind(&record.id)
                .bind(&workspace)
                .bind(&record.name)
                .bind(&record.description)
                .bind(record.version)
                .bind(i64::from(record.key_version))
                .bind(&secret.ciphertext)
                .bind(&record.fingerprint)
                .bind(record.created_at)
                .bind(record.updated_at)
                .execute(&mut *tx)
                .await
                .map_err(|err| $crate::error::conflict_on_unique(err, $crate::Conflict::SecretChanged))?;
                if written.rows_affected() != 1 {
                    return Err($crate::StoreError::Conflict($crate::Conflict::SecretChanged));
                }
                Self::append_audit_in(&mut tx, audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn secrets(&self, scope: &$crate::WorkspaceScope) -> Result<Vec<$crate::vault::SecretRecord>, $crate::StoreError> {
                let rows = sqlx::query(&format!(
                    "SELECT {} FROM secrets WHERE workspace_id = $1 ORDER BY name",
                    $crate::rows::SECRET_COLUMNS
                ))
                .bind(scope.workspace_id().to_string())
                .fetch_all(&mut *$crate::dialect::Dialect::scoped_read(self, scope).await?)
                .await?;
                rows.iter().map($crate::rows::secret).collect()
            }

            async fn secret(
                &self,
                scope: &$crate::WorkspaceScope,
                name: &str,
            ) -> Result<Option<$crate::vault::SealedSecret>, $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::scoped_read(self, scope).await?;
                Self::sealed_secret_in(&mut tx, &scope.workspace_id().to_string(), name).await
            }

            async fn delete_secret(
                &self,
                grant: &$crate::Grant<palisade_core::grant::ManageSecrets>,
                name: &str,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<bool, $crate::StoreError> {
                let scope = grant.scope();
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                let done = sqlx::query("DELETE FROM secrets WHERE workspace_id = $1 AND name = $2")
                    .bind(scope.workspace_id().to_string())
                    .bind(name)
                    .execute(&mut *tx)
                    .await?;
                if done.rows_affected() == 1 {
                    Self::append_audit_in(&mut tx, audit).await?;
                }
                tx.commit().await?;
                Ok(done.rows_affected() == 1)
            }

            async fn touch_secret(
                &self,
                scope: &$crate::WorkspaceScope,
                name: &str,
                now: time::OffsetDateTime,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                sqlx::query("UPDATE secrets SET last_used_at = $1 WHERE workspace_id = $2 AND name = $3")
                    .bind(now)
                    .bind(scope.workspace_id().to_string())
                    .bind(name)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(())
            }

            async fn count_values(&self, workspace_id: &str) -> Result<u64, $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::in_workspace(self, workspace_id).await?;
                let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM secrets WHERE workspace_id = $1")
                    .bind(workspace_id)
                    .fetch_one(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(u64::try_from(count).unwrap_or_default())
            }

            async fn values_under_key(
                &self,
                workspace_id: &str,
                key_version: u32,
                limit: u32,
            ) -> Result<Vec<$crate::vault::StaleValue>, $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::in_workspace(self, workspace_id).await?;
                let rows = sqlx::query(
                    "SELECT id, version, ciphertext FROM secrets WHERE workspace_id = $1 AND key_version = $2 \
                     ORDER BY id LIMIT $3",
                )
                .bind(workspace_id)
                .bind(i64::from(key_version))
                .bind(i64::from(limit))
                .fetch_all(&mut *tx)
                .await?;
                tx.commit().await?;
                rows.iter()
                    .map(|row| {
                        Ok($crate::vault::StaleValue {
                            id: sqlx::Row::try_get(row, "id")?,
                            version: sqlx::Row::try_get(row, "version")?,
                            ciphertext: sqlx::Row::try_get(row, "ciphertext")?,
                        })
                    })
                    .collect()
            }

            async fn reencrypt_value(
                &self,
                workspace_id: &str,
                id: &str,
                version: i64,
                from_version: u32,
                to_version: u32,
                ciphertext: &[u8],
            ) -> Result<bool, $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::in_workspace(self, workspace_id).await?;
                let done = sqlx::query(
                    "UPDATE secrets SET ciphertext = $1, key_version = $2 \
                     WHERE workspace_id = $3 AND id = $4 AND key_version = $5 AND version = $6",
                )
                .bind(ciphertext)
                .bind(i64::from(to_version))
                .bind(workspace_id)
                .bind(id)
                .bind(i64::from(from_version))
                .bind(version)
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(done.rows_affected() == 1)
            }
        }
    };
}

pub(crate) use impl_vault_store;
