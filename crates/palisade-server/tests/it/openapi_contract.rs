//! The OpenAPI document is the whole truth: every reference resolves, every operation lists
//! every error it can answer (with the stable codes), and authenticated operations say how.

use palisade_server::routes::contract::Credentials;
use palisade_server::routes::openapi::document;
use palisade_server::routes::table;
use palisade_server::ProblemCode;
use serde_json::Value;
use std::collections::BTreeSet;

fn operations(doc: &Value) -> Vec<(String, String, &Value)> {
    let mut found = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            found.push((method.clone(), path.clone(), operation));
        }
    }
    found
}

fn collect_refs<'a>(value: &'a Value, refs: &mut Vec<&'a str>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(target)) = map.get("$ref") {
                refs.push(target);
            }
            map.values().for_each(|v| collect_refs(v, refs));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, refs)),
        _ => {}
    }
}

/// Follows a local JSON Pointer (`#/components/…`) through the document.
fn resolve<'a>(doc: &'a Value, reference: &str) -> Option<&'a Value> {
    let pointer = reference.strip_prefix('#')?;
    doc.pointer(pointer)
}

#[test]
fn every_reference_in_the_document_resolves() {
    let doc = document();
    let mut refs = Vec::new();
    collect_refs(&doc, &mut refs);
    assert!(refs.len() > 20, "the walk found too few references");
    let dangling: BTreeSet<&str> = refs
        .into_iter()
        .filter(|r| resolve(&doc, r).is_none())
        .collect();
    assert!(dangling.is_empty(), "unresolved $refs: {dangling:?}");
}

#[test]
fn operation_ids_are_unique() {
    let doc = document();
    let mut seen = BTreeSet::new();
    for (method, path, operation) in operations(&doc) {
        let id = operation["operationId"].as_str().unwrap_or_default();
        assert!(!id.is_empty(), "{method} {path} has no operationId");
        assert!(seen.insert(id.to_owned()), "operationId {id} is used twice");
    }
}

#[test]
fn every_error_response_is_a_problem_naming_codes_of_its_status() {
    let doc = document();
    for (method, path, operation) in operations(&doc) {
        for (status, response) in operation["responses"].as_object().unwrap() {
            let Ok(status) = status.parse::<u16>() else {
                continue;
            };
            if status < 400 {
                continue;
            }
            let schema = &response["content"]["application/problem+json"]["schema"];
            assert_eq!(
                schema["allOf"][0]["$ref"], "#/components/schemas/Problem",
                "{method} {path} {status}"
            );
            let codes = schema["allOf"][1]["properties"]["code"]["enum"]
                .as_array()
                .unwrap_or_else(|| panic!("{method} {path} {status} names no codes"));
            assert!(!codes.is_empty(), "{method} {path} {status}");
            for code in codes {
                let code = ProblemCode::ALL
                    .iter()
                    .find(|c| c.as_str() == code)
                    .unwrap_or_else(|| panic!("{code} is not a ProblemCode"));
                assert_eq!(code.status().as_u16(), status, "{code:?} under {status}");
            }
        }
    }
}

#[test]
fn every_authenticated_operation_lists_401_with_its_challenge_and_its_security() {
    let doc = document();
    let mut authenticated = 0;
    for route in table().routes() {
        if route.contract.credentials == Credentials::None {
            continue;
        }
        authenticated += 1;
        let operation = &doc["paths"][route.path][route.verb.openapi_name()];
        let unauthorized = &operation["responses"]["401"];
        assert_eq!(
            unauthorized["headers"]["WWW-Authenticate"]["required"],
            true,
            "{} {}",
            route.verb.openapi_name(),
            route.path
        );
        let schemes: BTreeSet<&str> = operation["security"]
            .as_array()
            .unwrap_or_else(|| panic!("{} has no security", route.path))
            .iter()
            .flat_map(|alternative| alternative.as_object().unwrap().keys())
            .map(String::as_str)
            .collect();
        assert!(schemes.contains("accessToken"), "{}", route.path);
        assert!(schemes.contains("sessionCookie"), "{}", route.path);
        assert_eq!(
            schemes.contains("apiKey"),
            route.contract.credentials == Credentials::SessionOrApiKey,
            "{}",
            route.path
        );
    }
    assert!(
        authenticated > 30,
        "only {authenticated} authenticated routes"
    );
}

#[test]
fn every_security_scheme_an_operation_names_is_defined() {
    let doc = document();
    let defined = doc["components"]["securitySchemes"].as_object().unwrap();
    for (method, path, operation) in operations(&doc) {
        for alternative in operation["security"].as_array().into_iter().flatten() {
            for scheme in alternative.as_object().unwrap().keys() {
                assert!(defined.contains_key(scheme), "{method} {path}: {scheme}");
            }
        }
    }
}

#[test]
fn public_operations_do_not_claim_to_need_credentials() {
    let doc = document();
    for route in table().routes() {
        if route.contract.credentials == Credentials::None {
            let operation = &doc["paths"][route.path][route.verb.openapi_name()];
            assert!(operation.get("security").is_none(), "{}", route.path);
            assert!(
                operation["responses"].get("401").is_none() || route.path.starts_with("/v1/auth/"),
                "{} answers 401 without taking credentials",
                route.path
            );
        }
    }
}

#[test]
fn operations_with_a_json_body_list_the_body_refusals() {
    let doc = document();
    for (method, path, operation) in operations(&doc) {
        if operation["requestBody"].is_null() {
            continue;
        }
        for status in ["400", "413", "415", "422"] {
            assert!(
                operation["responses"].get(status).is_some(),
                "{method} {path} takes a body but does not list {status}"
            );
        }
    }
}

/// Codes no single operation answers: they come from the router itself, for requests that
/// match no operation, or are generic fallbacks kept for statuses made outside our handlers.
const OUTSIDE_OPERATIONS: &[ProblemCode] = &[
    ProblemCode::MethodNotAllowed,
    ProblemCode::NotFound,
    ProblemCode::Forbidden,
    ProblemCode::Conflict,
    ProblemCode::InvalidRequest,
    ProblemCode::RateLimited,
    ProblemCode::Unavailable,
];

#[test]
fn every_problem_code_is_answered_by_a_documented_operation_or_the_router() {
    let doc = document();
    let mut listed = BTreeSet::new();
    for (_, _, operation) in operations(&doc) {
        for response in operation["responses"].as_object().unwrap().values() {
            let codes = &response["content"]["application/problem+json"]["schema"]["allOf"][1]
                ["properties"]["code"]["enum"];
            for code in codes.as_array().into_iter().flatten() {
                listed.insert(code.as_str().unwrap().to_owned());
            }
        }
    }
    for code in ProblemCode::ALL {
        assert!(
            listed.contains(code.as_str()) || OUTSIDE_OPERATIONS.contains(code),
            "no operation documents `{}`",
            code.as_str()
        );
    }
}

fn readme() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md");
    std::fs::read_to_string(path).unwrap()
}

/// The README's error table: rows of `| `code` | status | meaning |`.
fn readme_codes() -> BTreeSet<(String, u16)> {
    readme()
        .lines()
        .skip_while(|line| !line.starts_with("### Error codes"))
        .filter_map(|line| {
            // Cells of `| a | b |`: the text before the first bar is not one.
            let mut cells = line.split('|').map(str::trim);
            cells.next();
            let code = cells.next()?.strip_prefix('`')?.strip_suffix('`')?;
            let status = cells.next()?.parse().ok()?;
            Some((code.to_owned(), status))
        })
        .collect()
}

#[test]
fn the_readme_error_table_lists_exactly_the_problem_codes() {
    let documented = readme_codes();
    let actual: BTreeSet<(String, u16)> = ProblemCode::ALL
        .iter()
        .map(|code| (code.as_str().to_owned(), code.status().as_u16()))
        .collect();
    let missing: Vec<_> = actual.difference(&documented).collect();
    let stale: Vec<_> = documented.difference(&actual).collect();
    assert!(missing.is_empty(), "README lacks {missing:?}");
    assert!(
        stale.is_empty(),
        "README lists codes that do not exist: {stale:?}"
    );
}

#[test]
fn the_committed_client_document_is_the_servers_document() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../clients/typescript/openapi.json"
    );
    let committed: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(
        committed == document(),
        "clients/typescript/openapi.json is stale: run clients/typescript/generate.sh"
    );
}
