//! Loopback load: requests/s of an API-key-authenticated record read against an
//! unauthenticated handler that reads the same row through the same store, in one process,
//! one run, alternating rounds. Bounded in time (`--seconds`, default 5 per round) and
//! concurrency (`--connections`, default 16).
//!
//! `cargo run --release -p palisade-bench --bin record-read-load [-- --seconds 5 --connections 16]`
#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use axum::extract::{Path, State};
use axum::http::StatusCode;
use figment::Figment;
use palisade_bench::{call, UNLIMITED};
use palisade_core::{OsSecureRng, RecordId, SystemClock};
use palisade_server::routes::v1::record_view::respond;
use palisade_server::routes::{self, Verb};
use palisade_server::{serve, AppState, Config, Server, Services};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const PASSWORD: &str = "violet-tundra-42-harbor";

struct Options {
    seconds: u64,
    connections: usize,
    rounds: usize,
}

fn options() -> Options {
    let mut options = Options {
        seconds: 5,
        connections: 16,
        rounds: 3,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    for pair in args.chunks(2) {
        let value: Option<u64> = pair.get(1).and_then(|v| v.parse().ok());
        match (pair[0].as_str(), value) {
            ("--seconds", Some(v)) => options.seconds = v.clamp(1, 60),
            ("--connections", Some(v)) => options.connections = (v as usize).clamp(1, 256),
            ("--rounds", Some(v)) => options.rounds = (v as usize).clamp(1, 10),
            _ => panic!("usage: record-read-load [--seconds N] [--connections N] [--rounds N]"),
        }
    }
    options
}

/// Requests/s and mean latency of `connections` clients hammering `url` for `seconds`.
async fn hammer(
    client: &reqwest::Client,
    url: &str,
    key: Option<&str>,
    seconds: u64,
    connections: usize,
) -> (f64, Duration) {
    let done = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let workers: Vec<_> = (0..connections)
        .map(|_| {
            let (client, url, key, done) = (
                client.clone(),
                url.to_owned(),
                key.map(str::to_owned),
                done.clone(),
            );
            tokio::spawn(async move {
                while Instant::now() < deadline {
                    let mut request = client.get(&url);
                    if let Some(key) = &key {
                        request = request.bearer_auth(key);
                    }
                    let response = request.send().await.unwrap();
                    assert_eq!(response.status(), StatusCode::OK);
                    response.bytes().await.unwrap();
                    done.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    for worker in workers {
        worker.await.unwrap();
    }
    let elapsed = started.elapsed();
    let count = done.load(Ordering::Relaxed).max(1);
    (
        count as f64 / elapsed.as_secs_f64(),
        elapsed * connections as u32 / count as u32,
    )
}

#[tokio::main]
async fn main() {
    let options = options();
    let dir = tempfile::tempdir().unwrap();
    let figment = Figment::new()
        .merge(("bind", "127.0.0.1:0"))
        .merge(("data_dir", dir.path().join("data")))
        .merge(("log_level", "warn"));
    // Both sides run without rate limits: this measures authentication, not the limiter.
    let figment = UNLIMITED
        .iter()
        .fold(figment, |figment, key| figment.merge((*key, 1_000_000)));
    let config = Config::from_figment(figment).unwrap();
    let services = Services {
        clock: Arc::new(SystemClock),
        rng: Arc::new(OsSecureRng),
        ..Services::default()
    };
    let (store, master_key) = serve::open(&config, &OsSecureRng).await.unwrap();
    let state = serve::assemble(config, services, Arc::clone(&store), &master_key)
        .await
        .unwrap();

    // The baseline reads the row with a scope captured once at start-up: the same store call
    // and the same response, minus authentication and authorization.
    let captured = Arc::new(tokio::sync::OnceCell::new());
    let scope_cell = captured.clone();
    let baseline_store = Arc::clone(&store);
    let unauthenticated = move |State(_): State<AppState>, Path(id): Path<String>| {
        let scope_cell = scope_cell.clone();
        let store = Arc::clone(&baseline_store);
        async move {
            let scope = scope_cell
                .get()
                .expect("the scope is captured before the load");
            let id: RecordId = id.parse().unwrap();
            let row = store.record(scope, "notes", id).await.unwrap().unwrap();
            respond(row, StatusCode::OK, scope)
        }
    };
    let table = routes::table().add(
        Verb::Get,
        "/bench/unauthenticated/{id}",
        unauthenticated,
        &[],
    );
    let server = Server::bind_with_routes(state.clone(), table)
        .await
        .unwrap();
    let base = server.url();
    tokio::spawn(server.run(std::future::pending()));

    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(256)
        .build()
        .unwrap();
    let email = "bench@example.com";
    call(
        &client,
        &format!("{base}/v1/auth/signup"),
        None,
        Some(json!({"email": email, "password": PASSWORD})),
    )
    .await;
    let tokens = call(
        &client,
        &format!("{base}/v1/auth/login"),
        None,
        Some(json!({"email": email, "password": PASSWORD})),
    )
    .await;
    let access = tokens["access_token"].as_str().unwrap();
    let ws = format!("{base}/v1/workspaces/bench");
    call(
        &client,
        &format!("{base}/v1/workspaces"),
        Some(access),
        Some(json!({"slug": "bench", "name": "Bench"})),
    )
    .await;
    call(
        &client,
        &format!("{ws}/collections"),
        Some(access),
        Some(json!({"name": "notes"})),
    )
    .await;
    let record = call(
        &client,
        &format!("{ws}/collections/notes/records"),
        Some(access),
        Some(json!({"title": "hello", "n": 42})),
    )
    .await;
    let key = call(
        &client,
        &format!("{ws}/api-keys"),
        Some(access),
        Some(json!({"name": "load", "scopes": ["records:read"]})),
    )
    .await;
    let key = key["secret"].as_str().unwrap();
    let owner = access_subject(access);
    let scope = store.authorize(owner, "bench").await.unwrap().unwrap();
    captured.set(scope).unwrap();
    let id = record["id"].as_str().unwrap();
    let authenticated = format!("{ws}/collections/notes/records/{id}");
    let baseline = format!("{base}/bench/unauthenticated/{id}");
    // Both return the same document.
    assert_eq!(
        call(&client, &authenticated, Some(key), None).await,
        call(&client, &baseline, None, None).await
    );

    println!(
        "{} connections, {} s per round, loopback, SQLite, one process",
        options.connections, options.seconds
    );
    for round in 1..=options.rounds {
        let (plain, plain_latency) = hammer(
            &client,
            &baseline,
            None,
            options.seconds,
            options.connections,
        )
        .await;
        let (keyed, keyed_latency) = hammer(
            &client,
            &authenticated,
            Some(key),
            options.seconds,
            options.connections,
        )
        .await;
        println!(
            "round {round}: unauthenticated {plain:>8.0} req/s ({plain_latency:?} mean) | API key {keyed:>8.0} req/s ({keyed_latency:?} mean) | ratio {:.2}",
            keyed / plain
        );
    }
}

/// The user id in the access token's `sub` claim (the bench made the token itself).
fn access_subject(token: &str) -> palisade_core::UserId {
    use base64::Engine;
    let payload = token.split('.').nth(1).unwrap();
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .unwrap();
    let claims: Value = serde_json::from_slice(&bytes).unwrap();
    claims["sub"].as_str().unwrap().parse().unwrap()
}
