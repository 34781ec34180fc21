use crate::error::ApiError;
use crate::extract::scoped::ManageMembers;
use crate::extract::{Authenticated, Json, Scoped};
use crate::problem_code::ProblemCode;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use palisade_core::{Email, Role};
use palisade_crypto::{OpaqueToken, TokenDigest};
use palisade_store::{Acceptance, InvitationRecord};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};
use utoipa::ToSchema;

pub const INVITATION_TOKEN_PREFIX: &str = "palinv_";
const INVITATION_TTL: Duration = Duration::days(7);

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateInvitation {
    #[schema(schema_with = super::fields::email)]
    pub email: String,
    #[schema(schema_with = super::fields::role)]
    pub role: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Invitation {
    pub id: String,
    pub email: String,
    pub role: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub expires_at: OffsetDateTime,
}

fn view(record: InvitationRecord) -> Invitation {
    Invitation {
        id: record.id,
        email: record.email,
        role: record.role.to_string(),
        expires_at: record.expires_at,
    }
}

fn unprocessable(code: ProblemCode, detail: &str) -> ApiError {
    ApiError::new(code).with_detail(detail)
}

/// Invite someone by e-mail (`members:manage`; never to a role above one's own).
#[utoipa::path(post, path = "/v1/workspaces/{ws}/invitations", tag = "workspaces", request_body = CreateInvitation,
    params(("ws" = String, Path, description = "Workspace slug")),
    responses(
        (status = 201, body = Invitation)))]
pub async fn create(
    State(state): State<AppState>,
    access: Scoped<ManageMembers>,
    Json(body): Json<CreateInvitation>,
) -> Result<(StatusCode, axum::Json<Invitation>), ApiError> {
    let email = Email::parse(&body.email)
        .map_err(|_| unprocessable(ProblemCode::InvalidEmail, "Not a valid e-mail address."))?;
    let role: Role = body.role.parse().map_err(|_| {
        unprocessable(
            ProblemCode::InvalidRole,
            "The role is one of owner, admin, member, viewer.",
        )
    })?;
    if !access.scope.role().may_assign(role) {
        return Err(ApiError::new(ProblemCode::PermissionDenied).with_detail(
            "Nobody invites to a role above their own, and only owners invite owners.",
        ));
    }
    let token = OpaqueToken::generate(INVITATION_TOKEN_PREFIX, state.rng());
    let now = state.clock().now();
    let id = format!(
        "inv_{}",
        palisade_core::id::new_ulid_text(state.clock(), state.rng())
    );
    let record = InvitationRecord {
        id,
        email: email.to_string(),
        role,
        digest: token.digest().as_str().to_owned(),
        invited_by: access.scope.actor(),
        created_at: now,
        expires_at: now + INVITATION_TTL,
    };
    state
        .store()
        .create_invitation(&access.scope, &record)
        .await?;
    let body = format!(
        "You are invited to join the workspace {} as {role}.\n\n\
         Sign in (or sign up) with this e-mail address, then send this token to POST /v1/invitations/accept\n\
         within 7 days:\n\n{}\n",
        access.scope.slug(),
        token.expose(),
    );
    crate::mail::enqueue(
        &state,
        email.as_str(),
        "You are invited to a Palisade workspace",
        &body,
    )
    .await?;
    Ok((StatusCode::CREATED, axum::Json(view(record))))
}

/// Pending invitations (`members:manage`).
#[utoipa::path(get, path = "/v1/workspaces/{ws}/invitations", tag = "workspaces",
    params(("ws" = String, Path, description = "Workspace slug")),
    responses((status = 200, body = [Invitation])))]
pub async fn list(
    State(state): State<AppState>,
    access: Scoped<ManageMembers>,
) -> Result<axum::Json<Vec<Invitation>>, ApiError> {
    let now = state.clock().now();
    let open = state.store().open_invitations(&access.scope).await?;
    Ok(axum::Json(
        open.into_iter()
            .filter(|i| i.expires_at > now)
            .map(view)
            .collect(),
    ))
}

/// Revoke a pending invitation (`members:manage`).
#[utoipa::path(delete, path = "/v1/workspaces/{ws}/invitations/{id}", tag = "workspaces",
    params(("ws" = String, Path, description = "Workspace slug"), ("id" = String, Path, description = "Invitation id")),
    responses((status = 204, description = "Revoked")))]
pub async fn revoke(
    State(state): State<AppState>,
    access: Scoped<ManageMembers>,
    Path(path): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    if state
        .store()
        .revoke_invitation(&access.scope, &path.1, state.clock().now())
        .await?
    {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found().with_detail("No such pending invitation."))
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AcceptInvitation {
    #[schema(schema_with = super::fields::invitation_token)]
    pub token: SecretString,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Joined {
    pub workspace: String,
    pub role: String,
}

/// Accept an invitation addressed to the signed-in account's e-mail.
#[utoipa::path(post, path = "/v1/invitations/accept", tag = "workspaces", request_body = AcceptInvitation,
    responses(
        (status = 200, body = Joined)))]
pub async fn accept(
    State(state): State<AppState>,
    caller: Authenticated,
    Json(body): Json<AcceptInvitation>,
) -> Result<axum::Json<Joined>, ApiError> {
    let user = state.store().user_by_id(caller.user).await?;
    let user = user.ok_or_else(|| ApiError::from(crate::auth::AuthError::InvalidAccessToken))?;
    let digest = TokenDigest::of(body.token.expose_secret());
    let outcome = state
        .store()
        .accept_invitation(
            digest.as_str(),
            caller.user,
            &user.email,
            state.clock().now(),
        )
        .await?;
    match outcome {
        Acceptance::Joined { slug, role } => Ok(axum::Json(Joined {
            workspace: slug,
            role: role.to_string(),
        })),
        Acceptance::Invalid => Err(ApiError::new(ProblemCode::InvalidInvitation).with_detail(
            "The invitation is unknown, used, revoked, expired or addressed to another e-mail.",
        )),
    }
}
