//! Building events: who did what to which thing, from where, and how it ended.

use palisade_core::audit::{AuditEntry, Outcome};
use palisade_core::{AuditEventId, Clock, SecureRng, UserId};
use palisade_store::WorkspaceScope;

/// Where a request came from, as the HTTP layer saw it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    pub request_id: Option<String>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

impl Origin {
    /// Work the platform does on its own (upkeep, retention, operator commands).
    pub fn system() -> Self {
        Self::default()
    }
}

/// Who acted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    User(UserId),
    ApiKey(String),
    System,
    Anonymous,
}

impl Actor {
    /// The actor a workspace scope acts as: its API key, or its member.
    pub fn of(scope: &WorkspaceScope) -> Self {
        match scope.key_id() {
            Some(key) => Actor::ApiKey(key.to_owned()),
            None => Actor::User(scope.actor()),
        }
    }

    pub fn text(&self) -> String {
        match self {
            Actor::User(id) => format!("user:{id}"),
            Actor::ApiKey(id) => format!("key:{id}"),
            Actor::System => "system".into(),
            Actor::Anonymous => "anonymous".into(),
        }
    }
}

/// What an event is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    pub kind: &'static str,
    pub id: Option<String>,
}

impl Resource {
    pub fn new(kind: &'static str, id: impl ToString) -> Self {
        Self {
            kind,
            id: Some(id.to_string()),
        }
    }

    pub fn kind(kind: &'static str) -> Self {
        Self { kind, id: None }
    }
}

/// The longest value kept of each free-text field; the store refuses longer ones.
const MAX_REQUEST_ID: usize = 200;
const MAX_USER_AGENT: usize = 512;
const MAX_RESOURCE_ID: usize = 300;

/// At most `max` bytes (on a character boundary); an empty value is no value, so every
/// export format can tell the two apart.
fn capped(value: Option<String>, max: usize) -> Option<String> {
    let mut value = value.filter(|v| !v.is_empty())?;
    while value.len() > max {
        value.pop();
    }
    Some(value)
}

/// The fields of one event, before the service stamps it with an id and a time.
#[derive(Debug, Clone)]
pub struct Draft {
    pub log: String,
    pub actor: Actor,
    pub action: &'static str,
    pub resource: Resource,
    pub outcome: Outcome,
    pub reason: Option<&'static str>,
}

/// An event of work done without a request (operator commands, start-up), stamped with the
/// given clock and randomness; for callers that run without the audit service.
pub fn system_entry(draft: Draft, clock: &dyn Clock, rng: &dyn SecureRng) -> AuditEntry {
    let at_micros = super::reading::micros(clock.now());
    draft.stamp(
        AuditEventId::generate(clock, rng),
        at_micros,
        &Origin::system(),
        None,
    )
}

impl Draft {
    pub fn success(log: &str, actor: Actor, action: &'static str, resource: Resource) -> Self {
        Self {
            log: log.to_owned(),
            actor,
            action,
            resource,
            outcome: Outcome::Success,
            reason: None,
        }
    }

    pub fn denied(mut self, reason: &'static str) -> Self {
        self.outcome = Outcome::Denied;
        self.reason = Some(reason);
        self
    }

    pub fn because(mut self, reason: &'static str) -> Self {
        self.reason = Some(reason);
        self
    }

    pub(super) fn stamp(
        self,
        id: AuditEventId,
        at_micros: i64,
        origin: &Origin,
        ip: Option<String>,
    ) -> AuditEntry {
        AuditEntry {
            id,
            log: self.log,
            at_micros,
            actor: self.actor.text(),
            action: self.action.to_owned(),
            resource_type: self.resource.kind.to_owned(),
            resource_id: capped(self.resource.id, MAX_RESOURCE_ID),
            outcome: self.outcome,
            reason: self.reason.map(str::to_owned),
            request_id: capped(origin.request_id.clone(), MAX_REQUEST_ID),
            ip,
            user_agent: capped(origin.user_agent.clone(), MAX_USER_AGENT),
        }
    }
}
