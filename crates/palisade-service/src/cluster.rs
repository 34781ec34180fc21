//! State shared by every node of a deployment through Redis (`redis_url`): rate-limit budgets
//! and revocation notices. Redis is optional and never trusted to be up: a node that cannot
//! reach it says so (`/readyz` reports degraded), limits in-process, and tries again a second
//! later; nothing fails open.

use palisade_core::Clock;
use redis::aio::ConnectionManager;
use redis::AsyncCommands;
use secrecy::{ExposeSecret, SecretString};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use time::OffsetDateTime;

/// How long one Redis operation may take before the node limits in-process instead.
const ANSWER_WITHIN: Duration = Duration::from_millis(250);
/// How long a node leaves Redis alone after it failed to answer.
const RETRY_AFTER: time::Duration = time::Duration::seconds(1);

/// Why Redis could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ClusterError {
    #[error("redis_url is not a Redis URL: {0}")]
    Url(String),
    #[error("Redis is unreachable (checked again shortly)")]
    Down,
    #[error("Redis: {0}")]
    Redis(#[from] redis::RedisError),
    #[error("Redis did not answer within {0:?}")]
    Slow(Duration),
}

/// A deployment's connection to Redis, made on first use and remade after an outage.
pub struct Cluster {
    client: redis::Client,
    /// Namespaces every key and channel, so deployments can share one Redis.
    prefix: String,
    clock: Arc<dyn Clock>,
    connection: tokio::sync::Mutex<Option<ConnectionManager>>,
    down_until: Mutex<Option<OffsetDateTime>>,
}

impl std::fmt::Debug for Cluster {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The URL may carry a password.
        f.debug_struct("Cluster")
            .field("prefix", &self.prefix)
            .finish_non_exhaustive()
    }
}

impl Cluster {
    /// `deployment` is the instance id every node of the deployment shares.
    pub fn new(
        url: &SecretString,
        deployment: &str,
        clock: Arc<dyn Clock>,
    ) -> Result<Self, ClusterError> {
        let client = redis::Client::open(url.expose_secret())
            .map_err(|err| ClusterError::Url(format!("{:?}", err.kind())))?;
        Ok(Self {
            client,
            prefix: format!("palisade:{deployment}"),
            clock,
            connection: tokio::sync::Mutex::new(None),
            down_until: Mutex::new(None),
        })
    }

    /// A key or channel name of this deployment.
    pub fn name(&self, suffix: &str) -> String {
        format!("{}:{suffix}", self.prefix)
    }

    /// Whether the last attempt to use Redis failed and the pause after it still runs.
    pub fn is_down(&self) -> bool {
        self.down_until
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .is_some_and(|until| self.clock.now() < until)
    }

    fn mark(&self, result: &Result<(), ()>) {
        let mut down = self.down_until.lock().unwrap_or_else(|e| e.into_inner());
        *down = match result {
            Ok(()) => None,
            Err(()) => Some(self.clock.now() + RETRY_AFTER),
        };
    }

    async fn connection(&self) -> Result<ConnectionManager, ClusterError> {
        if self.is_down() {
            return Err(ClusterError::Down);
        }
        let mut held = self.connection.lock().await;
        if let Some(connection) = held.as_ref() {
            return Ok(connection.clone());
        }
        // Another request may have just failed to connect while this one waited.
        if self.is_down() {
            return Err(ClusterError::Down);
        }
        let config = redis::aio::ConnectionManagerConfig::new()
            .set_connection_timeout(ANSWER_WITHIN)
            .set_response_timeout(ANSWER_WITHIN)
            .set_number_of_retries(1);
        let made = tokio::time::timeout(
            ANSWER_WITHIN * 4,
            ConnectionManager::new_with_config(self.client.clone(), config),
        )
        .await;
        match made {
            Ok(Ok(connection)) => {
                *held = Some(connection.clone());
                Ok(connection)
            }
            Ok(Err(err)) => {
                self.mark(&Err(()));
                Err(err.into())
            }
            Err(_) => {
                self.mark(&Err(()));
                Err(ClusterError::Slow(ANSWER_WITHIN * 4))
            }
        }
    }

    /// Runs `op` on the shared connection within the deadline, noting whether Redis answered.
    pub async fn run<T, F, Fut>(&self, op: F) -> Result<T, ClusterError>
    where
        F: FnOnce(ConnectionManager) -> Fut,
        Fut: std::future::Future<Output = redis::RedisResult<T>>,
    {
        let connection = self.connection().await?;
        let outcome = match tokio::time::timeout(ANSWER_WITHIN, op(connection)).await {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(err)) => Err(ClusterError::Redis(err)),
            Err(_) => Err(ClusterError::Slow(ANSWER_WITHIN)),
        };
        self.mark(&outcome.as_ref().map(|_| ()).map_err(|_| ()));
        outcome
    }

    /// Whether Redis answers now (for readiness).
    pub async fn ping(&self) -> Result<(), ClusterError> {
        self.run(|mut connection| async move {
            redis::cmd("PING")
                .query_async::<String>(&mut connection)
                .await
                .map(|_| ())
        })
        .await
    }

    /// Publishes `message` on this deployment's `channel`.
    pub async fn publish(&self, channel: &str, message: String) -> Result<(), ClusterError> {
        let channel = self.name(channel);
        self.run(|mut connection| async move {
            connection
                .publish::<_, _, i64>(channel, message)
                .await
                .map(|_| ())
        })
        .await
    }

    /// A subscription to this deployment's `channel`, on a connection of its own.
    pub async fn subscribe(&self, channel: &str) -> Result<redis::aio::PubSub, ClusterError> {
        let mut pubsub = tokio::time::timeout(ANSWER_WITHIN * 4, self.client.get_async_pubsub())
            .await
            .map_err(|_| ClusterError::Slow(ANSWER_WITHIN * 4))??;
        pubsub.subscribe(self.name(channel)).await?;
        Ok(pubsub)
    }
}
