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

/// Counts a task as finished when dropped: after it completes, and also when it panics (tokio
/// drops a panicking task's future), so shutdown never waits for a task that is gone.
struct Running(Arc<Background>);

impl Drop for Running {
    fn drop(&mut self) {
        if self.0.running.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.0.idle.notify_waiters();
        }
    }
}

impl Background {
    pub fn spawn<F>(self: &Arc<Self>, task: F)
    where
        F: Future<Output = ()> + Send + 'static,
    {
        self.running.fetch_add(1, Ordering::SeqCst);
        let running = Running(Arc::clone(self));
        tokio::spawn(async move {
            let _running = running;
            task.await;
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

#[cfg(test)]
mod tests {
    use super::Background;
    use std::sync::Arc;
    use std::time::Duration;

    /// A bound on the wait, not a wait for anything to expire: `idle` must return at once.
    const PROMPTLY: Duration = Duration::from_secs(5);

    #[tokio::test]
    async fn idle_returns_once_every_task_has_finished() {
        let background = Arc::new(Background::default());
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        background.spawn(async move {
            let _ = rx.await;
        });
        assert!(
            tokio::time::timeout(Duration::from_millis(50), background.idle())
                .await
                .is_err(),
            "idle while a task still runs"
        );
        tx.send(()).unwrap();
        tokio::time::timeout(PROMPTLY, background.idle())
            .await
            .expect("idle after the task finished");
    }

    #[tokio::test]
    async fn a_panicking_task_does_not_keep_shutdown_waiting() {
        let background = Arc::new(Background::default());
        background.spawn(async { panic!("a background task failed") });
        tokio::time::timeout(PROMPTLY, background.idle())
            .await
            .expect("idle after a task panicked");
    }
}
