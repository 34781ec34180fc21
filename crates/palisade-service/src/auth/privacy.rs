//! The account holder's privacy rights: a copy of everything held about the account, and
//! its erasure. Audit events outlive an erased account: they name it by its id alone, a
//! random value that nothing links to a person once the account's row is gone, so the
//! chains still verify and nobody can tell whose they were.

use super::{platform, Auth, AuthError, Caller};
use crate::audit::export::EventLine;
use crate::audit::{Actor, Origin, Resource};
use futures_util::Stream;
use palisade_core::audit::PLATFORM_LOG;
use palisade_store::{AccountErasure, AccountHoldings, LogPosition, Store, UserRecord};
use secrecy::SecretString;
use serde::Serialize;
use std::sync::Arc;
use time::OffsetDateTime;

/// Events read per page of an export.
const EVENTS_PER_PAGE: u32 = 500;

pub const ACCOUNT_EXPORT_FORMAT: &str = "palisade.account_export";

/// An account's export in progress: the document's opening is ready; its audit events are
/// read a page at a time while it streams.
#[derive(Debug)]
pub struct AccountExport {
    opening: String,
    actor: String,
    store: Arc<dyn Store>,
}

#[derive(Serialize)]
struct Opening<'a> {
    format: &'static str,
    version: u32,
    #[serde(with = "time::serde::rfc3339")]
    exported_at: OffsetDateTime,
    account: Account<'a>,
    sessions: Vec<Session>,
    memberships: Vec<Membership<'a>>,
    invitations_sent: Vec<Invitation<'a>>,
    api_keys: Vec<ApiKey<'a>>,
}

#[derive(Serialize)]
struct Account<'a> {
    id: String,
    email: &'a str,
    name: Option<&'a str>,
    #[serde(with = "time::serde::rfc3339")]
    created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    updated_at: OffsetDateTime,
    mfa_enabled: bool,
}

#[derive(Serialize)]
struct Session {
    id: String,
    #[serde(with = "time::serde::rfc3339")]
    created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    last_used_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    expires_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    revoked_at: Option<OffsetDateTime>,
    user_agent: Option<String>,
    ip: Option<String>,
}

#[derive(Serialize)]
struct Membership<'a> {
    workspace: &'a str,
    workspace_name: &'a str,
    role: &'a str,
    #[serde(with = "time::serde::rfc3339")]
    joined_at: OffsetDateTime,
}

#[derive(Serialize)]
struct Invitation<'a> {
    id: &'a str,
    workspace: &'a str,
    email: &'a str,
    role: &'a str,
    #[serde(with = "time::serde::rfc3339")]
    created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    expires_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    accepted_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    revoked_at: Option<OffsetDateTime>,
}

#[derive(Serialize)]
struct ApiKey<'a> {
    id: &'a str,
    workspace: &'a str,
    name: &'a str,
    scopes: Vec<&'a str>,
    #[serde(with = "time::serde::rfc3339")]
    created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    expires_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    last_used_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    revoked_at: Option<OffsetDateTime>,
}

fn opening(
    user: &UserRecord,
    mfa_enabled: bool,
    held: &AccountHoldings,
    now: OffsetDateTime,
) -> Result<String, AuthError> {
    let document = Opening {
        format: ACCOUNT_EXPORT_FORMAT,
        version: 1,
        exported_at: now,
        account: Account {
            id: user.id.to_string(),
            email: &user.email,
            name: user.name.as_deref(),
            created_at: user.created_at,
            updated_at: user.updated_at,
            mfa_enabled,
        },
        sessions: held
            .sessions
            .iter()
            .map(|s| Session {
                id: s.id.to_string(),
                created_at: s.created_at,
                last_used_at: s.last_used_at,
                expires_at: s.absolute_expires_at,
                revoked_at: s.revoked_at,
                user_agent: s.user_agent.clone(),
                ip: s.ip.clone(),
            })
            .collect(),
        memberships: held
            .memberships
            .iter()
            .map(|m| Membership {
                workspace: &m.workspace,
                workspace_name: &m.workspace_name,
                role: &m.role,
                joined_at: m.created_at,
            })
            .collect(),
        invitations_sent: held
            .invitations_sent
            .iter()
            .map(|i| Invitation {
                id: &i.id,
                workspace: &i.workspace,
                email: &i.email,
                role: &i.role,
                created_at: i.created_at,
                expires_at: i.expires_at,
                accepted_at: i.accepted_at,
                revoked_at: i.revoked_at,
            })
            .collect(),
        api_keys: held
            .api_keys
            .iter()
            .map(|k| ApiKey {
                id: &k.id,
                workspace: &k.workspace,
                name: &k.name,
                scopes: k.scopes.split_whitespace().collect(),
                created_at: k.created_at,
                expires_at: k.expires_at,
                last_used_at: k.last_used_at,
                revoked_at: k.revoked_at,
            })
            .collect(),
    };
    let mut text =
        serde_json::to_string(&document).map_err(|e| AuthError::Internal(e.to_string()))?;
    // The object stays open: the audit events follow as its last member.
    text.pop();
    text.push_str(",\"audit_events\":[");
    Ok(text)
}

enum Step {
    Opening,
    Events {
        after: Option<LogPosition>,
        first: bool,
    },
    Done,
}

impl AccountExport {
    /// The document, as text chunks: the opening, pages of events, the closing brackets.
    /// A failure part way ends the stream with the error (the document is then incomplete).
    pub fn into_stream(self) -> impl Stream<Item = Result<String, AuthError>> + Send + 'static {
        let AccountExport {
            opening,
            actor,
            store,
        } = self;
        futures_util::stream::unfold(Step::Opening, move |step| {
            let store = store.clone();
            let actor = actor.clone();
            let opening = opening.clone();
            async move {
                match step {
                    Step::Opening => Some((
                        Ok(opening),
                        Step::Events {
                            after: None,
                            first: true,
                        },
                    )),
                    Step::Events { after, first } => {
                        let page = store
                            .events_by_actor(&actor, after.as_ref(), EVENTS_PER_PAGE)
                            .await;
                        Some(match page {
                            Err(err) => (Err(AuthError::from(err)), Step::Done),
                            Ok(events) if events.is_empty() => (Ok("]}".to_owned()), Step::Done),
                            Ok(events) => events_text(&events, first),
                        })
                    }
                    Step::Done => None,
                }
            }
        })
    }
}

fn events_text(
    events: &[palisade_core::audit::ChainedEvent],
    first: bool,
) -> (Result<String, AuthError>, Step) {
    let mut text = String::new();
    for (n, event) in events.iter().enumerate() {
        if !(first && n == 0) {
            text.push(',');
        }
        match serde_json::to_string(&EventLine::from(event)) {
            Ok(line) => text.push_str(&line),
            Err(err) => return (Err(AuthError::Internal(err.to_string())), Step::Done),
        }
    }
    let after = events.last().map(|last| LogPosition {
        log: last.entry.log.clone(),
        seq: last.seq,
    });
    (
        Ok(text),
        Step::Events {
            after,
            first: false,
        },
    )
}

impl Auth {
    /// Everything held about the caller's account, as one JSON document.
    pub async fn export_account(
        &self,
        caller: &Caller,
        origin: &Origin,
    ) -> Result<AccountExport, AuthError> {
        let user = self.account(caller).await?;
        let mfa_enabled = self.mfa_status(caller).await?.enabled;
        let held = self.deps.store.account_holdings(user.id).await?;
        let opening = opening(&user, mfa_enabled, &held, self.deps.now())?;
        self.audit.record(
            platform(
                Actor::User(user.id),
                "account.exported",
                Resource::new("user", user.id),
            ),
            origin,
        );
        Ok(AccountExport {
            opening,
            actor: Actor::User(user.id).text(),
            store: self.deps.store.clone(),
        })
    }

    /// Erases the caller's account: the password again, and a current code (or recovery
    /// code) when MFA is enrolled. Refused, changing nothing, while the account is the only
    /// owner of a workspace.
    pub async fn delete_account(
        &self,
        caller: &Caller,
        password: SecretString,
        code: Option<&str>,
        origin: &Origin,
    ) -> Result<(), AuthError> {
        let user = caller.user();
        self.check_password_again(caller, password, "account.deleted", origin)
            .await?;
        if self.mfa_status(caller).await?.enabled {
            let code = code.ok_or(AuthError::InvalidMfaCode)?;
            self.check_second_factor(user, code, "account.deleted", origin)
                .await?;
        }
        let draft = || {
            platform(
                Actor::User(user),
                "account.deleted",
                Resource::new("user", user),
            )
        };
        let event = self.audit.entry(draft(), origin);
        match self.deps.store.erase_account(user, &event).await? {
            AccountErasure::Erased { sessions } => {
                self.audit.appended(PLATFORM_LOG);
                self.sessions.revoke(&sessions);
                // Its keys are gone from the store; a node must not answer from memory.
                self.api_keys.forget_all();
                Ok(())
            }
            AccountErasure::LastOwner(workspaces) => {
                self.audit.record(draft().denied("last_owner"), origin);
                Err(AuthError::LastOwner(workspaces))
            }
            AccountErasure::Unknown => Err(AuthError::InvalidAccessToken),
        }
    }
}
