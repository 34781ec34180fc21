//! Delivering due messages. Any node may run passes at once: a job is leased to one worker by
//! compare-and-swap on its attempt count, and a lease that outlives its worker (a crash
//! mid-delivery) lapses, so the message is sent again: delivery is at least once.

use super::{messages::micros, rules, secret_row, Webhooks};
use crate::audit::{Actor, Draft, Resource};
use futures_util::stream::FuturesUnordered;
use futures_util::StreamExt;
use palisade_core::audit::Outcome;
use palisade_crypto::webhook::{sign, SigningSecret};
use palisade_store::{AttemptRecord, AuthHeader, ClaimedJob, DueJob, JobNext, StoreError};
use std::collections::{HashMap, HashSet};
use std::time::{Duration as StdDuration, Instant};
use time::Duration;

/// Jobs found per query.
const BATCH: u32 = 64;
/// Deliveries in flight at once on one node.
const CONCURRENCY: usize = 16;
/// Deliveries in flight at once to one endpoint from one node: a slow receiver holds a few
/// slots, never all of them.
const PER_ENDPOINT: u32 = 4;
/// Attempts per pass at most, so a pass always ends (and yields to the next one).
const MAX_PER_PASS: usize = 5000;
/// Long enough for the 10-second delivery timeout and the bookkeeping after it.
const LEASE: Duration = Duration::seconds(60);
/// Bytes of a response body kept in the delivery log.
const RESPONSE_KEPT: usize = 1024;
/// How often one endpoint's use of its auth secret is audited at most: each delivery would
/// otherwise feed an audit stream one more event to deliver, forever.
const AUTH_AUDIT_EVERY: Duration = Duration::hours(1);

impl Webhooks {
    /// Delivers every message due now; returns how many were delivered. Deliveries run
    /// side by side (at most 16, 4 to one endpoint); as each ends, what became due is looked
    /// for (the next message of an audit stream). Passes on one node do not overlap: when
    /// this returns, every job claimed before it started is finished.
    pub async fn deliver_due(&self) -> Result<usize, StoreError> {
        let _pass = self.inner.pass.lock().await;
        let store = &self.inner.deps.store;
        let mut in_flight = FuturesUnordered::new();
        let mut busy: HashMap<String, u32> = HashMap::new();
        // Jobs pushed but perhaps not yet leased: a query may offer them again meanwhile.
        let mut running: HashSet<(String, String)> = HashSet::new();
        let (mut delivered, mut started) = (0, 0);
        let mut failed = None;
        // Each turn looks for due work (if there is room), then waits for one delivery to end:
        // the turn after it may find what its end made due. A failed query stops the looking,
        // not the deliveries under way: the pass still waits for them.
        loop {
            if failed.is_none() && in_flight.len() < CONCURRENCY && started < MAX_PER_PASS {
                let now = micros(self.inner.deps.now());
                match store.due_webhook_jobs(now, PER_ENDPOINT, BATCH).await {
                    Err(err) => failed = Some(err),
                    Ok(due) => {
                        for job in due {
                            let key = (job.endpoint_id.clone(), job.message_id.clone());
                            let taken = busy.entry(job.endpoint_id.clone()).or_default();
                            if in_flight.len() >= CONCURRENCY
                                || started >= MAX_PER_PASS
                                || *taken >= PER_ENDPOINT
                                || running.contains(&key)
                            {
                                continue;
                            }
                            *taken += 1;
                            started += 1;
                            running.insert(key.clone());
                            // A task of its own: an attempt holds a database connection at
                            // times, and must go on while this loop waits for the next query.
                            let this = self.clone();
                            let attempt = tokio::spawn(async move { this.attempt(job, now).await });
                            in_flight.push(async move { (key, attempt.await) });
                        }
                    }
                }
            }
            let Some((key, outcome)) = in_flight.next().await else {
                break;
            };
            if let Some(taken) = busy.get_mut(&key.0) {
                *taken = taken.saturating_sub(1);
            }
            running.remove(&key);
            match outcome {
                Ok(Ok(Some(true))) => delivered += 1,
                Ok(Ok(_)) => {}
                Ok(Err(err)) => tracing::warn!(error = %err, "a webhook job could not be finished"),
                Err(err) => tracing::error!(error = %err, "a webhook delivery task failed"),
            }
        }
        if let Some(err) = failed {
            return Err(err);
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
            .finish_webhook_job(&job, claimed.lease_until_micros, &attempt, next, &failing)
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
        let mut credential = None;
        if let Some(auth) = &claimed.auth {
            let (header_value, bare) = self.auth_value(&claimed.job, auth).await?;
            headers.push((auth.header.clone(), header_value.clone()));
            credential = Some((header_value, bare));
        }
        match self
            .inner
            .egress
            .post(&claimed.url, &headers, body.to_vec())
            .await
        {
            Ok(reply) => {
                let mut text = String::from_utf8_lossy(&reply.body).into_owned();
                // A receiver that echoes the request (httpbin-like) must not put the vault
                // secret into the delivery log: redacted in the whole reply, then cut.
                if let Some((header, value)) = credential {
                    for shown in [header, value] {
                        if !shown.is_empty() {
                            text = text.replace(&shown, "[REDACTED]");
                        }
                    }
                }
                let mut cut = text.len().min(RESPONSE_KEPT);
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                text.truncate(cut);
                Ok((reply.status, text))
            }
            Err(failure) => Err(failure.code()),
        }
    }

    /// The auth header's value: its prefix and the secret, decrypted now; the use is audited.
    /// The header value (prefix and secret) and the bare secret.
    async fn auth_value(
        &self,
        job: &DueJob,
        auth: &AuthHeader,
    ) -> Result<(String, String), &'static str> {
        let deps = &self.inner.deps;
        let sealed = deps
            .store
            .webhook_auth_secret(job, &auth.secret, deps.now())
            .await
            .map_err(|_| "auth_secret_unavailable")?
            .ok_or("auth_secret_missing")?;
        let value = self
            .inner
            .vault
            .open_secret(&job.workspace_id, &sealed)
            .await
            .map_err(|_| "auth_secret_unavailable")?;
        let value = secrecy::ExposeSecret::expose_secret(&value);
        if self.auth_use_is_news(job, &auth.secret, deps.now()) {
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
        }
        Ok((format!("{}{value}", auth.prefix), value.to_owned()))
    }

    /// Whether this endpoint's use of this auth secret has not been audited within the hour
    /// (on this node); notes it as audited now.
    fn auth_use_is_news(&self, job: &DueJob, secret: &str, now: time::OffsetDateTime) -> bool {
        let key = format!("{}/{secret}", job.endpoint_id);
        let mut audited = self
            .inner
            .auth_audited
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if audited
            .get(&key)
            .is_some_and(|at| now - *at < AUTH_AUDIT_EVERY)
        {
            return false;
        }
        audited.put(key, now);
        true
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
