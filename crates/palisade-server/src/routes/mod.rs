//! Every route the server answers is added here, through [`RouteTable`], which records it.
//! A test compares that record with the OpenAPI document, so a route cannot ship undocumented.

pub mod contract;
pub mod health;
pub mod openapi;
mod openapi_contract;
mod own_codes;
pub mod v1;
pub mod well_known;

use crate::middleware::rate_limit::RouteLimit;
use crate::problem_code::ProblemCode;
use crate::state::AppState;
use axum::handler::Handler;
use axum::routing::{on, MethodFilter};
use axum::Router;
use contract::{Contract, Documented};
use own_codes::*;

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
    /// Which rate-limit budget its requests spend.
    pub limit: RouteLimit,
    /// Whether it takes an `Idempotency-Key`.
    pub idempotent: bool,
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
        let mut contract = contract::of(&handler, verb, own);
        let takes_credential = contract.credentials != contract::Credentials::None;
        let limit = RouteLimit::of(verb, path, takes_credential);
        if limit != RouteLimit::Exempt {
            contract.problems.insert(ProblemCode::RateLimited);
        }
        let idempotent =
            crate::middleware::idempotency::applies(verb, path) && contract.permission.is_some();
        if idempotent {
            contract.problems.extend([
                ProblemCode::InvalidIdempotencyKey,
                ProblemCode::IdempotencyKeyInUse,
                ProblemCode::IdempotencyKeyReused,
            ]);
        }
        let operation_id = operation_id(std::any::type_name::<H>());
        self.router = self.router.route(path, on(verb.filter(), handler));
        self.routes.push(Route {
            verb,
            path,
            operation_id,
            contract,
            limit,
            idempotent,
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
        .add(
            Verb::Get,
            "/.well-known/palisade-audit-keys.json",
            well_known::audit_keys,
            &[],
        )
        .add(Verb::Get, "/openapi.json", openapi::openapi_json, &[])
        .add(Verb::Post, "/v1/auth/signup", v1::auth::signup, AUTH_SIGNUP)
        .add(Verb::Post, "/v1/auth/login", v1::auth::login, AUTH_LOGIN)
        .add(
            Verb::Post,
            "/v1/auth/refresh",
            v1::auth::refresh,
            AUTH_REFRESH,
        )
        .add(
            Verb::Post,
            "/v1/auth/mfa/verify",
            v1::auth::mfa_verify,
            AUTH_MFA_VERIFY,
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
        .add(Verb::Get, "/v1/me/export", v1::privacy::export_me, &[])
        .add(Verb::Delete, "/v1/me", v1::privacy::delete_me, ME_DELETE)
        .add(Verb::Post, MFA_TOTP, v1::mfa::enroll, MFA_ENROLL)
        .add(Verb::Delete, MFA_TOTP, v1::mfa::remove, MFA_REMOVE)
        .add(
            Verb::Post,
            "/v1/me/mfa/totp/confirm",
            v1::mfa::confirm,
            MFA_CONFIRM,
        )
        .add(
            Verb::Post,
            "/v1/me/mfa/step-up",
            v1::mfa::step_up,
            MFA_STEP_UP,
        )
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
            WORKSPACES_DELETE,
        )
        .add(
            Verb::Get,
            "/v1/workspaces/{ws}/export",
            v1::privacy::export_workspace,
            WORKSPACES_DELETE,
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
        .add(Verb::Post, SUPPORT, v1::support::grant, SUPPORT_GRANT)
        .add(Verb::Get, SUPPORT, v1::support::list, &[])
        .add(
            Verb::Delete,
            "/v1/workspaces/{ws}/support-access/{id}",
            v1::support::revoke,
            SUPPORT_REVOKE,
        )
        .add(Verb::Get, SECRETS, v1::secrets::list, &[])
        .add(Verb::Put, SECRET, v1::secrets::put, SECRETS_PUT)
        .add(Verb::Get, SECRET, v1::secrets::get, SECRETS_ONE)
        .add(Verb::Delete, SECRET, v1::secrets::delete, SECRETS_ONE)
        .add(Verb::Post, WEBHOOKS, v1::webhooks::create, WEBHOOKS_CREATE)
        .add(Verb::Get, WEBHOOKS, v1::webhooks::list, &[])
        .add(Verb::Get, WEBHOOK, v1::webhooks::get, WEBHOOKS_ONE)
        .add(Verb::Patch, WEBHOOK, v1::webhooks::update, WEBHOOKS_UPDATE)
        .add(Verb::Delete, WEBHOOK, v1::webhooks::delete, WEBHOOKS_ONE)
        .add(
            Verb::Post,
            "/v1/workspaces/{ws}/webhooks/{id}/rotate-secret",
            v1::webhooks::rotate_secret,
            WEBHOOKS_ROTATE,
        )
        .add(
            Verb::Post,
            "/v1/workspaces/{ws}/webhooks/{id}/test",
            v1::webhooks::test,
            WEBHOOKS_ONE,
        )
        .add(
            Verb::Get,
            "/v1/workspaces/{ws}/webhooks/{id}/deliveries",
            v1::webhooks::deliveries,
            WEBHOOKS_DELIVERIES,
        )
        .add(
            Verb::Post,
            "/v1/workspaces/{ws}/webhooks/{id}/messages/{message_id}/redeliver",
            v1::webhooks::redeliver,
            WEBHOOKS_REDELIVER,
        )
        .add(
            Verb::Get,
            "/v1/workspaces/{ws}/audit-events",
            v1::audit::events,
            AUDIT_EVENTS,
        )
        .add(
            Verb::Get,
            "/v1/workspaces/{ws}/audit-events/export",
            v1::audit::export,
            &[],
        )
        .add(
            Verb::Get,
            "/v1/workspaces/{ws}/audit/verify",
            v1::audit::verify,
            &[],
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
        .add(
            Verb::Get,
            "/v1/admin/accounts",
            v1::admin::accounts,
            ADMIN_LIST,
        )
        .add(
            Verb::Get,
            "/v1/admin/workspaces",
            v1::admin::workspaces,
            ADMIN_LIST,
        )
        .add(
            Verb::Post,
            "/v1/admin/accounts/{id}/suspend",
            v1::admin::suspend_account,
            ADMIN_ACCOUNT,
        )
        .add(
            Verb::Post,
            "/v1/admin/accounts/{id}/unsuspend",
            v1::admin::unsuspend_account,
            ADMIN_ACCOUNT,
        )
        .add(
            Verb::Post,
            "/v1/admin/workspaces/{ws}/suspend",
            v1::admin::suspend_workspace,
            ADMIN_WORKSPACE,
        )
        .add(
            Verb::Post,
            "/v1/admin/workspaces/{ws}/unsuspend",
            v1::admin::unsuspend_workspace,
            ADMIN_WORKSPACE,
        )
        .add(Verb::Get, "/v1/admin/ip-blocks", v1::admin::ip_blocks, &[])
        .add(
            Verb::Delete,
            "/v1/admin/ip-blocks/{ip}",
            v1::admin::lift_ip_block,
            ADMIN_LIFT_BLOCK,
        )
        .add(
            Verb::Get,
            "/v1/admin/audit-events",
            v1::admin::audit_events,
            AUDIT_EVENTS,
        )
}

const SECRETS: &str = "/v1/workspaces/{ws}/secrets";
const WEBHOOKS: &str = "/v1/workspaces/{ws}/webhooks";
const WEBHOOK: &str = "/v1/workspaces/{ws}/webhooks/{id}";
const SUPPORT: &str = "/v1/workspaces/{ws}/support-access";
const MFA_TOTP: &str = "/v1/me/mfa/totp";
const SECRET: &str = "/v1/workspaces/{ws}/secrets/{name}";
const COLLECTIONS: &str = "/v1/workspaces/{ws}/collections";
const COLLECTION: &str = "/v1/workspaces/{ws}/collections/{name}";
const RECORDS: &str = "/v1/workspaces/{ws}/collections/{name}/records";
const RECORD: &str = "/v1/workspaces/{ws}/collections/{name}/records/{id}";
