//! Routes that exist only in tests, mounted behind the real middleware, to exercise the
//! JSON extractor, internal errors and timeouts before any v1 endpoint takes a body.

use palisade_server::extract::Json;
use palisade_server::routes::{table, RouteTable, Verb};
use palisade_server::ApiError;
use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Echo {
    pub name: String,
    pub count: u32,
}

async fn echo(Json(body): Json<Echo>) -> Json<Echo> {
    Json(body)
}

async fn fail_internally() -> Result<(), ApiError> {
    Err(ApiError::internal(
        "connection to db-7.internal refused; pool=primary",
    ))
}

async fn whoami(caller: palisade_server::extract::Authenticated) -> String {
    caller.user.to_string()
}

/// Past the workspace check and nothing else: the caller's role, with no store call here.
async fn role_in(
    access: palisade_server::extract::Scoped<palisade_core::grant::ReadWorkspace>,
) -> String {
    access.grant.scope().role().to_string()
}

async fn never_finish() -> &'static str {
    std::future::pending::<()>().await;
    "unreachable"
}

pub const ECHO: &str = "/v1/probe/echo";
pub const AUTH_ECHO: &str = "/v1/auth/probe-echo";
pub const FAIL: &str = "/v1/probe/fail";
pub const HANG: &str = "/v1/probe/hang";
pub const WHOAMI: &str = "/v1/probe/whoami";
/// `{ws}`: the workspace whose role is asked.
pub const ROLE_IN: &str = "/v1/probe/workspaces/{ws}/role";

/// The API's routes plus the probes.
pub fn routes() -> RouteTable {
    table()
        .add(Verb::Post, ECHO, echo, &[])
        .add(Verb::Post, AUTH_ECHO, echo, &[])
        .add(Verb::Get, FAIL, fail_internally, &[])
        .add(Verb::Get, HANG, never_finish, &[])
        .add(Verb::Get, WHOAMI, whoami, &[])
        .add(Verb::Get, ROLE_IN, role_in, &[])
}
