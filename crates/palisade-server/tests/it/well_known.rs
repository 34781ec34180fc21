use crate::helpers::{spawn_app, spawn_app_with, AppOptions, START};
use palisade_core::Clock;
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};

fn field<'a>(body: &'a str, name: &str) -> Vec<&'a str> {
    body.lines()
        .filter_map(|line| line.strip_prefix(&format!("{name}: ")))
        .collect()
}

#[tokio::test]
async fn security_txt_is_plain_text_with_the_required_fields() {
    let app = spawn_app_with(AppOptions::default().set("public_url", "https://api.example.com"))
        .await
        .unwrap();
    let response = app.get("/.well-known/security.txt").await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/plain; charset=utf-8"
    );
    let body = response.text().await.unwrap();
    assert_eq!(field(&body, "Contact"), ["mailto:security@api.example.com"]);
    assert_eq!(field(&body, "Preferred-Languages"), ["en"]);
    assert_eq!(
        field(&body, "Canonical"),
        ["https://api.example.com/.well-known/security.txt"]
    );
    assert_eq!(
        field(&body, "Policy"),
        ["https://api.example.com/security-policy"]
    );
    assert!(field(&body, "Encryption").is_empty());
    assert_eq!(field(&body, "Expires").len(), 1);
    app.cleanup().await;
}

#[tokio::test]
async fn security_txt_expires_is_computed_at_serve_time_and_under_a_year() {
    let app = spawn_app().await;
    let expires = |body: String| {
        let value = field(&body, "Expires")[0].to_owned();
        OffsetDateTime::parse(&value, &Rfc3339).unwrap()
    };
    let first = expires(
        app.get("/.well-known/security.txt")
            .await
            .text()
            .await
            .unwrap(),
    );
    assert_eq!(first, START + Duration::days(180));
    app.clock.advance(Duration::days(300));
    let later = expires(
        app.get("/.well-known/security.txt")
            .await
            .text()
            .await
            .unwrap(),
    );
    assert_eq!(later, START + Duration::days(480));
    assert!(later - app.clock.now() < Duration::days(365));
    app.cleanup().await;
}

#[tokio::test]
async fn security_txt_uses_configured_values() {
    let app = spawn_app_with(AppOptions::default().set(
        "security_txt",
        figment::value::Dict::from_iter([
            (
                "contact".to_owned(),
                "mailto:sec@corp.example, https://corp.example/report".into(),
            ),
            (
                "encryption".to_owned(),
                "https://corp.example/pgp.asc".into(),
            ),
            (
                "policy".to_owned(),
                "https://corp.example/disclosure".into(),
            ),
            ("preferred_languages".to_owned(), "en, de".into()),
            ("expires_in_days".to_owned(), 30.into()),
        ]),
    ))
    .await
    .unwrap();
    let body = app
        .get("/.well-known/security.txt")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        field(&body, "Contact"),
        ["mailto:sec@corp.example", "https://corp.example/report"]
    );
    assert_eq!(field(&body, "Encryption"), ["https://corp.example/pgp.asc"]);
    assert_eq!(field(&body, "Policy"), ["https://corp.example/disclosure"]);
    assert_eq!(field(&body, "Preferred-Languages"), ["en, de"]);
    let expires = OffsetDateTime::parse(field(&body, "Expires")[0], &Rfc3339).unwrap();
    assert_eq!(expires, START + Duration::days(30));
    app.cleanup().await;
}

#[tokio::test]
async fn the_default_policy_page_names_the_contact() {
    let app = spawn_app().await;
    let response = app.get("/security-policy").await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/plain; charset=utf-8"
    );
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("mailto:security@127.0.0.1"));
    app.cleanup().await;
}
