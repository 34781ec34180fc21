//! The audit log's costs, on SQLite and (when reachable) PostgreSQL:
//! - appending a batch of 100 events that change nothing, in one transaction (the group
//!   commit every refusal goes through), durably: events/s;
//! - verifying a log of 10 000 events (recompute every hash, check every checkpoint): events/s.
//!
//! There is no "auditing off" to compare a request against: the store takes no state change
//! without its event. The in-transaction cost is one lock, one indexed head read and one insert
//! per change, which the batch figure (per event) bounds from above.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    missing_debug_implementations
)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use palisade_core::audit::PLATFORM_LOG;
use palisade_core::{OsSecureRng, SystemClock};
use palisade_crypto::MasterKey;
use palisade_service::audit::{system_entry, Actor, Audit, Draft, Resource};
use palisade_store::testing::{TestBackend, TestDatabase};
use std::sync::Arc;
use tokio::runtime::Runtime;

const BATCH: usize = 100;
const VERIFY_LOG: usize = 10_000;

fn event(log: &str) -> palisade_core::audit::AuditEntry {
    system_entry(
        Draft::success(
            log,
            Actor::System,
            "bench.event",
            Resource::new("bench", "r1"),
        ),
        &SystemClock,
        &OsSecureRng,
    )
}

fn audit_costs(c: &mut Criterion) {
    let runtime = Runtime::new().unwrap();
    for backend in [TestBackend::Sqlite, TestBackend::Postgres] {
        let Some(db) = runtime.block_on(TestDatabase::new(backend)) else {
            eprintln!("{backend:?} unreachable: skipped");
            continue;
        };
        let store = runtime.block_on(db.connect());
        runtime.block_on(store.migrate()).unwrap();
        let name = format!("{backend:?}").to_lowercase();
        let master = MasterKey::generate(&OsSecureRng);
        let audit = Audit::for_operator(Arc::clone(&store), &master, Default::default());

        let mut group = c.benchmark_group(format!("audit_{name}"));
        group.sample_size(20);
        group.throughput(Throughput::Elements(BATCH as u64));
        group.bench_function("append_batch_of_100", |b| {
            b.iter(|| {
                let batch: Vec<_> = (0..BATCH).map(|_| event(PLATFORM_LOG)).collect();
                runtime.block_on(store.append_audit(&batch)).unwrap();
            })
        });

        // A separate log of exactly VERIFY_LOG events, checkpointed at its head.
        let log = "ws_01jdbench00000000000000000";
        runtime.block_on(async {
            for _ in 0..VERIFY_LOG / BATCH {
                let batch: Vec<_> = (0..BATCH).map(|_| event(log)).collect();
                store.append_audit(&batch).await.unwrap();
            }
        });
        group.throughput(Throughput::Elements(VERIFY_LOG as u64));
        group.sample_size(10);
        group.bench_function("verify_10000_events", |b| {
            b.iter(|| {
                let verdict = runtime.block_on(audit.verify(log)).unwrap();
                assert!(verdict.is_ok());
            })
        });
        group.finish();
        runtime.block_on(store.close());
        runtime.block_on(db.cleanup());
    }
}

criterion_group!(benches, audit_costs);
criterion_main!(benches);
