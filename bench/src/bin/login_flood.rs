//! Normal API traffic while a login flood runs: the latency of API-key record reads (p50, p99)
//! with no flood, with a flood of wrong-password sign-ins under the default rate limits, and
//! with the same flood when the `auth` limit is lifted (every attempt reaches argon2id). One
//! process, loopback, SQLite, real password cost. Bounded: `--seconds` per phase (default 5),
//! `--readers` (default 4) and `--flooders` (default 32) connections.
//!
//! `cargo run --release -p palisade-bench --bin login-flood [-- --seconds 5]`
#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use figment::Figment;
use palisade_bench::call;
use palisade_core::{OsSecureRng, SystemClock};
use palisade_server::{serve, Config, Server, Services};
use serde_json::json;
use std::sync::Arc;
use std::time::{Duration, Instant};

const PASSWORD: &str = "violet-tundra-42-harbor";

struct Options {
    seconds: u64,
    readers: usize,
    flooders: usize,
}

fn options() -> Options {
    let mut options = Options {
        seconds: 5,
        readers: 4,
        flooders: 32,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    for pair in args.chunks(2) {
        let value: Option<u64> = pair.get(1).and_then(|v| v.parse().ok());
        match (pair[0].as_str(), value) {
            ("--seconds", Some(v)) => options.seconds = v.clamp(1, 60),
            ("--readers", Some(v)) => options.readers = (v as usize).clamp(1, 64),
            ("--flooders", Some(v)) => options.flooders = (v as usize).clamp(1, 256),
            _ => panic!("usage: login-flood [--seconds N] [--readers N] [--flooders N]"),
        }
    }
    options
}

/// A server whose `bench` workspace may read without limit; the `auth` class as given.
async fn server(auth_per_minute: u32) -> (String, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let figment = Figment::new()
        .merge(("bind", "127.0.0.1:0"))
        .merge(("data_dir", dir.path().join("data")))
        .merge(("log_level", "error"))
        .merge(("rate_limits.workspaces.bench.read.per_minute", 1_000_000))
        .merge(("rate_limits.workspaces.bench.read.burst", 1_000_000))
        .merge(("rate_limits.auth.per_minute", auth_per_minute))
        .merge(("rate_limits.auth.burst", auth_per_minute.min(1_000)));
    let config = Config::from_figment(figment).unwrap();
    let services = Services {
        clock: Arc::new(SystemClock),
        rng: Arc::new(OsSecureRng),
        ..Services::default()
    };
    let (store, keys) = serve::open(&config, &OsSecureRng).await.unwrap();
    let state = serve::assemble(config, services, store, &keys)
        .await
        .unwrap();
    let server = Server::bind(state).await.unwrap();
    let base = server.url();
    tokio::spawn(server.run(std::future::pending()));
    (base, dir)
}

/// An account, a workspace with one record, and a read key; the record's URL and the key.
async fn fixture(client: &reqwest::Client, base: &str) -> (String, String) {
    let email = "reader@example.com";
    let signup = json!({"email": email, "password": PASSWORD});
    call(
        client,
        &format!("{base}/v1/auth/signup"),
        None,
        Some(signup.clone()),
    )
    .await;
    let tokens = call(client, &format!("{base}/v1/auth/login"), None, Some(signup)).await;
    let access = tokens["access_token"].as_str().unwrap();
    let ws = format!("{base}/v1/workspaces/bench");
    let workspace = json!({"slug": "bench", "name": "Bench"});
    call(
        client,
        &format!("{base}/v1/workspaces"),
        Some(access),
        Some(workspace),
    )
    .await;
    let notes = json!({"name": "notes"});
    call(
        client,
        &format!("{ws}/collections"),
        Some(access),
        Some(notes),
    )
    .await;
    let note = json!({"title": "hello"});
    let record = call(
        client,
        &format!("{ws}/collections/notes/records"),
        Some(access),
        Some(note),
    )
    .await;
    let key = json!({"name": "reader", "scopes": ["records:read"]});
    let key = call(client, &format!("{ws}/api-keys"), Some(access), Some(key)).await;
    let id = record["id"].as_str().unwrap();
    (
        format!("{ws}/collections/notes/records/{id}"),
        key["secret"].as_str().unwrap().to_owned(),
    )
}

/// Latencies of `readers` clients reading `url` until `deadline`.
async fn read_until(url: &str, key: &str, readers: usize, deadline: Instant) -> Vec<Duration> {
    let client = reqwest::Client::new();
    let workers: Vec<_> = (0..readers)
        .map(|_| {
            let (client, url, key) = (client.clone(), url.to_owned(), key.to_owned());
            tokio::spawn(async move {
                let mut seen = Vec::new();
                while Instant::now() < deadline {
                    let started = Instant::now();
                    let response = client.get(&url).bearer_auth(&key).send().await.unwrap();
                    assert_eq!(response.status(), 200);
                    response.bytes().await.unwrap();
                    seen.push(started.elapsed());
                }
                seen
            })
        })
        .collect();
    let mut all = Vec::new();
    for worker in workers {
        all.extend(worker.await.unwrap());
    }
    all.sort();
    all
}

/// Wrong-password sign-ins from `flooders` clients until `deadline`; how many were answered.
async fn flood_until(base: &str, flooders: usize, deadline: Instant) -> (u64, u64) {
    let client = reqwest::Client::new();
    let url = format!("{base}/v1/auth/login");
    let workers: Vec<_> = (0..flooders)
        .map(|n| {
            let (client, url) = (client.clone(), url.clone());
            tokio::spawn(async move {
                let (mut limited, mut checked) = (0u64, 0u64);
                let body = json!({"email": format!("victim{}@example.com", n % 8), "password": "wrong-guess-1234"});
                while Instant::now() < deadline {
                    let status = client.post(&url).json(&body).send().await.unwrap().status();
                    if status == 429 {
                        limited += 1;
                    } else {
                        checked += 1;
                    }
                }
                (limited, checked)
            })
        })
        .collect();
    let mut totals = (0, 0);
    for worker in workers {
        let (limited, checked) = worker.await.unwrap();
        totals = (totals.0 + limited, totals.1 + checked);
    }
    totals
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(index).copied().unwrap_or_default()
}

async fn phase(name: &str, auth_per_minute: u32, flood: bool, options: &Options) {
    let (base, _dir) = server(auth_per_minute).await;
    let client = reqwest::Client::new();
    let (url, key) = fixture(&client, &base).await;
    let deadline = Instant::now() + Duration::from_secs(options.seconds);
    let flooding = flood.then(|| {
        let base = base.clone();
        let flooders = options.flooders;
        tokio::spawn(async move { flood_until(&base, flooders, deadline).await })
    });
    let reads = read_until(&url, &key, options.readers, deadline).await;
    let flood = match flooding {
        Some(task) => {
            let (limited, checked) = task.await.unwrap();
            format!("{limited} sign-ins refused with 429, {checked} checked")
        }
        None => "no flood".to_owned(),
    };
    println!(
        "{name:<34} reads {:>7}  p50 {:>9.2?}  p99 {:>9.2?}  ({flood})",
        reads.len(),
        percentile(&reads, 0.50),
        percentile(&reads, 0.99),
    );
}

#[tokio::main]
async fn main() {
    let options = options();
    println!(
        "{} readers, {} flooders, {} s per phase, loopback, SQLite, argon2id at OWASP cost",
        options.readers, options.flooders, options.seconds
    );
    phase("no flood", 10, false, &options).await;
    phase("flood, default auth limit", 10, true, &options).await;
    phase("flood, auth limit lifted", 1_000_000, true, &options).await;
}
