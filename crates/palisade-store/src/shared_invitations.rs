//! The invitation queries, written once for both backends.

macro_rules! impl_invitation_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::invitations::InvitationStore for $store {
            async fn create_invitation(
                &self,
                grant: &$crate::Grant<palisade_core::grant::ManageMembers>,
                invitation: &$crate::invitations::InvitationRecord,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<(), $crate::StoreError> {
                let scope = grant.scope();
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                sqlx::query(
                    "INSERT INTO invitations (id, workspace_id, email, email_key, role, digest, invited_by, created_at, expires_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                )
                .bind(&invitation.id)
                .bind(scope.workspace_id().to_string())
                .bind(&invitation.email)
                .bind($crate::UserRecord::email_key(&invitation.email))
                .bind(invitation.role.as_str())
                .bind(&invitation.digest)
                .bind(invitation.invited_by.to_string())
                .bind(invitation.created_at)
                .bind(invitation.expires_at)
                .execute(&mut *tx)
                .await?;
                Self::append_audit_in(&mut tx, audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn open_invitations(
                &self,
                scope: &$crate::WorkspaceScope,
            ) -> Result<Vec<$crate::invitations::InvitationRecord>, $crate::StoreError> {
                let rows = sqlx::query(
                    "SELECT id, email, role, digest, invited_by, created_at, expires_at FROM invitations \
                     WHERE workspace_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL ORDER BY created_at, id",
                )
                .bind(scope.workspace_id().to_string())
                .fetch_all(&mut *$crate::dialect::Dialect::scoped_read(self, scope).await?)
                .await?;
                rows.iter().map($crate::rows::invitation).collect()
            }

            async fn revoke_invitation(
                &self,
                grant: &$crate::Grant<palisade_core::grant::ManageMembers>,
                id: &str,
                now: time::OffsetDateTime,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<bool, $crate::StoreError> {
                let scope = grant.scope();
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                let done = sqlx::query(
                    "UPDATE invitations SET revoked_at = $1 WHERE id = $2 AND workspace_id = $3 \
                     AND accepted_at IS NULL AND revoked_at IS NULL",
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

            async fn invitation_email(&self, digest: &str, now: time::OffsetDateTime) -> Result<Option<String>, $crate::StoreError> {
                let row = sqlx::query(
                    "SELECT email, expires_at FROM invitations WHERE digest = $1 AND accepted_at IS NULL AND revoked_at IS NULL",
                )
                .bind(digest)
                .fetch_optional(&mut *$crate::dialect::Dialect::lookup(self, false).await?)
                .await?;
                let Some(row) = row else { return Ok(None) };
                let expires_at: time::OffsetDateTime = sqlx::Row::try_get(&row, "expires_at")?;
                if now >= expires_at {
                    return Ok(None);
                }
                Ok(Some(sqlx::Row::try_get(&row, "email")?))
            }

            async fn accept_invitation(
                &self,
                digest: &str,
                user: palisade_core::UserId,
                email: &str,
                now: time::OffsetDateTime,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<$crate::invitations::Acceptance, $crate::StoreError> {
                use $crate::invitations::Acceptance;
                let mut tx = $crate::dialect::Dialect::lookup(self, true).await?;
                let row = sqlx::query(
                    "SELECT i.workspace_id, i.email_key, i.role, i.expires_at, w.slug FROM invitations i \
                     JOIN workspaces w ON w.id = i.workspace_id \
                     WHERE i.digest = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL",
                )
                .bind(digest)
                .fetch_optional(&mut *tx)
                .await?;
                let Some(row) = row else { return Ok(Acceptance::Invalid) };
                let email_key: String = sqlx::Row::try_get(&row, "email_key")?;
                let expires_at: time::OffsetDateTime = sqlx::Row::try_get(&row, "expires_at")?;
                if now >= expires_at || email_key != $crate::UserRecord::email_key(email) {
                    return Ok(Acceptance::Invalid);
                }
                let workspace: String = sqlx::Row::try_get(&row, "workspace_id")?;
                let slug: String = sqlx::Row::try_get(&row, "slug")?;
                let role = $crate::rows::role(&row)?;
                // From here on, only the invitation's workspace.
                <Self as $crate::dialect::Dialect>::enter_workspace(&mut tx, &workspace).await?;
                sqlx::query(
                    "INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT (workspace_id, user_id) DO NOTHING",
                )
                .bind(&workspace)
                .bind(user.to_string())
                .bind(role.as_str())
                .bind(now)
                .execute(&mut *tx)
                .await?;
                sqlx::query("UPDATE invitations SET accepted_at = $1 WHERE digest = $2")
                    .bind(now)
                    .bind(digest)
                    .execute(&mut *tx)
                    .await?;
                let joined = sqlx::query("SELECT role FROM memberships WHERE workspace_id = $1 AND user_id = $2")
                    .bind(&workspace)
                    .bind(user.to_string())
                    .fetch_one(&mut *tx)
                    .await?;
                let role = $crate::rows::role(&joined)?;
                // The event goes to the workspace the invitation names, known only here.
                let event = palisade_core::audit::AuditEntry {
                    log: workspace.clone(),
                    ..audit.clone()
                };
                Self::append_audit_in(&mut tx, &event).await?;
                tx.commit().await?;
                Ok(Acceptance::Joined { slug, role })
            }
        }
    };
}

pub(crate) use impl_invitation_store;
