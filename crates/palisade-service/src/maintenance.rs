//! Periodic upkeep on every node: pick up signing keys rotated elsewhere (so this node signs
//! with the current key and stops accepting keys whose tokens have all expired), drop cached
//! sessions that can never be valid again, forget refilled rate-limit budgets and expired
//! idempotent responses, sign a checkpoint for every audit log this node
//! appended to, and, once an hour, apply audit and data retention and sweep finished webhook jobs.

use crate::Platform;
use std::time::Duration;

const EVERY: Duration = Duration::from_secs(60);
const RETENTION_EVERY: time::Duration = time::Duration::hours(1);

impl Platform {
    /// One round of upkeep.
    pub async fn upkeep(&self) {
        let now = self.deps.now();
        self.auth.upkeep(now).await;
        self.limits.tidy();
        if let Err(err) = self.idempotency.sweep().await {
            tracing::warn!(error = %err, "expired idempotent responses could not be swept");
        }
        if let Err(err) = self.audit.checkpoint_appended().await {
            tracing::warn!(error = %err, "audit checkpoints could not be signed");
        }
        let due = {
            let mut last = self
                .last_retention
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            let due = last.is_none_or(|at| now - at >= RETENTION_EVERY);
            if due {
                *last = Some(now);
            }
            due
        };
        if due {
            if let Err(err) = self.audit.apply_retention().await {
                tracing::warn!(error = %err, "audit retention could not be applied");
            }
            if let Err(err) = self.apply_data_retention().await {
                tracing::warn!(error = %err, "data retention could not be applied");
            }
            if let Err(err) = self.webhooks.sweep().await {
                tracing::warn!(error = %err, "finished webhook jobs could not be swept");
            }
        }
    }

    /// Runs `upkeep` every minute until the task is dropped.
    pub async fn run_upkeep(&self) {
        loop {
            tokio::time::sleep(EVERY).await;
            self.upkeep().await;
        }
    }
}
