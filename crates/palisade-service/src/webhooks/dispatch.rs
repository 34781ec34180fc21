//! Delivering due messages. Any node may run passes at once: a job is leased to one worker by
//! compare-and-swap on its attempt count, and a lease that outlives its worker (a crash
//! mid-delivery) lapses, so the message is sent again: delivery is at least once.

use super::{messages::micros, rules, secret_row, Webhooks};
use crate::audit::{Actor, Draft, Resource};
use crate::vault::{secret_binding, secret_row as secret_row_of};
use futures_util::StreamExt;
use palisade_core::audit::Outcome;
use palisade_crypto::webhook::{sign, SigningSecret};
use palisade_store::{AttemptRecord, AuthHeader, ClaimedJob, DueJob, JobNext, StoreError};
use std::time::{Duration as StdDuration, Instant};
use time::Duration;

/// Jobs found per query.
const BATCH: u32 = 64;
/// Deliveries in flight at once on one node.
const CONCURRENCY: usize = 16;
/// Long enough for the 10-second delivery timeout and the bookkeeping after it.
const LEASE: Duration = Duration::seconds(60);
/// Bytes of a response body kept in the delivery log.
const RESPONSE_KEPT: usize = 1024;
/// Queries per pass at most, so a pass always ends (and yields to the next one).
const ROUNDS: usize = 256;

impl Webhooks {
    /// Delivers every message due now; returns how many were delivered. Passes on one node
    /// do not overlap: when this returns, every job claimed before it started is finished.
    pub async fn deliver_due(&self) -> Result<usize, StoreError> {
        let _pass = self.inner.pass.lock().await;
        let store = &self.inner.deps.store;
        let mut delivered = 0;
        for _ in 0..ROUNDS {
            let now = micros(self.inner.deps.now());
            let due = store.due_webhook_jobs(now, BATCH).await?;
            let found = due.len();
            let outcomes: Vec<Result<Option<bool>, StoreError>> = futures_util::stream::iter(due)
                .map(|job| self.attempt(job, now))
                .buffer_unordered(CONCURRENCY)
                .collect()
                .await;
            let mut attempted = 0;
            for outcome in outcomes {
                match outcome {
                    Ok(Some(succeeded)) => {
                        attempted += 1;
                        delivered += usize::from(succeeded);
                    }
                    Ok(None) => {}
                    Err(err) => tracing::warn!(error = %err, "a webhook job could not be finished"),
                }
            }
            // An ordered endpoint offers one job per query: go on while jobs keep coming.
            if found == 0 || attempted == 0 {
                break;
            }
        }
        Ok(delivered)
    }

    /// Runs `deliver_due` every `every` until the task is dropped.
    pub async fn run(self, every: StdDuration) {
        loop {
            if let Err(err) = self.deliver_due().await {
                tracing::warn!(error = %err, "webhook delivery pass failed");
            }
            tokio::time::sleep(every).await;
        }
    }

    /// One attempt at one job, if this worker wins its lease (`None` when it does not);
    /// whether it was delivered.
    async fn attempt(&self, job: DueJob, now: i64) -> Result<Option<bool>, StoreError> {
        let deps = &self.inner.deps;
        let lease_until = micros(deps.now() + LEASE);
        let Some(claimed) = deps.store.claim_webhook_job(&job, now, lease_until).await? else {
            return Ok(None);
        };
        let started = Instant::now();
        let result = self.send(&claimed).await;
        let latency_ms = i64::try_from(started.elapsed().as_millis()).unwrap_or(i64::MAX);
        let at = deps.now();
        let number = job.attempts + 1;
        let (status_code, response, error) = match &result {
            Ok((status, body)) => (Some(i64::from(*status)), Some(body.clone()), None),
            Err(code) => (None, None, Some((*code).to_owned())),
        };
        let succeeded = matches!(result, Ok((200..=299, _)));
        let next = if succeeded {
            JobNext::Delivered
        } else {
            match rules::next_delay(number, deps.rng()) {
                Some(delay) => JobNext::RetryAt(micros(at + delay)),
                None => JobNext::Failed,
            }
        };
        let attempt = AttemptRecord {
            id: format!(
                "att_{}",
                palisade_core::id::new_ulid_text(deps.clock(), deps.rng())
            ),
            endpoint_id: job.endpoint_id.clone(),
            message_id: job.message_id.clone(),
            event_type: claimed.event_type.clone(),
            attempt: number,
            at,
            status_code,
            latency_ms,
            response,
            error,
            succeeded,
        };
        let mut failing = Draft::success(
            &job.workspace_id,
            Actor::System,
            "webhook.failing",
            Resource::new("webhook", &job.endpoint_id),
        );
        failing.outcome = Outcome::Failure;
        failing.reason = Some("retries_exhausted");
        let failing = self
            .inner
            .audit
            .entry(failing, &crate::audit::Origin::system());
        let finished = deps
            .store
            .finish_webhook_job(&job, &attempt, next, &failing)
            .await?;
        if finished.newly_failing {
            self.inner.audit.appended(&failing.log);
            self.tell_owners(&job, &finished.owner_emails, &finished.url)
                .await;
        }
        Ok(Some(succeeded))
    }

    /// Signs and posts the message: the status and the start of the body, or why there was
    /// no response (a stable code).
    async fn send(&self, claimed: &ClaimedJob) -> Result<(u16, String), &'static str> {
        let deps = &self.inner.deps;
        let secrets: Vec<SigningSecret> = claimed
            .secrets
            .iter()
            .filter_map(|s| {
                let row = secret_row(&claimed.job.endpoint_id, s.version);
                let opened = self
                    .inner
                    .sealer
                    .open(&row, row.as_bytes(), &s.sealed)
                    .ok()?;
                SigningSecret::from_bytes(secrecy::ExposeSecret::expose_secret(&opened).clone())
                    .ok()
            })
            .collect();
        if secrets.is_empty() {
            tracing::error!(endpoint = %claimed.job.endpoint_id, "no signing secret of the endpoint opens");
            return Err("no_signing_secret");
        }
        let refs: Vec<&SigningSecret> = secrets.iter().collect();
        let body = claimed.payload.as_bytes();
        let mut headers = sign(
            &refs,
            &claimed.job.message_id,
            deps.now().unix_timestamp(),
            body,
        )
        .pairs();
        if let Some(auth) = &claimed.auth {
            let value = self.auth_value(&claimed.job, auth).await?;
            headers.push((auth.header.clone(), value));
        }
        match self
            .inner
            .egress
            .post(&claimed.url, &headers, body.to_vec())
            .await
        {
            Ok(reply) => {
                let kept = &reply.body[..reply.body.len().min(RESPONSE_KEPT)];
                Ok((reply.status, String::from_utf8_lossy(kept).into_owned()))
            }
            Err(failure) => Err(failure.code()),
        }
    }

    /// The auth header's value: its prefix and the secret, decrypted now; the use is audited.
    async fn auth_value(&self, job: &DueJob, auth: &AuthHeader) -> Result<String, &'static str> {
        let deps = &self.inner.deps;
        let sealed = deps
            .store
            .webhook_auth_secret(job, &auth.secret, deps.now())
            .await
            .map_err(|_| "auth_secret_unavailable")?
            .ok_or("auth_secret_missing")?;
        let row = secret_row_of(&sealed.record.id, sealed.record.version);
        let plain = self
            .inner
            .vault
            .decrypt(&secret_binding(&job.workspace_id, &row), &sealed.ciphertext)
            .await
            .map_err(|_| "auth_secret_unavailable")?;
        let value = std::str::from_utf8(secrecy::ExposeSecret::expose_secret(&plain))
            .map_err(|_| "auth_secret_unavailable")?;
        let mut used = Draft::success(
            &job.workspace_id,
            Actor::System,
            "secret.used",
            Resource::new("secret", &auth.secret),
        );
        used.reason = Some("webhook.auth_header");
        self.inner
            .audit
            .record(used, &crate::audit::Origin::system());
        Ok(format!("{}{value}", auth.prefix))
    }

    async fn tell_owners(&self, job: &DueJob, owners: &[String], url: &str) {
        let subject = "A webhook endpoint is failing";
        // Ids and the URL on lines of their own: mail encoders may wrap long lines.
        let body = format!(
            "A webhook endpoint of workspace {} is failing: a message could not be delivered \
             after every retry (about 33 hours).\n\nEndpoint:\n{}\n\nURL:\n{url}\n\n\
             Later messages are still sent. See the endpoint's delivery log, fix the receiver, \
             then redeliver what it missed.\n",
            job.workspace_id, job.endpoint_id
        );
        for owner in owners {
            if let Err(err) = self.inner.mail.enqueue(owner, subject, &body).await {
                tracing::warn!(error = %err, "the failing-endpoint mail could not be queued");
            }
        }
    }
}
