//! The recovery, mail and access-code queries, written once for both backends.

macro_rules! impl_recovery_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::recovery::RecoveryStore for $store {
            async fn create_password_reset(
                &self,
                digest: &str,
                user: palisade_core::UserId,
                now: time::OffsetDateTime,
                expires_at: time::OffsetDateTime,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::write_pool(self).begin().await?;
                sqlx::query("INSERT INTO password_resets (digest, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
                    .bind(digest)
                    .bind(user.to_string())
                    .bind(now)
                    .bind(expires_at)
                    .execute(&mut *tx)
                    .await?;
                Self::append_audit_in(&mut tx, audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn password_reset_owner(
                &self,
                digest: &str,
                now: time::OffsetDateTime,
            ) -> Result<Option<palisade_core::UserId>, $crate::StoreError> {
                let row = sqlx::query("SELECT user_id, expires_at FROM password_resets WHERE digest = $1 AND used_at IS NULL")
                    .bind(digest)
                    .fetch_optional($crate::dialect::Dialect::write_pool(self))
                    .await?;
                match row {
                    Some(row) => $crate::rows::unexpired_user(&row, now),
                    None => Ok(None),
                }
            }

            async fn consume_password_reset(
                &self,
                digest: &str,
                now: time::OffsetDateTime,
            ) -> Result<Option<palisade_core::UserId>, $crate::StoreError> {
                let row = sqlx::query(
                    "UPDATE password_resets SET used_at = $1 WHERE digest = $2 AND used_at IS NULL \
                     RETURNING user_id, expires_at",
                )
                .bind(now)
                .bind(digest)
                .fetch_optional($crate::dialect::Dialect::write_pool(self))
                .await?;
                match row {
                    Some(row) => $crate::rows::unexpired_user(&row, now),
                    None => Ok(None),
                }
            }

            async fn enqueue_mail(&self, mail: &$crate::recovery::MailRecord) -> Result<(), $crate::StoreError> {
                sqlx::query(
                    "INSERT INTO mail_outbox (id, recipient, subject, sealed_body, created_at, attempts, next_attempt_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(mail.id.to_string())
                .bind(&mail.recipient)
                .bind(&mail.subject)
                .bind(&mail.sealed_body)
                .bind(mail.created_at)
                .bind(mail.attempts)
                .bind(mail.next_attempt_at)
                .execute($crate::dialect::Dialect::write_pool(self))
                .await?;
                Ok(())
            }

            async fn due_mail(
                &self,
                now: time::OffsetDateTime,
                limit: i64,
            ) -> Result<Vec<$crate::recovery::MailRecord>, $crate::StoreError> {
                let rows = sqlx::query(
                    "SELECT id, recipient, subject, sealed_body, created_at, attempts, next_attempt_at, sent_at \
                     FROM mail_outbox WHERE sent_at IS NULL ORDER BY created_at, id",
                )
                .fetch_all($crate::dialect::Dialect::write_pool(self))
                .await?;
                let mut due = Vec::new();
                for row in &rows {
                    let mail = $crate::rows::mail(row)?;
                    if mail.next_attempt_at <= now && (due.len() as i64) < limit {
                        due.push(mail);
                    }
                }
                Ok(due)
            }

            async fn claim_mail(
                &self,
                mail: &$crate::recovery::MailRecord,
                lease_until: time::OffsetDateTime,
            ) -> Result<bool, $crate::StoreError> {
                // Compare-and-swap on the attempt counter: of several workers, one wins.
                let done = sqlx::query(
                    "UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = $1 \
                     WHERE id = $2 AND attempts = $3 AND sent_at IS NULL",
                )
                .bind(lease_until)
                .bind(mail.id.to_string())
                .bind(mail.attempts)
                .execute($crate::dialect::Dialect::write_pool(self))
                .await?;
                Ok(done.rows_affected() == 1)
            }

            async fn mail_sent(&self, id: palisade_core::MailId, now: time::OffsetDateTime) -> Result<(), $crate::StoreError> {
                sqlx::query("UPDATE mail_outbox SET sent_at = $1, sealed_body = NULL, last_error = NULL WHERE id = $2")
                    .bind(now)
                    .bind(id.to_string())
                    .execute($crate::dialect::Dialect::write_pool(self))
                    .await?;
                Ok(())
            }

            async fn mail_failed(
                &self,
                id: palisade_core::MailId,
                error: &str,
                retry_at: time::OffsetDateTime,
            ) -> Result<(), $crate::StoreError> {
                sqlx::query("UPDATE mail_outbox SET last_error = $1, next_attempt_at = $2 WHERE id = $3")
                    .bind(error)
                    .bind(retry_at)
                    .bind(id.to_string())
                    .execute($crate::dialect::Dialect::write_pool(self))
                    .await?;
                Ok(())
            }

            async fn create_access_code(&self, code: &$crate::recovery::AccessCodeRecord, audit: &palisade_core::audit::AuditEntry) -> Result<(), $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::write_pool(self).begin().await?;
                sqlx::query(
                    "INSERT INTO access_codes (id, digest, max_uses, uses, expires_at, created_at) VALUES ($1, $2, $3, 0, $4, $5)",
                )
                .bind(&code.id)
                .bind(&code.digest)
                .bind(code.max_uses)
                .bind(code.expires_at)
                .bind(code.created_at)
                .execute(&mut *tx)
                .await?;
                Self::append_audit_in(&mut tx, audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn redeem_access_code(&self, digest: &str, now: time::OffsetDateTime, audit: &palisade_core::audit::AuditEntry) -> Result<bool, $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::write_pool(self).begin().await?;
                let row = sqlx::query("SELECT expires_at FROM access_codes WHERE digest = $1")
                    .bind(digest)
                    .fetch_optional(&mut *tx)
                    .await?;
                let Some(row) = row else { return Ok(false) };
                let expires_at: Option<time::OffsetDateTime> = sqlx::Row::try_get(&row, "expires_at")?;
                if expires_at.is_some_and(|at| now >= at) {
                    return Ok(false);
                }
                let done = sqlx::query(
                    "UPDATE access_codes SET uses = uses + 1 WHERE digest = $1 AND (max_uses IS NULL OR uses < max_uses)",
                )
                .bind(digest)
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 1 {
                    Self::append_audit_in(&mut tx, audit).await?;
                }
                tx.commit().await?;
                Ok(done.rows_affected() == 1)
            }
        }
    };
}

pub(crate) use impl_recovery_store;
