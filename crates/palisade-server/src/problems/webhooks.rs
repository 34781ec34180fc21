use super::workspaces::sentence;
use crate::error::ApiError;
use crate::problem_code::ProblemCode;
use palisade_service::webhooks::WebhookError;

impl From<WebhookError> for ApiError {
    fn from(err: WebhookError) -> Self {
        // A refusal names its rule and the address range, never the URL it was given.
        let detail = sentence(&err.to_string());
        let code = match err {
            WebhookError::Store(store) => return store.into(),
            WebhookError::UnsafeUrl(_) => ProblemCode::InvalidWebhookUrl,
            WebhookError::InvalidEvents(_) => ProblemCode::InvalidWebhookEvents,
            WebhookError::InvalidDescription => ProblemCode::InvalidDescription,
            WebhookError::NotFound => ProblemCode::WebhookNotFound,
            WebhookError::MessageNotFound => ProblemCode::WebhookMessageNotFound,
            WebhookError::Busy => ProblemCode::WriteConflict,
            WebhookError::InvalidAuth(_) => ProblemCode::InvalidWebhookAuth,
            WebhookError::Needs(_) => ProblemCode::PermissionDenied,
            WebhookError::LimitReached => ProblemCode::WebhookLimitReached,
        };
        ApiError::new(code).with_detail(detail)
    }
}
