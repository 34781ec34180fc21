//! Periodic upkeep on every node: pick up signing keys rotated elsewhere (so this node signs
//! with the current key and stops accepting keys whose tokens have all expired), and drop
//! cached sessions that can never be valid again.

use crate::Platform;
use std::time::Duration;

const EVERY: Duration = Duration::from_secs(60);

impl Platform {
    /// One round of upkeep.
    pub async fn upkeep(&self) {
        self.auth.upkeep(self.deps.now()).await;
    }

    /// Runs `upkeep` every minute until the task is dropped.
    pub async fn run_upkeep(&self) {
        loop {
            tokio::time::sleep(EVERY).await;
            self.upkeep().await;
        }
    }
}
