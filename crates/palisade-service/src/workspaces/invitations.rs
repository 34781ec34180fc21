//! Invitations: a member with `members:manage` invites an e-mail to a role (never above their
//! own); the invitee signs in with that e-mail and presents the mailed token to join.

use super::WorkspaceError;
use crate::auth::Caller;
use crate::deps::Deps;
use crate::mail::Mail;
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
}

impl Invitations {
    pub(crate) fn new(deps: Deps, mail: Mail) -> Self {
        Self { deps, mail }
    }

    /// Records an invitation and mails its token to the invitee.
    pub async fn create(
        &self,
        grant: &Grant<ManageMembers>,
        email: &str,
        role: &str,
    ) -> Result<InvitationRecord, WorkspaceError> {
        let email = Email::parse(email).map_err(|_| WorkspaceError::InvalidEmail)?;
        let role: Role = role.parse().map_err(|_| WorkspaceError::InvalidRole)?;
        let scope = grant.scope();
        if !scope.role().may_assign(role) {
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
        self.deps.store.create_invitation(grant, &record).await?;
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
    ) -> Result<(), WorkspaceError> {
        let revoked = self
            .deps
            .store
            .revoke_invitation(grant, id, self.deps.now())
            .await?;
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
    ) -> Result<(String, Role), WorkspaceError> {
        let user = self.deps.store.user_by_id(caller.user()).await?;
        let user = user.ok_or(WorkspaceError::AccountGone)?;
        let digest = TokenDigest::of(token.expose_secret());
        let outcome = self
            .deps
            .store
            .accept_invitation(digest.as_str(), caller.user(), &user.email, self.deps.now())
            .await?;
        match outcome {
            Acceptance::Joined { slug, role } => Ok((slug, role)),
            Acceptance::Invalid => Err(WorkspaceError::InvalidInvitation),
        }
    }
}
