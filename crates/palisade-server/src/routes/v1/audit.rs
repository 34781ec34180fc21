//! A workspace's audit log (`audit:read`): pages of events with filters, a streamed export
//! that verifies offline, and the verdict of recomputing its chain. There is no route that
//! changes or deletes an event.

use crate::error::ApiError;
use crate::extract::Scoped;
use crate::problem_code::ProblemCode;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use palisade_core::audit::{Break, ChainedEvent, Verdict};
use palisade_core::grant::ReadAudit;
use palisade_service::audit::{EventFilter, ExportFormat, ExportPlan};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};

const DEFAULT_LIMIT: u32 = 50;
const MAX_LIMIT: u32 = 500;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct EventsQuery {
    /// Page size, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<u32>,
    /// `next_cursor` of the previous page.
    #[param(pattern = "^[0-9]{1,18}$")]
    pub cursor: Option<String>,
    /// Only this action, e.g. `api_key.revoked`.
    pub action: Option<String>,
    /// Only this actor: `user:<id>`, `key:<id>`, `system` or `anonymous`.
    pub actor: Option<String>,
    pub resource_type: Option<String>,
    pub resource_id: Option<String>,
    /// Only events at or after this time (RFC 3339).
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[param(value_type = Option<String>, format = DateTime)]
    pub from: Option<OffsetDateTime>,
    /// Only events before this time (RFC 3339).
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[param(value_type = Option<String>, format = DateTime)]
    pub to: Option<OffsetDateTime>,
}

/// One event, with its place in the log's hash chain.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEvent {
    #[schema(example = "aud_01jd6q8m3k2x0v9yq5w7r4t1sa")]
    pub id: String,
    pub sequence: i64,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub occurred_at: OffsetDateTime,
    #[schema(example = "user:usr_01jd5v3k2m0000000000000000")]
    pub actor: String,
    #[schema(example = "api_key.revoked")]
    pub action: String,
    pub resource_type: String,
    pub resource_id: Option<String>,
    #[schema(example = "success")]
    pub outcome: String,
    pub reason: Option<String>,
    pub request_id: Option<String>,
    /// The source address, or `h:` and its keyed hash (`audit.ip = "hashed"`, the default).
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEventPage {
    pub items: Vec<AuditEvent>,
    /// Pass as `cursor` for the next page; `null` on the last one.
    pub next_cursor: Option<String>,
}

fn view(event: ChainedEvent) -> AuditEvent {
    let e = event.entry;
    let at = OffsetDateTime::from_unix_timestamp_nanos(i128::from(e.at_micros) * 1000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH);
    AuditEvent {
        id: e.id.to_string(),
        sequence: event.seq,
        occurred_at: at,
        actor: e.actor,
        action: e.action,
        resource_type: e.resource_type,
        resource_id: e.resource_id,
        outcome: e.outcome.as_str().to_owned(),
        reason: e.reason,
        request_id: e.request_id,
        ip: e.ip,
        user_agent: e.user_agent,
        prev_hash: event.prev_hash,
        hash: event.hash,
    }
}

fn invalid(code: ProblemCode, detail: &str) -> ApiError {
    ApiError::new(code).with_detail(detail)
}

/// The workspace's audit events in sequence order (`audit:read`).
#[utoipa::path(get, path = "/v1/workspaces/{ws}/audit-events", tag = "audit",
    params(("ws" = String, Path, description = "Workspace slug"), EventsQuery),
    responses((status = 200, body = AuditEventPage)))]
pub async fn events(
    State(state): State<AppState>,
    access: Scoped<ReadAudit>,
    Query(query): Query<EventsQuery>,
) -> Result<axum::Json<AuditEventPage>, ApiError> {
    let (filter, limit) = filter_of(query)?;
    let audit = &state.platform().audit;
    let (events, next) = audit.events(&access.grant, &filter, limit).await?;
    Ok(axum::Json(page(events, next)))
}

/// A page of events as the API shows it.
pub fn page(events: Vec<ChainedEvent>, next: Option<i64>) -> AuditEventPage {
    AuditEventPage {
        items: events.into_iter().map(view).collect(),
        next_cursor: next.map(|seq| seq.to_string()),
    }
}

/// The filter and page size a query asks for, or why it cannot be answered.
pub fn filter_of(query: EventsQuery) -> Result<(EventFilter, u32), ApiError> {
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(invalid(
            ProblemCode::InvalidLimit,
            "limit is a whole number from 1 to 500.",
        ));
    }
    let after_seq = match &query.cursor {
        None => None,
        Some(cursor) => Some(
            cursor
                .parse::<i64>()
                .ok()
                .filter(|seq| *seq >= 0)
                .ok_or_else(|| {
                    invalid(
                        ProblemCode::InvalidCursor,
                        "The cursor is not one this server gave.",
                    )
                })?,
        ),
    };
    let filter = EventFilter {
        after_seq,
        action: query.action,
        actor: query.actor,
        resource_type: query.resource_type,
        resource_id: query.resource_id,
        from: query.from,
        to: query.to,
    };
    Ok((filter, limit))
}

#[derive(Debug, Clone, Copy, Default, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Jsonl,
    Csv,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ExportQuery {
    /// `jsonl` (default) or `csv`.
    #[serde(default)]
    pub format: Format,
    /// From the first event at or after this time (RFC 3339).
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[param(value_type = Option<String>, format = DateTime)]
    pub from: Option<OffsetDateTime>,
    /// To the last event before this time (RFC 3339).
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[param(value_type = Option<String>, format = DateTime)]
    pub to: Option<OffsetDateTime>,
}

/// Stream the log's events between two times, and the signed checkpoint that lets the file
/// be verified offline (`palisade audit verify --export FILE`) (`audit:read`).
#[utoipa::path(get, path = "/v1/workspaces/{ws}/audit-events/export", tag = "audit",
    params(("ws" = String, Path, description = "Workspace slug"), ExportQuery),
    responses((status = 200, description = "JSON Lines (`format=jsonl`) or CSV (`format=csv`)",
        content((String = "application/x-ndjson"), (String = "text/csv")))))]
pub async fn export(
    State(state): State<AppState>,
    access: Scoped<ReadAudit>,
    Query(query): Query<ExportQuery>,
) -> Result<Response, ApiError> {
    let format = match query.format {
        Format::Jsonl => ExportFormat::Jsonl,
        Format::Csv => ExportFormat::Csv,
    };
    let audit = state.platform().audit.clone();
    let plan = audit
        .plan_export(&access.grant, format, query.from, query.to)
        .await?;
    let content_type = match format {
        ExportFormat::Jsonl => "application/x-ndjson",
        ExportFormat::Csv => "text/csv; charset=utf-8",
    };
    let body = Body::from_stream(stream(audit, plan));
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment"),
    );
    Ok(response)
}

enum Step {
    Opening,
    After(i64),
    Closing,
    Done,
}

/// The export, a chunk of events at a time: never the whole log in memory.
fn stream(
    audit: palisade_service::audit::Audit,
    plan: ExportPlan,
) -> impl futures_util::Stream<Item = Result<String, std::io::Error>> {
    futures_util::stream::unfold(Step::Opening, move |step| {
        let audit = audit.clone();
        let plan = plan.clone();
        async move {
            match step {
                Step::Opening => Some((
                    Ok(audit.export_opening(&plan)),
                    Step::After(plan.header.from_seq - 1),
                )),
                Step::After(after) => match audit.export_chunk(&plan, after).await {
                    Ok((text, Some(next))) => Some((Ok(text), Step::After(next))),
                    Ok((text, None)) => Some((Ok(text), Step::Closing)),
                    Err(err) => {
                        tracing::error!(error = %err, "audit export failed part way");
                        Some((
                            Err(std::io::Error::other("the export could not be read")),
                            Step::Done,
                        ))
                    }
                },
                Step::Closing => Some((Ok(audit.export_closing(&plan)), Step::Done)),
                Step::Done => None,
            }
        }
    })
}

/// The verdict of recomputing the log's chain and checking its signed checkpoints.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditVerdict {
    pub ok: bool,
    pub events_checked: u64,
    pub checkpoints_checked: u64,
    /// The last event checked.
    pub head_sequence: Option<i64>,
    /// The first sequence number that does not verify.
    pub first_bad_sequence: Option<i64>,
    /// What is wrong there: `tampered`, `reordered`, `missing`, `chain_broken`,
    /// `bad_checkpoint_signature` or `checkpoint_mismatch`.
    pub problem: Option<String>,
}

pub fn verdict(verdict: Verdict) -> AuditVerdict {
    AuditVerdict {
        ok: verdict.is_ok(),
        events_checked: verdict.events_checked,
        checkpoints_checked: verdict.checkpoints_checked,
        head_sequence: verdict.head_seq,
        first_bad_sequence: verdict.first_bad.map(|(seq, _)| seq),
        problem: verdict
            .first_bad
            .map(|(_, why): (i64, Break)| why.as_str().to_owned()),
    }
}

/// Recompute the workspace's chain and check every checkpoint (`audit:read`).
#[utoipa::path(get, path = "/v1/workspaces/{ws}/audit/verify", tag = "audit",
    params(("ws" = String, Path, description = "Workspace slug")),
    responses((status = 200, body = AuditVerdict)))]
pub async fn verify(
    State(state): State<AppState>,
    access: Scoped<ReadAudit>,
) -> Result<axum::Json<AuditVerdict>, ApiError> {
    let audit = &state.platform().audit;
    Ok(axum::Json(verdict(
        audit.verify_workspace(&access.grant).await?,
    )))
}
