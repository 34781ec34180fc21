//! Password hashing keeps resident memory at `concurrency × memory cost` whatever the load,
//! and gives it back once no hash is waiting.
//! A test binary of its own: resident memory is a property of the whole process, so nothing
//! else may run beside it.
// Test helpers fail loudly by design; clippy.toml only covers `#[test]` functions themselves.
#![allow(clippy::unwrap_used)]

use palisade_core::OsSecureRng;
use palisade_crypto::Argon2Cost;
use palisade_service::auth::PasswordPool;
use secrecy::SecretString;
use std::sync::Arc;

const MIB: u64 = 1024 * 1024;

/// A field of `/proc/self/status` (`VmRSS`, `VmHWM`), in bytes.
fn status_bytes(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status
        .lines()
        .find(|line| line.starts_with(&format!("{field}:")))
        .unwrap();
    let kib: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kib * 1024
}

#[test]
fn hashing_memory_stays_within_concurrency_times_the_cost_under_a_flood_and_goes_back_at_rest() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .enable_all()
        .build()
        .unwrap();
    let concurrency = 2;
    let cost = Argon2Cost::default();
    let pool = Arc::new(PasswordPool::new(cost, concurrency, 64, Arc::new(OsSecureRng)).unwrap());
    let base = status_bytes("VmRSS");
    let bound = base + concurrency as u64 * u64::from(cost.memory_kib) * 1024 + 8 * MIB;

    let verifier = runtime
        .block_on(pool.hash(SecretString::from("correct horse battery")))
        .unwrap()
        .unwrap();
    // Waves of concurrent checks, as a flood would bring them, each fuller than the slots.
    for _ in 0..6 {
        runtime.block_on(async {
            let checks: Vec<_> = (0..12)
                .map(|_| {
                    let (pool, verifier) = (Arc::clone(&pool), verifier.clone());
                    tokio::spawn(async move {
                        pool.verify(SecretString::from("wrong guess"), Some(verifier))
                            .await
                    })
                })
                .collect();
            for check in checks {
                assert!(check.await.unwrap().is_ok());
            }
        });
    }
    assert_eq!(pool.verifications(), 72);
    let after = status_bytes("VmRSS");
    let peak = status_bytes("VmHWM");
    assert!(
        after <= bound,
        "resident {} MiB > bound {} MiB",
        after / MIB,
        bound / MIB
    );
    assert!(
        peak <= bound,
        "peak {} MiB > bound {} MiB",
        peak / MIB,
        bound / MIB
    );

    // One at a time, as an idle server's occasional sign-in: each thread gives its memory back
    // once nothing waits for it, so the flood's memory does not stay.
    for _ in 0..4 {
        let check = pool.verify(SecretString::from("wrong guess"), Some(verifier.clone()));
        assert!(runtime.block_on(check).is_ok());
    }
    let idle = status_bytes("VmRSS");
    let one_hash = u64::from(cost.memory_kib) * 1024;
    assert!(
        idle < base + one_hash / 2,
        "resident {} MiB once idle, base {} MiB",
        idle / MIB,
        base / MIB
    );
}
