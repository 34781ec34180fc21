//! Every route the server answers is added here, through [`RouteTable`], which records it.
//! A test compares that record with the OpenAPI document, so a route cannot ship undocumented.

pub mod contract;
pub mod health;
pub mod openapi;
mod openapi_contract;
pub mod v1;
pub mod well_known;

use crate::problem_code::ProblemCode;
use crate::state::AppState;
use axum::handler::Handler;
use axum::routing::{on, MethodFilter};
use axum::Router;
use contract::{Contract, Documented};

/// The HTTP methods routes may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verb {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Verb {
    fn filter(self) -> MethodFilter {
        match self {
            Verb::Get => MethodFilter::GET,
            Verb::Post => MethodFilter::POST,
            Verb::Put => MethodFilter::PUT,
            Verb::Patch => MethodFilter::PATCH,
            Verb::Delete => MethodFilter::DELETE,
        }
    }

    /// The verb of an HTTP method, if routes use it.
    pub fn of(method: &axum::http::Method) -> Option<Self> {
        use axum::http::Method;
        match *method {
            Method::GET => Some(Verb::Get),
            Method::POST => Some(Verb::Post),
            Method::PUT => Some(Verb::Put),
            Method::PATCH => Some(Verb::Patch),
            Method::DELETE => Some(Verb::Delete),
            _ => None,
        }
    }

    /// The lower-case name OpenAPI uses for the operation.
    pub fn openapi_name(self) -> &'static str {
        match self {
            Verb::Get => "get",
            Verb::Post => "post",
            Verb::Put => "put",
            Verb::Patch => "patch",
            Verb::Delete => "delete",
        }
    }
}

/// One routed operation and what it can answer besides success.
#[derive(Debug, Clone)]
pub struct Route {
    pub verb: Verb,
    pub path: &'static str,
    /// Unique across the API: the handler's module and name, e.g. `records_patch`.
    pub operation_id: String,
    pub contract: Contract,
}

/// A router that remembers what it routes.
#[derive(Debug, Default)]
pub struct RouteTable {
    router: Router<AppState>,
    routes: Vec<Route>,
}

impl RouteTable {
    /// Routes `verb path` to `handler`. Its contract comes from the handler's argument types;
    /// `own` lists the codes the handler's service calls add.
    pub fn add<H, T, A>(
        mut self,
        verb: Verb,
        path: &'static str,
        handler: H,
        own: &[ProblemCode],
    ) -> Self
    where
        H: Handler<T, AppState> + Documented<A>,
        T: 'static,
    {
        let contract = contract::of(&handler, verb, own);
        let operation_id = operation_id(std::any::type_name::<H>());
        self.router = self.router.route(path, on(verb.filter(), handler));
        self.routes.push(Route {
            verb,
            path,
            operation_id,
            contract,
        });
        self
    }

    pub fn routes(&self) -> &[Route] {
        &self.routes
    }

    pub fn into_router(self) -> Router<AppState> {
        self.router
    }
}

/// `palisade_server::routes::v1::records::patch` → `records_patch`.
fn operation_id(handler: &str) -> String {
    let mut segments = handler.rsplit("::");
    let name = segments.next().unwrap_or(handler);
    match segments.next() {
        Some(module) => format!("{module}_{name}"),
        None => name.to_owned(),
    }
}

/// All routes of the API.
pub fn table() -> RouteTable {
    RouteTable::default()
        .add(Verb::Get, "/healthz", health::healthz, &[])
        .add(Verb::Get, "/readyz", health::readyz, HEALTH_READYZ)
        .add(
            Verb::Get,
            "/.well-known/security.txt",
            well_known::security_txt,
            &[],
        )
        .add(
            Verb::Get,
            "/security-policy",
            well_known::security_policy,
            &[],
        )
        .add(Verb::Get, "/.well-known/jwks.json", well_known::jwks, &[])
        .add(Verb::Get, "/openapi.json", openapi::openapi_json, &[])
        .add(Verb::Post, "/v1/auth/signup", v1::auth::signup, AUTH_SIGNUP)
        .add(Verb::Post, "/v1/auth/login", v1::auth::login, AUTH_LOGIN)
        .add(
            Verb::Post,
            "/v1/auth/refresh",
            v1::auth::refresh,
            AUTH_REFRESH,
        )
        .add(Verb::Post, "/v1/auth/logout", v1::auth::logout, &[])
        .add(
            Verb::Post,
            "/v1/auth/password-reset",
            v1::auth::request_password_reset,
            &[ProblemCode::InvalidEmail],
        )
        .add(
            Verb::Post,
            "/v1/auth/password-reset/confirm",
            v1::auth::confirm_password_reset,
            AUTH_CONFIRM_PASSWORD_RESET,
        )
        .add(Verb::Get, "/v1/me", v1::me::me, &[])
        .add(Verb::Get, "/v1/me/sessions", v1::me::sessions, &[])
        .add(
            Verb::Delete,
            "/v1/me/sessions/{id}",
            v1::me::revoke_session,
            ME_REVOKE_SESSION,
        )
        .add(
            Verb::Post,
            "/v1/me/password",
            v1::me::change_password,
            ME_CHANGE_PASSWORD,
        )
        .add(
            Verb::Post,
            "/v1/workspaces",
            v1::workspaces::create,
            WORKSPACES_CREATE,
        )
        .add(Verb::Get, "/v1/workspaces", v1::workspaces::list, &[])
        .add(Verb::Get, "/v1/workspaces/{ws}", v1::workspaces::get, &[])
        .add(
            Verb::Patch,
            "/v1/workspaces/{ws}",
            v1::workspaces::update,
            WORKSPACES_UPDATE,
        )
        .add(
            Verb::Delete,
            "/v1/workspaces/{ws}",
            v1::workspaces::delete,
            &[],
        )
        .add(
            Verb::Get,
            "/v1/workspaces/{ws}/members",
            v1::workspaces::members,
            &[],
        )
        .add(
            Verb::Patch,
            "/v1/workspaces/{ws}/members/{user_id}",
            v1::workspaces::change_role,
            WORKSPACES_CHANGE_ROLE,
        )
        .add(
            Verb::Delete,
            "/v1/workspaces/{ws}/members/{user_id}",
            v1::workspaces::remove_member,
            WORKSPACES_REMOVE_MEMBER,
        )
        .add(
            Verb::Post,
            "/v1/workspaces/{ws}/invitations",
            v1::invitations::create,
            INVITATIONS_CREATE,
        )
        .add(
            Verb::Get,
            "/v1/workspaces/{ws}/invitations",
            v1::invitations::list,
            &[],
        )
        .add(
            Verb::Delete,
            "/v1/workspaces/{ws}/invitations/{id}",
            v1::invitations::revoke,
            INVITATIONS_REVOKE,
        )
        .add(
            Verb::Post,
            "/v1/invitations/accept",
            v1::invitations::accept,
            INVITATIONS_ACCEPT,
        )
        .add(
            Verb::Post,
            "/v1/workspaces/{ws}/api-keys",
            v1::api_keys::create,
            API_KEYS_CREATE,
        )
        .add(
            Verb::Get,
            "/v1/workspaces/{ws}/api-keys",
            v1::api_keys::list,
            &[],
        )
        .add(
            Verb::Delete,
            "/v1/workspaces/{ws}/api-keys/{id}",
            v1::api_keys::revoke,
            API_KEYS_REVOKE,
        )
        .add(
            Verb::Post,
            COLLECTIONS,
            v1::collections::create,
            COLLECTIONS_CREATE,
        )
        .add(Verb::Get, COLLECTIONS, v1::collections::list, &[])
        .add(Verb::Get, COLLECTION, v1::collections::get, COLLECTIONS_GET)
        .add(
            Verb::Patch,
            COLLECTION,
            v1::collections::update,
            COLLECTIONS_UPDATE,
        )
        .add(
            Verb::Delete,
            COLLECTION,
            v1::collections::delete,
            COLLECTIONS_DELETE,
        )
        .add(Verb::Post, RECORDS, v1::records::create, RECORDS_CREATE)
        .add(Verb::Get, RECORDS, v1::records::list, RECORDS_LIST)
        .add(Verb::Get, RECORD, v1::records::get, RECORDS_GET)
        .add(Verb::Put, RECORD, v1::records::replace, RECORDS_REPLACE)
        .add(Verb::Patch, RECORD, v1::records::patch, RECORDS_PATCH)
        .add(Verb::Delete, RECORD, v1::records::delete, RECORDS_DELETE)
}

const COLLECTIONS: &str = "/v1/workspaces/{ws}/collections";
const COLLECTION: &str = "/v1/workspaces/{ws}/collections/{name}";
const RECORDS: &str = "/v1/workspaces/{ws}/collections/{name}/records";
const RECORD: &str = "/v1/workspaces/{ws}/collections/{name}/records/{id}";

// What each handler's service calls can answer, beyond what its extractors declare. Refresh
// reads its JSON body itself (cookie mode has none), so it lists the body's codes too.
const HEALTH_READYZ: &[ProblemCode] = &[ProblemCode::DatabaseUnavailable];
const AUTH_SIGNUP: &[ProblemCode] = &[
    ProblemCode::InvalidName,
    ProblemCode::EmailTaken,
    ProblemCode::WeakPassword,
    ProblemCode::InvalidEmail,
    ProblemCode::SignupInviteOnly,
    ProblemCode::InvalidAccessCode,
    ProblemCode::AuthBusy,
];
const AUTH_LOGIN: &[ProblemCode] = &[ProblemCode::InvalidCredentials, ProblemCode::AuthBusy];
const AUTH_REFRESH: &[ProblemCode] = &[
    ProblemCode::InvalidRefreshToken,
    ProblemCode::RefreshTokenReused,
    ProblemCode::SessionExpired,
    ProblemCode::SessionRevoked,
    ProblemCode::CsrfTokenInvalid,
    ProblemCode::BadRequest,
    ProblemCode::MalformedJson,
    ProblemCode::PayloadTooLarge,
    ProblemCode::UnsupportedMediaType,
    ProblemCode::InvalidBody,
];
const AUTH_CONFIRM_PASSWORD_RESET: &[ProblemCode] = &[
    ProblemCode::InvalidResetToken,
    ProblemCode::WeakPassword,
    ProblemCode::AuthBusy,
];
const ME_REVOKE_SESSION: &[ProblemCode] = &[ProblemCode::NotFound];
const ME_CHANGE_PASSWORD: &[ProblemCode] = &[
    ProblemCode::InvalidCredentials,
    ProblemCode::WeakPassword,
    ProblemCode::AuthBusy,
];
const WORKSPACES_CREATE: &[ProblemCode] = &[
    ProblemCode::SlugTaken,
    ProblemCode::InvalidSlug,
    ProblemCode::ReservedSlug,
    ProblemCode::InvalidName,
];
const WORKSPACES_UPDATE: &[ProblemCode] = &[ProblemCode::InvalidName];
const WORKSPACES_CHANGE_ROLE: &[ProblemCode] = &[
    ProblemCode::NotFound,
    ProblemCode::LastOwner,
    ProblemCode::InvalidRole,
];
const WORKSPACES_REMOVE_MEMBER: &[ProblemCode] = &[ProblemCode::NotFound, ProblemCode::LastOwner];
const INVITATIONS_CREATE: &[ProblemCode] = &[ProblemCode::InvalidEmail, ProblemCode::InvalidRole];
const INVITATIONS_REVOKE: &[ProblemCode] = &[ProblemCode::NotFound];
const INVITATIONS_ACCEPT: &[ProblemCode] = &[ProblemCode::InvalidInvitation];
const API_KEYS_CREATE: &[ProblemCode] = &[
    ProblemCode::ScopeNotHeld,
    ProblemCode::InvalidScope,
    ProblemCode::InvalidName,
    ProblemCode::InvalidExpiry,
];
const API_KEYS_REVOKE: &[ProblemCode] = &[ProblemCode::NotFound];
const COLLECTIONS_CREATE: &[ProblemCode] = &[
    ProblemCode::CollectionExists,
    ProblemCode::InvalidCollectionName,
    ProblemCode::InvalidSchema,
];
const COLLECTIONS_GET: &[ProblemCode] = &[ProblemCode::CollectionNotFound];
const COLLECTIONS_UPDATE: &[ProblemCode] = &[
    ProblemCode::CollectionNotFound,
    ProblemCode::InvalidSchema,
    ProblemCode::NothingToChange,
];
const COLLECTIONS_DELETE: &[ProblemCode] = &[ProblemCode::CollectionNotFound];
const RECORDS_CREATE: &[ProblemCode] = &[
    ProblemCode::CollectionNotFound,
    ProblemCode::RecordNotObject,
    ProblemCode::UnsupportedCharacter,
    ProblemCode::RecordTooLarge,
    ProblemCode::SchemaViolation,
];
const RECORDS_LIST: &[ProblemCode] = &[
    ProblemCode::CollectionNotFound,
    ProblemCode::InvalidLimit,
    ProblemCode::InvalidCursor,
    ProblemCode::InvalidFilter,
    ProblemCode::InvalidQuery,
];
const RECORDS_GET: &[ProblemCode] = &[ProblemCode::RecordNotFound, ProblemCode::CollectionNotFound];
const RECORDS_REPLACE: &[ProblemCode] = &[
    ProblemCode::RecordNotFound,
    ProblemCode::CollectionNotFound,
    ProblemCode::WriteConflict,
    ProblemCode::PreconditionFailed,
    ProblemCode::RecordNotObject,
    ProblemCode::UnsupportedCharacter,
    ProblemCode::RecordTooLarge,
    ProblemCode::SchemaViolation,
];
const RECORDS_PATCH: &[ProblemCode] = &[
    ProblemCode::RecordNotFound,
    ProblemCode::CollectionNotFound,
    ProblemCode::WriteConflict,
    ProblemCode::PreconditionFailed,
    ProblemCode::RecordNotObject,
    ProblemCode::UnsupportedCharacter,
    ProblemCode::RecordTooLarge,
    ProblemCode::SchemaViolation,
];
const RECORDS_DELETE: &[ProblemCode] = &[
    ProblemCode::RecordNotFound,
    ProblemCode::CollectionNotFound,
    ProblemCode::WriteConflict,
    ProblemCode::PreconditionFailed,
];
