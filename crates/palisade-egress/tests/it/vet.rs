//! Vetting and the checks around it, without any network.

use std::io;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use palisade_egress::{check_url, Egress, EgressPolicy, Failure, Refusal, Resolve, StaticResolver};

fn ip(text: &str) -> IpAddr {
    text.parse().unwrap()
}

fn egress_with(resolver: StaticResolver) -> Egress {
    Egress::new(EgressPolicy::default(), Arc::new(resolver))
}

#[tokio::test]
async fn vet_returns_every_resolved_address_with_the_url_port() {
    let resolver = StaticResolver::new().with(
        "hooks.example",
        [
            ip("93.184.216.34"),
            ip("2606:4700::1111"),
            ip("93.184.216.34"),
        ],
    );
    let vetted = egress_with(resolver)
        .vet("https://hooks.example:8443/in?x=1")
        .await
        .unwrap();
    assert_eq!(vetted.url.path(), "/in");
    assert_eq!(
        vetted.addresses,
        vec![
            SocketAddr::new(ip("93.184.216.34"), 8443),
            SocketAddr::new(ip("2606:4700::1111"), 8443),
        ]
    );
}

#[tokio::test]
async fn vet_of_a_public_literal_needs_no_resolver() {
    let vetted = egress_with(StaticResolver::new())
        .vet("https://93.184.216.34/hook")
        .await
        .unwrap();
    assert_eq!(
        vetted.addresses,
        vec![SocketAddr::new(ip("93.184.216.34"), 443)]
    );
}

#[tokio::test]
async fn vet_refuses_a_host_the_resolver_cannot_find() {
    let refusal = egress_with(StaticResolver::new())
        .vet("https://nowhere.example/")
        .await
        .unwrap_err();
    assert_eq!(refusal, Refusal::Unresolvable);
}

#[derive(Debug)]
struct Hanging;

#[async_trait]
impl Resolve for Hanging {
    async fn resolve(&self, _host: &str, _port: u16) -> io::Result<Vec<IpAddr>> {
        std::future::pending().await
    }
}

#[tokio::test]
async fn vet_gives_up_on_a_resolver_that_never_answers() {
    let policy = EgressPolicy {
        timeout: Duration::from_millis(100),
        ..EgressPolicy::default()
    };
    let egress = Egress::new(policy, Arc::new(Hanging));
    assert_eq!(
        egress.vet("https://slow.example/").await.unwrap_err(),
        Refusal::Unresolvable
    );
}

#[test]
fn check_url_admits_an_ordinary_https_url() {
    let url = check_url("https://hooks.example.com/in", &EgressPolicy::default()).unwrap();
    assert_eq!(url.host_str(), Some("hooks.example.com"));
}

#[test]
fn check_url_admits_plain_http_only_when_the_policy_allows_it() {
    let allow = EgressPolicy {
        allow_http: true,
        ..EgressPolicy::default()
    };
    assert!(check_url("http://example.com/", &allow).is_ok());
    assert_eq!(
        check_url("http://example.com/", &EgressPolicy::default()),
        Err(Refusal::Scheme)
    );
    assert_eq!(
        check_url("ftp://example.com/", &allow),
        Err(Refusal::Scheme)
    );
}

#[test]
fn the_allowlist_admits_a_forbidden_literal_only_on_its_exact_port() {
    let policy = EgressPolicy {
        allowlist: vec!["127.0.0.1:8443".parse().unwrap()],
        ..EgressPolicy::default()
    };
    assert!(check_url("https://127.0.0.1:8443/", &policy).is_ok());
    assert!(matches!(
        check_url("https://127.0.0.1:8444/", &policy),
        Err(Refusal::ForbiddenAddress { .. })
    ));
    assert!(matches!(
        check_url("https://127.0.0.2:8443/", &policy),
        Err(Refusal::ForbiddenAddress { .. })
    ));
}

#[test]
fn a_refusal_message_never_repeats_the_credentials() {
    let refusal = check_url(
        "https://admin:hunter2@example.com/",
        &EgressPolicy::default(),
    )
    .unwrap_err();
    let message = refusal.to_string();
    assert!(
        !message.contains("hunter2") && !message.contains("admin"),
        "{message}"
    );
    assert!(message.contains("user name or password"), "{message}");
}

#[test]
fn refusal_and_failure_codes_are_stable() {
    let forbidden = Refusal::ForbiddenAddress {
        address: ip("127.0.0.1"),
        range: "loopback",
    };
    let codes = [
        Refusal::Malformed.code(),
        Refusal::Scheme.code(),
        Refusal::Userinfo.code(),
        forbidden.code(),
        Refusal::Unresolvable.code(),
        Failure::Refused(Refusal::Scheme).code(),
        Failure::Timeout.code(),
        Failure::Connect(String::new()).code(),
        Failure::Tls(String::new()).code(),
        Failure::Http(String::new()).code(),
    ];
    assert_eq!(
        codes,
        [
            "malformed_url",
            "scheme_not_allowed",
            "userinfo_not_allowed",
            "forbidden_address",
            "unresolvable_host",
            "scheme_not_allowed",
            "timeout",
            "connect_failed",
            "tls_failed",
            "http_error",
        ]
    );
}

#[test]
fn a_forbidden_address_message_names_the_address_and_its_range() {
    let refusal =
        check_url("https://169.254.169.254/latest/", &EgressPolicy::default()).unwrap_err();
    assert_eq!(
        refusal.to_string(),
        "the host is or resolves to an address in a forbidden range (cloud metadata)"
    );
}

#[test]
fn default_policy_is_https_only_ten_seconds_and_sixty_four_kib() {
    let policy = EgressPolicy::default();
    assert!(!policy.allow_http);
    assert!(policy.allowlist.is_empty());
    assert_eq!(policy.timeout, Duration::from_secs(10));
    assert_eq!(policy.max_response_bytes, 64 * 1024);
}
