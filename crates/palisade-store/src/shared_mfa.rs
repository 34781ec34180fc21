//! The MFA queries, written once for both backends.

macro_rules! impl_mfa_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::mfa::MfaStore for $store {
            async fn totp(
                &self,
                user: palisade_core::UserId,
            ) -> Result<Option<$crate::mfa::TotpRecord>, $crate::StoreError> {
                let row = sqlx::query(
                    "SELECT secret_sealed, created_at, confirmed_at, last_step FROM mfa_totp WHERE user_id = $1",
                )
                .bind(user.to_string())
                .fetch_optional($crate::dialect::Dialect::write_pool(self))
                .await?;
                row.as_ref().map($crate::rows::totp).transpose()
            }

            async fn begin_totp(
                &self,
                user: palisade_core::UserId,
                secret_sealed: &[u8],
                now: time::OffsetDateTime,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<bool, $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::write_pool(self).begin().await?;
                let started = sqlx::query(
                    "INSERT INTO mfa_totp (user_id, secret_sealed, created_at, confirmed_at, last_step) \
                     VALUES ($1, $2, $3, NULL, 0) ON CONFLICT (user_id) DO UPDATE SET \
                     secret_sealed = excluded.secret_sealed, created_at = excluded.created_at \
                     WHERE mfa_totp.confirmed_at IS NULL",
                )
                .bind(user.to_string())
                .bind(secret_sealed)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                    == 1;
                if started {
                    Self::append_audit_in(&mut tx, audit).await?;
                }
                tx.commit().await?;
                Ok(started)
            }

            async fn confirm_totp(
                &self,
                user: palisade_core::UserId,
                step: i64,
                recovery_digests: &[String],
                now: time::OffsetDateTime,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<bool, $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::write_pool(self).begin().await?;
                let confirmed = sqlx::query(
                    "UPDATE mfa_totp SET confirmed_at = $1, last_step = $2 \
                     WHERE user_id = $3 AND confirmed_at IS NULL",
                )
                .bind(now)
                .bind(step)
                .bind(user.to_string())
                .execute(&mut *tx)
                .await?
                .rows_affected()
                    == 1;
                if !confirmed {
                    return Ok(false);
                }
                sqlx::query("DELETE FROM mfa_recovery_codes WHERE user_id = $1")
                    .bind(user.to_string())
                    .execute(&mut *tx)
                    .await?;
                for digest in recovery_digests {
                    sqlx::query("INSERT INTO mfa_recovery_codes (digest, user_id, used_at) VALUES ($1, $2, NULL)")
                        .bind(digest)
                        .bind(user.to_string())
                        .execute(&mut *tx)
                        .await?;
                }
                Self::append_audit_in(&mut tx, audit).await?;
                tx.commit().await?;
                Ok(true)
            }

            async fn spend_totp_step(
                &self,
                user: palisade_core::UserId,
                step: i64,
            ) -> Result<bool, $crate::StoreError> {
                Ok(sqlx::query(
                    "UPDATE mfa_totp SET last_step = $1 \
                     WHERE user_id = $2 AND confirmed_at IS NOT NULL AND last_step < $1",
                )
                .bind(step)
                .bind(user.to_string())
                .execute($crate::dialect::Dialect::write_pool(self))
                .await?
                .rows_affected()
                    == 1)
            }

            async fn spend_recovery_code(
                &self,
                user: palisade_core::UserId,
                digest: &str,
                now: time::OffsetDateTime,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<Option<u32>, $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::write_pool(self).begin().await?;
                let spent = sqlx::query(
                    "UPDATE mfa_recovery_codes SET used_at = $1 \
                     WHERE digest = $2 AND user_id = $3 AND used_at IS NULL",
                )
                .bind(now)
                .bind(digest)
                .bind(user.to_string())
                .execute(&mut *tx)
                .await?
                .rows_affected()
                    == 1;
                if !spent {
                    return Ok(None);
                }
                let left: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM mfa_recovery_codes WHERE user_id = $1 AND used_at IS NULL",
                )
                .bind(user.to_string())
                .fetch_one(&mut *tx)
                .await?;
                Self::append_audit_in(&mut tx, audit).await?;
                tx.commit().await?;
                Ok(Some(u32::try_from(left).unwrap_or(0)))
            }

            async fn recovery_codes_left(
                &self,
                user: palisade_core::UserId,
            ) -> Result<u32, $crate::StoreError> {
                let left: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM mfa_recovery_codes WHERE user_id = $1 AND used_at IS NULL",
                )
                .bind(user.to_string())
                .fetch_one($crate::dialect::Dialect::write_pool(self))
                .await?;
                Ok(u32::try_from(left).unwrap_or(0))
            }

            async fn remove_totp(
                &self,
                user: palisade_core::UserId,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<bool, $crate::StoreError> {
                let _access_changes = $crate::workspaces::BumpOnDrop($crate::dialect::Dialect::access_epoch(self));
                let mut tx = $crate::dialect::Dialect::write_pool(self).begin().await?;
                let removed = sqlx::query("DELETE FROM mfa_totp WHERE user_id = $1")
                    .bind(user.to_string())
                    .execute(&mut *tx)
                    .await?
                    .rows_affected()
                    == 1;
                sqlx::query("DELETE FROM mfa_recovery_codes WHERE user_id = $1")
                    .bind(user.to_string())
                    .execute(&mut *tx)
                    .await?;
                if removed {
                    Self::append_audit_in(&mut tx, audit).await?;
                }
                tx.commit().await?;
                Ok(removed)
            }

            async fn create_mfa_challenge(
                &self,
                digest: &str,
                user: palisade_core::UserId,
                now: time::OffsetDateTime,
                expires_at: time::OffsetDateTime,
            ) -> Result<(), $crate::StoreError> {
                // Spent and expired challenges of anyone go as new ones come.
                sqlx::query("DELETE FROM mfa_challenges WHERE expires_at <= $1")
                    .bind(now)
                    .execute($crate::dialect::Dialect::write_pool(self))
                    .await?;
                sqlx::query(
                    "INSERT INTO mfa_challenges (digest, user_id, created_at, expires_at, spent_at) \
                     VALUES ($1, $2, $3, $4, NULL)",
                )
                .bind(digest)
                .bind(user.to_string())
                .bind(now)
                .bind(expires_at)
                .execute($crate::dialect::Dialect::write_pool(self))
                .await?;
                Ok(())
            }

            async fn mfa_challenge(
                &self,
                digest: &str,
                now: time::OffsetDateTime,
            ) -> Result<Option<palisade_core::UserId>, $crate::StoreError> {
                let row = sqlx::query(
                    "SELECT user_id, expires_at FROM mfa_challenges WHERE digest = $1 AND spent_at IS NULL",
                )
                .bind(digest)
                .fetch_optional($crate::dialect::Dialect::write_pool(self))
                .await?;
                match row {
                    Some(row) => $crate::rows::unexpired_user(&row, now),
                    None => Ok(None),
                }
            }

            async fn spend_mfa_challenge(
                &self,
                digest: &str,
                now: time::OffsetDateTime,
            ) -> Result<bool, $crate::StoreError> {
                Ok(sqlx::query(
                    "UPDATE mfa_challenges SET spent_at = $1 \
                     WHERE digest = $2 AND spent_at IS NULL AND expires_at > $1",
                )
                .bind(now)
                .bind(digest)
                .execute($crate::dialect::Dialect::write_pool(self))
                .await?
                .rows_affected()
                    == 1)
            }

            async fn mark_session_mfa(
                &self,
                session: palisade_core::SessionId,
                now: time::OffsetDateTime,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::write_pool(self).begin().await?;
                sqlx::query("UPDATE sessions SET mfa_at = $1 WHERE id = $2 AND revoked_at IS NULL")
                    .bind(now)
                    .bind(session.to_string())
                    .execute(&mut *tx)
                    .await?;
                Self::append_audit_in(&mut tx, audit).await?;
                tx.commit().await?;
                Ok(())
            }
        }
    };
}

pub(crate) use impl_mfa_store;
