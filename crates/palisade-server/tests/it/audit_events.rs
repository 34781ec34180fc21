//! More of what the audit log records: recovery, token reuse, membership changes.

use crate::accounts::{account, auth_options, refresh};
use crate::audit::{acme, log_events, recorded, user_of, workspace_events};
use crate::auth_recovery::{ask_reset, confirm, delivered_mail, token_in};
use crate::helpers::{on_both_backends, send};
use palisade_core::audit::PLATFORM_LOG;
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn a_reset_and_a_reused_refresh_token_are_recorded() {
    on_both_backends(auth_options, |app| async move {
        let ada = account(&app, "ada@example.com").await;
        assert_eq!(refresh(&app, &ada.refresh).await.status(), 200);
        // The spent token again, past the grace window: the session is revoked as reuse.
        app.clock.advance(time::Duration::seconds(11));
        assert_eq!(refresh(&app, &ada.refresh).await.status(), 401);
        assert_eq!(ask_reset(&app, "ada@example.com").await.status(), 202);
        let mail = delivered_mail(&app).await;
        let token = token_in(mail.last().unwrap());
        assert_eq!(
            confirm(&app, "palpr_not-a-real-token", "another-fine-passphrase-7")
                .await
                .status(),
            403
        );
        assert_eq!(
            confirm(&app, &token, "another-fine-passphrase-7")
                .await
                .status(),
            204
        );
        let events = log_events(&app, PLATFORM_LOG).await;
        let had = |action, outcome, reason| recorded(&events, action, outcome, reason);
        assert!(
            had("session.revoked", "success", Some("refresh_token_reuse")),
            "{events:#?}"
        );
        assert!(had("password_reset.requested", "success", None));
        assert!(had("password.reset", "denied", Some("invalid_reset_token")));
        assert!(had("password.reset", "success", None));
        let reset = events
            .iter()
            .find(|e| e.entry.action == "password.reset" && e.entry.outcome.as_str() == "success")
            .unwrap();
        assert_eq!(reset.entry.actor, format!("user:{}", user_of(&ada.access)));
        app
    })
    .await;
}

#[tokio::test]
async fn membership_changes_are_recorded_in_the_workspace_log() {
    on_both_backends(auth_options, |app| async move {
        let ada = acme(&app).await;
        let token =
            crate::workspaces::invite(&app, &ada, "acme", "bob@example.com", "member").await;
        let bob = account(&app, "bob@example.com").await;
        let joined = send(
            &app,
            Method::POST,
            "/v1/invitations/accept",
            &bob.access,
            Some(json!({"token": token})),
        )
        .await;
        assert_eq!(joined.status(), 200);
        let bob_id = user_of(&bob.access);
        let member = format!("/v1/workspaces/acme/members/{bob_id}");
        let changed = send(
            &app,
            Method::PATCH,
            &member,
            &ada,
            Some(json!({"role": "admin"})),
        )
        .await;
        assert_eq!(changed.status(), 204);
        assert_eq!(
            send(&app, Method::DELETE, &member, &ada, None)
                .await
                .status(),
            204
        );
        let events = workspace_events(&app, &ada, "acme").await;
        let of = |action: &str| events.iter().find(|e| e["action"] == action).cloned();
        let accepted = of("invitation.accepted").expect("the join is in acme's log");
        assert_eq!(accepted["actor"], format!("user:{bob_id}"));
        let role = of("member.role_changed").unwrap();
        assert_eq!(
            (role["resource_id"].as_str(), role["reason"].as_str()),
            (Some(bob_id.as_str()), Some("admin"))
        );
        assert_eq!(of("member.removed").unwrap()["resource_id"], bob_id);
        app
    })
    .await;
}

#[tokio::test]
async fn deletions_revocations_and_operator_actions_are_recorded() {
    on_both_backends(auth_options, |app| async move {
        let ada = acme(&app).await;
        let ws = "/v1/workspaces/acme";
        let invited = send(
            &app,
            Method::POST,
            &format!("{ws}/invitations"),
            &ada,
            Some(json!({"email": "bob@example.com", "role": "member"})),
        )
        .await;
        let invitation: serde_json::Value = invited.json().await.unwrap();
        let id = invitation["id"].as_str().unwrap();
        assert_eq!(
            send(
                &app,
                Method::DELETE,
                &format!("{ws}/invitations/{id}"),
                &ada,
                None
            )
            .await
            .status(),
            204
        );
        send(
            &app,
            Method::POST,
            &format!("{ws}/collections"),
            &ada,
            Some(json!({"name": "notes"})),
        )
        .await;
        let schema = json!({"schema": {"type": "object"}});
        assert_eq!(
            send(
                &app,
                Method::PATCH,
                &format!("{ws}/collections/notes"),
                &ada,
                Some(schema)
            )
            .await
            .status(),
            200
        );
        assert_eq!(
            send(
                &app,
                Method::DELETE,
                &format!("{ws}/collections/notes"),
                &ada,
                None
            )
            .await
            .status(),
            204
        );
        let events = workspace_events(&app, &ada, "acme").await;
        for action in [
            "invitation.revoked",
            "collection.updated",
            "collection.deleted",
        ] {
            assert!(events.iter().any(|e| e["action"] == action), "no {action}");
        }
        let log = app.store.audit_log_of("acme").await.unwrap().unwrap();
        assert_eq!(
            send(&app, Method::DELETE, ws, &ada, None).await.status(),
            204
        );
        // Operators' commands act on the store directly, as `palisade keys` and `admin` do.
        palisade_service::auth::keys::rotate(
            app.store.as_ref(),
            &palisade_service::auth::keys::sealer(&app.state.platform().vault, &app.root)
                .await
                .unwrap(),
            app.clock.as_ref(),
            &palisade_core::OsSecureRng,
        )
        .await
        .unwrap();
        palisade_service::auth::create_access_code(
            app.store.as_ref(),
            app.clock.as_ref(),
            &palisade_core::OsSecureRng,
            Some(1),
            None,
        )
        .await
        .unwrap();
        let platform = log_events(&app, PLATFORM_LOG).await;
        let deleted = platform
            .iter()
            .find(|e| e.entry.action == "workspace.deleted")
            .expect("deletion is a platform event");
        assert_eq!(deleted.entry.actor, format!("user:{}", user_of(&ada)));
        assert_eq!(deleted.entry.resource_id.as_deref(), Some(log.as_str()));
        for action in ["signing_key.rotated", "access_code.created"] {
            let event = platform
                .iter()
                .rev()
                .find(|e| e.entry.action == action)
                .unwrap_or_else(|| panic!("no {action}"));
            assert_eq!(event.entry.actor, "system", "{action}");
        }
        app
    })
    .await;
}
