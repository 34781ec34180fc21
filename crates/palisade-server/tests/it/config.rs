// figment::Jail fixes the closure error type to figment::Error, which clippy finds large.
#![allow(clippy::result_large_err)]

//! Configuration layering and validation. `Jail` isolates the environment and working
//! directory of each test.

use figment::Jail;
use palisade_server::config::{Config, LogFormat, TlsSource};
use std::path::PathBuf;

fn error_key(result: Result<Config, palisade_server::config::ConfigError>) -> String {
    result.unwrap_err().key
}

#[test]
fn defaults_are_the_secure_embedded_ones() {
    Jail::expect_with(|_| {
        let config = Config::load(None).unwrap();
        assert_eq!(config.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(
            config.database_url_masked(),
            "sqlite://./palisade-data/palisade.db"
        );
        assert_eq!(
            config.master_key_file,
            PathBuf::from("./palisade-data/master.key")
        );
        assert_eq!(config.public_url.as_str(), "http://127.0.0.1:8080/");
        assert!(config.cors_allowed_origins.is_empty());
        assert_eq!(config.body_limit, 1024 * 1024);
        assert_eq!(config.auth_body_limit, 64 * 1024);
        assert_eq!(config.request_timeout.as_secs(), 30);
        assert_eq!(config.log_format, LogFormat::Json);
        assert!(config.tls.is_none());
        assert!(config.auto_migrate);
        // Webhooks: https only, and this node delivers.
        assert!(!config.webhooks.allow_http);
        assert!(config.webhooks.worker);
        Ok(())
    });
}

#[test]
fn a_node_can_leave_webhook_delivery_to_others() {
    Jail::expect_with(|jail| {
        jail.set_env("PALISADE_WEBHOOKS__WORKER", "false");
        let config = Config::load(None).unwrap();
        assert!(!config.webhooks.worker);
        assert!(!config.webhooks.allow_http);
        Ok(())
    });
}

#[test]
fn environment_overrides_the_file() {
    Jail::expect_with(|jail| {
        jail.create_file(
            "palisade.toml",
            "bind = \"127.0.0.1:9000\"\nlog_level = \"debug\"\n",
        )?;
        jail.set_env("PALISADE_BIND", "127.0.0.1:9100");
        let config = Config::load(None).unwrap();
        assert_eq!(config.bind.port(), 9100);
        assert_eq!(config.log_level, "debug");
        Ok(())
    });
}

#[test]
fn nested_keys_are_set_with_a_double_underscore() {
    Jail::expect_with(|jail| {
        jail.set_env(
            "PALISADE_SECURITY_TXT__CONTACT",
            "mailto:psirt@corp.example",
        );
        let config = Config::load(None).unwrap();
        assert_eq!(config.security_txt.contact, ["mailto:psirt@corp.example"]);
        Ok(())
    });
}

#[test]
fn the_data_dir_moves_the_database_and_the_key() {
    Jail::expect_with(|jail| {
        jail.set_env("PALISADE_DATA_DIR", "/srv/palisade");
        let config = Config::load(None).unwrap();
        assert_eq!(
            config.database_url_masked(),
            "sqlite:///srv/palisade/palisade.db"
        );
        assert_eq!(
            config.master_key_file,
            PathBuf::from("/srv/palisade/master.key")
        );
        Ok(())
    });
}

#[test]
fn unrelated_palisade_variables_are_ignored() {
    Jail::expect_with(|jail| {
        jail.set_env("PALISADE_TEST_POSTGRES_URL", "postgres://elsewhere/db");
        assert!(Config::load(None).is_ok());
        Ok(())
    });
}

#[test]
fn an_unknown_key_in_the_file_is_named() {
    Jail::expect_with(|jail| {
        jail.create_file("palisade.toml", "bnid = \"127.0.0.1:9000\"\n")?;
        let err = Config::load(None).unwrap_err();
        assert!(err.to_string().contains("bnid"), "{err}");
        Ok(())
    });
}

#[test]
fn a_malformed_bind_address_is_named() {
    Jail::expect_with(|jail| {
        jail.set_env("PALISADE_BIND", "everywhere");
        let err = Config::load(None).unwrap_err();
        assert_eq!(err.key, "bind");
        assert!(err.to_string().contains("PALISADE_BIND"), "{err}");
        Ok(())
    });
}

#[test]
fn an_explicit_config_file_must_exist() {
    Jail::expect_with(|_| {
        assert_eq!(
            error_key(Config::load(Some(std::path::Path::new("missing.toml")))),
            "config"
        );
        Ok(())
    });
}

#[test]
fn invalid_values_are_refused_with_their_key() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "PALISADE_DATABASE_URL",
            "mysql://root@db/app",
            "database_url",
        ),
        ("PALISADE_PUBLIC_URL", "ftp://files.example", "public_url"),
        (
            "PALISADE_PUBLIC_URL",
            "https://user:pw@api.example",
            "public_url",
        ),
        ("PALISADE_CORS_ALLOWED_ORIGINS", "*", "cors_allowed_origins"),
        (
            "PALISADE_CORS_ALLOWED_ORIGINS",
            "https://app.example/path",
            "cors_allowed_origins",
        ),
        ("PALISADE_BODY_LIMIT", "10", "body_limit"),
        ("PALISADE_AUTH_BODY_LIMIT", "99999999", "auth_body_limit"),
        ("PALISADE_REQUEST_TIMEOUT_SECS", "0", "request_timeout_secs"),
        ("PALISADE_LOG_LEVEL", "[[[", "log_level"),
        ("PALISADE_LOG_FORMAT", "xml", "log_format"),
        (
            "PALISADE_SECURITY_TXT__EXPIRES_IN_DAYS",
            "400",
            "security_txt.expires_in_days",
        ),
        (
            "PALISADE_SECURITY_TXT__CONTACT",
            "security@corp.example",
            "security_txt.contact",
        ),
        (
            "PALISADE_SECURITY_TXT__POLICY",
            "http://corp.example/policy",
            "security_txt.policy",
        ),
        ("PALISADE_TLS_CERT", "/nonexistent/cert.pem", "tls_key"),
    ];
    for (env, value, key) in cases {
        Jail::expect_with(|jail| {
            jail.set_env(env, value);
            assert_eq!(&error_key(Config::load(None)), key, "{env}={value}");
            Ok(())
        });
    }
}

#[test]
fn tls_files_must_exist() {
    Jail::expect_with(|jail| {
        jail.create_file("key.pem", "not really")?;
        jail.set_env("PALISADE_TLS_CERT", "missing.pem");
        jail.set_env("PALISADE_TLS_KEY", "key.pem");
        assert_eq!(error_key(Config::load(None)), "tls_cert");
        Ok(())
    });
}

#[test]
fn self_signed_tls_switches_the_default_public_url_to_https() {
    Jail::expect_with(|jail| {
        jail.set_env("PALISADE_TLS_SELF_SIGNED", "true");
        let config = Config::load(None).unwrap();
        assert_eq!(config.tls, Some(TlsSource::SelfSigned));
        assert_eq!(config.public_url.scheme(), "https");
        assert!(config.serves_https());
        Ok(())
    });
}

#[test]
fn describe_masks_the_database_password() {
    Jail::expect_with(|jail| {
        jail.set_env(
            "PALISADE_DATABASE_URL",
            "postgres://app:s3cr3t-pw@db.internal/palisade",
        );
        let config = Config::load(None).unwrap();
        let rows = config.describe();
        let (_, env, value) = rows
            .iter()
            .find(|(key, _, _)| *key == "database_url")
            .unwrap();
        assert_eq!(env, "PALISADE_DATABASE_URL");
        assert_eq!(value, "postgres://app:****@db.internal/palisade");
        assert!(!format!("{rows:?}").contains("s3cr3t-pw"));
        assert!(!format!("{config:?}").contains("s3cr3t-pw"));
        Ok(())
    });
}

#[test]
fn describe_masks_the_redis_password() {
    Jail::expect_with(|jail| {
        jail.set_env(
            "PALISADE_REDIS_URL",
            "redis://:r3d1s-pw@cache.internal:6379/0",
        );
        let config = Config::load(None).unwrap();
        let rows = config.describe();
        let (_, env, value) = rows.iter().find(|(key, _, _)| *key == "redis_url").unwrap();
        assert_eq!(env, "PALISADE_REDIS_URL");
        assert_eq!(value, "redis://:****@cache.internal:6379/0");
        assert!(!format!("{rows:?}").contains("r3d1s-pw"));
        assert!(!format!("{config:?}").contains("r3d1s-pw"));
        Ok(())
    });
}

#[test]
fn rate_limits_are_read_from_the_environment_and_bounded() {
    Jail::expect_with(|jail| {
        jail.set_env("PALISADE_RATE_LIMITS__READ__PER_MINUTE", "120");
        jail.set_env(
            "PALISADE_RATE_LIMITS__WORKSPACES__ACME__WRITE__PER_MINUTE",
            "300",
        );
        let config = Config::load(None).unwrap();
        assert_eq!(config.limits.read.per_minute, 120);
        assert_eq!(config.limits.read.burst, 20, "the default burst when unset");
        let acme = config.limits.workspaces["acme"];
        assert_eq!(acme.write.map(|r| r.per_minute), Some(300));
        assert_eq!(acme.read, None);
        jail.set_env("PALISADE_RATE_LIMITS__AUTH__PER_MINUTE", "0");
        let refused = Config::load(None).unwrap_err();
        assert_eq!(refused.key, "rate_limits.auth.per_minute");
        Ok(())
    });
}

#[test]
fn retention_periods_default_and_can_be_set_in_days() {
    Jail::expect_with(|jail| {
        let defaults = Config::load(None).unwrap().retention;
        assert_eq!(
            defaults,
            palisade_server::config::RetentionConfig::default()
        );
        assert_eq!(defaults.sessions, time::Duration::days(30));
        jail.set_env("PALISADE_RETENTION__MAIL_DAYS", "2");
        assert_eq!(
            Config::load(None).unwrap().retention.mail,
            time::Duration::days(2)
        );
        Ok(())
    });
}

#[test]
fn retention_periods_outside_their_range_are_refused() {
    for (env, key) in [
        (
            "PALISADE_RETENTION__SESSIONS_DAYS",
            "retention.sessions_days",
        ),
        (
            "PALISADE_RETENTION__ONE_TIME_TOKENS_DAYS",
            "retention.one_time_tokens_days",
        ),
        (
            "PALISADE_RETENTION__INVITATIONS_DAYS",
            "retention.invitations_days",
        ),
        ("PALISADE_RETENTION__MAIL_DAYS", "retention.mail_days"),
    ] {
        for value in ["0", "3651"] {
            Jail::expect_with(|jail| {
                jail.set_env(env, value);
                assert_eq!(error_key(Config::load(None)), key, "{env}={value}");
                Ok(())
            });
        }
    }
}

const RECIPIENT: &str = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";

#[test]
fn the_sqlite_log_is_shipped_every_ten_seconds_once_backups_have_a_recipient() {
    Jail::expect_with(|jail| {
        assert_eq!(Config::load(None).unwrap().backup.wal_every_seconds, None);
        jail.set_env("PALISADE_BACKUP__RECIPIENTS", RECIPIENT);
        assert_eq!(
            Config::load(None).unwrap().backup.wal_every_seconds,
            Some(10)
        );
        jail.set_env("PALISADE_BACKUP__WAL_EVERY_SECONDS", "0");
        assert_eq!(Config::load(None).unwrap().backup.wal_every_seconds, None);
        Ok(())
    });
}

#[test]
fn log_shipping_is_refused_on_postgres_which_archives_its_own() {
    Jail::expect_with(|jail| {
        jail.set_env("PALISADE_DATABASE_URL", "postgres://localhost/db");
        jail.set_env("PALISADE_BACKUP__RECIPIENTS", RECIPIENT);
        assert_eq!(Config::load(None).unwrap().backup.wal_every_seconds, None);
        jail.set_env("PALISADE_BACKUP__WAL_EVERY_SECONDS", "5");
        assert_eq!(error_key(Config::load(None)), "backup.wal_every_seconds");
        Ok(())
    });
}

#[test]
fn a_backup_store_url_must_name_s3_with_a_bucket_or_a_local_path() {
    for (url, accepted) in [
        ("s3://bucket/prefix", true),
        ("file:///srv/backups", true),
        ("s3:///prefix", false),
        ("ftp://host/backups", false),
        ("not a url", false),
    ] {
        Jail::expect_with(|jail| {
            jail.set_env("PALISADE_BACKUP__URL", url);
            match Config::load(None) {
                Ok(config) => {
                    assert!(accepted, "{url} was accepted");
                    assert_eq!(config.backup.url.as_deref(), Some(url));
                }
                Err(_) => {
                    assert!(!accepted, "{url} was refused");
                    assert_eq!(error_key(Config::load(None)), "backup.url");
                }
            }
            Ok(())
        });
    }
}

#[test]
fn the_backup_schedule_is_daily_by_default_and_takes_words_or_hours() {
    for (value, hours) in [
        (None, Some(24)),
        (Some("hourly"), Some(1)),
        (Some("weekly"), Some(168)),
        (Some("6h"), Some(6)),
        (Some("12"), Some(12)),
        (Some("off"), None),
    ] {
        Jail::expect_with(|jail| {
            jail.set_env("PALISADE_BACKUP__RECIPIENTS", RECIPIENT);
            if let Some(value) = value {
                jail.set_env("PALISADE_BACKUP__SCHEDULE", value);
            }
            assert_eq!(
                Config::load(None).unwrap().backup.every_hours,
                hours,
                "{value:?}"
            );
            Ok(())
        });
    }
}

#[test]
fn a_backup_schedule_that_means_nothing_is_refused() {
    for value in ["fortnightly", "745", "-1h"] {
        Jail::expect_with(|jail| {
            jail.set_env("PALISADE_BACKUP__SCHEDULE", value);
            assert_eq!(error_key(Config::load(None)), "backup.schedule", "{value}");
            Ok(())
        });
    }
}
