use super::*;
use palisade_core::SeededRng;

/// The Standard Webhooks specification's published test vector.
const VECTOR_SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const VECTOR_ID: &str = "msg_p5jXN8AQM9LWM0D4loKWxJek";
const VECTOR_TS: i64 = 1_614_265_330;
const VECTOR_BODY: &[u8] = br#"{"test": 2432232314}"#;
const VECTOR_SIGNATURE: &str = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

fn vector_secret() -> SigningSecret {
    SigningSecret::parse(VECTOR_SECRET).unwrap()
}

#[test]
fn the_standard_webhooks_test_vector_signs_exactly() {
    let signed = sign(&[&vector_secret()], VECTOR_ID, VECTOR_TS, VECTOR_BODY);
    assert_eq!(signed.webhook_signature, VECTOR_SIGNATURE);
    assert_eq!(signed.webhook_id, VECTOR_ID);
    assert_eq!(signed.webhook_timestamp, "1614265330");
}

#[test]
fn the_stripe_style_header_is_a_hex_hmac_of_timestamp_dot_body() {
    let secret = vector_secret();
    let signed = sign(&[&secret], VECTOR_ID, VECTOR_TS, VECTOR_BODY);
    // Computed independently: HMAC-SHA256 over "1614265330.{body}" with the decoded key.
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.expose_bytes()).unwrap();
    mac.update(b"1614265330.");
    mac.update(VECTOR_BODY);
    let expected = crate::hex(&mac.finalize().into_bytes());
    assert_eq!(
        signed.palisade_signature,
        format!("t=1614265330,v1={expected}")
    );
}

#[test]
fn a_generated_secret_reads_back_from_its_text() {
    let secret = SigningSecret::generate(&SeededRng::new(1));
    let text = secret.reveal();
    assert!(text.expose_secret().starts_with("whsec_"));
    let again = SigningSecret::parse(text.expose_secret()).unwrap();
    assert_eq!(again.expose_bytes(), secret.expose_bytes());
    assert_eq!(secret.expose_bytes().len(), 32);
}

#[test]
fn debug_of_a_signing_secret_shows_nothing_of_it() {
    let secret = vector_secret();
    let shown = format!("{secret:?}");
    assert_eq!(shown, "SigningSecret([REDACTED])");
}

#[test]
fn a_short_or_malformed_secret_is_refused() {
    assert_eq!(
        SigningSecret::parse("whsec_c2hvcnQ=").err(),
        Some(MalformedSecret)
    );
    assert_eq!(
        SigningSecret::parse("whsec_!!!").err(),
        Some(MalformedSecret)
    );
}

fn standard<'a>(headers: &'a SignedHeaders) -> Inbound<'a> {
    Inbound::Standard {
        id: &headers.webhook_id,
        timestamp: &headers.webhook_timestamp,
        signature: &headers.webhook_signature,
    }
}

#[test]
fn verify_accepts_both_schemes_within_the_tolerance() {
    let secret = vector_secret();
    let headers = sign(&[&secret], VECTOR_ID, VECTOR_TS, VECTOR_BODY);
    let now = VECTOR_TS + 299;
    assert_eq!(
        verify(&[&secret], standard(&headers), VECTOR_BODY, now, 300),
        Ok(VECTOR_TS)
    );
    let stripe = Inbound::Stripe {
        header: &headers.palisade_signature,
    };
    assert_eq!(
        verify(&[&secret], stripe, VECTOR_BODY, now, 300),
        Ok(VECTOR_TS)
    );
}

#[test]
fn verify_refuses_a_timestamp_outside_the_tolerance_either_way() {
    let secret = vector_secret();
    let headers = sign(&[&secret], VECTOR_ID, VECTOR_TS, VECTOR_BODY);
    for now in [VECTOR_TS + 301, VECTOR_TS - 301] {
        assert_eq!(
            verify(&[&secret], standard(&headers), VECTOR_BODY, now, 300),
            Err(VerifyError::Stale)
        );
    }
}

#[test]
fn verify_refuses_a_changed_body_id_or_timestamp() {
    let secret = vector_secret();
    let headers = sign(&[&secret], VECTOR_ID, VECTOR_TS, VECTOR_BODY);
    let now = VECTOR_TS;
    assert_eq!(
        verify(&[&secret], standard(&headers), b"{\"test\": 1}", now, 300),
        Err(VerifyError::Mismatch)
    );
    let other_id = Inbound::Standard {
        id: "msg_other",
        timestamp: &headers.webhook_timestamp,
        signature: &headers.webhook_signature,
    };
    assert_eq!(
        verify(&[&secret], other_id, VECTOR_BODY, now, 300),
        Err(VerifyError::Mismatch)
    );
    let moved = headers
        .palisade_signature
        .replace("t=1614265330", "t=1614265331");
    assert_eq!(
        verify(
            &[&secret],
            Inbound::Stripe { header: &moved },
            VECTOR_BODY,
            now,
            300
        ),
        Err(VerifyError::Mismatch)
    );
}

#[test]
fn during_a_rotation_either_secret_verifies_a_message_signed_with_both() {
    let old = vector_secret();
    let new = SigningSecret::generate(&SeededRng::new(2));
    let headers = sign(&[&new, &old], VECTOR_ID, VECTOR_TS, VECTOR_BODY);
    assert_eq!(headers.webhook_signature.split(' ').count(), 2);
    assert_eq!(headers.palisade_signature.matches("v1=").count(), 2);
    for secret in [&old, &new] {
        assert!(verify(&[secret], standard(&headers), VECTOR_BODY, VECTOR_TS, 300).is_ok());
        let stripe = Inbound::Stripe {
            header: &headers.palisade_signature,
        };
        assert!(verify(&[secret], stripe, VECTOR_BODY, VECTOR_TS, 300).is_ok());
    }
    let stranger = SigningSecret::generate(&SeededRng::new(3));
    assert_eq!(
        verify(
            &[&stranger],
            standard(&headers),
            VECTOR_BODY,
            VECTOR_TS,
            300
        ),
        Err(VerifyError::Mismatch)
    );
}

#[test]
fn verify_refuses_headers_without_a_signature() {
    let secret = vector_secret();
    let empty = Inbound::Standard {
        id: VECTOR_ID,
        timestamp: "1614265330",
        signature: "v2,abc",
    };
    assert_eq!(
        verify(&[&secret], empty, VECTOR_BODY, VECTOR_TS, 300),
        Err(VerifyError::Malformed)
    );
    assert_eq!(
        verify(
            &[&secret],
            Inbound::Stripe { header: "v1=00" },
            VECTOR_BODY,
            VECTOR_TS,
            300
        ),
        Err(VerifyError::Malformed)
    );
}
