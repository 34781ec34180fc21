//! Records that hold verifiers print them as `[REDACTED]`.

#[test]
fn records_holding_verifiers_never_print_them() {
    use palisade_core::{ManualClock, SeededRng, UserId};
    let clock = ManualClock::starting_at(time::macros::datetime!(2026-11-23 12:00 UTC));
    let user = palisade_store::UserRecord {
        id: UserId::generate(&clock, &SeededRng::new(1)),
        email: "ada@example.com".into(),
        name: None,
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g".into(),
        created_at: palisade_core::Clock::now(&clock),
        updated_at: palisade_core::Clock::now(&clock),
    };
    assert!(!format!("{user:?}").contains("argon2id"));
    let key = palisade_store::ApiKeyRecord {
        id: "k1".into(),
        name: "ci".into(),
        scopes: vec![],
        verifier: "deadbeefcafe".into(),
        created_by: user.id,
        created_at: user.created_at,
        expires_at: None,
        last_used_at: None,
    };
    assert!(!format!("{key:?}").contains("deadbeefcafe"));
}

#[test]
fn connection_options_never_print_the_url_password_or_role_verifier() {
    use secrecy::SecretString;
    let mut options = palisade_store::ConnectOptions::new(SecretString::from(
        "postgres://owner:hunter2@127.0.0.1/db",
    ));
    options.app_role_password = Some(SecretString::from("00aa11bb"));
    options.app_role_verifier = Some(SecretString::from("SCRAM-SHA-256$4096:c2FsdA==$a2V5:a2V5"));
    let printed = format!("{options:?}");
    for secret in ["hunter2", "00aa11bb", "SCRAM-SHA-256"] {
        assert!(!printed.contains(secret), "{printed}");
    }
}

#[test]
fn a_sealed_webhook_secret_never_prints_its_bytes() {
    let secret = palisade_store::EndpointSecret {
        version: 2,
        sealed: vec![0xde, 0xad, 0xbe, 0xef],
        created_at: time::macros::datetime!(2026-11-23 12:00 UTC),
        expires_at: None,
    };
    let printed = format!("{secret:?}");
    assert!(printed.contains("version: 2"), "{printed}");
    for shown in ["222", "173", "de, ad", "sealed"] {
        assert!(!printed.contains(shown), "{printed}");
    }
}
