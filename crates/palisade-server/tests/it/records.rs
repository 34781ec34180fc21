//! Collections and records through the real server: CRUD, schemas, entity tags, pages and
//! filters. Who may call what is the cross-tenant matrix's job (tenancy_matrix.rs).

use crate::accounts::{account, auth_options, Tokens};
use crate::helpers::{on_both_backends, problem, send, spawn_app_with, TestApp};
use reqwest::Method;
use serde_json::{json, Value};
use std::collections::BTreeSet;

pub(crate) const RECORDS: &str = "/v1/workspaces/acme/collections/notes/records";

/// An owner of `acme`, which has a `notes` collection with `schema` (if any).
pub(crate) async fn acme_with_notes(app: &TestApp, schema: Option<Value>) -> Tokens {
    let owner = account(app, "owner@example.com").await;
    let created = send(
        app,
        Method::POST,
        "/v1/workspaces",
        &owner.access,
        Some(json!({"slug": "acme", "name": "Acme"})),
    )
    .await;
    assert_eq!(created.status(), 201);
    let mut body = json!({"name": "notes"});
    if let Some(schema) = schema {
        body["schema"] = schema;
    }
    let collection = send(
        app,
        Method::POST,
        "/v1/workspaces/acme/collections",
        &owner.access,
        Some(body),
    )
    .await;
    assert_eq!(collection.status(), 201);
    owner
}

pub(crate) async fn create(app: &TestApp, owner: &Tokens, data: Value) -> Value {
    let response = send(app, Method::POST, RECORDS, &owner.access, Some(data)).await;
    assert_eq!(response.status(), 201);
    response.json().await.unwrap()
}

pub(crate) async fn with_header(
    app: &TestApp,
    method: Method,
    path: &str,
    owner: &Tokens,
    header: (&str, &str),
    body: Option<Value>,
) -> reqwest::Response {
    let mut request = app
        .client
        .request(method, app.at(path))
        .bearer_auth(&owner.access)
        .header(header.0, header.1);
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await.unwrap()
}

pub(crate) fn record_path(record: &Value) -> String {
    format!("{RECORDS}/{}", record["id"].as_str().unwrap())
}

pub(crate) async fn sqlite_app() -> TestApp {
    spawn_app_with(auth_options()).await.unwrap()
}

#[tokio::test]
async fn a_record_round_trips_with_its_id_version_timestamps_and_etag() {
    on_both_backends(auth_options, |app| async move {
        let owner = acme_with_notes(&app, None).await;
        let data = json!({"title": "launch", "tags": ["a", "b"], "n": 1.5, "nested": {"ok": true}});
        let response = send(
            &app,
            Method::POST,
            RECORDS,
            &owner.access,
            Some(data.clone()),
        )
        .await;
        assert_eq!(response.status(), 201);
        assert_eq!(response.headers()["etag"], "\"v1\"");
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        let created: Value = response.json().await.unwrap();
        assert!(created["id"].as_str().unwrap().starts_with("rec_"));
        assert_eq!(location, record_path(&created));
        assert_eq!(
            (created["version"].clone(), created["collection"].clone()),
            (json!(1), json!("notes"))
        );
        assert_eq!(created["created_at"], created["updated_at"]);
        let read = send(&app, Method::GET, &location, &owner.access, None).await;
        assert_eq!(read.headers()["etag"], "\"v1\"");
        let read: Value = read.json().await.unwrap();
        assert_eq!(read["data"], data);
        assert_eq!(read["id"], created["id"]);
        app
    })
    .await;
}

#[tokio::test]
async fn a_record_breaking_the_schema_is_422_listing_each_failing_path_and_is_not_stored() {
    let app = sqlite_app().await;
    let schema = json!({
        "type": "object",
        "required": ["title"],
        "properties": {"title": {"type": "string"}, "priority": {"type": "integer", "maximum": 5}}
    });
    let owner = acme_with_notes(&app, Some(schema)).await;
    let response = send(
        &app,
        Method::POST,
        RECORDS,
        &owner.access,
        Some(json!({"priority": 9})),
    )
    .await;
    assert_eq!(response.status(), 422);
    let body = problem(response).await;
    assert_eq!(body["code"], "schema_violation");
    let pointers: BTreeSet<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["pointer"].as_str().unwrap())
        .collect();
    assert_eq!(pointers, BTreeSet::from(["", "/priority"]));
    let listed: Value = send(&app, Method::GET, RECORDS, &owner.access, None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed["items"], json!([]));
    create(&app, &owner, json!({"title": "fine", "priority": 2})).await;
    app.cleanup().await;
}

#[tokio::test]
async fn a_record_is_a_json_object() {
    let app = sqlite_app().await;
    let owner = acme_with_notes(&app, None).await;
    for not_object in [json!([1, 2]), json!("text"), json!(3), json!(null)] {
        let response = send(
            &app,
            Method::POST,
            RECORDS,
            &owner.access,
            Some(not_object.clone()),
        )
        .await;
        assert_eq!(response.status(), 422, "{not_object}");
        assert_eq!(problem(response).await["code"], "record_not_object");
    }
    app.cleanup().await;
}

#[tokio::test]
async fn a_nul_character_anywhere_is_422_on_every_backend() {
    on_both_backends(auth_options, |app| async move {
        let owner = acme_with_notes(&app, None).await;
        for data in [
            json!({"a": "x\u{0}y"}),
            json!({"k\u{0}": 1}),
            json!({"a": [{"b": "\u{0}"}]}),
        ] {
            let response = send(&app, Method::POST, RECORDS, &owner.access, Some(data)).await;
            assert_eq!(response.status(), 422);
            assert_eq!(problem(response).await["code"], "unsupported_character");
        }
        app
    })
    .await;
}

#[tokio::test]
async fn a_record_over_one_mebibyte_is_refused() {
    let app = sqlite_app().await;
    let owner = acme_with_notes(&app, None).await;
    let big = json!({"blob": "x".repeat(1024 * 1024)});
    let response = send(&app, Method::POST, RECORDS, &owner.access, Some(big)).await;
    assert_eq!(response.status(), 413);
    let record = create(&app, &owner, json!({"blob": "x".repeat(700 * 1024)})).await;
    let grow = json!({"more": "y".repeat(700 * 1024)});
    let response = send(
        &app,
        Method::PATCH,
        &record_path(&record),
        &owner.access,
        Some(grow),
    )
    .await;
    assert_eq!(response.status(), 422);
    assert_eq!(problem(response).await["code"], "record_too_large");
    app.cleanup().await;
}

#[tokio::test]
async fn missing_records_and_collections_are_404_inside_the_workspace() {
    let app = sqlite_app().await;
    let owner = acme_with_notes(&app, None).await;
    let nowhere = "/v1/workspaces/acme/collections/nowhere/records";
    for (method, path, body, code) in [
        (
            Method::GET,
            format!("{RECORDS}/rec_01jd0000000000000000000000"),
            None,
            "record_not_found",
        ),
        (
            Method::GET,
            format!("{RECORDS}/not-an-id"),
            None,
            "record_not_found",
        ),
        (
            Method::PATCH,
            format!("{RECORDS}/rec_01jd0000000000000000000000"),
            Some(json!({})),
            "record_not_found",
        ),
        (
            Method::GET,
            nowhere.to_owned(),
            None,
            "collection_not_found",
        ),
        (
            Method::POST,
            nowhere.to_owned(),
            Some(json!({})),
            "collection_not_found",
        ),
        (
            Method::GET,
            "/v1/workspaces/acme/collections/nowhere".to_owned(),
            None,
            "collection_not_found",
        ),
    ] {
        let response = send(&app, method.clone(), &path, &owner.access, body).await;
        assert_eq!(response.status(), 404, "{method} {path}");
        assert_eq!(problem(response).await["code"], code, "{method} {path}");
    }
    app.cleanup().await;
}
