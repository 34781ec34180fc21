//! Work that must not delay the response it belongs to (so that its duration cannot be
//! measured by the caller), tracked so shutdown and tests can wait for it to finish.

use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use tokio::sync::Notify;

#[derive(Debug, Default)]
pub struct Background {
    running: AtomicUsize,
    idle: Notify,
}

impl Background {
    pub fn spawn<F>(self: &Arc<Self>, task: F)
    where
        F: Future<Output = ()> + Send + 'static,
    {
        self.running.fetch_add(1, Ordering::SeqCst);
        let tracker = Arc::clone(self);
        tokio::spawn(async move {
            task.await;
            if tracker.running.fetch_sub(1, Ordering::SeqCst) == 1 {
                tracker.idle.notify_waiters();
            }
        });
    }

    /// Completes once no tracked task is running.
    pub async fn idle(&self) {
        loop {
            let notified = self.idle.notified();
            if self.running.load(Ordering::SeqCst) == 0 {
                return;
            }
            notified.await;
        }
    }
}
