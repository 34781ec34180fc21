use crate::error::{FieldProblem, Problem};
use crate::routes::health::Health;
use crate::routes::v1::auth::TokenMode;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use std::sync::OnceLock;
use utoipa::OpenApi;

/// The OpenAPI 3.1 document, generated from the handlers' annotations.
#[derive(Debug, OpenApi)]
#[openapi(
    info(
        title = "Palisade API",
        description = "Secure multi-tenant backend platform."
    ),
    paths(
        super::health::healthz,
        super::health::readyz,
        super::well_known::security_txt,
        super::well_known::security_policy,
        super::well_known::jwks,
        super::well_known::audit_keys,
        openapi_json,
        super::v1::auth::signup,
        super::v1::auth::login,
        super::v1::auth::refresh,
        super::v1::auth::mfa_verify,
        super::v1::auth::logout,
        super::v1::auth::request_password_reset,
        super::v1::auth::confirm_password_reset,
        super::v1::me::me,
        super::v1::me::sessions,
        super::v1::me::revoke_session,
        super::v1::me::change_password,
        super::v1::privacy::export_me,
        super::v1::privacy::delete_me,
        super::v1::privacy::export_workspace,
        super::v1::mfa::enroll,
        super::v1::mfa::confirm,
        super::v1::mfa::remove,
        super::v1::mfa::step_up,
        super::v1::workspaces::create,
        super::v1::workspaces::list,
        super::v1::workspaces::get,
        super::v1::workspaces::update,
        super::v1::workspaces::delete,
        super::v1::workspaces::members,
        super::v1::workspaces::change_role,
        super::v1::workspaces::remove_member,
        super::v1::invitations::create,
        super::v1::invitations::list,
        super::v1::invitations::revoke,
        super::v1::invitations::accept,
        super::v1::api_keys::create,
        super::v1::api_keys::list,
        super::v1::api_keys::revoke,
        super::v1::audit::events,
        super::v1::audit::export,
        super::v1::audit::verify,
        super::v1::support::grant,
        super::v1::support::list,
        super::v1::support::revoke,
        super::v1::secrets::put,
        super::v1::secrets::list,
        super::v1::secrets::get,
        super::v1::secrets::delete,
        super::v1::webhooks::create,
        super::v1::webhooks::list,
        super::v1::webhooks::get,
        super::v1::webhooks::update,
        super::v1::webhooks::delete,
        super::v1::webhooks::rotate_secret,
        super::v1::webhooks::test,
        super::v1::webhooks::deliveries,
        super::v1::webhooks::redeliver,
        super::v1::collections::create,
        super::v1::collections::list,
        super::v1::collections::get,
        super::v1::collections::update,
        super::v1::collections::delete,
        super::v1::records::create,
        super::v1::records::list,
        super::v1::records::get,
        super::v1::records::replace,
        super::v1::records::patch,
        super::v1::records::delete,
        super::v1::admin::accounts,
        super::v1::admin::workspaces,
        super::v1::admin::suspend_account,
        super::v1::admin::unsuspend_account,
        super::v1::admin::suspend_workspace,
        super::v1::admin::unsuspend_workspace,
        super::v1::admin::ip_blocks,
        super::v1::admin::lift_ip_block,
        super::v1::admin::audit_events,
    ),
    components(schemas(Problem, FieldProblem, Health, TokenMode, super::v1::audit::Format))
)]
pub struct ApiDoc;

/// The whole document: the annotations, then each operation's contract and security.
pub fn document() -> serde_json::Value {
    let mut doc = serde_json::to_value(ApiDoc::openapi()).unwrap_or_default();
    super::openapi_contract::apply(&mut doc, super::table().routes());
    // A workspace update changes something (utoipa's derive cannot say so).
    if let Some(update) = doc.pointer_mut("/components/schemas/UpdateWorkspace") {
        update["minProperties"] = serde_json::json!(1);
    }
    doc
}

fn serialized() -> &'static str {
    static DOCUMENT: OnceLock<String> = OnceLock::new();
    DOCUMENT.get_or_init(|| serde_json::to_string(&document()).unwrap_or_else(|_| "{}".into()))
}

/// This document.
#[utoipa::path(get, path = "/openapi.json", tag = "meta",
    responses((status = 200, description = "OpenAPI 3.1 document", content_type = "application/json", body = crate::routes::v1::json_types::JsonObject)))]
pub async fn openapi_json() -> Response {
    let mut response = serialized().into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    response
}
