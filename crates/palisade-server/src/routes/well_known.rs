//! `/.well-known/security.txt` (RFC 9116) and the disclosure policy it points to.

use crate::state::AppState;
use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use std::fmt::Write;
use time::format_description::well_known::Rfc3339;

const TEXT_PLAIN: &str = "text/plain; charset=utf-8";

fn plain_text(body: String) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(TEXT_PLAIN));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    response
}

/// How to report a vulnerability in this deployment, per RFC 9116.
#[utoipa::path(get, path = "/.well-known/security.txt", tag = "well-known",
    responses((status = 200, description = "RFC 9116 security.txt", content_type = "text/plain; charset=utf-8", body = String)))]
pub async fn security_txt(State(state): State<AppState>) -> Response {
    let config = state.config();
    let txt = &config.security_txt;
    // Computed per request so a long-running server never serves a stale Expires.
    let expires = (state.clock().now() + txt.expires_in)
        .replace_nanosecond(0)
        .ok()
        .and_then(|at| at.format(&Rfc3339).ok())
        .unwrap_or_default();
    let mut body = String::new();
    for contact in &txt.contact {
        let _ = writeln!(body, "Contact: {contact}");
    }
    let _ = writeln!(body, "Expires: {expires}");
    if let Some(encryption) = &txt.encryption {
        let _ = writeln!(body, "Encryption: {encryption}");
    }
    let _ = writeln!(body, "Preferred-Languages: {}", txt.preferred_languages);
    if let Ok(canonical) = config.public_url.join("/.well-known/security.txt") {
        let _ = writeln!(body, "Canonical: {canonical}");
    }
    let _ = writeln!(body, "Policy: {}", txt.policy);
    plain_text(body)
}

/// The default vulnerability disclosure policy that security.txt links to.
#[utoipa::path(get, path = "/security-policy", tag = "well-known",
    responses((status = 200, description = "Vulnerability disclosure policy", content_type = "text/plain; charset=utf-8", body = String)))]
pub async fn security_policy(State(state): State<AppState>) -> Response {
    let contact = state.config().security_txt.contact.join(", ");
    plain_text(format!(
        "Vulnerability disclosure policy\n\n\
         Report suspected vulnerabilities in this service to: {contact}\n\
         Please include the affected URL, the steps to reproduce and the impact you observed.\n\
         We acknowledge reports within 3 business days and keep you informed until a fix ships.\n\
         Test only against accounts you own; do not access, change or destroy other users' data,\n\
         and do not degrade the service. Research done in good faith under this policy is welcome\n\
         and we will not pursue legal action against it.\n"
    ))
}

/// The public keys that verify access tokens (RFC 7517).
#[utoipa::path(get, path = "/.well-known/jwks.json", tag = "well-known",
    responses((status = 200, description = "JSON Web Key Set", body = Jwks)))]
pub async fn jwks(State(state): State<AppState>) -> Response {
    let mut response = axum::Json(Jwks {
        keys: state.platform().auth.jwks(),
    })
    .into_response();
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    response
}

#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Jwks {
    #[schema(value_type = Vec<crate::routes::v1::json_types::JsonObject>)]
    pub keys: Vec<palisade_crypto::jwt::PublicJwk>,
}

/// The public keys that verify the audit log's signed checkpoints, as a JSON Web Key Set:
/// what an auditor checks an export against.
#[utoipa::path(get, path = "/.well-known/palisade-audit-keys.json", tag = "well-known",
    responses((status = 200, description = "JSON Web Key Set", body = Jwks)))]
pub async fn audit_keys(State(state): State<AppState>) -> Response {
    let mut response = axum::Json(Jwks {
        keys: state.platform().audit.public_keys(),
    })
    .into_response();
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    response
}
