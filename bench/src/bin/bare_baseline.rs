//! The floor a record read is compared with: an axum handler that reads the same row from
//! the same SQLite file Palisade serves, with no authentication, no middleware and no
//! policy. And the floor of a login: argon2id hashes per second at the same cost on the
//! same threads.
//!
//! `bare-baseline serve --db FILE --port N` and `bare-baseline hash-rate --threads N --seconds S`
#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use palisade_core::OsSecureRng;
use palisade_crypto::password::HashMemory;
use palisade_crypto::{Argon2Cost, PasswordHasher};
use secrecy::SecretString;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::{Row as _, SqlitePool};
use std::time::{Duration, Instant};

fn arg(args: &[String], name: &str) -> String {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
        .unwrap_or_else(|| panic!("missing {name}"))
}

async fn read_row(State(pool): State<SqlitePool>, Path(id): Path<String>) -> impl IntoResponse {
    let row =
        sqlx::query("SELECT id, data, version, created_at, updated_at FROM records WHERE id = ?")
            .bind(&id)
            .fetch_optional(&pool)
            .await
            .unwrap();
    let Some(row) = row else {
        return (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, "application/json")],
            String::from("{}"),
        );
    };
    let data: String = row.get("data");
    let body = format!(
        r#"{{"id":"{}","data":{data},"version":{},"created_at":"{}","updated_at":"{}"}}"#,
        row.get::<String, _>("id"),
        row.get::<i64, _>("version"),
        row.get::<String, _>("created_at"),
        row.get::<String, _>("updated_at"),
    );
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/json")],
        body,
    )
}

async fn serve(db: &str, port: u16) {
    let options = SqliteConnectOptions::new().filename(db).read_only(true);
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await
        .unwrap();
    let app = Router::new()
        .route("/rows/{id}", get(read_row))
        .route("/healthz", get(|| async { "ok" }))
        .with_state(pool);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .unwrap();
    axum::serve(listener, app).await.unwrap();
}

/// Hashes per second of `threads` threads each hashing in its own reused memory.
fn hash_rate(threads: usize, seconds: u64) {
    let hasher = PasswordHasher::new(Argon2Cost::default()).unwrap();
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let counts: Vec<u64> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                let hasher = hasher.clone();
                scope.spawn(move || {
                    let mut memory = HashMemory::default();
                    let password = SecretString::from("violet-tundra-42-harbor");
                    let mut done = 0u64;
                    while Instant::now() < deadline {
                        hasher
                            .hash_in(&password, &OsSecureRng, &mut memory)
                            .unwrap();
                        done += 1;
                    }
                    done
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    let total: u64 = counts.iter().sum();
    println!(
        "{{\"threads\": {threads}, \"hashes\": {total}, \"per_second\": {:.2}}}",
        total as f64 / started.elapsed().as_secs_f64()
    );
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("serve") => serve(&arg(&args, "--db"), arg(&args, "--port").parse().unwrap()).await,
        Some("hash-rate") => hash_rate(
            arg(&args, "--threads").parse().unwrap(),
            arg(&args, "--seconds").parse().unwrap(),
        ),
        _ => panic!(
            "usage: bare-baseline serve --db FILE --port N | hash-rate --threads N --seconds S"
        ),
    }
}
