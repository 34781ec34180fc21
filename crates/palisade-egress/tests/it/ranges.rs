//! The range table, at its edges.

use std::net::IpAddr;

use palisade_egress::forbidden_range;

fn range_of(text: &str) -> Option<&'static str> {
    forbidden_range(text.parse::<IpAddr>().unwrap())
}

#[test]
fn ordinary_public_addresses_are_in_no_forbidden_range() {
    for public in [
        "8.8.8.8",
        "1.1.1.1",
        "93.184.216.34",
        "2606:4700::1111",
        "2001:4860:4860::8888",
        "2a00:1450:4001:80b::200e",
    ] {
        assert_eq!(range_of(public), None, "{public}");
    }
}

#[test]
fn addresses_just_outside_a_forbidden_block_are_admitted() {
    for edge in [
        "9.255.255.255",
        "11.0.0.0",
        "100.63.255.255",
        "100.128.0.0",
        "126.255.255.255",
        "128.0.0.0",
        "169.253.255.255",
        "169.255.0.0",
        "172.15.255.255",
        "172.32.0.0",
        "192.167.255.255",
        "192.169.0.0",
        "198.17.255.255",
        "198.20.0.0",
        "223.255.255.255",
        "2001:200::1",
        "2001:db7:ffff::1",
        "2001:db9::1",
        "2003::1",
    ] {
        assert_eq!(range_of(edge), None, "{edge}");
    }
}

#[test]
fn the_metadata_addresses_are_named_cloud_metadata_not_just_their_block() {
    assert_eq!(range_of("169.254.169.254"), Some("cloud metadata"));
    assert_eq!(range_of("fd00:ec2::254"), Some("cloud metadata"));
    assert_eq!(range_of("169.254.169.253"), Some("link-local"));
    assert_eq!(range_of("fd00:ec2::253"), Some("unique-local"));
}

#[test]
fn ipv6_space_outside_global_unicast_is_refused_even_when_unnamed() {
    assert_eq!(range_of("4000::1"), Some("not global unicast"));
    assert_eq!(range_of("::2"), Some("IPv4-compatible (deprecated)"));
    assert_eq!(range_of("1::1"), Some("not global unicast"));
}
