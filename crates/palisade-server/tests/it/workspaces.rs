//! Workspaces through the real server: creation, slugs, the same 403 for outsiders, deletion;
//! and the invite/join helpers the membership tests share.

use crate::accounts::{account, auth_options, Tokens};
use crate::helpers::{on_both_backends, problem, send, spawn_app_with, TestApp};
use palisade_service::mail::MailTransport;
use serde_json::{json, Value};

pub(crate) async fn create_workspace(app: &TestApp, access: &str, slug: &str) -> reqwest::Response {
    send(
        app,
        reqwest::Method::POST,
        "/v1/workspaces",
        access,
        Some(json!({"slug": slug, "name": "Acme Inc"})),
    )
    .await
}

/// Invites `email` as `role` and returns the token from the delivered mail.
pub(crate) async fn invite(
    app: &TestApp,
    access: &str,
    slug: &str,
    email: &str,
    role: &str,
) -> String {
    let path = format!("/v1/workspaces/{slug}/invitations");
    let response = send(
        app,
        reqwest::Method::POST,
        &path,
        access,
        Some(json!({"email": email, "role": role})),
    )
    .await;
    assert_eq!(response.status(), 201);
    let mailbox = app.data_dir.path().join("data/mailbox");
    app.state
        .platform()
        .mail
        .deliver_due(&MailTransport::Mailbox(mailbox.clone()))
        .await
        .unwrap();
    let mut tokens: Vec<(std::time::SystemTime, String)> = std::fs::read_dir(&mailbox)
        .unwrap()
        .map(|e| e.unwrap())
        .filter_map(|e| {
            let text = std::fs::read_to_string(e.path()).unwrap();
            let token = text
                .lines()
                .map(str::trim)
                .find(|l| l.starts_with("palinv_"))?
                .to_owned();
            text.contains(&format!("To: {email}"))
                .then(|| (e.metadata().unwrap().modified().unwrap(), token))
        })
        .collect();
    tokens.sort();
    tokens.pop().unwrap().1
}

pub(crate) async fn accept(app: &TestApp, access: &str, token: &str) -> reqwest::Response {
    send(
        app,
        reqwest::Method::POST,
        "/v1/invitations/accept",
        access,
        Some(json!({"token": token})),
    )
    .await
}

/// Ada owns `acme`; `email` joins it as `role`.
pub(crate) async fn join(app: &TestApp, ada: &Tokens, email: &str, role: &str) -> Tokens {
    let token = invite(app, &ada.access, "acme", email, role).await;
    let member = account(app, email).await;
    assert_eq!(accept(app, &member.access, &token).await.status(), 200);
    member
}

#[tokio::test]
async fn creating_a_workspace_makes_the_caller_its_owner() {
    on_both_backends(auth_options, |app| async move {
        let ada = account(&app, "ada@example.com").await;
        let response = create_workspace(&app, &ada.access, "acme").await;
        assert_eq!(response.status(), 201);
        let created: Value = response.json().await.unwrap();
        assert!(created["id"].as_str().unwrap().starts_with("ws_"));
        assert_eq!(created["role"], "owner");
        let listed: Value = send(
            &app,
            reqwest::Method::GET,
            "/v1/workspaces",
            &ada.access,
            None,
        )
        .await
        .json()
        .await
        .unwrap();
        assert_eq!(listed[0]["slug"], "acme");
        app
    })
    .await;
}

#[tokio::test]
async fn slugs_are_validated_and_unique() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let ada = account(&app, "ada@example.com").await;
    for bad in ["ab", "-acme", "acme-", "Acme", "ac_me", &"a".repeat(41)] {
        let response = create_workspace(&app, &ada.access, bad).await;
        assert_eq!(problem(response).await["code"], "invalid_slug", "{bad}");
    }
    assert_eq!(
        problem(create_workspace(&app, &ada.access, "admin").await).await["code"],
        "reserved_slug"
    );
    assert_eq!(
        create_workspace(&app, &ada.access, "acme").await.status(),
        201
    );
    let taken = create_workspace(&app, &ada.access, "acme").await;
    assert_eq!(taken.status(), 409);
    assert_eq!(problem(taken).await["code"], "slug_taken");
    app.cleanup().await;
}

#[tokio::test]
async fn outsiders_get_the_same_403_whether_or_not_the_workspace_exists() {
    on_both_backends(auth_options, |app| async move {
        let ada = account(&app, "ada@example.com").await;
        let eve = account(&app, "eve@example.com").await;
        create_workspace(&app, &ada.access, "acme").await;
        let member = "usr_01jd0000000000000000000000";
        for (method, template) in [
            (reqwest::Method::GET, "/v1/workspaces/{ws}"),
            (reqwest::Method::PATCH, "/v1/workspaces/{ws}"),
            (reqwest::Method::DELETE, "/v1/workspaces/{ws}"),
            (reqwest::Method::GET, "/v1/workspaces/{ws}/members"),
            (
                reqwest::Method::PATCH,
                &format!("/v1/workspaces/{{ws}}/members/{member}"),
            ),
            (
                reqwest::Method::DELETE,
                &format!("/v1/workspaces/{{ws}}/members/{member}"),
            ),
            (reqwest::Method::GET, "/v1/workspaces/{ws}/invitations"),
            (reqwest::Method::POST, "/v1/workspaces/{ws}/invitations"),
            (
                reqwest::Method::DELETE,
                "/v1/workspaces/{ws}/invitations/inv_x",
            ),
        ] {
            let body = Some(json!({"name": "x", "role": "viewer", "email": "x@example.com"}));
            let mut answers = Vec::new();
            for slug in ["acme", "no-such-workspace"] {
                let response = send(
                    &app,
                    method.clone(),
                    &template.replace("{ws}", slug),
                    &eve.access,
                    body.clone(),
                )
                .await;
                assert_eq!(response.status(), 403, "{method} {template} on {slug}");
                let mut problem = problem(response).await;
                problem.as_object_mut().unwrap().remove("request_id");
                answers.push(problem);
            }
            assert_eq!(answers[0], answers[1], "{method} {template}");
            assert_eq!(answers[0]["code"], "workspace_forbidden");
        }
        app
    })
    .await;
}

#[tokio::test]
async fn workspace_routes_need_authentication() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    for path in [
        "/v1/workspaces",
        "/v1/workspaces/acme",
        "/v1/workspaces/acme/members",
    ] {
        assert_eq!(app.get(path).await.status(), 401, "{path}");
    }
    app.cleanup().await;
}

#[tokio::test]
async fn deleting_a_workspace_is_for_owners_and_leaves_nothing_reachable() {
    on_both_backends(auth_options, |app| async move {
        let ada = account(&app, "ada@example.com").await;
        create_workspace(&app, &ada.access, "acme").await;
        let admin = join(&app, &ada, "adm@example.com", "admin").await;
        let refused = send(
            &app,
            reqwest::Method::DELETE,
            "/v1/workspaces/acme",
            &admin.access,
            None,
        )
        .await;
        assert_eq!(problem(refused).await["code"], "permission_denied");
        assert_eq!(
            send(
                &app,
                reqwest::Method::DELETE,
                "/v1/workspaces/acme",
                &ada.access,
                None
            )
            .await
            .status(),
            204
        );
        for who in [&ada, &admin] {
            assert_eq!(
                send(
                    &app,
                    reqwest::Method::GET,
                    "/v1/workspaces/acme",
                    &who.access,
                    None
                )
                .await
                .status(),
                403
            );
        }
        let listed: Value = send(
            &app,
            reqwest::Method::GET,
            "/v1/workspaces",
            &ada.access,
            None,
        )
        .await
        .json()
        .await
        .unwrap();
        assert!(listed.as_array().unwrap().is_empty());
        app
    })
    .await;
}
