//! The vault's costs: encrypting and decrypting a 64-byte secret under a scope's data key
//! (AES-256-GCM with its binding, key cached: the path every secret use takes), against the
//! bare AES-256-GCM primitive on the same bytes; and unwrapping a data key (the first use of
//! a workspace's key on a node).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    missing_debug_implementations
)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use palisade_core::{OsSecureRng, SystemClock};
use palisade_crypto::envelope::wrap_context;
use palisade_crypto::{aead, Binding, DataKey, KeyProvider, LocalKeyProvider, MasterKey};
use palisade_service::vault::Vault;
use palisade_store::testing::TestDatabase;
use std::sync::Arc;
use tokio::runtime::Runtime;

const VALUE: &[u8; 64] = b"sk-live-0123456789abcdef0123456789abcdef0123456789abcdef01234567";

fn binding() -> Binding<'static> {
    Binding {
        scope: palisade_store::PLATFORM_SCOPE,
        table: "secrets",
        row: "sec_01jd0000000000000000000000",
        column: "ciphertext",
    }
}

fn vault_costs(c: &mut Criterion) {
    let runtime = Runtime::new().unwrap();
    let db = TestDatabase::sqlite();
    let store = runtime.block_on(async {
        let store = db.connect().await;
        store.migrate().await.unwrap();
        store
    });
    let master = MasterKey::generate(&OsSecureRng);
    let vault = Vault::new(
        store,
        Arc::new(SystemClock),
        Arc::new(OsSecureRng),
        Arc::new(LocalKeyProvider::new(&master, &[])),
    );
    let sealed = runtime.block_on(vault.encrypt(&binding(), VALUE)).unwrap();
    let mut group = c.benchmark_group("vault");
    group.throughput(Throughput::Elements(1));
    group.bench_function("encrypt 64 B (vault, cached key)", |b| {
        b.iter(|| runtime.block_on(vault.encrypt(&binding(), VALUE)).unwrap())
    });
    group.bench_function("decrypt 64 B (vault, cached key)", |b| {
        b.iter(|| {
            runtime
                .block_on(vault.decrypt(&binding(), &sealed.ciphertext))
                .unwrap()
        })
    });
    let key = [7u8; 32];
    let nonce = [9u8; 12];
    let bare = aead::encrypt(&key, &nonce, b"aad", VALUE);
    group.bench_function("baseline: bare AES-256-GCM encrypt 64 B", |b| {
        b.iter(|| aead::encrypt(&key, &nonce, b"aad", VALUE))
    });
    group.bench_function("baseline: bare AES-256-GCM decrypt 64 B", |b| {
        b.iter(|| aead::decrypt(&key, &nonce, b"aad", &bare).unwrap())
    });
    let provider = LocalKeyProvider::new(&master, &[]);
    let wrapped = provider.wrap(
        &DataKey::generate(&OsSecureRng),
        &wrap_context("ws_bench", 1),
        &OsSecureRng,
    );
    group.bench_function("unwrap a data key (first use on a node)", |b| {
        b.iter(|| {
            provider
                .unwrap(&wrapped, &wrap_context("ws_bench", 1))
                .unwrap()
        })
    });
    group.finish();
    runtime.block_on(db.cleanup());
}

criterion_group!(benches, vault_costs);
criterion_main!(benches);
