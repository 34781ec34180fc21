//! Configuration: defaults, then `palisade.toml`, then `PALISADE_*` environment variables
//! (env wins). Everything is validated at start; an error names the key that is wrong.

mod audit;
mod auth;
mod backup;
mod describe;
mod limits;
mod mail;
mod raw;
mod retention;
mod security_txt;
mod webhooks;

pub use audit::AuditConfig;
pub use auth::{AuthConfig, SignupPolicy};
pub use backup::BackupConfig;
pub use limits::{LimitsConfig, Rate};
pub use mail::MailConfig;
pub use retention::RetentionConfig;
pub use webhooks::WebhooksConfig;

pub use describe::mask_url;
use raw::RawConfig;

use figment::providers::{Env, Format, Toml};
use figment::Figment;
use secrecy::{ExposeSecret, SecretString};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;
use url::Url;

pub const DEFAULT_CONFIG_FILE: &str = "palisade.toml";
pub const ENV_PREFIX: &str = "PALISADE_";

/// The validated configuration the server runs with.
#[derive(Debug, Clone)]
pub struct Config {
    pub bind: SocketAddr,
    pub public_url: Url,
    pub data_dir: PathBuf,
    /// May carry a password: printed only through [`mask_url`].
    pub database_url: SecretString,
    /// PostgreSQL: the non-owner role requests run as (created by `migrate`).
    pub database_app_role: String,
    pub master_key_file: PathBuf,
    /// The master key given inline (base64, from `PALISADE_MASTER_KEY`); then no file is used.
    pub master_key: Option<SecretString>,
    /// Keys that unwrap but never wrap: the next and the retiring key during a rotation.
    pub accepted_master_key_files: Vec<PathBuf>,
    pub auto_migrate: bool,
    pub tls: Option<TlsSource>,
    pub body_limit: usize,
    pub auth_body_limit: usize,
    pub request_timeout: Duration,
    /// A client must send its whole request head within this (slowloris).
    pub header_read_timeout: Duration,
    /// TLS handshakes run at once; connections beyond are closed.
    pub tls_handshake_limit: usize,
    pub cors_allowed_origins: Vec<String>,
    /// Peers whose `X-Forwarded-For` is believed (load balancers, reverse proxies).
    pub trusted_proxies: Vec<ipnet::IpNet>,
    pub log_level: String,
    pub log_format: LogFormat,
    pub security_txt: SecurityTxt,
    pub auth: AuthConfig,
    pub mail: MailConfig,
    pub audit: AuditConfig,
    pub retention: RetentionConfig,
    pub backup: BackupConfig,
    pub limits: LimitsConfig,
    /// Redis for limits and revocations shared by every node; none keeps them in-process.
    pub redis_url: Option<SecretString>,
    pub webhooks: WebhooksConfig,
}

/// Where the TLS certificate comes from when Palisade terminates TLS itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TlsSource {
    Files(TlsFiles),
    /// A development certificate generated into the data directory on first start.
    SelfSigned,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Json,
    Text,
}

/// Values of `/.well-known/security.txt` (RFC 9116).
#[derive(Debug, Clone)]
pub struct SecurityTxt {
    pub contact: Vec<String>,
    pub policy: Url,
    pub encryption: Option<Url>,
    pub preferred_languages: String,
    pub expires_in: time::Duration,
}

/// A configuration that cannot be used, with the key at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid configuration: `{key}`: {message}")]
pub struct ConfigError {
    pub key: String,
    pub message: String,
}

impl ConfigError {
    pub(crate) fn new(key: &str, message: impl Into<String>) -> Self {
        Self {
            key: key.to_owned(),
            message: message.into(),
        }
    }
}

impl Config {
    /// Loads from `file` (or `./palisade.toml` when present) and the environment.
    pub fn load(file: Option<&Path>) -> Result<Self, ConfigError> {
        Self::from_figment(Self::figment(file)?)
    }

    /// The layered sources, for callers (tests) that add their own on top.
    pub fn figment(file: Option<&Path>) -> Result<Figment, ConfigError> {
        let mut figment = Figment::new();
        match file {
            Some(path) if !path.exists() => {
                return Err(ConfigError::new(
                    "config",
                    format!("{} does not exist", path.display()),
                ))
            }
            Some(path) => figment = figment.merge(Toml::file_exact(path)),
            None => figment = figment.merge(Toml::file(DEFAULT_CONFIG_FILE)),
        }
        let env = Env::prefixed(ENV_PREFIX)
            .filter(|key| raw::is_known_key(key.as_str()))
            .split("__");
        Ok(figment.merge(env))
    }

    pub fn from_figment(figment: Figment) -> Result<Self, ConfigError> {
        let raw: RawConfig = figment.extract().map_err(|err| {
            let key = if err.path.is_empty() {
                "config".to_owned()
            } else {
                err.path.join(".")
            };
            let origin = match (&err.metadata, &err.profile) {
                (Some(meta), _) if matches!(meta.source, Some(figment::Source::File(_))) => {
                    format!(
                        " (in {})",
                        meta.source
                            .as_ref()
                            .map(ToString::to_string)
                            .unwrap_or_default()
                    )
                }
                (Some(meta), _) if meta.name.contains("environment") => {
                    format!(
                        " (from {ENV_PREFIX}{})",
                        err.path.join("__").to_ascii_uppercase()
                    )
                }
                _ => String::new(),
            };
            ConfigError::new(&key, format!("{}{origin}", err.kind))
        })?;
        raw.validate()
    }

    /// Whether browsers must be told to use HTTPS only.
    pub fn serves_https(&self) -> bool {
        self.tls.is_some() || self.public_url.scheme() == "https"
    }

    pub fn database_url_masked(&self) -> String {
        mask_url(self.database_url.expose_secret())
    }

    /// Every effective setting as `(key, environment variable, value)`, secrets masked.
    pub fn describe(&self) -> Vec<(&'static str, String, String)> {
        describe::describe(self)
    }
}
