//! `/v1/me/mfa/*`: the signed-in account's TOTP enrolment, step-up and removal.

use crate::error::ApiError;
use crate::extract::{Authenticated, Json, RequestOrigin};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use base64::Engine;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Shown once: add it to an authenticator app by scanning the QR code or typing the secret.
#[derive(Serialize, ToSchema)]
pub struct TotpEnrollmentView {
    /// The seed in base32.
    pub secret: String,
    /// `otpauth://totp/Palisade:<email>?secret=…&issuer=Palisade&algorithm=SHA1&digits=6&period=30`
    pub otpauth_uri: String,
    /// The URI as a QR code: `data:image/svg+xml;base64,…`.
    pub qr_code: Option<String>,
}

/// Start TOTP enrolment (replacing one not yet confirmed). Confirm it with a first code.
#[utoipa::path(post, path = "/v1/me/mfa/totp", tag = "me",
    responses((status = 201, body = TotpEnrollmentView)))]
pub async fn enroll(
    State(state): State<AppState>,
    caller: Authenticated,
    RequestOrigin(origin): RequestOrigin,
) -> Result<(StatusCode, axum::Json<TotpEnrollmentView>), ApiError> {
    let enrollment = state
        .platform()
        .auth
        .begin_totp(&caller.caller(), &origin)
        .await?;
    let qr_code = enrollment.qr_svg.map(|svg| {
        let encoded = base64::engine::general_purpose::STANDARD.encode(svg);
        format!("data:image/svg+xml;base64,{encoded}")
    });
    Ok((
        StatusCode::CREATED,
        axum::Json(TotpEnrollmentView {
            secret: enrollment.secret.expose_secret().to_owned(),
            otpauth_uri: enrollment.otpauth_uri.expose_secret().to_owned(),
            qr_code,
        }),
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CodeRequest {
    #[schema(schema_with = super::fields::mfa_code)]
    pub code: SecretString,
}

/// Shown once: each works once, in place of a code, if the authenticator is lost.
#[derive(Serialize, ToSchema)]
pub struct RecoveryCodesView {
    pub recovery_codes: Vec<String>,
}

/// Confirm enrolment with a first code: MFA is on from now, and the ten recovery codes are
/// returned (only here). This session counts as having just proved a second factor.
#[utoipa::path(post, path = "/v1/me/mfa/totp/confirm", tag = "me", request_body = CodeRequest,
    responses((status = 200, body = RecoveryCodesView)))]
pub async fn confirm(
    State(state): State<AppState>,
    caller: Authenticated,
    RequestOrigin(origin): RequestOrigin,
    Json(body): Json<CodeRequest>,
) -> Result<axum::Json<RecoveryCodesView>, ApiError> {
    let codes = state
        .platform()
        .auth
        .confirm_totp(&caller.caller(), body.code.expose_secret(), &origin)
        .await?;
    Ok(axum::Json(RecoveryCodesView {
        recovery_codes: codes
            .0
            .iter()
            .map(|c| c.expose_secret().to_owned())
            .collect(),
    }))
}

/// A current code (or recovery code), or the password from a session that proved a second
/// factor in the last ten minutes.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RemoveTotpRequest {
    #[serde(default)]
    #[schema(schema_with = super::fields::mfa_code)]
    pub code: Option<SecretString>,
    #[serde(default)]
    #[schema(schema_with = super::fields::current_password)]
    pub password: Option<SecretString>,
}

/// Turn MFA off (the enrolment and its recovery codes are deleted).
#[utoipa::path(delete, path = "/v1/me/mfa/totp", tag = "me", request_body = RemoveTotpRequest,
    responses((status = 204, description = "MFA removed")))]
pub async fn remove(
    State(state): State<AppState>,
    caller: Authenticated,
    RequestOrigin(origin): RequestOrigin,
    Json(body): Json<RemoveTotpRequest>,
) -> Result<StatusCode, ApiError> {
    state
        .platform()
        .auth
        .remove_totp(
            &caller.caller(),
            body.code.as_ref().map(|c| c.expose_secret()),
            body.password,
            &origin,
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StepUpView {
    /// Seconds the step-up lasts for sensitive actions.
    #[schema(example = 600)]
    pub valid_for: i64,
    /// Present when a recovery code was used: how many remain.
    pub recovery_codes_remaining: Option<u32>,
}

/// Prove a second factor again in this session; sensitive actions accept it for ten minutes.
#[utoipa::path(post, path = "/v1/me/mfa/step-up", tag = "me", request_body = CodeRequest,
    responses((status = 200, body = StepUpView)))]
pub async fn step_up(
    State(state): State<AppState>,
    caller: Authenticated,
    RequestOrigin(origin): RequestOrigin,
    Json(body): Json<CodeRequest>,
) -> Result<axum::Json<StepUpView>, ApiError> {
    let used = state
        .platform()
        .auth
        .step_up(&caller.caller(), body.code.expose_secret(), &origin)
        .await?;
    Ok(axum::Json(StepUpView {
        valid_for: palisade_service::auth::mfa::STEP_UP_WINDOW.whole_seconds(),
        recovery_codes_remaining: match used {
            palisade_service::auth::FactorUsed::RecoveryCode { remaining } => Some(remaining),
            palisade_service::auth::FactorUsed::Totp => None,
        },
    }))
}

redacted_debug!(TotpEnrollmentView, RecoveryCodesView);
