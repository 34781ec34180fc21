//! Operating an endpoint: rotating its secret, test messages, the delivery log, redelivery.

use super::{draft, messages, WebhookError, Webhooks, MAX_ATTEMPTS_LISTED, ROTATION_OVERLAP};
use crate::audit::Origin;
use palisade_core::grant::ManageWebhooks;
use palisade_crypto::webhook::SigningSecret;
use palisade_store::{AttemptRecord, Grant, StoreError};

/// How long a delivered (or abandoned) job is kept, for redelivery by hand.
const JOBS_KEPT: time::Duration = time::Duration::days(7);
/// How long the delivery log keeps an attempt.
const ATTEMPTS_KEPT: time::Duration = time::Duration::days(30);
use secrecy::SecretString;
use time::OffsetDateTime;

impl Webhooks {
    /// A new signing secret (shown once); the ones before it keep signing for 24 hours.
    pub async fn rotate_secret(
        &self,
        grant: &Grant<ManageWebhooks>,
        id: &str,
        origin: &Origin,
    ) -> Result<(SecretString, OffsetDateTime), WebhookError> {
        let deps = &self.inner.deps;
        let now = deps.now();
        let retire_at = now + ROTATION_OVERLAP;
        let secret = SigningSecret::generate(deps.rng());
        // Sealed for the version after the newest: a concurrent rotation that took it first
        // makes this one fail rather than overwrite it.
        let endpoint = self.get(grant, id).await?;
        // The signing key lets its holder sign as Palisade to this receiver: only for those
        // who may read what the endpoint carries.
        self.check_reach(grant, &endpoint.events, endpoint.auth.is_some(), origin)?;
        let version = endpoint.secret_version + 1;
        let sealed = self.seal(id, version, &secret, now);
        let event = self
            .inner
            .audit
            .entry(draft(grant.scope(), "webhook.secret_rotated", id), origin);
        if !deps
            .store
            .rotate_webhook_secret(grant, id, &sealed, retire_at, &event)
            .await?
        {
            return Err(WebhookError::Busy);
        }
        self.inner.audit.appended(&event.log);
        Ok((secret.reveal(), retire_at))
    }

    /// Queues a `webhook.test` message for the endpoint; returns its id.
    pub async fn send_test(
        &self,
        grant: &Grant<ManageWebhooks>,
        id: &str,
    ) -> Result<String, WebhookError> {
        let deps = &self.inner.deps;
        let message = messages::test_message(deps.clock(), deps.rng(), grant.scope(), id);
        if !deps
            .store
            .enqueue_webhook_message(grant, id, &message)
            .await?
        {
            return Err(WebhookError::NotFound);
        }
        Ok(message.id)
    }

    /// The endpoint's latest delivery attempts, newest first.
    pub async fn deliveries(
        &self,
        grant: &Grant<ManageWebhooks>,
        id: &str,
        limit: u32,
    ) -> Result<Vec<AttemptRecord>, WebhookError> {
        self.get(grant, id).await?;
        let limit = limit.clamp(1, MAX_ATTEMPTS_LISTED);
        Ok(self
            .inner
            .deps
            .store
            .webhook_attempts(grant, id, limit)
            .await?)
    }

    /// Sends a message to the endpoint again, now.
    pub async fn redeliver(
        &self,
        grant: &Grant<ManageWebhooks>,
        id: &str,
        message_id: &str,
        origin: &Origin,
    ) -> Result<(), WebhookError> {
        self.get(grant, id).await?;
        let now = messages::micros(self.inner.deps.now());
        if !self
            .inner
            .deps
            .store
            .redeliver_webhook_message(grant, id, message_id, now)
            .await?
        {
            return Err(WebhookError::MessageNotFound);
        }
        self.inner
            .audit
            .record(draft(grant.scope(), "webhook.redelivered", id), origin);
        Ok(())
    }

    /// Forgets what is done with: finished jobs after a week, delivery-log entries after 30
    /// days (audit retention keeps what matters longer), secrets whose overlap has ended.
    pub async fn sweep(&self) -> Result<u64, StoreError> {
        let deps = &self.inner.deps;
        let now = deps.now();
        let mut gone = 0;
        for (workspace, _) in deps.store.audit_retention().await? {
            gone += deps
                .store
                .sweep_webhooks(
                    &workspace,
                    messages::micros(now - JOBS_KEPT),
                    now - ATTEMPTS_KEPT,
                    now,
                )
                .await?;
        }
        Ok(gone)
    }
}
