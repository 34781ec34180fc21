//! What the sources may contain, before validation turns it into a [`Config`].

use super::{Config, ConfigError, LogFormat, TlsFiles, TlsSource};
use secrecy::SecretString;
use serde::{Deserialize, Deserializer};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;
use url::Url;

const KIB: usize = 1024;
const MIB: usize = 1024 * KIB;

/// Top-level keys; environment variables outside this list are not Palisade settings.
const KNOWN_KEYS: &[&str] = &[
    "bind",
    "public_url",
    "data_dir",
    "database_url",
    "database_app_role",
    "master_key_file",
    "master_key",
    "accepted_master_key_files",
    "auto_migrate",
    "tls_cert",
    "tls_key",
    "tls_self_signed",
    "body_limit",
    "auth_body_limit",
    "request_timeout_secs",
    "header_read_timeout_secs",
    "tls_handshake_limit",
    "cors_allowed_origins",
    "trusted_proxies",
    "log_level",
    "log_format",
    "security_txt",
    "auth",
    "mail",
    "audit",
    "retention",
    "backup",
    "rate_limits",
    "redis_url",
    "webhooks",
];

pub(super) fn is_known_key(env_key: &str) -> bool {
    let top = env_key
        .split("__")
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    KNOWN_KEYS.contains(&top.as_str())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawConfig {
    #[serde(default = "default_bind")]
    bind: SocketAddr,
    public_url: Option<String>,
    #[serde(default = "default_data_dir")]
    data_dir: PathBuf,
    database_url: Option<String>,
    #[serde(default = "default_app_role")]
    database_app_role: String,
    master_key_file: Option<PathBuf>,
    /// The master key itself, base64 (`PALISADE_MASTER_KEY`): wins over the key file.
    master_key: Option<SecretString>,
    #[serde(default, deserialize_with = "one_or_many")]
    accepted_master_key_files: Vec<String>,
    #[serde(default = "yes")]
    auto_migrate: bool,
    tls_cert: Option<PathBuf>,
    tls_key: Option<PathBuf>,
    #[serde(default)]
    tls_self_signed: bool,
    #[serde(default = "default_body_limit")]
    body_limit: usize,
    #[serde(default = "default_auth_body_limit")]
    auth_body_limit: usize,
    #[serde(default = "default_timeout")]
    request_timeout_secs: u64,
    #[serde(default = "default_header_timeout")]
    header_read_timeout_secs: u64,
    #[serde(default = "default_handshake_limit")]
    tls_handshake_limit: usize,
    #[serde(default, deserialize_with = "one_or_many")]
    cors_allowed_origins: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    trusted_proxies: Vec<String>,
    #[serde(default = "default_log_level")]
    log_level: String,
    #[serde(default = "default_log_format")]
    log_format: LogFormat,
    #[serde(default)]
    security_txt: super::security_txt::RawSecurityTxt,
    #[serde(default)]
    auth: super::auth::RawAuth,
    #[serde(default)]
    mail: super::mail::RawMail,
    #[serde(default)]
    audit: super::audit::RawAudit,
    #[serde(default)]
    retention: super::retention::RawRetention,
    #[serde(default)]
    backup: super::backup::RawBackup,
    #[serde(default)]
    rate_limits: super::limits::RawLimits,
    redis_url: Option<SecretString>,
    #[serde(default)]
    webhooks: super::webhooks::RawWebhooks,
}

/// A CIDR (`10.0.0.0/8`) or a single address (`10.0.0.1`).
fn parse_network(text: &str) -> Result<ipnet::IpNet, ConfigError> {
    text.parse::<ipnet::IpNet>()
        .or_else(|_| text.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
        .map_err(|_| {
            ConfigError::new(
                "trusted_proxies",
                format!("`{text}` is not an address or a CIDR network"),
            )
        })
}

fn default_app_role() -> String {
    palisade_store::DEFAULT_APP_ROLE.into()
}

fn default_bind() -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], 8080))
}
fn default_data_dir() -> PathBuf {
    PathBuf::from("./palisade-data")
}
fn yes() -> bool {
    true
}
fn default_body_limit() -> usize {
    MIB
}
fn default_auth_body_limit() -> usize {
    64 * KIB
}
fn default_timeout() -> u64 {
    30
}
fn default_header_timeout() -> u64 {
    10
}
fn default_handshake_limit() -> usize {
    256
}
fn default_log_level() -> String {
    "info".into()
}
fn default_log_format() -> LogFormat {
    LogFormat::Json
}

/// Accepts `"a,b"` (handy in an environment variable) as well as `["a", "b"]`.
pub(super) fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(s) => s
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect(),
        OneOrMany::Many(v) => v,
    })
}

impl RawConfig {
    pub(super) fn validate(self) -> Result<Config, ConfigError> {
        let tls = match (self.tls_cert, self.tls_key) {
            (Some(_), _) | (_, Some(_)) if self.tls_self_signed => {
                return Err(ConfigError::new(
                    "tls_self_signed",
                    "cannot be combined with tls_cert/tls_key",
                ))
            }
            (None, None) if self.tls_self_signed => Some(TlsSource::SelfSigned),
            (Some(cert), Some(key)) => {
                for (name, path) in [("tls_cert", &cert), ("tls_key", &key)] {
                    if !path.is_file() {
                        return Err(ConfigError::new(
                            name,
                            format!("{} is not a readable file", path.display()),
                        ));
                    }
                }
                Some(TlsSource::Files(TlsFiles { cert, key }))
            }
            (None, None) => None,
            (Some(_), None) => {
                return Err(ConfigError::new(
                    "tls_key",
                    "is required when tls_cert is set",
                ))
            }
            (None, Some(_)) => {
                return Err(ConfigError::new(
                    "tls_cert",
                    "is required when tls_key is set",
                ))
            }
        };
        let scheme = if tls.is_some() { "https" } else { "http" };
        let public_url = match self.public_url {
            Some(raw) => parse_public_url(&raw)?,
            None => parse_public_url(&format!("{scheme}://{}", self.bind))?,
        };
        let database_url = self
            .database_url
            .unwrap_or_else(|| format!("sqlite://{}", self.data_dir.join("palisade.db").display()));
        let backend = palisade_store::backend_of(&database_url)
            .map_err(|err| ConfigError::new("database_url", err.to_string()))?;
        let role = &self.database_app_role;
        let plain = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_';
        if role.is_empty()
            || role.len() > 63
            || !role.bytes().all(plain)
            || role.starts_with(|c: char| c.is_ascii_digit())
        {
            return Err(ConfigError::new(
                "database_app_role",
                "must be 1–63 lower-case letters, digits and _, not starting with a digit",
            ));
        }
        if !(KIB..=64 * MIB).contains(&self.body_limit) {
            return Err(ConfigError::new(
                "body_limit",
                "must be between 1024 and 67108864 bytes",
            ));
        }
        if !(KIB..=self.body_limit).contains(&self.auth_body_limit) {
            return Err(ConfigError::new(
                "auth_body_limit",
                "must be between 1024 bytes and body_limit",
            ));
        }
        if !(1..=600).contains(&self.request_timeout_secs) {
            return Err(ConfigError::new(
                "request_timeout_secs",
                "must be between 1 and 600",
            ));
        }
        if !(1..=120).contains(&self.header_read_timeout_secs) {
            return Err(ConfigError::new(
                "header_read_timeout_secs",
                "must be between 1 and 120",
            ));
        }
        if !(1..=65_536).contains(&self.tls_handshake_limit) {
            return Err(ConfigError::new(
                "tls_handshake_limit",
                "must be between 1 and 65536",
            ));
        }
        for origin in &self.cors_allowed_origins {
            validate_origin(origin)?;
        }
        tracing_subscriber::EnvFilter::try_new(&self.log_level)
            .map_err(|err| ConfigError::new("log_level", err.to_string()))?;
        let security_txt = self.security_txt.validate(&public_url)?;
        let auth = self.auth.validate()?;
        let mail = self.mail.validate(&public_url)?;
        let audit = self.audit.validate();
        let retention = self.retention.validate()?;
        let backup = self.backup.validate(&self.data_dir, backend)?;
        let limits = self.rate_limits.validate()?;
        if let Some(url) = &self.redis_url {
            let url = secrecy::ExposeSecret::expose_secret(url);
            if !(url.starts_with("redis://") || url.starts_with("rediss://")) {
                return Err(ConfigError::new(
                    "redis_url",
                    "must be a redis:// or rediss:// URL",
                ));
            }
        }
        Ok(Config {
            bind: self.bind,
            master_key_file: self
                .master_key_file
                .unwrap_or_else(|| self.data_dir.join("master.key")),
            master_key: self.master_key,
            accepted_master_key_files: self
                .accepted_master_key_files
                .into_iter()
                .map(PathBuf::from)
                .collect(),
            data_dir: self.data_dir,
            public_url,
            database_url: SecretString::from(database_url),
            database_app_role: self.database_app_role,
            auto_migrate: self.auto_migrate,
            tls,
            body_limit: self.body_limit,
            auth_body_limit: self.auth_body_limit,
            request_timeout: Duration::from_secs(self.request_timeout_secs),
            header_read_timeout: Duration::from_secs(self.header_read_timeout_secs),
            tls_handshake_limit: self.tls_handshake_limit,
            cors_allowed_origins: self.cors_allowed_origins,
            trusted_proxies: self
                .trusted_proxies
                .iter()
                .map(|text| parse_network(text))
                .collect::<Result<_, _>>()?,
            log_level: self.log_level,
            log_format: self.log_format,
            security_txt,
            auth,
            mail,
            audit,
            retention,
            backup,
            limits,
            redis_url: self.redis_url,
            webhooks: self.webhooks.validate(),
        })
    }
}

fn parse_public_url(raw: &str) -> Result<Url, ConfigError> {
    let url =
        Url::parse(raw).map_err(|err| ConfigError::new("public_url", format!("`{raw}`: {err}")))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(ConfigError::new(
            "public_url",
            "must be an http:// or https:// URL with a host",
        ));
    }
    if url.query().is_some() || url.fragment().is_some() || !url.username().is_empty() {
        return Err(ConfigError::new(
            "public_url",
            "must not carry credentials, a query or a fragment",
        ));
    }
    Ok(url)
}

pub(super) fn https_url(key: &str, raw: &str) -> Result<Url, ConfigError> {
    match Url::parse(raw) {
        Ok(url) if url.scheme() == "https" => Ok(url),
        _ => Err(ConfigError::new(
            key,
            format!("`{raw}` must be an https:// URL"),
        )),
    }
}

fn validate_origin(origin: &str) -> Result<(), ConfigError> {
    let bad = || {
        ConfigError::new(
            "cors_allowed_origins",
            format!("`{origin}` must be an origin such as https://app.example.com (no `*`, path or query)"),
        )
    };
    let url = Url::parse(origin).map_err(|_| bad())?;
    let is_origin_only = matches!(url.scheme(), "http" | "https")
        && url.host_str().is_some()
        && url.path() == "/"
        && !origin.ends_with('/')
        && url.query().is_none()
        && url.username().is_empty();
    if is_origin_only {
        Ok(())
    } else {
        Err(bad())
    }
}
