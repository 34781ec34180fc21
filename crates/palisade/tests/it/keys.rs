//! `palisade keys rotate-master` and `rotate-workspace` as an operator runs them.

use crate::process::{palisade, run, Serving};
use serde_json::{json, Value};
use std::os::unix::fs::PermissionsExt;

#[tokio::test]
async fn rotate_master_creates_the_new_key_and_then_the_new_key_alone_unlocks_the_vault() {
    let dir = tempfile::tempdir().unwrap();
    let migrated = run(migrate(dir.path())).await;
    assert!(migrated.status.success(), "{}", migrated.stderr);
    let mut rotate = palisade(dir.path());
    rotate.args(["keys", "rotate-master", "--new-key-file", "new.key"]);
    let rotated = run(rotate).await;
    assert!(rotated.status.success(), "{}", rotated.stderr);
    assert!(
        rotated.stdout.contains("created new.key (mode 0600)"),
        "{}",
        rotated.stdout
    );
    assert!(
        rotated.stdout.contains("1 data keys re-wrapped under kek_"),
        "{}",
        rotated.stdout
    );
    assert!(
        rotated.stderr.contains("re-wrapping data keys [#"),
        "{}",
        rotated.stderr
    );
    let mode = std::fs::metadata(dir.path().join("new.key"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    let mut again = palisade(dir.path());
    again.args(["keys", "rotate-master", "--new-key-file", "new.key"]);
    let again = run(again).await;
    assert!(
        again.stdout.contains("0 data keys re-wrapped"),
        "{}",
        again.stdout
    );
    let mut on_new = migrate(dir.path());
    on_new.env("PALISADE_MASTER_KEY_FILE", "new.key");
    let on_new = run(on_new).await;
    assert!(on_new.status.success(), "{}", on_new.stderr);
    let on_old = run(migrate(dir.path())).await;
    assert!(!on_old.status.success());
    assert!(on_old.stderr.contains("does not hold"), "{}", on_old.stderr);
}

#[tokio::test]
async fn new_master_writes_an_owner_only_key_once_and_prints_its_id() {
    let dir = tempfile::tempdir().unwrap();
    let mut create = palisade(dir.path());
    create.args(["keys", "new-master", "--out", "next.key"]);
    let created = run(create).await;
    assert!(created.status.success(), "{}", created.stderr);
    assert!(created.stdout.contains("key id kek_"), "{}", created.stdout);
    let mode = std::fs::metadata(dir.path().join("next.key"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    let mut again = palisade(dir.path());
    again.args(["keys", "new-master", "--out", "next.key"]);
    assert!(
        !run(again).await.status.success(),
        "an existing key file was overwritten"
    );
}

#[tokio::test]
async fn a_master_key_from_the_environment_needs_no_key_file() {
    let dir = tempfile::tempdir().unwrap();
    let key = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, [7u8; 32]);
    let mut command = migrate(dir.path());
    command.env("PALISADE_MASTER_KEY", &key);
    let migrated = run(command).await;
    assert!(migrated.status.success(), "{}", migrated.stderr);
    assert!(!dir.path().join("palisade-data/master.key").exists());
    let mut malformed = migrate(dir.path());
    malformed.env("PALISADE_MASTER_KEY", "not base64!");
    let refused = run(malformed).await;
    assert!(!refused.status.success());
    assert!(
        refused.stderr.contains("PALISADE_MASTER_KEY"),
        "{}",
        refused.stderr
    );
    assert!(
        !refused.stderr.contains("not base64!"),
        "{}",
        refused.stderr
    );
}

#[tokio::test]
async fn rotate_workspace_reencrypts_its_secrets_while_the_server_serves() {
    let dir = tempfile::tempdir().unwrap();
    let server = Serving::start(palisade(dir.path())).await.ok().unwrap();
    let client = reqwest::Client::new();
    let at = |path: &str| format!("{}{path}", server.url);
    let credentials = json!({"email": "ada@example.com", "password": "violet-tundra-42-harbor"});
    let mut signup = credentials.clone();
    signup["name"] = json!("Ada");
    let created = client
        .post(at("/v1/auth/signup"))
        .json(&signup)
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    let login: Value = client
        .post(at("/v1/auth/login"))
        .json(&credentials)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = login["access_token"].as_str().unwrap().to_owned();
    let workspace = json!({"slug": "acme", "name": "Acme"});
    let made = client
        .post(at("/v1/workspaces"))
        .bearer_auth(&token)
        .json(&workspace);
    assert_eq!(made.send().await.unwrap().status(), 201);
    let put = |name: &str, value: &str| {
        client
            .put(at(&format!("/v1/workspaces/acme/secrets/{name}")))
            .bearer_auth(&token)
            .json(&json!({"value": value}))
            .send()
    };
    for name in ["A", "B", "C"] {
        assert_eq!(put(name, "v1").await.unwrap().status(), 201);
    }
    let mut rotate = palisade(dir.path());
    rotate.args(["keys", "rotate-workspace", "--workspace", "acme"]);
    let rotated = run(rotate).await;
    assert!(rotated.status.success(), "{}", rotated.stderr);
    assert!(
        rotated.stdout.contains("3 values re-encrypted"),
        "{}",
        rotated.stdout
    );
    assert!(
        rotated.stderr.contains("re-encrypting values [###"),
        "{}",
        rotated.stderr
    );
    // The server has not heard of the new version; its write still lands, under it.
    assert_eq!(put("A", "v2").await.unwrap().status(), 200);
    let mut unknown = palisade(dir.path());
    unknown.args(["keys", "rotate-workspace", "--workspace", "nope"]);
    let unknown = run(unknown).await;
    assert!(unknown.stderr.contains("no workspace has the slug `nope`"));
    assert!(server.terminate().await.success());
}

fn migrate(dir: &std::path::Path) -> tokio::process::Command {
    let mut command = palisade(dir);
    command.arg("migrate");
    command
}
