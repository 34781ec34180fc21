//! Outgoing mail. Messages go into the outbox table (bodies sealed, because they carry
//! tokens) and a worker delivers them: over SMTP when `mail.smtp_url` is set, otherwise as
//! `.eml` files in `<data_dir>/mailbox/` for a developer to open.

mod transport;
pub mod worker;

pub use transport::{MailTransport, TransportError};

use crate::state::AppState;
use palisade_core::MailId;
use palisade_crypto::SealingKey;
use palisade_store::{MailRecord, StoreError};

pub(crate) const SEALING_PURPOSE: &str = "mail-bodies";

fn context(id: MailId) -> Vec<u8> {
    format!("mail:{id}").into_bytes()
}

/// Queues a plain-text message for delivery.
pub async fn enqueue(
    state: &AppState,
    recipient: &str,
    subject: &str,
    body: &str,
) -> Result<MailId, StoreError> {
    let id = MailId::generate(state.clock(), state.rng());
    let sealer = SealingKey::derive(state.master_key(), SEALING_PURPOSE);
    let now = state.clock().now();
    state
        .store()
        .enqueue_mail(&MailRecord {
            id,
            recipient: recipient.to_owned(),
            subject: subject.to_owned(),
            sealed_body: Some(sealer.seal(body.as_bytes(), &context(id), state.rng())),
            created_at: now,
            attempts: 0,
            next_attempt_at: now,
            sent_at: None,
        })
        .await?;
    Ok(id)
}
