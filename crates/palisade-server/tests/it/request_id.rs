use crate::helpers::spawn_app;

#[tokio::test]
async fn a_request_id_is_generated_when_none_is_sent() {
    let app = spawn_app().await;
    let first = app.get("/healthz").await.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    let second = app.get("/healthz").await.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(first.starts_with("req_"), "{first}");
    assert_ne!(first, second);
    app.cleanup().await;
}

#[tokio::test]
async fn a_plain_incoming_request_id_is_propagated() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(app.at("/healthz"))
        .header("x-request-id", "lb-7f3a.42:9")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["x-request-id"], "lb-7f3a.42:9");
    app.cleanup().await;
}

#[tokio::test]
async fn an_unsafe_or_oversized_request_id_is_replaced() {
    let app = spawn_app().await;
    for sent in ["<script>alert(1)</script>", &"a".repeat(200), "has space"] {
        let response = app
            .client
            .get(app.at("/healthz"))
            .header("x-request-id", sent)
            .send()
            .await
            .unwrap();
        let returned = response.headers()["x-request-id"]
            .to_str()
            .unwrap()
            .to_owned();
        assert_ne!(returned, sent);
        assert!(returned.starts_with("req_"), "{returned}");
    }
    app.cleanup().await;
}
