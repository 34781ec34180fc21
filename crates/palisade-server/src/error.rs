//! One error type for the HTTP layer. Handlers return `ApiError`; the problem middleware
//! renders it as RFC 9457 `application/problem+json` with the request id added.

use crate::problem_code::ProblemCode;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use palisade_store::StoreError;
use serde::Serialize;
use std::fmt;
use utoipa::ToSchema;

pub const PROBLEM_CONTENT_TYPE: &str = "application/problem+json";

/// An RFC 9457 problem document. `code` is stable: clients may branch on it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the problem type: `urn:palisade:problem:<code>`.
    #[serde(rename = "type")]
    #[schema(example = "urn:palisade:problem:not_found")]
    pub problem_type: String,
    pub title: String,
    pub status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[schema(example = "not_found")]
    pub code: String,
    /// The `X-Request-Id` of the failed request, to quote to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// For validation failures: each place in the document that failed, and why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldProblem>,
}

/// One failing place in a submitted document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct FieldProblem {
    /// A JSON Pointer (RFC 6901) into the submitted document; empty for the whole document.
    #[schema(example = "/title")]
    pub pointer: String,
    pub detail: String,
}

/// An error on its way to becoming a problem response.
#[derive(Clone)]
pub struct ApiError {
    code: ProblemCode,
    detail: Option<String>,
    /// For the log only; never sent to the client.
    internal: Option<Box<str>>,
    headers: Vec<(axum::http::HeaderName, HeaderValue)>,
    // Boxed: rare, and keeps `Result<_, ApiError>` small.
    errors: Option<Box<[FieldProblem]>>,
}

impl fmt::Debug for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiError")
            .field("code", &self.code)
            .field("detail", &self.detail)
            .finish_non_exhaustive()
    }
}

impl ApiError {
    pub fn new(code: ProblemCode) -> Self {
        Self {
            code,
            detail: None,
            internal: None,
            headers: Vec::new(),
            errors: None,
        }
    }

    /// Lists the places in the submitted document that failed validation.
    pub fn with_errors(mut self, errors: Vec<FieldProblem>) -> Self {
        self.errors = Some(errors.into_boxed_slice());
        self
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    pub fn with_retry_after(self, secs: u64) -> Self {
        self.with_header(axum::http::header::RETRY_AFTER, HeaderValue::from(secs))
    }

    pub fn with_header(mut self, name: axum::http::HeaderName, value: HeaderValue) -> Self {
        self.headers.push((name, value));
        self
    }

    /// A failure that is ours, not the client's: details go to the log, not the body.
    pub fn internal(err: impl fmt::Display) -> Self {
        let mut error = Self::new(ProblemCode::InternalError);
        error.detail = Some(
            "The server failed to handle this request; quote the request id to support.".into(),
        );
        error.internal = Some(err.to_string().into_boxed_str());
        error
    }

    pub fn not_found() -> Self {
        Self::new(ProblemCode::NotFound)
    }

    pub fn method_not_allowed() -> Self {
        Self::new(ProblemCode::MethodNotAllowed)
    }

    pub fn payload_too_large(limit: usize) -> Self {
        Self::new(ProblemCode::PayloadTooLarge)
            .with_detail(format!("The request body may be at most {limit} bytes."))
    }

    pub fn request_timeout() -> Self {
        Self::new(ProblemCode::RequestTimeout).with_detail("The request took too long to complete.")
    }

    /// The generic problem for an error status produced outside our handlers.
    pub fn for_status(status: StatusCode) -> Self {
        Self::new(ProblemCode::for_status(status))
    }

    pub fn status(&self) -> StatusCode {
        self.code.status()
    }

    pub fn code(&self) -> ProblemCode {
        self.code
    }

    pub(crate) fn internal_detail(&self) -> Option<&str> {
        self.internal.as_deref()
    }

    pub(crate) fn into_problem(self, request_id: Option<String>) -> Problem {
        Problem {
            problem_type: format!("urn:palisade:problem:{}", self.code.as_str()),
            title: self.code.title().to_owned(),
            status: self.code.status().as_u16(),
            detail: self.detail,
            code: self.code.as_str().to_owned(),
            request_id,
            errors: self.errors.map(Vec::from).unwrap_or_default(),
        }
    }
}

/// A store failure: an outage is ours and passing (503, try again), anything else is ours
/// alone (500, the cause kept for the log).
impl From<StoreError> for ApiError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::Unavailable(_) => {
                let mut error = Self::new(ProblemCode::DatabaseUnavailable)
                    .with_detail("The database is not answering; try again shortly.")
                    .with_retry_after(DATABASE_RETRY_AFTER_SECS);
                error.internal = Some(err.to_string().into_boxed_str());
                error
            }
            other => Self::internal(other),
        }
    }
}

/// What a client is told to wait when the database does not answer.
pub const DATABASE_RETRY_AFTER_SECS: u64 = 5;

impl IntoResponse for ApiError {
    /// The body is written by the problem middleware, which knows the request id.
    fn into_response(self) -> Response {
        let mut response = self.code.status().into_response();
        for (name, value) in &self.headers {
            response.headers_mut().append(name.clone(), value.clone());
        }
        response.extensions_mut().insert(self);
        response
    }
}
