//! The OpenAPI document is generated from the code and must match the router exactly.

use crate::helpers::spawn_app;
use palisade_server::routes::table;
use std::collections::BTreeSet;

async fn document() -> serde_json::Value {
    let app = spawn_app().await;
    let response = app.get("/openapi.json").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    let doc = response.json().await.unwrap();
    app.cleanup().await;
    doc
}

fn documented_operations(doc: &serde_json::Value) -> BTreeSet<(String, String)> {
    let mut operations = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            operations.insert((method.clone(), path.clone()));
        }
    }
    operations
}

fn routed_operations() -> BTreeSet<(String, String)> {
    table()
        .routes()
        .iter()
        .map(|route| (route.verb.openapi_name().to_owned(), route.path.to_owned()))
        .collect()
}

#[tokio::test]
async fn the_document_is_openapi_3_1() {
    let doc = document().await;
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        doc["openapi"]
    );
    assert_eq!(doc["info"]["title"], "Palisade API");
}

#[tokio::test]
async fn every_routed_operation_is_documented() {
    let doc = document().await;
    let missing: Vec<_> = routed_operations()
        .difference(&documented_operations(&doc))
        .cloned()
        .collect();
    assert!(
        missing.is_empty(),
        "routes missing from openapi.json: {missing:?}"
    );
}

#[tokio::test]
async fn every_documented_operation_is_routed() {
    let doc = document().await;
    let phantom: Vec<_> = documented_operations(&doc)
        .difference(&routed_operations())
        .cloned()
        .collect();
    assert!(
        phantom.is_empty(),
        "openapi.json documents routes that do not exist: {phantom:?}"
    );
}

#[tokio::test]
async fn every_operation_documents_its_responses() {
    let doc = document().await;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let responses = operation["responses"].as_object().unwrap();
            assert!(
                !responses.is_empty(),
                "{method} {path} documents no response"
            );
        }
    }
}

#[tokio::test]
async fn problem_details_are_a_documented_schema() {
    let doc = document().await;
    let problem = &doc["components"]["schemas"]["Problem"]["properties"];
    for field in ["type", "title", "status", "detail", "code", "request_id"] {
        assert!(problem.get(field).is_some(), "Problem lacks {field}");
    }
}
