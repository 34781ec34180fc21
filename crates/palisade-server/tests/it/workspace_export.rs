//! A workspace's export through the real server: a tar archive of its collections, schemas
//! and records, its secrets by name only, and a manifest that vouches for every file.

use crate::accounts::{account, auth_options};
use crate::helpers::{on_both_backends, problem, send, spawn_app_with, TestApp};
use crate::mfa::{enroll, login_with_mfa};
use crate::workspaces::{create_workspace, join};
use reqwest::Method;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Read;
use time::Duration;

const SECRET_VALUE: &str = "sk_live_do-not-export-me-42";

/// Every member of the archive, by path, in order of appearance.
async fn archive(app: &TestApp, access: &str) -> Vec<(String, Vec<u8>)> {
    let response = send(app, Method::GET, "/v1/workspaces/acme/export", access, None).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/x-tar");
    let bytes = response.bytes().await.unwrap();
    assert!(
        !bytes
            .windows(SECRET_VALUE.len())
            .any(|w| w == SECRET_VALUE.as_bytes()),
        "a secret's value is in the export"
    );
    let mut members = Vec::new();
    let mut tar = tar::Archive::new(bytes.as_ref());
    for entry in tar.entries().unwrap() {
        let mut entry = entry.unwrap();
        let path = entry.path().unwrap().to_string_lossy().into_owned();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        members.push((path, data));
    }
    members
}

async fn post(app: &TestApp, access: &str, path: &str, body: Value) {
    let response = send(app, Method::POST, path, access, Some(body)).await;
    assert_eq!(response.status(), 201, "POST {path}");
}

/// Ada's acme: `notes` (with a schema) holding `count` records, an empty `tasks`, a secret.
async fn acme_with_data(app: &TestApp, count: usize) -> String {
    let ada = account(app, "ada@example.com").await;
    assert_eq!(
        create_workspace(app, &ada.access, "acme").await.status(),
        201
    );
    let schema = json!({"type": "object", "required": ["n"]});
    post(
        app,
        &ada.access,
        "/v1/workspaces/acme/collections",
        json!({"name": "notes", "schema": schema}),
    )
    .await;
    post(
        app,
        &ada.access,
        "/v1/workspaces/acme/collections",
        json!({"name": "tasks"}),
    )
    .await;
    for n in 0..count {
        let body = json!({"n": n, "text": format!("note {n}")});
        post(
            app,
            &ada.access,
            "/v1/workspaces/acme/collections/notes/records",
            body,
        )
        .await;
    }
    let put = crate::vault::put(app, &ada.access, "acme", "STRIPE", SECRET_VALUE).await;
    assert!(put.status().is_success());
    ada.access
}

#[tokio::test]
async fn an_owner_exports_every_record_schema_and_secret_name_with_a_manifest() {
    on_both_backends(auth_options, |app| async move {
        let ada = acme_with_data(&app, 1_001).await;
        let members = archive(&app, &ada).await;
        let paths: Vec<&str> = members.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "workspace.json",
                "collections/notes/collection.json",
                "collections/tasks/collection.json",
                "collections/notes/records-000001.jsonl",
                "collections/notes/records-000002.jsonl",
                "secrets.json",
                "manifest.json",
            ]
        );
        let files: BTreeMap<&str, &[u8]> = members
            .iter()
            .map(|(p, d)| (p.as_str(), d.as_slice()))
            .collect();
        let schema: Value =
            serde_json::from_slice(files["collections/notes/collection.json"]).unwrap();
        assert_eq!(schema["json_schema"]["required"], json!(["n"]));
        let mut seen = Vec::new();
        for part in [
            "collections/notes/records-000001.jsonl",
            "collections/notes/records-000002.jsonl",
        ] {
            for line in std::str::from_utf8(files[part]).unwrap().lines() {
                let record: Value = serde_json::from_str(line).unwrap();
                assert!(record["id"].as_str().unwrap().starts_with("rec_"));
                assert_eq!(record["version"], 1);
                seen.push(record["data"]["n"].as_u64().unwrap());
            }
        }
        seen.sort_unstable();
        assert_eq!(seen, (0..1_001).collect::<Vec<u64>>());
        let secrets: Value = serde_json::from_slice(files["secrets.json"]).unwrap();
        assert_eq!(secrets[0]["name"], "STRIPE");
        let manifest: Value = serde_json::from_slice(files["manifest.json"]).unwrap();
        assert_eq!(manifest["format"], "palisade.workspace_export");
        assert_eq!(manifest["workspace"]["slug"], "acme");
        assert_eq!(
            (
                manifest["collections"].as_u64(),
                manifest["records"].as_u64()
            ),
            (Some(2), Some(1_001))
        );
        let listed = manifest["files"].as_array().unwrap();
        assert_eq!(
            listed.len(),
            members.len() - 1,
            "every file but the manifest"
        );
        for (entry, (path, data)) in listed.iter().zip(&members) {
            assert_eq!(entry["path"], path.as_str());
            let digest: String = Sha256::digest(data)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            assert_eq!(entry["sha256"], digest, "{path}");
        }
        app
    })
    .await;
}

#[tokio::test]
async fn only_owners_may_export_a_workspace() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let ada = account(&app, "ada@example.com").await;
    assert_eq!(
        create_workspace(&app, &ada.access, "acme").await.status(),
        201
    );
    let bob = join(&app, &ada, "bob@example.com", "admin").await;
    let refused = send(
        &app,
        Method::GET,
        "/v1/workspaces/acme/export",
        &bob.access,
        None,
    )
    .await;
    assert_eq!(refused.status(), 403);
    assert_eq!(problem(refused).await["code"], "permission_denied");
    app.cleanup().await;
}

#[tokio::test]
async fn exporting_needs_a_recent_second_factor_when_the_owner_has_mfa() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let ada = account(&app, "ada@example.com").await;
    let enrolled = enroll(&app, &ada.access).await;
    let session = login_with_mfa(&app, "ada@example.com", &enrolled.secret).await;
    assert_eq!(
        create_workspace(&app, &session.access, "acme")
            .await
            .status(),
        201
    );
    assert_eq!(
        archive(&app, &session.access).await.last().unwrap().0,
        "manifest.json"
    );
    app.clock
        .advance(Duration::minutes(10) + Duration::seconds(1));
    let refused = send(
        &app,
        Method::GET,
        "/v1/workspaces/acme/export",
        &session.access,
        None,
    )
    .await;
    assert_eq!(refused.status(), 403);
    assert_eq!(problem(refused).await["code"], "mfa.step_up_required");
    app.cleanup().await;
}
