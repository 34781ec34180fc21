//! The audit queries, written once for both backends, and the in-transaction append that
//! state-changing methods call before they commit.

/// The columns of an event, in the order `event_from_row` reads them.
pub(crate) const EVENT_COLUMNS: &str = "log_id, seq, id, at_micros, actor, action, resource_type, \
     resource_id, outcome, reason, request_id, ip, user_agent, prev_hash, hash";

pub(crate) fn corrupt(what: &str) -> crate::StoreError {
    crate::StoreError::Corrupt(format!("an audit event holds a malformed {what}"))
}

macro_rules! impl_audit_store {
    ($store:ty) => {
        impl $store {
            /// A transaction that sees `log`: its workspace, or none for the platform log.
            async fn audit_tx(
                &self,
                log: &str,
            ) -> Result<$crate::dialect::Tx<Self>, $crate::StoreError> {
                if log == palisade_core::audit::PLATFORM_LOG {
                    Ok($crate::dialect::Dialect::write_pool(self).begin().await?)
                } else {
                    $crate::dialect::Dialect::in_workspace(self, log).await
                }
            }

            /// The head of `log` as this transaction sees it: the last event, else the
            /// retention cut, else nothing.
            async fn audit_head_in(
                tx: &mut $crate::dialect::Tx<Self>,
                log: &str,
            ) -> Result<Option<(i64, String)>, $crate::StoreError> {
                let last: Option<(i64, String)> = sqlx::query_as(
                    "SELECT seq, hash FROM audit_events WHERE log_id = $1 ORDER BY seq DESC LIMIT 1",
                )
                .bind(log)
                .fetch_optional(&mut **tx)
                .await?;
                if last.is_some() {
                    return Ok(last);
                }
                Ok(sqlx::query_as(
                    "SELECT seq, head_hash FROM audit_cuts WHERE log_id = $1 ORDER BY seq DESC LIMIT 1",
                )
                .bind(log)
                .fetch_optional(&mut **tx)
                .await?)
            }

            /// Appends `entry` to its log inside `tx`, which must see that log.
            pub(crate) async fn append_audit_in(
                tx: &mut $crate::dialect::Tx<Self>,
                entry: &palisade_core::audit::AuditEntry,
            ) -> Result<(), $crate::StoreError> {
                Self::append_run_in(tx, std::slice::from_ref(entry)).await
            }

            /// Appends entries of one log in order inside `tx`: one lock and one head read for
            /// the whole run, then one insert each.
            async fn append_run_in(
                tx: &mut $crate::dialect::Tx<Self>,
                entries: &[palisade_core::audit::AuditEntry],
            ) -> Result<(), $crate::StoreError> {
                let Some(log) = entries.first().map(|e| e.log.clone()) else {
                    return Ok(());
                };
                <Self as $crate::dialect::Dialect>::lock_audit_log(tx, &log).await?;
                let (mut seq, mut prev) = match Self::audit_head_in(tx, &log).await? {
                    Some((seq, hash)) => (seq, hash),
                    None => (0, palisade_core::audit::GENESIS_HASH.to_owned()),
                };
                for entry in entries {
                    seq += 1;
                    let event = entry.clone().chain(seq, &prev);
                    let e = &event.entry;
                    sqlx::query(
                        "INSERT INTO audit_events (log_id, seq, id, at_micros, actor, action, resource_type, \
                         resource_id, outcome, reason, request_id, ip, user_agent, prev_hash, hash) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
                    )
                    .bind(&e.log)
                    .bind(event.seq)
                    .bind(e.id.to_string())
                    .bind(e.at_micros)
                    .bind(&e.actor)
                    .bind(&e.action)
                    .bind(&e.resource_type)
                    .bind(&e.resource_id)
                    .bind(e.outcome.as_str())
                    .bind(&e.reason)
                    .bind(&e.request_id)
                    .bind(&e.ip)
                    .bind(&e.user_agent)
                    .bind(&event.prev_hash)
                    .bind(&event.hash)
                    .execute(&mut **tx)
                    .await?;
                    for message in $crate::outbox::from_audit(&event) {
                        Self::fan_out_in(tx, &log, &message).await?;
                    }
                    prev = event.hash;
                }
                Ok(())
            }

            /// Signed statements of `log` from `table` (checkpoints or cuts), in `order`.
            async fn signed_rows(
                &self,
                log: &str,
                table: &str,
                order: &str,
            ) -> Result<Vec<$crate::audit::SignedCheckpoint>, $crate::StoreError> {
                let mut tx = self.audit_tx(log).await?;
                let rows = sqlx::query(&format!(
                    "SELECT log_id, seq, head_hash, at_micros, kid, signature FROM {table} \
                     WHERE log_id = $1 {order}"
                ))
                .bind(log)
                .fetch_all(&mut *tx)
                .await?;
                tx.commit().await?;
                rows.iter().map(Self::checkpoint_from_row).collect()
            }

            fn event_from_row(
                row: &<<Self as $crate::dialect::Dialect>::Db as sqlx::Database>::Row,
            ) -> Result<palisade_core::audit::ChainedEvent, $crate::StoreError> {
                use sqlx::Row;
                let id: String = row.try_get("id")?;
                let outcome: String = row.try_get("outcome")?;
                Ok(palisade_core::audit::ChainedEvent {
                    seq: row.try_get("seq")?,
                    entry: palisade_core::audit::AuditEntry {
                        id: id.parse().map_err(|_| $crate::shared_audit::corrupt("id"))?,
                        log: row.try_get("log_id")?,
                        at_micros: row.try_get("at_micros")?,
                        actor: row.try_get("actor")?,
                        action: row.try_get("action")?,
                        resource_type: row.try_get("resource_type")?,
                        resource_id: row.try_get("resource_id")?,
                        outcome: outcome
                            .parse()
                            .map_err(|_| $crate::shared_audit::corrupt("outcome"))?,
                        reason: row.try_get("reason")?,
                        request_id: row.try_get("request_id")?,
                        ip: row.try_get("ip")?,
                        user_agent: row.try_get("user_agent")?,
                    },
                    prev_hash: row.try_get("prev_hash")?,
                    hash: row.try_get("hash")?,
                })
            }

            fn checkpoint_from_row(
                row: &<<Self as $crate::dialect::Dialect>::Db as sqlx::Database>::Row,
            ) -> Result<$crate::audit::SignedCheckpoint, $crate::StoreError> {
                use sqlx::Row;
                Ok($crate::audit::SignedCheckpoint {
                    checkpoint: palisade_core::audit::Checkpoint {
                        log: row.try_get("log_id")?,
                        seq: row.try_get("seq")?,
                        head_hash: row.try_get("head_hash")?,
                        at_micros: row.try_get("at_micros")?,
                    },
                    kid: row.try_get("kid")?,
                    signature: row.try_get("signature")?,
                })
            }
        }

        #[async_trait::async_trait]
        impl $crate::audit::AuditStore for $store {
            async fn append_audit(
                &self,
                entries: &[palisade_core::audit::AuditEntry],
            ) -> Result<(), $crate::StoreError> {
                let mut logs: Vec<&str> = entries.iter().map(|e| e.log.as_str()).collect();
                logs.sort_unstable();
                logs.dedup();
                for log in logs {
                    let run: Vec<_> = entries.iter().filter(|e| e.log == log).cloned().collect();
                    let mut tx = self.audit_tx(log).await?;
                    Self::append_run_in(&mut tx, &run).await?;
                    tx.commit().await?;
                }
                Ok(())
            }

            async fn audit_events(
                &self,
                log: &str,
                query: &$crate::audit::AuditQuery,
            ) -> Result<Vec<palisade_core::audit::ChainedEvent>, $crate::StoreError> {
                let mut tx = self.audit_tx(log).await?;
                let sql = format!(
                    "SELECT {} FROM audit_events WHERE log_id = $1 \
                     AND (CAST($2 AS BIGINT) IS NULL OR seq > $2) \
                     AND (CAST($3 AS BIGINT) IS NULL OR seq <= $3) \
                     AND (CAST($4 AS TEXT) IS NULL OR action = $4) \
                     AND (CAST($5 AS TEXT) IS NULL OR actor = $5) \
                     AND (CAST($6 AS TEXT) IS NULL OR resource_type = $6) \
                     AND (CAST($7 AS TEXT) IS NULL OR resource_id = $7) \
                     AND (CAST($8 AS BIGINT) IS NULL OR at_micros >= $8) \
                     AND (CAST($9 AS BIGINT) IS NULL OR at_micros < $9) \
                     ORDER BY seq LIMIT $10",
                    $crate::shared_audit::EVENT_COLUMNS
                );
                let rows = sqlx::query(&sql)
                    .bind(log)
                    .bind(query.after_seq)
                    .bind(query.through_seq)
                    .bind(&query.action)
                    .bind(&query.actor)
                    .bind(&query.resource_type)
                    .bind(&query.resource_id)
                    .bind(query.from_micros)
                    .bind(query.to_micros)
                    .bind(i64::from(query.limit))
                    .fetch_all(&mut *tx)
                    .await?;
                tx.commit().await?;
                rows.iter().map(Self::event_from_row).collect()
            }

            async fn audit_head(&self, log: &str) -> Result<Option<(i64, String)>, $crate::StoreError> {
                let mut tx = self.audit_tx(log).await?;
                let head = Self::audit_head_in(&mut tx, log).await?;
                tx.commit().await?;
                Ok(head)
            }

            async fn add_audit_checkpoint(
                &self,
                signed: &$crate::audit::SignedCheckpoint,
            ) -> Result<(), $crate::StoreError> {
                let c = &signed.checkpoint;
                let mut tx = self.audit_tx(&c.log).await?;
                sqlx::query(
                    "INSERT INTO audit_checkpoints (log_id, seq, head_hash, at_micros, kid, signature) \
                     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (log_id, seq) DO NOTHING",
                )
                .bind(&c.log)
                .bind(c.seq)
                .bind(&c.head_hash)
                .bind(c.at_micros)
                .bind(&signed.kid)
                .bind(&signed.signature)
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(())
            }

            async fn audit_checkpoints(
                &self,
                log: &str,
            ) -> Result<Vec<$crate::audit::SignedCheckpoint>, $crate::StoreError> {
                self.signed_rows(log, "audit_checkpoints", "ORDER BY seq").await
            }

            async fn last_audit_checkpoint(
                &self,
                log: &str,
            ) -> Result<Option<$crate::audit::SignedCheckpoint>, $crate::StoreError> {
                let last = self.signed_rows(log, "audit_checkpoints", "ORDER BY seq DESC LIMIT 1");
                Ok(last.await?.into_iter().next())
            }

            async fn audit_cut(
                &self,
                log: &str,
            ) -> Result<Option<$crate::audit::SignedCheckpoint>, $crate::StoreError> {
                let last = self.signed_rows(log, "audit_cuts", "ORDER BY seq DESC LIMIT 1");
                Ok(last.await?.into_iter().next())
            }

            async fn last_audit_seq_before(
                &self,
                log: &str,
                at_micros: i64,
            ) -> Result<Option<i64>, $crate::StoreError> {
                let mut tx = self.audit_tx(log).await?;
                let seq: Option<(i64,)> = sqlx::query_as(
                    "SELECT max(seq) FROM audit_events WHERE log_id = $1 AND at_micros < $2 \
                     HAVING max(seq) IS NOT NULL",
                )
                .bind(log)
                .bind(at_micros)
                .fetch_optional(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(seq.map(|(seq,)| seq))
            }

            async fn cut_audit_log(
                &self,
                at: &$crate::audit::SignedCheckpoint,
                event: &palisade_core::audit::AuditEntry,
            ) -> Result<u64, $crate::StoreError> {
                let c = &at.checkpoint;
                let mut tx = $crate::dialect::Dialect::begin_retention(self, &c.log).await?;
                <Self as $crate::dialect::Dialect>::lock_audit_log(&mut tx, &c.log).await?;
                let made = sqlx::query(
                    "INSERT INTO audit_cuts (log_id, seq, head_hash, at_micros, kid, signature) \
                     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (log_id, seq) DO NOTHING",
                )
                .bind(&c.log)
                .bind(c.seq)
                .bind(&c.head_hash)
                .bind(c.at_micros)
                .bind(&at.kid)
                .bind(&at.signature)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if made == 0 {
                    return Ok(0);
                }
                let deleted = sqlx::query("DELETE FROM audit_events WHERE log_id = $1 AND seq <= $2")
                    .bind(&c.log)
                    .bind(c.seq)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                Self::append_audit_in(&mut tx, event).await?;
                tx.commit().await?;
                Ok(deleted)
            }

            async fn audit_log_of(&self, slug: &str) -> Result<Option<String>, $crate::StoreError> {
                let row: Option<(String,)> = sqlx::query_as("SELECT id FROM workspaces WHERE slug = $1")
                    .bind(slug)
                    .fetch_optional($crate::dialect::Dialect::read_pool(self))
                    .await?;
                Ok(row.map(|(id,)| id))
            }

            async fn audit_retention(&self) -> Result<Vec<(String, i64)>, $crate::StoreError> {
                Ok(sqlx::query_as("SELECT id, CAST(audit_retention_days AS BIGINT) FROM workspaces ORDER BY id")
                    .fetch_all($crate::dialect::Dialect::read_pool(self))
                    .await?)
            }
        }
    };
}

pub(crate) use impl_audit_store;
