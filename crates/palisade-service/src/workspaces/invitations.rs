//! Invitations: a member with `members:manage` invites an e-mail to a role (never above their
//! own); the invitee signs in with that e-mail and presents the mailed token to join.

use super::WorkspaceError;
use crate::audit::{Actor, Audit, Draft, Origin, Resource};
use crate::auth::Caller;
use crate::deps::Deps;
use crate::mail::Mail;
use palisade_core::audit::PLATFORM_LOG;
use palisade_core::grant::ManageMembers;
use palisade_core::{Email, Role};
use palisade_crypto::{OpaqueToken, TokenDigest};
use palisade_store::{Acceptance, Grant, InvitationRecord};
use secrecy::{ExposeSecret, SecretString};
use time::Duration;

pub const INVITATION_TOKEN_PREFIX: &str = "palinv_";
const INVITATION_TTL: Duration = Duration::days(7);

#[derive(Debug)]
pub struct Invitations {
    deps: Deps,
    mail: Mail,
    audit: Audit,
}

impl Invitations {
    pub(crate) fn new(deps: Deps, mail: Mail, audit: Audit) -> Self {
        Self { deps, mail, audit }
    }

    /// Records an invitation and mails its token to the invitee.
    pub async fn create(
        &self,
        grant: &Grant<ManageMembers>,
        email: &str,
        role: &str,
        origin: &Origin,
    ) -> Result<InvitationRecord, WorkspaceError> {
        let email = Email::parse(email).map_err(|_| WorkspaceError::InvalidEmail)?;
        let role: Role = role.parse().map_err(|_| WorkspaceError::InvalidRole)?;
        let scope = grant.scope();
        let log = scope.workspace_id().to_string();
        if !scope.role().may_assign(role) {
            self.audit.record(
                Draft::success(
                    &log,
                    Actor::of(scope),
                    "invitation.created",
                    Resource::kind("invitation"),
                )
                .denied("role_above_own"),
                origin,
            );
            return Err(WorkspaceError::InviteAboveOwn);
        }
        let token = OpaqueToken::generate(INVITATION_TOKEN_PREFIX, self.deps.rng());
        let now = self.deps.now();
        let id = palisade_core::id::new_ulid_text(self.deps.clock(), self.deps.rng());
        let record = InvitationRecord {
            id: format!("inv_{id}"),
            email: email.to_string(),
            role,
            digest: token.digest().as_str().to_owned(),
            invited_by: scope.actor(),
            created_at: now,
            expires_at: now + INVITATION_TTL,
        };
        let event = self.audit.entry(
            Draft::success(
                &log,
                Actor::of(scope),
                "invitation.created",
                Resource::new("invitation", &record.id),
            )
            .because(role.as_str()),
            origin,
        );
        self.deps
            .store
            .create_invitation(grant, &record, &event)
            .await?;
        self.audit.appended(&log);
        let body = format!(
            "You are invited to join the workspace {} as {role}.\n\n\
             Sign in (or sign up) with this e-mail address, then send this token to POST /v1/invitations/accept\n\
             within 7 days:\n\n{}\n",
            scope.slug(),
            token.expose(),
        );
        self.mail
            .enqueue(
                email.as_str(),
                "You are invited to a Palisade workspace",
                &body,
            )
            .await?;
        Ok(record)
    }

    /// Invitations neither accepted, revoked nor expired.
    pub async fn open(
        &self,
        grant: &Grant<ManageMembers>,
    ) -> Result<Vec<InvitationRecord>, WorkspaceError> {
        let now = self.deps.now();
        let open = self.deps.store.open_invitations(grant.scope()).await?;
        Ok(open.into_iter().filter(|i| i.expires_at > now).collect())
    }

    pub async fn revoke(
        &self,
        grant: &Grant<ManageMembers>,
        id: &str,
        origin: &Origin,
    ) -> Result<(), WorkspaceError> {
        let scope = grant.scope();
        let event = self.audit.entry(
            Draft::success(
                &scope.workspace_id().to_string(),
                Actor::of(scope),
                "invitation.revoked",
                Resource::new("invitation", id),
            ),
            origin,
        );
        let revoked = self
            .deps
            .store
            .revoke_invitation(grant, id, self.deps.now(), &event)
            .await?;
        self.audit.appended(&event.log);
        revoked
            .then_some(())
            .ok_or(WorkspaceError::InvitationNotFound)
    }

    /// Joins the invitation's workspace, if it is addressed to the caller's e-mail. Returns
    /// the workspace slug and the role joined with.
    pub async fn accept(
        &self,
        caller: &Caller,
        token: &SecretString,
        origin: &Origin,
    ) -> Result<(String, Role), WorkspaceError> {
        let user = self.deps.store.user_by_id(caller.user()).await?;
        let user = user.ok_or(WorkspaceError::AccountGone)?;
        let digest = TokenDigest::of(token.expose_secret());
        // The store files it in the invitation's workspace, which only it can look up.
        let event = self.audit.entry(
            Draft::success(
                PLATFORM_LOG,
                Actor::User(caller.user()),
                "invitation.accepted",
                Resource::new("user", caller.user()),
            ),
            origin,
        );
        let outcome = self
            .deps
            .store
            .accept_invitation(
                digest.as_str(),
                caller.user(),
                &user.email,
                self.deps.now(),
                &event,
            )
            .await?;
        match outcome {
            Acceptance::Joined { slug, role } => {
                // The event went to the workspace's log: sign it at the next checkpoint.
                if let Some(log) = self.deps.store.audit_log_of(&slug).await? {
                    self.audit.appended(&log);
                }
                Ok((slug, role))
            }
            Acceptance::Invalid => {
                self.audit.record(
                    Draft::success(
                        PLATFORM_LOG,
                        Actor::User(caller.user()),
                        "invitation.accepted",
                        Resource::new("user", caller.user()),
                    )
                    .denied("invalid_invitation"),
                    origin,
                );
                Err(WorkspaceError::InvalidInvitation)
            }
        }
    }
}
