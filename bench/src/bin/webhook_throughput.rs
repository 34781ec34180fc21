//! Webhook deliveries per second to a receiver on loopback: `--messages` test messages (default
//! 2000) queued for an ordinary endpoint, then for an audit stream (delivered one at a time,
//! in order), each drained by delivery passes on a node whose own worker is off. Every
//! delivery is signed both ways and logged; the receiver answers 200 at once. SQLite.
//!
//! `cargo run --release -p palisade-bench --bin webhook-throughput [-- --messages 2000]`
#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use axum::http::StatusCode;
use figment::Figment;
use palisade_bench::{call, UNLIMITED};
use palisade_server::{serve, AppState, Config, Server, Services};
use serde_json::json;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

const PASSWORD: &str = "violet-tundra-42-harbor";

fn messages() -> usize {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [] => 2000,
        [flag, n] if flag == "--messages" => n.parse::<usize>().unwrap().clamp(10, 50_000),
        _ => panic!("usage: webhook-throughput [--messages N]"),
    }
}

/// A receiver that counts what it is sent and answers 200.
async fn receiver() -> (SocketAddr, Arc<AtomicUsize>) {
    let seen = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&seen);
    let app = axum::Router::new().fallback(move || {
        let counter = Arc::clone(&counter);
        async move {
            counter.fetch_add(1, Ordering::Relaxed);
            StatusCode::OK
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (addr, seen)
}

async fn server(receiver: SocketAddr) -> (String, AppState, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut figment = Figment::new()
        .merge(("bind", "127.0.0.1:0"))
        .merge(("data_dir", dir.path().join("data")))
        .merge(("log_level", "error"))
        .merge(("webhooks.allow_http", true))
        .merge(("webhooks.worker", false));
    for key in UNLIMITED {
        figment = figment.merge((*key, 1_000_000));
    }
    let config = Config::from_figment(figment).unwrap();
    let services = Services {
        egress_allowlist: vec![receiver],
        ..Services::default()
    };
    let (store, keys) = serve::open(&config, &palisade_core::OsSecureRng)
        .await
        .unwrap();
    let state = serve::assemble(config, services, store, &keys)
        .await
        .unwrap();
    let server = Server::bind(state.clone()).await.unwrap();
    let base = server.url();
    tokio::spawn(server.run(std::future::pending()));
    (base, state, dir)
}

/// The running deployment a run queues to and drains.
struct Rig {
    base: String,
    access: String,
    state: AppState,
    seen: Arc<AtomicUsize>,
    receiver: SocketAddr,
}

async fn run(rig: &Rig, kind: &str, events: &str, n: usize) {
    let client = reqwest::Client::new();
    let hooks = format!("{}/v1/workspaces/bench/webhooks", rig.base);
    let hook = json!({"url": format!("http://{}/hooks", rig.receiver), "events": [events]});
    let created = call(&client, &hooks, Some(&rig.access), Some(hook)).await;
    let test = format!("{hooks}/{}/test", created["id"].as_str().unwrap());
    let queued = Instant::now();
    for _ in 0..n {
        let sent = client
            .post(&test)
            .bearer_auth(&rig.access)
            .send()
            .await
            .unwrap();
        assert_eq!(sent.status(), 202);
    }
    let queueing = queued.elapsed();
    let before = rig.seen.load(Ordering::Relaxed);
    let started = Instant::now();
    while rig.seen.load(Ordering::Relaxed) < before + n {
        rig.state.platform().webhooks.deliver_due().await.unwrap();
    }
    let took = started.elapsed();
    println!(
        "{kind}: {n} messages queued in {:.2} s, delivered in {:.2} s: {:.0} deliveries/s",
        queueing.as_secs_f64(),
        took.as_secs_f64(),
        n as f64 / took.as_secs_f64()
    );
}

#[tokio::main]
async fn main() {
    let n = messages();
    let (receiver, seen) = receiver().await;
    let (base, state, _dir) = server(receiver).await;
    let client = reqwest::Client::new();
    let account = json!({"email": "hooks@example.com", "password": PASSWORD});
    call(
        &client,
        &format!("{base}/v1/auth/signup"),
        None,
        Some(account.clone()),
    )
    .await;
    let tokens = call(
        &client,
        &format!("{base}/v1/auth/login"),
        None,
        Some(account),
    )
    .await;
    let access = tokens["access_token"].as_str().unwrap().to_owned();
    let workspace = json!({"slug": "bench", "name": "Bench"});
    call(
        &client,
        &format!("{base}/v1/workspaces"),
        Some(&access),
        Some(workspace),
    )
    .await;
    let rig = Rig {
        base,
        access,
        state,
        seen,
        receiver,
    };
    run(&rig, "webhook endpoint (16 in flight)", "record.created", n).await;
    run(&rig, "audit stream (in order, one at a time)", "audit.*", n).await;
}
