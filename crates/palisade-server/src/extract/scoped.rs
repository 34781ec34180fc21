//! `Scoped<N>`: the caller is authenticated, is a member of the `{ws}` in the path, and
//! holds the permission `N` names; only then does the handler get a `WorkspaceScope`.
//! A caller who is not a member gets the same 403 whether the workspace exists or not.

use super::Authenticated;
use crate::error::ApiError;
use crate::state::AppState;
use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use axum::http::StatusCode;
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
    DeleteWorkspace => WorkspaceDelete,
}

#[derive(Debug)]
pub struct Scoped<N: Need> {
    pub scope: WorkspaceScope,
    pub caller: Authenticated,
    need: PhantomData<N>,
}

/// The one answer for "not yours": existence is never revealed.
pub fn forbidden() -> ApiError {
    ApiError::new(StatusCode::FORBIDDEN, "workspace_forbidden", "Forbidden")
        .with_detail("You do not have access to this workspace.")
}

impl<N: Need> FromRequestParts<AppState> for Scoped<N> {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let caller = Authenticated::from_request_parts(parts, state).await?;
        let Path(params) = Path::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map_err(|_| forbidden())?;
        let slug = params.get("ws").ok_or_else(forbidden)?;
        let scope = state
            .store()
            .authorize(caller.user, slug)
            .await
            .map_err(ApiError::internal)?
            .ok_or_else(forbidden)?;
        if !scope.allows(N::PERMISSION) {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "permission_denied",
                "Permission denied",
            )
            .with_detail(format!(
                "Your role ({}) lacks {}.",
                scope.role(),
                N::PERMISSION
            )));
        }
        Ok(Self {
            scope,
            caller,
            need: PhantomData,
        })
    }
}
