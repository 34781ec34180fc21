//! The secrets vault through the real server: values are write-only and encrypted under the
//! workspace's data key, bound to their row; rotation keeps reads working; deleting a
//! workspace destroys its keys so no copy of its ciphertexts opens again.

use crate::accounts::{account, auth_options, Tokens};
use crate::helpers::{on_both_backends, problem, send, TestApp};
use palisade_core::OsSecureRng;
use palisade_crypto::{LocalKeyProvider, MasterKey};
use palisade_service::audit::Origin;
use palisade_service::vault::{secret_binding, secret_row, Vault, VaultError};
use palisade_store::WorkspaceScope;
use reqwest::Method;
use secrecy::ExposeSecret;
use serde_json::{json, Value};
use std::sync::Arc;

pub(crate) const VALUE: &str = "sk-live-4f9a1c0e7d2b8a6f";

pub(crate) async fn owner_of(app: &TestApp, slug: &str) -> (Tokens, WorkspaceScope) {
    let ada = account(app, &format!("ada@{slug}.example")).await;
    let created = send(
        app,
        Method::POST,
        "/v1/workspaces",
        &ada.access,
        Some(json!({"slug": slug, "name": slug})),
    )
    .await;
    assert_eq!(created.status(), 201);
    let me: Value = send(app, Method::GET, "/v1/me", &ada.access, None)
        .await
        .json()
        .await
        .unwrap();
    let user = me["id"].as_str().unwrap().parse().unwrap();
    let scope = app.store.authorize(user, slug).await.unwrap().unwrap();
    (ada, scope)
}

pub(crate) async fn put(
    app: &TestApp,
    token: &str,
    slug: &str,
    name: &str,
    value: &str,
) -> reqwest::Response {
    let path = format!("/v1/workspaces/{slug}/secrets/{name}");
    send(
        app,
        Method::PUT,
        &path,
        token,
        Some(json!({"value": value})),
    )
    .await
}

pub(crate) async fn use_value(
    app: &TestApp,
    scope: &WorkspaceScope,
    name: &str,
) -> Result<String, String> {
    app.state
        .platform()
        .secrets
        .use_value(scope, name, "test.use", &Origin::system())
        .await
        .map(|used| used.value.expose_secret().to_owned())
        .map_err(|err| err.to_string())
}

/// A vault as another process holding `keys` would open it (a CLI, another node).
pub(crate) fn vault_with(app: &TestApp, current: &MasterKey, previous: &[MasterKey]) -> Vault {
    Vault::new(
        Arc::clone(&app.store),
        app.clock.clone(),
        Arc::new(OsSecureRng),
        Arc::new(LocalKeyProvider::new(current, previous)),
    )
}

#[tokio::test]
async fn a_secret_value_is_stored_encrypted_and_no_response_returns_it() {
    on_both_backends(auth_options, |app| async move {
        let (ada, scope) = owner_of(&app, "acme").await;
        let created = put(&app, &ada.access, "acme", "OPENAI_KEY", VALUE).await;
        assert_eq!(created.status(), 201);
        let body: Value = created.json().await.unwrap();
        assert_eq!(body["version"], 1);
        assert_eq!(body["fingerprint"].as_str().unwrap().len(), 12);
        assert!(body.get("value").is_none());
        let listed = send(
            &app,
            Method::GET,
            "/v1/workspaces/acme/secrets",
            &ada.access,
            None,
        )
        .await
        .text()
        .await
        .unwrap();
        assert!(listed.contains("OPENAI_KEY") && !listed.contains(VALUE));
        let stored = app
            .store
            .secret(&scope, "OPENAI_KEY")
            .await
            .unwrap()
            .unwrap();
        assert!(!stored
            .ciphertext
            .windows(VALUE.len())
            .any(|w| w == VALUE.as_bytes()));
        assert_eq!(use_value(&app, &scope, "OPENAI_KEY").await.unwrap(), VALUE);
        app
    })
    .await;
}

#[tokio::test]
async fn replacing_a_value_bumps_its_version_and_fingerprint_and_keeps_the_description() {
    on_both_backends(auth_options, |app| async move {
        let (ada, scope) = owner_of(&app, "acme").await;
        let path = "/v1/workspaces/acme/secrets/STRIPE";
        let first = json!({"value": "one", "description": "payments"});
        let created: Value = send(&app, Method::PUT, path, &ada.access, Some(first))
            .await
            .json()
            .await
            .unwrap();
        let replaced = put(&app, &ada.access, "acme", "STRIPE", "two").await;
        assert_eq!(replaced.status(), 200);
        let replaced: Value = replaced.json().await.unwrap();
        assert_eq!(replaced["version"], 2);
        assert_eq!(replaced["description"], "payments");
        assert_ne!(replaced["fingerprint"], created["fingerprint"]);
        assert_eq!(use_value(&app, &scope, "STRIPE").await.unwrap(), "two");
        app
    })
    .await;
}

#[tokio::test]
async fn bad_names_and_values_are_refused_with_their_codes() {
    let app = crate::helpers::spawn_app_with(auth_options())
        .await
        .unwrap();
    let (ada, _) = owner_of(&app, "acme").await;
    for (name, value, code) in [
        ("1starts-with-digit", "v", "invalid_secret_name"),
        ("has%20space", "v", "invalid_secret_name"),
        ("EMPTY", "", "invalid_secret_value"),
    ] {
        let refused = put(&app, &ada.access, "acme", name, value).await;
        assert_eq!(refused.status(), 422, "{name}");
        assert_eq!(problem(refused).await["code"], code, "{name}");
    }
    let huge = "x".repeat(64 * 1024 + 1);
    let refused = put(&app, &ada.access, "acme", "HUGE", &huge).await;
    assert_eq!(problem(refused).await["code"], "invalid_secret_value");
    let listed: Value = send(
        &app,
        Method::GET,
        "/v1/workspaces/acme/secrets",
        &ada.access,
        None,
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(listed, json!([]));
    app.cleanup().await;
}

#[tokio::test]
async fn a_ciphertext_copied_to_another_secret_does_not_decrypt() {
    on_both_backends(auth_options, |app| async move {
        let (ada, scope) = owner_of(&app, "acme").await;
        put(&app, &ada.access, "acme", "A", VALUE).await;
        put(&app, &ada.access, "acme", "B", "other").await;
        app.db()
            .tamper(
                "UPDATE secrets SET ciphertext = (SELECT ciphertext FROM secrets WHERE name = 'A') \
                 WHERE name = 'B'",
            )
            .await;
        let refused = use_value(&app, &scope, "B").await.unwrap_err();
        assert!(refused.contains("does not open"), "{refused}");
        app
    })
    .await;
}

#[tokio::test]
async fn a_ciphertext_copied_to_another_workspace_does_not_decrypt() {
    on_both_backends(auth_options, |app| async move {
        let (ada, _) = owner_of(&app, "acme").await;
        let (bob, globex) = owner_of(&app, "globex").await;
        put(&app, &ada.access, "acme", "A", VALUE).await;
        put(&app, &bob.access, "globex", "A", "globex-own").await;
        app.db()
            .tamper(&format!(
                "UPDATE secrets SET ciphertext = (SELECT ciphertext FROM secrets WHERE name = 'A' \
                 AND workspace_id <> '{0}') WHERE workspace_id = '{0}'",
                globex.workspace_id()
            ))
            .await;
        assert!(use_value(&app, &globex, "A").await.is_err());
        app
    })
    .await;
}

#[tokio::test]
async fn deleting_a_workspace_destroys_its_data_keys_so_its_ciphertexts_never_open_again() {
    on_both_backends(auth_options, |app| async move {
        let (ada, scope) = owner_of(&app, "acme").await;
        put(&app, &ada.access, "acme", "A", VALUE).await;
        let workspace = scope.workspace_id().to_string();
        let copy = app.store.secret(&scope, "A").await.unwrap().unwrap();
        assert_eq!(app.store.data_keys(&workspace).await.unwrap().len(), 1);
        let deleted = send(
            &app,
            Method::DELETE,
            "/v1/workspaces/acme",
            &ada.access,
            None,
        )
        .await;
        assert_eq!(deleted.status(), 204);
        assert!(app.store.data_keys(&workspace).await.unwrap().is_empty());
        // Even a fresh process holding the master key cannot open the saved copy.
        let vault = vault_with(&app, &app.keys.current, &[]);
        let row = secret_row(&copy.record.id, copy.record.version);
        let binding = secret_binding(&workspace, &row);
        let refused = vault.decrypt(&binding, &copy.ciphertext).await.unwrap_err();
        assert!(
            matches!(refused, VaultError::KeyDestroyed { .. }),
            "{refused}"
        );
        app
    })
    .await;
}

#[tokio::test]
async fn every_secret_write_and_use_is_audited_without_its_value() {
    let app = crate::helpers::spawn_app_with(auth_options())
        .await
        .unwrap();
    let (ada, scope) = owner_of(&app, "acme").await;
    put(&app, &ada.access, "acme", "A", VALUE).await;
    put(&app, &ada.access, "acme", "A", "second-value").await;
    use_value(&app, &scope, "A").await.unwrap();
    let path = "/v1/workspaces/acme/secrets/A";
    assert_eq!(
        send(&app, Method::DELETE, path, &ada.access, None)
            .await
            .status(),
        204
    );
    app.state.platform().audit.flush().await.unwrap();
    let events = send(
        &app,
        Method::GET,
        "/v1/workspaces/acme/audit-events",
        &ada.access,
        None,
    )
    .await
    .text()
    .await
    .unwrap();
    for action in [
        "secret.created",
        "secret.updated",
        "secret.used",
        "secret.deleted",
    ] {
        assert!(events.contains(action), "no {action} in {events}");
    }
    assert!(!events.contains(VALUE) && !events.contains("second-value"));
    app.cleanup().await;
}

#[tokio::test]
async fn a_problem_detail_that_quotes_input_never_quotes_a_secret() {
    let app = crate::helpers::spawn_app_with(auth_options())
        .await
        .unwrap();
    let (ada, _) = owner_of(&app, "acme").await;
    // A credential pasted where a scope belongs: the refusal names the bad scope.
    let pasted = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";
    let body = json!({"name": "ci", "scopes": [pasted]});
    let refused = send(
        &app,
        Method::POST,
        "/v1/workspaces/acme/api-keys",
        &ada.access,
        Some(body),
    )
    .await;
    assert_eq!(refused.status(), 422);
    let problem = problem(refused).await;
    assert_eq!(problem["code"], "invalid_scope");
    let detail = problem["detail"].as_str().unwrap();
    assert!(
        detail.contains("[REDACTED]") && !detail.contains(pasted),
        "{detail}"
    );
    let harmless = json!({"name": "ci", "scopes": ["records:fly"]});
    let refused = send(
        &app,
        Method::POST,
        "/v1/workspaces/acme/api-keys",
        &ada.access,
        Some(harmless),
    )
    .await;
    assert!(problem_detail(refused).await.contains("records:fly"));
    app.cleanup().await;
}

async fn problem_detail(response: reqwest::Response) -> String {
    problem(response).await["detail"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn an_older_value_put_back_in_its_place_does_not_decrypt() {
    on_both_backends(auth_options, |app| async move {
        let (ada, scope) = owner_of(&app, "acme").await;
        put(&app, &ada.access, "acme", "A", "old-value").await;
        let old = app.store.secret(&scope, "A").await.unwrap().unwrap();
        put(&app, &ada.access, "acme", "A", "new-value").await;
        let hex: String = old.ciphertext.iter().map(|b| format!("{b:02x}")).collect();
        let literal = if app.store.backend() == palisade_store::Backend::Sqlite {
            format!("X'{hex}'")
        } else {
            format!("'\\x{hex}'::bytea")
        };
        app.db()
            .tamper(&format!(
                "UPDATE secrets SET ciphertext = {literal} WHERE name = 'A'"
            ))
            .await;
        assert!(use_value(&app, &scope, "A").await.is_err());
        app
    })
    .await;
}

#[tokio::test]
async fn control_characters_and_malformed_names_are_client_errors_on_every_route() {
    on_both_backends(auth_options, |app| async move {
        let (ada, _) = owner_of(&app, "acme").await;
        let path = "/v1/workspaces/acme/secrets/A";
        let body = json!({"value": "v", "description": "nul\u{0}inside"});
        let refused = send(&app, Method::PUT, path, &ada.access, Some(body)).await;
        assert_eq!(problem(refused).await["code"], "invalid_description");
        for method in [Method::GET, Method::DELETE] {
            let path = "/v1/workspaces/acme/secrets/has%20space";
            let missing = send(&app, method.clone(), path, &ada.access, None).await;
            assert_eq!(missing.status(), 404, "{method}");
        }
        app
    })
    .await;
}

#[tokio::test]
async fn another_node_forgets_a_destroyed_data_key_within_five_minutes() {
    on_both_backends(auth_options, |app| async move {
        let (ada, scope) = owner_of(&app, "acme").await;
        put(&app, &ada.access, "acme", "A", VALUE).await;
        let copy = app.store.secret(&scope, "A").await.unwrap().unwrap();
        let workspace = scope.workspace_id().to_string();
        let row = secret_row(&copy.record.id, copy.record.version);
        let binding = secret_binding(&workspace, &row);
        let other_node = vault_with(&app, &app.keys.current, &[]);
        assert!(other_node.decrypt(&binding, &copy.ciphertext).await.is_ok());
        let deleted = send(
            &app,
            Method::DELETE,
            "/v1/workspaces/acme",
            &ada.access,
            None,
        )
        .await;
        assert_eq!(deleted.status(), 204);
        app.clock.advance(time::Duration::minutes(5));
        let refused = other_node.decrypt(&binding, &copy.ciphertext).await;
        assert!(
            matches!(refused, Err(VaultError::KeyDestroyed { .. })),
            "{refused:?}"
        );
        app
    })
    .await;
}
