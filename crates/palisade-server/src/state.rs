use crate::config::Config;
use palisade_core::{Clock, SecureRng};
use palisade_service::Platform;
use std::sync::Arc;

/// What every request can reach: the configuration and the services. Cheap to clone;
/// handlers get it through axum's `State`. It holds no store: tenant data is reached only
/// through the services, whose workspace methods ask for a permission witness.
#[derive(Clone, Debug)]
pub struct AppState {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    config: Config,
    platform: Platform,
    /// For request ids and CSRF tokens, which are the HTTP layer's own.
    clock: Arc<dyn Clock>,
    rng: Arc<dyn SecureRng>,
}

impl AppState {
    pub fn new(
        config: Config,
        platform: Platform,
        clock: Arc<dyn Clock>,
        rng: Arc<dyn SecureRng>,
    ) -> Self {
        Self {
            inner: Arc::new(Inner {
                config,
                platform,
                clock,
                rng,
            }),
        }
    }

    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    pub fn platform(&self) -> &Platform {
        &self.inner.platform
    }

    pub fn clock(&self) -> &dyn Clock {
        self.inner.clock.as_ref()
    }

    pub fn rng(&self) -> &dyn SecureRng {
        self.inner.rng.as_ref()
    }
}
