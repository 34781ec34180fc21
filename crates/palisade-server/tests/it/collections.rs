//! Collections through the real server: names, schemas, and what deleting one takes with it.

use crate::accounts::auth_options;
use crate::helpers::{problem, send, spawn_app_with, TestApp};
use crate::records::acme_with_notes;
use reqwest::Method;
use serde_json::{json, Value};

const COLLECTIONS: &str = "/v1/workspaces/acme/collections";

async fn sqlite_app() -> TestApp {
    spawn_app_with(auth_options()).await.unwrap()
}

#[tokio::test]
async fn a_collection_is_created_listed_and_read_back_with_its_schema() {
    let app = sqlite_app().await;
    let schema = json!({"type": "object", "required": ["title"]});
    let owner = acme_with_notes(&app, Some(schema.clone())).await.access;
    send(
        &app,
        Method::POST,
        COLLECTIONS,
        &owner,
        Some(json!({"name": "tasks"})),
    )
    .await;
    let listed: Value = send(&app, Method::GET, COLLECTIONS, &owner, None)
        .await
        .json()
        .await
        .unwrap();
    let names: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["notes", "tasks"]);
    let notes: Value = send(
        &app,
        Method::GET,
        &format!("{COLLECTIONS}/notes"),
        &owner,
        None,
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(notes["schema"], schema);
    assert_eq!(listed[1]["schema"], Value::Null);
    app.cleanup().await;
}

#[tokio::test]
async fn bad_names_bad_schemas_and_taken_names_are_refused_and_change_nothing() {
    let app = sqlite_app().await;
    let owner = acme_with_notes(&app, None).await.access;
    for (body, status, code) in [
        (json!({"name": "Notes"}), 422, "invalid_collection_name"),
        (json!({"name": "no/tes"}), 422, "invalid_collection_name"),
        (
            json!({"name": "tasks", "schema": {"type": "nope"}}),
            422,
            "invalid_schema",
        ),
        (
            json!({"name": "tasks", "schema": {"$ref": "http://127.0.0.1:9/x.json"}}),
            422,
            "invalid_schema",
        ),
        (json!({"name": "notes"}), 409, "collection_exists"),
        (json!({"name": "tasks", "extra": 1}), 422, "invalid_body"),
    ] {
        let response = send(&app, Method::POST, COLLECTIONS, &owner, Some(body.clone())).await;
        assert_eq!(response.status(), status, "{body}");
        assert_eq!(problem(response).await["code"], code, "{body}");
    }
    let listed: Value = send(&app, Method::GET, COLLECTIONS, &owner, None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    app.cleanup().await;
}

#[tokio::test]
async fn a_new_schema_applies_to_later_writes_and_null_drops_it() {
    let app = sqlite_app().await;
    let owner = acme_with_notes(&app, None).await.access;
    let notes = format!("{COLLECTIONS}/notes");
    let records = format!("{notes}/records");
    let strict = json!({"schema": {"required": ["title"]}});
    let patched = send(&app, Method::PATCH, &notes, &owner, Some(strict)).await;
    assert_eq!(patched.status(), 200);
    let refused = send(&app, Method::POST, &records, &owner, Some(json!({"x": 1}))).await;
    assert_eq!(refused.status(), 422);
    let dropped = send(
        &app,
        Method::PATCH,
        &notes,
        &owner,
        Some(json!({"schema": null})),
    )
    .await;
    assert_eq!(
        dropped.json::<Value>().await.unwrap()["schema"],
        Value::Null
    );
    let accepted = send(&app, Method::POST, &records, &owner, Some(json!({"x": 1}))).await;
    assert_eq!(accepted.status(), 201);
    let empty = send(&app, Method::PATCH, &notes, &owner, Some(json!({}))).await;
    assert_eq!(problem(empty).await["code"], "nothing_to_change");
    app.cleanup().await;
}

#[tokio::test]
async fn deleting_a_collection_deletes_its_records() {
    let app = sqlite_app().await;
    let owner = acme_with_notes(&app, None).await.access;
    let notes = format!("{COLLECTIONS}/notes");
    let created: Value = send(
        &app,
        Method::POST,
        &format!("{notes}/records"),
        &owner,
        Some(json!({"a": 1})),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(
        send(&app, Method::DELETE, &notes, &owner, None)
            .await
            .status(),
        204
    );
    send(
        &app,
        Method::POST,
        COLLECTIONS,
        &owner,
        Some(json!({"name": "notes"})),
    )
    .await;
    let record = format!("{notes}/records/{}", created["id"].as_str().unwrap());
    assert_eq!(
        send(&app, Method::GET, &record, &owner, None)
            .await
            .status(),
        404
    );
    assert_eq!(
        send(&app, Method::DELETE, &notes, &owner, None)
            .await
            .status(),
        204
    );
    assert_eq!(
        send(&app, Method::DELETE, &notes, &owner, None)
            .await
            .status(),
        404
    );
    app.cleanup().await;
}
