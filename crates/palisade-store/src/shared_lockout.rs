//! The lockout queries, written once for both backends.

macro_rules! impl_login_lock_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::lockout::LoginLockStore for $store {
            async fn ip_block(
                &self,
                ip: &str,
                now: time::OffsetDateTime,
            ) -> Result<Option<$crate::lockout::IpBlock>, $crate::StoreError> {
                let row = sqlx::query(
                    "SELECT ip, blocked_until, failures, accounts, created_at FROM ip_blocks \
                     WHERE ip = $1 AND blocked_until > $2",
                )
                .bind(ip)
                .bind(now)
                .fetch_optional($crate::dialect::Dialect::write_pool(self))
                .await?;
                row.as_ref().map($crate::rows::ip_block).transpose()
            }

            async fn block_ip(
                &self,
                block: &$crate::lockout::IpBlock,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::write_pool(self).begin().await?;
                sqlx::query(
                    "INSERT INTO ip_blocks (ip, blocked_until, failures, accounts, created_at) \
                     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (ip) DO UPDATE SET \
                     blocked_until = excluded.blocked_until, failures = excluded.failures, \
                     accounts = excluded.accounts, created_at = excluded.created_at",
                )
                .bind(&block.ip)
                .bind(block.blocked_until)
                .bind(i64::from(block.failures))
                .bind(i64::from(block.accounts))
                .bind(block.created_at)
                .execute(&mut *tx)
                .await?;
                Self::append_audit_in(&mut tx, audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn ip_blocks(
                &self,
                now: time::OffsetDateTime,
            ) -> Result<Vec<$crate::lockout::IpBlock>, $crate::StoreError> {
                let rows = sqlx::query(
                    "SELECT ip, blocked_until, failures, accounts, created_at FROM ip_blocks \
                     WHERE blocked_until > $1 ORDER BY created_at DESC, ip",
                )
                .bind(now)
                .fetch_all($crate::dialect::Dialect::write_pool(self))
                .await?;
                rows.iter().map($crate::rows::ip_block).collect()
            }

            async fn lift_ip_block(
                &self,
                ip: &str,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<bool, $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::write_pool(self).begin().await?;
                let lifted = sqlx::query("DELETE FROM ip_blocks WHERE ip = $1")
                    .bind(ip)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected()
                    == 1;
                if lifted {
                    Self::append_audit_in(&mut tx, audit).await?;
                }
                tx.commit().await?;
                Ok(lifted)
            }

            async fn login_lock(
                &self,
                user: palisade_core::UserId,
            ) -> Result<Option<$crate::lockout::LoginLock>, $crate::StoreError> {
                let row = sqlx::query(
                    "SELECT failures, lockouts, locked_until FROM login_failures WHERE user_id = $1",
                )
                .bind(user.to_string())
                .fetch_optional($crate::dialect::Dialect::write_pool(self))
                .await?;
                row.as_ref().map($crate::rows::login_lock).transpose()
            }

            async fn count_login_failure(
                &self,
                user: palisade_core::UserId,
                now: time::OffsetDateTime,
            ) -> Result<$crate::lockout::LoginLock, $crate::StoreError> {
                let row = sqlx::query(
                    "INSERT INTO login_failures (user_id, failures, lockouts, locked_until, updated_at) \
                     VALUES ($1, 1, 0, NULL, $2) ON CONFLICT (user_id) DO UPDATE \
                     SET failures = login_failures.failures + 1, updated_at = excluded.updated_at \
                     RETURNING failures, lockouts, locked_until",
                )
                .bind(user.to_string())
                .bind(now)
                .fetch_one($crate::dialect::Dialect::write_pool(self))
                .await?;
                $crate::rows::login_lock(&row)
            }

            async fn lock_login(
                &self,
                user: palisade_core::UserId,
                threshold: u32,
                until: time::OffsetDateTime,
                now: time::OffsetDateTime,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<bool, $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::write_pool(self).begin().await?;
                let locked = sqlx::query(
                    "UPDATE login_failures SET failures = 0, lockouts = lockouts + 1, \
                     locked_until = $1, updated_at = $2 WHERE user_id = $3 AND failures >= $4",
                )
                .bind(until)
                .bind(now)
                .bind(user.to_string())
                .bind(i64::from(threshold))
                .execute(&mut *tx)
                .await?
                .rows_affected()
                    == 1;
                if locked {
                    Self::append_audit_in(&mut tx, audit).await?;
                }
                tx.commit().await?;
                Ok(locked)
            }

            async fn clear_login_failures(
                &self,
                user: palisade_core::UserId,
            ) -> Result<(), $crate::StoreError> {
                sqlx::query("DELETE FROM login_failures WHERE user_id = $1")
                    .bind(user.to_string())
                    .execute($crate::dialect::Dialect::write_pool(self))
                    .await?;
                Ok(())
            }
        }
    };
}

pub(crate) use impl_login_lock_store;
