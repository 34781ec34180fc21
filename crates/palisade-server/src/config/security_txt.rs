//! `[security_txt]`: what `/.well-known/security.txt` (RFC 9116) says.

use super::raw::{https_url, one_or_many};
use super::{ConfigError, SecurityTxt};
use serde::Deserialize;
use url::Url;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSecurityTxt {
    #[serde(default, deserialize_with = "one_or_many")]
    contact: Vec<String>,
    policy: Option<String>,
    encryption: Option<String>,
    preferred_languages: Option<String>,
    expires_in_days: Option<i64>,
}

impl RawSecurityTxt {
    pub(super) fn validate(self, public_url: &Url) -> Result<SecurityTxt, ConfigError> {
        let contact = if self.contact.is_empty() {
            vec![format!(
                "mailto:security@{}",
                public_url.host_str().unwrap_or("localhost")
            )]
        } else {
            self.contact
        };
        for value in &contact {
            let ok = value.starts_with("mailto:")
                || value.starts_with("tel:")
                || value.starts_with("https://");
            if !ok || Url::parse(value).is_err() {
                return Err(ConfigError::new(
                    "security_txt.contact",
                    format!("`{value}` must be a mailto:, tel: or https:// URI"),
                ));
            }
        }
        let policy = match self.policy {
            Some(raw) => https_url("security_txt.policy", &raw)?,
            None => public_url
                .join("/security-policy")
                .map_err(|err| ConfigError::new("security_txt.policy", err.to_string()))?,
        };
        let encryption = self
            .encryption
            .map(|raw| https_url("security_txt.encryption", &raw))
            .transpose()?;
        let preferred_languages = self.preferred_languages.unwrap_or_else(|| "en".into());
        let languages_ok = preferred_languages.split(',').map(str::trim).all(|tag| {
            !tag.is_empty()
                && tag.len() <= 35
                && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
        if !languages_ok {
            return Err(ConfigError::new(
                "security_txt.preferred_languages",
                "must be comma-separated language tags",
            ));
        }
        let days = self.expires_in_days.unwrap_or(180);
        if !(1..=364).contains(&days) {
            // RFC 9116 asks for an Expires less than a year ahead.
            return Err(ConfigError::new(
                "security_txt.expires_in_days",
                "must be between 1 and 364",
            ));
        }
        Ok(SecurityTxt {
            contact,
            policy,
            encryption,
            preferred_languages,
            expires_in: time::Duration::days(days),
        })
    }
}
