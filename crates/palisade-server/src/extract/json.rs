use crate::error::ApiError;
use crate::problem_code::ProblemCode;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// A JSON body. Unlike axum's, every rejection is a problem document with a stable code:
/// wrong content type → 415, malformed JSON → 400, wrong shape or unknown field → 422,
/// too large → 413. Request types deny unknown fields, so typos are errors, not ignored.
#[derive(Debug, Clone, Copy, Default)]
pub struct Json<T>(pub T);

impl<S, T> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(Json(value)),
            Err(rejection) => Err(reject(rejection)),
        }
    }
}

fn reject(rejection: JsonRejection) -> ApiError {
    match rejection {
        JsonRejection::MissingJsonContentType(_) => {
            ApiError::new(ProblemCode::UnsupportedMediaType)
                .with_detail("Send the body as JSON with `Content-Type: application/json`.")
        }
        JsonRejection::JsonSyntaxError(err) => {
            ApiError::new(ProblemCode::MalformedJson).with_detail(err.body_text())
        }
        JsonRejection::JsonDataError(err) => {
            ApiError::new(ProblemCode::InvalidBody).with_detail(err.body_text())
        }
        JsonRejection::BytesRejection(err) if err.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            ApiError::new(ProblemCode::PayloadTooLarge)
        }
        other => ApiError::for_status(other.status()).with_detail(other.body_text()),
    }
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}
