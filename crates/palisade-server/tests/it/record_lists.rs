//! Record lists: cursor pages, typed equality filters, refused parameters.

use crate::accounts::auth_options;
use crate::helpers::{on_both_backends, problem, send};
use crate::records::{acme_with_notes, create, sqlite_app, RECORDS};
use reqwest::Method;
use serde_json::{json, Value};
use std::collections::BTreeSet;

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
