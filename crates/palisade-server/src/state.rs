use crate::auth::AuthService;
use crate::background::Background;
use crate::config::Config;
use crate::tenant_data::schema::SchemaCache;
use palisade_core::{Clock, SecureRng};
use palisade_crypto::MasterKey;
use palisade_store::{Instance, Store};
use std::sync::Arc;

/// What every request can reach. Cheap to clone; handlers get it through axum's `State`.
#[derive(Clone, Debug)]
pub struct AppState {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    config: Config,
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    rng: Arc<dyn SecureRng>,
    master_key: MasterKey,
    instance: Instance,
    auth: AuthService,
    background: Arc<Background>,
    schemas: SchemaCache,
    /// One mail delivery pass at a time on this node (see `mail::worker::deliver_due`).
    mail_pass: tokio::sync::Mutex<()>,
}

/// The parts an `AppState` is made of; see `crate::serve::prepare`.
#[derive(Debug)]
pub struct StateParts {
    pub config: Config,
    pub store: Arc<dyn Store>,
    pub clock: Arc<dyn Clock>,
    pub rng: Arc<dyn SecureRng>,
    pub master_key: MasterKey,
    pub instance: Instance,
    pub auth: AuthService,
}

impl AppState {
    pub fn new(parts: StateParts) -> Self {
        let StateParts {
            config,
            store,
            clock,
            rng,
            master_key,
            instance,
            auth,
        } = parts;
        Self {
            inner: Arc::new(Inner {
                config,
                store,
                clock,
                rng,
                master_key,
                instance,
                auth,
                background: Arc::default(),
                schemas: SchemaCache::default(),
                mail_pass: tokio::sync::Mutex::new(()),
            }),
        }
    }

    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    pub fn store(&self) -> &Arc<dyn Store> {
        &self.inner.store
    }

    pub fn clock(&self) -> &dyn Clock {
        self.inner.clock.as_ref()
    }

    pub fn rng(&self) -> &dyn SecureRng {
        self.inner.rng.as_ref()
    }

    pub fn master_key(&self) -> &MasterKey {
        &self.inner.master_key
    }

    pub fn instance(&self) -> &Instance {
        &self.inner.instance
    }

    pub fn auth(&self) -> &AuthService {
        &self.inner.auth
    }

    /// Compiled collection schemas.
    pub fn schemas(&self) -> &SchemaCache {
        &self.inner.schemas
    }

    /// Tasks that outlive the request that started them.
    pub fn background(&self) -> &Arc<Background> {
        &self.inner.background
    }

    pub(crate) fn mail_pass(&self) -> &tokio::sync::Mutex<()> {
        &self.inner.mail_pass
    }
}
