//! Limits kept in this process: governor's GCRA, one keyed limiter per distinct rate, reading
//! time from the injected clock (so tests move time instead of waiting for it to pass).

use super::policy::Rate;
use super::Verdict;
use governor::clock::Clock as GovernorClock;
use governor::middleware::StateInformationMiddleware;
use governor::nanos::Nanos;
use governor::state::keyed::HashMapStateStore;
use governor::{Quota, RateLimiter};
use palisade_core::Clock;
use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use time::OffsetDateTime;

/// Keys tracked per rate before idle ones (whose bucket has refilled) are dropped, at most
/// once a second (a scan holds the limiter's lock).
const TIDY_ABOVE: usize = 50_000;
const TIDY_AT_MOST_EVERY_NANOS: u64 = 1_000_000_000;

/// Governor's view of the injected clock: nanoseconds since the Unix epoch.
#[derive(Debug, Clone)]
struct InjectedClock(Arc<dyn Clock>);

pub(super) fn nanos_of(at: OffsetDateTime) -> u64 {
    u64::try_from(at.unix_timestamp_nanos()).unwrap_or(0)
}

impl GovernorClock for InjectedClock {
    type Instant = Nanos;

    fn now(&self) -> Nanos {
        Nanos::from(nanos_of(self.0.now()))
    }
}

type Keyed =
    RateLimiter<String, HashMapStateStore<String>, InjectedClock, StateInformationMiddleware>;

/// In-process limiters, made on first use of each rate.
#[derive(Debug)]
pub(super) struct LocalLimits {
    clock: InjectedClock,
    by_rate: RwLock<HashMap<Rate, Arc<Keyed>>>,
    /// When a full limiter was last tidied (ns since the epoch).
    tidied_at: AtomicU64,
}

fn quota(rate: Rate) -> Quota {
    let per_minute = NonZeroU32::new(rate.per_minute).unwrap_or(NonZeroU32::MIN);
    let burst = NonZeroU32::new(rate.burst).unwrap_or(NonZeroU32::MIN);
    Quota::per_minute(per_minute).allow_burst(burst)
}

impl LocalLimits {
    pub fn new(clock: Arc<dyn Clock>) -> Self {
        Self {
            clock: InjectedClock(clock),
            by_rate: RwLock::new(HashMap::new()),
            tidied_at: AtomicU64::new(0),
        }
    }

    fn limiter(&self, rate: Rate) -> Arc<Keyed> {
        if let Some(limiter) = self
            .by_rate
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&rate)
        {
            return Arc::clone(limiter);
        }
        let mut all = self.by_rate.write().unwrap_or_else(|e| e.into_inner());
        let limiter = all.entry(rate).or_insert_with(|| {
            Arc::new(
                RateLimiter::hashmap_with_clock(quota(rate), self.clock.clone())
                    .with_middleware::<StateInformationMiddleware>(),
            )
        });
        Arc::clone(limiter)
    }

    /// Spends one request of `key`'s budget at `rate`.
    pub fn check(&self, key: &str, rate: Rate) -> Verdict {
        let limiter = self.limiter(rate);
        if limiter.len() > TIDY_ABOVE {
            let now = nanos_of(self.clock.0.now());
            let last = self.tidied_at.load(Ordering::Relaxed);
            if now.saturating_sub(last) >= TIDY_AT_MOST_EVERY_NANOS
                && self
                    .tidied_at
                    .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
                    .is_ok()
            {
                limiter.retain_recent();
            }
        }
        match limiter.check_key(&key.to_owned()) {
            Ok(snapshot) => Verdict::allowed(rate, snapshot.remaining_burst_capacity()),
            Err(not_until) => {
                let wait = not_until.wait_time_from(self.clock.now());
                Verdict::refused(rate, wait)
            }
        }
    }

    /// Forgets keys whose budget has fully refilled: they behave exactly like unseen ones.
    pub fn tidy(&self) {
        for limiter in self
            .by_rate
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .values()
        {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    }

    /// Keys held across every rate (what tests and metrics read).
    pub fn tracked(&self) -> usize {
        self.by_rate
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .values()
            .map(|limiter| limiter.len())
            .sum()
    }
}
