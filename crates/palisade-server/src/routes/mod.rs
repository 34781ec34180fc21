//! Every route the server answers is added here, through [`RouteTable`], which records it.
//! A test compares that record with the OpenAPI document, so a route cannot ship undocumented.

pub mod health;
pub mod openapi;
pub mod v1;
pub mod well_known;

use crate::state::AppState;
use axum::handler::Handler;
use axum::routing::{on, MethodFilter};
use axum::Router;

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

/// A router that remembers what it routes.
#[derive(Debug, Default)]
pub struct RouteTable {
    router: Router<AppState>,
    entries: Vec<(Verb, &'static str)>,
}

impl RouteTable {
    pub fn add<H, T>(mut self, verb: Verb, path: &'static str, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.router = self.router.route(path, on(verb.filter(), handler));
        self.entries.push((verb, path));
        self
    }

    pub fn entries(&self) -> &[(Verb, &'static str)] {
        &self.entries
    }

    pub fn into_router(self) -> Router<AppState> {
        self.router
    }
}

/// All routes of the API.
pub fn table() -> RouteTable {
    RouteTable::default()
        .add(Verb::Get, "/healthz", health::healthz)
        .add(Verb::Get, "/readyz", health::readyz)
        .add(
            Verb::Get,
            "/.well-known/security.txt",
            well_known::security_txt,
        )
        .add(Verb::Get, "/security-policy", well_known::security_policy)
        .add(Verb::Get, "/.well-known/jwks.json", well_known::jwks)
        .add(Verb::Get, "/openapi.json", openapi::openapi_json)
        .add(Verb::Post, "/v1/auth/signup", v1::auth::signup)
        .add(Verb::Post, "/v1/auth/login", v1::auth::login)
        .add(Verb::Post, "/v1/auth/refresh", v1::auth::refresh)
        .add(Verb::Post, "/v1/auth/logout", v1::auth::logout)
        .add(
            Verb::Post,
            "/v1/auth/password-reset",
            v1::auth::request_password_reset,
        )
        .add(
            Verb::Post,
            "/v1/auth/password-reset/confirm",
            v1::auth::confirm_password_reset,
        )
        .add(Verb::Get, "/v1/me", v1::me::me)
        .add(Verb::Get, "/v1/me/sessions", v1::me::sessions)
        .add(Verb::Delete, "/v1/me/sessions/{id}", v1::me::revoke_session)
        .add(Verb::Post, "/v1/me/password", v1::me::change_password)
        .add(Verb::Post, "/v1/workspaces", v1::workspaces::create)
        .add(Verb::Get, "/v1/workspaces", v1::workspaces::list)
        .add(Verb::Get, "/v1/workspaces/{ws}", v1::workspaces::get)
        .add(Verb::Patch, "/v1/workspaces/{ws}", v1::workspaces::update)
        .add(Verb::Delete, "/v1/workspaces/{ws}", v1::workspaces::delete)
        .add(
            Verb::Get,
            "/v1/workspaces/{ws}/members",
            v1::workspaces::members,
        )
        .add(
            Verb::Patch,
            "/v1/workspaces/{ws}/members/{user_id}",
            v1::workspaces::change_role,
        )
        .add(
            Verb::Delete,
            "/v1/workspaces/{ws}/members/{user_id}",
            v1::workspaces::remove_member,
        )
        .add(
            Verb::Post,
            "/v1/workspaces/{ws}/invitations",
            v1::invitations::create,
        )
        .add(
            Verb::Get,
            "/v1/workspaces/{ws}/invitations",
            v1::invitations::list,
        )
        .add(
            Verb::Delete,
            "/v1/workspaces/{ws}/invitations/{id}",
            v1::invitations::revoke,
        )
        .add(
            Verb::Post,
            "/v1/invitations/accept",
            v1::invitations::accept,
        )
        .add(
            Verb::Post,
            "/v1/workspaces/{ws}/api-keys",
            v1::api_keys::create,
        )
        .add(
            Verb::Get,
            "/v1/workspaces/{ws}/api-keys",
            v1::api_keys::list,
        )
        .add(
            Verb::Delete,
            "/v1/workspaces/{ws}/api-keys/{id}",
            v1::api_keys::revoke,
        )
        .add(Verb::Post, COLLECTIONS, v1::collections::create)
        .add(Verb::Get, COLLECTIONS, v1::collections::list)
        .add(Verb::Get, COLLECTION, v1::collections::get)
        .add(Verb::Patch, COLLECTION, v1::collections::update)
        .add(Verb::Delete, COLLECTION, v1::collections::delete)
        .add(Verb::Post, RECORDS, v1::records::create)
        .add(Verb::Get, RECORDS, v1::records::list)
        .add(Verb::Get, RECORD, v1::records::get)
        .add(Verb::Put, RECORD, v1::records::replace)
        .add(Verb::Patch, RECORD, v1::records::patch)
        .add(Verb::Delete, RECORD, v1::records::delete)
}

const COLLECTIONS: &str = "/v1/workspaces/{ws}/collections";
const COLLECTION: &str = "/v1/workspaces/{ws}/collections/{name}";
const RECORDS: &str = "/v1/workspaces/{ws}/collections/{name}/records";
const RECORD: &str = "/v1/workspaces/{ws}/collections/{name}/records/{id}";
