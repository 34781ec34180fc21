//! Whatever a client puts in a path parameter or a filter, the answer is a 4xx problem:
//! never a 500, on either backend. (PostgreSQL refuses NUL bytes in text, which a handler
//! that passed path input straight to the store would turn into a server error.)

use crate::accounts::{account, auth_options};
use crate::helpers::{on_both_backends, send};
use reqwest::Method;
use serde_json::{json, Value};

const HOSTILE: [&str; 5] = ["%00", "a%00b", "%FF%FE", "..%2F..%2Fetc", "x%20y"];

#[tokio::test]
async fn no_path_parameter_or_filter_value_causes_a_server_error() {
    on_both_backends(auth_options, |app| async move {
        let owner = account(&app, "owner@example.com").await;
        let body = json!({"slug": "acme", "name": "Acme"});
        send(
            &app,
            Method::POST,
            "/v1/workspaces",
            &owner.access,
            Some(body),
        )
        .await;
        let notes = json!({"name": "notes"});
        send(
            &app,
            Method::POST,
            "/v1/workspaces/acme/collections",
            &owner.access,
            Some(notes),
        )
        .await;
        let doc: Value = app.get("/openapi.json").await.json().await.unwrap();
        let mut calls = 0;
        for (template, item) in doc["paths"].as_object().unwrap() {
            if !template.contains("{") {
                continue;
            }
            for method in item.as_object().unwrap().keys() {
                let method: Method = method.to_uppercase().parse().unwrap();
                for hostile in HOSTILE {
                    // Each parameter in turn is hostile; the others are real.
                    for target in ["{ws}", "{name}", "{id}", "{user_id}"] {
                        if !template.contains(target) {
                            continue;
                        }
                        let path = [
                            ("{ws}", "acme"),
                            ("{name}", "notes"),
                            ("{id}", "x"),
                            ("{user_id}", "x"),
                        ]
                        .iter()
                        .fold(template.replace(target, hostile), |p, (k, v)| {
                            p.replace(k, v)
                        });
                        let body =
                            (method != Method::GET && method != Method::DELETE).then(|| json!({}));
                        let response = send(&app, method.clone(), &path, &owner.access, body).await;
                        calls += 1;
                        let status = response.status().as_u16();
                        let text = response.text().await.unwrap();
                        assert!(
                            (400..500).contains(&status),
                            "{} {method} {path}: {status} {text}",
                            app.store.backend()
                        );
                    }
                }
            }
        }
        assert!(calls > 100, "only {calls} calls were made");
        let records = "/v1/workspaces/acme/collections/notes/records";
        for hostile in HOSTILE.into_iter().chain(["%22%5Cu0000%22", "%5Cu0000"]) {
            let path = format!("{records}?filter[title]={hostile}");
            let status = send(&app, Method::GET, &path, &owner.access, None)
                .await
                .status()
                .as_u16();
            assert!(
                status == 200 || (400..500).contains(&status),
                "{path} answered {status}"
            );
        }
        app
    })
    .await;
}
