//! The privacy rights of an account holder and a workspace's owners: a copy of what is held,
//! and erasure.

use super::cookies;
use crate::error::ApiError;
use crate::extract::{Authenticated, Credential, Json, RequestOrigin, Scoped};
use crate::state::AppState;
use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use palisade_core::grant::ExportWorkspace;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use utoipa::ToSchema;

/// Everything held about the signed-in account (profile, sessions, memberships, invitations
/// sent, API keys created, audit events it is the actor of), as one JSON document, streamed.
#[utoipa::path(get, path = "/v1/me/export", tag = "me",
    responses((status = 200, description = "The account's data (`format`: `palisade.account_export`)",
        content_type = "application/json", body = Object)))]
pub async fn export_me(
    State(state): State<AppState>,
    caller: Authenticated,
    RequestOrigin(origin): RequestOrigin,
) -> Result<Response, ApiError> {
    let export = state
        .platform()
        .auth
        .export_account(&caller.caller(), &origin)
        .await?;
    let body = Body::from_stream(export.into_stream().map(|chunk| {
        chunk.map_err(|err| {
            tracing::error!(error = %err, "account export failed part way");
            std::io::Error::other("the export could not be read")
        })
    }));
    Ok(attachment(
        body,
        "application/json",
        "attachment; filename=\"account.json\"",
    ))
}

pub(super) fn attachment(
    body: Body,
    content_type: &'static str,
    disposition: &'static str,
) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static(disposition),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeleteAccountRequest {
    #[schema(schema_with = super::fields::current_password)]
    pub current_password: SecretString,
    /// A current TOTP code or an unused recovery code: required when MFA is enrolled.
    #[serde(default)]
    #[schema(schema_with = super::fields::mfa_code)]
    pub code: Option<SecretString>,
}

/// Delete the signed-in account, its sessions, memberships and the API keys it created.
/// Refused while it is the only owner of a workspace. Audit events stay, naming the account
/// only by its id.
#[utoipa::path(delete, path = "/v1/me", tag = "me", request_body = DeleteAccountRequest,
    responses((status = 204, description = "Deleted")))]
pub async fn delete_me(
    State(state): State<AppState>,
    caller: Authenticated,
    RequestOrigin(origin): RequestOrigin,
    Json(body): Json<DeleteAccountRequest>,
) -> Result<Response, ApiError> {
    state
        .platform()
        .auth
        .delete_account(
            &caller.caller(),
            body.current_password,
            body.code.as_ref().map(|c| c.expose_secret()),
            &origin,
        )
        .await?;
    let mut headers = HeaderMap::new();
    if caller.via == Credential::Cookie {
        cookies::clear(&mut headers);
    }
    Ok((StatusCode::NO_CONTENT, headers).into_response())
}

/// Every collection, schema and record of the workspace, and its secrets by name only, as a
/// tar archive of JSON files and JSON Lines with a `manifest.json` (`workspace:export`,
/// owners; a recent second factor when the account has MFA).
#[utoipa::path(get, path = "/v1/workspaces/{ws}/export", tag = "workspaces",
    params(("ws" = String, Path, description = "Workspace slug")),
    responses((status = 200, description = "A tar archive (`manifest.json` last)",
        content_type = "application/x-tar")))]
pub async fn export_workspace(
    State(state): State<AppState>,
    access: Scoped<ExportWorkspace>,
    RequestOrigin(origin): RequestOrigin,
) -> Result<Response, ApiError> {
    let export = state
        .platform()
        .workspaces
        .export(&access.grant, &origin)
        .await?;
    let body = Body::from_stream(export.into_stream().map(|chunk| {
        chunk.map_err(|err| {
            tracing::error!(error = %err, "workspace export failed part way");
            std::io::Error::other("the export could not be read")
        })
    }));
    Ok(attachment(
        body,
        "application/x-tar",
        "attachment; filename=\"workspace.tar\"",
    ))
}
