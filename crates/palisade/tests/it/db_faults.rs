//! PostgreSQL going away under a serving node: connections terminated mid-request, then the
//! database unreachable for a while (a proxy in front of it stops forwarding), then back.
//! Every answer meanwhile is 503 `database_unavailable` with `Retry-After` (never a 500, never
//! a wrong 401), nothing acknowledged is lost, and the node recovers by itself.
//! `PALISADE_OUTAGE_SECONDS` sets the outage (6 by default; 30 for a full run).

use crate::backup::{busy, Api};
use crate::process::Serving;
use palisade_store::testing::TestDatabase;
use serde_json::{json, Value};
use sqlx::Connection;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

/// Forwards connections to PostgreSQL while `up`; going down cuts every open one and drops
/// new ones at once.
struct Proxy {
    port: u16,
    up: watch::Sender<bool>,
}

impl Proxy {
    async fn start(target: String) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let (up, watching) = watch::channel(true);
        tokio::spawn(async move {
            loop {
                let Ok((client, _)) = listener.accept().await else {
                    return;
                };
                let mut watching = watching.clone();
                if !*watching.borrow() {
                    continue;
                }
                let target = target.clone();
                tokio::spawn(async move {
                    let Ok(server) = TcpStream::connect(&target).await else {
                        return;
                    };
                    let (mut client, mut server) = (client, server);
                    tokio::select! {
                        _ = tokio::io::copy_bidirectional(&mut client, &mut server) => {}
                        _ = watching.wait_for(|up| !*up) => {}
                    }
                });
            }
        });
        Proxy { port, up }
    }

    fn set(&self, up: bool) {
        self.up.send_replace(up);
    }
}

fn outage() -> Duration {
    let seconds = std::env::var("PALISADE_OUTAGE_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(6);
    Duration::from_secs(seconds)
}

async fn write_note(api: &Api, n: u64) -> reqwest::Response {
    api.post(
        "/v1/workspaces/acme/collections/notes/records",
        json!({"n": n}),
    )
    .await
}

/// A refusal during the outage must be exactly this.
async fn assert_unavailable(response: reqwest::Response) {
    let status = response.status();
    let retry_after = response.headers().contains_key("retry-after");
    let body: Value = response.json().await.unwrap_or_default();
    assert_eq!(status, 503, "{body}");
    assert!(retry_after, "{body}");
    assert_eq!(body["code"], "database_unavailable", "{body}");
}

#[tokio::test]
async fn a_postgres_outage_is_503_throughout_and_the_node_recovers_by_itself() {
    let Some(db) = TestDatabase::postgres().await else {
        return;
    };
    let direct = db.url().to_owned();
    let authority = direct.split('@').nth(1).unwrap().split('/').next().unwrap();
    let proxy = Proxy::start(authority.to_owned()).await;
    let proxied = direct.replacen(authority, &format!("127.0.0.1:{}", proxy.port), 1);
    let dir = tempfile::tempdir().unwrap();
    let mut serve = busy(dir.path());
    serve
        .env("PALISADE_DATABASE_URL", &proxied)
        .env("PALISADE_DATABASE_APP_ROLE", "palisade_app_fault_test");
    let server = Serving::start(serve)
        .await
        .unwrap_or_else(|f| panic!("{}", f.stderr));
    let api = Api::with_notes(&server.url).await;
    let mut acknowledged = Vec::new();
    for n in 0..5 {
        let response = write_note(&api, n).await;
        assert_eq!(response.status(), 201);
        let body: Value = response.json().await.unwrap();
        acknowledged.push(body["id"].as_str().unwrap().to_owned());
    }

    // Connections killed under running requests: each answer is a success or a 503.
    let mut owner = sqlx::PgConnection::connect(&direct).await.unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let stop = stop.clone();
        let api = Api {
            client: api.client.clone(),
            url: api.url.clone(),
            access: api.access.clone(),
        };
        tokio::spawn(async move {
            let mut statuses = Vec::new();
            let mut n = 100;
            while !stop.load(Ordering::Relaxed) {
                let response = write_note(&api, n).await;
                let status = response.status().as_u16();
                let id = response
                    .json::<Value>()
                    .await
                    .ok()
                    .and_then(|b| b["id"].as_str().map(str::to_owned));
                statuses.push((status, id));
                n += 1;
            }
            statuses
        })
    };
    let mut terminated = 0;
    for _ in 0..5 {
        let killed: Vec<bool> = sqlx::query_scalar(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE usename = 'palisade_app_fault_test' AND pid <> pg_backend_pid()",
        )
        .fetch_all(&mut owner)
        .await
        .unwrap();
        terminated += killed.into_iter().filter(|k| *k).count();
    }
    assert!(terminated > 0, "no connection of the node was terminated");
    stop.store(true, Ordering::Relaxed);
    for (status, id) in writer.await.unwrap() {
        assert!(
            status == 201 || status == 503,
            "a terminated connection answered {status}"
        );
        if let (201, Some(id)) = (status, id) {
            acknowledged.push(id);
        }
    }

    // The database out of reach.
    proxy.set(false);
    let until = tokio::time::Instant::now() + outage();
    let mut refused = 0;
    while tokio::time::Instant::now() < until {
        assert_unavailable(write_note(&api, 1_000 + refused).await).await;
        let read = api
            .client
            .get(format!(
                "{}/v1/workspaces/acme/collections/notes/records",
                api.url
            ))
            .bearer_auth(&api.access)
            .send()
            .await
            .unwrap();
        assert_unavailable(read).await;
        refused += 1;
    }
    let ready = reqwest::get(format!("{}/readyz", api.url)).await.unwrap();
    assert_eq!(ready.status(), 503);

    // Back: the same process serves again, and nothing acknowledged is missing.
    proxy.set(true);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let response = write_note(&api, 2_000).await;
        if response.status() == 201 {
            break;
        }
        assert_eq!(response.status(), 503);
        assert!(
            tokio::time::Instant::now() < deadline,
            "the node did not recover"
        );
    }
    let held = api.record_ids().await;
    for id in &acknowledged {
        assert!(held.contains(id), "acknowledged record {id} is lost");
    }
    assert!(refused > 0);
    assert!(server.terminate().await.success());
    db.cleanup().await;
}
