//! `[webhooks]`: outbound deliveries.

use serde::Deserialize;

/// Validated `[webhooks]` settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhooksConfig {
    /// Plain `http://` endpoints are accepted: for development only (a receiver on a laptop);
    /// the address rules still apply.
    pub allow_http: bool,
    /// This node delivers webhooks (`false` for nodes that only serve the API; at least one
    /// node of a deployment must deliver).
    pub worker: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawWebhooks {
    #[serde(default)]
    allow_http: bool,
    #[serde(default = "yes")]
    worker: bool,
}

impl Default for RawWebhooks {
    fn default() -> Self {
        Self {
            allow_http: false,
            worker: true,
        }
    }
}

fn yes() -> bool {
    true
}

impl RawWebhooks {
    pub(super) fn validate(self) -> WebhooksConfig {
        WebhooksConfig {
            allow_http: self.allow_http,
            worker: self.worker,
        }
    }

    pub(super) fn describe(config: &WebhooksConfig) -> [(&'static str, String); 2] {
        [
            ("webhooks.allow_http", config.allow_http.to_string()),
            ("webhooks.worker", config.worker.to_string()),
        ]
    }
}
