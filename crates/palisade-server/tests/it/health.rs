use crate::helpers::{on_both_backends, problem, AppOptions};

#[tokio::test]
async fn healthz_answers_ok_on_both_backends() {
    on_both_backends(AppOptions::default, |app| async move {
        let response = app.get("/healthz").await;
        assert_eq!(response.status(), 200);
        assert_eq!(
            response.json::<serde_json::Value>().await.unwrap()["status"],
            "ok"
        );
        app
    })
    .await;
}

#[tokio::test]
async fn readyz_is_ready_when_the_database_answers() {
    on_both_backends(AppOptions::default, |app| async move {
        let response = app.get("/readyz").await;
        assert_eq!(response.status(), 200);
        assert_eq!(
            response.json::<serde_json::Value>().await.unwrap()["status"],
            "ready"
        );
        app
    })
    .await;
}

#[tokio::test]
async fn readyz_is_503_when_the_database_is_gone() {
    on_both_backends(AppOptions::default, |app| async move {
        app.store.close().await;
        let response = app.get("/readyz").await;
        assert_eq!(response.status(), 503);
        assert_eq!(response.headers()["retry-after"], "5");
        let body = problem(response).await;
        assert_eq!(body["code"], "database_unavailable");
        // Liveness does not depend on the database.
        assert_eq!(app.get("/healthz").await.status(), 200);
        app
    })
    .await;
}
