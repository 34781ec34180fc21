//! `[rate_limits]` and `redis_url`: each class a rate per minute with a burst, for the whole
//! deployment and, by slug, for chosen workspaces; Redis when nodes share them.

use super::ConfigError;
pub use palisade_service::limits::{LimitsConfig, Rate, WorkspaceRates};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The most requests a minute any class may allow (a limit that high is no limit).
const MAX_PER_MINUTE: u32 = 1_000_000;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLimits {
    read: Option<RawRate>,
    write: Option<RawRate>,
    auth: Option<RawRate>,
    #[serde(default)]
    workspaces: BTreeMap<String, RawWorkspaceRates>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRate {
    per_minute: u32,
    burst: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWorkspaceRates {
    read: Option<RawRate>,
    write: Option<RawRate>,
}

fn rate(key: &str, raw: Option<RawRate>, default: Rate) -> Result<Rate, ConfigError> {
    let Some(raw) = raw else {
        return Ok(default);
    };
    if !(1..=MAX_PER_MINUTE).contains(&raw.per_minute) {
        return Err(ConfigError::new(
            &format!("{key}.per_minute"),
            format!("must be between 1 and {MAX_PER_MINUTE}"),
        ));
    }
    let burst = raw.burst.unwrap_or(raw.per_minute.min(default.burst));
    if !(1..=MAX_PER_MINUTE).contains(&burst) {
        return Err(ConfigError::new(
            &format!("{key}.burst"),
            format!("must be between 1 and {MAX_PER_MINUTE}"),
        ));
    }
    Ok(Rate {
        per_minute: raw.per_minute,
        burst,
    })
}

impl RawLimits {
    pub(super) fn validate(self) -> Result<LimitsConfig, ConfigError> {
        let defaults = LimitsConfig::default();
        let mut workspaces = BTreeMap::new();
        for (slug, own) in self.workspaces {
            let key = format!("rate_limits.workspaces.{slug}");
            let read = own
                .read
                .map(|raw| rate(&format!("{key}.read"), Some(raw), defaults.read))
                .transpose()?;
            let write = own
                .write
                .map(|raw| rate(&format!("{key}.write"), Some(raw), defaults.write))
                .transpose()?;
            workspaces.insert(slug, WorkspaceRates { read, write });
        }
        Ok(LimitsConfig {
            read: rate("rate_limits.read", self.read, defaults.read)?,
            write: rate("rate_limits.write", self.write, defaults.write)?,
            auth: rate("rate_limits.auth", self.auth, defaults.auth)?,
            workspaces,
        })
    }

    pub(super) fn describe(config: &LimitsConfig) -> Vec<(&'static str, String)> {
        let text = |rate: Rate| format!("{}/min, burst {}", rate.per_minute, rate.burst);
        let overrides: Vec<String> = config
            .workspaces
            .iter()
            .map(|(slug, own)| {
                let part =
                    |name: &str, rate: Option<Rate>| rate.map(|r| format!("{name} {}", text(r)));
                let parts: Vec<String> = [part("read", own.read), part("write", own.write)]
                    .into_iter()
                    .flatten()
                    .collect();
                format!("{slug}: {}", parts.join(", "))
            })
            .collect();
        vec![
            ("rate_limits.read", text(config.read)),
            ("rate_limits.write", text(config.write)),
            ("rate_limits.auth", text(config.auth)),
            (
                "rate_limits.workspaces",
                format!("[{}]", overrides.join("; ")),
            ),
        ]
    }
}
