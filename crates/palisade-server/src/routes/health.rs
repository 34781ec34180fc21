use crate::error::ApiError;
use crate::problem_code::ProblemCode;
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// `ok` (liveness); `ready`, or `degraded` when a node serves with less than it should.
    #[schema(example = "ok")]
    pub status: String,
    /// What is degraded: `redis` while shared limits and revocations are unreachable (the
    /// node limits in-process meanwhile).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub degraded: Vec<String>,
}

/// Liveness: the process is up and serving HTTP.
#[utoipa::path(get, path = "/healthz", tag = "health",
    responses((status = 200, description = "The process is alive", body = Health)))]
pub async fn healthz() -> Json<Health> {
    Json(Health {
        status: "ok".into(),
        degraded: Vec::new(),
    })
}

/// Readiness: the database answers. Load balancers should route only to ready nodes. A node
/// that cannot reach Redis stays ready (it limits in-process) but says it is degraded.
#[utoipa::path(get, path = "/readyz", tag = "health",
    responses(
        (status = 200, description = "The database is reachable; `degraded` lists what is not", body = Health)))]
pub async fn readyz(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    match state.platform().ping().await {
        Ok(()) => {
            let shared = state.platform().limits.shared_state().await;
            let mut degraded: Vec<String> = (shared == Some(false))
                .then(|| "redis".to_owned())
                .into_iter()
                .collect();
            if state.platform().backups.last_failure().is_some() {
                degraded.push("backup".to_owned());
            }
            let status = if degraded.is_empty() {
                "ready"
            } else {
                "degraded"
            };
            Ok(Json(Health {
                status: status.into(),
                degraded,
            }))
        }
        Err(err) => {
            tracing::warn!(error = %err, "readiness check failed");
            Err(ApiError::new(ProblemCode::DatabaseUnavailable)
                .with_detail("The database is unreachable.")
                .with_retry_after(5))
        }
    }
}
