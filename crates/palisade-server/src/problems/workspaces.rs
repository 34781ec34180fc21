use crate::error::ApiError;
use crate::problem_code::ProblemCode;
use palisade_service::workspaces::WorkspaceError;

impl From<WorkspaceError> for ApiError {
    fn from(err: WorkspaceError) -> Self {
        let detail = sentence(&err.to_string());
        let code = match err {
            WorkspaceError::InvalidSlug => ProblemCode::InvalidSlug,
            WorkspaceError::ReservedSlug => ProblemCode::ReservedSlug,
            WorkspaceError::SlugTaken => ProblemCode::SlugTaken,
            WorkspaceError::InvalidName => ProblemCode::InvalidName,
            WorkspaceError::InvalidRole => ProblemCode::InvalidRole,
            WorkspaceError::InvalidRetention => {
                return ApiError::new(ProblemCode::InvalidRetention).with_detail(
                    "audit_retention_days is a whole number of days from 90 to 3650.",
                );
            }
            WorkspaceError::NothingToChange => ProblemCode::NothingToChange,
            WorkspaceError::InvalidEmail => ProblemCode::InvalidEmail,
            WorkspaceError::MemberNotFound
            | WorkspaceError::InvitationNotFound
            | WorkspaceError::KeyNotFound => ProblemCode::NotFound,
            WorkspaceError::LastOwner => ProblemCode::LastOwner,
            WorkspaceError::RoleAboveOwn | WorkspaceError::InviteAboveOwn => {
                ProblemCode::PermissionDenied
            }
            WorkspaceError::InvalidInvitation => ProblemCode::InvalidInvitation,
            WorkspaceError::AccountGone => {
                return palisade_service::auth::AuthError::InvalidAccessToken.into()
            }
            WorkspaceError::UnknownScope(_) | WorkspaceError::NoScopes => ProblemCode::InvalidScope,
            WorkspaceError::ScopeNotHeld(_) => ProblemCode::ScopeNotHeld,
            WorkspaceError::ExpiryInPast => {
                // Names a field: kept as the field is spelled.
                return ApiError::new(ProblemCode::InvalidExpiry)
                    .with_detail("expires_at must be in the future.");
            }
            WorkspaceError::StepUpRequired => return super::step_up_required(),
            WorkspaceError::MfaEnrollmentRequired => ProblemCode::MfaEnrollmentRequired,
            WorkspaceError::SupportGrantNotFound => ProblemCode::SupportGrantNotFound,
            WorkspaceError::InvalidSupportDuration => ProblemCode::InvalidSupportDuration,
            WorkspaceError::InvalidReason => ProblemCode::InvalidReason,
            WorkspaceError::SupportNeedsSession => ProblemCode::PermissionDenied,
            WorkspaceError::Store(store) => return store.into(),
            WorkspaceError::Internal(detail) => return ApiError::internal(detail),
        };
        ApiError::new(code).with_detail(detail)
    }
}

/// The service's message as a sentence: capitalised, with a full stop.
pub(super) fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    let mut text: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    if !text.ends_with('.') {
        text.push('.');
    }
    text
}
