//! Webhook endpoints and their outbox. A message is queued for every subscribed endpoint in
//! the transaction that makes the change it reports (the audit append, a record write), so a
//! change is never without its messages or a message without its change. Workers on any node
//! find due jobs, lease one at a time by compare-and-swap, and report each attempt.

use crate::StoreError;
use async_trait::async_trait;
use palisade_core::audit::AuditEntry;
use palisade_core::grant::ManageWebhooks;
use time::OffsetDateTime;

type Grant = crate::Grant<ManageWebhooks>;

/// One message on its way out, as its body will be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboundMessage {
    /// `msg_…`: the same for every attempt and endpoint (receivers deduplicate on it).
    pub id: String,
    pub event_type: String,
    pub at_micros: i64,
    /// Delivery order within an ordered endpoint (an audit event's sequence number).
    pub position: i64,
    /// The JSON body: `{"id", "type", "timestamp", "data"}`.
    pub payload: String,
}

/// A subscribed URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointRecord {
    pub id: String,
    pub url: String,
    pub description: Option<String>,
    pub events: Vec<String>,
    /// An audit stream: messages go out one at a time, in sequence order.
    pub ordered: bool,
    /// Set when a message exhausted its retries; cleared by the next success.
    pub failing_since: Option<OffsetDateTime>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    /// The newest signing secret's version (1 until the first rotation).
    pub secret_version: i64,
    pub auth: Option<AuthHeader>,
}

/// A header every delivery carries whose value is `prefix` and a vault secret of the
/// workspace (a SIEM's ingestion token, a receiver's bearer token).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthHeader {
    pub header: String,
    /// The secret's name, never its value.
    pub secret: String,
    pub prefix: String,
}

/// One version of an endpoint's signing secret, sealed by the vault.
#[derive(Clone, PartialEq, Eq)]
pub struct EndpointSecret {
    pub version: i64,
    pub sealed: Vec<u8>,
    pub created_at: OffsetDateTime,
    /// When a rotation replaced it: it keeps signing until then.
    pub expires_at: Option<OffsetDateTime>,
}

impl std::fmt::Debug for EndpointSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EndpointSecret")
            .field("version", &self.version)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

/// A job whose next attempt is due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueJob {
    pub workspace_id: String,
    pub endpoint_id: String,
    pub message_id: String,
    /// Attempts made so far (the lease compares it).
    pub attempts: i64,
}

/// A job leased to this worker, with what delivering it needs.
#[derive(Debug, Clone)]
pub struct ClaimedJob {
    pub job: DueJob,
    pub event_type: String,
    pub payload: String,
    pub url: String,
    /// Newest first, those still signing.
    pub secrets: Vec<EndpointSecret>,
    pub auth: Option<AuthHeader>,
    /// Until when this worker holds the job; finishing checks it still does.
    pub lease_until_micros: i64,
}

/// One attempt at delivering a message, as the delivery log shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptRecord {
    pub id: String,
    pub endpoint_id: String,
    pub message_id: String,
    pub event_type: String,
    pub attempt: i64,
    pub at: OffsetDateTime,
    pub status_code: Option<i64>,
    pub latency_ms: i64,
    /// The first bytes of the response body.
    pub response: Option<String>,
    /// Why no response was had (`timeout`, `forbidden_address`, …).
    pub error: Option<String>,
    pub succeeded: bool,
}

/// What happens to a job after an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobNext {
    Delivered,
    RetryAt(i64),
    /// Out of retries: the endpoint is marked failing.
    Failed,
}

/// What finishing an attempt changed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Finished {
    /// The endpoint just became failing: tell its owners.
    pub newly_failing: bool,
    pub owner_emails: Vec<String>,
    pub url: String,
    /// The lease had lapsed: the attempt was logged, the job left as another worker has it.
    pub lost_lease: bool,
}

#[async_trait]
pub trait WebhookStore: Send + Sync {
    /// `false` (nothing made) when the workspace already has `max_endpoints` endpoints.
    async fn create_webhook(
        &self,
        grant: &Grant,
        endpoint: &EndpointRecord,
        secret: &EndpointSecret,
        max_endpoints: i64,
        audit: &AuditEntry,
    ) -> Result<bool, StoreError>;
    async fn webhooks(&self, grant: &Grant) -> Result<Vec<EndpointRecord>, StoreError>;
    async fn webhook(&self, grant: &Grant, id: &str) -> Result<Option<EndpointRecord>, StoreError>;
    /// Replaces url, description, events and auth header, and drops the messages of events it
    /// no longer takes; `false` if there is no such endpoint.
    async fn update_webhook(
        &self,
        grant: &Grant,
        endpoint: &EndpointRecord,
        audit: &AuditEntry,
    ) -> Result<bool, StoreError>;
    async fn delete_webhook(
        &self,
        grant: &Grant,
        id: &str,
        audit: &AuditEntry,
    ) -> Result<bool, StoreError>;
    /// Adds `secret` (the version after the newest); older ones that still sign stop at
    /// `retire_at`. `false` when there is no such endpoint or another rotation took that
    /// version first.
    async fn rotate_webhook_secret(
        &self,
        grant: &Grant,
        id: &str,
        secret: &EndpointSecret,
        retire_at: OffsetDateTime,
        audit: &AuditEntry,
    ) -> Result<bool, StoreError>;
    /// Queues `message` for the one endpoint (a test event); `false` if there is none.
    async fn enqueue_webhook_message(
        &self,
        grant: &Grant,
        endpoint_id: &str,
        message: &OutboundMessage,
    ) -> Result<bool, StoreError>;
    /// Makes the message due again now; `false` if the endpoint never had it.
    async fn redeliver_webhook_message(
        &self,
        grant: &Grant,
        endpoint_id: &str,
        message_id: &str,
        now_micros: i64,
    ) -> Result<bool, StoreError>;
    /// The endpoint's latest attempts, newest first.
    async fn webhook_attempts(
        &self,
        grant: &Grant,
        endpoint_id: &str,
        limit: u32,
    ) -> Result<Vec<AttemptRecord>, StoreError>;

    /// Jobs of every workspace due at `now_micros`, unleased, oldest first, at most
    /// `per_endpoint` of one endpoint; an ordered endpoint offers only its first pending job.
    /// Only their keys: a worker reads the rest inside the job's workspace.
    async fn due_webhook_jobs(
        &self,
        now_micros: i64,
        per_endpoint: u32,
        limit: u32,
    ) -> Result<Vec<DueJob>, StoreError>;
    /// Leases `job` until `lease_until_micros` if nobody else did since it was found.
    async fn claim_webhook_job(
        &self,
        job: &DueJob,
        now_micros: i64,
        lease_until_micros: i64,
    ) -> Result<Option<ClaimedJob>, StoreError>;
    /// Deletes the workspace's finished jobs queued before `jobs_before_micros`, attempts
    /// logged before `attempts_before` and secrets retired by `now`; how many rows went.
    async fn sweep_webhooks(
        &self,
        workspace_id: &str,
        jobs_before_micros: i64,
        attempts_before: OffsetDateTime,
        now: OffsetDateTime,
    ) -> Result<u64, StoreError>;
    /// The vault secret `name` of the job's workspace, for its endpoint's auth header, stamped
    /// as used at `now`; `None` when there is no such secret.
    async fn webhook_auth_secret(
        &self,
        job: &DueJob,
        name: &str,
        now: OffsetDateTime,
    ) -> Result<Option<crate::SealedSecret>, StoreError>;
    /// Logs the attempt and, if the lease taken until `lease_until_micros` still holds, moves
    /// the job on; when it failed for good, marks the endpoint failing and (the first time)
    /// appends `failing` to the workspace's log.
    async fn finish_webhook_job(
        &self,
        job: &DueJob,
        lease_until_micros: i64,
        attempt: &AttemptRecord,
        next: JobNext,
        failing: &AuditEntry,
    ) -> Result<Finished, StoreError>;
}
