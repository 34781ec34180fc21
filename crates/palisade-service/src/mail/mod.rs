//! Outgoing mail. Messages go into the outbox table (bodies sealed, because they carry
//! tokens) and a worker delivers them: over SMTP when `mail.smtp_url` is set, otherwise as
//! `.eml` files in `<data_dir>/mailbox/` for a developer to open.

mod transport;
mod worker;

pub use transport::{MailTransport, TransportError};

use crate::deps::Deps;
use crate::vault::{Sealer, Vault, VaultError};
use palisade_core::MailId;
use palisade_crypto::{MasterKey, SealingKey};
use palisade_store::{MailRecord, StoreError};
use secrecy::SecretString;
use std::sync::Arc;

const SEALING_PURPOSE: &str = "mail-bodies";

/// Validated `[mail]` settings.
#[derive(Debug, Clone)]
pub struct MailConfig {
    /// `smtp://` or `smtps://`, may carry credentials; `None` writes `.eml` files instead.
    pub smtp_url: Option<SecretString>,
    pub from: String,
}

/// The mail service: queueing, and delivery passes. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Mail {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    deps: Deps,
    sealer: Sealer,
    config: MailConfig,
    /// One delivery pass at a time on this node (see `deliver_due`).
    pass: tokio::sync::Mutex<()>,
}

/// How bodies were bound before the vault (queued ones still open).
fn legacy_context(id: MailId) -> Vec<u8> {
    format!("mail:{id}").into_bytes()
}

impl Mail {
    pub(crate) async fn new(
        deps: Deps,
        root: &MasterKey,
        vault: &Vault,
        config: MailConfig,
    ) -> Result<Self, VaultError> {
        let sealer = vault
            .platform_sealer(
                "mail_outbox",
                "sealed_body",
                SealingKey::derive(root, SEALING_PURPOSE),
            )
            .await?;
        Ok(Self {
            inner: Arc::new(Inner {
                deps,
                sealer,
                config,
                pass: tokio::sync::Mutex::new(()),
            }),
        })
    }

    pub fn config(&self) -> &MailConfig {
        &self.inner.config
    }

    /// Queues a plain-text message for delivery.
    pub async fn enqueue(
        &self,
        recipient: &str,
        subject: &str,
        body: &str,
    ) -> Result<MailId, StoreError> {
        let deps = &self.inner.deps;
        let id = MailId::generate(deps.clock(), deps.rng());
        let now = deps.now();
        let sealed = self
            .inner
            .sealer
            .seal(&id.to_string(), body.as_bytes(), deps.rng());
        deps.store
            .enqueue_mail(&MailRecord {
                id,
                recipient: recipient.to_owned(),
                subject: subject.to_owned(),
                sealed_body: Some(sealed),
                created_at: now,
                attempts: 0,
                next_attempt_at: now,
                sent_at: None,
            })
            .await?;
        Ok(id)
    }
}
