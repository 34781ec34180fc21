//! Membership through the real server: invitations, roles and their limits, the last owner,
//! invite-only sign-up, and what leaving a workspace takes with it.

use crate::accounts::{account, auth_options, login};
use crate::helpers::{on_both_backends, problem, send, spawn_app_with};
use crate::workspaces::{accept, create_workspace, invite, join};
use reqwest::Method;
use serde_json::{json, Value};

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

        let bob_member = format!("/v1/workspaces/acme/members/{bob_id}");
        let ada_member = format!("/v1/workspaces/acme/members/{ada_id}");
        let invitations = "/v1/workspaces/acme/invitations".to_owned();
        let invite_as = |r: &str| Some(json!({"email": "x@example.com", "role": r}));
        for (what, method, path, caller, body) in [
            (
                "admin grants owner",
                Method::PATCH,
                &bob_member,
                &admin,
                role("owner"),
            ),
            (
                "admin demotes owner",
                Method::PATCH,
                &ada_member,
                &admin,
                role("viewer"),
            ),
            (
                "admin removes owner",
                Method::DELETE,
                &ada_member,
                &admin,
                None,
            ),
            (
                "admin invites owner",
                Method::POST,
                &invitations,
                &admin,
                invite_as("owner"),
            ),
            (
                "member invites",
                Method::POST,
                &invitations,
                &bob,
                invite_as("viewer"),
            ),
        ] {
            let refused = send(&app, method, path, &caller.access, body).await;
            assert_eq!(
                problem(refused).await["code"],
                "permission_denied",
                "{what}"
            );
        }

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
        .platform()
        .auth
        .passwords()
        .hasher()
        .hash(
            &secrecy::SecretString::from(crate::accounts::PASSWORD.to_owned()),
            &palisade_core::OsSecureRng,
        )
        .unwrap();
    let now = palisade_core::Clock::now(app.clock.as_ref());
    let ada_id = palisade_core::UserId::generate(app.clock.as_ref(), &palisade_core::OsSecureRng);
    app.store
        .create_user(
            &palisade_store::UserRecord {
                id: ada_id,
                email: "ada@example.com".into(),
                name: None,
                password_hash: hash,
                created_at: now,
                updated_at: now,
            },
            &crate::helpers::test_event(palisade_core::audit::PLATFORM_LOG),
        )
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
