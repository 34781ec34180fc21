//! What every service is built on; each service keeps its own copy (all handles are shared).

use crate::tasks::Background;
use palisade_core::{Clock, SecureRng};
use palisade_store::Store;
use std::sync::Arc;
use time::OffsetDateTime;

#[derive(Debug, Clone)]
pub(crate) struct Deps {
    pub store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    rng: Arc<dyn SecureRng>,
    pub tasks: Arc<Background>,
}

impl Deps {
    pub fn new(
        store: Arc<dyn Store>,
        clock: Arc<dyn Clock>,
        rng: Arc<dyn SecureRng>,
        tasks: Arc<Background>,
    ) -> Self {
        Self {
            store,
            clock,
            rng,
            tasks,
        }
    }

    pub fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }

    pub fn rng(&self) -> &dyn SecureRng {
        self.rng.as_ref()
    }

    pub fn shared_rng(&self) -> Arc<dyn SecureRng> {
        Arc::clone(&self.rng)
    }

    pub fn now(&self) -> OffsetDateTime {
        self.clock.now()
    }
}
