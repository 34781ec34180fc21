use crate::accounts::{account, auth_options, get_with, refresh, Tokens};
use crate::helpers::{on_both_backends, problem};
use time::Duration;

#[tokio::test]
async fn a_refresh_token_is_exchanged_for_a_new_pair() {
    on_both_backends(auth_options, |app| async move {
        let first = account(&app, "ada@example.com").await;
        let response = refresh(&app, &first.refresh).await;
        assert_eq!(response.status(), 200);
        let second = Tokens::from(response.json::<serde_json::Value>().await.unwrap());
        assert_ne!(second.refresh, first.refresh);
        assert_eq!(get_with(&app, "/v1/me", &second.access).await.status(), 200);
        app
    })
    .await;
}

#[tokio::test]
async fn reusing_a_spent_refresh_token_revokes_the_whole_session() {
    on_both_backends(auth_options, |app| async move {
        let first = account(&app, "ada@example.com").await;
        let second = Tokens::from(
            refresh(&app, &first.refresh)
                .await
                .json::<serde_json::Value>()
                .await
                .unwrap(),
        );
        app.clock.advance(Duration::seconds(11));

        let reuse = refresh(&app, &first.refresh).await;
        assert_eq!(reuse.status(), 401);
        assert_eq!(problem(reuse).await["code"], "refresh_token_reused");
        // The thief's and the owner's tokens of that session are all dead now.
        assert_eq!(refresh(&app, &second.refresh).await.status(), 401);
        let me = get_with(&app, "/v1/me", &second.access).await;
        assert_eq!(me.status(), 401);
        assert_eq!(problem(me).await["code"], "session_revoked");
        app
    })
    .await;
}

#[tokio::test]
async fn a_repeat_within_the_grace_window_gets_the_same_successor() {
    on_both_backends(auth_options, |app| async move {
        let first = account(&app, "ada@example.com").await;
        let tab_one = Tokens::from(
            refresh(&app, &first.refresh)
                .await
                .json::<serde_json::Value>()
                .await
                .unwrap(),
        );
        app.clock.advance(Duration::seconds(9));
        let response = refresh(&app, &first.refresh).await;
        assert_eq!(response.status(), 200);
        let tab_two = Tokens::from(response.json::<serde_json::Value>().await.unwrap());
        assert_eq!(tab_two.refresh, tab_one.refresh);
        // The session is intact and the successor still rotates.
        assert_eq!(refresh(&app, &tab_one.refresh).await.status(), 200);
        app
    })
    .await;
}

#[tokio::test]
async fn a_repeat_after_the_successor_was_used_is_reuse_even_within_grace() {
    on_both_backends(auth_options, |app| async move {
        let first = account(&app, "ada@example.com").await;
        let second = Tokens::from(
            refresh(&app, &first.refresh)
                .await
                .json::<serde_json::Value>()
                .await
                .unwrap(),
        );
        assert_eq!(refresh(&app, &second.refresh).await.status(), 200);
        let reuse = refresh(&app, &first.refresh).await;
        assert_eq!(problem(reuse).await["code"], "refresh_token_reused");
        app
    })
    .await;
}

#[tokio::test]
async fn an_unknown_refresh_token_is_refused() {
    on_both_backends(auth_options, |app| async move {
        let response = refresh(&app, "palr_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").await;
        assert_eq!(response.status(), 401);
        assert_eq!(problem(response).await["code"], "invalid_refresh_token");
        app
    })
    .await;
}

#[tokio::test]
async fn a_session_unused_for_the_idle_timeout_expires() {
    on_both_backends(auth_options, |app| async move {
        let tokens = account(&app, "ada@example.com").await;
        app.clock.advance(Duration::days(7) + Duration::seconds(1));
        let response = refresh(&app, &tokens.refresh).await;
        assert_eq!(response.status(), 401);
        assert_eq!(problem(response).await["code"], "session_expired");
        app
    })
    .await;
}

#[tokio::test]
async fn a_session_in_use_still_ends_at_the_absolute_timeout() {
    on_both_backends(auth_options, |app| async move {
        let mut tokens = account(&app, "ada@example.com").await;
        // Refreshing every six days keeps the session from idling out...
        for _ in 0..4 {
            app.clock.advance(Duration::days(6));
            let response = refresh(&app, &tokens.refresh).await;
            assert_eq!(response.status(), 200);
            tokens = Tokens::from(response.json::<serde_json::Value>().await.unwrap());
        }
        // ...but not beyond thirty days in all.
        app.clock.advance(Duration::days(6));
        let response = refresh(&app, &tokens.refresh).await;
        assert_eq!(problem(response).await["code"], "session_expired");
        app
    })
    .await;
}

#[tokio::test]
async fn an_access_token_expires_after_fifteen_minutes_plus_leeway() {
    on_both_backends(auth_options, |app| async move {
        let tokens = account(&app, "ada@example.com").await;
        app.clock
            .advance(Duration::minutes(15) + Duration::seconds(30));
        assert_eq!(get_with(&app, "/v1/me", &tokens.access).await.status(), 200);
        app.clock.advance(Duration::seconds(1));
        let response = get_with(&app, "/v1/me", &tokens.access).await;
        assert_eq!(response.status(), 401);
        assert_eq!(problem(response).await["code"], "invalid_token");
        app
    })
    .await;
}

#[tokio::test]
async fn a_refresh_without_a_body_presents_no_token_and_is_401() {
    let app = crate::helpers::spawn_app_with(crate::accounts::auth_options())
        .await
        .unwrap();
    let response = app
        .client
        .post(app.at("/v1/auth/refresh"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    assert_eq!(
        crate::helpers::problem(response).await["code"],
        "invalid_refresh_token"
    );
    let null = app
        .client
        .post(app.at("/v1/auth/refresh"))
        .header("content-type", "application/json")
        .body("null")
        .send()
        .await
        .unwrap();
    assert_eq!(null.status(), 401);
    app.cleanup().await;
}
