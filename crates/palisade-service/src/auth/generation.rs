//! When a remembered authorization (an API key's, a member's scope) may still be used. Two
//! numbers say whether access may have been taken away since it was loaded: the store's
//! in-memory epoch, which moves at once for a change made through this node, and the
//! database's access generation, which triggers move for a change made by anyone, and which
//! this node reads at most once a second. An entry loaded under a [`Mark`] is good while the
//! current mark is the same, so a cached key or membership costs no round trip however many
//! there are, and another node's change still applies within a second.

use palisade_store::{Store, StoreError};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;
use time::{Duration, OffsetDateTime};

/// How long a reading of the database's generation is trusted.
pub(super) const READ_EVERY: Duration = Duration::seconds(1);

/// What access looked like when something was loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Mark {
    epoch: u64,
    generation: i64,
}

#[derive(Debug, Clone, Copy)]
struct Reading {
    generation: i64,
    read_at: OffsetDateTime,
}

impl Reading {
    /// Read less than [`READ_EVERY`] ago; a negative age (the clock stepped back) is not.
    fn fresh_at(&self, now: OffsetDateTime) -> Option<i64> {
        let age = now - self.read_at;
        (age >= Duration::ZERO && age < READ_EVERY).then_some(self.generation)
    }
}

#[derive(Debug, Default)]
pub(super) struct Generation {
    last: Mutex<Option<Reading>>,
    /// Held while the database is asked, so a burst of requests asks once.
    reading: tokio::sync::Mutex<()>,
    /// Attempts to read (the ones that failed too).
    reads: AtomicU64,
    /// Whether the last attempt failed: those who waited for it share the failure rather
    /// than each waiting for a timeout of their own in turn.
    last_failed: AtomicBool,
}

impl Generation {
    fn fresh_at(&self, now: OffsetDateTime) -> Option<i64> {
        let last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        last.and_then(|reading| reading.fresh_at(now))
    }

    /// The mark now. Take it before loading what it will mark: a change committing meanwhile
    /// then makes the entry stale rather than hiding behind it.
    pub(super) async fn mark(
        &self,
        store: &dyn Store,
        now: OffsetDateTime,
    ) -> Result<Mark, StoreError> {
        let epoch = store.access_epoch();
        if let Some(generation) = self.fresh_at(now) {
            return Ok(Mark { epoch, generation });
        }
        let attempts = self.reads.load(Ordering::Acquire);
        let _reading = self.reading.lock().await;
        if let Some(generation) = self.fresh_at(now) {
            return Ok(Mark { epoch, generation });
        }
        if self.reads.load(Ordering::Acquire) != attempts
            && self.last_failed.load(Ordering::Acquire)
        {
            return Err(StoreError::unavailable());
        }
        self.reads.fetch_add(1, Ordering::AcqRel);
        let read = store.access_generation().await;
        self.last_failed.store(read.is_err(), Ordering::Release);
        let generation = read?;
        *self.last.lock().unwrap_or_else(|e| e.into_inner()) = Some(Reading {
            generation,
            read_at: now,
        });
        Ok(Mark { epoch, generation })
    }

    /// How many times the database's generation has been asked for (tests show it is once a
    /// second, not once a request).
    pub(super) fn reads(&self) -> u64 {
        self.reads.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const T0: OffsetDateTime = datetime!(2026-12-07 12:00 UTC);

    fn read_at(read_at: OffsetDateTime) -> Reading {
        Reading {
            generation: 7,
            read_at,
        }
    }

    #[test]
    fn a_reading_is_trusted_for_just_under_a_second() {
        assert_eq!(read_at(T0).fresh_at(T0), Some(7));
        let nearly = T0 + READ_EVERY - Duration::milliseconds(1);
        assert_eq!(read_at(T0).fresh_at(nearly), Some(7));
        assert_eq!(read_at(T0).fresh_at(T0 + READ_EVERY), None);
    }

    #[test]
    fn a_reading_from_the_future_is_not_trusted() {
        assert_eq!(read_at(T0).fresh_at(T0 - Duration::milliseconds(1)), None);
    }
}
