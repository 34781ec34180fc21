//! `Scoped<N>`: the caller is authenticated (a session, or a workspace API key), is a member
//! of the `{ws}` in the path (a key: belongs to it), and holds the permission `N` names (a key:
//! in its scopes too); only then does the handler get a `Grant<N>`: the witness that the
//! services' methods ask for, so a handler holding a read grant cannot call a write. A caller
//! who is not a member gets the same 403 whether the workspace exists or not.

use super::Authenticated;
use crate::error::ApiError;
use crate::middleware::rate_limit;
use crate::problem_code::ProblemCode;
use crate::problems::forbidden;
use crate::state::AppState;
use axum::extract::{FromRequestParts, Path};
use axum::http::header;
use axum::http::request::Parts;
use palisade_core::{Granted, Permit};
use palisade_service::audit::Origin;
use palisade_service::limits::Subject;
use palisade_store::{Grant, WorkspaceScope};
use std::collections::HashMap;

/// A caller granted permission `N` in the workspace of the path.
#[derive(Debug)]
pub struct Scoped<N: Permit> {
    pub grant: Grant<N>,
    /// Where the request came from, for the audit events the services record.
    pub origin: Origin,
}

/// The caller's scope, found by a layer that had to know it before the handler (idempotency);
/// the extractor takes it instead of authorizing twice.
#[derive(Debug, Clone)]
pub(crate) struct ResolvedScope(pub WorkspaceScope);

/// A bearer credential that is an API key (`pal_…`) rather than an access token.
fn api_key(parts: &Parts) -> Option<&str> {
    let value = parts.headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && token.starts_with(palisade_crypto::api_key::PREFIX))
        .then_some(token)
}

/// The caller's scope in workspace `slug`, with the request's budget spent: by the API key or
/// session once verified (in the workspace, when a member), else by the client's address.
pub(crate) async fn scope_for(
    parts: &mut Parts,
    state: &AppState,
    slug: &str,
    origin: &Origin,
) -> Result<WorkspaceScope, ApiError> {
    let auth = &state.platform().auth;
    if let Some(key) = api_key(parts) {
        return match auth.authenticate_key(key, slug, origin).await {
            Ok(scope) => {
                let id = scope.key_id().unwrap_or_default();
                rate_limit::spend(parts, state, Subject::ApiKey(id), Some(&scope), origin).await?;
                Ok(scope)
            }
            Err(refusal) => Err(rate_limit::spend_failed(parts, state, refusal.into()).await),
        };
    }
    let caller = match Authenticated::verify(parts, state).await {
        Ok(caller) => caller,
        Err(error) => return Err(rate_limit::spend_failed(parts, state, error).await),
    };
    let scope = auth.authorize(&caller.caller(), slug, origin).await?;
    rate_limit::spend(parts, state, caller.subject(), scope.as_ref(), origin).await?;
    scope.ok_or_else(forbidden)
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
        let scope = match parts.extensions.remove::<ResolvedScope>() {
            Some(ResolvedScope(scope)) => scope,
            None => scope_for(parts, state, &slug, &origin).await?,
        };
        match Granted::check(scope) {
            Ok(grant) => {
                // A platform admin under support access: every request is in the workspace's log.
                state
                    .platform()
                    .audit
                    .support_read(grant.scope(), N::PERMISSION, &origin);
                Ok(Self { grant, origin })
            }
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
