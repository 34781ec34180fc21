//! The `PrivacyStore` queries, written once for both backends (see `shared_accounts`).

macro_rules! impl_privacy_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::privacy::PrivacyStore for $store {
            async fn erase_account(
                &self,
                user: palisade_core::UserId,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<$crate::privacy::AccountErasure, $crate::StoreError> {
                use $crate::privacy::AccountErasure;
                let _access_changes = $crate::workspaces::BumpOnDrop($crate::dialect::Dialect::access_epoch(self));
                let user = user.to_string();
                // The account's memberships are in every workspace: a lookup reads them.
                let mut tx = $crate::dialect::Dialect::lookup(self, true).await?;
                // The account's row first, for update: a membership being added elsewhere (which
                // must share-lock it, through its foreign key) waits, then finds it gone.
                let email: Option<String> = sqlx::query_scalar(&format!(
                    "SELECT email FROM users WHERE id = $1{}",
                    <Self as $crate::dialect::Dialect>::FOR_UPDATE
                ))
                .bind(&user)
                .fetch_optional(&mut *tx)
                .await?;
                let Some(email) = email else {
                    return Ok(AccountErasure::Unknown);
                };
                // Then every workspace it belongs to, with the lock a change of role takes: a
                // promotion or demotion there waits, so the owner check below stays true.
                sqlx::query(
                    "UPDATE workspaces SET updated_at = updated_at WHERE id IN \
                     (SELECT workspace_id FROM memberships WHERE user_id = $1)",
                )
                .bind(&user)
                .execute(&mut *tx)
                .await?;
                let sole: Vec<String> = sqlx::query_scalar(
                    "SELECT w.slug FROM memberships m JOIN workspaces w ON w.id = m.workspace_id \
                     WHERE m.user_id = $1 AND m.role = 'owner' AND NOT EXISTS \
                     (SELECT 1 FROM memberships o WHERE o.workspace_id = m.workspace_id \
                      AND o.role = 'owner' AND o.user_id <> $1) ORDER BY w.slug",
                )
                .bind(&user)
                .fetch_all(&mut *tx)
                .await?;
                if !sole.is_empty() {
                    return Ok(AccountErasure::LastOwner(sole));
                }
                let rows = sqlx::query("SELECT id FROM sessions WHERE user_id = $1 AND revoked_at IS NULL")
                    .bind(&user)
                    .fetch_all(&mut *tx)
                    .await?;
                let sessions = rows
                    .iter()
                    .map(|row| $crate::rows::id(row, "id"))
                    .collect::<Result<Vec<_>, _>>()?;
                sqlx::query("DELETE FROM mail_outbox WHERE recipient = $1")
                    .bind(&email)
                    .execute(&mut *tx)
                    .await?;
                // Sessions, refresh tokens, MFA, lock state, memberships and the keys the
                // account created go with it (ON DELETE CASCADE).
                sqlx::query("DELETE FROM users WHERE id = $1")
                    .bind(&user)
                    .execute(&mut *tx)
                    .await?;
                // Out of the lookup, into no workspace: the platform log.
                <Self as $crate::dialect::Dialect>::enter_workspace(&mut tx, "").await?;
                Self::append_audit_in(&mut tx, audit).await?;
                tx.commit().await?;
                Ok(AccountErasure::Erased { sessions })
            }

            async fn account_holdings(
                &self,
                user: palisade_core::UserId,
            ) -> Result<$crate::privacy::AccountHoldings, $crate::StoreError> {
                use $crate::privacy::{AccountHoldings, HeldApiKey, HeldInvitation, HeldMembership};
                let user = user.to_string();
                let mut tx = $crate::dialect::Dialect::lookup(self, false).await?;
                let sessions = sqlx::query(&format!(
                    "SELECT {} FROM sessions WHERE user_id = $1 ORDER BY created_at, id",
                    $crate::rows::SESSION_COLUMNS
                ))
                .bind(&user)
                .fetch_all(&mut *tx)
                .await?
                .iter()
                .map($crate::rows::session)
                .collect::<Result<Vec<_>, _>>()?;
                let memberships = sqlx::query_as(
                    "SELECT w.slug, w.name, m.role, m.created_at FROM memberships m \
                     JOIN workspaces w ON w.id = m.workspace_id WHERE m.user_id = $1 ORDER BY w.slug",
                )
                .bind(&user)
                .fetch_all(&mut *tx)
                .await?
                .into_iter()
                .map(|(workspace, workspace_name, role, created_at)| HeldMembership {
                    workspace,
                    workspace_name,
                    role,
                    created_at,
                })
                .collect();
                let invitations_sent = sqlx::query_as(
                    "SELECT i.id, w.slug, i.email, i.role, i.created_at, i.expires_at, i.accepted_at, \
                     i.revoked_at FROM invitations i JOIN workspaces w ON w.id = i.workspace_id \
                     WHERE i.invited_by = $1 ORDER BY i.created_at, i.id",
                )
                .bind(&user)
                .fetch_all(&mut *tx)
                .await?
                .into_iter()
                .map(
                    |(id, workspace, email, role, created_at, expires_at, accepted_at, revoked_at)| {
                        HeldInvitation {
                            id,
                            workspace,
                            email,
                            role,
                            created_at,
                            expires_at,
                            accepted_at,
                            revoked_at,
                        }
                    },
                )
                .collect();
                let api_keys = sqlx::query_as(
                    "SELECT k.id, w.slug, k.name, k.scopes, k.created_at, k.expires_at, k.last_used_at, \
                     k.revoked_at FROM api_keys k JOIN workspaces w ON w.id = k.workspace_id \
                     WHERE k.created_by = $1 ORDER BY k.created_at, k.id",
                )
                .bind(&user)
                .fetch_all(&mut *tx)
                .await?
                .into_iter()
                .map(
                    |(id, workspace, name, scopes, created_at, expires_at, last_used_at, revoked_at)| {
                        HeldApiKey {
                            id,
                            workspace,
                            name,
                            scopes,
                            created_at,
                            expires_at,
                            last_used_at,
                            revoked_at,
                        }
                    },
                )
                .collect();
                tx.commit().await?;
                Ok(AccountHoldings {
                    sessions,
                    memberships,
                    invitations_sent,
                    api_keys,
                })
            }

            async fn events_by_actor(
                &self,
                actor: &str,
                after: Option<&$crate::privacy::LogPosition>,
                limit: u32,
            ) -> Result<Vec<palisade_core::audit::ChainedEvent>, $crate::StoreError> {
                let (log, seq) = after.map_or(("", 0), |p| (p.log.as_str(), p.seq));
                let sql = format!(
                    "SELECT {} FROM audit_events WHERE actor = $1 \
                     AND (log_id > $2 OR (log_id = $2 AND seq > $3)) \
                     ORDER BY log_id, seq LIMIT $4",
                    $crate::shared_audit::EVENT_COLUMNS
                );
                let mut tx = $crate::dialect::Dialect::begin_owner_read(self).await?;
                let rows = sqlx::query(&sql)
                    .bind(actor)
                    .bind(log)
                    .bind(seq)
                    .bind(i64::from(limit))
                    .fetch_all(&mut *tx)
                    .await?;
                tx.commit().await?;
                rows.iter().map(Self::event_from_row).collect()
            }

            async fn sweep_ended(
                &self,
                cutoffs: &$crate::privacy::RetentionCutoffs,
            ) -> Result<$crate::privacy::SweptCounts, $crate::StoreError> {
                let pool = $crate::dialect::Dialect::write_pool(self);
                let delete = |sql: &'static str, before: time::OffsetDateTime| async move {
                    Ok::<u64, $crate::StoreError>(
                        sqlx::query(sql).bind(before).execute(pool).await?.rows_affected(),
                    )
                };
                let sessions = sqlx::query(
                    "DELETE FROM sessions WHERE revoked_at < $1 OR absolute_expires_at < $1 \
                     OR last_used_at < $2",
                )
                .bind(cutoffs.sessions_ended_before)
                .bind(cutoffs.sessions_idle_before)
                .execute(pool)
                .await?
                .rows_affected();
                let reset_tokens = delete(
                    "DELETE FROM password_resets WHERE used_at < $1 OR expires_at < $1",
                    cutoffs.one_time_tokens_before,
                )
                .await?;
                let mfa_challenges = delete(
                    "DELETE FROM mfa_challenges WHERE spent_at < $1 OR expires_at < $1",
                    cutoffs.one_time_tokens_before,
                )
                .await?;
                let access_codes = delete(
                    "DELETE FROM access_codes WHERE expires_at < $1",
                    cutoffs.invitations_before,
                )
                .await?;
                let mail = delete(
                    "DELETE FROM mail_outbox WHERE created_at < $1",
                    cutoffs.mail_before,
                )
                .await?;
                let mut tx = $crate::dialect::Dialect::begin_invitation_sweep(self, cutoffs.invitations_before).await?;
                let invitations = sqlx::query(
                    "DELETE FROM invitations WHERE expires_at < $1 OR accepted_at < $1 OR revoked_at < $1",
                )
                .bind(cutoffs.invitations_before)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                tx.commit().await?;
                Ok($crate::privacy::SweptCounts {
                    sessions,
                    reset_tokens,
                    mfa_challenges,
                    invitations,
                    access_codes,
                    mail,
                })
            }
        }
    };
}

pub(crate) use impl_privacy_store;
