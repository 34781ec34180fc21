//! The SSRF guard through the real server: hostile URLs are refused with 422 when an endpoint
//! is created or changed, and nothing ever connects to what they name.

use crate::accounts::auth_options;
use crate::helpers::{on_both_backends, problem, send, AppOptions};
use crate::webhook_receiver::untouched;
use crate::webhooks::owner;
use palisade_egress::StaticResolver;
use reqwest::Method;
use serde_json::{json, Value};
use std::net::IpAddr;

fn resolver() -> StaticResolver {
    let ip = |text: &str| text.parse::<IpAddr>().unwrap();
    StaticResolver::new()
        .with("internal.example", [ip("10.0.0.5")])
        .with("metadata.example", [ip("169.254.169.254")])
        .with("loopback.example", [ip("127.0.0.1")])
        .with("mixed.example", [ip("93.184.216.34"), ip("127.0.0.1")])
        .with("v6-loopback.example", [ip("::1")])
        .with("ula.example", [ip("fd00:ec2::254")])
        .with("cgnat.example", [ip("100.64.0.7")])
        .with("mapped.example", [ip("::ffff:192.168.0.1")])
        .with("private.example", [ip("192.168.1.1")])
        .with("linklocal6.example", [ip("fe80::1")])
        .with("zero.example", [ip("0.0.0.0")])
        .with("nat64.example", [ip("64:ff9b::a9fe:a9fe")])
        .with("public.example", [ip("93.184.216.34")])
}

fn ssrf_options() -> AppOptions {
    auth_options()
        .set(
            "webhooks",
            figment::value::Dict::from_iter([("allow_http".to_owned(), true.into())]),
        )
        .resolver(resolver())
}

/// Every way of naming a forbidden place we know of; `{port}` is the canary's port.
const HOSTILE: &[&str] = &[
    "http://127.0.0.1:{port}/",
    "http://localhost.:{port}/",
    "http://2130706433:{port}/",
    "http://0x7f000001:{port}/",
    "http://017700000001:{port}/",
    "http://0177.0.0.1:{port}/",
    "http://0x7f.0.0.1:{port}/",
    "http://127.1:{port}/",
    "http://127.0.1:{port}/",
    "http://0:{port}/",
    "http://0.0.0.0:{port}/",
    "http://[::1]:{port}/",
    "http://[::ffff:127.0.0.1]:{port}/",
    "http://[::ffff:7f00:1]:{port}/",
    "http://[0:0:0:0:0:ffff:127.0.0.1]:{port}/",
    "http://[::127.0.0.1]:{port}/",
    "http://[::]:{port}/",
    "http://loopback.example:{port}/",
    "http://mixed.example:{port}/",
    "http://v6-loopback.example:{port}/",
    "http://zero.example:{port}/",
    "https://10.0.0.1/",
    "https://10.255.255.255/",
    "https://172.16.0.1/",
    "https://172.31.255.254/",
    "https://192.168.0.1/",
    "https://100.64.0.1/",
    "https://100.127.255.254/",
    "https://169.254.169.254/latest/meta-data/",
    "https://169.254.0.1/",
    "https://[fd00:ec2::254]/",
    "https://[fc00::1]/",
    "https://[fe80::1]/",
    "https://[fec0::1]/",
    "https://224.0.0.1/",
    "https://239.255.255.250/",
    "https://[ff02::1]/",
    "https://255.255.255.255/",
    "https://240.0.0.1/",
    "https://192.0.2.1/",
    "https://198.51.100.7/",
    "https://203.0.113.9/",
    "https://[2001:db8::1]/",
    "https://198.18.0.1/",
    "https://198.19.255.1/",
    "https://192.0.0.8/",
    "https://[64:ff9b::a9fe:a9fe]/",
    "https://[2002:7f00:1::]/",
    "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
    "https://[100::1]/",
    "https://internal.example/",
    "https://metadata.example/",
    "https://ula.example/",
    "https://cgnat.example/",
    "https://mapped.example/",
    "https://private.example/",
    "https://linklocal6.example/",
    "https://nat64.example/",
    "https://unknown-name.example/",
    "https://user:pass@public.example/",
    "https://token@public.example/",
    "ftp://public.example/",
    "file:///etc/passwd",
    "gopher://public.example:70/",
    "javascript:alert(1)",
    "//public.example/",
    "not a url",
];

#[tokio::test]
async fn hostile_urls_are_refused_at_creation_and_nothing_connects() {
    on_both_backends(ssrf_options, |app| async move {
        let canary = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = canary.local_addr().unwrap().port().to_string();
        let ada = owner(&app, "acme").await;
        assert!(HOSTILE.len() >= 50);
        let mut wrong = Vec::new();
        for template in HOSTILE {
            let url = template.replace("{port}", &port);
            let response = send(
                &app,
                Method::POST,
                "/v1/workspaces/acme/webhooks",
                &ada.access,
                Some(json!({"url": url, "events": ["record.created"]})),
            )
            .await;
            let status = response.status().as_u16();
            let body = problem(response).await;
            if status != 422 || body["code"] != "invalid_webhook_url" {
                wrong.push(format!("{url}: {status} {body}"));
            }
        }
        assert!(wrong.is_empty(), "not refused:\n{}", wrong.join("\n"));
        let list: Value = send(
            &app,
            Method::GET,
            "/v1/workspaces/acme/webhooks",
            &ada.access,
            None,
        )
        .await
        .json()
        .await
        .unwrap();
        assert_eq!(list, json!([]));
        assert!(untouched(&canary).await, "a hostile URL was connected to");
        app
    })
    .await;
}

#[tokio::test]
async fn a_changed_url_passes_the_same_guard() {
    on_both_backends(ssrf_options, |app| async move {
        let ada = owner(&app, "acme").await;
        let created = send(
            &app,
            Method::POST,
            "/v1/workspaces/acme/webhooks",
            &ada.access,
            Some(json!({"url": "https://public.example/hooks", "events": ["record.created"]})),
        )
        .await;
        assert_eq!(created.status(), 201);
        let created: Value = created.json().await.unwrap();
        let path = format!(
            "/v1/workspaces/acme/webhooks/{}",
            created["id"].as_str().unwrap()
        );
        let changed = send(
            &app,
            Method::PATCH,
            &path,
            &ada.access,
            Some(json!({"url": "https://metadata.example/latest"})),
        )
        .await;
        let body = problem(changed).await;
        assert_eq!(body["code"], "invalid_webhook_url");
        assert!(
            body["detail"].as_str().unwrap().contains("cloud metadata"),
            "{body}"
        );
        let kept: Value = send(&app, Method::GET, &path, &ada.access, None)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(kept["url"], "https://public.example/hooks");
        app
    })
    .await;
}

#[tokio::test]
async fn plain_http_is_refused_unless_the_deployment_allows_it() {
    let options = || auth_options().resolver(resolver());
    on_both_backends(options, |app| async move {
        let ada = owner(&app, "acme").await;
        let response = send(
            &app,
            Method::POST,
            "/v1/workspaces/acme/webhooks",
            &ada.access,
            Some(json!({"url": "http://public.example/hooks", "events": ["record.created"]})),
        )
        .await;
        assert_eq!(response.status(), 422);
        let body = problem(response).await;
        assert_eq!(body["code"], "invalid_webhook_url");
        assert!(body["detail"].as_str().unwrap().contains("https"), "{body}");
        app
    })
    .await;
}
