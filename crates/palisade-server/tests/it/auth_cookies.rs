//! Cookie mode for browser apps, with double-submit CSRF protection.

use crate::accounts::{auth_options, signup, PASSWORD};
use crate::helpers::{on_both_backends, problem, spawn_app_with, TestApp};
use serde_json::{json, Value};

struct Browser {
    cookie: String,
    csrf: String,
    set_cookies: Vec<String>,
}

async fn cookie_login(app: &TestApp) -> Browser {
    signup(app, "ada@example.com").await;
    let response = app
        .client
        .post(app.at("/v1/auth/login?mode=cookie"))
        .json(&json!({"email": "ada@example.com", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let set_cookies: Vec<String> = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    let body: Value = response.json().await.unwrap();
    let cookie = set_cookies
        .iter()
        .map(|c| c.split(';').next().unwrap())
        .collect::<Vec<_>>()
        .join("; ");
    Browser {
        cookie,
        csrf: body["csrf_token"].as_str().unwrap().to_owned(),
        set_cookies,
    }
}

#[tokio::test]
async fn cookie_login_sets_host_prefixed_http_only_secure_lax_cookies() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let browser = cookie_login(&app).await;
    assert_eq!(browser.set_cookies.len(), 3);
    for cookie in &browser.set_cookies {
        assert!(cookie.starts_with("__Host-palisade_"), "{cookie}");
        for attribute in ["Path=/", "Secure", "SameSite=Lax"] {
            assert!(cookie.contains(attribute), "{cookie} lacks {attribute}");
        }
        assert!(!cookie.contains("Domain="), "{cookie}");
        let readable_by_script = cookie.starts_with("__Host-palisade_csrf=");
        assert_eq!(cookie.contains("HttpOnly"), !readable_by_script, "{cookie}");
    }
    app.cleanup().await;
}

#[tokio::test]
async fn cookie_login_keeps_tokens_out_of_the_body() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    signup(&app, "ada@example.com").await;
    let body: Value = app
        .client
        .post(app.at("/v1/auth/login?mode=cookie"))
        .json(&json!({"email": "ada@example.com", "password": PASSWORD}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(body["token_type"], "cookie");
    assert!(body.get("access_token").is_none() && body.get("refresh_token").is_none());
    app.cleanup().await;
}

#[tokio::test]
async fn a_cookie_authenticated_read_needs_no_csrf_token() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let browser = cookie_login(&app).await;
    let response = app
        .client
        .get(app.at("/v1/me"))
        .header("cookie", &browser.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    app.cleanup().await;
}

#[tokio::test]
async fn a_cookie_authenticated_post_without_the_csrf_token_is_refused() {
    on_both_backends(auth_options, |app| async move {
        let browser = cookie_login(&app).await;
        for header in [None, Some("forged-value")] {
            let mut request = app
                .client
                .post(app.at("/v1/auth/logout"))
                .header("cookie", &browser.cookie);
            if let Some(value) = header {
                request = request.header("x-csrf-token", value);
            }
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), 403, "{header:?}");
            assert_eq!(problem(response).await["code"], "csrf_token_invalid");
        }
        // The session survived the forged requests.
        let me = app
            .client
            .get(app.at("/v1/me"))
            .header("cookie", &browser.cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(me.status(), 200);
        app
    })
    .await;
}

#[tokio::test]
async fn a_cookie_authenticated_post_with_the_csrf_token_succeeds_and_logout_clears_cookies() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let browser = cookie_login(&app).await;
    let response = app
        .client
        .post(app.at("/v1/auth/logout"))
        .header("cookie", &browser.cookie)
        .header("x-csrf-token", &browser.csrf)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    let cleared: Vec<&str> = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap())
        .collect();
    assert_eq!(cleared.len(), 3);
    assert!(cleared.iter().all(|c| c.contains("Max-Age=0")));
    let me = app
        .client
        .get(app.at("/v1/me"))
        .header("cookie", &browser.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), 401);
    app.cleanup().await;
}

#[tokio::test]
async fn cookie_refresh_needs_the_csrf_token_and_rotates_the_cookies() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let browser = cookie_login(&app).await;
    let refused = app
        .client
        .post(app.at("/v1/auth/refresh?mode=cookie"))
        .header("cookie", &browser.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
    let response = app
        .client
        .post(app.at("/v1/auth/refresh?mode=cookie"))
        .header("cookie", &browser.cookie)
        .header("x-csrf-token", &browser.csrf)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let renewed: Vec<&str> = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap())
        .collect();
    assert!(renewed
        .iter()
        .any(|c| c.starts_with("__Host-palisade_refresh=palr_")));
    app.cleanup().await;
}
