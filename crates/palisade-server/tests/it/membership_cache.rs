//! A member's scope is answered from memory, and the memory never outlives the access: a
//! change made on this node applies on the very next request, one made elsewhere within a
//! second.

use crate::accounts::{account, auth_options, Tokens};
use crate::helpers::{on_both_backends, problem, send, spawn_app_with, TestApp};
use crate::workspaces::{create_workspace, join};
use reqwest::Method;
use serde_json::json;

fn user_id(tokens: &Tokens) -> String {
    crate::accounts::jwt_part(&tokens.access, 1)["sub"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn status(app: &TestApp, method: Method, path: &str, tokens: &Tokens) -> u16 {
    send(app, method, path, &tokens.access, None)
        .await
        .status()
        .as_u16()
}

/// Ada's account, owning `acme`.
async fn ada_with_acme(app: &TestApp) -> Tokens {
    let ada = account(app, "ada@example.com").await;
    let created = create_workspace(app, &ada.access, "acme").await;
    assert_eq!(created.status(), 201);
    ada
}

/// Ada owns `acme`; Bob is a member who has just used it (his scope is remembered).
async fn acme_with_bob(app: &TestApp, role: &str) -> (Tokens, Tokens) {
    let ada = ada_with_acme(app).await;
    let bob = join(app, &ada, "bob@example.com", role).await;
    assert_eq!(
        status(app, Method::GET, "/v1/workspaces/acme", &bob).await,
        200
    );
    (ada, bob)
}

#[tokio::test]
async fn a_members_repeated_requests_need_no_database_round_trip_to_authorize() {
    let app = spawn_app_with(auth_options().routes(crate::probe::routes()))
        .await
        .unwrap();
    let (_, bob) = acme_with_bob(&app, "member").await;
    let role = crate::probe::ROLE_IN.replace("{ws}", "acme");
    assert_eq!(status(&app, Method::GET, &role, &bob).await, 200);
    // With the database gone, the workspace check still answers from memory.
    app.store.close().await;
    let answered = send(&app, Method::GET, &role, &bob.access, None).await;
    assert_eq!(answered.status(), 200);
    assert_eq!(answered.text().await.unwrap(), "member");
    app.cleanup().await;
}

#[tokio::test]
async fn a_removed_member_is_refused_on_the_very_next_request() {
    on_both_backends(auth_options, |app| async move {
        let (ada, bob) = acme_with_bob(&app, "member").await;
        let path = format!("/v1/workspaces/acme/members/{}", user_id(&bob));
        assert_eq!(status(&app, Method::DELETE, &path, &ada).await, 204);
        let refused = send(&app, Method::GET, "/v1/workspaces/acme", &bob.access, None).await;
        assert_eq!(refused.status(), 403);
        assert_eq!(problem(refused).await["code"], "workspace_forbidden");
        app
    })
    .await;
}

#[tokio::test]
async fn a_demoted_member_loses_the_old_roles_permissions_on_the_very_next_request() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let (ada, bob) = acme_with_bob(&app, "admin").await;
    let invitations = "/v1/workspaces/acme/invitations";
    assert_eq!(status(&app, Method::GET, invitations, &bob).await, 200);
    let path = format!("/v1/workspaces/acme/members/{}", user_id(&bob));
    let demoted = send(
        &app,
        Method::PATCH,
        &path,
        &ada.access,
        Some(json!({"role": "viewer"})),
    );
    assert_eq!(demoted.await.status(), 204);
    let refused = send(&app, Method::GET, invitations, &bob.access, None).await;
    assert_eq!(refused.status(), 403);
    assert_eq!(problem(refused).await["code"], "permission_denied");
    app.cleanup().await;
}

#[tokio::test]
async fn a_deleted_workspace_refuses_its_members_on_the_very_next_request() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let (ada, bob) = acme_with_bob(&app, "member").await;
    assert_eq!(
        status(&app, Method::DELETE, "/v1/workspaces/acme", &ada).await,
        204
    );
    assert_eq!(
        status(&app, Method::GET, "/v1/workspaces/acme", &bob).await,
        403
    );
    app.cleanup().await;
}

#[tokio::test]
async fn removing_mfa_shuts_a_member_out_of_a_workspace_requiring_it_at_once() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let ada = ada_with_acme(&app).await;
    let enrolled = crate::mfa::enroll(&app, &ada.access).await;
    // Past the enrolment code's step, so a fresh code is not a replay.
    app.clock.advance(time::Duration::minutes(1));
    let require = Some(json!({"settings": {"require_mfa": true}}));
    let required = send(
        &app,
        Method::PATCH,
        "/v1/workspaces/acme",
        &ada.access,
        require,
    );
    assert_eq!(required.await.status(), 200);
    assert_eq!(
        status(&app, Method::GET, "/v1/workspaces/acme", &ada).await,
        200
    );
    let code = crate::mfa::code(&app, &enrolled.secret, 0);
    let removed = send(
        &app,
        Method::DELETE,
        "/v1/me/mfa/totp",
        &ada.access,
        Some(json!({"code": code})),
    );
    assert_eq!(removed.await.status(), 204);
    let refused = send(&app, Method::GET, "/v1/workspaces/acme", &ada.access, None).await;
    assert_eq!(refused.status(), 403);
    assert_eq!(problem(refused).await["code"], "mfa.enrollment_required");
    app.cleanup().await;
}

#[tokio::test]
async fn requiring_mfa_shuts_out_members_without_it_at_once() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let ada = ada_with_acme(&app).await;
    let bob = join(&app, &ada, "bob@example.com", "member").await;
    assert_eq!(
        status(&app, Method::GET, "/v1/workspaces/acme", &bob).await,
        200
    );
    crate::mfa::enroll(&app, &ada.access).await;
    let require = Some(json!({"settings": {"require_mfa": true}}));
    let required = send(
        &app,
        Method::PATCH,
        "/v1/workspaces/acme",
        &ada.access,
        require,
    );
    assert_eq!(required.await.status(), 200);
    let refused = send(&app, Method::GET, "/v1/workspaces/acme", &bob.access, None).await;
    assert_eq!(problem(refused).await["code"], "mfa.enrollment_required");
    app.cleanup().await;
}

#[tokio::test]
async fn a_removal_made_on_another_node_is_honoured_within_a_second() {
    on_both_backends(auth_options, |app| async move {
        let (_, bob) = acme_with_bob(&app, "member").await;
        // Another node's change: straight into the shared database, unseen by this node's store.
        let removal = format!(
            "DELETE FROM memberships WHERE user_id = '{}'",
            user_id(&bob)
        );
        app.db().execute_as_owner(&removal).await.unwrap();
        app.clock.advance(time::Duration::seconds(1));
        assert_eq!(
            status(&app, Method::GET, "/v1/workspaces/acme", &bob).await,
            403
        );
        app
    })
    .await;
}

#[tokio::test]
async fn a_demotion_made_on_another_node_applies_within_a_second() {
    on_both_backends(auth_options, |app| async move {
        let (_, bob) = acme_with_bob(&app, "admin").await;
        let invitations = "/v1/workspaces/acme/invitations";
        assert_eq!(status(&app, Method::GET, invitations, &bob).await, 200);
        let demotion = format!(
            "UPDATE memberships SET role = 'viewer' WHERE user_id = '{}'",
            user_id(&bob)
        );
        app.db().execute_as_owner(&demotion).await.unwrap();
        app.clock.advance(time::Duration::seconds(1));
        assert_eq!(status(&app, Method::GET, invitations, &bob).await, 403);
        app
    })
    .await;
}

#[tokio::test]
async fn a_members_scope_is_loaded_once_while_access_is_unchanged() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    let (_, bob) = acme_with_bob(&app, "member").await;
    let loads = || app.state.platform().auth.membership_loads();
    let reads = || app.state.platform().auth.generation_reads();
    let (loads_before, reads_before) = (loads(), reads());
    for _ in 0..5 {
        app.clock.advance(time::Duration::seconds(2));
        let read = status(&app, Method::GET, "/v1/workspaces/acme", &bob).await;
        assert_eq!(read, 200);
    }
    assert_eq!(
        loads() - loads_before,
        0,
        "remembered from the first request"
    );
    assert_eq!(
        reads() - reads_before,
        5,
        "the generation is read once a second"
    );
    app.cleanup().await;
}
