//! HTTPS served by Palisade itself: TLS 1.2 and 1.3 only, AEAD suites only.

use crate::helpers::{spawn_app_with, AppOptions, TestApp};
use rustls::crypto::ring;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName};
use rustls::{ClientConfig, ProtocolVersion, RootCertStore, SupportedProtocolVersion};
use std::os::unix::fs::PermissionsExt;
use std::sync::Arc;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;

const ALERT: u8 = 0x15;
const HANDSHAKE: u8 = 0x16;
const FATAL: u8 = 2;
const PROTOCOL_VERSION_ALERT: u8 = 70;
const HANDSHAKE_FAILURE_ALERT: u8 = 40;

async fn tls_app() -> TestApp {
    spawn_app_with(AppOptions::default().set("tls_self_signed", true))
        .await
        .unwrap()
}

fn trusting(app: &TestApp, versions: &[&'static SupportedProtocolVersion]) -> Arc<ClientConfig> {
    let cert = app.data_dir.path().join("data/tls/self-signed.crt");
    let mut roots = RootCertStore::empty();
    for cert in CertificateDer::pem_file_iter(cert).unwrap() {
        roots.add(cert.unwrap()).unwrap();
    }
    let config = ClientConfig::builder_with_provider(Arc::new(ring::default_provider()))
        .with_protocol_versions(versions)
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
    Arc::new(config)
}

/// GET /healthz over TLS; returns the negotiated version and the raw HTTP response.
async fn https_get(app: &TestApp, config: Arc<ClientConfig>) -> (ProtocolVersion, String) {
    let tcp = TcpStream::connect(app.addr).await.unwrap();
    let name = ServerName::try_from("localhost").unwrap();
    let mut tls = TlsConnector::from(config).connect(name, tcp).await.unwrap();
    let version = tls.get_ref().1.protocol_version().unwrap();
    tls.write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut response = Vec::new();
    tls.read_to_end(&mut response).await.unwrap();
    (version, String::from_utf8_lossy(&response).into_owned())
}

/// A hand-built ClientHello, so the test can offer what no modern client library will.
fn client_hello(version: u16, cipher_suites: &[u16]) -> Vec<u8> {
    let mut body = version.to_be_bytes().to_vec();
    body.extend([7u8; 32]);
    body.push(0);
    body.extend(
        u16::try_from(cipher_suites.len() * 2)
            .unwrap()
            .to_be_bytes(),
    );
    for suite in cipher_suites {
        body.extend(suite.to_be_bytes());
    }
    body.extend([1, 0]);
    let extensions: &[u8] = &[
        0x00, 0x0a, 0x00, 0x06, 0x00, 0x04, 0x00, 0x1d, 0x00, 0x17, // groups: x25519, P-256
        0x00, 0x0b, 0x00, 0x02, 0x01, 0x00, // point formats: uncompressed
        0x00, 0x0d, 0x00, 0x08, 0x00, 0x06, 0x04, 0x03, 0x08, 0x04, 0x08,
        0x07, // signature algorithms
    ];
    body.extend(u16::try_from(extensions.len()).unwrap().to_be_bytes());
    body.extend(extensions);
    let len = body.len();
    let mut handshake = vec![0x01, (len >> 16) as u8, (len >> 8) as u8, len as u8];
    handshake.extend(body);
    let mut record = vec![HANDSHAKE, 0x03, 0x01];
    record.extend(u16::try_from(handshake.len()).unwrap().to_be_bytes());
    record.extend(handshake);
    record
}

/// Sends a raw ClientHello; returns the first record's type and its first two payload bytes.
async fn first_reply(app: &TestApp, hello: Vec<u8>) -> (u8, [u8; 2]) {
    let mut tcp = TcpStream::connect(app.addr).await.unwrap();
    tcp.write_all(&hello).await.unwrap();
    let mut header = [0u8; 7];
    tcp.read_exact(&mut header).await.unwrap();
    (header[0], [header[5], header[6]])
}

#[tokio::test]
async fn tls_1_3_is_negotiated_and_serves_the_api() {
    let app = tls_app().await;
    assert!(app.url.starts_with("https://"));
    let (version, response) = https_get(&app, trusting(&app, &[&rustls::version::TLS13])).await;
    assert_eq!(version, ProtocolVersion::TLSv1_3);
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(
        response.contains("strict-transport-security: max-age=63072000"),
        "{response}"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn tls_1_2_is_still_accepted() {
    let app = tls_app().await;
    let (version, response) = https_get(&app, trusting(&app, &[&rustls::version::TLS12])).await;
    assert_eq!(version, ProtocolVersion::TLSv1_2);
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    app.cleanup().await;
}

#[tokio::test]
async fn a_well_formed_tls_1_2_hello_with_an_aead_suite_gets_a_server_hello() {
    // Proves the hand-built hello is sound, so the refusals below are about policy.
    let app = tls_app().await;
    let (record, _) = first_reply(&app, client_hello(0x0303, &[0xc02b, 0xc02f])).await;
    assert_eq!(record, HANDSHAKE);
    app.cleanup().await;
}

#[tokio::test]
async fn tls_1_1_is_refused() {
    let app = tls_app().await;
    let (record, alert) = first_reply(
        &app,
        client_hello(0x0302, &[0xc02b, 0xc02f, 0xc013, 0x002f]),
    )
    .await;
    assert_eq!((record, alert), (ALERT, [FATAL, PROTOCOL_VERSION_ALERT]));
    app.cleanup().await;
}

#[tokio::test]
async fn non_aead_cipher_suites_are_refused() {
    let app = tls_app().await;
    // ECDHE-ECDSA/RSA-AES128-CBC-SHA(256) and RSA-AES128-CBC-SHA only.
    let (record, alert) = first_reply(
        &app,
        client_hello(0x0303, &[0xc009, 0xc013, 0xc023, 0xc027, 0x002f]),
    )
    .await;
    assert_eq!((record, alert), (ALERT, [FATAL, HANDSHAKE_FAILURE_ALERT]));
    app.cleanup().await;
}

#[tokio::test]
async fn the_self_signed_private_key_is_owner_only() {
    let app = tls_app().await;
    let key = app.data_dir.path().join("data/tls/self-signed.key");
    assert_eq!(
        std::fs::metadata(key).unwrap().permissions().mode() & 0o777,
        0o600
    );
    app.cleanup().await;
}

#[tokio::test]
async fn handshakes_beyond_the_limit_are_closed_at_once_and_the_server_recovers() {
    let app = spawn_app_with(
        AppOptions::default()
            .set("tls_self_signed", true)
            .set("tls_handshake_limit", 1),
    )
    .await
    .unwrap();
    let config = trusting(&app, &[&rustls::version::TLS13]);
    // A client that connects and never says hello holds the only handshake slot.
    let idle = TcpStream::connect(app.addr).await.unwrap();
    let tcp = TcpStream::connect(app.addr).await.unwrap();
    let name = ServerName::try_from("localhost").unwrap();
    let refused = TlsConnector::from(Arc::clone(&config))
        .connect(name, tcp)
        .await;
    assert!(
        refused.is_err(),
        "the second handshake is closed, not queued"
    );
    drop(idle);
    // The slot frees as soon as the server sees the idle client go.
    let mut served = None;
    for _ in 0..200 {
        let tcp = TcpStream::connect(app.addr).await.unwrap();
        let name = ServerName::try_from("localhost").unwrap();
        if let Ok(mut tls) = TlsConnector::from(Arc::clone(&config))
            .connect(name, tcp)
            .await
        {
            tls.write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .await
                .unwrap();
            let mut response = Vec::new();
            tls.read_to_end(&mut response).await.unwrap();
            served = Some(String::from_utf8_lossy(&response).into_owned());
            break;
        }
        tokio::task::yield_now().await;
    }
    assert!(served.unwrap().starts_with("HTTP/1.1 200"));
    app.cleanup().await;
}

#[tokio::test]
async fn one_client_cannot_hold_every_handshake_slot() {
    let app = tls_app().await;
    let config = trusting(&app, &[&rustls::version::TLS13]);
    let per_client = palisade_server::tls::HANDSHAKES_PER_CLIENT;
    let mut idle = Vec::new();
    for _ in 0..per_client {
        idle.push(TcpStream::connect(app.addr).await.unwrap());
    }
    let name = ServerName::try_from("localhost").unwrap();
    let same_host = TcpStream::connect(app.addr).await.unwrap();
    let refused = TlsConnector::from(Arc::clone(&config))
        .connect(name.clone(), same_host)
        .await;
    assert!(
        refused.is_err(),
        "the host already holds its share of handshakes"
    );
    let other_host = tokio::net::TcpSocket::new_v4().unwrap();
    other_host.bind("127.0.0.2:0".parse().unwrap()).unwrap();
    let other_host = other_host.connect(app.addr).await.unwrap();
    let served = TlsConnector::from(config).connect(name, other_host).await;
    assert!(served.is_ok(), "another host still gets a handshake");
    drop(idle);
    app.cleanup().await;
}
