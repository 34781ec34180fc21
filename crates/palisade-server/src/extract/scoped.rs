//! `Scoped<N>`: the caller is authenticated (a session, or a workspace API key), is a member
//! of the `{ws}` in the path (a key: belongs to it), and holds the permission `N` names (a key:
//! in its scopes too); only then does the handler get a `Grant<N>`: the witness that the
//! services' methods ask for, so a handler holding a read grant cannot call a write. A caller
//! who is not a member gets the same 403 whether the workspace exists or not.

use super::Authenticated;
use crate::error::ApiError;
use crate::problem_code::ProblemCode;
use crate::problems::forbidden;
use crate::state::AppState;
use axum::extract::{FromRequestParts, Path};
use axum::http::header;
use axum::http::request::Parts;
use palisade_core::{Granted, Permit};
use palisade_service::audit::Origin;
use palisade_store::{Grant, WorkspaceScope};
use std::collections::HashMap;

/// A caller granted permission `N` in the workspace of the path.
#[derive(Debug)]
pub struct Scoped<N: Permit> {
    pub grant: Grant<N>,
    /// Where the request came from, for the audit events the services record.
    pub origin: Origin,
}

/// A bearer credential that is an API key (`pal_…`) rather than an access token.
fn api_key(parts: &Parts) -> Option<&str> {
    let value = parts.headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && token.starts_with(palisade_crypto::api_key::PREFIX))
        .then_some(token)
}

async fn scope_for(
    parts: &mut Parts,
    state: &AppState,
    slug: &str,
    origin: &Origin,
) -> Result<WorkspaceScope, ApiError> {
    if let Some(key) = api_key(parts) {
        let auth = &state.platform().auth;
        return Ok(auth.authenticate_key(key, slug, origin).await?);
    }
    let caller = Authenticated::from_request_parts(parts, state).await?;
    let auth = &state.platform().auth;
    auth.authorize(&caller.caller(), slug, origin)
        .await?
        .ok_or_else(forbidden)
}

impl<N: Permit> FromRequestParts<AppState> for Scoped<N> {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Path(params) = Path::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map_err(|_| forbidden())?;
        let slug = params.get("ws").ok_or_else(forbidden)?.clone();
        let origin = crate::extract::origin_of(parts);
        let scope = scope_for(parts, state, &slug, &origin).await?;
        match Granted::check(scope) {
            Ok(grant) => Ok(Self { grant, origin }),
            Err(scope) => {
                state
                    .platform()
                    .audit
                    .permission_denied(&scope, N::PERMISSION, &origin);
                let who = if scope.key_id().is_some() {
                    "This API key"
                } else {
                    "Your role"
                };
                Err(ApiError::new(ProblemCode::PermissionDenied)
                    .with_detail(format!("{who} lacks {}.", N::PERMISSION)))
            }
        }
    }
}
