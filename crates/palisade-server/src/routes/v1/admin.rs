//! `/v1/admin/*`: platform administration, for platform admins signed in with MFA.

use super::audit::{filter_of, page, AuditEventPage, EventsQuery};
use crate::error::ApiError;
use crate::extract::AdminSession;
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use palisade_core::{UserId, WorkspaceId};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};

const DEFAULT_LIMIT: u32 = 50;
const MAX_LIMIT: u32 = 500;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    /// Page size, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<u32>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

fn page_of<T: std::str::FromStr>(query: &ListQuery) -> Result<(Option<T>, u32), ApiError> {
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(
            ApiError::new(crate::problem_code::ProblemCode::InvalidLimit)
                .with_detail("limit is a whole number from 1 to 500."),
        );
    }
    let after = match &query.cursor {
        None => None,
        Some(cursor) => Some(cursor.parse().map_err(|_| {
            ApiError::new(crate::problem_code::ProblemCode::InvalidCursor)
                .with_detail("The cursor is not one this server gave.")
        })?),
    };
    Ok((after, limit))
}

/// The cursor after a full page (the last row's id); none after a short one.
fn next_cursor<T>(rows: &[T], limit: u32, id: impl Fn(&T) -> String) -> Option<String> {
    (rows.len() == limit as usize)
        .then(|| rows.last().map(id))
        .flatten()
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AdminAccount {
    pub id: String,
    pub email: String,
    pub name: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
    pub platform_admin: bool,
    pub mfa_enabled: bool,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub suspended_at: Option<OffsetDateTime>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AdminAccountPage {
    pub items: Vec<AdminAccount>,
    pub next_cursor: Option<String>,
}

/// Every account, by id.
#[utoipa::path(get, path = "/v1/admin/accounts", tag = "admin", params(ListQuery),
    responses((status = 200, body = AdminAccountPage)))]
pub async fn accounts(
    State(state): State<AppState>,
    session: AdminSession,
    Query(query): Query<ListQuery>,
) -> Result<axum::Json<AdminAccountPage>, ApiError> {
    let (after, limit) = page_of::<UserId>(&query)?;
    let rows = state
        .platform()
        .admin
        .accounts(&session.admin, after, limit)
        .await?;
    let next_cursor = next_cursor(&rows, limit, |a| a.id.to_string());
    let items = rows
        .into_iter()
        .map(|a| AdminAccount {
            id: a.id.to_string(),
            email: a.email,
            name: a.name,
            created_at: a.created_at,
            platform_admin: a.platform_admin,
            mfa_enabled: a.mfa_enabled,
            suspended_at: a.suspended_at,
        })
        .collect();
    Ok(axum::Json(AdminAccountPage { items, next_cursor }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AdminWorkspace {
    pub id: String,
    pub slug: String,
    pub name: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
    pub members: i64,
    pub require_mfa: bool,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub suspended_at: Option<OffsetDateTime>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AdminWorkspacePage {
    pub items: Vec<AdminWorkspace>,
    pub next_cursor: Option<String>,
}

/// Every workspace, by id (no tenant data).
#[utoipa::path(get, path = "/v1/admin/workspaces", tag = "admin", params(ListQuery),
    responses((status = 200, body = AdminWorkspacePage)))]
pub async fn workspaces(
    State(state): State<AppState>,
    session: AdminSession,
    Query(query): Query<ListQuery>,
) -> Result<axum::Json<AdminWorkspacePage>, ApiError> {
    let (after, limit) = page_of::<WorkspaceId>(&query)?;
    let rows = state
        .platform()
        .admin
        .workspaces(&session.admin, after, limit)
        .await?;
    let next_cursor = next_cursor(&rows, limit, |w| w.id.to_string());
    let items = rows
        .into_iter()
        .map(|w| AdminWorkspace {
            id: w.id.to_string(),
            slug: w.slug,
            name: w.name,
            created_at: w.created_at,
            members: w.members,
            require_mfa: w.require_mfa,
            suspended_at: w.suspended_at,
        })
        .collect();
    Ok(axum::Json(AdminWorkspacePage { items, next_cursor }))
}

async fn account_suspension(
    state: &AppState,
    session: &AdminSession,
    id: &str,
    suspended: bool,
) -> Result<StatusCode, ApiError> {
    let user: UserId = id
        .parse()
        .map_err(|_| palisade_service::admin::AdminError::NoSuchAccount)?;
    state
        .platform()
        .admin
        .set_account_suspended(&session.admin, user, suspended, &session.origin)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Suspend an account: its sessions are revoked and its API keys refused, at once.
#[utoipa::path(post, path = "/v1/admin/accounts/{id}/suspend", tag = "admin",
    params(("id" = String, Path, description = "Account id (`usr_…`)")),
    responses((status = 204, description = "Suspended")))]
pub async fn suspend_account(
    State(state): State<AppState>,
    session: AdminSession,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    account_suspension(&state, &session, &id, true).await
}

/// Lift an account's suspension.
#[utoipa::path(post, path = "/v1/admin/accounts/{id}/unsuspend", tag = "admin",
    params(("id" = String, Path, description = "Account id (`usr_…`)")),
    responses((status = 204, description = "Reinstated")))]
pub async fn unsuspend_account(
    State(state): State<AppState>,
    session: AdminSession,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    account_suspension(&state, &session, &id, false).await
}

/// Suspend a workspace: no member or key reaches it until it is reinstated.
#[utoipa::path(post, path = "/v1/admin/workspaces/{ws}/suspend", tag = "admin",
    params(("ws" = String, Path, description = "Workspace slug")),
    responses((status = 204, description = "Suspended")))]
pub async fn suspend_workspace(
    State(state): State<AppState>,
    session: AdminSession,
    Path(ws): Path<String>,
) -> Result<StatusCode, ApiError> {
    state
        .platform()
        .admin
        .set_workspace_suspended(&session.admin, &ws, true, &session.origin)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Lift a workspace's suspension.
#[utoipa::path(post, path = "/v1/admin/workspaces/{ws}/unsuspend", tag = "admin",
    params(("ws" = String, Path, description = "Workspace slug")),
    responses((status = 204, description = "Reinstated")))]
pub async fn unsuspend_workspace(
    State(state): State<AppState>,
    session: AdminSession,
    Path(ws): Path<String>,
) -> Result<StatusCode, ApiError> {
    state
        .platform()
        .admin
        .set_workspace_suspended(&session.admin, &ws, false, &session.origin)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct IpBlockView {
    /// The blocked source (an address, or an IPv6 /64).
    pub ip: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub blocked_until: OffsetDateTime,
    pub failures: u32,
    pub accounts: u32,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
}

/// Addresses whose sign-ins are blocked now (credential stuffing).
#[utoipa::path(get, path = "/v1/admin/ip-blocks", tag = "admin",
    responses((status = 200, body = [IpBlockView])))]
pub async fn ip_blocks(
    State(state): State<AppState>,
    session: AdminSession,
) -> Result<axum::Json<Vec<IpBlockView>>, ApiError> {
    let blocks = state.platform().admin.ip_blocks(&session.admin).await?;
    Ok(axum::Json(
        blocks
            .into_iter()
            .map(|b| IpBlockView {
                ip: b.ip,
                blocked_until: b.blocked_until,
                failures: b.failures,
                accounts: b.accounts,
                created_at: b.created_at,
            })
            .collect(),
    ))
}

/// Lift the block on an address.
#[utoipa::path(delete, path = "/v1/admin/ip-blocks/{ip}", tag = "admin",
    params(("ip" = String, Path, description = "The blocked address")),
    responses((status = 204, description = "Lifted")))]
pub async fn lift_ip_block(
    State(state): State<AppState>,
    session: AdminSession,
    Path(ip): Path<String>,
) -> Result<StatusCode, ApiError> {
    state
        .platform()
        .admin
        .lift_ip_block(&session.admin, &ip, &session.origin)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The platform log (accounts, sessions, operators, admins), oldest first.
#[utoipa::path(get, path = "/v1/admin/audit-events", tag = "admin", params(EventsQuery),
    responses((status = 200, body = AuditEventPage)))]
pub async fn audit_events(
    State(state): State<AppState>,
    session: AdminSession,
    Query(query): Query<EventsQuery>,
) -> Result<axum::Json<AuditEventPage>, ApiError> {
    let (filter, limit) = filter_of(query)?;
    let (events, next) = state
        .platform()
        .admin
        .platform_events(&session.admin, &filter, limit)
        .await?;
    Ok(axum::Json(page(events, next)))
}
