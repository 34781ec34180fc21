//! The audit log's storage. Events that record a state change are appended by the store
//! method that makes the change, in its transaction (each such method takes the event);
//! the rest arrive here in batches. Appends to one log are serialised, so its chain never
//! forks: PostgreSQL takes a transaction-scoped advisory lock per log, SQLite has one writer.

use crate::StoreError;
use async_trait::async_trait;
use palisade_core::audit::{ChainedEvent, Checkpoint};

/// A checkpoint with its signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedCheckpoint {
    pub checkpoint: Checkpoint,
    pub kid: String,
    pub signature: String,
}

/// Which events of a log to read, in sequence order. Every filter is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditQuery {
    /// Only events after this sequence number.
    pub after_seq: Option<i64>,
    /// Only events up to this sequence number.
    pub through_seq: Option<i64>,
    pub limit: u32,
    pub action: Option<String>,
    pub actor: Option<String>,
    pub resource_type: Option<String>,
    pub resource_id: Option<String>,
    pub from_micros: Option<i64>,
    pub to_micros: Option<i64>,
}

#[async_trait]
pub trait AuditStore: Send + Sync {
    /// Appends events that record no state change, one transaction per log (group commit).
    async fn append_audit(
        &self,
        entries: &[palisade_core::audit::AuditEntry],
    ) -> Result<(), StoreError>;
    async fn audit_events(
        &self,
        log: &str,
        query: &AuditQuery,
    ) -> Result<Vec<ChainedEvent>, StoreError>;
    /// The last event's sequence number and hash, or the retention cut's when none remain.
    async fn audit_head(&self, log: &str) -> Result<Option<(i64, String)>, StoreError>;
    /// Stores a checkpoint (a repeat of one already stored is ignored).
    async fn add_audit_checkpoint(&self, checkpoint: &SignedCheckpoint) -> Result<(), StoreError>;
    async fn audit_checkpoints(&self, log: &str) -> Result<Vec<SignedCheckpoint>, StoreError>;
    /// The latest checkpoint of the log.
    async fn last_audit_checkpoint(
        &self,
        log: &str,
    ) -> Result<Option<SignedCheckpoint>, StoreError>;
    /// The latest retention cut, signed as a cut: where the remaining chain hangs from.
    async fn audit_cut(&self, log: &str) -> Result<Option<SignedCheckpoint>, StoreError>;
    /// The last event recorded before `at_micros`.
    async fn last_audit_seq_before(
        &self,
        log: &str,
        at_micros: i64,
    ) -> Result<Option<i64>, StoreError>;
    /// Records a retention cut (`at` signed as a cut) and deletes the events up to it, then
    /// appends `event` recording the cut; returns how many were deleted. A cut already made
    /// there (by another node) is left as it is. Runs as the schema owner: the application
    /// role may neither delete audit rows nor record cuts.
    async fn cut_audit_log(
        &self,
        at: &SignedCheckpoint,
        event: &palisade_core::audit::AuditEntry,
    ) -> Result<u64, StoreError>;
    /// The log of the workspace with this slug (its id), for operator commands.
    async fn audit_log_of(&self, slug: &str) -> Result<Option<String>, StoreError>;
    /// Each workspace's id and audit retention in days.
    async fn audit_retention(&self) -> Result<Vec<(String, i64)>, StoreError>;
}
