//! Record writes: replace, merge patch, entity tags and preconditions, racing writers.

use crate::accounts::auth_options;
use crate::helpers::{on_both_backends, problem, send};
use crate::records::{acme_with_notes, create, record_path, sqlite_app, with_header};
use reqwest::Method;
use serde_json::{json, Value};
use std::collections::BTreeSet;

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
async fn a_malformed_write_is_refused_before_its_precondition_is_judged() {
    let app = sqlite_app().await;
    let owner = acme_with_notes(&app, None).await;
    let record = create(&app, &owner, json!({"title": "v1"})).await;
    let path = record_path(&record);
    for (method, body, code) in [
        (
            Method::PUT,
            json!(["not", "an", "object"]),
            "record_not_object",
        ),
        (
            Method::PUT,
            json!({"title": "a\u{0}b"}),
            "unsupported_character",
        ),
        (Method::PATCH, json!({"a\u{0}": 1}), "unsupported_character"),
    ] {
        let response = with_header(
            &app,
            method.clone(),
            &path,
            &owner,
            ("if-match", "\"v9\""),
            Some(body),
        )
        .await;
        assert_eq!(response.status(), 422, "{method}");
        assert_eq!(problem(response).await["code"], code, "{method}");
    }
    app.cleanup().await;
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
