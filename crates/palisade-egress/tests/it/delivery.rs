//! Real deliveries to receivers on loopback. Nothing here leaves the machine: every address is
//! 127.0.0.1, and names resolve through a StaticResolver.

use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};

use palisade_egress::{EgressPolicy, Failure, Refusal, StaticResolver};
use tokio::net::TcpListener;

use crate::support::{egress, policy, response, Receiver};

fn loopback() -> IpAddr {
    IpAddr::from([127, 0, 0, 1])
}

fn json() -> Vec<u8> {
    br#"{"a":1}"#.to_vec()
}

#[tokio::test]
async fn no_spelling_of_a_loopback_address_reaches_a_listener_that_is_not_allowlisted() {
    let canary = Receiver::silent().await;
    let port = canary.address.port();
    let resolver = StaticResolver::new()
        .with("alias.example", [loopback()])
        .with(
            "mixed.example",
            ["93.184.216.34".parse().unwrap(), loopback()],
        )
        .with("localhost", [loopback()]);
    let egress = egress(policy(&[]), resolver);
    let urls = [
        format!("http://127.0.0.1:{port}/"),
        format!("https://127.0.0.1:{port}/"),
        format!("http://2130706433:{port}/"),
        format!("http://0x7f000001:{port}/"),
        format!("http://0x7f.1:{port}/"),
        format!("http://0177.0.0.1:{port}/"),
        format!("http://127.1:{port}/"),
        format!("http://127.0.0.1.:{port}/"),
        format!("http://0.0.0.0:{port}/"),
        format!("http://0:{port}/"),
        format!("http://[::ffff:127.0.0.1]:{port}/"),
        format!("http://[::ffff:7f00:1]:{port}/"),
        format!("http://[::1]:{port}/"),
        format!("http://alias.example:{port}/"),
        format!("http://mixed.example:{port}/"),
        format!("http://localhost:{port}/"),
    ];
    for url in &urls {
        let outcome = egress.post(url, &[], json()).await;
        assert!(
            matches!(outcome, Err(Failure::Refused(_))),
            "{url}: {outcome:?}"
        );
    }
    assert_eq!(canary.accepted().await, 0);
}

#[tokio::test]
async fn an_allowlisted_receiver_gets_the_post_and_its_reply_comes_back() {
    let receiver = Receiver::answering(response("201 Created", "", b"thanks")).await;
    let egress = egress(policy(&[receiver.address]), StaticResolver::new());
    let url = format!("http://{}/hook", receiver.address);
    let reply = egress.post(&url, &[], json()).await.unwrap();
    assert_eq!(reply.status, 201);
    assert_eq!(reply.body, b"thanks");
    assert!(!reply.truncated);
}

#[tokio::test]
async fn the_request_carries_host_with_port_json_type_user_agent_length_and_caller_headers() {
    let receiver = Receiver::answering(response("204 No Content", "", b"")).await;
    let resolver = StaticResolver::new().with("hooks.test", [loopback()]);
    let egress = egress(policy(&[receiver.address]), resolver);
    let port = receiver.address.port();
    let headers = [
        ("webhook-id".to_owned(), "msg_1".to_owned()),
        ("webhook-signature".to_owned(), "v1,c2lnbmF0dXJl".to_owned()),
    ];
    let url = format!("http://hooks.test:{port}/in?tenant=7#fragment");
    let reply = egress.post(&url, &headers, json()).await.unwrap();
    assert_eq!(reply.status, 204);

    let requests = receiver.requests();
    let request = requests.first().unwrap();
    let head = request.to_ascii_lowercase();
    assert!(
        head.starts_with("post /in?tenant=7 http/1.1\r\n"),
        "{request}"
    );
    for line in [
        format!("host: hooks.test:{port}"),
        "content-type: application/json".to_owned(),
        "user-agent: palisade-webhooks/1".to_owned(),
        "content-length: 7".to_owned(),
        "webhook-id: msg_1".to_owned(),
        "webhook-signature: v1,c2lnbmF0dXJl".to_owned(),
    ] {
        let wanted = format!("\r\n{}\r\n", line.to_ascii_lowercase());
        assert!(head.contains(&wanted), "missing {line}:\n{request}");
    }
    assert!(request.ends_with("\r\n\r\n{\"a\":1}"), "{request}");
}

#[tokio::test]
async fn the_same_allowlisted_ip_on_another_port_is_refused() {
    let receiver = Receiver::answering(response("200 OK", "", b"")).await;
    let other = Receiver::silent().await;
    let egress = egress(policy(&[receiver.address]), StaticResolver::new());
    let outcome = egress
        .post(&format!("http://{}/", other.address), &[], json())
        .await;
    assert!(
        matches!(
            outcome,
            Err(Failure::Refused(Refusal::ForbiddenAddress {
                range: "loopback",
                ..
            }))
        ),
        "{outcome:?}"
    );
    assert_eq!(other.accepted().await, 0);
    assert_eq!(receiver.accepted().await, 0);
}

#[tokio::test]
async fn a_redirect_is_returned_as_a_reply_and_never_followed() {
    let canary = Receiver::silent().await;
    let location = format!("location: http://{}/\r\n", canary.address);
    let receiver = Receiver::answering(response("302 Found", &location, b"")).await;
    // Even with the canary allowlisted, the client must not go there on its own.
    let egress = egress(
        policy(&[receiver.address, canary.address]),
        StaticResolver::new(),
    );
    let url = format!("http://{}/", receiver.address);
    let reply = egress.post(&url, &[], json()).await.unwrap();
    assert_eq!(reply.status, 302);
    assert_eq!(canary.accepted().await, 0);
}

#[tokio::test]
async fn a_large_response_body_is_read_only_up_to_the_cap() {
    let huge = vec![b'x'; 1024 * 1024];
    let receiver = Receiver::answering(response("200 OK", "", &huge)).await;
    let egress = egress(policy(&[receiver.address]), StaticResolver::new());
    let url = format!("http://{}/", receiver.address);
    let reply = egress.post(&url, &[], json()).await.unwrap();
    assert_eq!(reply.body.len(), EgressPolicy::default().max_response_bytes);
    assert!(reply.truncated);
}

#[tokio::test]
async fn a_body_exactly_at_the_cap_is_not_marked_truncated() {
    let receiver = Receiver::answering(response("200 OK", "", b"0123456789")).await;
    let capped = EgressPolicy {
        max_response_bytes: 10,
        ..policy(&[receiver.address])
    };
    let egress = egress(capped, StaticResolver::new());
    let url = format!("http://{}/", receiver.address);
    let reply = egress.post(&url, &[], json()).await.unwrap();
    assert_eq!(reply.body, b"0123456789");
    assert!(!reply.truncated);
}

#[tokio::test]
async fn a_receiver_that_never_answers_times_out() {
    let receiver = Receiver::silent().await;
    let quick = EgressPolicy {
        timeout: Duration::from_millis(300),
        ..policy(&[receiver.address])
    };
    let egress = egress(quick, StaticResolver::new());
    let started = Instant::now();
    let outcome = egress
        .post(&format!("http://{}/", receiver.address), &[], json())
        .await;
    assert!(matches!(outcome, Err(Failure::Timeout)), "{outcome:?}");
    assert!(started.elapsed() < Duration::from_secs(3));
    assert_eq!(receiver.accepted().await, 1);
}

#[tokio::test]
async fn https_to_a_receiver_that_does_not_speak_tls_fails_as_tls_failed() {
    let receiver = Receiver::blurting(response("200 OK", "", b"plain")).await;
    let egress = egress(policy(&[receiver.address]), StaticResolver::new());
    let outcome = egress
        .post(&format!("https://{}/", receiver.address), &[], json())
        .await;
    assert!(matches!(outcome, Err(Failure::Tls(_))), "{outcome:?}");
}

#[tokio::test]
async fn an_allowlisted_address_with_nothing_listening_fails_as_connect_failed() {
    let vacant: SocketAddr = {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        listener.local_addr().unwrap()
    };
    let egress = egress(policy(&[vacant]), StaticResolver::new());
    let outcome = egress.post(&format!("http://{vacant}/"), &[], json()).await;
    assert!(matches!(outcome, Err(Failure::Connect(_))), "{outcome:?}");
}

#[tokio::test]
async fn a_caller_may_not_set_the_host_header() {
    let receiver = Receiver::answering(response("200 OK", "", b"")).await;
    let egress = egress(policy(&[receiver.address]), StaticResolver::new());
    let headers = [("Host".to_owned(), "internal.example".to_owned())];
    let outcome = egress
        .post(&format!("http://{}/", receiver.address), &headers, json())
        .await;
    assert!(matches!(outcome, Err(Failure::Http(_))), "{outcome:?}");
    assert_eq!(receiver.accepted().await, 0);
}

#[tokio::test]
async fn an_invalid_header_value_is_refused_without_repeating_it() {
    let receiver = Receiver::answering(response("200 OK", "", b"")).await;
    let egress = egress(policy(&[receiver.address]), StaticResolver::new());
    let headers = [(
        "webhook-signature".to_owned(),
        "v1,secret\r\nx: y".to_owned(),
    )];
    let outcome = egress
        .post(&format!("http://{}/", receiver.address), &headers, json())
        .await;
    let Err(failure @ Failure::Http(_)) = outcome else {
        panic!("expected an http_error, got {outcome:?}");
    };
    assert!(!failure.to_string().contains("secret"), "{failure}");
    assert_eq!(receiver.accepted().await, 0);
}
