//! `spawn_app`: the real server, on a random loopback port, with a fresh database, a manual
//! clock and captured logs.

use figment::Figment;
use palisade_core::{ManualClock, OsSecureRng};
use palisade_crypto::MasterKey;
use palisade_server::routes::RouteTable;
use palisade_server::{serve, AppState, Config, Server, Services};
use palisade_store::testing::{TestBackend, TestDatabase};
use palisade_store::Store;
use std::io::Write;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, OnceLock};
use time::macros::datetime;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub const START: time::OffsetDateTime = datetime!(2026-11-23 12:00 UTC);

/// Everything the server logged, across every app of this test binary.
pub fn logs() -> String {
    String::from_utf8_lossy(&log_buffer().lock().unwrap()).into_owned()
}

fn log_buffer() -> &'static Arc<Mutex<Vec<u8>>> {
    static LOGS: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    LOGS.get_or_init(|| {
        let buffer = Arc::new(Mutex::new(Vec::new()));
        let writer = SharedWriter(Arc::clone(&buffer));
        let subscriber = palisade_server::telemetry::subscriber(
            "debug,sqlx=warn,hyper=warn",
            palisade_server::config::LogFormat::Json,
            move || writer.clone(),
        );
        let _ = tracing::subscriber::set_global_default(subscriber);
        buffer
    })
}

#[derive(Clone)]
struct SharedWriter(Arc<Mutex<Vec<u8>>>);

impl Write for SharedWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// How to start an app: backend, configuration on top of the test defaults, extra routes.
pub struct AppOptions {
    pub backend: TestBackend,
    pub settings: Vec<(&'static str, figment::value::Value)>,
    pub routes: RouteTable,
    /// Most tests sign up and sign in far faster than a person: their limits are raised unless
    /// a test asks for the deployment defaults.
    pub default_limits: bool,
    /// Addresses webhooks may reach (the test's receivers on loopback).
    pub egress_allowlist: Vec<SocketAddr>,
    /// How webhook hosts resolve; the system resolver when `None`.
    pub resolver: Option<palisade_egress::StaticResolver>,
    /// Where the manual clock starts (the receivers' libraries compare with real time).
    pub start: time::OffsetDateTime,
}

impl Default for AppOptions {
    fn default() -> Self {
        Self {
            backend: TestBackend::Sqlite,
            settings: Vec::new(),
            routes: palisade_server::routes::table(),
            default_limits: false,
            egress_allowlist: Vec::new(),
            resolver: None,
            start: START,
        }
    }
}

/// Limits no test reaches by accident.
const RAISED_LIMITS: &[&str] = &[
    "rate_limits.read.per_minute",
    "rate_limits.read.burst",
    "rate_limits.write.per_minute",
    "rate_limits.write.burst",
    "rate_limits.auth.per_minute",
    "rate_limits.auth.burst",
];

impl AppOptions {
    /// The rate limits a deployment gets without configuration.
    pub fn default_limits(mut self) -> Self {
        self.default_limits = true;
        self
    }

    pub fn set(mut self, key: &'static str, value: impl Into<figment::value::Value>) -> Self {
        self.settings.push((key, value.into()));
        self
    }

    pub fn routes(mut self, routes: RouteTable) -> Self {
        self.routes = routes;
        self
    }

    /// Lets webhooks reach `addr` although it is on loopback.
    pub fn reach(mut self, addr: SocketAddr) -> Self {
        self.egress_allowlist.push(addr);
        self
    }

    pub fn resolver(mut self, resolver: palisade_egress::StaticResolver) -> Self {
        self.resolver = Some(resolver);
        self
    }

    pub fn starting_at(mut self, start: time::OffsetDateTime) -> Self {
        self.start = start;
        self
    }
}

pub struct TestApp {
    pub addr: SocketAddr,
    pub url: String,
    pub client: reqwest::Client,
    pub clock: Arc<ManualClock>,
    pub state: AppState,
    /// The server's own store handle (closing it is a database outage) and master key.
    pub store: Arc<dyn Store>,
    /// The key-encryption keys the server was started with.
    pub keys: palisade_server::keys::Keys,
    /// The derivation root the platform's own keys come from (in the vault, not the KEK).
    pub root: MasterKey,
    pub data_dir: tempfile::TempDir,
    shutdown: Option<oneshot::Sender<()>>,
    server: Option<JoinHandle<std::io::Result<()>>>,
    db: Option<TestDatabase>,
}

impl TestApp {
    /// The test's database, for tests that work on it directly (tampering).
    pub fn db(&self) -> &TestDatabase {
        self.db
            .as_ref()
            .expect("the database lives as long as the app")
    }

    pub fn at(&self, path: &str) -> String {
        format!("{}{path}", self.url)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.at(path)).send().await.unwrap()
    }

    /// Stops accepting, waits for in-flight requests, and reports how `run` ended.
    pub async fn shut_down(&mut self) -> std::io::Result<()> {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        match self.server.take() {
            Some(handle) => handle.await.unwrap(),
            None => Ok(()),
        }
    }

    pub async fn cleanup(mut self) {
        let _ = self.shut_down().await;
        if let Some(db) = self.db.take() {
            db.cleanup().await;
        }
    }
}

/// The real server on SQLite with default settings.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(AppOptions::default()).await.unwrap()
}

/// The real server as described; `None` only when PostgreSQL is unreachable outside CI.
pub async fn spawn_app_with(options: AppOptions) -> Option<TestApp> {
    log_buffer();
    let db = TestDatabase::new(options.backend).await?;
    let data_dir = tempfile::tempdir().unwrap();
    let egress = egress_of(&options);
    let mut figment = Figment::new()
        .merge(("bind", "127.0.0.1:0"))
        .merge(("data_dir", data_dir.path().join("data")))
        .merge(("database_url", db.url()));
    if !options.default_limits {
        for key in RAISED_LIMITS {
            figment = figment.merge((*key, 100_000));
        }
    }
    for (key, value) in options.settings {
        figment = figment.merge((key, value));
    }
    let config = Config::from_figment(figment).unwrap();
    let clock = Arc::new(ManualClock::starting_at(options.start));
    Some(start(config, clock, options.routes, egress, data_dir, Some(db)).await)
}

/// A second node of `first`'s deployment: its database, master key and clock, its own
/// process state, with `settings` on top of the test defaults (as `first` was given them).
pub async fn spawn_peer(first: &TestApp, options: AppOptions) -> TestApp {
    let data_dir = tempfile::tempdir().unwrap();
    let egress = egress_of(&options);
    let mut figment = Figment::new()
        .merge(("bind", "127.0.0.1:0"))
        .merge(("data_dir", data_dir.path().join("data")))
        .merge(("database_url", first.db().url()))
        .merge((
            "master_key_file",
            first.data_dir.path().join("data").join("master.key"),
        ));
    if !options.default_limits {
        for key in RAISED_LIMITS {
            figment = figment.merge((*key, 100_000));
        }
    }
    for (key, value) in options.settings {
        figment = figment.merge((key, value));
    }
    let config = Config::from_figment(figment).unwrap();
    start(
        config,
        Arc::clone(&first.clock),
        options.routes,
        egress,
        data_dir,
        None,
    )
    .await
}

type EgressParts = (Arc<dyn palisade_egress::Resolve>, Vec<SocketAddr>);

fn egress_of(options: &AppOptions) -> EgressParts {
    let resolver: Arc<dyn palisade_egress::Resolve> = match &options.resolver {
        Some(resolver) => Arc::new(resolver.clone()),
        None => Arc::new(palisade_egress::SystemResolver),
    };
    (resolver, options.egress_allowlist.clone())
}

async fn start(
    config: Config,
    clock: Arc<ManualClock>,
    routes: RouteTable,
    (resolver, egress_allowlist): EgressParts,
    data_dir: tempfile::TempDir,
    db: Option<TestDatabase>,
) -> TestApp {
    let services = Services {
        clock: clock.clone(),
        rng: Arc::new(OsSecureRng),
        resolver,
        egress_allowlist,
    };
    let (store, keys) = serve::open(&config, &OsSecureRng).await.unwrap();
    let state = serve::assemble(config, services.clone(), Arc::clone(&store), &keys)
        .await
        .unwrap();
    // Unlocking again reads the root the server made: operators' commands derive from it.
    let root = serve::unlock(&services, &store, &keys).await.unwrap().root;
    let server = Server::bind_with_routes(state.clone(), routes)
        .await
        .unwrap();
    let addr = server.local_addr();
    let url = server.url();
    let (shutdown, signal) = oneshot::channel::<()>();
    let handle = tokio::spawn(server.run(async move {
        let _ = signal.await;
    }));
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    TestApp {
        addr,
        url,
        client,
        clock,
        state,
        store,
        keys,
        root,
        data_dir,
        shutdown: Some(shutdown),
        server: Some(handle),
        db,
    }
}

/// The Redis tests use: `PALISADE_TEST_REDIS_URL`, else the local server. `None` when it does
/// not answer outside CI; with `CI=true` an unreachable Redis fails the test.
pub async fn redis_url() -> Option<String> {
    let url = std::env::var("PALISADE_TEST_REDIS_URL")
        .unwrap_or_else(|_| "redis://127.0.0.1:6379".to_owned());
    let authority = url
        .trim_start_matches("redis://")
        .split('/')
        .next()
        .unwrap_or_default()
        .rsplit('@')
        .next()
        .unwrap_or_default()
        .to_owned();
    match tokio::net::TcpStream::connect(&authority).await {
        Ok(_) => Some(url),
        Err(err) => {
            let in_ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
            assert!(
                !in_ci,
                "Redis at {authority} is unreachable and CI=true: the Redis tests must run ({err})"
            );
            eprintln!("SKIPPED: Redis at {authority} is unreachable ({err}); set PALISADE_TEST_REDIS_URL or start Redis; in CI this is a failure.");
            None
        }
    }
}

/// Runs a test body against SQLite and then PostgreSQL.
pub async fn on_both_backends<F, Fut>(options: impl Fn() -> AppOptions, body: F)
where
    F: Fn(TestApp) -> Fut,
    Fut: std::future::Future<Output = TestApp>,
{
    for backend in [TestBackend::Sqlite, TestBackend::Postgres] {
        let mut opts = options();
        opts.backend = backend;
        if let Some(app) = spawn_app_with(opts).await {
            body(app).await.cleanup().await;
        }
    }
}

/// Parses a problem+json body, checking the content type.
pub async fn problem(response: reqwest::Response) -> serde_json::Value {
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(content_type, "application/problem+json");
    response.json().await.unwrap()
}

/// Sends a request with a bearer credential (access token or API key) and an optional JSON body.
pub async fn send(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    credential: &str,
    body: Option<serde_json::Value>,
) -> reqwest::Response {
    let mut request = app
        .client
        .request(method, app.at(path))
        .bearer_auth(credential);
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await.unwrap()
}

/// An audit event for a write a test makes straight through the store.
pub fn test_event(log: &str) -> palisade_core::audit::AuditEntry {
    use palisade_service::audit::{system_entry, Actor, Draft, Resource};
    system_entry(
        Draft::success(log, Actor::System, "test.write", Resource::kind("test")),
        &palisade_core::SystemClock,
        &OsSecureRng,
    )
}
