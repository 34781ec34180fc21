//! Crash safety under load: writers create records, secrets and API keys as fast as they can
//! while the server is killed outright (SIGKILL) at random moments and started again. After
//! every restart, every acknowledged write is there and equal, no refused write is, every
//! acknowledged key and secret has its audit event, and the workspace's audit chain verifies.
//! `PALISADE_CRASH_KILLS` sets the kills per backend (3 by default; 20 for a full run).

use crate::backup::{busy, Api};
use crate::process::Serving;
use palisade_store::testing::TestDatabase;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Notify;

const WRITERS: u64 = 8;

#[derive(Debug, Default, Clone)]
struct Ledger {
    /// `k` → (record id, `n`).
    records: BTreeMap<String, (String, u64)>,
    /// Secret name → fingerprint.
    secrets: BTreeMap<String, String>,
    /// Key id → its secret.
    keys: BTreeMap<String, String>,
    /// Names (record `k`, secret or key name) whose write was answered with a refusal.
    refused: BTreeSet<String>,
    /// Writes cut off by the kill: either outcome is allowed.
    unknown: u64,
}

fn kills() -> u32 {
    std::env::var("PALISADE_CRASH_KILLS")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(3)
}

/// A small deterministic generator for the kill moments (the seed is printed).
struct Moments(u64);

impl Moments {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

enum Answer {
    Acknowledged(Value),
    Refused,
    Unknown,
}

async fn answer(sent: Result<reqwest::Response, reqwest::Error>) -> Answer {
    match sent {
        Ok(response) if response.status().is_success() => match response.json().await {
            Ok(body) => Answer::Acknowledged(body),
            Err(_) => Answer::Unknown,
        },
        // A refusal is a client error; anything else (a 500, say) is a failure of the test.
        Ok(response) if response.status().is_client_error() => Answer::Refused,
        Ok(response) => panic!("a write was answered {}", response.status()),
        Err(_) => Answer::Unknown,
    }
}

/// One writer: until `stop`, the next number decides what to write.
async fn write(
    api: Arc<Api>,
    next: Arc<AtomicU64>,
    stop: Arc<AtomicBool>,
    ledger: Arc<Mutex<Ledger>>,
    acks: Arc<(AtomicU64, Notify)>,
) {
    let ws = format!("{}/v1/workspaces/acme", api.url);
    while !stop.load(Ordering::Relaxed) {
        let n = next.fetch_add(1, Ordering::Relaxed);
        let (name, sent) = match n % 10 {
            // Every twentieth secret has a name the server refuses: it must leave nothing.
            0 => {
                let name = if n.is_multiple_of(20) {
                    format!("9bad name {n}")
                } else {
                    format!("SECRET_{n}")
                };
                let sent = api
                    .client
                    .put(format!("{ws}/secrets/{}", name.replace(' ', "%20")))
                    .bearer_auth(&api.access)
                    .json(&json!({"value": format!("value-{n}")}))
                    .send()
                    .await;
                (name, sent)
            }
            1 => {
                let name = format!("key-{n}");
                let sent = api
                    .client
                    .post(format!("{ws}/api-keys"))
                    .bearer_auth(&api.access)
                    .json(&json!({"name": name, "scopes": ["records:read"]}))
                    .send()
                    .await;
                (name, sent)
            }
            _ => {
                let name = format!("k{n}");
                let sent = api
                    .client
                    .post(format!("{ws}/collections/notes/records"))
                    .bearer_auth(&api.access)
                    .json(&json!({"k": name, "n": n}))
                    .send()
                    .await;
                (name, sent)
            }
        };
        let answer = answer(sent).await;
        if matches!(answer, Answer::Acknowledged(_)) {
            acks.0.fetch_add(1, Ordering::Relaxed);
            acks.1.notify_one();
        }
        let mut ledger = ledger.lock().unwrap();
        match answer {
            Answer::Acknowledged(body) => match n % 10 {
                0 => {
                    let fingerprint = body["fingerprint"].as_str().unwrap().to_owned();
                    ledger.secrets.insert(name, fingerprint);
                }
                1 => {
                    let id = body["id"].as_str().unwrap().to_owned();
                    let secret = body["secret"].as_str().unwrap().to_owned();
                    ledger.keys.insert(id, secret);
                }
                _ => {
                    let id = body["id"].as_str().unwrap().to_owned();
                    ledger.records.insert(name, (id, n));
                }
            },
            Answer::Refused => {
                ledger.refused.insert(name);
            }
            Answer::Unknown => {
                ledger.unknown += 1;
                // The server is gone: this writer's round is over.
                return;
            }
        }
    }
}

async fn get_json(api: &Api, path: &str) -> Value {
    let response = api
        .client
        .get(format!("{}{path}", api.url))
        .bearer_auth(&api.access)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "{path}");
    response.json().await.unwrap()
}

/// Pages through a cursor-paginated list.
async fn all_items(api: &Api, path: &str) -> Vec<Value> {
    let mut items = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let page_path = match &cursor {
            Some(c) => format!("{path}?limit=100&cursor={c}"),
            None => format!("{path}?limit=100"),
        };
        let page = get_json(api, &page_path).await;
        items.extend(page["items"].as_array().unwrap().iter().cloned());
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => return items,
        }
    }
}

/// Everything the ledger says against what the restarted server holds.
async fn check(api: &Api, ledger: &Ledger) {
    let records = all_items(api, "/v1/workspaces/acme/collections/notes/records").await;
    let by_id: BTreeMap<&str, &Value> = records
        .iter()
        .map(|r| (r["id"].as_str().unwrap(), &r["data"]))
        .collect();
    for (k, (id, n)) in &ledger.records {
        let data = by_id
            .get(id.as_str())
            .unwrap_or_else(|| panic!("acknowledged record {k} is lost"));
        assert_eq!(
            (data["k"].as_str(), data["n"].as_u64()),
            (Some(k.as_str()), Some(*n))
        );
    }
    let stored_ks: BTreeSet<&str> = records
        .iter()
        .filter_map(|r| r["data"]["k"].as_str())
        .collect();
    let secrets = get_json(api, "/v1/workspaces/acme/secrets").await;
    let fingerprints: BTreeMap<&str, &str> = secrets
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap(),
                s["fingerprint"].as_str().unwrap(),
            )
        })
        .collect();
    for (name, fingerprint) in &ledger.secrets {
        assert_eq!(
            fingerprints.get(name.as_str()),
            Some(&fingerprint.as_str()),
            "secret {name}"
        );
    }
    let keys = get_json(api, "/v1/workspaces/acme/api-keys").await;
    let key_names: BTreeMap<&str, &str> = keys
        .as_array()
        .unwrap()
        .iter()
        .map(|k| (k["id"].as_str().unwrap(), k["name"].as_str().unwrap()))
        .collect();
    for id in ledger.keys.keys() {
        assert!(
            key_names.contains_key(id.as_str()),
            "acknowledged API key {id} is lost"
        );
    }
    for name in &ledger.refused {
        assert!(
            !stored_ks.contains(name.as_str())
                && !fingerprints.contains_key(name.as_str())
                && !key_names.values().any(|n| n == name),
            "refused write {name} is present"
        );
    }
    // A key acknowledged before a crash still opens the workspace.
    if let Some(secret) = ledger.keys.values().next() {
        let read = api
            .client
            .get(format!(
                "{}/v1/workspaces/acme/collections/notes/records?limit=1",
                api.url
            ))
            .bearer_auth(secret)
            .send()
            .await
            .unwrap();
        assert_eq!(read.status(), 200);
    }
    let events = all_items(api, "/v1/workspaces/acme/audit-events").await;
    let audited: BTreeSet<&str> = events
        .iter()
        .filter_map(|e| e["resource_id"].as_str())
        .collect();
    // Record writes are data, not audited (README, "Audit log"); keys and secrets are.
    for id in ledger.keys.keys() {
        assert!(
            audited.contains(id.as_str()),
            "API key {id} has no audit event"
        );
    }
    for name in ledger.secrets.keys() {
        assert!(
            audited.contains(name.as_str()),
            "secret {name} has no audit event"
        );
    }
    let verdict = get_json(api, "/v1/workspaces/acme/audit/verify").await;
    assert_eq!(verdict["ok"], true, "{verdict}");
}

fn serve(dir: &Path, url: Option<&str>) -> tokio::process::Command {
    let mut command = busy(dir);
    if let Some(url) = url {
        command.env("PALISADE_DATABASE_URL", url);
    }
    command
}

async fn crash_repeatedly(url: Option<&str>) {
    let dir = tempfile::tempdir().unwrap();
    let seed = 0x5eed_0000_0000_0001 ^ u64::from(kills());
    eprintln!("kill moments seeded with {seed:#x}");
    let mut moments = Moments(seed);
    let server = Serving::start(serve(dir.path(), url))
        .await
        .unwrap_or_else(|f| panic!("{}", f.stderr));
    let mut api = Api::with_notes(&server.url).await;
    let mut server = Some(server);
    let ledger = Arc::new(Mutex::new(Ledger::default()));
    let next = Arc::new(AtomicU64::new(0));
    let acks = Arc::new((AtomicU64::new(0), Notify::new()));
    for _ in 0..kills() {
        let running = server.take().unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let shared = Arc::new(Api {
            client: api.client.clone(),
            url: api.url.clone(),
            access: api.access.clone(),
        });
        let writers: Vec<_> = (0..WRITERS)
            .map(|_| {
                tokio::spawn(write(
                    shared.clone(),
                    next.clone(),
                    stop.clone(),
                    ledger.clone(),
                    acks.clone(),
                ))
            })
            .collect();
        // The kill comes after a number of acknowledged writes drawn from the seed: 40 to 99
        // more this round, counted as they are acknowledged, not waited for.
        let target = acks.0.load(Ordering::Relaxed) + 40 + moments.next(60);
        while acks.0.load(Ordering::Relaxed) < target {
            tokio::time::timeout(Duration::from_secs(60), acks.1.notified())
                .await
                .expect("the writers stopped before the kill");
        }
        running.kill().await;
        stop.store(true, Ordering::Relaxed);
        for writer in writers {
            writer.await.unwrap();
        }
        let restarted = Serving::start(serve(dir.path(), url))
            .await
            .unwrap_or_else(|f| panic!("{}", f.stderr));
        api.url = restarted.url.clone();
        let so_far = ledger.lock().unwrap().clone();
        check(&api, &so_far).await;
        server = Some(restarted);
    }
    let ledger = ledger.lock().unwrap().clone();
    eprintln!(
        "{} kills: {} records, {} secrets, {} keys acknowledged; {} refused; {} cut off",
        kills(),
        ledger.records.len(),
        ledger.secrets.len(),
        ledger.keys.len(),
        ledger.refused.len(),
        ledger.unknown
    );
    assert!(ledger.records.len() > 40, "too few writes to say anything");
    assert!(!ledger.refused.is_empty(), "no refusal was exercised");
    if let Some(server) = server {
        assert!(server.terminate().await.success());
    }
}

#[tokio::test]
async fn every_write_acknowledged_before_a_kill_survives_it_on_sqlite() {
    crash_repeatedly(None).await;
}

#[tokio::test]
async fn every_write_acknowledged_before_a_kill_survives_it_on_postgres() {
    let Some(db) = TestDatabase::postgres().await else {
        return;
    };
    crash_repeatedly(Some(db.url())).await;
    db.cleanup().await;
}
