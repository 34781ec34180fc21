//! Delivery over SMTP, against a minimal SMTP sink on loopback.

use crate::accounts::{auth_options, signup};
use crate::helpers::spawn_app_with;
use palisade_service::mail::MailTransport;
use secrecy::SecretString;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// Accepts one SMTP session and hands back the message data it received.
async fn smtp_sink() -> (u16, oneshot::Receiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = oneshot::channel();
    tokio::spawn(async move {
        let (stream, _) = listener.accept().await.unwrap();
        let (read, mut write) = stream.into_split();
        let mut lines = BufReader::new(read).lines();
        write.write_all(b"220 sink ESMTP\r\n").await.unwrap();
        let mut data = String::new();
        let mut in_data = false;
        while let Ok(Some(line)) = lines.next_line().await {
            if in_data {
                if line == "." {
                    in_data = false;
                    write.write_all(b"250 queued\r\n").await.unwrap();
                } else {
                    data.push_str(&line);
                    data.push('\n');
                }
                continue;
            }
            let verb = line
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_ascii_uppercase();
            let reply: &[u8] = match verb.as_str() {
                "EHLO" | "HELO" => b"250 sink\r\n",
                "DATA" => {
                    in_data = true;
                    b"354 go ahead\r\n"
                }
                "QUIT" => {
                    write.write_all(b"221 bye\r\n").await.unwrap();
                    break;
                }
                _ => b"250 ok\r\n",
            };
            write.write_all(reply).await.unwrap();
        }
        let _ = tx.send(data);
    });
    (port, rx)
}

#[tokio::test]
async fn mail_is_delivered_over_smtp_when_configured() {
    let app = spawn_app_with(auth_options()).await.unwrap();
    signup(&app, "ada@example.com").await;
    app.client
        .post(app.at("/v1/auth/password-reset"))
        .json(&serde_json::json!({"email": "ada@example.com"}))
        .send()
        .await
        .unwrap();
    app.state.platform().tasks().idle().await;

    let (port, received) = smtp_sink().await;
    let url = SecretString::from(format!("smtp://127.0.0.1:{port}"));
    let transport =
        MailTransport::from_config(Some(&url), app.data_dir.path().join("unused")).unwrap();
    assert_eq!(
        app.state
            .platform()
            .mail
            .deliver_due(&transport)
            .await
            .unwrap(),
        1
    );
    let message = received.await.unwrap();
    assert!(message.contains("To: ada@example.com"), "{message}");
    assert!(
        message.contains("Subject: Reset your password"),
        "{message}"
    );
    assert!(message.contains("palpr_"), "{message}");
    app.cleanup().await;
}
