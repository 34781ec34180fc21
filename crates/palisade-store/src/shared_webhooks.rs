//! The webhook queries, written once for both backends, and the in-transaction fan-out that
//! the audit append and record writes call before they commit.

pub(crate) const ENDPOINT_COLUMNS: &str =
    "id, url, description, events, ordered, failing_since, created_at, updated_at, \
     auth_header, auth_secret, auth_prefix, \
     (SELECT MAX(version) FROM webhook_secrets s WHERE s.endpoint_id = webhook_endpoints.id) AS secret_version";
pub(crate) const ATTEMPT_COLUMNS: &str = "id, endpoint_id, message_id, event_type, attempt, at, \
     status_code, latency_ms, response, error, succeeded";

/// Jobs due at `$1`, unleased, oldest first, at most `$2` per endpoint and `$3` in all; an
/// ordered endpoint offers only its first pending job. SQLite runs it as it is; PostgreSQL
/// runs it inside `webhook_due_jobs` (its migration holds the same text; a test compares).
pub(crate) const DUE_JOBS_SQL: &str =
    "SELECT workspace_id, endpoint_id, message_id, attempts FROM ( \
SELECT j.workspace_id, j.endpoint_id, j.message_id, j.attempts, j.next_attempt_micros, j.position, \
ROW_NUMBER() OVER (PARTITION BY j.endpoint_id ORDER BY j.next_attempt_micros, j.position) AS nth \
FROM webhook_jobs j JOIN webhook_endpoints e ON e.id = j.endpoint_id \
WHERE j.state = 'pending' AND j.next_attempt_micros <= $1 \
AND (j.lease_until_micros IS NULL OR j.lease_until_micros <= $1) \
AND (NOT e.ordered OR NOT EXISTS (SELECT 1 FROM webhook_jobs p \
WHERE p.endpoint_id = j.endpoint_id AND p.state = 'pending' AND p.position < j.position)) \
) due WHERE nth <= $2 ORDER BY next_attempt_micros, position LIMIT $3";

pub(crate) fn decode_events(text: &str) -> Result<Vec<String>, crate::StoreError> {
    serde_json::from_str(text)
        .map_err(|_| crate::StoreError::Corrupt("webhook_endpoints.events is not a list".into()))
}

macro_rules! impl_webhook_store {
    ($store:ty) => {
        impl $store {
            /// Queues `message` for every endpoint of `workspace` subscribed to its type
            /// (or its family's wildcard), inside `tx`.
            pub(crate) async fn fan_out_in(
                tx: &mut $crate::dialect::Tx<Self>,
                workspace: &str,
                message: &$crate::webhooks::OutboundMessage,
            ) -> Result<(), $crate::StoreError> {
                sqlx::query(
                    "INSERT INTO webhook_jobs (endpoint_id, message_id, workspace_id, event_type, payload, \
                     position, created_micros, state, attempts, next_attempt_micros) \
                     SELECT DISTINCT s.endpoint_id, $1, s.workspace_id, $2, $3, $4, $5, 'pending', 0, $5 \
                     FROM webhook_subscriptions s WHERE s.workspace_id = $6 AND s.event_type IN ($2, $7) \
                     ON CONFLICT DO NOTHING",
                )
                .bind(&message.id)
                .bind(&message.event_type)
                .bind(&message.payload)
                .bind(message.position)
                .bind(message.at_micros)
                .bind(workspace)
                .bind($crate::outbox::wildcard_of(&message.event_type))
                .execute(&mut **tx)
                .await?;
                Ok(())
            }

            fn endpoint_from_row(
                row: &<<Self as $crate::dialect::Dialect>::Db as sqlx::Database>::Row,
            ) -> Result<$crate::webhooks::EndpointRecord, $crate::StoreError> {
                use sqlx::Row;
                Ok($crate::webhooks::EndpointRecord {
                    id: row.try_get("id")?,
                    url: row.try_get("url")?,
                    description: row.try_get("description")?,
                    events: $crate::shared_webhooks::decode_events(&row.try_get::<String, _>("events")?)?,
                    ordered: row.try_get("ordered")?,
                    failing_since: row.try_get("failing_since")?,
                    created_at: row.try_get("created_at")?,
                    updated_at: row.try_get("updated_at")?,
                    secret_version: row.try_get::<Option<i64>, _>("secret_version")?.unwrap_or(0),
                    auth: Self::auth_from_row(row)?,
                })
            }

            fn auth_from_row(
                row: &<<Self as $crate::dialect::Dialect>::Db as sqlx::Database>::Row,
            ) -> Result<Option<$crate::webhooks::AuthHeader>, $crate::StoreError> {
                use sqlx::Row;
                let secret: Option<String> = row.try_get("auth_secret")?;
                Ok(match secret {
                    Some(secret) => Some($crate::webhooks::AuthHeader {
                        header: row.try_get::<Option<String>, _>("auth_header")?.unwrap_or_default(),
                        secret,
                        prefix: row.try_get::<Option<String>, _>("auth_prefix")?.unwrap_or_default(),
                    }),
                    None => None,
                })
            }

            fn attempt_from_row(
                row: &<<Self as $crate::dialect::Dialect>::Db as sqlx::Database>::Row,
            ) -> Result<$crate::webhooks::AttemptRecord, $crate::StoreError> {
                use sqlx::Row;
                Ok($crate::webhooks::AttemptRecord {
                    id: row.try_get("id")?,
                    endpoint_id: row.try_get("endpoint_id")?,
                    message_id: row.try_get("message_id")?,
                    event_type: row.try_get("event_type")?,
                    attempt: row.try_get("attempt")?,
                    at: row.try_get("at")?,
                    status_code: row.try_get("status_code")?,
                    latency_ms: row.try_get("latency_ms")?,
                    response: row.try_get("response")?,
                    error: row.try_get("error")?,
                    succeeded: row.try_get("succeeded")?,
                })
            }

            async fn replace_subscriptions(
                tx: &mut $crate::dialect::Tx<Self>,
                workspace: &str,
                endpoint: &$crate::webhooks::EndpointRecord,
            ) -> Result<(), $crate::StoreError> {
                sqlx::query("DELETE FROM webhook_subscriptions WHERE endpoint_id = $1")
                    .bind(&endpoint.id)
                    .execute(&mut **tx)
                    .await?;
                for event in &endpoint.events {
                    sqlx::query(
                        "INSERT INTO webhook_subscriptions (endpoint_id, workspace_id, event_type) \
                         VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                    )
                    .bind(&endpoint.id)
                    .bind(workspace)
                    .bind(event)
                    .execute(&mut **tx)
                    .await?;
                }
                Ok(())
            }

            async fn insert_webhook_secret(
                tx: &mut $crate::dialect::Tx<Self>,
                workspace: &str,
                endpoint: &str,
                secret: &$crate::webhooks::EndpointSecret,
            ) -> Result<bool, $crate::StoreError> {
                Ok(sqlx::query(
                    "INSERT INTO webhook_secrets (endpoint_id, workspace_id, version, sealed, created_at, expires_at) \
                     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
                )
                .bind(endpoint)
                .bind(workspace)
                .bind(secret.version)
                .bind(&secret.sealed)
                .bind(secret.created_at)
                .bind(secret.expires_at)
                .execute(&mut **tx)
                .await?
                .rows_affected()
                    == 1)
            }
        }

        #[async_trait::async_trait]
        impl $crate::webhooks::WebhookStore for $store {
            async fn create_webhook(
                &self,
                grant: &$crate::Grant<palisade_core::grant::ManageWebhooks>,
                endpoint: &$crate::webhooks::EndpointRecord,
                secret: &$crate::webhooks::EndpointSecret,
                max_endpoints: i64,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<bool, $crate::StoreError> {
                let scope = grant.scope();
                let workspace = scope.workspace_id().to_string();
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                let created = sqlx::query(
                    "INSERT INTO webhook_endpoints (id, workspace_id, url, description, events, ordered, \
                     failing_since, created_at, updated_at, auth_header, auth_secret, auth_prefix) \
                     SELECT $1, $2, $3, $4, $5, $6, NULL, $7, $8, $9, $10, $11 \
                     WHERE (SELECT count(*) FROM webhook_endpoints WHERE workspace_id = $2) < $12",
                )
                .bind(&endpoint.id)
                .bind(&workspace)
                .bind(&endpoint.url)
                .bind(&endpoint.description)
                .bind(serde_json::Value::from(endpoint.events.clone()).to_string())
                .bind(endpoint.ordered)
                .bind(endpoint.created_at)
                .bind(endpoint.updated_at)
                .bind(endpoint.auth.as_ref().map(|a| &a.header))
                .bind(endpoint.auth.as_ref().map(|a| &a.secret))
                .bind(endpoint.auth.as_ref().map(|a| &a.prefix))
                .bind(max_endpoints)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                    == 1;
                if !created {
                    return Ok(false);
                }
                Self::replace_subscriptions(&mut tx, &workspace, endpoint).await?;
                Self::insert_webhook_secret(&mut tx, &workspace, &endpoint.id, secret).await?;
                Self::append_audit_in(&mut tx, audit).await?;
                tx.commit().await?;
                Ok(true)
            }

            async fn webhooks(
                &self,
                grant: &$crate::Grant<palisade_core::grant::ManageWebhooks>,
            ) -> Result<Vec<$crate::webhooks::EndpointRecord>, $crate::StoreError> {
                let scope = grant.scope();
                let mut tx = $crate::dialect::Dialect::scoped_read(self, scope).await?;
                let rows = sqlx::query(&format!(
                    "SELECT {} FROM webhook_endpoints WHERE workspace_id = $1 ORDER BY created_at, id",
                    $crate::shared_webhooks::ENDPOINT_COLUMNS
                ))
                .bind(scope.workspace_id().to_string())
                .fetch_all(&mut *tx)
                .await?;
                tx.commit().await?;
                rows.iter().map(Self::endpoint_from_row).collect()
            }

            async fn webhook(
                &self,
                grant: &$crate::Grant<palisade_core::grant::ManageWebhooks>,
                id: &str,
            ) -> Result<Option<$crate::webhooks::EndpointRecord>, $crate::StoreError> {
                let scope = grant.scope();
                let mut tx = $crate::dialect::Dialect::scoped_read(self, scope).await?;
                let row = sqlx::query(&format!(
                    "SELECT {} FROM webhook_endpoints WHERE workspace_id = $1 AND id = $2",
                    $crate::shared_webhooks::ENDPOINT_COLUMNS
                ))
                .bind(scope.workspace_id().to_string())
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
                tx.commit().await?;
                row.as_ref().map(Self::endpoint_from_row).transpose()
            }

            async fn update_webhook(
                &self,
                grant: &$crate::Grant<palisade_core::grant::ManageWebhooks>,
                endpoint: &$crate::webhooks::EndpointRecord,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<bool, $crate::StoreError> {
                let scope = grant.scope();
                let workspace = scope.workspace_id().to_string();
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                let updated = sqlx::query(
                    "UPDATE webhook_endpoints SET url = $1, description = $2, events = $3, ordered = $4, \
                     updated_at = $5, auth_header = $8, auth_secret = $9, auth_prefix = $10 \
                     WHERE workspace_id = $6 AND id = $7",
                )
                .bind(&endpoint.url)
                .bind(&endpoint.description)
                .bind(serde_json::Value::from(endpoint.events.clone()).to_string())
                .bind(endpoint.ordered)
                .bind(endpoint.updated_at)
                .bind(&workspace)
                .bind(&endpoint.id)
                .bind(endpoint.auth.as_ref().map(|a| &a.header))
                .bind(endpoint.auth.as_ref().map(|a| &a.secret))
                .bind(endpoint.auth.as_ref().map(|a| &a.prefix))
                .execute(&mut *tx)
                .await?
                .rows_affected()
                    == 1;
                if !updated {
                    return Ok(false);
                }
                Self::replace_subscriptions(&mut tx, &workspace, endpoint).await?;
                // Messages of events it no longer takes go: they must not follow a new URL.
                sqlx::query(
                    "DELETE FROM webhook_jobs WHERE endpoint_id = $1 AND event_type <> 'webhook.test' \
                     AND NOT EXISTS (SELECT 1 FROM webhook_subscriptions s WHERE s.endpoint_id = $1 \
                     AND (s.event_type = webhook_jobs.event_type OR (s.event_type LIKE '%.*' \
                     AND webhook_jobs.event_type LIKE replace(s.event_type, '*', '%'))))",
                )
                .bind(&endpoint.id)
                .execute(&mut *tx)
                .await?;
                Self::append_audit_in(&mut tx, audit).await?;
                tx.commit().await?;
                Ok(true)
            }

            async fn delete_webhook(
                &self,
                grant: &$crate::Grant<palisade_core::grant::ManageWebhooks>,
                id: &str,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<bool, $crate::StoreError> {
                let scope = grant.scope();
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                let deleted = sqlx::query("DELETE FROM webhook_endpoints WHERE workspace_id = $1 AND id = $2")
                    .bind(scope.workspace_id().to_string())
                    .bind(id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected()
                    == 1;
                if !deleted {
                    return Ok(false);
                }
                Self::append_audit_in(&mut tx, audit).await?;
                tx.commit().await?;
                Ok(true)
            }

            async fn rotate_webhook_secret(
                &self,
                grant: &$crate::Grant<palisade_core::grant::ManageWebhooks>,
                id: &str,
                secret: &$crate::webhooks::EndpointSecret,
                retire_at: time::OffsetDateTime,
                audit: &palisade_core::audit::AuditEntry,
            ) -> Result<bool, $crate::StoreError> {
                let scope = grant.scope();
                let workspace = scope.workspace_id().to_string();
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                let exists: Option<(String,)> = sqlx::query_as(&format!(
                    "SELECT id FROM webhook_endpoints WHERE workspace_id = $1 AND id = $2 {}",
                    <Self as $crate::dialect::Dialect>::FOR_UPDATE
                ))
                .bind(&workspace)
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
                if exists.is_none() {
                    return Ok(false);
                }
                sqlx::query(
                    "UPDATE webhook_secrets SET expires_at = $1 WHERE endpoint_id = $2 \
                     AND (expires_at IS NULL OR expires_at > $1)",
                )
                .bind(retire_at)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                if !Self::insert_webhook_secret(&mut tx, &workspace, id, secret).await? {
                    return Ok(false);
                }
                Self::append_audit_in(&mut tx, audit).await?;
                tx.commit().await?;
                Ok(true)
            }

            async fn enqueue_webhook_message(
                &self,
                grant: &$crate::Grant<palisade_core::grant::ManageWebhooks>,
                endpoint_id: &str,
                message: &$crate::webhooks::OutboundMessage,
            ) -> Result<bool, $crate::StoreError> {
                let scope = grant.scope();
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                let queued = sqlx::query(
                    "INSERT INTO webhook_jobs (endpoint_id, message_id, workspace_id, event_type, payload, \
                     position, created_micros, state, attempts, next_attempt_micros) \
                     SELECT id, $1, workspace_id, $2, $3, $4, $5, 'pending', 0, $5 FROM webhook_endpoints \
                     WHERE workspace_id = $6 AND id = $7",
                )
                .bind(&message.id)
                .bind(&message.event_type)
                .bind(&message.payload)
                .bind(message.position)
                .bind(message.at_micros)
                .bind(scope.workspace_id().to_string())
                .bind(endpoint_id)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                    == 1;
                tx.commit().await?;
                Ok(queued)
            }

            async fn redeliver_webhook_message(
                &self,
                grant: &$crate::Grant<palisade_core::grant::ManageWebhooks>,
                endpoint_id: &str,
                message_id: &str,
                now_micros: i64,
            ) -> Result<bool, $crate::StoreError> {
                let scope = grant.scope();
                let mut tx = $crate::dialect::Dialect::scoped_write(self, scope).await?;
                let found = sqlx::query(
                    "UPDATE webhook_jobs SET state = 'pending', next_attempt_micros = $1, \
                     lease_until_micros = NULL \
                     WHERE workspace_id = $2 AND endpoint_id = $3 AND message_id = $4",
                )
                .bind(now_micros)
                .bind(scope.workspace_id().to_string())
                .bind(endpoint_id)
                .bind(message_id)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                    == 1;
                tx.commit().await?;
                Ok(found)
            }

            async fn webhook_attempts(
                &self,
                grant: &$crate::Grant<palisade_core::grant::ManageWebhooks>,
                endpoint_id: &str,
                limit: u32,
            ) -> Result<Vec<$crate::webhooks::AttemptRecord>, $crate::StoreError> {
                let scope = grant.scope();
                let mut tx = $crate::dialect::Dialect::scoped_read(self, scope).await?;
                let rows = sqlx::query(&format!(
                    "SELECT {} FROM webhook_attempts WHERE workspace_id = $1 AND endpoint_id = $2 \
                     ORDER BY at DESC, id DESC LIMIT $3",
                    $crate::shared_webhooks::ATTEMPT_COLUMNS
                ))
                .bind(scope.workspace_id().to_string())
                .bind(endpoint_id)
                .bind(i64::from(limit))
                .fetch_all(&mut *tx)
                .await?;
                tx.commit().await?;
                rows.iter().map(Self::attempt_from_row).collect()
            }

            async fn due_webhook_jobs(
                &self,
                now_micros: i64,
                per_endpoint: u32,
                limit: u32,
            ) -> Result<Vec<$crate::webhooks::DueJob>, $crate::StoreError> {
                let rows: Vec<(String, String, String, i64)> =
                    sqlx::query_as(<Self as $crate::dialect::Dialect>::DUE_WEBHOOK_JOBS)
                        .bind(now_micros)
                        .bind(i64::from(per_endpoint))
                        .bind(i64::from(limit))
                        // A reader: a stale answer only makes a lease fail, and on SQLite the
                        // single writer stays free for requests.
                        .fetch_all($crate::dialect::Dialect::read_pool(self))
                        .await?;
                Ok(rows
                    .into_iter()
                    .map(|(workspace_id, endpoint_id, message_id, attempts)| $crate::webhooks::DueJob {
                        workspace_id,
                        endpoint_id,
                        message_id,
                        attempts,
                    })
                    .collect())
            }

            async fn claim_webhook_job(
                &self,
                job: &$crate::webhooks::DueJob,
                now_micros: i64,
                lease_until_micros: i64,
            ) -> Result<Option<$crate::webhooks::ClaimedJob>, $crate::StoreError> {
                use sqlx::Row;
                let mut tx = $crate::dialect::Dialect::in_workspace(self, &job.workspace_id).await?;
                let leased = sqlx::query(
                    "UPDATE webhook_jobs SET lease_until_micros = $1 WHERE endpoint_id = $2 AND message_id = $3 \
                     AND workspace_id = $4 AND state = 'pending' AND attempts = $5 \
                     AND (lease_until_micros IS NULL OR lease_until_micros <= $6)",
                )
                .bind(lease_until_micros)
                .bind(&job.endpoint_id)
                .bind(&job.message_id)
                .bind(&job.workspace_id)
                .bind(job.attempts)
                .bind(now_micros)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                    == 1;
                if !leased {
                    return Ok(None);
                }
                let row = sqlx::query(
                    "SELECT j.event_type, j.payload, e.url, e.auth_header, e.auth_secret, e.auth_prefix \
                     FROM webhook_jobs j \
                     JOIN webhook_endpoints e ON e.id = j.endpoint_id \
                     WHERE j.endpoint_id = $1 AND j.message_id = $2",
                )
                .bind(&job.endpoint_id)
                .bind(&job.message_id)
                .fetch_one(&mut *tx)
                .await?;
                let secrets = sqlx::query(
                    "SELECT version, sealed, created_at, expires_at FROM webhook_secrets \
                     WHERE endpoint_id = $1 AND (expires_at IS NULL OR expires_at > $2) ORDER BY version DESC",
                )
                .bind(&job.endpoint_id)
                .bind($crate::shared_webhooks::time_of(now_micros))
                .fetch_all(&mut *tx)
                .await?;
                tx.commit().await?;
                let secrets = secrets
                    .iter()
                    .map(|s| {
                        Ok::<_, $crate::StoreError>($crate::webhooks::EndpointSecret {
                            version: s.try_get("version")?,
                            sealed: s.try_get("sealed")?,
                            created_at: s.try_get("created_at")?,
                            expires_at: s.try_get("expires_at")?,
                        })
                    })
                    .collect::<Result<_, _>>()?;
                Ok(Some($crate::webhooks::ClaimedJob {
                    job: job.clone(),
                    event_type: row.try_get("event_type")?,
                    payload: row.try_get("payload")?,
                    url: row.try_get("url")?,
                    auth: Self::auth_from_row(&row)?,
                    secrets,
                    lease_until_micros,
                }))
            }

            async fn sweep_webhooks(
                &self,
                workspace_id: &str,
                jobs_before_micros: i64,
                attempts_before: time::OffsetDateTime,
                now: time::OffsetDateTime,
            ) -> Result<u64, $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::in_workspace(self, workspace_id).await?;
                let jobs = sqlx::query(
                    "DELETE FROM webhook_jobs WHERE workspace_id = $1 AND state <> 'pending' \
                     AND created_micros < $2",
                )
                .bind(workspace_id)
                .bind(jobs_before_micros)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                let attempts = sqlx::query("DELETE FROM webhook_attempts WHERE workspace_id = $1 AND at < $2")
                    .bind(workspace_id)
                    .bind(attempts_before)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                let secrets = sqlx::query(
                    "DELETE FROM webhook_secrets WHERE workspace_id = $1 AND expires_at IS NOT NULL \
                     AND expires_at <= $2",
                )
                .bind(workspace_id)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                tx.commit().await?;
                Ok(jobs + attempts + secrets)
            }

            async fn webhook_auth_secret(
                &self,
                job: &$crate::webhooks::DueJob,
                name: &str,
                now: time::OffsetDateTime,
            ) -> Result<Option<$crate::SealedSecret>, $crate::StoreError> {
                let mut tx = $crate::dialect::Dialect::in_workspace(self, &job.workspace_id).await?;
                let Some(sealed) = Self::sealed_secret_in(&mut tx, &job.workspace_id, name).await? else {
                    return Ok(None);
                };
                sqlx::query("UPDATE secrets SET last_used_at = $1 WHERE workspace_id = $2 AND name = $3")
                    .bind(now)
                    .bind(&job.workspace_id)
                    .bind(name)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(Some(sealed))
            }

            async fn finish_webhook_job(
                &self,
                job: &$crate::webhooks::DueJob,
                lease_until_micros: i64,
                attempt: &$crate::webhooks::AttemptRecord,
                next: $crate::webhooks::JobNext,
                failing: &palisade_core::audit::AuditEntry,
            ) -> Result<$crate::webhooks::Finished, $crate::StoreError> {
                use $crate::webhooks::JobNext;
                let mut tx = $crate::dialect::Dialect::in_workspace(self, &job.workspace_id).await?;
                sqlx::query(&format!(
                    "INSERT INTO webhook_attempts ({}, workspace_id) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
                    $crate::shared_webhooks::ATTEMPT_COLUMNS
                ))
                .bind(&attempt.id)
                .bind(&attempt.endpoint_id)
                .bind(&attempt.message_id)
                .bind(&attempt.event_type)
                .bind(attempt.attempt)
                .bind(attempt.at)
                .bind(attempt.status_code)
                .bind(attempt.latency_ms)
                .bind(&attempt.response)
                .bind(&attempt.error)
                .bind(attempt.succeeded)
                .bind(&job.workspace_id)
                .execute(&mut *tx)
                .await?;
                let (state, next_at) = match next {
                    JobNext::Delivered => ("delivered", None),
                    JobNext::RetryAt(at) => ("pending", Some(at)),
                    JobNext::Failed => ("failed", None),
                };
                let moved = sqlx::query(
                    "UPDATE webhook_jobs SET state = $1, attempts = attempts + 1, \
                     next_attempt_micros = COALESCE($2, next_attempt_micros), lease_until_micros = NULL \
                     WHERE endpoint_id = $3 AND message_id = $4 AND attempts = $5 AND lease_until_micros = $6",
                )
                .bind(state)
                .bind(next_at)
                .bind(&job.endpoint_id)
                .bind(&job.message_id)
                .bind(job.attempts)
                .bind(lease_until_micros)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                    == 1;
                let mut finished = $crate::webhooks::Finished::default();
                if !moved {
                    // The lease lapsed (or a redelivery reset it): the attempt happened and is
                    // logged, but the job is no longer this worker's to move on.
                    tx.commit().await?;
                    finished.lost_lease = true;
                    return Ok(finished);
                }
                match next {
                    JobNext::Delivered => {
                        sqlx::query("UPDATE webhook_endpoints SET failing_since = NULL WHERE id = $1")
                            .bind(&job.endpoint_id)
                            .execute(&mut *tx)
                            .await?;
                    }
                    JobNext::Failed => {
                        finished.newly_failing = sqlx::query(
                            "UPDATE webhook_endpoints SET failing_since = $1 WHERE id = $2 AND failing_since IS NULL",
                        )
                        .bind(attempt.at)
                        .bind(&job.endpoint_id)
                        .execute(&mut *tx)
                        .await?
                        .rows_affected()
                            == 1;
                        if finished.newly_failing {
                            Self::append_audit_in(&mut tx, failing).await?;
                            let owners: Vec<(String,)> = sqlx::query_as(
                                "SELECT u.email FROM memberships m JOIN users u ON u.id = m.user_id \
                                 WHERE m.workspace_id = $1 AND m.role = 'owner' ORDER BY u.email",
                            )
                            .bind(&job.workspace_id)
                            .fetch_all(&mut *tx)
                            .await?;
                            finished.owner_emails = owners.into_iter().map(|(e,)| e).collect();
                            let (url,): (String,) =
                                sqlx::query_as("SELECT url FROM webhook_endpoints WHERE id = $1")
                                    .bind(&job.endpoint_id)
                                    .fetch_one(&mut *tx)
                                    .await?;
                            finished.url = url;
                        }
                    }
                    JobNext::RetryAt(_) => {}
                }
                tx.commit().await?;
                Ok(finished)
            }
        }
    };
}

/// A Unix-microsecond instant as a timestamp column value.
pub(crate) fn time_of(micros: i64) -> time::OffsetDateTime {
    time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(micros) * 1000)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
}

pub(crate) use impl_webhook_store;

#[cfg(test)]
mod tests {
    fn words(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn the_postgresql_function_runs_the_same_due_query_as_sqlite() {
        let migration = include_str!("../migrations/postgres/20261207000014_webhooks.sql");
        assert!(words(migration).contains(&words(super::DUE_JOBS_SQL)));
    }
}
