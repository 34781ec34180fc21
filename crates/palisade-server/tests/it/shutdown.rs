use crate::helpers::spawn_app;

#[tokio::test]
async fn shutdown_stops_accepting_and_returns_cleanly() {
    let mut app = spawn_app().await;
    assert_eq!(app.get("/healthz").await.status(), 200);
    app.shut_down().await.unwrap();
    let fresh_client = reqwest::Client::new();
    assert!(fresh_client.get(app.at("/healthz")).send().await.is_err());
    app.cleanup().await;
}
