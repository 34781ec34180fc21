//! The account queries, written once: SQLite and PostgreSQL both accept `$n` parameters, and
//! the macro expands this body for each backend type. Everything that differs per backend
//! (here, which pool a query runs on) comes from [`Dialect`](crate::dialect::Dialect).

macro_rules! impl_account_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::accounts::AccountStore for $store {
            async fn create_user(&self, user: &$crate::accounts::UserRecord, audit: &palisade_core::audit::AuditEntry) -> Result<(), $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::write_pool(self).begin().await?;
                sqlx::query(
                    "INSERT INTO users (id, email, email_key, name, password_hash, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(user.id.to_string())
                .bind(&user.email)
                .bind($crate::accounts::UserRecord::email_key(&user.email))
                .bind(&user.name)
                .bind(&user.password_hash)
                .bind(user.created_at)
                .bind(user.updated_at)
                .execute(&mut *tx)
                .await
                .map_err(|err| $crate::error::conflict_on_unique(err, $crate::error::Conflict::Email))?;
                Self::append_audit_in(&mut tx, audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn user_by_email(&self, email: &str) -> Result<Option<$crate::accounts::UserRecord>, $crate::StoreError> {
                let row = sqlx::query(&format!("SELECT {} FROM users WHERE email_key = $1", $crate::rows::USER_COLUMNS))
                    .bind($crate::accounts::UserRecord::email_key(email))
                    .fetch_optional($crate::dialect::Dialect::read_pool(self))
                    .await?;
                row.as_ref().map($crate::rows::user).transpose()
            }

            async fn user_by_id(&self, id: palisade_core::UserId) -> Result<Option<$crate::accounts::UserRecord>, $crate::StoreError> {
                let row = sqlx::query(&format!("SELECT {} FROM users WHERE id = $1", $crate::rows::USER_COLUMNS))
                    .bind(id.to_string())
                    .fetch_optional($crate::dialect::Dialect::read_pool(self))
                    .await?;
                row.as_ref().map($crate::rows::user).transpose()
            }

            async fn set_password_hash(
                &self,
                id: palisade_core::UserId,
                hash: &str,
                now: time::OffsetDateTime,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::write_pool(self).begin().await?;
                sqlx::query("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3")
                    .bind(hash)
                    .bind(now)
                    .bind(id.to_string())
                    .execute(&mut *tx)
                    .await?;
                // A new password (reset or change) ends any brute-force lock on the account.
                sqlx::query("DELETE FROM login_failures WHERE user_id = $1")
                    .bind(id.to_string())
                    .execute(&mut *tx)
                    .await?;
                Self::append_audit_in(&mut tx, audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn create_session(
                &self,
                session: &$crate::accounts::SessionRecord,
                refresh_digest: &str,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::write_pool(self).begin().await?;
                sqlx::query(
                    "INSERT INTO sessions (id, user_id, created_at, last_used_at, absolute_expires_at, \
                     revoked_at, revoked_reason, user_agent, ip, mfa_at) VALUES ($1, $2, $3, $4, $5, NULL, NULL, $6, $7, $8)",
                )
                .bind(session.id.to_string())
                .bind(session.user_id.to_string())
                .bind(session.created_at)
                .bind(session.last_used_at)
                .bind(session.absolute_expires_at)
                .bind(&session.user_agent)
                .bind(&session.ip)
                .bind(session.mfa_at)
                .execute(&mut *tx)
                .await?;
                sqlx::query("INSERT INTO refresh_tokens (digest, session_id, issued_at) VALUES ($1, $2, $3)")
                    .bind(refresh_digest)
                    .bind(session.id.to_string())
                    .bind(session.created_at)
                    .execute(&mut *tx)
                    .await?;
                Self::append_audit_in(&mut tx, audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn session(&self, id: palisade_core::SessionId) -> Result<Option<$crate::accounts::SessionRecord>, $crate::StoreError> {
                let row = sqlx::query(&format!("SELECT {} FROM sessions WHERE id = $1", $crate::rows::SESSION_COLUMNS))
                    .bind(id.to_string())
                    .fetch_optional($crate::dialect::Dialect::read_pool(self))
                    .await?;
                row.as_ref().map($crate::rows::session).transpose()
            }

            async fn unrevoked_sessions(
                &self,
                user: palisade_core::UserId,
            ) -> Result<Vec<$crate::accounts::SessionRecord>, $crate::StoreError> {
                let rows = sqlx::query(&format!(
                    "SELECT {} FROM sessions WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at, id",
                    $crate::rows::SESSION_COLUMNS
                ))
                .bind(user.to_string())
                .fetch_all($crate::dialect::Dialect::read_pool(self))
                .await?;
                rows.iter().map($crate::rows::session).collect()
            }

            async fn touch_session(&self, id: palisade_core::SessionId, now: time::OffsetDateTime) -> Result<(), $crate::StoreError> {
                sqlx::query("UPDATE sessions SET last_used_at = $1 WHERE id = $2 AND revoked_at IS NULL")
                    .bind(now)
                    .bind(id.to_string())
                    .execute($crate::dialect::Dialect::write_pool(self))
                    .await?;
                Ok(())
            }

            async fn revoke_session(
                &self,
                id: palisade_core::SessionId,
                reason: &str,
                now: time::OffsetDateTime,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<bool, $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::write_pool(self).begin().await?;
                let done = sqlx::query(
                    "UPDATE sessions SET revoked_at = $1, revoked_reason = $2 WHERE id = $3 AND revoked_at IS NULL",
                )
                .bind(now)
                .bind(reason)
                .bind(id.to_string())
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 1 {
                    Self::append_audit_in(&mut tx, audit).await?;
                }
                tx.commit().await?;
                Ok(done.rows_affected() == 1)
            }

            async fn revoke_user_sessions(
                &self,
                user: palisade_core::UserId,
                keep: Option<palisade_core::SessionId>,
                reason: &str,
                now: time::OffsetDateTime,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<Vec<palisade_core::SessionId>, $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::write_pool(self).begin().await?;
                let keep = keep.map(|id| id.to_string()).unwrap_or_default();
                let rows = sqlx::query(
                    "UPDATE sessions SET revoked_at = $1, revoked_reason = $2 \
                     WHERE user_id = $3 AND id <> $4 AND revoked_at IS NULL RETURNING id",
                )
                .bind(now)
                .bind(reason)
                .bind(user.to_string())
                .bind(keep)
                .fetch_all(&mut *tx)
                .await?;
                if !rows.is_empty() {
                    Self::append_audit_in(&mut tx, audit).await?;
                }
                tx.commit().await?;
                rows.iter().map(|row| $crate::rows::id(row, "id")).collect()
            }

            async fn refresh_token(&self, digest: &str) -> Result<Option<$crate::accounts::RefreshRecord>, $crate::StoreError> {
                // The writer sees its own rotations at once; a lagging reader could not.
                let row = sqlx::query(
                    "SELECT digest, session_id, issued_at, spent_at, successor_sealed FROM refresh_tokens WHERE digest = $1",
                )
                .bind(digest)
                .fetch_optional($crate::dialect::Dialect::write_pool(self))
                .await?;
                row.as_ref().map($crate::rows::refresh).transpose()
            }

            async fn rotate_refresh_token(
                &self,
                old: &str,
                new: &str,
                successor_sealed: &[u8],
                now: time::OffsetDateTime,
            ) -> Result<bool, $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::write_pool(self).begin().await?;
                let spent = sqlx::query(
                    "UPDATE refresh_tokens SET spent_at = $1, successor_sealed = $2 WHERE digest = $3 AND spent_at IS NULL \
                     RETURNING session_id",
                )
                .bind(now)
                .bind(successor_sealed)
                .bind(old)
                .fetch_optional(&mut *tx)
                .await?;
                let Some(spent) = spent else { return Ok(false) };
                let session: String = sqlx::Row::try_get(&spent, "session_id")?;
                sqlx::query("INSERT INTO refresh_tokens (digest, session_id, issued_at) VALUES ($1, $2, $3)")
                    .bind(new)
                    .bind(&session)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("UPDATE sessions SET last_used_at = $1 WHERE id = $2")
                    .bind(now)
                    .bind(&session)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(true)
            }

            async fn insert_signing_key(&self, key: &$crate::accounts::SigningKeyRecord, audit: &palisade_core::audit::AuditEntry) -> Result<(), $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::write_pool(self).begin().await?;
                sqlx::query(
                    "INSERT INTO signing_keys (kid, algorithm, public_key, sealed_seed, created_at, retired_at) \
                     VALUES ($1, 'EdDSA', $2, $3, $4, $5)",
                )
                .bind(&key.kid)
                .bind(&key.public_key)
                .bind(&key.sealed_seed)
                .bind(key.created_at)
                .bind(key.retired_at)
                .execute(&mut *tx)
                .await?;
                Self::append_audit_in(&mut tx, audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn signing_keys(&self) -> Result<Vec<$crate::accounts::SigningKeyRecord>, $crate::StoreError> {
                let rows = sqlx::query(
                    "SELECT kid, public_key, sealed_seed, created_at, retired_at FROM signing_keys ORDER BY created_at, kid",
                )
                .fetch_all($crate::dialect::Dialect::write_pool(self))
                .await?;
                rows.iter().map($crate::rows::signing_key).collect()
            }

            async fn reseal_signing_key(&self, kid: &str, old: &[u8], new: &[u8]) -> Result<bool, $crate::StoreError> {
                let done = sqlx::query("UPDATE signing_keys SET sealed_seed = $1 WHERE kid = $2 AND sealed_seed = $3")
                    .bind(new)
                    .bind(kid)
                    .bind(old)
                    .execute($crate::dialect::Dialect::write_pool(self))
                    .await?;
                Ok(done.rows_affected() == 1)
            }

            async fn retire_signing_keys_except(&self, kid: &str, now: time::OffsetDateTime) -> Result<(), $crate::StoreError> {
                sqlx::query("UPDATE signing_keys SET retired_at = $1 WHERE kid <> $2 AND retired_at IS NULL")
                    .bind(now)
                    .bind(kid)
                    .execute($crate::dialect::Dialect::write_pool(self))
                    .await?;
                Ok(())
            }
        }
    };
}

pub(crate) use impl_account_store;
