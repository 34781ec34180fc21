//! Signing a webhook delivery: both schemes (Standard Webhooks and Stripe-style) over a
//! 1 KiB body with one secret, and with two (during a rotation), against one bare
//! HMAC-SHA256 over the same bytes.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    missing_debug_implementations
)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use hmac::{Hmac, Mac};
use palisade_core::OsSecureRng;
use palisade_crypto::webhook::{sign, SigningSecret};
use sha2::Sha256;
use std::hint::black_box;

fn signing(c: &mut Criterion) {
    let body = vec![b'x'; 1024];
    let old = SigningSecret::generate(&OsSecureRng);
    let new = SigningSecret::generate(&OsSecureRng);
    let mut group = c.benchmark_group("webhook_signing_1KiB");
    group.throughput(Throughput::Elements(1));
    group.bench_function("bare_hmac_sha256", |b| {
        b.iter(|| {
            let mut mac = Hmac::<Sha256>::new_from_slice(old.expose_bytes()).unwrap();
            mac.update(black_box(&body));
            black_box(mac.finalize().into_bytes())
        })
    });
    group.bench_function("both_schemes_one_secret", |b| {
        b.iter(|| {
            black_box(sign(
                &[&old],
                "msg_01jd0000000000000000000000",
                1_765_000_000,
                black_box(&body),
            ))
        })
    });
    group.bench_function("both_schemes_two_secrets", |b| {
        b.iter(|| {
            black_box(sign(
                &[&new, &old],
                "msg_01jd0000000000000000000000",
                1_765_000_000,
                black_box(&body),
            ))
        })
    });
    group.finish();
}

criterion_group!(benches, signing);
criterion_main!(benches);
