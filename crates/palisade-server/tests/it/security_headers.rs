use crate::helpers::{spawn_app, spawn_app_with, AppOptions};

const EXPECTED: &[(&str, &str)] = &[
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
    (
        "content-security-policy",
        "default-src 'none'; frame-ancestors 'none'",
    ),
    ("x-frame-options", "DENY"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
];

fn assert_hardened(response: &reqwest::Response) {
    for (name, value) in EXPECTED {
        assert_eq!(
            response.headers().get(*name).map(|v| v.to_str().unwrap()),
            Some(*value),
            "{name}"
        );
    }
    let permissions = response.headers()["permissions-policy"].to_str().unwrap();
    assert!(permissions.contains("camera=()") && permissions.contains("geolocation=()"));
}

#[tokio::test]
async fn successful_responses_carry_the_security_headers() {
    let app = spawn_app().await;
    assert_hardened(&app.get("/healthz").await);
    app.cleanup().await;
}

#[tokio::test]
async fn error_responses_carry_the_security_headers() {
    let app = spawn_app().await;
    assert_hardened(&app.get("/no/such/route").await);
    app.cleanup().await;
}

#[tokio::test]
async fn hsts_is_absent_when_served_over_plain_http() {
    let app = spawn_app().await;
    assert!(app
        .get("/healthz")
        .await
        .headers()
        .get("strict-transport-security")
        .is_none());
    app.cleanup().await;
}

#[tokio::test]
async fn hsts_is_sent_when_the_public_url_is_https() {
    let app = spawn_app_with(AppOptions::default().set("public_url", "https://api.example.com"))
        .await
        .unwrap();
    let response = app.get("/healthz").await;
    assert_eq!(
        response.headers()["strict-transport-security"],
        "max-age=63072000; includeSubDomains"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn credentialed_requests_are_never_cacheable() {
    let app = spawn_app().await;
    // security.txt is public and cacheable, but not when the request carried credentials.
    let anonymous = app.get("/.well-known/security.txt").await;
    assert_eq!(anonymous.headers()["cache-control"], "public, max-age=3600");
    for (name, value) in [
        ("authorization", "Bearer abc"),
        ("cookie", "__Host-session=abc"),
    ] {
        let response = app
            .client
            .get(app.at("/.well-known/security.txt"))
            .header(name, value)
            .send()
            .await
            .unwrap();
        assert_eq!(response.headers()["cache-control"], "no-store", "{name}");
    }
    app.cleanup().await;
}

#[tokio::test]
async fn responses_are_not_stored_unless_a_route_allows_it() {
    let app = spawn_app().await;
    assert_eq!(
        app.get("/healthz").await.headers()["cache-control"],
        "no-store"
    );
    app.cleanup().await;
}
