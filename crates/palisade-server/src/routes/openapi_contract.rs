//! Writes each operation's [`Contract`](super::contract::Contract) into the OpenAPI document:
//! one response per error status it can answer, each naming the stable codes it can carry (as
//! a JSON Schema `enum`, so a client or a contract tester can hold us to them), and the
//! security requirements of the credentials it accepts. The handlers' annotations describe
//! only success; everything else comes from here, so the two cannot disagree.

use super::contract::Credentials;
use super::{Route, Verb};
use crate::extract::auth::{ACCESS_COOKIE, CSRF_HEADER};
use crate::problem_code::ProblemCode;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

const PROBLEM_JSON: &str = crate::error::PROBLEM_CONTENT_TYPE;

/// The security schemes operations refer to: both bearer kinds and cookie mode.
fn security_schemes() -> Value {
    json!({
        "accessToken": {
            "type": "http", "scheme": "bearer", "bearerFormat": "JWT",
            "description": "An access token from `POST /v1/auth/login` (EdDSA JWT, 15 minutes)."
        },
        "apiKey": {
            "type": "http", "scheme": "bearer", "bearerFormat": "pal_ API key",
            "description": "A workspace API key (`pal_…`), sent as a bearer token; valid only for its own workspace and scopes."
        },
        "sessionCookie": {
            "type": "apiKey", "in": "cookie", "name": ACCESS_COOKIE,
            "description": "Cookie mode (`?mode=cookie` at login): the access token in an HttpOnly `__Host-` cookie."
        },
        "csrfToken": {
            "type": "apiKey", "in": "header", "name": CSRF_HEADER,
            "description": "With the session cookie, every state-changing request echoes the `csrf_token` from login."
        }
    })
}

/// Security requirement alternatives for an operation (any one suffices).
fn security(credentials: Credentials, verb: Verb) -> Option<Value> {
    let cookie = if verb == Verb::Get {
        json!({"sessionCookie": []})
    } else {
        json!({"sessionCookie": [], "csrfToken": []})
    };
    match credentials {
        Credentials::None => None,
        Credentials::Session => Some(json!([{"accessToken": []}, cookie])),
        Credentials::SessionOrApiKey => Some(json!([{"accessToken": []}, {"apiKey": []}, cookie])),
    }
}

/// The response for one error status: the codes it may carry, and the headers that come with it.
fn problem_response(status: u16, codes: &[ProblemCode]) -> Value {
    let listed: Vec<String> = codes
        .iter()
        .map(|code| format!("`{}` ({})", code.as_str(), code.title()))
        .collect();
    let names: Vec<&str> = codes.iter().map(|code| code.as_str()).collect();
    let mut response = json!({
        "description": listed.join("; "),
        "content": { PROBLEM_JSON: { "schema": { "allOf": [
            { "$ref": "#/components/schemas/Problem" },
            { "type": "object", "properties": {
                "status": { "const": status },
                "code": { "type": "string", "enum": names }
            } }
        ] } } }
    });
    let header = match status {
        401 => Some((
            "WWW-Authenticate",
            "The authentication challenge (RFC 6750).",
        )),
        429 | 503 => Some(("Retry-After", "Seconds to wait before trying again.")),
        _ => None,
    };
    if let Some((name, description)) = header {
        response["headers"] = json!({ name: {
            "description": description, "required": true, "schema": { "type": "string" }
        }});
    }
    response
}

/// The optional `Idempotency-Key` header of workspace writes.
fn idempotency_key_parameter() -> Value {
    json!({
        "name": "Idempotency-Key", "in": "header", "required": false,
        "description": "Makes a retry safe: a retry of a request that succeeded gets the first response (24 h, per caller and workspace) with `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`; while the first is running, 409 `idempotency_key_in_use`.",
        "schema": { "type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[!-~]+$" }
    })
}

/// Adds the derived responses and security of every routed operation to `doc`.
pub fn apply(doc: &mut Value, routes: &[Route]) {
    doc["components"]["securitySchemes"] = security_schemes();
    let all_codes: Vec<&str> = ProblemCode::ALL.iter().map(|c| c.as_str()).collect();
    doc["components"]["schemas"]["Problem"]["properties"]["code"]["enum"] = json!(all_codes);
    for route in routes {
        let Some(operation) = doc["paths"][route.path][route.verb.openapi_name()].as_object_mut()
        else {
            continue;
        };
        let mut by_status: BTreeMap<u16, Vec<ProblemCode>> = BTreeMap::new();
        for code in &route.contract.problems {
            by_status
                .entry(code.status().as_u16())
                .or_default()
                .push(*code);
        }
        let responses = operation
            .entry("responses")
            .or_insert_with(|| Value::Object(Map::new()));
        if let Some(responses) = responses.as_object_mut() {
            for (status, codes) in by_status {
                responses.insert(status.to_string(), problem_response(status, &codes));
            }
        }
        operation.insert(
            "operationId".into(),
            Value::String(route.operation_id.clone()),
        );
        if let Some(requirements) = security(route.contract.credentials, route.verb) {
            operation.insert("security".into(), requirements);
        }
        if route.idempotent {
            let parameters = operation
                .entry("parameters")
                .or_insert_with(|| Value::Array(Vec::new()));
            if let Some(parameters) = parameters.as_array_mut() {
                parameters.push(idempotency_key_parameter());
            }
        }
    }
}
