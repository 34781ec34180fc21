//! Collections and records through the real server: CRUD, schemas, entity tags, pages and
//! filters. Who may call what is the cross-tenant matrix's job (tenancy_matrix.rs).

use crate::accounts::{account, auth_options, Tokens};
use crate::helpers::{on_both_backends, problem, send, spawn_app_with, TestApp};
use reqwest::Method;
use serde_json::{json, Value};
use std::collections::BTreeSet;

const RECORDS: &str = "/v1/workspaces/acme/collections/notes/records";

/// An owner of `acme`, which has a `notes` collection with `schema` (if any).
async fn acme_with_notes(app: &TestApp, schema: Option<Value>) -> Tokens {
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

async fn create(app: &TestApp, owner: &Tokens, data: Value) -> Value {
    let response = send(app, Method::POST, RECORDS, &owner.access, Some(data)).await;
    assert_eq!(response.status(), 201);
    response.json().await.unwrap()
}

async fn with_header(
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

fn record_path(record: &Value) -> String {
    format!("{RECORDS}/{}", record["id"].as_str().unwrap())
}

async fn sqlite_app() -> TestApp {
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
async fn patch_merges_fields_null_removes_one_and_the_version_moves_on() {
    on_both_backends(auth_options, |app| async move {
        let owner = acme_with_notes(&app, None).await;
        let record = create(
            &app,
            &owner,
            json!({"title": "a", "done": false, "meta": {"x": 1, "y": 2}}),
        )
        .await;
        let patch = json!({"done": true, "meta": {"y": null, "z": 3}, "title": null});
        let response = send(
            &app,
            Method::PATCH,
            &record_path(&record),
            &owner.access,
            Some(patch),
        )
        .await;
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["etag"], "\"v2\"");
        let patched: Value = response.json().await.unwrap();
        assert_eq!(
            patched["data"],
            json!({"done": true, "meta": {"x": 1, "z": 3}})
        );
        assert_eq!(patched["version"], 2);
        assert_eq!(patched["created_at"], record["created_at"]);
        app
    })
    .await;
}

#[tokio::test]
async fn put_replaces_the_whole_object() {
    let app = sqlite_app().await;
    let owner = acme_with_notes(&app, None).await;
    let record = create(&app, &owner, json!({"title": "a", "keep": "no"})).await;
    let response = send(
        &app,
        Method::PUT,
        &record_path(&record),
        &owner.access,
        Some(json!({"title": "b"})),
    )
    .await;
    assert_eq!(response.status(), 200);
    let replaced: Value = response.json().await.unwrap();
    assert_eq!(
        (replaced["data"].clone(), replaced["version"].clone()),
        (json!({"title": "b"}), json!(2))
    );
    app.cleanup().await;
}

#[tokio::test]
async fn a_stale_if_match_is_412_and_changes_nothing() {
    on_both_backends(auth_options, |app| async move {
        let owner = acme_with_notes(&app, None).await;
        let record = create(&app, &owner, json!({"title": "v1"})).await;
        let path = record_path(&record);
        send(
            &app,
            Method::PATCH,
            &path,
            &owner.access,
            Some(json!({"title": "v2"})),
        )
        .await;
        for (method, body) in [
            (Method::PATCH, Some(json!({"title": "lost"}))),
            (Method::PUT, Some(json!({"title": "lost"}))),
            (Method::DELETE, None),
        ] {
            let response = with_header(
                &app,
                method.clone(),
                &path,
                &owner,
                ("if-match", "\"v1\""),
                body,
            )
            .await;
            assert_eq!(response.status(), 412, "{method}");
            assert_eq!(problem(response).await["code"], "precondition_failed");
        }
        let read: Value = send(&app, Method::GET, &path, &owner.access, None)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(
            (read["data"]["title"].clone(), read["version"].clone()),
            (json!("v2"), json!(2))
        );
        app
    })
    .await;
}

#[tokio::test]
async fn a_matching_if_match_writes_and_deletes() {
    let app = sqlite_app().await;
    let owner = acme_with_notes(&app, None).await;
    let record = create(&app, &owner, json!({"title": "v1"})).await;
    let path = record_path(&record);
    let body = Some(json!({"title": "v2"}));
    let response = with_header(
        &app,
        Method::PATCH,
        &path,
        &owner,
        ("if-match", "\"v1\""),
        body,
    )
    .await;
    assert_eq!(response.status(), 200);
    let response = with_header(
        &app,
        Method::DELETE,
        &path,
        &owner,
        ("if-match", "\"v2\""),
        None,
    )
    .await;
    assert_eq!(response.status(), 204);
    assert_eq!(
        send(&app, Method::GET, &path, &owner.access, None)
            .await
            .status(),
        404
    );
    app.cleanup().await;
}

#[tokio::test]
async fn if_none_match_with_the_current_etag_is_304() {
    let app = sqlite_app().await;
    let owner = acme_with_notes(&app, None).await;
    let record = create(&app, &owner, json!({"title": "v1"})).await;
    let path = record_path(&record);
    let unchanged = with_header(
        &app,
        Method::GET,
        &path,
        &owner,
        ("if-none-match", "\"v1\""),
        None,
    )
    .await;
    assert_eq!(unchanged.status(), 304);
    assert_eq!(unchanged.headers()["etag"], "\"v1\"");
    assert!(unchanged.bytes().await.unwrap().is_empty());
    let changed = with_header(
        &app,
        Method::GET,
        &path,
        &owner,
        ("if-none-match", "\"v0\""),
        None,
    )
    .await;
    assert_eq!(changed.status(), 200);
    app.cleanup().await;
}

/// Racing writes without `If-Match` re-read and retry; one that still loses after its
/// attempts answers 409 and changes nothing. Every 200 is in the final record.
#[tokio::test]
async fn concurrent_patches_without_if_match_lose_no_update() {
    on_both_backends(auth_options, |app| async move {
        let owner = acme_with_notes(&app, None).await;
        let record = create(&app, &owner, json!({})).await;
        let path = record_path(&record);
        let writers = (0..8).map(|i| {
            let patch = json!({ format!("field{i}"): i });
            send(&app, Method::PATCH, &path, &owner.access, Some(patch))
        });
        let mut applied = BTreeSet::new();
        for (i, response) in all_at_once(writers.collect()).await.into_iter().enumerate() {
            match response.status().as_u16() {
                200 => {
                    applied.insert(format!("field{i}"));
                }
                409 => assert_eq!(problem(response).await["code"], "write_conflict"),
                other => panic!("writer {i} got {other}"),
            }
        }
        assert!(!applied.is_empty());
        let read: Value = send(&app, Method::GET, &path, &owner.access, None)
            .await
            .json()
            .await
            .unwrap();
        let fields: BTreeSet<String> = read["data"].as_object().unwrap().keys().cloned().collect();
        assert_eq!(fields, applied, "{read}");
        assert_eq!(read["version"], 1 + applied.len());
        app
    })
    .await;
}

/// Polls every future on each wake-up, so the requests are in flight together.
async fn all_at_once<F: std::future::Future>(futures: Vec<F>) -> Vec<F::Output> {
    let mut pinned: Vec<_> = futures.into_iter().map(Box::pin).collect();
    let mut outputs: Vec<Option<F::Output>> = pinned.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (future, output) in pinned.iter_mut().zip(outputs.iter_mut()) {
            if output.is_none() {
                match future.as_mut().poll(cx) {
                    std::task::Poll::Ready(value) => *output = Some(value),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(())
        }
    })
    .await;
    outputs.into_iter().map(|o| o.unwrap()).collect()
}

#[tokio::test]
async fn pages_follow_the_cursor_to_the_last_one() {
    on_both_backends(auth_options, |app| async move {
        let owner = acme_with_notes(&app, None).await;
        let mut created = BTreeSet::new();
        for n in 0..5 {
            let record = create(&app, &owner, json!({"n": n})).await;
            created.insert(record["id"].as_str().unwrap().to_owned());
        }
        let mut seen = Vec::new();
        let mut next = format!("{RECORDS}?limit=2");
        let mut pages = 0;
        loop {
            pages += 1;
            let page: Value = send(&app, Method::GET, &next, &owner.access, None)
                .await
                .json()
                .await
                .unwrap();
            seen.extend(
                page["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| r["id"].as_str().unwrap().to_owned()),
            );
            match page["next_cursor"].as_str() {
                Some(cursor) => next = format!("{RECORDS}?limit=2&cursor={cursor}"),
                None => break,
            }
        }
        assert_eq!(pages, 3);
        let mut sorted = seen.clone();
        sorted.sort();
        assert_eq!(seen, sorted, "pages are in id order");
        assert_eq!(seen.into_iter().collect::<BTreeSet<_>>(), created);
        app
    })
    .await;
}

#[tokio::test]
async fn filters_select_records_by_typed_top_level_equality() {
    on_both_backends(auth_options, |app| async move {
        let owner = acme_with_notes(&app, None).await;
        for data in [
            json!({"status": "open", "n": 2}),
            json!({"status": "open", "n": "2"}),
            json!({"status": "closed", "n": 2}),
        ] {
            create(&app, &owner, data).await;
        }
        let count = |query: &'static str| {
            let app = &app;
            let owner = &owner;
            async move {
                let path = format!("{RECORDS}?{query}");
                let page: Value = send(app, Method::GET, &path, &owner.access, None)
                    .await
                    .json()
                    .await
                    .unwrap();
                page["items"].as_array().unwrap().len()
            }
        };
        assert_eq!(count("filter[status]=open").await, 2);
        assert_eq!(count("filter[n]=2").await, 2);
        assert_eq!(count("filter[n]=%222%22").await, 1);
        assert_eq!(count("filter[status]=open&filter[n]=2").await, 1);
        assert_eq!(count("filter[status]=missing").await, 0);
        app
    })
    .await;
}

#[tokio::test]
async fn bad_list_parameters_are_400_with_a_code() {
    let app = sqlite_app().await;
    let owner = acme_with_notes(&app, None).await;
    for (query, code) in [
        ("limit=500", "invalid_limit"),
        ("cursor=forged", "invalid_cursor"),
        ("filter[a.b]=1", "invalid_filter"),
        ("order=desc", "invalid_query"),
    ] {
        let response = send(
            &app,
            Method::GET,
            &format!("{RECORDS}?{query}"),
            &owner.access,
            None,
        )
        .await;
        assert_eq!(response.status(), 400, "{query}");
        assert_eq!(problem(response).await["code"], code, "{query}");
    }
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
