use palisade_core::Permission;
use palisade_store::{Conflict, StoreError};

/// Why a workspace, membership, invitation or API key operation was refused.
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error("a slug is 3–40 characters a-z, 0-9 and -, not starting or ending with -")]
    InvalidSlug,
    #[error("this slug is reserved")]
    ReservedSlug,
    #[error("another workspace uses this slug")]
    SlugTaken,
    #[error("a name is 1–100 characters, no control characters, not only white space")]
    InvalidName,
    #[error("audit_retention_days is a whole number of days from 90 to 3650")]
    InvalidRetention,
    #[error("send at least one of `name`, `audit_retention_days`, `settings.require_mfa`")]
    NothingToChange,
    #[error("the role is one of owner, admin, member, viewer")]
    InvalidRole,
    #[error("not a valid e-mail address")]
    InvalidEmail,
    #[error("no such member")]
    MemberNotFound,
    #[error("a workspace keeps at least one owner; make someone else owner first")]
    LastOwner,
    /// Granting or removing a role above one's own (or owner, by a non-owner).
    #[error(
        "nobody grants or removes a role above their own, and only owners grant or remove owner"
    )]
    RoleAboveOwn,
    #[error("nobody invites to a role above their own, and only owners invite owners")]
    InviteAboveOwn,
    #[error("no such pending invitation")]
    InvitationNotFound,
    #[error("the invitation is unknown, used, revoked, expired or addressed to another e-mail")]
    InvalidInvitation,
    #[error("the signed-in account no longer exists")]
    AccountGone,
    #[error("no such key")]
    KeyNotFound,
    #[error("`{0}` is not a permission")]
    UnknownScope(String),
    #[error("a key needs at least one scope")]
    NoScopes,
    #[error("a key cannot hold {0}, which its creator lacks")]
    ScopeNotHeld(Permission),
    #[error("expires_at must be in the future")]
    ExpiryInPast,
    #[error("this action needs a second factor proved in the last ten minutes")]
    StepUpRequired,
    #[error("enrol in MFA yourself before requiring it of every member")]
    MfaEnrollmentRequired,
    #[error("no such support grant in force")]
    SupportGrantNotFound,
    #[error("duration_hours is a whole number of hours from 1 to 72")]
    InvalidSupportDuration,
    #[error("a reason is 1–500 characters, no control characters")]
    InvalidReason,
    #[error("support access is granted by a signed-in owner, not an API key")]
    SupportNeedsSession,
    #[error(transparent)]
    Store(StoreError),
    #[error("{0}")]
    Internal(String),
}

impl From<crate::auth::StepUpError> for WorkspaceError {
    fn from(err: crate::auth::StepUpError) -> Self {
        match err {
            crate::auth::StepUpError::Required => WorkspaceError::StepUpRequired,
            crate::auth::StepUpError::Store(err) => WorkspaceError::Store(err),
        }
    }
}

impl From<StoreError> for WorkspaceError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::Conflict(Conflict::Slug) => WorkspaceError::SlugTaken,
            other => WorkspaceError::Store(other),
        }
    }
}
