//! Seeds a running Palisade through its public API for the multi-tenant load scenarios:
//! workspaces `ws-000…`, each with a `notes` collection, API keys and records, created by
//! many concurrent clients. Writes one line per key, `slug<TAB>key<TAB>record id`, for the
//! load generator's scripts. Run again with larger counts to grow the same data set.
//!
//! `seed --base URL --token ACCESS --workspaces N --keys K --records R --out FILE`
#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use serde_json::{json, Value};
use std::io::Write as _;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

const CONCURRENCY: usize = 32;

struct Options {
    base: String,
    token: String,
    workspaces: usize,
    keys: usize,
    records: usize,
    out: String,
}

fn options() -> Options {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let get = |name: &str| -> String {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
            .unwrap_or_else(|| {
                panic!("usage: seed --base URL --token ACCESS --workspaces N --keys K --records R --out FILE (missing {name})")
            })
    };
    Options {
        base: get("--base"),
        token: get("--token"),
        workspaces: get("--workspaces").parse().unwrap(),
        keys: get("--keys").parse().unwrap(),
        records: get("--records").parse().unwrap(),
        out: get("--out"),
    }
}

/// A POST that must answer 2xx (or 409 for something a previous run made); its body.
async fn post(client: &reqwest::Client, url: &str, token: &str, body: Value) -> Option<Value> {
    for attempt in 0..5 {
        let response = client
            .post(url)
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = response.status();
        if status == 409 {
            return None;
        }
        if status.is_success() {
            return Some(response.json().await.unwrap());
        }
        // A busy writer or a limit: back off and try again.
        if (status == 503 || status == 429) && attempt < 4 {
            tokio::time::sleep(std::time::Duration::from_millis(200 << attempt)).await;
            continue;
        }
        panic!("{url}: {status} {}", response.text().await.unwrap());
    }
    unreachable!("the loop returns or panics")
}

/// Runs `job(i)` for every `i < count` on [`CONCURRENCY`] concurrent clients.
async fn each<F, Fut>(count: usize, job: F)
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    let next = Arc::new(AtomicUsize::new(0));
    let job = Arc::new(job);
    let workers: Vec<_> = (0..CONCURRENCY)
        .map(|_| {
            let (next, job) = (Arc::clone(&next), Arc::clone(&job));
            tokio::spawn(async move {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= count {
                        return;
                    }
                    job(i).await;
                }
            })
        })
        .collect();
    for worker in workers {
        worker.await.unwrap();
    }
}

fn slug(i: usize) -> String {
    format!("ws-{i:03}")
}

#[tokio::main]
async fn main() {
    let o = options();
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(CONCURRENCY)
        .build()
        .unwrap();
    let started = Instant::now();
    let (base, token) = (Arc::new(o.base), Arc::new(o.token));
    let (c, b, t) = (client.clone(), Arc::clone(&base), Arc::clone(&token));
    each(o.workspaces, move |i| {
        let (c, b, t) = (c.clone(), Arc::clone(&b), Arc::clone(&t));
        async move {
            let name = slug(i);
            post(
                &c,
                &format!("{b}/v1/workspaces"),
                &t,
                json!({"slug": name, "name": name}),
            )
            .await;
            let collections = format!("{b}/v1/workspaces/{name}/collections");
            post(&c, &collections, &t, json!({"name": "notes"})).await;
        }
    })
    .await;

    // Records: only the first ten of each workspace are remembered, to pair with keys.
    let per_workspace = o.records / o.workspaces.max(1);
    let remembered = Arc::new(Mutex::new(vec![Vec::<String>::new(); o.workspaces]));
    let (c, b, t, r) = (
        client.clone(),
        Arc::clone(&base),
        Arc::clone(&token),
        Arc::clone(&remembered),
    );
    let workspaces = o.workspaces;
    each(per_workspace * workspaces, move |i| {
        let (c, b, t, r) = (c.clone(), Arc::clone(&b), Arc::clone(&t), Arc::clone(&r));
        async move {
            let ws = i % workspaces;
            let url = format!("{b}/v1/workspaces/{}/collections/notes/records", slug(ws));
            let record = post(&c, &url, &t, json!({"title": format!("note {i}"), "n": i})).await;
            let id = record.unwrap()["id"].as_str().unwrap().to_owned();
            let mut r = r.lock().unwrap();
            if r[ws].len() < 10 {
                r[ws].push(id);
            }
        }
    })
    .await;
    let records_done = started.elapsed();

    let lines = Arc::new(Mutex::new(Vec::<String>::new()));
    let (c, b, t, l, r) = (
        client.clone(),
        Arc::clone(&base),
        Arc::clone(&token),
        Arc::clone(&lines),
        Arc::clone(&remembered),
    );
    each(o.keys, move |i| {
        let (c, b, t, l, r) = (
            c.clone(),
            Arc::clone(&b),
            Arc::clone(&t),
            Arc::clone(&l),
            Arc::clone(&r),
        );
        async move {
            let ws = i % workspaces;
            let url = format!("{b}/v1/workspaces/{}/api-keys", slug(ws));
            let body =
                json!({"name": format!("load {i}"), "scopes": ["records:read", "records:write"]});
            let key = post(&c, &url, &t, body).await.unwrap();
            let secret = key["secret"].as_str().unwrap().to_owned();
            let record = {
                let r = r.lock().unwrap();
                r[ws].get(i / workspaces % r[ws].len().max(1)).cloned()
            };
            let record = record.expect("every workspace has a record before keys are made");
            l.lock()
                .unwrap()
                .push(format!("{}\t{secret}\t{record}", slug(ws)));
        }
    })
    .await;

    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&o.out)
        .unwrap();
    for line in lines.lock().unwrap().iter() {
        writeln!(file, "{line}").unwrap();
    }
    println!(
        "{{\"workspaces\": {}, \"records\": {}, \"keys\": {}, \"records_seconds\": {:.1}, \"seconds\": {:.1}}}",
        o.workspaces,
        per_workspace * workspaces,
        o.keys,
        records_done.as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
}
