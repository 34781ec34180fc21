//! Version 1 of the API.

/// `Debug` for an answer that carries a credential (shown once to its owner, never logged):
/// the type's name and nothing of its fields.
macro_rules! redacted_debug {
    ($($name:ident),* $(,)?) => {$(
        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(concat!(stringify!($name), " { [REDACTED] }"))
            }
        }
    )*};
}

pub mod admin;
pub mod api_keys;
pub mod audit;
pub mod auth;
pub mod collections;
pub mod cookies;
pub mod fields;
pub mod invitations;
pub mod json_types;
pub mod me;
pub mod mfa;
mod preconditions;
pub mod privacy;
mod record_query;
pub mod record_view;
pub mod records;
pub mod secrets;
pub mod support;
pub mod webhooks;
pub mod workspaces;

#[cfg(test)]
mod redaction_tests {
    use secrecy::SecretString;

    const SHOWN_ONCE: &str = "credential-shown-once-7f3a";

    fn webhook() -> super::webhooks::Webhook {
        super::webhooks::Webhook {
            id: "whk_1".into(),
            url: "https://hooks.example/in".into(),
            description: None,
            events: vec!["record.created".into()],
            kind: "webhook",
            status: "active",
            failing_since: None,
            secret_version: 1,
            auth_header: None,
            created_at: time::OffsetDateTime::UNIX_EPOCH,
            updated_at: time::OffsetDateTime::UNIX_EPOCH,
        }
    }

    #[test]
    fn debug_of_every_answer_carrying_a_credential_shows_none_of_it() {
        let text = || SHOWN_ONCE.to_owned();
        let shown = [
            format!(
                "{:?}",
                super::auth::TokenResponse {
                    access_token: text(),
                    refresh_token: text(),
                    token_type: "Bearer".into(),
                    expires_in: 1
                }
            ),
            format!(
                "{:?}",
                super::auth::CookieSessionResponse {
                    token_type: "cookie".into(),
                    expires_in: 1,
                    csrf_token: text()
                }
            ),
            format!(
                "{:?}",
                super::auth::MfaRequiredResponse {
                    mfa_required: true,
                    mfa_token: text(),
                    expires_in: 1
                }
            ),
            format!(
                "{:?}",
                super::mfa::TotpEnrollmentView {
                    secret: text(),
                    otpauth_uri: text(),
                    qr_code: Some(text())
                }
            ),
            format!(
                "{:?}",
                super::mfa::RecoveryCodesView {
                    recovery_codes: vec![text()]
                }
            ),
            format!(
                "{:?}",
                super::webhooks::RotatedSecret {
                    secret: SecretString::from(text()),
                    previous_expires_at: time::OffsetDateTime::UNIX_EPOCH
                }
            ),
            format!(
                "{:?}",
                super::webhooks::CreatedWebhook {
                    webhook: webhook(),
                    secret: SecretString::from(text()),
                }
            ),
        ];
        for line in shown {
            assert!(line.contains("[REDACTED]"), "{line}");
            assert!(!line.contains(SHOWN_ONCE), "{line}");
        }
    }
}
