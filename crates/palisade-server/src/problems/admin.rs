use super::workspaces::sentence;
use crate::error::ApiError;
use crate::problem_code::ProblemCode;
use palisade_service::admin::AdminError;

impl From<AdminError> for ApiError {
    fn from(err: AdminError) -> Self {
        let detail = sentence(&err.to_string());
        let code = match err {
            AdminError::NoSuchAccount => ProblemCode::AccountNotFound,
            AdminError::NoSuchWorkspace => ProblemCode::WorkspaceNotFound,
            AdminError::NotBlocked => ProblemCode::IpBlockNotFound,
            AdminError::InvalidAddress => ProblemCode::InvalidIpAddress,
            AdminError::OwnAccount => ProblemCode::CannotSuspendSelf,
            AdminError::Store(store) => return store.into(),
        };
        ApiError::new(code).with_detail(detail)
    }
}
