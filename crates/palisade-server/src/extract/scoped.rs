//! `Scoped<N>`: the caller is authenticated (a session, or a workspace API key), is a member
//! of the `{ws}` in the path (a key: belongs to it), and holds the permission `N` names (a key:
//! in its scopes too); only then does the handler get a `WorkspaceScope`. A caller who is not
//! a member gets the same 403 whether the workspace exists or not.

use super::Authenticated;
use crate::auth::api_keys::{self, KeyRefusal};
use crate::auth::AuthError;
use crate::error::ApiError;
use crate::problem_code::ProblemCode;
use crate::state::AppState;
use axum::extract::{FromRequestParts, Path};
use axum::http::header;
use axum::http::request::Parts;
use palisade_core::Permission;
use palisade_store::WorkspaceScope;
use std::collections::HashMap;
use std::marker::PhantomData;

/// Names the permission a route needs.
pub trait Need: Send + Sync + 'static {
    const PERMISSION: Permission;
}

macro_rules! needs {
    ($($name:ident => $permission:ident),* $(,)?) => {
        $(
            #[derive(Debug)]
            pub struct $name;
            impl Need for $name {
                const PERMISSION: Permission = Permission::$permission;
            }
        )*
    };
}

needs! {
    ReadWorkspace => WorkspaceRead,
    AdministerSettings => SettingsAdmin,
    ManageMembers => MembersManage,
    ManageKeys => KeysManage,
    DeleteWorkspace => WorkspaceDelete,
    ReadRecords => RecordsRead,
    WriteRecords => RecordsWrite,
    ManageCollections => CollectionsManage,
}

#[derive(Debug)]
pub struct Scoped<N: Need> {
    pub scope: WorkspaceScope,
    need: PhantomData<N>,
}

/// The one answer for "not yours": existence is never revealed.
pub fn forbidden() -> ApiError {
    ApiError::new(ProblemCode::WorkspaceForbidden)
        .with_detail("You do not have access to this workspace.")
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
) -> Result<WorkspaceScope, ApiError> {
    if let Some(key) = api_key(parts) {
        return api_keys::authenticate(state, key, slug)
            .await
            .map_err(|refusal| match refusal {
                KeyRefusal::Invalid => ApiError::from(AuthError::InvalidApiKey),
                KeyRefusal::OtherWorkspace => forbidden(),
                KeyRefusal::Store(err) => ApiError::from(err),
            });
    }
    let caller = Authenticated::from_request_parts(parts, state).await?;
    state
        .store()
        .authorize(caller.user, slug)
        .await?
        .ok_or_else(forbidden)
}

impl<N: Need> FromRequestParts<AppState> for Scoped<N> {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Path(params) = Path::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map_err(|_| forbidden())?;
        let slug = params.get("ws").ok_or_else(forbidden)?.clone();
        let scope = scope_for(parts, state, &slug).await?;
        if !scope.allows(N::PERMISSION) {
            let who = if scope.key_id().is_some() {
                "This API key"
            } else {
                "Your role"
            };
            return Err(ApiError::new(ProblemCode::PermissionDenied)
                .with_detail(format!("{who} lacks {}.", N::PERMISSION)));
        }
        Ok(Self {
            scope,
            need: PhantomData,
        })
    }
}
