//! The rate limiter's cost per request: spending one request of a session's `read` budget
//! through the service (key, workspace rate, GCRA), in-process and through Redis, against a
//! bare governor keyed check (the primitive underneath). Redis runs are skipped, saying so,
//! when `PALISADE_BENCH_REDIS_URL` (default the local server) does not answer.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    missing_debug_implementations
)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use figment::Figment;
use governor::{Quota, RateLimiter};
use palisade_bench::UNLIMITED;
use palisade_core::{OsSecureRng, SessionId, SystemClock, UserId};
use palisade_server::{serve, AppState, Config, Services};
use palisade_service::audit::Origin;
use palisade_service::limits::{Class, Subject};
use std::num::NonZeroU32;
use std::sync::Arc;
use tokio::runtime::Runtime;

fn state(runtime: &Runtime, dir: &tempfile::TempDir, redis: Option<&str>) -> AppState {
    let mut figment = Figment::new()
        .merge(("bind", "127.0.0.1:0"))
        .merge(("data_dir", dir.path().join("data")))
        .merge(("log_level", "error"));
    for key in UNLIMITED {
        figment = figment.merge((*key, 1_000_000));
    }
    if let Some(url) = redis {
        figment = figment.merge(("redis_url", url));
    }
    let config = Config::from_figment(figment).unwrap();
    let services = Services {
        clock: Arc::new(SystemClock),
        rng: Arc::new(OsSecureRng),
        ..Services::default()
    };
    runtime.block_on(serve::prepare(config, services)).unwrap()
}

fn limiter_cost(c: &mut Criterion) {
    let runtime = Runtime::new().unwrap();
    let subject = Subject::Session {
        id: SessionId::generate(&SystemClock, &OsSecureRng),
        user: UserId::generate(&SystemClock, &OsSecureRng),
    };
    let origin = Origin::default();
    let mut group = c.benchmark_group("rate limit");
    group.throughput(Throughput::Elements(1));

    let max = NonZeroU32::new(1_000_000).unwrap();
    let bare = RateLimiter::hashmap(Quota::per_minute(max).allow_burst(max));
    let key = format!("read:-:ses:{subject:?}");
    group.bench_function("baseline: bare governor keyed check", |b| {
        b.iter(|| bare.check_key(&key).is_ok())
    });

    let dir = tempfile::tempdir().unwrap();
    let local = state(&runtime, &dir, None);
    let limits = &local.platform().limits;
    group.bench_function("service check, in-process", |b| {
        b.iter(|| runtime.block_on(limits.check(Class::Read, &subject, None, &origin)))
    });

    let url = std::env::var("PALISADE_BENCH_REDIS_URL")
        .unwrap_or_else(|_| "redis://127.0.0.1:6379".to_owned());
    let shared_dir = tempfile::tempdir().unwrap();
    let shared = state(&runtime, &shared_dir, Some(&url));
    let limits = &shared.platform().limits;
    if runtime.block_on(limits.shared_state()) == Some(true) {
        group.bench_function("service check, shared through Redis", |b| {
            b.iter(|| runtime.block_on(limits.check(Class::Read, &subject, None, &origin)))
        });
    } else {
        println!("SKIPPED: Redis at {url} does not answer; the shared limiter was not measured");
    }
    group.finish();
}

criterion_group!(benches, limiter_cost);
criterion_main!(benches);
