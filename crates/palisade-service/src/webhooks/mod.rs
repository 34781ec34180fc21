//! Outbound webhooks and audit streams. An endpoint subscribes a URL to domain events or to
//! the audit log; every message is signed twice (Standard Webhooks and Stripe-style) with the
//! endpoint's secrets, which are sealed under the platform's data key. URLs pass the egress
//! guard when they are set and again at every delivery.

mod dispatch;
pub mod messages;
pub mod rules;

use crate::audit::{Actor, Audit, Draft, Origin, Resource};
use crate::deps::Deps;
use crate::mail::Mail;
use crate::vault::{Sealer, Vault};
use palisade_core::grant::ManageWebhooks;
use palisade_crypto::webhook::SigningSecret;
use palisade_egress::{Egress, Refusal};
use palisade_store::{
    AttemptRecord, AuthHeader, EndpointRecord, EndpointSecret, Grant, StoreError, WorkspaceScope,
};
use secrecy::SecretString;
use std::sync::Arc;
use time::{Duration, OffsetDateTime};

/// How long a replaced secret keeps signing, so receivers can switch without losing messages.
pub const ROTATION_OVERLAP: Duration = Duration::hours(24);
/// The most attempts the delivery log shows at once.
pub const MAX_ATTEMPTS_LISTED: u32 = 200;

#[derive(Debug, thiserror::Error)]
pub enum WebhookError {
    #[error("the URL is refused: {0}")]
    UnsafeUrl(#[from] Refusal),
    #[error("{0}")]
    InvalidEvents(String),
    #[error("a description is at most 500 characters, without control characters")]
    InvalidDescription,
    #[error("no webhook endpoint with this id")]
    NotFound,
    #[error("no message with this id was sent to this endpoint")]
    MessageNotFound,
    #[error("the endpoint is being changed by another request; try again")]
    Busy,
    #[error("{0}")]
    InvalidAuth(&'static str),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A new endpoint and its signing secret, which is shown this once.
pub struct CreatedEndpoint {
    pub endpoint: EndpointRecord,
    pub secret: SecretString,
}

impl std::fmt::Debug for CreatedEndpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreatedEndpoint")
            .field("endpoint", &self.endpoint)
            .field("secret", &"[REDACTED]")
            .finish()
    }
}

/// Changes to an endpoint; what is `None` stays.
#[derive(Debug, Default)]
pub struct EndpointChanges {
    pub url: Option<String>,
    pub events: Option<Vec<String>>,
    pub description: Option<Option<String>>,
    pub auth: Option<Option<AuthHeader>>,
}

/// The webhook service. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Webhooks {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    deps: Deps,
    egress: Egress,
    sealer: Sealer,
    vault: Arc<Vault>,
    audit: Audit,
    mail: Mail,
    /// One delivery pass at a time on this node (see `deliver_due`).
    pass: tokio::sync::Mutex<()>,
}

fn draft(scope: &WorkspaceScope, action: &'static str, id: &str) -> Draft {
    Draft::success(
        &scope.workspace_id().to_string(),
        Actor::of(scope),
        action,
        Resource::new("webhook", id),
    )
}

/// The row a secret version is sealed for.
fn secret_row(endpoint: &str, version: i64) -> String {
    format!("{endpoint}:{version}")
}

impl Webhooks {
    pub(crate) fn new(
        deps: Deps,
        egress: Egress,
        sealer: Sealer,
        vault: Arc<Vault>,
        audit: Audit,
        mail: Mail,
    ) -> Self {
        Self {
            inner: Arc::new(Inner {
                deps,
                egress,
                sealer,
                vault,
                audit,
                mail,
                pass: tokio::sync::Mutex::new(()),
            }),
        }
    }

    fn seal(
        &self,
        endpoint: &str,
        version: i64,
        secret: &SigningSecret,
        now: OffsetDateTime,
    ) -> EndpointSecret {
        let deps = &self.inner.deps;
        EndpointSecret {
            version,
            sealed: self.inner.sealer.seal(
                &secret_row(endpoint, version),
                secret.expose_bytes(),
                deps.rng(),
            ),
            created_at: now,
            expires_at: None,
        }
    }

    /// Subscribes `url` to `events`; returns the endpoint and its secret (shown once).
    pub async fn create(
        &self,
        grant: &Grant<ManageWebhooks>,
        url: &str,
        events: Vec<String>,
        description: Option<String>,
        auth: Option<AuthHeader>,
        origin: &Origin,
    ) -> Result<CreatedEndpoint, WebhookError> {
        let (events, ordered) = rules::parse_events(events)?;
        rules::check_description(description.as_deref())?;
        self.check_auth(grant, auth.as_ref()).await?;
        let vetted = self.inner.egress.vet(url).await?;
        let deps = &self.inner.deps;
        let now = deps.now();
        let id = format!(
            "whk_{}",
            palisade_core::id::new_ulid_text(deps.clock(), deps.rng())
        );
        let endpoint = EndpointRecord {
            id: id.clone(),
            url: vetted.url.to_string(),
            description,
            events,
            ordered,
            failing_since: None,
            created_at: now,
            updated_at: now,
            secret_version: 1,
            auth,
        };
        let secret = SigningSecret::generate(deps.rng());
        let sealed = self.seal(&id, 1, &secret, now);
        let event = self
            .inner
            .audit
            .entry(draft(grant.scope(), "webhook.created", &id), origin);
        deps.store
            .create_webhook(grant, &endpoint, &sealed, &event)
            .await?;
        self.inner.audit.appended(&event.log);
        Ok(CreatedEndpoint {
            endpoint,
            secret: secret.reveal(),
        })
    }

    /// The auth header is well formed and names a secret the workspace holds.
    async fn check_auth(
        &self,
        grant: &Grant<ManageWebhooks>,
        auth: Option<&AuthHeader>,
    ) -> Result<(), WebhookError> {
        let Some(auth) = auth else {
            return Ok(());
        };
        rules::check_auth(auth)?;
        if self
            .inner
            .deps
            .store
            .secret(grant.scope(), &auth.secret)
            .await?
            .is_none()
        {
            return Err(WebhookError::InvalidAuth(
                "the auth header names no secret of this workspace",
            ));
        }
        Ok(())
    }

    pub async fn list(
        &self,
        grant: &Grant<ManageWebhooks>,
    ) -> Result<Vec<EndpointRecord>, WebhookError> {
        Ok(self.inner.deps.store.webhooks(grant).await?)
    }

    pub async fn get(
        &self,
        grant: &Grant<ManageWebhooks>,
        id: &str,
    ) -> Result<EndpointRecord, WebhookError> {
        self.inner
            .deps
            .store
            .webhook(grant, id)
            .await?
            .ok_or(WebhookError::NotFound)
    }

    pub async fn update(
        &self,
        grant: &Grant<ManageWebhooks>,
        id: &str,
        changes: EndpointChanges,
        origin: &Origin,
    ) -> Result<EndpointRecord, WebhookError> {
        let mut endpoint = self.get(grant, id).await?;
        if let Some(events) = changes.events {
            (endpoint.events, endpoint.ordered) = rules::parse_events(events)?;
        }
        if let Some(description) = changes.description {
            rules::check_description(description.as_deref())?;
            endpoint.description = description;
        }
        if let Some(auth) = changes.auth {
            self.check_auth(grant, auth.as_ref()).await?;
            endpoint.auth = auth;
        }
        if let Some(url) = changes.url {
            endpoint.url = self.inner.egress.vet(&url).await?.url.to_string();
        }
        endpoint.updated_at = self.inner.deps.now();
        let event = self
            .inner
            .audit
            .entry(draft(grant.scope(), "webhook.updated", id), origin);
        if !self
            .inner
            .deps
            .store
            .update_webhook(grant, &endpoint, &event)
            .await?
        {
            return Err(WebhookError::NotFound);
        }
        self.inner.audit.appended(&event.log);
        Ok(endpoint)
    }

    pub async fn delete(
        &self,
        grant: &Grant<ManageWebhooks>,
        id: &str,
        origin: &Origin,
    ) -> Result<(), WebhookError> {
        let event = self
            .inner
            .audit
            .entry(draft(grant.scope(), "webhook.deleted", id), origin);
        if !self
            .inner
            .deps
            .store
            .delete_webhook(grant, id, &event)
            .await?
        {
            return Err(WebhookError::NotFound);
        }
        self.inner.audit.appended(&event.log);
        Ok(())
    }

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
        let version = self.get(grant, id).await?.secret_version + 1;
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
}
