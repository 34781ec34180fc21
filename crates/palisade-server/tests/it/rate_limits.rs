//! Rate limits through the real server, with the deployment defaults: read 60/min (burst 20),
//! write 30/min (burst 10), auth 10/min (burst 5); time moves on the injected clock.

use crate::accounts::{account, auth_options, get_with, login_response, signup, PASSWORD};
use crate::api_keys::acme;
use crate::audit::log_events;
use crate::helpers::{problem, send, spawn_app_with, TestApp};
use reqwest::Method;
use serde_json::{json, Value};
use time::Duration;

async fn app() -> TestApp {
    spawn_app_with(auth_options().default_limits())
        .await
        .unwrap()
}

fn header(response: &reqwest::Response, name: &str) -> String {
    response
        .headers()
        .get(name)
        .unwrap_or_else(|| panic!("no {name} header"))
        .to_str()
        .unwrap()
        .to_owned()
}

/// Sends `n` requests; returns the statuses.
async fn statuses(
    app: &TestApp,
    n: usize,
    method: Method,
    path: &str,
    credential: &str,
) -> Vec<u16> {
    let mut seen = Vec::new();
    for _ in 0..n {
        let response = send(app, method.clone(), path, credential, None).await;
        seen.push(response.status().as_u16());
    }
    seen
}

#[tokio::test]
async fn reads_beyond_the_burst_are_refused_with_429_and_retry_after() {
    let app = app().await;
    let ada = account(&app, "ada@example.com").await;
    let allowed = statuses(&app, 20, Method::GET, "/v1/me", &ada.access).await;
    assert!(allowed.iter().all(|s| *s == 200), "{allowed:?}");
    let refused = get_with(&app, "/v1/me", &ada.access).await;
    assert_eq!(refused.status(), 429);
    assert_eq!(header(&refused, "retry-after"), "1");
    let body = problem(refused).await;
    assert_eq!(body["code"], "rate_limited");
    // One request's worth comes back after the interval (a minute / 60).
    app.clock.advance(Duration::seconds(1));
    assert_eq!(get_with(&app, "/v1/me", &ada.access).await.status(), 200);
    assert_eq!(get_with(&app, "/v1/me", &ada.access).await.status(), 429);
    app.cleanup().await;
}

#[tokio::test]
async fn every_limited_response_reports_its_policy_and_what_is_left() {
    let app = app().await;
    let ada = account(&app, "ada@example.com").await;
    let first = get_with(&app, "/v1/me", &ada.access).await;
    assert_eq!(header(&first, "ratelimit-policy"), "\"read\";q=60;w=60");
    assert_eq!(header(&first, "ratelimit"), "\"read\";r=19;t=1");
    let second = get_with(&app, "/v1/me", &ada.access).await;
    assert_eq!(header(&second, "ratelimit"), "\"read\";r=18;t=2");
    let write = send(&app, Method::POST, "/v1/auth/logout", &ada.access, None).await;
    assert_eq!(header(&write, "ratelimit-policy"), "\"write\";q=30;w=60");
    app.cleanup().await;
}

#[tokio::test]
async fn writes_spend_a_budget_of_their_own() {
    let app = app().await;
    let ada = account(&app, "ada@example.com").await;
    let path = "/v1/me/sessions/ses_01JD000000000000000000000X";
    let writes = statuses(&app, 11, Method::DELETE, path, &ada.access).await;
    assert_eq!(
        writes[..10].iter().filter(|s| **s == 429).count(),
        0,
        "{writes:?}"
    );
    assert_eq!(writes[10], 429);
    // Reads are a separate budget.
    assert_eq!(get_with(&app, "/v1/me", &ada.access).await.status(), 200);
    app.cleanup().await;
}

#[tokio::test]
async fn sign_in_attempts_are_limited_per_address_before_any_password_is_checked() {
    let app = app().await;
    signup(&app, "ada@example.com").await;
    // The sign-up spent one of the address's five.
    for _ in 0..4 {
        let guess = login_response(&app, "ada@example.com", "wrong-guess-1234").await;
        assert_eq!(guess.status(), 401);
    }
    let hashed_before = app.state.platform().auth.passwords().verifications();
    let refused = login_response(&app, "ada@example.com", PASSWORD).await;
    assert_eq!(refused.status(), 429);
    assert_eq!(header(&refused, "ratelimit-policy"), "\"auth\";q=10;w=60");
    assert_eq!(problem(refused).await["code"], "rate_limited");
    assert_eq!(
        app.state.platform().auth.passwords().verifications(),
        hashed_before,
        "a refused sign-in hashes nothing"
    );
    // Another address has its own budget.
    let elsewhere = reqwest::Client::builder()
        .local_address("127.0.0.2".parse::<std::net::IpAddr>().unwrap())
        .build()
        .unwrap();
    let other = elsewhere
        .post(app.at("/v1/auth/login"))
        .json(&json!({"email": "ada@example.com", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), 200);
    app.clock.advance(Duration::seconds(6));
    assert_eq!(
        login_response(&app, "ada@example.com", PASSWORD)
            .await
            .status(),
        200
    );
    app.cleanup().await;
}

#[tokio::test]
async fn a_spoofed_forwarded_for_from_an_untrusted_peer_buys_no_fresh_budget() {
    let app = app().await;
    let mut seen = Vec::new();
    for n in 0..6 {
        let response = app
            .client
            .post(app.at("/v1/auth/login"))
            .header("x-forwarded-for", format!("203.0.113.{n}"))
            .json(&json!({"email": "nobody@example.com", "password": "wrong-guess-1234"}))
            .send()
            .await
            .unwrap();
        seen.push(response.status().as_u16());
    }
    assert_eq!(seen, [401, 401, 401, 401, 401, 429]);
    app.cleanup().await;
}

#[tokio::test]
async fn bad_credentials_spend_the_address_budget_and_a_valid_session_keeps_its_own() {
    let app = app().await;
    let ada = account(&app, "ada@example.com").await;
    let garbage = statuses(&app, 20, Method::GET, "/v1/me", "not-a-token").await;
    assert!(garbage.iter().all(|s| *s == 401), "{garbage:?}");
    let flooded = get_with(&app, "/v1/me", "not-a-token").await;
    assert_eq!(flooded.status(), 429);
    // Ada shares the address but not the budget: her session is hers.
    assert_eq!(get_with(&app, "/v1/me", &ada.access).await.status(), 200);
    app.cleanup().await;
}

#[tokio::test]
async fn an_api_key_and_a_session_spend_separate_budgets() {
    let app = app().await;
    let access = acme(&app).await;
    let created = send(
        &app,
        Method::POST,
        "/v1/workspaces/acme/api-keys",
        &access,
        Some(json!({"name": "ci", "scopes": ["workspace:read"]})),
    )
    .await;
    let key: Value = created.json().await.unwrap();
    let key = key["secret"].as_str().unwrap();
    let by_key = statuses(&app, 21, Method::GET, "/v1/workspaces/acme", key).await;
    assert_eq!(by_key[20], 429, "{by_key:?}");
    assert!(by_key[..20].iter().all(|s| *s == 200), "{by_key:?}");
    assert_eq!(
        send(&app, Method::GET, "/v1/workspaces/acme", &access, None)
            .await
            .status(),
        200
    );
    app.cleanup().await;
}

#[tokio::test]
async fn a_workspace_can_be_given_rates_of_its_own() {
    let app = spawn_app_with(
        auth_options()
            .default_limits()
            .set("rate_limits.workspaces.acme.read.per_minute", 600)
            .set("rate_limits.workspaces.acme.read.burst", 100),
    )
    .await
    .unwrap();
    let access = acme(&app).await;
    let reads = statuses(&app, 30, Method::GET, "/v1/workspaces/acme", &access).await;
    assert!(reads.iter().all(|s| *s == 200), "{reads:?}");
    let last = send(&app, Method::GET, "/v1/workspaces/acme", &access, None).await;
    assert_eq!(header(&last, "ratelimit-policy"), "\"read\";q=600;w=60");
    // Outside the workspace the deployment's rate still holds for the same session.
    let me = statuses(&app, 21, Method::GET, "/v1/me", &access).await;
    assert_eq!(me[20], 429, "{me:?}");
    app.cleanup().await;
}

#[tokio::test]
async fn refusals_are_audited_at_most_once_a_minute_per_principal() {
    let app = app().await;
    let ada = account(&app, "ada@example.com").await;
    statuses(&app, 30, Method::GET, "/v1/me", &ada.access).await;
    let count = || async {
        log_events(&app, "platform")
            .await
            .iter()
            .filter(|e| {
                e.entry.action == "security.rate_limited"
                    && e.entry.reason.as_deref() == Some("rate_limited")
                    && e.entry.resource_id.as_deref() == Some("read")
            })
            .count()
    };
    assert_eq!(count().await, 1, "ten refusals, one event");
    app.clock.advance(Duration::minutes(1));
    statuses(&app, 30, Method::GET, "/v1/me", &ada.access).await;
    assert_eq!(count().await, 2);
    app.cleanup().await;
}

#[tokio::test]
async fn health_probes_are_never_limited() {
    let app = app().await;
    for _ in 0..30 {
        let probe = app.get("/healthz").await;
        assert_eq!(probe.status(), 200);
        assert!(probe.headers().get("ratelimit").is_none());
    }
    app.cleanup().await;
}

#[tokio::test]
async fn unrouted_paths_spend_the_address_budget() {
    let app = app().await;
    let mut seen = Vec::new();
    for _ in 0..21 {
        seen.push(app.get("/no/such/page").await.status().as_u16());
    }
    assert!(seen[..20].iter().all(|s| *s == 404), "{seen:?}");
    assert_eq!(seen[20], 429);
    app.cleanup().await;
}

#[tokio::test]
async fn refilled_budgets_are_forgotten_so_memory_stays_bounded() {
    let app = app().await;
    statuses(&app, 5, Method::GET, "/no/such/page", "").await;
    let limits = &app.state.platform().limits;
    assert!(limits.tracked() > 0);
    app.clock.advance(Duration::minutes(2));
    limits.tidy();
    assert_eq!(limits.tracked(), 0);
    app.cleanup().await;
}

#[tokio::test]
async fn head_requests_spend_the_same_budget_as_their_get() {
    let app = app().await;
    let ada = account(&app, "ada@example.com").await;
    let heads = statuses(&app, 20, Method::HEAD, "/v1/me", &ada.access).await;
    assert!(heads.iter().all(|s| *s == 200), "{heads:?}");
    let get = get_with(&app, "/v1/me", &ada.access).await;
    assert_eq!(
        get.status(),
        429,
        "twenty HEADs spent the session's read burst"
    );
    app.cleanup().await;
}
