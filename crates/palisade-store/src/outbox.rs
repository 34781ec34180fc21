//! The messages an audit event sends out, rendered as receivers get them. Every event of a
//! workspace log goes to audit streams as `audit.<action>`, with the whole chained event as
//! its data (the fields of `GET …/audit-events`, so a SIEM can check the chain); a few successful actions are also domain events
//! for ordinary webhooks. Both kinds take their id from the event's, so a message keeps its id
//! however often it is sent; an endpoint subscribes to one kind only, so ids never collide.

use crate::webhooks::OutboundMessage;
use palisade_core::audit::{ChainedEvent, Outcome, PLATFORM_LOG};
use serde_json::{json, Value};

/// The JSON body of a message.
pub fn render(id: &str, event_type: &str, at_micros: i64, data: Value) -> String {
    json!({
        "id": id,
        "type": event_type,
        "timestamp": rfc3339(at_micros),
        "data": data,
    })
    .to_string()
}

/// `2026-12-07T12:00:00.123456Z`; the Unix epoch for a time out of range.
pub fn rfc3339(at_micros: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(at_micros) * 1000)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".into())
}

/// `msg_` and the ULID of the event (or any `<prefix>_<ulid>` id).
pub fn message_id(source_id: &str) -> String {
    let ulid = source_id.split_once('_').map_or(source_id, |(_, u)| u);
    format!("msg_{ulid}")
}

/// The domain event an audited action is, if it is one.
fn domain_type(action: &str) -> Option<(&'static str, &'static str)> {
    match action {
        "api_key.created" => Some(("api_key.created", "api_key_id")),
        "api_key.revoked" => Some(("api_key.revoked", "api_key_id")),
        "invitation.accepted" => Some(("member.added", "user_id")),
        "member.removed" => Some(("member.removed", "user_id")),
        _ => None,
    }
}

/// The messages `event` sends: none for the platform log.
pub fn from_audit(event: &ChainedEvent) -> Vec<OutboundMessage> {
    let e = &event.entry;
    if e.log == PLATFORM_LOG {
        return Vec::new();
    }
    let id = message_id(&e.id.to_string());
    let audit_type = format!("audit.{}", e.action);
    let data = json!({
        "workspace_id": e.log,
        "id": e.id.to_string(),
        "sequence": event.seq,
        "occurred_at": rfc3339(e.at_micros),
        "actor": e.actor,
        "action": e.action,
        "resource_type": e.resource_type,
        "resource_id": e.resource_id,
        "outcome": e.outcome.as_str(),
        "reason": e.reason,
        "request_id": e.request_id,
        "ip": e.ip,
        "user_agent": e.user_agent,
        "prev_hash": event.prev_hash,
        "hash": event.hash,
    });
    let mut out = vec![OutboundMessage {
        payload: render(&id, &audit_type, e.at_micros, data),
        id: id.clone(),
        event_type: audit_type,
        at_micros: e.at_micros,
        position: event.seq,
    }];
    if let (Some((kind, key)), Outcome::Success) = (domain_type(&e.action), e.outcome) {
        let data = json!({
            "workspace_id": e.log,
            key: e.resource_id,
            "actor": e.actor,
        });
        out.push(OutboundMessage {
            payload: render(&id, kind, e.at_micros, data),
            id,
            event_type: kind.to_owned(),
            at_micros: e.at_micros,
            position: event.seq,
        });
    }
    out
}

/// The subscription that also matches `event_type`: its family's wildcard (`audit.*`).
pub fn wildcard_of(event_type: &str) -> String {
    let family = event_type.split('.').next().unwrap_or(event_type);
    format!("{family}.*")
}
