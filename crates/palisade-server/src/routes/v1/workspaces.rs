use crate::error::ApiError;
use crate::extract::scoped::{AdministerSettings, DeleteWorkspace, ManageMembers, ReadWorkspace};
use crate::extract::{Authenticated, Json, Scoped};
use crate::problem_code::ProblemCode;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use palisade_core::{DisplayName, Role, UserId, WorkspaceId};
use palisade_store::{Conflict, MemberChange, StoreError, WorkspaceRecord};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

pub const RESERVED_SLUGS: &[&str] = &[
    "admin",
    "api",
    "app",
    "assets",
    "auth",
    "billing",
    "docs",
    "help",
    "invitations",
    "login",
    "logout",
    "me",
    "new",
    "palisade",
    "root",
    "security",
    "settings",
    "signup",
    "static",
    "status",
    "support",
    "system",
    "www",
    "workspaces",
];

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateWorkspace {
    #[schema(schema_with = super::fields::slug)]
    pub slug: String,
    #[schema(schema_with = super::fields::display_name)]
    pub name: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateWorkspace {
    #[schema(schema_with = super::fields::display_name)]
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Workspace {
    #[schema(example = "ws_01jd5v3k2m0000000000000000")]
    pub id: String,
    pub slug: String,
    pub name: String,
    /// The caller's role.
    #[schema(example = "owner")]
    pub role: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
}

fn view(record: WorkspaceRecord, role: Role) -> Workspace {
    Workspace {
        id: record.id.to_string(),
        slug: record.slug,
        name: record.name,
        role: role.to_string(),
        created_at: record.created_at,
    }
}

fn invalid(code: ProblemCode, detail: &str) -> ApiError {
    ApiError::new(code).with_detail(detail)
}

pub(crate) fn check_slug(slug: &str) -> Result<(), ApiError> {
    let shape = (3..=40).contains(&slug.len())
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-');
    if !shape {
        return Err(invalid(
            ProblemCode::InvalidSlug,
            "A slug is 3–40 characters a-z, 0-9 and -, not starting or ending with -.",
        ));
    }
    if RESERVED_SLUGS.contains(&slug) {
        return Err(invalid(ProblemCode::ReservedSlug, "This slug is reserved."));
    }
    Ok(())
}

fn check_name(name: &str) -> Result<String, ApiError> {
    DisplayName::parse(name)
        .map(DisplayName::into_string)
        .map_err(|_| {
            invalid(
                ProblemCode::InvalidName,
                "A name is 1–100 characters, no control characters, not only white space.",
            )
        })
}

/// Create a workspace; the caller becomes its owner.
#[utoipa::path(post, path = "/v1/workspaces", tag = "workspaces", request_body = CreateWorkspace,
    responses(
        (status = 201, body = Workspace)))]
pub async fn create(
    State(state): State<AppState>,
    caller: Authenticated,
    Json(body): Json<CreateWorkspace>,
) -> Result<(StatusCode, axum::Json<Workspace>), ApiError> {
    check_slug(&body.slug)?;
    let name = check_name(&body.name)?;
    let now = state.clock().now();
    let record = WorkspaceRecord {
        id: WorkspaceId::generate(state.clock(), state.rng()),
        slug: body.slug,
        name,
        created_at: now,
        updated_at: now,
    };
    match state.store().create_workspace(&record, caller.user).await {
        Ok(()) => Ok((StatusCode::CREATED, axum::Json(view(record, Role::Owner)))),
        Err(StoreError::Conflict(Conflict::Slug)) => {
            Err(ApiError::new(ProblemCode::SlugTaken)
                .with_detail("Another workspace uses this slug."))
        }
        Err(err) => Err(err.into()),
    }
}

/// The caller's workspaces, with their role in each.
#[utoipa::path(get, path = "/v1/workspaces", tag = "workspaces",
    responses((status = 200, body = [Workspace])))]
pub async fn list(
    State(state): State<AppState>,
    caller: Authenticated,
) -> Result<axum::Json<Vec<Workspace>>, ApiError> {
    let memberships = state.store().workspaces_of(caller.user).await?;
    Ok(axum::Json(
        memberships
            .into_iter()
            .map(|(record, role)| view(record, role))
            .collect(),
    ))
}

/// One workspace.
#[utoipa::path(get, path = "/v1/workspaces/{ws}", tag = "workspaces",
    params(("ws" = String, Path, description = "Workspace slug")),
    responses((status = 200, body = Workspace)))]
pub async fn get(
    State(state): State<AppState>,
    access: Scoped<ReadWorkspace>,
) -> Result<axum::Json<Workspace>, ApiError> {
    let record = state.store().workspace(&access.scope).await?;
    Ok(axum::Json(view(record, access.scope.role())))
}

/// Rename a workspace (`settings:admin`).
#[utoipa::path(patch, path = "/v1/workspaces/{ws}", tag = "workspaces", request_body = UpdateWorkspace,
    params(("ws" = String, Path, description = "Workspace slug")),
    responses((status = 200, body = Workspace)))]
pub async fn update(
    State(state): State<AppState>,
    access: Scoped<AdministerSettings>,
    Json(body): Json<UpdateWorkspace>,
) -> Result<axum::Json<Workspace>, ApiError> {
    let name = check_name(&body.name)?;
    state
        .store()
        .rename_workspace(&access.scope, &name, state.clock().now())
        .await?;
    let record = state.store().workspace(&access.scope).await?;
    Ok(axum::Json(view(record, access.scope.role())))
}

/// Delete a workspace and everything in it (`workspace:delete`, owners only).
#[utoipa::path(delete, path = "/v1/workspaces/{ws}", tag = "workspaces",
    params(("ws" = String, Path, description = "Workspace slug")),
    responses((status = 204, description = "Deleted")))]
pub async fn delete(
    State(state): State<AppState>,
    access: Scoped<DeleteWorkspace>,
) -> Result<StatusCode, ApiError> {
    state.store().delete_workspace(&access.scope).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Member {
    pub user_id: String,
    pub email: String,
    pub name: Option<String>,
    #[schema(example = "admin")]
    pub role: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub joined_at: OffsetDateTime,
}

/// Members of the workspace.
#[utoipa::path(get, path = "/v1/workspaces/{ws}/members", tag = "workspaces",
    params(("ws" = String, Path, description = "Workspace slug")),
    responses((status = 200, body = [Member])))]
pub async fn members(
    State(state): State<AppState>,
    access: Scoped<ReadWorkspace>,
) -> Result<axum::Json<Vec<Member>>, ApiError> {
    let members = state.store().members(&access.scope).await?;
    Ok(axum::Json(
        members
            .into_iter()
            .map(|m| Member {
                user_id: m.user_id.to_string(),
                email: m.email,
                name: m.name,
                role: m.role.to_string(),
                joined_at: m.joined_at,
            })
            .collect(),
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeRole {
    #[schema(schema_with = super::fields::role)]
    pub role: String,
}

fn parse_role(raw: &str) -> Result<Role, ApiError> {
    raw.parse().map_err(|_| {
        invalid(
            ProblemCode::InvalidRole,
            "The role is one of owner, admin, member, viewer.",
        )
    })
}

fn member_not_found() -> ApiError {
    ApiError::not_found().with_detail("No such member.")
}

fn outcome(change: MemberChange) -> Result<(), ApiError> {
    match change {
        MemberChange::Done => Ok(()),
        MemberChange::NotAMember => Err(member_not_found()),
        MemberChange::LastOwner => Err(ApiError::new(ProblemCode::LastOwner)
            .with_detail("A workspace keeps at least one owner; make someone else owner first.")),
    }
}

/// Checks that the caller may change `target`'s membership, from its current role to `to`.
async fn may_change(
    state: &AppState,
    access: &Scoped<ManageMembers>,
    target: UserId,
    to: Option<Role>,
) -> Result<(), ApiError> {
    let current = state.store().member_role(&access.scope, target).await?;
    let current = current.ok_or_else(member_not_found)?;
    let actor = access.scope.role();
    if !actor.may_assign(current) || to.is_some_and(|role| !actor.may_assign(role)) {
        return Err(ApiError::new(ProblemCode::PermissionDenied)
            .with_detail("Nobody grants or removes a role above their own, and only owners grant or remove owner."));
    }
    Ok(())
}

/// Change a member's role (`members:manage`; never above one's own; only owners touch `owner`).
#[utoipa::path(patch, path = "/v1/workspaces/{ws}/members/{user_id}", tag = "workspaces", request_body = ChangeRole,
    params(("ws" = String, Path, description = "Workspace slug"), ("user_id" = String, Path, description = "Member's user id")),
    responses(
        (status = 204, description = "Changed")))]
pub async fn change_role(
    State(state): State<AppState>,
    access: Scoped<ManageMembers>,
    Path(path): Path<(String, String)>,
    Json(body): Json<ChangeRole>,
) -> Result<StatusCode, ApiError> {
    let role = parse_role(&body.role)?;
    let target: UserId = path.1.parse().map_err(|_| member_not_found())?;
    may_change(&state, &access, target, Some(role)).await?;
    outcome(
        state
            .store()
            .set_member_role(&access.scope, target, role)
            .await?,
    )?;
    // Keys are bounded by their creator's role: cached grants must be recomputed.
    state.auth().api_keys.forget_all();
    Ok(StatusCode::NO_CONTENT)
}

/// Remove a member (`members:manage`, within the same limits as role changes).
#[utoipa::path(delete, path = "/v1/workspaces/{ws}/members/{user_id}", tag = "workspaces",
    params(("ws" = String, Path, description = "Workspace slug"), ("user_id" = String, Path, description = "Member's user id")),
    responses(
        (status = 204, description = "Removed")))]
pub async fn remove_member(
    State(state): State<AppState>,
    access: Scoped<ManageMembers>,
    Path(path): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let target: UserId = path.1.parse().map_err(|_| member_not_found())?;
    may_change(&state, &access, target, None).await?;
    outcome(state.store().remove_member(&access.scope, target).await?)?;
    // A removed member's keys die with their membership.
    let revoked = state
        .store()
        .revoke_keys_created_by(&access.scope, target, state.clock().now())
        .await?;
    state.auth().api_keys.forget(&revoked);
    Ok(StatusCode::NO_CONTENT)
}
