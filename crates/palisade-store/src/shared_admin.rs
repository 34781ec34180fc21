//! The platform-administration queries, written once for both backends.

macro_rules! impl_admin_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::admin::AdminStore for $store {
            async fn account_status(
                &self,
                user: palisade_core::UserId,
            ) -> Result<Option<$crate::admin::AccountStatus>, $crate::StoreError> {
                let row = sqlx::query(
                    "SELECT u.platform_admin, u.suspended_at, EXISTS (SELECT 1 FROM mfa_totp t \
                     WHERE t.user_id = u.id AND t.confirmed_at IS NOT NULL) AS mfa_enabled \
                     FROM users u WHERE u.id = $1",
                )
                .bind(user.to_string())
                .fetch_optional($crate::dialect::Dialect::write_pool(self))
                .await?;
                row.as_ref().map($crate::rows::account_status).transpose()
            }

            async fn set_platform_admin(
                &self,
                email: &str,
                admin: bool,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<Option<palisade_core::UserId>, $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::write_pool(self).begin().await?;
                let row = sqlx::query("UPDATE users SET platform_admin = $1 WHERE email_key = $2 RETURNING id")
                    .bind(admin)
                    .bind($crate::accounts::UserRecord::email_key(email))
                    .fetch_optional(&mut *tx)
                    .await?;
                let Some(row) = row else { return Ok(None) };
                let mut audit = audit.clone();
                let id: palisade_core::UserId = $crate::rows::id(&row, "id")?;
                audit.resource_id = Some(id.to_string());
                Self::append_audit_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(Some(id))
            }

            async fn accounts(
                &self,
                after: Option<palisade_core::UserId>,
                limit: u32,
            ) -> Result<Vec<$crate::admin::AccountSummary>, $crate::StoreError> {
                let rows = sqlx::query(
                    "SELECT u.id, u.email, u.name, u.created_at, u.platform_admin, u.suspended_at, \
                     EXISTS (SELECT 1 FROM mfa_totp t WHERE t.user_id = u.id AND t.confirmed_at IS NOT NULL) AS mfa_enabled \
                     FROM users u WHERE u.id > $1 ORDER BY u.id LIMIT $2",
                )
                .bind(after.map(|id| id.to_string()).unwrap_or_default())
                .bind(i64::from(limit))
                .fetch_all($crate::dialect::Dialect::read_pool(self))
                .await?;
                rows.iter().map($crate::rows::account_summary).collect()
            }

            async fn all_workspaces(
                &self,
                after: Option<palisade_core::WorkspaceId>,
                limit: u32,
            ) -> Result<Vec<$crate::admin::WorkspaceSummary>, $crate::StoreError> {
                // Memberships are counted through a lookup: it may read them in any workspace.
                let rows = sqlx::query(
                    "SELECT w.id, w.slug, w.name, w.created_at, w.suspended_at, w.require_mfa, \
                     (SELECT COUNT(*) FROM memberships m WHERE m.workspace_id = w.id) AS members \
                     FROM workspaces w WHERE w.id > $1 ORDER BY w.id LIMIT $2",
                )
                .bind(after.map(|id| id.to_string()).unwrap_or_default())
                .bind(i64::from(limit))
                .fetch_all(&mut *$crate::dialect::Dialect::lookup(self, false).await?)
                .await?;
                rows.iter().map($crate::rows::workspace_summary).collect()
            }

            async fn suspend_account(
                &self,
                user: palisade_core::UserId,
                at: Option<time::OffsetDateTime>,
                now: time::OffsetDateTime,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<$crate::admin::Suspension, $crate::StoreError> {
                let _access_changes = $crate::workspaces::BumpOnDrop($crate::dialect::Dialect::access_epoch(self));
                let mut tx = $crate::dialect::Dialect::write_pool(self).begin().await?;
                let current: Option<(Option<time::OffsetDateTime>,)> =
                    sqlx::query_as("SELECT suspended_at FROM users WHERE id = $1")
                        .bind(user.to_string())
                        .fetch_optional(&mut *tx)
                        .await?;
                let Some((current,)) = current else {
                    return Ok($crate::admin::Suspension::Unknown);
                };
                if current.is_some() == at.is_some() {
                    return Ok($crate::admin::Suspension::Unchanged);
                }
                sqlx::query("UPDATE users SET suspended_at = $1 WHERE id = $2")
                    .bind(at)
                    .bind(user.to_string())
                    .execute(&mut *tx)
                    .await?;
                let mut revoked = Vec::new();
                if at.is_some() {
                    let rows = sqlx::query(
                        "UPDATE sessions SET revoked_at = $1, revoked_reason = 'account_suspended' \
                         WHERE user_id = $2 AND revoked_at IS NULL RETURNING id",
                    )
                    .bind(now)
                    .bind(user.to_string())
                    .fetch_all(&mut *tx)
                    .await?;
                    for row in &rows {
                        revoked.push($crate::rows::id(row, "id")?);
                    }
                    // A sign-in waiting for its second factor must not finish either.
                    sqlx::query("DELETE FROM mfa_challenges WHERE user_id = $1")
                        .bind(user.to_string())
                        .execute(&mut *tx)
                        .await?;
                }
                Self::append_audit_in(&mut tx, audit).await?;
                tx.commit().await?;
                Ok($crate::admin::Suspension::Done(revoked))
            }

            async fn suspend_workspace(
                &self,
                slug: &str,
                at: Option<time::OffsetDateTime>,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<$crate::admin::Suspension, $crate::StoreError> {
                let _access_changes = $crate::workspaces::BumpOnDrop($crate::dialect::Dialect::access_epoch(self));
                let mut tx = $crate::dialect::Dialect::write_pool(self).begin().await?;
                let current: Option<(Option<time::OffsetDateTime>,)> =
                    sqlx::query_as("SELECT suspended_at FROM workspaces WHERE slug = $1")
                        .bind(slug)
                        .fetch_optional(&mut *tx)
                        .await?;
                let Some((current,)) = current else {
                    return Ok($crate::admin::Suspension::Unknown);
                };
                if current.is_some() == at.is_some() {
                    return Ok($crate::admin::Suspension::Unchanged);
                }
                sqlx::query("UPDATE workspaces SET suspended_at = $1 WHERE slug = $2")
                    .bind(at)
                    .bind(slug)
                    .execute(&mut *tx)
                    .await?;
                Self::append_audit_in(&mut tx, audit).await?;
                tx.commit().await?;
                Ok($crate::admin::Suspension::Done(Vec::new()))
            }

            async fn mfa_enrollment_required(
                &self,
                user: palisade_core::UserId,
                slug: &str,
            ) -> Result<bool, $crate::StoreError> {
                let row = sqlx::query(
                    "SELECT w.require_mfa AS flag FROM workspaces w JOIN memberships m ON m.workspace_id = w.id \
                     WHERE w.slug = $1 AND m.user_id = $2 AND w.suspended_at IS NULL \
                     AND NOT EXISTS (SELECT 1 FROM mfa_totp t WHERE t.user_id = m.user_id AND t.confirmed_at IS NOT NULL)",
                )
                .bind(slug)
                .bind(user.to_string())
                .fetch_optional(&mut *$crate::dialect::Dialect::lookup(self, false).await?)
                .await?;
                match row {
                    Some(row) => $crate::rows::flag(&row),
                    None => Ok(false),
                }
            }

            async fn set_require_mfa(
                &self,
                grant: &$crate::Grant<palisade_core::grant::AdministerSettings>,
                required: bool,
                now: time::OffsetDateTime,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<(), $crate::StoreError> {
                let _access_changes = $crate::workspaces::BumpOnDrop($crate::dialect::Dialect::access_epoch(self));
                let scope = grant.scope();
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                sqlx::query("UPDATE workspaces SET require_mfa = $1, updated_at = $2 WHERE id = $3")
                    .bind(required)
                    .bind(now)
                    .bind(scope.workspace_id().to_string())
                    .execute(&mut *tx)
                    .await?;
                Self::append_audit_in(&mut tx, audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn grant_support(
                &self,
                grant: &$crate::Grant<palisade_core::grant::GrantSupport>,
                record: &$crate::admin::SupportGrantRecord,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<(), $crate::StoreError> {
                let scope = grant.scope();
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                sqlx::query(
                    "INSERT INTO support_grants (id, workspace_id, granted_by, reason, created_at, expires_at, revoked_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, NULL)",
                )
                .bind(&record.id)
                .bind(scope.workspace_id().to_string())
                .bind(record.granted_by.to_string())
                .bind(&record.reason)
                .bind(record.created_at)
                .bind(record.expires_at)
                .execute(&mut *tx)
                .await?;
                Self::append_audit_in(&mut tx, audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn support_grants(
                &self,
                scope: &$crate::WorkspaceScope,
            ) -> Result<Vec<$crate::admin::SupportGrantRecord>, $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::scoped_read(self, scope).await?;
                let rows = sqlx::query(
                    "SELECT id, granted_by, reason, created_at, expires_at, revoked_at FROM support_grants \
                     WHERE workspace_id = $1 ORDER BY created_at DESC, id DESC",
                )
                .bind(scope.workspace_id().to_string())
                .fetch_all(&mut *tx)
                .await?;
                rows.iter().map($crate::rows::support_grant).collect()
            }

            async fn revoke_support(
                &self,
                grant: &$crate::Grant<palisade_core::grant::GrantSupport>,
                id: &str,
                now: time::OffsetDateTime,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<bool, $crate::StoreError> {
                let scope = grant.scope();
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                let revoked = sqlx::query(
                    "UPDATE support_grants SET revoked_at = $1 WHERE id = $2 AND workspace_id = $3 \
                     AND revoked_at IS NULL AND expires_at > $1",
                )
                .bind(now)
                .bind(id)
                .bind(scope.workspace_id().to_string())
                .execute(&mut *tx)
                .await?
                .rows_affected()
                    == 1;
                if revoked {
                    Self::append_audit_in(&mut tx, audit).await?;
                }
                tx.commit().await?;
                Ok(revoked)
            }

            async fn support_scope(
                &self,
                admin: palisade_core::UserId,
                slug: &str,
                now: time::OffsetDateTime,
            ) -> Result<Option<$crate::WorkspaceScope>, $crate::StoreError> {
                let row = sqlx::query(
                    "SELECT w.id, g.id AS grant_id FROM workspaces w \
                     JOIN support_grants g ON g.workspace_id = w.id \
                     JOIN users u ON u.id = $2 AND u.platform_admin AND u.suspended_at IS NULL \
                     WHERE w.slug = $1 AND w.suspended_at IS NULL AND g.revoked_at IS NULL AND g.expires_at > $3 \
                     ORDER BY g.expires_at DESC LIMIT 1",
                )
                .bind(slug)
                .bind(admin.to_string())
                .bind(now)
                .fetch_optional(&mut *$crate::dialect::Dialect::lookup(self, false).await?)
                .await?;
                let Some(row) = row else { return Ok(None) };
                Ok(Some(
                    $crate::WorkspaceScope::new(
                        $crate::rows::id(&row, "id")?,
                        slug.to_owned(),
                        admin,
                        palisade_core::Role::Viewer,
                    )
                    .through_support(sqlx::Row::try_get::<String, _>(&row, "grant_id")?),
                ))
            }
        }
    };
}

pub(crate) use impl_admin_store;
