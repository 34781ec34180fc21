//! The cross-tenant matrix: every operation under `/v1/workspaces/{ws}` (enumerated from the
//! OpenAPI document, so a new route must join the table) called as every kind of caller,
//! asserting the exact status and that nothing of the workspace leaks to outsiders.

use crate::accounts::{account, auth_options, Tokens};
use crate::helpers::{on_both_backends, TestApp};
use palisade_server::mail::{worker::deliver_due, MailTransport};
use reqwest::Method;
use serde_json::{json, Value};
use std::collections::BTreeSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Caller {
    /// Owns another workspace, not this one.
    OtherTenant,
    /// Belongs to no workspace.
    Stranger,
    Owner,
    Admin,
    Member,
    Viewer,
    /// The owner, asking for a workspace that does not exist.
    OwnerOfNothing,
}

const CALLERS: [Caller; 7] = [
    Caller::OtherTenant,
    Caller::Stranger,
    Caller::Owner,
    Caller::Admin,
    Caller::Member,
    Caller::Viewer,
    Caller::OwnerOfNothing,
];

/// (method, path template, body, statuses for each caller in `CALLERS` order).
/// `{target}` is the viewer's user id, `{missing}` a well-formed id that matches nothing.
fn matrix() -> Vec<(Method, &'static str, Option<Value>, [u16; 7])> {
    vec![
        (
            Method::GET,
            "/v1/workspaces/{ws}",
            None,
            [403, 403, 200, 200, 200, 200, 403],
        ),
        (
            Method::PATCH,
            "/v1/workspaces/{ws}",
            Some(json!({"name": "Renamed"})),
            [403, 403, 200, 200, 403, 403, 403],
        ),
        (
            Method::DELETE,
            "/v1/workspaces/{ws}",
            None,
            [403, 403, 204, 403, 403, 403, 403],
        ),
        (
            Method::GET,
            "/v1/workspaces/{ws}/members",
            None,
            [403, 403, 200, 200, 200, 200, 403],
        ),
        (
            Method::PATCH,
            "/v1/workspaces/{ws}/members/{user_id}",
            Some(json!({"role": "member"})),
            [403, 403, 204, 204, 403, 403, 403],
        ),
        (
            Method::DELETE,
            "/v1/workspaces/{ws}/members/{user_id}",
            None,
            [403, 403, 204, 204, 403, 403, 403],
        ),
        (
            Method::POST,
            "/v1/workspaces/{ws}/invitations",
            Some(json!({"email": "new@example.com", "role": "viewer"})),
            [403, 403, 201, 201, 403, 403, 403],
        ),
        (
            Method::GET,
            "/v1/workspaces/{ws}/invitations",
            None,
            [403, 403, 200, 200, 403, 403, 403],
        ),
        (
            Method::DELETE,
            "/v1/workspaces/{ws}/invitations/{id}",
            None,
            [403, 403, 204, 204, 403, 403, 403],
        ),
    ]
}

/// Inside the workspace, ids that do not exist are 404 for whoever may act on them.
fn missing_ids() -> Vec<(Method, &'static str, Option<Value>)> {
    vec![
        (
            Method::PATCH,
            "/v1/workspaces/acme/members/usr_01jd0000000000000000000000",
            Some(json!({"role": "member"})),
        ),
        (
            Method::DELETE,
            "/v1/workspaces/acme/members/usr_01jd0000000000000000000000",
            None,
        ),
        (
            Method::DELETE,
            "/v1/workspaces/acme/invitations/inv_01jd0000000000000000000000",
            None,
        ),
    ]
}

struct World {
    tokens: Vec<(Caller, Tokens)>,
    viewer_id: String,
    invitation_id: String,
    /// Strings that must never appear in an outsider's response.
    secrets: Vec<String>,
}

async fn send(
    app: &TestApp,
    method: Method,
    path: &str,
    access: &str,
    body: Option<Value>,
) -> reqwest::Response {
    let mut request = app.client.request(method, app.at(path)).bearer_auth(access);
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await.unwrap()
}

async fn world(app: &TestApp, n: usize) -> World {
    let email = |who: &str| format!("{who}{n}@example.com");
    let owner = account(app, &email("owner")).await;
    let other = account(app, &email("other")).await;
    let stranger = account(app, &email("stranger")).await;
    let acme = send(
        app,
        Method::POST,
        "/v1/workspaces",
        &owner.access,
        Some(json!({"slug": "acme", "name": "Acme"})),
    )
    .await;
    let acme_id = acme.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    send(
        app,
        Method::POST,
        "/v1/workspaces",
        &other.access,
        Some(json!({"slug": "globex", "name": "Globex"})),
    )
    .await;
    let mut tokens = vec![(Caller::OtherTenant, other), (Caller::Stranger, stranger)];
    let mut viewer_id = String::new();
    for (caller, role) in [
        (Caller::Admin, "admin"),
        (Caller::Member, "member"),
        (Caller::Viewer, "viewer"),
    ] {
        let address = email(role);
        send(
            app,
            Method::POST,
            "/v1/workspaces/acme/invitations",
            &owner.access,
            Some(json!({"email": address, "role": role})),
        )
        .await;
        deliver_due(
            &app.state,
            &MailTransport::Mailbox(app.data_dir.path().join("data/mailbox")),
        )
        .await
        .unwrap();
        let token = invitation_token(app, &address);
        let joined = account(app, &address).await;
        let accepted = send(
            app,
            Method::POST,
            "/v1/invitations/accept",
            &joined.access,
            Some(json!({"token": token})),
        )
        .await;
        assert_eq!(accepted.status(), 200);
        if caller == Caller::Viewer {
            viewer_id = crate::accounts::jwt_part(&joined.access, 1)["sub"]
                .as_str()
                .unwrap()
                .to_owned();
        }
        tokens.push((caller, joined));
    }
    let pending = send(
        app,
        Method::POST,
        "/v1/workspaces/acme/invitations",
        &owner.access,
        Some(json!({"email": email("pending"), "role": "viewer"})),
    )
    .await;
    let invitation_id = pending.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    tokens.push((Caller::Owner, owner.clone()));
    tokens.push((Caller::OwnerOfNothing, owner));
    let secrets = vec![
        acme_id,
        email("admin"),
        email("member"),
        email("viewer"),
        email("pending"),
        invitation_id.clone(),
    ];
    World {
        tokens,
        viewer_id,
        invitation_id,
        secrets,
    }
}

fn invitation_token(app: &TestApp, address: &str) -> String {
    let mailbox = app.data_dir.path().join("data/mailbox");
    std::fs::read_dir(mailbox)
        .unwrap()
        .map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap())
        .filter(|text| text.contains(&format!("To: {address}")))
        .find_map(|text| {
            text.lines()
                .map(str::trim)
                .find(|l| l.starts_with("palinv_"))
                .map(str::to_owned)
        })
        .unwrap()
}

#[tokio::test]
async fn every_workspace_route_is_in_the_matrix() {
    let app = crate::helpers::spawn_app().await;
    let doc: Value = app.get("/openapi.json").await.json().await.unwrap();
    let mut documented = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        if path.starts_with("/v1/workspaces/{ws}") {
            for method in item.as_object().unwrap().keys() {
                documented.insert((method.to_uppercase(), path.clone()));
            }
        }
    }
    let covered: BTreeSet<(String, String)> = matrix()
        .into_iter()
        .map(|(method, path, _, _)| (method.to_string(), path.to_owned()))
        .collect();
    let missing: Vec<_> = documented.difference(&covered).collect();
    assert!(
        missing.is_empty(),
        "workspace routes missing from the cross-tenant matrix: {missing:?}"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn every_caller_gets_exactly_its_status_and_outsiders_see_nothing() {
    on_both_backends(auth_options, |app| async move {
        let mut n = 0;
        for (method, template, body, expected) in matrix() {
            for (index, caller) in CALLERS.into_iter().enumerate() {
                n += 1;
                // A fresh world per call, so one caller's change cannot affect the next.
                let world = world(&app, n).await;
                let slug = if caller == Caller::OwnerOfNothing {
                    "no-such-workspace"
                } else {
                    "acme"
                };
                let path = template
                    .replace("{ws}", slug)
                    .replace("{user_id}", &world.viewer_id)
                    .replace("{id}", &world.invitation_id);
                let access = &world
                    .tokens
                    .iter()
                    .find(|(c, _)| *c == caller)
                    .unwrap()
                    .1
                    .access;
                let response = send(&app, method.clone(), &path, access, body.clone()).await;
                let status = response.status().as_u16();
                let text = response.text().await.unwrap();
                assert_eq!(
                    status, expected[index],
                    "{caller:?} {method} {template}: {text}"
                );
                if matches!(
                    caller,
                    Caller::OtherTenant | Caller::Stranger | Caller::OwnerOfNothing
                ) {
                    for secret in &world.secrets {
                        assert!(
                            !text.contains(secret.as_str()),
                            "{caller:?} {method} {template} leaked {secret}"
                        );
                    }
                }
                // Reset the workspace names between worlds: the slug is reused per world.
                let owner = &world
                    .tokens
                    .iter()
                    .find(|(c, _)| *c == Caller::Owner)
                    .unwrap()
                    .1
                    .access;
                send(&app, Method::DELETE, "/v1/workspaces/acme", owner, None).await;
                let other = &world
                    .tokens
                    .iter()
                    .find(|(c, _)| *c == Caller::OtherTenant)
                    .unwrap()
                    .1
                    .access;
                send(&app, Method::DELETE, "/v1/workspaces/globex", other, None).await;
            }
        }
        app
    })
    .await;
}

#[tokio::test]
async fn inside_a_readable_workspace_missing_ids_are_404() {
    on_both_backends(auth_options, |app| async move {
        let world = world(&app, 0).await;
        let owner = &world
            .tokens
            .iter()
            .find(|(c, _)| *c == Caller::Owner)
            .unwrap()
            .1
            .access;
        for (method, path, body) in missing_ids() {
            let response = send(&app, method.clone(), path, owner, body).await;
            assert_eq!(response.status(), 404, "{method} {path}");
        }
        app
    })
    .await;
}
