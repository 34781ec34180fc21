//! Delivers due mail. Several nodes may run this at once: each message is leased to one of
//! them by a compare-and-swap on its attempt counter; a failed delivery backs off.

use super::{legacy_context, Mail, MailTransport};
use palisade_store::StoreError;
use secrecy::ExposeSecret;
use std::time::Duration as StdDuration;
use time::Duration;

const BATCH: i64 = 20;
const LEASE: Duration = Duration::minutes(2);
const POLL_EVERY: StdDuration = StdDuration::from_secs(1);
const MAX_BACKOFF: Duration = Duration::hours(1);

impl Mail {
    /// Delivers every message due now; returns how many were delivered.
    pub async fn deliver_due(&self, transport: &MailTransport) -> Result<usize, StoreError> {
        // Passes on one node do not overlap: a pass that starts while another runs waits for it,
        // so when it returns, every mail claimed before it started has been handed over.
        let _pass = self.inner.pass.lock().await;
        let deps = &self.inner.deps;
        let now = deps.now();
        let sealer = &self.inner.sealer;
        let mut delivered = 0;
        for mail in deps.store.due_mail(now, BATCH).await? {
            if !deps.store.claim_mail(&mail, now + LEASE).await? {
                continue;
            }
            let body = mail
                .sealed_body
                .as_deref()
                .and_then(|sealed| {
                    let row = mail.id.to_string();
                    sealer.open(&row, &legacy_context(mail.id), sealed).ok()
                })
                .and_then(|opened| String::from_utf8(opened.expose_secret().clone()).ok());
            let Some(body) = body else {
                tracing::error!(mail = %mail.id, "mail body cannot be unsealed; dropping it");
                deps.store.mail_sent(mail.id, now).await?;
                continue;
            };
            let from = &self.inner.config.from;
            match transport
                .send(
                    &mail.id.to_string(),
                    from,
                    &mail.recipient,
                    &mail.subject,
                    body,
                )
                .await
            {
                Ok(()) => {
                    deps.store.mail_sent(mail.id, now).await?;
                    delivered += 1;
                }
                Err(err) => {
                    let backoff = (Duration::seconds(30)
                        * 2i32.saturating_pow(mail.attempts.clamp(0, 16) as u32))
                    .min(MAX_BACKOFF);
                    tracing::warn!(mail = %mail.id, attempt = mail.attempts + 1, error = %err, "mail delivery failed");
                    deps.store
                        .mail_failed(mail.id, &err.to_string(), now + backoff)
                        .await?;
                }
            }
        }
        Ok(delivered)
    }

    /// Runs `deliver_due` every second until the task is dropped.
    pub async fn run(self, transport: MailTransport) {
        loop {
            if let Err(err) = self.deliver_due(&transport).await {
                tracing::warn!(error = %err, "mail worker pass failed");
            }
            tokio::time::sleep(POLL_EVERY).await;
        }
    }
}
