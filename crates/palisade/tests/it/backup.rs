//! The restore drill through the real binary: a backup taken while the server takes writes,
//! verified and restored without the source's data directory, serves the same data.

use crate::process::{palisade, run, Serving};
use palisade_store::testing::TestDatabase;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tokio::process::Command;

pub(crate) const PASSWORD: &str = "violet-tundra-42-harbor";

/// `palisade` with generous write limits (the drill writes as fast as it can), logging only
/// warnings: the harness reads only a server's first line, and a pipe left full of request
/// logs would stall it.
pub(crate) fn busy(dir: &Path) -> Command {
    let mut command = palisade(dir);
    command.env("PALISADE_LOG_LEVEL", "warn");
    for class in ["READ", "WRITE", "AUTH"] {
        command
            .env(
                format!("PALISADE_RATE_LIMITS__{class}__PER_MINUTE"),
                "1000000",
            )
            .env(format!("PALISADE_RATE_LIMITS__{class}__BURST"), "100000");
    }
    command
}

pub(crate) struct Api {
    pub(crate) client: reqwest::Client,
    pub(crate) url: String,
    pub(crate) access: String,
}

impl Api {
    pub(crate) async fn sign_in(url: &str, sign_up: bool) -> Api {
        // A stuck request fails the test instead of hanging it.
        let client = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(60))
            .build()
            .unwrap();
        let account = json!({"email": "ada@example.com", "password": PASSWORD});
        if sign_up {
            let created = client
                .post(format!("{url}/v1/auth/signup"))
                .json(&account)
                .send()
                .await
                .unwrap();
            assert_eq!(created.status(), 201);
        }
        let tokens: Value = client
            .post(format!("{url}/v1/auth/login"))
            .json(&account)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let access = tokens["access_token"].as_str().unwrap().to_owned();
        Api {
            client,
            url: url.to_owned(),
            access,
        }
    }

    /// A new account holding workspace `acme` with an empty collection `notes`.
    pub(crate) async fn with_notes(url: &str) -> Api {
        let api = Api::sign_in(url, true).await;
        let created = api
            .post("/v1/workspaces", json!({"slug": "acme", "name": "Acme"}))
            .await;
        assert_eq!(created.status(), 201);
        let created = api
            .post("/v1/workspaces/acme/collections", json!({"name": "notes"}))
            .await;
        assert_eq!(created.status(), 201);
        api
    }

    pub(crate) async fn post(&self, path: &str, body: Value) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.url))
            .bearer_auth(&self.access)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    pub(crate) async fn record_ids(&self) -> BTreeSet<String> {
        let mut ids = BTreeSet::new();
        let mut cursor: Option<String> = None;
        loop {
            let mut path = format!(
                "{}/v1/workspaces/acme/collections/notes/records?limit=100",
                self.url
            );
            if let Some(c) = &cursor {
                path.push_str(&format!("&cursor={c}"));
            }
            let page: Value = self
                .client
                .get(path)
                .bearer_auth(&self.access)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            for item in page["items"].as_array().unwrap() {
                ids.insert(item["id"].as_str().unwrap().to_owned());
            }
            match page["next_cursor"].as_str() {
                Some(next) => cursor = Some(next.to_owned()),
                None => return ids,
            }
        }
    }
}

/// `palisade backup keygen`, run in `dir`: the public key, with the identity written to
/// `identity_file`.
pub(crate) async fn backup_keys(dir: &Path, identity_file: &Path) -> String {
    let mut keygen = palisade(dir);
    keygen.args(["backup", "keygen"]);
    let keygen = run(keygen).await;
    assert!(keygen.status.success(), "{}", keygen.stderr);
    let (recipient, secret) = keygen_output(&keygen.stdout);
    std::fs::write(identity_file, format!("{secret}\n")).unwrap();
    recipient
}

fn keygen_output(stdout: &str) -> (String, String) {
    let recipient = stdout
        .lines()
        .find_map(|l| l.strip_prefix("# public key: "))
        .unwrap()
        .to_owned();
    let secret = stdout
        .lines()
        .find(|l| l.starts_with("AGE-SECRET-KEY-1"))
        .unwrap()
        .to_owned();
    (recipient, secret)
}

#[tokio::test]
async fn a_sqlite_backup_taken_under_load_restores_to_a_server_with_the_same_data() {
    drill(None).await;
}

#[tokio::test]
async fn a_postgres_backup_taken_under_load_restores_to_a_server_with_the_same_data() {
    let Some(source) = TestDatabase::postgres().await else {
        return;
    };
    let Some(target) = TestDatabase::postgres().await else {
        return;
    };
    drill(Some((source.url(), target.url()))).await;
    source.cleanup().await;
    target.cleanup().await;
}

/// With `databases`, the source and target are PostgreSQL (source URL, empty target URL).
async fn drill(databases: Option<(&str, &str)>) {
    let on = |mut command: Command, url: Option<&str>| {
        if let Some(url) = url {
            command.env("PALISADE_DATABASE_URL", url);
        }
        command
    };
    let source_url = databases.map(|(source, _)| source);
    let target_url = databases.map(|(_, target)| target);
    let dir = tempfile::tempdir().unwrap();
    let identity = dir.path().join("backup-identity.txt");
    let recipient = backup_keys(dir.path(), &identity).await;

    let mut serve = on(busy(dir.path()), source_url);
    serve.env("PALISADE_BACKUP__RECIPIENTS", &recipient);
    let server = Serving::start(serve)
        .await
        .unwrap_or_else(|f| panic!("{}", f.stderr));
    let api = Api::sign_in(&server.url, true).await;
    assert_eq!(
        api.post("/v1/workspaces", json!({"slug": "acme", "name": "Acme"}))
            .await
            .status(),
        201
    );
    assert_eq!(
        api.post("/v1/workspaces/acme/collections", json!({"name": "notes"}))
            .await
            .status(),
        201
    );
    let secret_put = api
        .client
        .put(format!("{}/v1/workspaces/acme/secrets/STRIPE", api.url))
        .bearer_auth(&api.access)
        .json(&json!({"value": "sk_live_drill"}))
        .send()
        .await
        .unwrap();
    assert!(secret_put.status().is_success());
    for n in 0..20 {
        assert_eq!(
            api.post(
                "/v1/workspaces/acme/collections/notes/records",
                json!({"n": n})
            )
            .await
            .status(),
            201
        );
    }
    let before = api.record_ids().await;

    // Writers keep going while the backup is taken.
    let stop = Arc::new(AtomicBool::new(false));
    // The backup starts once the writer has had writes acknowledged, not after a guessed wait.
    let (started, writing) = tokio::sync::oneshot::channel();
    let writer = {
        let stop = Arc::clone(&stop);
        let api = Api {
            client: api.client.clone(),
            url: api.url.clone(),
            access: api.access.clone(),
        };
        tokio::spawn(async move {
            let mut started = Some(started);
            let mut written = 0;
            // Bounded, whatever happens to the backup meanwhile.
            while !stop.load(Ordering::Relaxed) && written < 5_000 {
                let response = api
                    .post(
                        "/v1/workspaces/acme/collections/notes/records",
                        json!({"n": written}),
                    )
                    .await;
                assert_eq!(response.status(), 201);
                written += 1;
                if written == 10 {
                    if let Some(started) = started.take() {
                        let _ = started.send(());
                    }
                }
            }
            written
        })
    };
    writing.await.unwrap();
    let file = dir.path().join("drill.backup");
    let mut create = on(palisade(dir.path()), source_url);
    create
        .env("PALISADE_BACKUP__RECIPIENTS", &recipient)
        .args(["backup", "create", "--out"])
        .arg(&file);
    let created = run(create).await;
    stop.store(true, Ordering::Relaxed);
    let written_during = writer.await.unwrap();
    assert!(created.status.success(), "{}", created.stderr);
    assert!(written_during > 0, "no write overlapped the backup");
    let after = api.record_ids().await;
    assert!(server.terminate().await.success());

    // Another machine: only the file and the identity.
    let elsewhere = tempfile::tempdir().unwrap();
    let mut verify = palisade(elsewhere.path());
    verify
        .args(["backup", "verify"])
        .arg(&file)
        .arg("--identity")
        .arg(&identity);
    let verified = run(verify).await;
    assert!(verified.status.success(), "{}", verified.stderr);
    assert!(
        verified.stdout.contains("audit logs"),
        "{}",
        verified.stdout
    );

    let restored = elsewhere.path().join("palisade-data");
    let mut restore = palisade(elsewhere.path());
    restore
        .args(["backup", "restore"])
        .arg(&file)
        .arg("--identity")
        .arg(&identity);
    match target_url {
        Some(url) => restore.args(["--database-url", url]),
        None => restore.arg("--to").arg(&restored),
    };
    let done = run(restore).await;
    assert!(done.status.success(), "{}", done.stderr);
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    if !restored.exists() {
        std::fs::DirBuilder::new()
            .mode(0o700)
            .create(&restored)
            .unwrap();
    }
    std::fs::copy(
        dir.path().join("palisade-data/master.key"),
        restored.join("master.key"),
    )
    .unwrap();
    std::fs::set_permissions(
        restored.join("master.key"),
        std::fs::Permissions::from_mode(0o600),
    )
    .unwrap();

    let server = Serving::start(on(busy(elsewhere.path()), target_url))
        .await
        .unwrap_or_else(|f| panic!("{}", f.stderr));
    let api = Api::sign_in(&server.url, false).await;
    let in_restore = api.record_ids().await;
    assert!(
        in_restore.is_superset(&before),
        "a record acknowledged before the backup is missing"
    );
    assert!(
        in_restore.is_subset(&after),
        "the restore holds a record the source never had"
    );
    assert!(server.terminate().await.success());

    // The secret still opens under the same master key, and every audit chain verifies.
    let mut rotate = on(palisade(elsewhere.path()), target_url);
    rotate.args(["keys", "rotate-workspace", "--workspace", "acme"]);
    let rotated = run(rotate).await;
    assert!(rotated.status.success(), "{}", rotated.stderr);
    assert!(
        rotated.stdout.contains("1 values re-encrypted"),
        "{}",
        rotated.stdout
    );
    let mut audit = on(palisade(elsewhere.path()), target_url);
    audit.args(["audit", "verify"]);
    let audited = run(audit).await;
    assert!(
        audited.status.success(),
        "{}{}",
        audited.stdout,
        audited.stderr
    );
}

#[tokio::test]
async fn a_backup_without_recipients_is_refused_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let mut create = palisade(dir.path());
    create.args(["backup", "create", "--out", "x.backup"]);
    let refused = run(create).await;
    assert!(!refused.status.success());
    assert!(
        refused.stderr.contains("backup.recipients"),
        "{}",
        refused.stderr
    );
    assert!(!dir.path().join("x.backup").exists());
}
