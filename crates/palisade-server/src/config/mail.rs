//! `[mail]`: where outgoing mail goes.

use super::ConfigError;
pub use palisade_service::mail::MailConfig;
use secrecy::SecretString;
use serde::Deserialize;
use url::Url;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMail {
    smtp_url: Option<String>,
    from: Option<String>,
}

impl RawMail {
    pub(super) fn validate(self, public_url: &Url) -> Result<MailConfig, ConfigError> {
        if let Some(raw) = &self.smtp_url {
            let ok = Url::parse(raw).is_ok_and(|url| {
                matches!(url.scheme(), "smtp" | "smtps") && url.host_str().is_some()
            });
            if !ok {
                return Err(ConfigError::new(
                    "mail.smtp_url",
                    "must be an smtp:// or smtps:// URL with a host",
                ));
            }
        }
        let from = self.from.unwrap_or_else(|| {
            format!(
                "Palisade <no-reply@{}>",
                public_url.host_str().unwrap_or("localhost")
            )
        });
        from.parse::<lettre::message::Mailbox>()
            .map_err(|err| ConfigError::new("mail.from", format!("`{from}`: {err}")))?;
        Ok(MailConfig {
            smtp_url: self.smtp_url.map(SecretString::from),
            from,
        })
    }
}
