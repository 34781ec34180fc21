//! Outbound webhooks and audit streams. An endpoint subscribes a URL to domain events or to
//! the audit log; every message is signed twice (Standard Webhooks and Stripe-style) with the
//! endpoint's secrets, which are sealed under the platform's data key. URLs pass the egress
//! guard when they are set and again at every delivery.

mod dispatch;
pub mod messages;
mod operations;
pub mod rules;

use crate::audit::{Actor, Audit, Draft, Origin, Resource};
use crate::deps::Deps;
use crate::mail::Mail;
use crate::vault::{Sealer, Vault};
use palisade_core::grant::ManageWebhooks;
use palisade_crypto::webhook::SigningSecret;
use palisade_egress::{Egress, Refusal};
use palisade_store::{
    AuthHeader, EndpointRecord, EndpointSecret, Grant, StoreError, WorkspaceScope,
};
use secrecy::SecretString;
use std::sync::Arc;
use time::{Duration, OffsetDateTime};

/// How long a replaced secret keeps signing, so receivers can switch without losing messages.
pub const ROTATION_OVERLAP: Duration = Duration::hours(24);
/// Endpoints whose last audited auth-secret use this node remembers.
const AUDITED_ENDPOINTS: std::num::NonZeroUsize = match std::num::NonZeroUsize::new(10_000) {
    Some(n) => n,
    None => std::num::NonZeroUsize::MIN,
};
/// Endpoints a workspace may have.
pub const MAX_ENDPOINTS: i64 = 20;
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
    #[error("receiving these events, or sending a secret, needs {0}")]
    Needs(palisade_core::Permission),
    #[error("a workspace has at most 20 webhook endpoints")]
    LimitReached,
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
    /// When each endpoint's auth secret use was last audited (bounded).
    auth_audited: std::sync::Mutex<lru::LruCache<String, OffsetDateTime>>,
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
                auth_audited: std::sync::Mutex::new(lru::LruCache::new(AUDITED_ENDPOINTS)),
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
        self.check_reach(grant, &events, auth.is_some(), origin)?;
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
        if !deps
            .store
            .create_webhook(grant, &endpoint, &sealed, MAX_ENDPOINTS, &event)
            .await?
        {
            return Err(WebhookError::LimitReached);
        }
        self.inner.audit.appended(&event.log);
        Ok(CreatedEndpoint {
            endpoint,
            secret: secret.reveal(),
        })
    }

    /// The caller holds what the endpoint would carry off (see `rules::permissions_needed`).
    pub(super) fn check_reach(
        &self,
        grant: &Grant<ManageWebhooks>,
        events: &[String],
        sends_secret: bool,
        origin: &Origin,
    ) -> Result<(), WebhookError> {
        let scope = grant.scope();
        for permission in rules::permissions_needed(events, sends_secret) {
            if !scope.allows(permission) {
                self.inner
                    .audit
                    .permission_denied(scope, permission, origin);
                return Err(WebhookError::Needs(permission));
            }
        }
        Ok(())
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
        let before = self.get(grant, id).await?;
        let mut endpoint = before.clone();
        if let Some(events) = changes.events {
            (endpoint.events, endpoint.ordered) = rules::parse_events(events)?;
        }
        // Whoever changes an endpoint must hold what it carries, before and after: its queued
        // messages (and its secret) would otherwise follow a new URL to a reader who may not
        // read them. Checked before anything else about the change is looked at.
        let mut carried = before.events.clone();
        carried.extend(endpoint.events.iter().cloned());
        let sends_secret = before.auth.is_some() || matches!(changes.auth, Some(Some(_)));
        self.check_reach(grant, &carried, sends_secret, origin)?;
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_of_a_new_endpoint_masks_its_secret() {
        let at = OffsetDateTime::UNIX_EPOCH;
        let created = CreatedEndpoint {
            endpoint: EndpointRecord {
                id: "whk_1".into(),
                url: "https://hooks.example/in".into(),
                description: None,
                events: vec!["record.created".into()],
                ordered: false,
                failing_since: None,
                created_at: at,
                updated_at: at,
                secret_version: 1,
                auth: None,
            },
            secret: SecretString::from("whsec_c2VjcmV0LWJ5dGVzLW5ldmVyLXNob3du"),
        };
        let printed = format!("{created:?}");
        assert!(
            printed.contains("[REDACTED]") && printed.contains("whk_1"),
            "{printed}"
        );
        assert!(!printed.contains("whsec_"), "{printed}");
    }
}
