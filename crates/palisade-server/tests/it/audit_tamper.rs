//! Tamper evidence through the real server: `verify` names the first bad sequence number for
//! an edit, a deletion and a reordering made straight in the database; retention leaves a
//! chain that still verifies; an export verifies offline, and an edited one does not.

use crate::accounts::auth_options;
use crate::audit::{acme, log_events, workspace_events};
use crate::helpers::{on_both_backends, send, spawn_app_with, TestApp};
use palisade_core::Clock;
use palisade_crypto::audit::CheckpointKey;
use palisade_crypto::jwt::PublicJwk;
use reqwest::Method;
use serde_json::{json, Value};
use time::Duration;

/// Acme with a few events: created, three collections.
async fn busy_acme(app: &TestApp) -> (String, String) {
    let ada = acme(app).await;
    for name in ["a", "b", "c"] {
        let response = send(
            app,
            Method::POST,
            "/v1/workspaces/acme/collections",
            &ada,
            Some(json!({"name": name})),
        )
        .await;
        assert_eq!(response.status(), 201);
    }
    let log = app.store.audit_log_of("acme").await.unwrap().unwrap();
    (ada, log)
}

async fn verdict(app: &TestApp, access: &str) -> Value {
    let response = send(
        app,
        Method::GET,
        "/v1/workspaces/acme/audit/verify",
        access,
        None,
    )
    .await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

async fn published_keys(app: &TestApp) -> Vec<CheckpointKey> {
    let jwks: Value = app
        .get("/.well-known/palisade-audit-keys.json")
        .await
        .json()
        .await
        .unwrap();
    let keys: Vec<PublicJwk> = serde_json::from_value(jwks["keys"].clone()).unwrap();
    keys.iter().filter_map(CheckpointKey::from_jwk).collect()
}

#[tokio::test]
async fn an_untouched_log_verifies_with_its_checkpoints() {
    on_both_backends(auth_options, |app| async move {
        let (ada, log) = busy_acme(&app).await;
        app.state.platform().audit.checkpoint(&log).await.unwrap();
        let verdict = verdict(&app, &ada).await;
        assert_eq!(verdict["ok"], true, "{verdict}");
        assert_eq!(verdict["events_checked"], 4);
        assert_eq!(verdict["checkpoints_checked"], 1);
        app
    })
    .await;
}

#[tokio::test]
async fn an_edited_event_is_reported_at_its_sequence_number() {
    on_both_backends(auth_options, |app| async move {
        let (ada, log) = busy_acme(&app).await;
        app.db()
            .tamper(&format!(
                "UPDATE audit_events SET outcome = 'denied' WHERE log_id = '{log}' AND seq = 3"
            ))
            .await;
        let verdict = verdict(&app, &ada).await;
        assert_eq!(verdict["ok"], false);
        assert_eq!(verdict["first_bad_sequence"], 3, "{verdict}");
        assert_eq!(verdict["problem"], "tampered");
        app
    })
    .await;
}

#[tokio::test]
async fn a_deleted_event_is_reported_at_its_sequence_number() {
    on_both_backends(auth_options, |app| async move {
        let (ada, log) = busy_acme(&app).await;
        app.db()
            .tamper(&format!(
                "DELETE FROM audit_events WHERE log_id = '{log}' AND seq = 2"
            ))
            .await;
        let verdict = verdict(&app, &ada).await;
        assert_eq!(verdict["first_bad_sequence"], 2, "{verdict}");
        assert_eq!(verdict["problem"], "missing");
        app
    })
    .await;
}

#[tokio::test]
async fn two_reordered_events_are_reported_at_the_first() {
    on_both_backends(auth_options, |app| async move {
        let (ada, log) = busy_acme(&app).await;
        // Events 2 and 3 trade places: each row keeps its own fields and hash.
        app.db()
            .tamper(&format!(
                "UPDATE audit_events SET seq = seq + 1000 WHERE log_id = '{log}' AND seq IN (2, 3); \
                 UPDATE audit_events SET seq = 1005 - seq WHERE log_id = '{log}' AND seq IN (1002, 1003);"
            ))
            .await;
        let verdict = verdict(&app, &ada).await;
        assert_eq!(verdict["first_bad_sequence"], 2, "{verdict}");
        assert_eq!(verdict["problem"], "reordered");
        app
    })
    .await;
}

#[tokio::test]
async fn a_cut_off_tail_is_caught_by_the_last_checkpoint() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let (ada, log) = busy_acme(&app).await;
    app.state.platform().audit.checkpoint(&log).await.unwrap();
    app.db()
        .tamper(&format!(
            "DELETE FROM audit_events WHERE log_id = '{log}' AND seq = 4"
        ))
        .await;
    let verdict = verdict(&app, &ada).await;
    assert_eq!(verdict["first_bad_sequence"], 4, "{verdict}");
    assert_eq!(verdict["problem"], "missing");
    app.cleanup().await;
}

#[tokio::test]
async fn retention_cuts_old_events_behind_a_signed_checkpoint_and_the_rest_verifies() {
    on_both_backends(auth_options, |app| async move {
        let (ada, log) = busy_acme(&app).await;
        app.clock.advance(Duration::days(366));
        // A fresh login: the old access token has long expired.
        let ada = {
            let _ = ada;
            crate::accounts::login(&app, "ada@example.com").await.access
        };
        let response = send(
            &app,
            Method::POST,
            "/v1/workspaces/acme/collections",
            &ada,
            Some(json!({"name": "d"})),
        )
        .await;
        assert_eq!(response.status(), 201);
        let removed = app.state.platform().audit.apply_retention().await.unwrap();
        assert!(removed >= 4, "removed {removed}");
        let left = log_events(&app, &log).await;
        assert_eq!(left.first().map(|e| e.seq), Some(5), "{left:#?}");
        let cut = app
            .store
            .audit_cut(&log)
            .await
            .unwrap()
            .expect("a cut checkpoint");
        assert_eq!(cut.checkpoint.seq, 4);
        let verdict = verdict(&app, &ada).await;
        assert_eq!(verdict["ok"], true, "{verdict}");
        // Events past the cut still refuse deletion.
        assert!(app
            .db()
            .execute_as_owner(&format!("DELETE FROM audit_events WHERE log_id = '{log}'"))
            .await
            .is_err());
        app
    })
    .await;
}

async fn export(app: &TestApp, access: &str, format: &str) -> String {
    let response = send(
        app,
        Method::GET,
        &format!("/v1/workspaces/acme/audit-events/export?format={format}"),
        access,
        None,
    )
    .await;
    assert_eq!(response.status(), 200);
    response.text().await.unwrap()
}

#[tokio::test]
async fn an_export_verifies_offline_and_an_edited_one_does_not() {
    on_both_backends(auth_options, |app| async move {
        let (ada, _) = busy_acme(&app).await;
        let keys = published_keys(&app).await;
        for format in ["jsonl", "csv"] {
            let text = export(&app, &ada, format).await;
            let verdict = palisade_service::audit::verify_export(&text, &keys).unwrap();
            assert!(verdict.is_ok(), "{format}: {verdict:?}");
            assert_eq!(verdict.events_checked, 4, "{format}");
            assert_eq!(verdict.checkpoints_checked, 1, "{format}");
            let edited = text.replacen("collection.created", "collection.deleted", 1);
            let verdict = palisade_service::audit::verify_export(&edited, &keys).unwrap();
            assert_eq!(verdict.first_bad.map(|(seq, _)| seq), Some(2), "{format}");
            // Someone else's key vouches for nothing.
            let stranger = palisade_crypto::audit::CheckpointSigner::derive(
                &palisade_crypto::MasterKey::generate(&palisade_core::OsSecureRng),
            );
            let verdict =
                palisade_service::audit::verify_export(&text, &[stranger.public_key()]).unwrap();
            assert!(!verdict.is_ok(), "{format}");
        }
        app
    })
    .await;
}

#[tokio::test]
async fn csv_cells_a_spreadsheet_would_run_are_escaped_and_still_verify() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let (ada, _) = busy_acme(&app).await;
    let response = app
        .client
        .post(app.at("/v1/workspaces/acme/collections"))
        .bearer_auth(&ada)
        .header("user-agent", "=HYPERLINK(\"http://evil.example\",\"x\")")
        .json(&json!({"name": "e"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let text = export(&app, &ada, "csv").await;
    assert!(text.contains("'=HYPERLINK"), "{text}");
    assert!(
        !text.contains(",=HYPERLINK") && !text.contains(",\"=HYPERLINK"),
        "{text}"
    );
    let verdict =
        palisade_service::audit::verify_export(&text, &published_keys(&app).await).unwrap();
    assert!(verdict.is_ok(), "{verdict:?}");
    let listed = workspace_events(&app, &ada, "acme").await;
    assert!(listed.iter().any(|e| e["user_agent"]
        .as_str()
        .unwrap_or("")
        .starts_with("=HYPERLINK")));
    app.cleanup().await;
}

#[tokio::test]
async fn a_workspace_sets_its_own_retention_within_bounds() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let (ada, log) = busy_acme(&app).await;
    for days in [89, 3651] {
        let refused = send(
            &app,
            Method::PATCH,
            "/v1/workspaces/acme",
            &ada,
            Some(json!({"audit_retention_days": days})),
        )
        .await;
        assert_eq!(refused.status(), 422, "{days}");
        assert_eq!(
            crate::helpers::problem(refused).await["code"],
            "invalid_retention"
        );
    }
    let empty = send(
        &app,
        Method::PATCH,
        "/v1/workspaces/acme",
        &ada,
        Some(json!({})),
    )
    .await;
    assert_eq!(
        crate::helpers::problem(empty).await["code"],
        "nothing_to_change"
    );
    let set = send(
        &app,
        Method::PATCH,
        "/v1/workspaces/acme",
        &ada,
        Some(json!({"audit_retention_days": 120})),
    )
    .await;
    assert_eq!(set.status(), 200);
    assert_eq!(
        set.json::<Value>().await.unwrap()["audit_retention_days"],
        120
    );
    // 121 days on, everything before the change is past acme's retention (not the default's).
    app.clock.advance(Duration::days(121));
    let removed = app.state.platform().audit.apply_retention().await.unwrap();
    assert!(removed >= 5, "removed {removed}");
    let cut = app.store.audit_cut(&log).await.unwrap().expect("a cut");
    assert!(cut.checkpoint.seq >= 5);
    app.cleanup().await;
}

#[tokio::test]
async fn a_log_that_does_not_verify_is_never_signed() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let (_, log) = busy_acme(&app).await;
    app.db()
        .tamper(&format!(
            "UPDATE audit_events SET actor = 'system' WHERE log_id = '{log}' AND seq = 2"
        ))
        .await;
    let audit = &app.state.platform().audit;
    assert!(audit.checkpoint(&log).await.unwrap().is_none());
    assert!(app.store.audit_checkpoints(&log).await.unwrap().is_empty());
    app.cleanup().await;
}

#[tokio::test]
async fn a_forged_retention_cut_does_not_pass() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let (ada, log) = busy_acme(&app).await;
    let second = log_events(&app, &log).await[1].hash.clone();
    // Someone with the database erases the start of the history behind a cut of their own.
    app.db()
        .tamper(&format!(
            "INSERT INTO audit_cuts (log_id, seq, head_hash, at_micros, kid, signature) \
             VALUES ('{log}', 2, '{second}', 0, 'forged', 'forged'); \
             DELETE FROM audit_events WHERE log_id = '{log}' AND seq <= 2;"
        ))
        .await;
    let verdict = verdict(&app, &ada).await;
    assert_eq!(verdict["ok"], false, "{verdict}");
    assert_eq!(verdict["first_bad_sequence"], 2, "{verdict}");
    assert_eq!(verdict["problem"], "bad_checkpoint_signature");
    app.cleanup().await;
}

#[tokio::test]
async fn an_export_missing_its_first_events_does_not_pass() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let (ada, _) = busy_acme(&app).await;
    let keys = published_keys(&app).await;
    let text = export(&app, &ada, "jsonl").await;
    let mut lines: Vec<&str> = text.lines().collect();
    // The header, then the first event: drop the event.
    lines.remove(1);
    let verdict = palisade_service::audit::verify_export(&lines.join("\n"), &keys).unwrap();
    assert!(!verdict.is_ok(), "{verdict:?}");
    // A run from the middle, as exported by time, carries its own signed start.
    app.clock.advance(Duration::minutes(1));
    let since = (app.clock.now() - Duration::seconds(1))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let fresh = crate::accounts::login(&app, "ada@example.com").await.access;
    let later = send(
        &app,
        Method::POST,
        "/v1/workspaces/acme/collections",
        &fresh,
        Some(json!({"name": "later"})),
    )
    .await;
    assert_eq!(later.status(), 201);
    let path = format!(
        "/v1/workspaces/acme/audit-events/export?from={}",
        since.replace('+', "%2B")
    );
    let partial = send(&app, Method::GET, &path, &fresh, None)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        partial.lines().nth(1).unwrap().contains("\"seq\":5"),
        "{partial}"
    );
    let verdict = palisade_service::audit::verify_export(&partial, &keys).unwrap();
    assert!(verdict.is_ok(), "{verdict:?}\n{partial}");
    app.cleanup().await;
}
