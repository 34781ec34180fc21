//! Step-up: sensitive actions (removing MFA, keys that can make keys or change settings,
//! deleting a workspace, granting support access) need a session that proved a second factor
//! in the last ten minutes, when the account has MFA. API keys act without a person present:
//! they have no second factor to prove, and are bounded by their scopes instead.

use super::mfa::STEP_UP_WINDOW;
use crate::deps::Deps;
use palisade_core::{SessionId, UserId};
use palisade_store::{StoreError, WorkspaceScope};

/// Why a sensitive action was refused.
#[derive(Debug, thiserror::Error)]
pub enum StepUpError {
    #[error("this action needs a second factor proved in the last ten minutes")]
    Required,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// `Ok` when `user` has no MFA, or `session` is theirs and proved it within the window.
pub(crate) async fn require_recent_mfa(
    deps: &Deps,
    user: UserId,
    session: Option<SessionId>,
) -> Result<(), StepUpError> {
    let mfa_enabled = deps
        .store
        .account_status(user)
        .await?
        .is_some_and(|status| status.mfa_enabled);
    if !mfa_enabled {
        return Ok(());
    }
    let Some(session) = session else {
        return Err(StepUpError::Required);
    };
    let record = deps.store.session(session).await?;
    let now = deps.now();
    match record {
        Some(record)
            if record.user_id == user
                && record
                    .mfa_at
                    .is_some_and(|at| at <= now && now - at <= STEP_UP_WINDOW) =>
        {
            Ok(())
        }
        _ => Err(StepUpError::Required),
    }
}

/// The same, for a workspace caller: a key passes, a member's session is checked.
pub(crate) async fn require_for_scope(
    deps: &Deps,
    scope: &WorkspaceScope,
) -> Result<(), StepUpError> {
    if scope.key_id().is_some() {
        return Ok(());
    }
    require_recent_mfa(deps, scope.actor(), scope.session()).await
}
