//! A table of hostile URLs, every one of which must be refused for the stated reason.

use std::net::IpAddr;
use std::sync::Arc;

use palisade_egress::{check_url, Egress, EgressPolicy, Refusal, StaticResolver};

#[derive(Debug, Clone, Copy)]
enum Expect {
    Malformed,
    Scheme,
    Userinfo,
    /// A forbidden address whose range name contains this text (case-insensitive).
    Forbidden(&'static str),
    Unresolvable,
}

fn fits(refusal: &Refusal, expect: Expect) -> bool {
    match (refusal, expect) {
        (Refusal::Malformed, Expect::Malformed)
        | (Refusal::Scheme, Expect::Scheme)
        | (Refusal::Userinfo, Expect::Userinfo)
        | (Refusal::Unresolvable, Expect::Unresolvable) => true,
        (Refusal::ForbiddenAddress { range, .. }, Expect::Forbidden(name)) => range
            .to_ascii_lowercase()
            .contains(&name.to_ascii_lowercase()),
        _ => false,
    }
}

/// Hosts that are addresses (or not URLs at all): refused without any resolution.
fn literal_rows() -> Vec<(String, Expect)> {
    use Expect::*;
    let rows: &[(&str, Expect)] = &[
        // Every spelling of 127.0.0.1 the WHATWG parser accepts.
        ("https://127.0.0.1/", Forbidden("loopback")),
        ("https://127.0.0.1:8443/admin", Forbidden("loopback")),
        ("https://2130706433/", Forbidden("loopback")),
        ("https://0177.0.0.1/", Forbidden("loopback")),
        ("https://017700000001/", Forbidden("loopback")),
        ("https://0x7f.1/", Forbidden("loopback")),
        ("https://0x7f000001/", Forbidden("loopback")),
        ("https://0x7f.0x0.0x0.0x1/", Forbidden("loopback")),
        ("https://127.1/", Forbidden("loopback")),
        ("https://127.0.1/", Forbidden("loopback")),
        ("https://127.0.0.1./", Forbidden("loopback")),
        ("https://127.255.255.254/", Forbidden("loopback")),
        ("http://0.0.0.0/", Scheme),
        ("https://0.0.0.0/", Forbidden("this network")),
        ("https://0/", Forbidden("this network")),
        ("https://10.0.0.1/", Forbidden("private-use")),
        ("https://172.16.0.1/", Forbidden("private-use")),
        ("https://172.31.255.255/", Forbidden("private-use")),
        ("https://192.168.1.1/", Forbidden("private-use")),
        ("https://100.64.0.1/", Forbidden("shared address space")),
        (
            "https://169.254.169.254/latest/meta-data/",
            Forbidden("cloud metadata"),
        ),
        ("https://169.254.1.1/", Forbidden("link-local")),
        ("https://192.0.0.8/", Forbidden("IETF protocol assignments")),
        ("https://192.0.2.1/", Forbidden("documentation")),
        ("https://198.51.100.7/", Forbidden("documentation")),
        ("https://203.0.113.9/", Forbidden("documentation")),
        ("https://198.18.0.1/", Forbidden("benchmarking")),
        ("https://198.19.255.255/", Forbidden("benchmarking")),
        ("https://192.88.99.1/", Forbidden("6to4 relay")),
        ("https://192.31.196.1/", Forbidden("AS112")),
        ("https://192.52.193.1/", Forbidden("AMT")),
        ("https://192.175.48.1/", Forbidden("AS112")),
        ("https://224.0.0.1/", Forbidden("multicast")),
        ("https://239.255.255.250/", Forbidden("multicast")),
        ("https://240.0.0.1/", Forbidden("reserved")),
        ("https://255.255.255.255/", Forbidden("broadcast")),
        ("https://[::1]/", Forbidden("loopback")),
        ("https://[::]/", Forbidden("unspecified")),
        ("https://[::ffff:127.0.0.1]/", Forbidden("IPv4-mapped")),
        ("https://[::ffff:7f00:1]/", Forbidden("IPv4-mapped")),
        (
            "https://[0:0:0:0:0:ffff:a9fe:a9fe]/",
            Forbidden("IPv4-mapped"),
        ),
        ("https://[::ffff:8.8.8.8]/", Forbidden("IPv4-mapped")),
        ("https://[::127.0.0.1]/", Forbidden("IPv4-compatible")),
        (
            "https://[::ffff:0:7f00:1]/",
            Forbidden("not global unicast"),
        ),
        ("https://[64:ff9b::a9fe:a9fe]/", Forbidden("NAT64")),
        ("https://[64:ff9b:1::a00:1]/", Forbidden("translation")),
        ("https://[100::1]/", Forbidden("discard")),
        (
            "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
            Forbidden("Teredo"),
        ),
        ("https://[2001:2::1]/", Forbidden("benchmarking")),
        ("https://[2001:20::1]/", Forbidden("ORCHID")),
        (
            "https://[2001:1::1]/",
            Forbidden("IETF protocol assignments"),
        ),
        ("https://[2001:db8::1]/", Forbidden("documentation")),
        ("https://[3fff::1]/", Forbidden("documentation")),
        ("https://[2002:7f00:1::]/", Forbidden("6to4")),
        ("https://[5f00::1]/", Forbidden("SRv6")),
        ("https://[fd00:ec2::254]/", Forbidden("cloud metadata")),
        ("https://[fc00::1]/", Forbidden("unique-local")),
        ("https://[fdff:ffff::1]/", Forbidden("unique-local")),
        ("https://[fe80::1]/", Forbidden("link-local")),
        ("https://[fec0::1]/", Forbidden("site-local")),
        ("https://[ff02::1]/", Forbidden("multicast")),
        // The URL parser rejects zone identifiers, which is a refusal all the same.
        ("https://[fe80::1%25eth0]/", Malformed),
        // Schemes other than https.
        ("http://example.com/", Scheme),
        ("ftp://example.com/file", Scheme),
        ("file:///etc/passwd", Scheme),
        ("gopher://example.com:70/_GET", Scheme),
        ("dict://127.0.0.1:11211/stat", Scheme),
        ("ldap://example.com/", Scheme),
        ("ws://example.com/socket", Scheme),
        ("javascript:alert(1)", Scheme),
        ("data:text/plain,hello", Scheme),
        // Credentials, including the classic "looks like example.com" trick.
        ("https://user:pass@example.com/", Userinfo),
        ("https://user@example.com/", Userinfo),
        ("https://:pass@example.com/", Userinfo),
        ("https://example.com@127.0.0.1/", Userinfo),
        // Not URLs.
        ("", Malformed),
        ("not a url", Malformed),
        ("https://", Malformed),
        ("https://exa mple.com/", Malformed),
        ("https://[::1/", Malformed),
        ("//example.com/", Malformed),
    ];
    let mut rows: Vec<(String, Expect)> = rows
        .iter()
        .map(|(url, expect)| ((*url).to_owned(), *expect))
        .collect();
    rows.push((
        format!("https://example.com/{}", "a".repeat(2048)),
        Malformed,
    ));
    rows
}

/// Names whose resolution is hostile: refused by `vet`, which checks every address.
fn named_rows() -> Vec<(String, Expect)> {
    use Expect::*;
    [
        ("https://internal.example/", Forbidden("private-use")),
        (
            "https://metadata.example/latest/",
            Forbidden("cloud metadata"),
        ),
        ("https://mixed.example/", Forbidden("loopback")),
        ("https://v6local.example/", Forbidden("loopback")),
        ("https://ula.example/", Forbidden("cloud metadata")),
        ("https://cgnat.example/", Forbidden("shared address space")),
        ("https://mapped.example/", Forbidden("IPv4-mapped")),
        ("https://zero.example/", Forbidden("this network")),
        ("https://localhost/", Forbidden("loopback")),
        ("https://LOCALHOST:8443/", Forbidden("loopback")),
        ("https://unknown.example/", Unresolvable),
        ("https://empty.example/", Unresolvable),
    ]
    .iter()
    .map(|(url, expect)| ((*url).to_owned(), *expect))
    .collect()
}

fn ip(text: &str) -> IpAddr {
    text.parse().unwrap()
}

fn hostile_resolver() -> StaticResolver {
    StaticResolver::new()
        .with("internal.example", [ip("10.0.0.5")])
        .with("metadata.example", [ip("169.254.169.254")])
        .with("mixed.example", [ip("93.184.216.34"), ip("127.0.0.1")])
        .with("v6local.example", [ip("::1")])
        .with("ula.example", [ip("fd00:ec2::254")])
        .with("cgnat.example", [ip("100.64.1.1")])
        .with("mapped.example", [ip("::ffff:10.0.0.1")])
        .with("zero.example", [ip("0.0.0.0")])
        .with("localhost", [ip("127.0.0.1"), ip("::1")])
        .with("empty.example", [])
}

/// `None` when `outcome` is the expected refusal, else a line naming the row (cut short, so the
/// over-long URL stays readable).
fn mismatch(url: &str, expect: Expect, outcome: Result<(), Refusal>) -> Option<String> {
    let shown = url.chars().take(80).collect::<String>();
    match outcome {
        Err(refusal) if fits(&refusal, expect) => None,
        Err(refusal) => Some(format!("{shown}: expected {expect:?}, got {refusal:?}")),
        Ok(()) => Some(format!("{shown}: expected {expect:?}, but it was admitted")),
    }
}

#[test]
fn the_table_holds_at_least_fifty_hostile_urls() {
    assert!(literal_rows().len() + named_rows().len() >= 50);
}

#[test]
fn check_url_refuses_every_hostile_literal_without_resolving() {
    let policy = EgressPolicy::default();
    let wrong: Vec<String> = literal_rows()
        .iter()
        .filter_map(|(url, expect)| mismatch(url, *expect, check_url(url, &policy).map(drop)))
        .collect();
    assert!(wrong.is_empty(), "wrongly judged:\n{}", wrong.join("\n"));
}

#[tokio::test]
async fn vet_refuses_every_hostile_literal_and_every_hostile_resolution() {
    let egress = Egress::new(EgressPolicy::default(), Arc::new(hostile_resolver()));
    let mut wrong = Vec::new();
    for (url, expect) in literal_rows().iter().chain(named_rows().iter()) {
        wrong.extend(mismatch(url, *expect, egress.vet(url).await.map(drop)));
    }
    assert!(wrong.is_empty(), "wrongly judged:\n{}", wrong.join("\n"));
}
