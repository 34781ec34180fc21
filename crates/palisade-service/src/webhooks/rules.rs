//! What an endpoint may subscribe to, and when a failed delivery is tried again.

use super::WebhookError;
use palisade_core::{Permission, SecureRng};
use time::Duration;

/// The domain events ordinary webhooks subscribe to.
pub const DOMAIN_EVENTS: &[&str] = &[
    "record.created",
    "record.updated",
    "record.deleted",
    "member.added",
    "member.removed",
    "api_key.created",
    "api_key.revoked",
];
/// Every audit event: what a SIEM stream subscribes to.
pub const ALL_AUDIT_EVENTS: &str = "audit.*";
pub const MAX_EVENTS: usize = 32;
pub const MAX_DESCRIPTION_CHARS: usize = 500;

/// The event list as stored (sorted, without repeats), and whether it makes an audit stream,
/// whose messages go out in order. An endpoint takes one kind: an audit stream or domain
/// events, so a message id names one message per endpoint.
pub fn parse_events(events: Vec<String>) -> Result<(Vec<String>, bool), WebhookError> {
    let mut events = events;
    events.sort();
    events.dedup();
    if events.is_empty() || events.len() > MAX_EVENTS {
        return Err(WebhookError::InvalidEvents(
            "list 1 to 32 event types".into(),
        ));
    }
    if let Some(unknown) = events.iter().find(|e| !is_event_type(e)) {
        return Err(WebhookError::InvalidEvents(format!(
            "`{}` is not an event type (record.created, record.updated, record.deleted, \
             member.added, member.removed, api_key.created, api_key.revoked, audit.* or \
             audit.<action>)",
            printable(unknown)
        )));
    }
    let audit = events.iter().filter(|e| e.starts_with("audit.")).count();
    if audit != 0 && audit != events.len() {
        return Err(WebhookError::InvalidEvents(
            "an endpoint takes either audit events (an audit stream) or domain events, not both"
                .into(),
        ));
    }
    Ok((events, audit != 0))
}

fn is_event_type(event: &str) -> bool {
    if DOMAIN_EVENTS.contains(&event) || event == ALL_AUDIT_EVENTS {
        return true;
    }
    event.strip_prefix("audit.").is_some_and(|action| {
        action.len() <= 100
            && action.contains('.')
            && action.split('.').all(|part| {
                !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
            })
    })
}

/// At most 60 characters of `text`, without control characters, for an error message.
fn printable(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).take(60).collect()
}

/// Headers an auth header may not be: the signature headers, and those that frame the request.
const RESERVED_HEADERS: &[&str] = &[
    "host",
    "content-length",
    "content-type",
    "user-agent",
    "transfer-encoding",
    "connection",
    "te",
    "trailer",
    "upgrade",
    "expect",
    "webhook-id",
    "webhook-timestamp",
    "webhook-signature",
    "palisade-signature",
];

/// An auth header's name (an HTTP token, not one we set ourselves), secret name and prefix.
pub fn check_auth(auth: &palisade_store::AuthHeader) -> Result<(), WebhookError> {
    let header_ok = !auth.header.is_empty()
        && auth.header.len() <= 64
        && auth
            .header
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
        && !RESERVED_HEADERS.contains(&auth.header.to_ascii_lowercase().as_str());
    let prefix_ok =
        auth.prefix.len() <= 64 && auth.prefix.bytes().all(|b| (b' '..=b'~').contains(&b));
    if !header_ok {
        return Err(WebhookError::InvalidAuth(
            "the auth header must be an HTTP header name of at most 64 characters, not one Palisade sets itself",
        ));
    }
    if !prefix_ok {
        return Err(WebhookError::InvalidAuth(
            "the auth header prefix is at most 64 printable ASCII characters",
        ));
    }
    if !crate::vault::is_secret_name(&auth.secret) {
        return Err(WebhookError::InvalidAuth(
            "the auth header names no secret of this workspace",
        ));
    }
    Ok(())
}

/// What a caller must hold, beyond `webhooks:manage`, to point an endpoint at a URL of their
/// choice: the permission that reads what its events carry, and `secrets:manage` to send a
/// secret's value along (else `webhooks:manage` alone would read them all).
pub fn permissions_needed(events: &[String], sends_secret: bool) -> Vec<Permission> {
    let mut needed: Vec<Permission> = events
        .iter()
        .map(|event| match event.split('.').next() {
            Some("record") => Permission::RecordsRead,
            Some("api_key") => Permission::KeysManage,
            Some("audit") => Permission::AuditRead,
            _ => Permission::WorkspaceRead,
        })
        .collect();
    if sends_secret {
        needed.push(Permission::SecretsManage);
    }
    needed.sort_by_key(|p| p.to_string());
    needed.dedup();
    needed
}

pub fn check_description(description: Option<&str>) -> Result<(), WebhookError> {
    match description {
        Some(d) if d.chars().count() > MAX_DESCRIPTION_CHARS || d.chars().any(char::is_control) => {
            Err(WebhookError::InvalidDescription)
        }
        _ => Ok(()),
    }
}

/// The wait after each failed attempt: about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h;
/// the attempt after the last of them is the final one.
pub const RETRY_DELAYS: [Duration; 7] = [
    Duration::seconds(5),
    Duration::minutes(5),
    Duration::minutes(30),
    Duration::hours(2),
    Duration::hours(5),
    Duration::hours(10),
    Duration::hours(10),
];

/// When to try again after failed attempt number `attempt` (from 1), with ±20 % jitter so
/// that endpoints failing together do not retry together; `None` when retries are spent.
pub fn next_delay(attempt: i64, rng: &dyn SecureRng) -> Option<Duration> {
    let index = usize::try_from(attempt.checked_sub(1)?).ok()?;
    let base = *RETRY_DELAYS.get(index)?;
    // A uniform factor in [0.8, 1.2).
    let spread = (rng.next_u128() % 4000) as f64 / 10_000.0;
    Some(base * (0.8 + spread))
}

#[cfg(test)]
mod tests {
    use super::*;
    use palisade_core::SeededRng;

    #[test]
    fn domain_and_audit_events_are_accepted_alone() {
        let (events, ordered) = parse_events(vec![
            "record.created".into(),
            "api_key.revoked".into(),
            "record.created".into(),
        ])
        .unwrap();
        assert_eq!(events, vec!["api_key.revoked", "record.created"]);
        assert!(!ordered);
        let (events, ordered) =
            parse_events(vec!["audit.*".into(), "audit.api_key.created".into()]).unwrap();
        assert_eq!(events.len(), 2);
        assert!(ordered);
    }

    #[test]
    fn receiving_events_needs_the_permission_that_reads_them() {
        let events = |list: &[&str]| list.iter().map(|e| (*e).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            permissions_needed(&events(&["record.created", "record.deleted"]), false),
            vec![Permission::RecordsRead]
        );
        assert_eq!(
            permissions_needed(&events(&["audit.*"]), true),
            vec![Permission::AuditRead, Permission::SecretsManage]
        );
        assert_eq!(
            permissions_needed(&events(&["member.added", "api_key.revoked"]), false),
            vec![Permission::KeysManage, Permission::WorkspaceRead]
        );
    }

    #[test]
    fn mixing_audit_and_domain_events_is_refused() {
        let mixed = parse_events(vec!["audit.*".into(), "record.created".into()]);
        assert!(matches!(mixed, Err(WebhookError::InvalidEvents(_))));
    }

    #[test]
    fn unknown_or_empty_event_lists_are_refused() {
        for events in [
            vec![],
            vec!["record.*".to_string()],
            vec!["audit.".into()],
            vec!["audit.X.y".into()],
        ] {
            assert!(matches!(
                parse_events(events),
                Err(WebhookError::InvalidEvents(_))
            ));
        }
    }

    #[test]
    fn retries_follow_the_schedule_within_the_jitter_and_then_stop() {
        let rng = SeededRng::new(9);
        for (attempt, base) in (1..).zip(RETRY_DELAYS) {
            let delay = next_delay(attempt, &rng).unwrap();
            assert!(
                delay >= base * 0.8 && delay < base * 1.2,
                "{attempt}: {delay}"
            );
        }
        assert_eq!(next_delay(8, &rng), None);
        assert_eq!(next_delay(0, &rng), None);
    }
}
