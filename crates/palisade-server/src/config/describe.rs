//! The effective configuration as text for `palisade config check`, with secrets masked.

use super::Config;
use url::Url;

const MASK: &str = "****";

/// Hides the password and any secret-looking query value of a connection URL.
pub fn mask_url(raw: &str) -> String {
    let Ok(mut url) = Url::parse(raw) else {
        return MASK.into();
    };
    if url.password().is_some() && url.set_password(Some(MASK)).is_err() {
        return MASK.into();
    }
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if !pairs.is_empty() {
        let masked: Vec<(String, String)> = pairs
            .into_iter()
            .map(|(key, value)| {
                let lowered = key.to_ascii_lowercase();
                let secret = ["pass", "secret", "key", "token"]
                    .iter()
                    .any(|word| lowered.contains(word));
                (key, if secret { MASK.into() } else { value })
            })
            .collect();
        url.query_pairs_mut().clear().extend_pairs(masked);
    }
    url.to_string()
}

fn env(key: &str) -> String {
    format!(
        "{}{}",
        super::ENV_PREFIX,
        key.to_ascii_uppercase().replace('.', "__")
    )
}

pub(super) fn describe(config: &Config) -> Vec<(&'static str, String, String)> {
    let files = match &config.tls {
        Some(super::TlsSource::Files(files)) => Some(files),
        _ => None,
    };
    let path = |p: Option<&std::path::PathBuf>| {
        p.map(|p| p.display().to_string())
            .unwrap_or_else(|| "(none)".into())
    };
    let txt = &config.security_txt;
    let rows: Vec<(&'static str, String)> = vec![
        ("bind", config.bind.to_string()),
        ("public_url", config.public_url.to_string()),
        ("data_dir", config.data_dir.display().to_string()),
        ("database_url", config.database_url_masked()),
        ("database_app_role", config.database_app_role.clone()),
        (
            "master_key_file",
            config.master_key_file.display().to_string(),
        ),
        (
            "master_key",
            if config.master_key.is_some() {
                "[set]"
            } else {
                "(none)"
            }
            .to_owned(),
        ),
        (
            "accepted_master_key_files",
            config
                .accepted_master_key_files
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ("auto_migrate", config.auto_migrate.to_string()),
        ("tls_cert", path(files.map(|t| &t.cert))),
        ("tls_key", path(files.map(|t| &t.key))),
        (
            "tls_self_signed",
            (config.tls == Some(super::TlsSource::SelfSigned)).to_string(),
        ),
        (
            "trusted_proxies",
            config
                .trusted_proxies
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ("body_limit", config.body_limit.to_string()),
        ("auth_body_limit", config.auth_body_limit.to_string()),
        (
            "request_timeout_secs",
            config.request_timeout.as_secs().to_string(),
        ),
        (
            "header_read_timeout_secs",
            config.header_read_timeout.as_secs().to_string(),
        ),
        (
            "tls_handshake_limit",
            config.tls_handshake_limit.to_string(),
        ),
        (
            "cors_allowed_origins",
            format!("[{}]", config.cors_allowed_origins.join(", ")),
        ),
        ("log_level", config.log_level.clone()),
        (
            "log_format",
            format!("{:?}", config.log_format).to_ascii_lowercase(),
        ),
        ("security_txt.contact", txt.contact.join(", ")),
        ("security_txt.policy", txt.policy.to_string()),
        (
            "security_txt.encryption",
            txt.encryption
                .as_ref()
                .map(Url::to_string)
                .unwrap_or_else(|| "(none)".into()),
        ),
        (
            "security_txt.preferred_languages",
            txt.preferred_languages.clone(),
        ),
        (
            "security_txt.expires_in_days",
            txt.expires_in.whole_days().to_string(),
        ),
    ];
    rows.into_iter()
        .chain(super::auth::RawAuth::describe(&config.auth))
        .chain([
            (
                "mail.smtp_url",
                config
                    .mail
                    .smtp_url
                    .as_ref()
                    .map(|u| mask_url(secrecy::ExposeSecret::expose_secret(u)))
                    .unwrap_or_else(|| "(none: .eml files in <data_dir>/mailbox)".into()),
            ),
            ("mail.from", config.mail.from.clone()),
        ])
        .chain(super::audit::RawAudit::describe(&config.audit))
        .chain(super::retention::RawRetention::describe(&config.retention))
        .chain(super::backup::RawBackup::describe(&config.backup))
        .chain(super::webhooks::RawWebhooks::describe(&config.webhooks))
        .chain(super::limits::RawLimits::describe(&config.limits))
        .chain([(
            "redis_url",
            config
                .redis_url
                .as_ref()
                .map(|u| mask_url(secrecy::ExposeSecret::expose_secret(u)))
                .unwrap_or_else(|| "(none: limits and revocations in-process)".into()),
        )])
        .map(|(key, value)| (key, env(key), value))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_passwords_are_masked() {
        let masked = mask_url("postgres://app:hunter2-secret@db.internal:5432/palisade");
        assert_eq!(masked, "postgres://app:****@db.internal:5432/palisade");
    }

    #[test]
    fn secret_query_parameters_are_masked() {
        let masked = mask_url("postgres://db/palisade?sslmode=require&password=hunter2&sslkey=k");
        assert!(!masked.contains("hunter2"));
        assert!(masked.contains("sslmode=require"));
        assert!(masked.contains("password=****"));
    }

    #[test]
    fn unparseable_urls_are_masked_entirely() {
        assert_eq!(mask_url("not a url with hunter2"), MASK);
    }

    #[test]
    fn environment_names_follow_the_nesting_rule() {
        assert_eq!(
            env("security_txt.contact"),
            "PALISADE_SECURITY_TXT__CONTACT"
        );
        assert_eq!(env("bind"), "PALISADE_BIND");
    }
}
