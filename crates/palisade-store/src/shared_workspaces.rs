//! The workspace queries, written once for both backends. Every query inside a workspace
//! filters on the scope's workspace id.

macro_rules! impl_workspace_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::workspaces::WorkspaceStore for $store {
            fn access_epoch(&self) -> u64 {
                $crate::dialect::Dialect::access_epoch(self).current()
            }

            async fn access_generation(&self) -> Result<i64, $crate::StoreError> {
                Ok(sqlx::query_scalar("SELECT value FROM access_generation WHERE id = 1")
                    .fetch_one($crate::dialect::Dialect::read_pool(self))
                    .await?)
            }

            async fn create_workspace(
                &self,
                workspace: &$crate::workspaces::WorkspaceRecord,
                owner: palisade_core::UserId,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::in_workspace(self, &workspace.id.to_string()).await?;
                sqlx::query("INSERT INTO workspaces (id, slug, name, audit_retention_days, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6)")
                    .bind(workspace.id.to_string())
                    .bind(&workspace.slug)
                    .bind(&workspace.name)
                    .bind(workspace.audit_retention_days)
                    .bind(workspace.created_at)
                    .bind(workspace.updated_at)
                    .execute(&mut *tx)
                    .await
                    .map_err(|err| $crate::error::conflict_on_unique(err, $crate::error::Conflict::Slug))?;
                sqlx::query("INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES ($1, $2, 'owner', $3)")
                    .bind(workspace.id.to_string())
                    .bind(owner.to_string())
                    .bind(workspace.created_at)
                    .execute(&mut *tx)
                    .await?;
                Self::append_audit_in(&mut tx, audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn workspaces_of(
                &self,
                user: palisade_core::UserId,
            ) -> Result<Vec<($crate::workspaces::WorkspaceRecord, palisade_core::Role)>, $crate::StoreError> {
                let rows = sqlx::query(
                    "SELECT w.id, w.slug, w.name, CAST(w.audit_retention_days AS BIGINT) AS audit_retention_days, w.require_mfa, w.suspended_at, w.created_at, w.updated_at, m.role FROM workspaces w \
                     JOIN memberships m ON m.workspace_id = w.id WHERE m.user_id = $1 ORDER BY w.slug",
                )
                .bind(user.to_string())
                .fetch_all(&mut *$crate::dialect::Dialect::lookup(self, false).await?)
                .await?;
                rows.iter()
                    .map(|row| Ok(($crate::rows::workspace(row)?, $crate::rows::role(row)?)))
                    .collect()
            }

            async fn authorize(
                &self,
                user: palisade_core::UserId,
                slug: &str,
            ) -> Result<Option<$crate::workspaces::WorkspaceScope>, $crate::StoreError> {
                let query = sqlx::query(
                    "SELECT w.id, m.role FROM workspaces w JOIN memberships m ON m.workspace_id = w.id \
                     WHERE w.slug = $1 AND m.user_id = $2 AND w.suspended_at IS NULL \
                     AND (NOT w.require_mfa OR EXISTS (SELECT 1 FROM mfa_totp t \
                     WHERE t.user_id = m.user_id AND t.confirmed_at IS NOT NULL))",
                )
                .bind(slug)
                .bind(user.to_string());
                let row = $crate::dialect::Dialect::lookup_fetch_optional(self, query).await?;
                let Some(row) = row else { return Ok(None) };
                let id = $crate::rows::id(&row, "id")?;
                let role = $crate::rows::role(&row)?;
                Ok(Some($crate::workspaces::WorkspaceScope::new(id, slug.to_owned(), user, role)))
            }

            async fn workspace(
                &self,
                scope: &$crate::workspaces::WorkspaceScope,
            ) -> Result<$crate::workspaces::WorkspaceRecord, $crate::StoreError> {
                let row = sqlx::query("SELECT id, slug, name, CAST(audit_retention_days AS BIGINT) AS audit_retention_days, require_mfa, suspended_at, created_at, updated_at FROM workspaces WHERE id = $1")
                    .bind(scope.workspace_id().to_string())
                    .fetch_one($crate::dialect::Dialect::read_pool(self))
                    .await?;
                $crate::rows::workspace(&row)
            }

            async fn rename_workspace(
                &self,
                grant: &$crate::Grant<palisade_core::grant::AdministerSettings>,
                name: &str,
                now: time::OffsetDateTime,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<(), $crate::StoreError> {
                let scope = grant.scope();
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                sqlx::query("UPDATE workspaces SET name = $1, updated_at = $2 WHERE id = $3")
                    .bind(name)
                    .bind(now)
                    .bind(scope.workspace_id().to_string())
                    .execute(&mut *tx)
                    .await?;
                Self::append_audit_in(&mut tx, audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn set_audit_retention(
                &self,
                grant: &$crate::Grant<palisade_core::grant::AdministerSettings>,
                days: i64,
                now: time::OffsetDateTime,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<(), $crate::StoreError> {
                let scope = grant.scope();
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                sqlx::query("UPDATE workspaces SET audit_retention_days = $1, updated_at = $2 WHERE id = $3")
                    .bind(days)
                    .bind(now)
                    .bind(scope.workspace_id().to_string())
                    .execute(&mut *tx)
                    .await?;
                Self::append_audit_in(&mut tx, audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn delete_workspace(&self, grant: &$crate::Grant<palisade_core::grant::DeleteWorkspace>, audit: &palisade_core::audit::AuditEntry) -> Result<(), $crate::StoreError> {
                let _access_changes = $crate::workspaces::BumpOnDrop($crate::dialect::Dialect::access_epoch(self));
                let mut tx = $crate::dialect::Dialect::write_pool(self).begin().await?;
                let scope = grant.scope();
                let id = scope.workspace_id().to_string();
                <Self as $crate::dialect::Dialect>::enter_workspace(&mut tx, &id).await?;
                // Crypto-shredding first: without its data keys, no copy of the workspace's
                // ciphertexts (a replica, a backup) can be opened, even with the master key.
                sqlx::query("DELETE FROM data_keys WHERE scope = $1")
                    .bind(&id)
                    .execute(&mut *tx)
                    .await?;
                // The deletion is a platform event: leave the workspace for the platform log.
                <Self as $crate::dialect::Dialect>::enter_workspace(&mut tx, "").await?;
                sqlx::query("DELETE FROM workspaces WHERE id = $1")
                    .bind(scope.workspace_id().to_string())
                    .execute(&mut *tx)
                    .await?;
                Self::append_audit_in(&mut tx, audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn members(
                &self,
                scope: &$crate::workspaces::WorkspaceScope,
            ) -> Result<Vec<$crate::workspaces::MemberRecord>, $crate::StoreError> {
                let rows = sqlx::query(
                    "SELECT m.user_id, u.email, u.name, m.role, m.created_at FROM memberships m \
                     JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1 ORDER BY m.created_at, m.user_id",
                )
                .bind(scope.workspace_id().to_string())
                .fetch_all(&mut *$crate::dialect::Dialect::scoped_read(self, scope).await?)
                .await?;
                rows.iter().map($crate::rows::member).collect()
            }

            async fn member_role(
                &self,
                scope: &$crate::workspaces::WorkspaceScope,
                user: palisade_core::UserId,
            ) -> Result<Option<palisade_core::Role>, $crate::StoreError> {
                let row = sqlx::query("SELECT role FROM memberships WHERE workspace_id = $1 AND user_id = $2")
                    .bind(scope.workspace_id().to_string())
                    .bind(user.to_string())
                    .fetch_optional(&mut *$crate::dialect::Dialect::scoped_read(self, scope).await?)
                    .await?;
                row.as_ref().map($crate::rows::role).transpose()
            }

            async fn set_member_role(
                &self,
                grant: &$crate::Grant<palisade_core::grant::ManageMembers>,
                user: palisade_core::UserId,
                role: palisade_core::Role,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<$crate::workspaces::MemberChange, $crate::StoreError> {
                let _access_changes = $crate::workspaces::BumpOnDrop($crate::dialect::Dialect::access_epoch(self));
                let scope = grant.scope();
                self.change_membership(scope, user, Some(role), audit).await
            }

            async fn remove_member(
                &self,
                grant: &$crate::Grant<palisade_core::grant::ManageMembers>,
                user: palisade_core::UserId,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<$crate::workspaces::MemberChange, $crate::StoreError> {
                let _access_changes = $crate::workspaces::BumpOnDrop($crate::dialect::Dialect::access_epoch(self));
                let scope = grant.scope();
                self.change_membership(scope, user, None, audit).await
            }
        }

        impl $store {
            /// Changes or (with `None`) removes a membership, refusing to leave no owner. The
            /// workspace row is locked first, so concurrent changes cannot both pass the check.
            async fn change_membership(
                &self,
                scope: &$crate::workspaces::WorkspaceScope,
                user: palisade_core::UserId,
                role: Option<palisade_core::Role>,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<$crate::workspaces::MemberChange, $crate::StoreError> {
                use $crate::workspaces::MemberChange;
                let workspace = scope.workspace_id().to_string();
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                sqlx::query("UPDATE workspaces SET updated_at = updated_at WHERE id = $1")
                    .bind(&workspace)
                    .execute(&mut *tx)
                    .await?;
                let current = sqlx::query("SELECT role FROM memberships WHERE workspace_id = $1 AND user_id = $2")
                    .bind(&workspace)
                    .bind(user.to_string())
                    .fetch_optional(&mut *tx)
                    .await?;
                let Some(current) = current.as_ref().map($crate::rows::role).transpose()? else {
                    return Ok(MemberChange::NotAMember);
                };
                if current == palisade_core::Role::Owner && role != Some(palisade_core::Role::Owner) {
                    let owners: i64 =
                        sqlx::query_scalar("SELECT COUNT(*) FROM memberships WHERE workspace_id = $1 AND role = 'owner'")
                            .bind(&workspace)
                            .fetch_one(&mut *tx)
                            .await?;
                    if owners <= 1 {
                        return Ok(MemberChange::LastOwner);
                    }
                }
                let query = match role {
                    Some(role) => sqlx::query("UPDATE memberships SET role = $1 WHERE workspace_id = $2 AND user_id = $3")
                        .bind(role.as_str()),
                    None => sqlx::query("DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2"),
                };
                query.bind(&workspace).bind(user.to_string()).execute(&mut *tx).await?;
                Self::append_audit_in(&mut tx, audit).await?;
                tx.commit().await?;
                Ok(MemberChange::Done)
            }
        }
    };
}

pub(crate) use impl_workspace_store;
