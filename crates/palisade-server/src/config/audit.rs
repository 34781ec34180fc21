//! `[audit]`: how the audit log keeps source addresses.

pub use palisade_service::audit::{AuditConfig, IpMode};
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAudit {
    ip: Option<IpMode>,
}

impl RawAudit {
    pub(super) fn validate(self) -> AuditConfig {
        AuditConfig {
            ip: self.ip.unwrap_or_default(),
        }
    }

    pub(super) fn describe(config: &AuditConfig) -> [(&'static str, String); 1] {
        let ip = match config.ip {
            IpMode::Hashed => "hashed",
            IpMode::Full => "full",
        };
        [("audit.ip", ip.to_owned())]
    }
}
