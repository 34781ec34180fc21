//! `/v1/workspaces/{ws}/webhooks`: endpoints that receive signed messages (`webhooks:manage`).

use crate::error::ApiError;
use crate::extract::{Json, Scoped};
use crate::problem_code::ProblemCode;
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use palisade_core::grant::ManageWebhooks;
use palisade_service::webhooks::EndpointChanges;
use palisade_store::{AttemptRecord, AuthHeader, EndpointRecord};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Deserializer, Serialize};
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateWebhook {
    /// `https://` (plain `http://` only with `webhooks.allow_http`); no user name or password;
    /// its host must resolve only to public addresses.
    #[schema(max_length = 2048)]
    pub url: String,
    /// Domain events (`record.created`, `record.updated`, `record.deleted`, `member.added`,
    /// `member.removed`, `api_key.created`, `api_key.revoked`) or audit events (`audit.*`,
    /// `audit.<action>`), not both.
    #[schema(min_items = 1, max_items = 32)]
    pub events: Vec<String>,
    #[schema(max_length = 500)]
    pub description: Option<String>,
    pub auth_header: Option<AuthHeaderBody>,
}

/// A header sent with every delivery whose value is `prefix` followed by a vault secret of
/// the workspace, decrypted at the moment of use (each use audited): a receiver's bearer
/// token, a SIEM's ingestion token (`{"name": "Authorization", "secret": "SPLUNK_HEC",
/// "prefix": "Splunk "}`).
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AuthHeaderBody {
    /// The header's name (default `Authorization`); not one Palisade sets itself.
    #[serde(default = "authorization")]
    #[schema(max_length = 64)]
    pub name: String,
    /// The name of a secret of this workspace (`PUT …/secrets/{name}`).
    pub secret: String,
    /// Put before the secret's value (default `Bearer `).
    #[serde(default = "bearer")]
    #[schema(max_length = 64)]
    pub prefix: String,
}

fn authorization() -> String {
    "Authorization".into()
}

fn bearer() -> String {
    "Bearer ".into()
}

fn auth_of(body: AuthHeaderBody) -> AuthHeader {
    AuthHeader {
        header: body.name,
        secret: body.secret,
        prefix: body.prefix,
    }
}

fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateWebhook {
    #[schema(max_length = 2048)]
    pub url: Option<String>,
    #[schema(min_items = 1, max_items = 32)]
    pub events: Option<Vec<String>>,
    /// `null` clears it.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, max_length = 500)]
    pub description: Option<Option<String>>,
    /// `null` removes it.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<AuthHeaderBody>)]
    pub auth_header: Option<Option<AuthHeaderBody>>,
}

/// A webhook endpoint. Its secret is shown only when created or rotated.
#[derive(Debug, Serialize, ToSchema)]
pub struct Webhook {
    pub id: String,
    pub url: String,
    pub description: Option<String>,
    pub events: Vec<String>,
    /// `webhook`, or `audit_stream` (audit events, delivered one at a time in sequence order).
    pub kind: &'static str,
    /// `active`, or `failing` once a message ran out of retries (until the next success).
    pub status: &'static str,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub failing_since: Option<OffsetDateTime>,
    pub secret_version: i64,
    /// The auth header, naming its secret (never its value).
    pub auth_header: Option<AuthHeaderBody>,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: OffsetDateTime,
}

fn view(e: EndpointRecord) -> Webhook {
    Webhook {
        kind: if e.ordered { "audit_stream" } else { "webhook" },
        status: if e.failing_since.is_some() {
            "failing"
        } else {
            "active"
        },
        id: e.id,
        url: e.url,
        description: e.description,
        events: e.events,
        failing_since: e.failing_since,
        secret_version: e.secret_version,
        auth_header: e.auth.map(|a| AuthHeaderBody {
            name: a.header,
            secret: a.secret,
            prefix: a.prefix,
        }),
        created_at: e.created_at,
        updated_at: e.updated_at,
    }
}

/// A new endpoint with its signing secret, shown this once.
#[derive(Serialize, ToSchema)]
pub struct CreatedWebhook {
    #[serde(flatten)]
    pub webhook: Webhook,
    /// `whsec_` + base64 of 32 random bytes. Store it now: it is never shown again.
    #[schema(value_type = String)]
    #[serde(serialize_with = "reveal")]
    pub secret: SecretString,
}

/// A rotated secret; the previous ones keep signing until `previous_expires_at`.
#[derive(Serialize, ToSchema)]
pub struct RotatedSecret {
    #[schema(value_type = String)]
    #[serde(serialize_with = "reveal")]
    pub secret: SecretString,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub previous_expires_at: OffsetDateTime,
}

fn reveal<S: serde::Serializer>(secret: &SecretString, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(secret.expose_secret())
}

redacted_debug!(CreatedWebhook, RotatedSecret);

/// A message queued for delivery.
#[derive(Debug, Serialize, ToSchema)]
pub struct QueuedMessage {
    pub message_id: String,
}

/// One delivery attempt.
#[derive(Debug, Serialize, ToSchema)]
pub struct Delivery {
    pub id: String,
    pub message_id: String,
    pub event_type: String,
    pub attempt: i64,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub at: OffsetDateTime,
    pub status_code: Option<i64>,
    pub latency_ms: i64,
    /// The first 1 KiB of the response body.
    pub response: Option<String>,
    /// Why there was no response: `timeout`, `connect_failed`, `tls_failed`,
    /// `forbidden_address`, `unresolvable_host`, …
    pub error: Option<String>,
    pub succeeded: bool,
}

fn delivery(a: AttemptRecord) -> Delivery {
    Delivery {
        id: a.id,
        message_id: a.message_id,
        event_type: a.event_type,
        attempt: a.attempt,
        at: a.at,
        status_code: a.status_code,
        latency_ms: a.latency_ms,
        response: a.response,
        error: a.error,
        succeeded: a.succeeded,
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct DeliveriesQuery {
    /// How many of the latest attempts, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
}

/// Subscribe a URL to events (`webhooks:manage`). The answer holds the signing secret once.
#[utoipa::path(post, path = "/v1/workspaces/{ws}/webhooks", tag = "webhooks", request_body = CreateWebhook,
    params(("ws" = String, Path, description = "Workspace slug")),
    responses((status = 201, body = CreatedWebhook)))]
pub async fn create(
    State(state): State<AppState>,
    access: Scoped<ManageWebhooks>,
    Json(body): Json<CreateWebhook>,
) -> Result<(StatusCode, axum::Json<CreatedWebhook>), ApiError> {
    let created = state
        .platform()
        .webhooks
        .create(
            &access.grant,
            &body.url,
            body.events,
            body.description,
            body.auth_header.map(auth_of),
            &access.origin,
        )
        .await?;
    Ok((
        StatusCode::CREATED,
        axum::Json(CreatedWebhook {
            webhook: view(created.endpoint),
            secret: created.secret,
        }),
    ))
}

/// The workspace's webhook endpoints (`webhooks:manage`).
#[utoipa::path(get, path = "/v1/workspaces/{ws}/webhooks", tag = "webhooks",
    params(("ws" = String, Path, description = "Workspace slug")),
    responses((status = 200, body = [Webhook])))]
pub async fn list(
    State(state): State<AppState>,
    access: Scoped<ManageWebhooks>,
) -> Result<axum::Json<Vec<Webhook>>, ApiError> {
    let endpoints = state.platform().webhooks.list(&access.grant).await?;
    Ok(axum::Json(endpoints.into_iter().map(view).collect()))
}

/// One endpoint (`webhooks:manage`).
#[utoipa::path(get, path = "/v1/workspaces/{ws}/webhooks/{id}", tag = "webhooks",
    params(("ws" = String, Path, description = "Workspace slug"), ("id" = String, Path, description = "Endpoint id")),
    responses((status = 200, body = Webhook)))]
pub async fn get(
    State(state): State<AppState>,
    access: Scoped<ManageWebhooks>,
    Path(path): Path<(String, String)>,
) -> Result<axum::Json<Webhook>, ApiError> {
    let id = &path.1;
    let endpoint = state.platform().webhooks.get(&access.grant, id).await?;
    Ok(axum::Json(view(endpoint)))
}

/// Change an endpoint's URL, events or description (`webhooks:manage`).
#[utoipa::path(patch, path = "/v1/workspaces/{ws}/webhooks/{id}", tag = "webhooks", request_body = UpdateWebhook,
    params(("ws" = String, Path, description = "Workspace slug"), ("id" = String, Path, description = "Endpoint id")),
    responses((status = 200, body = Webhook)))]
pub async fn update(
    State(state): State<AppState>,
    access: Scoped<ManageWebhooks>,
    Path(path): Path<(String, String)>,
    Json(body): Json<UpdateWebhook>,
) -> Result<axum::Json<Webhook>, ApiError> {
    let id = &path.1;
    if body.url.is_none()
        && body.events.is_none()
        && body.description.is_none()
        && body.auth_header.is_none()
    {
        return Err(ApiError::new(ProblemCode::NothingToChange)
            .with_detail("Give at least one of url, events, description and auth_header."));
    }
    let changes = EndpointChanges {
        url: body.url,
        events: body.events,
        description: body.description,
        auth: body.auth_header.map(|a| a.map(auth_of)),
    };
    let endpoint = state
        .platform()
        .webhooks
        .update(&access.grant, id, changes, &access.origin)
        .await?;
    Ok(axum::Json(view(endpoint)))
}

/// Delete an endpoint and its queued messages (`webhooks:manage`).
#[utoipa::path(delete, path = "/v1/workspaces/{ws}/webhooks/{id}", tag = "webhooks",
    params(("ws" = String, Path, description = "Workspace slug"), ("id" = String, Path, description = "Endpoint id")),
    responses((status = 204, description = "Deleted")))]
pub async fn delete(
    State(state): State<AppState>,
    access: Scoped<ManageWebhooks>,
    Path(path): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let id = &path.1;
    let webhooks = &state.platform().webhooks;
    webhooks.delete(&access.grant, id, &access.origin).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Issue a new signing secret; the previous ones keep signing (both signatures are sent)
/// for 24 hours (`webhooks:manage`).
#[utoipa::path(post, path = "/v1/workspaces/{ws}/webhooks/{id}/rotate-secret", tag = "webhooks",
    params(("ws" = String, Path, description = "Workspace slug"), ("id" = String, Path, description = "Endpoint id")),
    responses((status = 200, body = RotatedSecret)))]
pub async fn rotate_secret(
    State(state): State<AppState>,
    access: Scoped<ManageWebhooks>,
    Path(path): Path<(String, String)>,
) -> Result<axum::Json<RotatedSecret>, ApiError> {
    let id = &path.1;
    let (secret, previous_expires_at) = state
        .platform()
        .webhooks
        .rotate_secret(&access.grant, id, &access.origin)
        .await?;
    Ok(axum::Json(RotatedSecret {
        secret,
        previous_expires_at,
    }))
}

/// Send the endpoint a `webhook.test` message (`webhooks:manage`).
#[utoipa::path(post, path = "/v1/workspaces/{ws}/webhooks/{id}/test", tag = "webhooks",
    params(("ws" = String, Path, description = "Workspace slug"), ("id" = String, Path, description = "Endpoint id")),
    responses((status = 202, body = QueuedMessage)))]
pub async fn test(
    State(state): State<AppState>,
    access: Scoped<ManageWebhooks>,
    Path(path): Path<(String, String)>,
) -> Result<(StatusCode, axum::Json<QueuedMessage>), ApiError> {
    let id = &path.1;
    let message_id = state
        .platform()
        .webhooks
        .send_test(&access.grant, id)
        .await?;
    Ok((
        StatusCode::ACCEPTED,
        axum::Json(QueuedMessage { message_id }),
    ))
}

/// The endpoint's latest delivery attempts, newest first (`webhooks:manage`).
#[utoipa::path(get, path = "/v1/workspaces/{ws}/webhooks/{id}/deliveries", tag = "webhooks",
    params(("ws" = String, Path, description = "Workspace slug"), ("id" = String, Path, description = "Endpoint id"), DeliveriesQuery),
    responses((status = 200, body = [Delivery])))]
pub async fn deliveries(
    State(state): State<AppState>,
    access: Scoped<ManageWebhooks>,
    Path(path): Path<(String, String)>,
    Query(query): Query<DeliveriesQuery>,
) -> Result<axum::Json<Vec<Delivery>>, ApiError> {
    let id = &path.1;
    let limit = query.limit.unwrap_or(50);
    if !(1..=200).contains(&limit) {
        return Err(ApiError::new(ProblemCode::InvalidLimit)
            .with_detail("limit is a whole number from 1 to 200."));
    }
    let attempts = state
        .platform()
        .webhooks
        .deliveries(&access.grant, id, limit)
        .await?;
    Ok(axum::Json(attempts.into_iter().map(delivery).collect()))
}

/// Send a message to the endpoint again, now (`webhooks:manage`).
#[utoipa::path(post, path = "/v1/workspaces/{ws}/webhooks/{id}/messages/{message_id}/redeliver", tag = "webhooks",
    params(("ws" = String, Path, description = "Workspace slug"), ("id" = String, Path, description = "Endpoint id"),
           ("message_id" = String, Path, description = "Message id (`msg_…`)")),
    responses((status = 202, body = QueuedMessage)))]
pub async fn redeliver(
    State(state): State<AppState>,
    access: Scoped<ManageWebhooks>,
    Path(path): Path<(String, String, String)>,
) -> Result<(StatusCode, axum::Json<QueuedMessage>), ApiError> {
    let (id, message_id) = (&path.1, path.2.clone());
    state
        .platform()
        .webhooks
        .redeliver(&access.grant, id, &message_id, &access.origin)
        .await?;
    Ok((
        StatusCode::ACCEPTED,
        axum::Json(QueuedMessage { message_id }),
    ))
}
