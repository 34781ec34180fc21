use super::*;

fn masked(text: &str) -> String {
    scrub(text).into_owned()
}

#[test]
fn every_pattern_compiles() {
    assert_eq!(patterns().len(), SHAPES.len());
    assert!(any_shape().is_some());
}

#[test]
fn each_known_secret_shape_is_masked() {
    let samples = [
        "pal_01jd2xk3m4n5p6q7r8s9t0v1w2_c2VjcmV0c2VjcmV0c2VjcmV0_ab12",
        "palr_Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFy",
        "palpr_Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFy",
        "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ1c3JfMSJ9.c2lnbmF0dXJlc2lnbmF0dXJl",
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "AKIAIOSFODNN7EXAMPLE",
        "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789",
        "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
        "xoxb-123456789012-abcdefghijkl",
        "AIzaSyA1234567890abcdefghijklmnopqrstuv",
        "sk-proj-abcdefghijklmnopqrstuvwxyz012345",
    ];
    for secret in samples {
        let line = format!("request failed for {secret} at step 2");
        let out = masked(&line);
        assert!(!out.contains(secret), "{secret} survived: {out}");
        assert!(
            out.contains("[REDACTED]") && out.ends_with("at step 2"),
            "{out}"
        );
    }
}

#[test]
fn bearer_credentials_are_masked_whatever_the_token() {
    let out = masked("authorization: Bearer abc.def-ghi_jkl~mno");
    assert!(!out.contains("abc.def-ghi_jkl~mno"), "{out}");
}

#[test]
fn pem_private_keys_are_masked_whole() {
    let pem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIB\n-----END PRIVATE KEY-----";
    let out = masked(&format!("loaded {pem} ok"));
    assert!(!out.contains("MC4CAQAwBQYDK2VwBCIEIB"), "{out}");
    assert!(out.ends_with(" ok"));
}

#[test]
fn secret_fields_of_json_lines_are_masked_but_their_names_kept() {
    let out = masked(r#"{"email":"a@b.c","password":"hunter2 \"quoted\"","value":"v"}"#);
    assert!(!out.contains("hunter2") && !out.contains(r#""v""#), "{out}");
    assert!(out.contains(r#""email":"a@b.c""#) && out.contains(r#""password": "[REDACTED]""#));
}

#[test]
fn ordinary_lines_pass_unchanged() {
    let line = r#"{"level":"INFO","message":"request","path":"/v1/workspaces/acme","status":200}"#;
    assert!(matches!(scrub(line), Cow::Borrowed(_)));
}

#[test]
fn the_writer_scrubs_what_it_passes_on() {
    use std::io::Write;
    let mut out = Vec::new();
    ScrubbingWriter(&mut out)
        .write_all(b"token palr_Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFy\n")
        .unwrap();
    let written = String::from_utf8(out).unwrap();
    assert!(
        !written.contains("Zm9vYmFy") && written.ends_with('\n'),
        "{written}"
    );
}

#[test]
fn a_cut_off_private_key_is_masked_without_swallowing_the_rest() {
    let line = r#"{"detail":"`-----BEGIN PRIVATE KEY-----MC4CAQAw` is not a permission","code":"invalid_scope"}"#;
    let out = masked(line);
    assert!(!out.contains("MC4CAQAw"), "{out}");
    assert!(
        out.ends_with(r#"is not a permission","code":"invalid_scope"}"#),
        "{out}"
    );
}

#[test]
fn scrubbed_json_stays_valid_json() {
    let lines = [
        r#"{"detail":"`-----BEGIN PRIVATE KEY-----` is not a permission"}"#,
        r#"{"message":"token palr_Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFy","password":"p\"w"}"#,
        "{\"pem\":\"-----BEGIN RSA PRIVATE KEY-----\\nMIIEow\\n-----END RSA PRIVATE KEY-----\"}",
    ];
    for line in lines {
        let out = masked(line);
        assert!(
            serde_json::from_str::<serde_json::Value>(&out).is_ok(),
            "{out}"
        );
        assert!(out.contains("[REDACTED]"), "{out}");
    }
}
