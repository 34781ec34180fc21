//! The messages services emit besides those the audit log sends (which the store renders):
//! record changes and test events. Bodies are built as text: a record's data is already
//! validated JSON and goes in as it is stored.

use palisade_core::{Clock, SecureRng};
use palisade_store::outbox::{render, rfc3339};
use palisade_store::{OutboundMessage, RecordRow, WorkspaceScope};
use serde_json::json;
use time::OffsetDateTime;

/// Unix microseconds, the precision messages and jobs are timed in.
pub fn micros(at: OffsetDateTime) -> i64 {
    i64::try_from(at.unix_timestamp_nanos() / 1000).unwrap_or(i64::MAX)
}

fn new_id(clock: &dyn Clock, rng: &dyn SecureRng) -> String {
    format!("msg_{}", palisade_core::id::new_ulid_text(clock, rng))
}

/// `webhook.test`, for one endpoint.
pub fn test_message(
    clock: &dyn Clock,
    rng: &dyn SecureRng,
    scope: &WorkspaceScope,
    endpoint: &str,
) -> OutboundMessage {
    let id = new_id(clock, rng);
    let at = micros(clock.now());
    let data = json!({ "workspace_id": scope.workspace_id().to_string(), "endpoint_id": endpoint });
    OutboundMessage {
        payload: render(&id, "webhook.test", at, data),
        id,
        event_type: "webhook.test".into(),
        at_micros: at,
        position: at,
    }
}

/// What happened to a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordChange {
    Created,
    Updated,
    Deleted,
}

impl RecordChange {
    fn event_type(self) -> &'static str {
        match self {
            RecordChange::Created => "record.created",
            RecordChange::Updated => "record.updated",
            RecordChange::Deleted => "record.deleted",
        }
    }
}

/// `record.created|updated|deleted`; a deletion carries no data.
pub fn record_message(
    clock: &dyn Clock,
    rng: &dyn SecureRng,
    scope: &WorkspaceScope,
    change: RecordChange,
    collection: &str,
    record: &str,
    written: Option<(&str, i64)>,
) -> OutboundMessage {
    let id = new_id(clock, rng);
    let at = micros(clock.now());
    let kind = change.event_type();
    let head = json!({
        "workspace_id": scope.workspace_id().to_string(),
        "collection": collection,
        "record_id": record,
        "actor": crate::audit::Actor::of(scope).text(),
    })
    .to_string();
    let data = match written {
        // `head` is an object: splice version and data in before its closing brace.
        Some((data, version)) => format!(
            "{},\"version\":{version},\"data\":{data}}}",
            head.trim_end_matches('}')
        ),
        None => head,
    };
    let payload = format!(
        "{{\"id\":{},\"type\":\"{kind}\",\"timestamp\":\"{}\",\"data\":{data}}}",
        json!(id),
        rfc3339(at)
    );
    OutboundMessage {
        payload,
        id,
        event_type: kind.into(),
        at_micros: at,
        position: at,
    }
}

/// The message for a record just written.
pub fn written(
    clock: &dyn Clock,
    rng: &dyn SecureRng,
    scope: &WorkspaceScope,
    change: RecordChange,
    row: &RecordRow,
) -> OutboundMessage {
    record_message(
        clock,
        rng,
        scope,
        change,
        &row.collection,
        &row.id.to_string(),
        Some((&row.data, row.version)),
    )
}
