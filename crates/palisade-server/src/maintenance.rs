//! Periodic upkeep on every node: pick up signing keys rotated elsewhere (so this node signs
//! with the current key and stops accepting keys whose tokens have all expired), and drop
//! cached sessions that can never be valid again.

use crate::state::AppState;
use std::time::Duration;

const EVERY: Duration = Duration::from_secs(60);

/// One round of upkeep.
pub async fn tick(state: &AppState) {
    let now = state.clock().now();
    if let Err(err) = state.auth().keys.reload(now).await {
        tracing::warn!(error = %err, "reloading signing keys failed");
    }
    state.auth().sessions.evict_expired(now);
}

/// Runs `tick` every minute until the task is dropped.
pub async fn run(state: AppState) {
    loop {
        tokio::time::sleep(EVERY).await;
        tick(&state).await;
    }
}
