//! Workspaces, roles and invitations through the real server.

use crate::accounts::{account, auth_options, login, Tokens};
use crate::helpers::{on_both_backends, problem, send, spawn_app_with, TestApp};
use palisade_server::mail::{worker::deliver_due, MailTransport};
use serde_json::{json, Value};

async fn create_workspace(app: &TestApp, access: &str, slug: &str) -> reqwest::Response {
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
async fn invite(app: &TestApp, access: &str, slug: &str, email: &str, role: &str) -> String {
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
    deliver_due(&app.state, &MailTransport::Mailbox(mailbox.clone()))
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

async fn accept(app: &TestApp, access: &str, token: &str) -> reqwest::Response {
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
async fn join(app: &TestApp, ada: &Tokens, email: &str, role: &str) -> Tokens {
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
async fn an_invited_account_joins_with_the_invited_role_and_its_permissions() {
    on_both_backends(auth_options, |app| async move {
        let ada = account(&app, "ada@example.com").await;
        create_workspace(&app, &ada.access, "acme").await;
        let bob = join(&app, &ada, "bob@example.com", "viewer").await;

        let members: Value = send(
            &app,
            reqwest::Method::GET,
            "/v1/workspaces/acme/members",
            &bob.access,
            None,
        )
        .await
        .json()
        .await
        .unwrap();
        let mut roles: Vec<(&str, &str)> = members
            .as_array()
            .unwrap()
            .iter()
            .map(|m| (m["email"].as_str().unwrap(), m["role"].as_str().unwrap()))
            .collect();
        roles.sort();
        assert_eq!(
            roles,
            [("ada@example.com", "owner"), ("bob@example.com", "viewer")]
        );
        assert_eq!(
            send(
                &app,
                reqwest::Method::GET,
                "/v1/workspaces/acme",
                &bob.access,
                None
            )
            .await
            .status(),
            200
        );
        let rename = send(
            &app,
            reqwest::Method::PATCH,
            "/v1/workspaces/acme",
            &bob.access,
            Some(json!({"name": "Mine"})),
        )
        .await;
        assert_eq!(rename.status(), 403);
        assert_eq!(problem(rename).await["code"], "permission_denied");
        let delete = send(
            &app,
            reqwest::Method::DELETE,
            "/v1/workspaces/acme",
            &bob.access,
            None,
        )
        .await;
        assert_eq!(problem(delete).await["code"], "permission_denied");
        app
    })
    .await;
}

#[tokio::test]
async fn an_invitation_works_once_and_only_for_its_addressee() {
    on_both_backends(auth_options, |app| async move {
        let ada = account(&app, "ada@example.com").await;
        create_workspace(&app, &ada.access, "acme").await;
        let token = invite(&app, &ada.access, "acme", "bob@example.com", "member").await;
        let eve = account(&app, "eve@example.com").await;
        assert_eq!(
            problem(accept(&app, &eve.access, &token).await).await["code"],
            "invalid_invitation"
        );
        let bob = account(&app, "BOB@example.com").await;
        assert_eq!(
            accept(&app, &bob.access, &token).await.status(),
            200,
            "e-mail match ignores case"
        );
        assert_eq!(
            problem(accept(&app, &bob.access, &token).await).await["code"],
            "invalid_invitation"
        );
        app
    })
    .await;
}

#[tokio::test]
async fn a_revoked_invitation_cannot_be_accepted() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let ada = account(&app, "ada@example.com").await;
    create_workspace(&app, &ada.access, "acme").await;
    let token = invite(&app, &ada.access, "acme", "bob@example.com", "member").await;
    let pending: Value = send(
        &app,
        reqwest::Method::GET,
        "/v1/workspaces/acme/invitations",
        &ada.access,
        None,
    )
    .await
    .json()
    .await
    .unwrap();
    let id = pending[0]["id"].as_str().unwrap().to_owned();
    let path = format!("/v1/workspaces/acme/invitations/{id}");
    assert_eq!(
        send(&app, reqwest::Method::DELETE, &path, &ada.access, None)
            .await
            .status(),
        204
    );
    let bob = account(&app, "bob@example.com").await;
    assert_eq!(
        problem(accept(&app, &bob.access, &token).await).await["code"],
        "invalid_invitation"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn admins_cannot_grant_or_remove_owner_and_nobody_invites_above_their_role() {
    on_both_backends(auth_options, |app| async move {
        let ada = account(&app, "ada@example.com").await;
        create_workspace(&app, &ada.access, "acme").await;
        let admin = join(&app, &ada, "adm@example.com", "admin").await;
        let bob = join(&app, &ada, "bob@example.com", "member").await;
        let bob_id = crate::accounts::jwt_part(&bob.access, 1)["sub"]
            .as_str()
            .unwrap()
            .to_owned();
        let ada_id = crate::accounts::jwt_part(&ada.access, 1)["sub"]
            .as_str()
            .unwrap()
            .to_owned();
        let role = |r: &str| Some(json!({"role": r}));

        let to_owner = send(
            &app,
            reqwest::Method::PATCH,
            &format!("/v1/workspaces/acme/members/{bob_id}"),
            &admin.access,
            role("owner"),
        )
        .await;
        assert_eq!(problem(to_owner).await["code"], "permission_denied");
        let demote_owner = send(
            &app,
            reqwest::Method::PATCH,
            &format!("/v1/workspaces/acme/members/{ada_id}"),
            &admin.access,
            role("viewer"),
        )
        .await;
        assert_eq!(problem(demote_owner).await["code"], "permission_denied");
        let remove_owner = send(
            &app,
            reqwest::Method::DELETE,
            &format!("/v1/workspaces/acme/members/{ada_id}"),
            &admin.access,
            None,
        )
        .await;
        assert_eq!(problem(remove_owner).await["code"], "permission_denied");
        let invite_owner = send(
            &app,
            reqwest::Method::POST,
            "/v1/workspaces/acme/invitations",
            &admin.access,
            Some(json!({"email": "x@example.com", "role": "owner"})),
        )
        .await;
        assert_eq!(problem(invite_owner).await["code"], "permission_denied");
        let member_invites = send(
            &app,
            reqwest::Method::POST,
            "/v1/workspaces/acme/invitations",
            &bob.access,
            Some(json!({"email": "x@example.com", "role": "viewer"})),
        )
        .await;
        assert_eq!(problem(member_invites).await["code"], "permission_denied");

        // An admin may manage members below owner.
        let to_viewer = send(
            &app,
            reqwest::Method::PATCH,
            &format!("/v1/workspaces/acme/members/{bob_id}"),
            &admin.access,
            role("viewer"),
        )
        .await;
        assert_eq!(to_viewer.status(), 204);
        let removed = send(
            &app,
            reqwest::Method::DELETE,
            &format!("/v1/workspaces/acme/members/{bob_id}"),
            &admin.access,
            None,
        )
        .await;
        assert_eq!(removed.status(), 204);
        assert_eq!(
            send(
                &app,
                reqwest::Method::GET,
                "/v1/workspaces/acme",
                &bob.access,
                None
            )
            .await
            .status(),
            403
        );
        app
    })
    .await;
}

#[tokio::test]
async fn the_last_owner_cannot_step_down_but_can_after_naming_another() {
    on_both_backends(auth_options, |app| async move {
        let ada = account(&app, "ada@example.com").await;
        create_workspace(&app, &ada.access, "acme").await;
        let ada_id = crate::accounts::jwt_part(&ada.access, 1)["sub"]
            .as_str()
            .unwrap()
            .to_owned();
        let path = format!("/v1/workspaces/acme/members/{ada_id}");
        let alone = send(
            &app,
            reqwest::Method::PATCH,
            &path,
            &ada.access,
            Some(json!({"role": "admin"})),
        )
        .await;
        assert_eq!(alone.status(), 409);
        assert_eq!(problem(alone).await["code"], "last_owner");
        let bob = join(&app, &ada, "bob@example.com", "owner").await;
        assert_eq!(
            send(&app, reqwest::Method::DELETE, &path, &bob.access, None)
                .await
                .status(),
            204
        );
        assert_eq!(
            send(
                &app,
                reqwest::Method::GET,
                "/v1/workspaces/acme",
                &ada.access,
                None
            )
            .await
            .status(),
            403
        );
        app
    })
    .await;
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

#[tokio::test]
async fn invite_only_sign_up_accepts_an_invited_address() {
    let options = crate::helpers::AppOptions::default().set(
        "auth",
        figment::value::Dict::from_iter([
            ("argon2_memory_kib".to_owned(), 1024.into()),
            ("argon2_iterations".to_owned(), 1.into()),
            ("signup_policy".to_owned(), "invite_only".into()),
        ]),
    );
    let app = spawn_app_with(options).await.unwrap();
    // The first account comes from an operator; here, straight through the store.
    let hash = app
        .state
        .auth()
        .passwords
        .hasher()
        .hash(
            &secrecy::SecretString::from(crate::accounts::PASSWORD.to_owned()),
            &palisade_core::OsSecureRng,
        )
        .unwrap();
    let now = palisade_core::Clock::now(app.clock.as_ref());
    let ada_id = palisade_core::UserId::generate(app.clock.as_ref(), &palisade_core::OsSecureRng);
    app.state
        .store()
        .create_user(&palisade_store::UserRecord {
            id: ada_id,
            email: "ada@example.com".into(),
            name: None,
            password_hash: hash,
            created_at: now,
            updated_at: now,
        })
        .await
        .unwrap();
    let ada = login(&app, "ada@example.com").await;
    create_workspace(&app, &ada.access, "acme").await;
    let token = invite(&app, &ada.access, "acme", "bob@example.com", "member").await;

    let signup_with = |email: &'static str, invitation: Option<String>| {
        let mut body = json!({"email": email, "password": crate::accounts::PASSWORD});
        if let Some(token) = invitation {
            body["invitation_token"] = token.into();
        }
        app.client
            .post(app.at("/v1/auth/signup"))
            .json(&body)
            .send()
    };
    assert_eq!(
        problem(signup_with("bob@example.com", None).await.unwrap()).await["code"],
        "signup_invite_only"
    );
    assert_eq!(
        problem(
            signup_with("eve@example.com", Some(token.clone()))
                .await
                .unwrap()
        )
        .await["code"],
        "signup_invite_only"
    );
    assert_eq!(
        signup_with("bob@example.com", Some(token.clone()))
            .await
            .unwrap()
            .status(),
        201
    );
    let bob = login(&app, "bob@example.com").await;
    assert_eq!(accept(&app, &bob.access, &token).await.status(), 200);
    app.cleanup().await;
}

#[tokio::test]
async fn removing_a_member_revokes_the_keys_they_created() {
    on_both_backends(auth_options, |app| async move {
        let ada = account(&app, "ada@example.com").await;
        create_workspace(&app, &ada.access, "acme").await;
        let admin = join(&app, &ada, "adm@example.com", "admin").await;
        let created = send(
            &app,
            reqwest::Method::POST,
            "/v1/workspaces/acme/api-keys",
            &admin.access,
            Some(json!({"name": "deploy", "scopes": ["workspace:read"]})),
        )
        .await;
        let key = created.json::<Value>().await.unwrap()["secret"]
            .as_str()
            .unwrap()
            .to_owned();
        assert_eq!(
            send(
                &app,
                reqwest::Method::GET,
                "/v1/workspaces/acme",
                &key,
                None
            )
            .await
            .status(),
            200
        );

        let admin_id = crate::accounts::jwt_part(&admin.access, 1)["sub"]
            .as_str()
            .unwrap()
            .to_owned();
        let path = format!("/v1/workspaces/acme/members/{admin_id}");
        assert_eq!(
            send(&app, reqwest::Method::DELETE, &path, &ada.access, None)
                .await
                .status(),
            204
        );
        assert_eq!(
            send(
                &app,
                reqwest::Method::GET,
                "/v1/workspaces/acme",
                &key,
                None
            )
            .await
            .status(),
            401
        );
        app
    })
    .await;
}
