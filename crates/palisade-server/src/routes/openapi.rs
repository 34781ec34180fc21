use crate::error::{FieldProblem, Problem};
use crate::routes::health::Health;
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
        openapi_json,
        super::v1::auth::signup,
        super::v1::auth::login,
        super::v1::auth::refresh,
        super::v1::auth::logout,
        super::v1::auth::request_password_reset,
        super::v1::auth::confirm_password_reset,
        super::v1::me::me,
        super::v1::me::sessions,
        super::v1::me::revoke_session,
        super::v1::me::change_password,
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
    ),
    components(schemas(Problem, FieldProblem, Health)),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

/// Declares the `bearer` security scheme the operations refer to.
#[derive(Debug)]
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        let scheme = HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .bearer_format("JWT")
            .build();
        components.add_security_scheme("bearer", SecurityScheme::Http(scheme));
    }
}

fn document() -> &'static str {
    static DOCUMENT: OnceLock<String> = OnceLock::new();
    DOCUMENT.get_or_init(|| ApiDoc::openapi().to_json().unwrap_or_else(|_| "{}".into()))
}

/// This document.
#[utoipa::path(get, path = "/openapi.json", tag = "meta",
    responses((status = 200, description = "OpenAPI 3.1 document", content_type = "application/json", body = Object)))]
pub async fn openapi_json() -> Response {
    let mut response = document().into_response();
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
