//! `[retention]`: how many days what has ended is kept before upkeep deletes it.

use super::ConfigError;
pub use palisade_service::retention::RetentionConfig;
use serde::Deserialize;
use time::Duration;

/// The longest any retention may be: ten years.
const MAX_DAYS: i64 = 3650;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRetention {
    sessions_days: Option<i64>,
    one_time_tokens_days: Option<i64>,
    invitations_days: Option<i64>,
    mail_days: Option<i64>,
}

fn days(key: &str, value: Option<i64>, default: Duration) -> Result<Duration, ConfigError> {
    match value {
        None => Ok(default),
        Some(days) if (1..=MAX_DAYS).contains(&days) => Ok(Duration::days(days)),
        Some(_) => Err(ConfigError::new(
            key,
            format!("must be a whole number of days from 1 to {MAX_DAYS}"),
        )),
    }
}

impl RawRetention {
    pub(super) fn validate(self) -> Result<RetentionConfig, ConfigError> {
        let default = RetentionConfig::default();
        Ok(RetentionConfig {
            sessions: days(
                "retention.sessions_days",
                self.sessions_days,
                default.sessions,
            )?,
            one_time_tokens: days(
                "retention.one_time_tokens_days",
                self.one_time_tokens_days,
                default.one_time_tokens,
            )?,
            invitations: days(
                "retention.invitations_days",
                self.invitations_days,
                default.invitations,
            )?,
            mail: days("retention.mail_days", self.mail_days, default.mail)?,
        })
    }

    pub(super) fn describe(config: &RetentionConfig) -> [(&'static str, String); 4] {
        [
            (
                "retention.sessions_days",
                config.sessions.whole_days().to_string(),
            ),
            (
                "retention.one_time_tokens_days",
                config.one_time_tokens.whole_days().to_string(),
            ),
            (
                "retention.invitations_days",
                config.invitations.whole_days().to_string(),
            ),
            ("retention.mail_days", config.mail.whole_days().to_string()),
        ]
    }
}
