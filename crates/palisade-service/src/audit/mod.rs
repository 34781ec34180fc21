//! The audit log. Services build an event for every security-relevant action: one that
//! changes state goes to the store with the change and commits in its transaction; one that
//! changes nothing (a refused login, a denied permission) is queued here and appended in
//! batches, one transaction per log (group commit). Checkpoints sign a log's head, the
//! verifier recomputes chains, and retention cuts old events behind a signed checkpoint.

mod entry;
pub(crate) mod export;
mod offline;
mod reading;
mod retention;

pub use entry::{system_entry, Actor, Draft, Origin, Resource};
pub use export::{csv_escape, ExportFormat, ExportHeader, ExportPlan};
pub use offline::{verify_export, ExportError};
pub(crate) use reading::micros;
pub use reading::EventFilter;
pub use retention::PLATFORM_RETENTION_DAYS;

use crate::deps::Deps;
use palisade_core::audit::{AuditEntry, ChainVerifier, Checkpoint, Verdict};
use palisade_core::AuditEventId;
use palisade_crypto::audit::{CheckpointKey, CheckpointSigner, IpHasher};
use palisade_crypto::jwt::PublicJwk;
use palisade_crypto::MasterKey;
use palisade_store::{AuditQuery, SignedCheckpoint, StoreError};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

/// How a source IP is kept in events.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IpMode {
    /// A keyed hash: events from one address correlate, the address is not stored.
    #[default]
    Hashed,
    Full,
}

/// Validated `[audit]` settings.
#[derive(Debug, Clone, Default)]
pub struct AuditConfig {
    pub ip: IpMode,
}

/// The most events that may wait for a batch (the store down for long, a flood of refusals);
/// beyond it the newest are dropped and counted in the log, rather than memory running out.
const MAX_PENDING: usize = 50_000;

/// Events verified per page read from the store.
const VERIFY_PAGE: u32 = 1000;

/// The audit service. Cheap to clone; every service records through it.
#[derive(Debug, Clone)]
pub struct Audit {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    deps: Deps,
    config: AuditConfig,
    signer: CheckpointSigner,
    ip_hasher: Option<IpHasher>,
    /// Events that change no state, waiting for the next batch.
    pending: Mutex<Vec<AuditEntry>>,
    /// Held for a whole flush, so a flush that finds the queue empty because another is
    /// appending it waits for that append: after `flush` returns, what was queued is stored.
    flushing: tokio::sync::Mutex<()>,
    /// Logs appended to on this node since their last checkpoint.
    unsigned: Mutex<BTreeSet<String>>,
}

impl Audit {
    pub(crate) fn new(deps: Deps, master: &MasterKey, config: AuditConfig) -> Self {
        Self {
            inner: Arc::new(Inner {
                deps,
                config,
                signer: CheckpointSigner::derive(master),
                ip_hasher: IpHasher::derive(master),
                pending: Mutex::new(Vec::new()),
                flushing: tokio::sync::Mutex::new(()),
                unsigned: Mutex::new(BTreeSet::new()),
            }),
        }
    }

    /// The audit service alone, for operator commands that run without a server.
    pub fn for_operator(
        store: Arc<dyn palisade_store::Store>,
        master: &MasterKey,
        config: AuditConfig,
    ) -> Self {
        let deps = Deps::new(
            store,
            Arc::new(palisade_core::SystemClock),
            Arc::new(palisade_core::OsSecureRng),
            Arc::default(),
        );
        Self::new(deps, master, config)
    }

    fn deps(&self) -> &Deps {
        &self.inner.deps
    }

    /// The event for `draft`, stamped with a fresh id and the current time.
    pub fn entry(&self, draft: Draft, origin: &Origin) -> AuditEntry {
        let deps = self.deps();
        let ip = origin.ip.as_deref().map(|ip| match self.inner.config.ip {
            IpMode::Full => ip.to_owned(),
            IpMode::Hashed => self
                .inner
                .ip_hasher
                .as_ref()
                // Without a hasher (never with a valid master key), keep nothing of the address.
                .map_or_else(|| "h:unavailable".to_owned(), |hasher| hasher.hash(ip)),
        });
        let at_micros = micros(deps.now());
        draft.stamp(
            AuditEventId::generate(deps.clock(), deps.rng()),
            at_micros,
            origin,
            ip,
        )
    }

    /// Notes that an event reached `log` with a state change's transaction.
    pub(crate) fn appended(&self, log: &str) {
        self.unsigned_logs().insert(log.to_owned());
    }

    fn unsigned_logs(&self) -> std::sync::MutexGuard<'_, BTreeSet<String>> {
        self.inner
            .unsigned
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Records that `scope` was refused `permission` (in the workspace's own log).
    pub fn permission_denied(
        &self,
        scope: &palisade_store::WorkspaceScope,
        permission: palisade_core::Permission,
        origin: &Origin,
    ) {
        self.record(
            Draft::success(
                &scope.workspace_id().to_string(),
                Actor::of(scope),
                "permission.used",
                Resource::new("permission", permission),
            )
            .denied("permission_denied"),
            origin,
        );
    }

    /// A platform admin's request under support access, in the workspace's own log: which
    /// grant, and the permission the request used.
    pub fn support_read(
        &self,
        scope: &palisade_store::WorkspaceScope,
        permission: palisade_core::Permission,
        origin: &Origin,
    ) {
        let Some(grant) = scope.support_grant() else {
            return;
        };
        self.record(
            Draft::success(
                &scope.workspace_id().to_string(),
                Actor::of(scope),
                "support_access.read",
                Resource::new("support_grant", grant),
            )
            .because(permission.as_str()),
            origin,
        );
    }

    /// Queues an event that records no state change for the next batch.
    pub fn record(&self, draft: Draft, origin: &Origin) {
        let entry = self.entry(draft, origin);
        let mut pending = self.pending();
        if pending.len() >= MAX_PENDING {
            tracing::error!(action = %entry.action, "audit queue full; event dropped");
            return;
        }
        pending.push(entry);
    }

    /// Appends every queued event, one transaction per log (tests call it to see them). A log
    /// whose append fails keeps its events queued, in order, for the next try; the others are
    /// appended regardless, so one failing log never blocks or duplicates the rest.
    pub async fn flush(&self) -> Result<(), StoreError> {
        let _flushing = self.inner.flushing.lock().await;
        let batch = std::mem::take(&mut *self.pending());
        if batch.is_empty() {
            return Ok(());
        }
        let mut logs: Vec<String> = batch.iter().map(|e| e.log.clone()).collect();
        logs.sort_unstable();
        logs.dedup();
        let mut failed = Vec::new();
        let mut first_error = None;
        for log in logs {
            let events: Vec<AuditEntry> = batch.iter().filter(|e| e.log == log).cloned().collect();
            match self.deps().store.append_audit(&events).await {
                Ok(()) => {
                    self.unsigned_logs().insert(log);
                }
                Err(err) => {
                    failed.extend(events);
                    first_error.get_or_insert(err);
                }
            }
        }
        if let Some(err) = first_error {
            // In front of what arrived meanwhile, so each log keeps its order.
            let mut pending = self.pending();
            let later = std::mem::replace(&mut *pending, failed);
            pending.extend(later);
            return Err(err);
        }
        Ok(())
    }

    fn pending(&self) -> std::sync::MutexGuard<'_, Vec<AuditEntry>> {
        self.inner
            .pending
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Flushes every `every` until the task is dropped.
    pub async fn run_batches(&self, every: std::time::Duration) {
        loop {
            tokio::time::sleep(every).await;
            if let Err(err) = self.flush().await {
                tracing::warn!(error = %err, "audit batch could not be appended; retrying");
            }
        }
    }

    /// Signs and stores a checkpoint at `log`'s head, after checking the events since the
    /// last checkpoint: a log that does not verify is never signed (the refusal is logged).
    /// `None` for an empty or unverifiable log.
    pub async fn checkpoint(&self, log: &str) -> Result<Option<SignedCheckpoint>, StoreError> {
        let Some((seq, head_hash)) = self.verified_head(log).await? else {
            return Ok(None);
        };
        let signed = self.sign(log, seq, head_hash);
        self.deps().store.add_audit_checkpoint(&signed).await?;
        Ok(Some(signed))
    }

    /// The head of `log` once the events since its last valid checkpoint (or cut, or its
    /// start) verify; `None` when the log is empty or does not verify.
    pub(super) async fn verified_head(
        &self,
        log: &str,
    ) -> Result<Option<(i64, String)>, StoreError> {
        let store = &self.deps().store;
        let key = self.verifying_key();
        let checkpoint = store
            .last_audit_checkpoint(log)
            .await?
            .filter(|c| key.verifies(&c.checkpoint, &c.signature));
        let cut = store
            .audit_cut(log)
            .await?
            .filter(|c| key.verifies_cut(&c.checkpoint, &c.signature));
        let anchor = match (checkpoint, cut) {
            (Some(a), Some(b)) => Some(if a.checkpoint.seq >= b.checkpoint.seq {
                a
            } else {
                b
            }),
            (a, b) => a.or(b),
        }
        .map(|signed| signed.checkpoint);
        let mut verifier = ChainVerifier::new(log, anchor.as_ref()).keeping_only([]);
        let mut head = anchor
            .map(|a| (a.seq, a.head_hash))
            .filter(|(seq, _)| *seq > 0);
        let mut after = head.as_ref().map(|(seq, _)| *seq);
        loop {
            let query = AuditQuery {
                after_seq: after,
                limit: VERIFY_PAGE,
                ..AuditQuery::default()
            };
            let page = store.audit_events(log, &query).await?;
            for event in &page {
                verifier.push(event);
            }
            if let Some(last) = page.last() {
                head = Some((last.seq, last.hash.clone()));
                after = Some(last.seq);
            }
            if page.len() < VERIFY_PAGE as usize || verifier.failed() {
                break;
            }
        }
        if let Some((seq, why)) = verifier.finish().first_bad {
            tracing::error!(log = %log, seq, problem = why.as_str(), "the audit log does not verify; no checkpoint signed");
            return Ok(None);
        }
        Ok(head)
    }

    fn sign(&self, log: &str, seq: i64, head_hash: String) -> SignedCheckpoint {
        self.signed(log, seq, head_hash, CheckpointSigner::sign)
    }

    /// The statement that retention cut `log` at `seq`, signed as a cut.
    fn sign_cut(&self, log: &str, seq: i64, head_hash: String) -> SignedCheckpoint {
        self.signed(log, seq, head_hash, CheckpointSigner::sign_cut)
    }

    fn signed(
        &self,
        log: &str,
        seq: i64,
        head_hash: String,
        sign: fn(&CheckpointSigner, &Checkpoint) -> String,
    ) -> SignedCheckpoint {
        let checkpoint = Checkpoint {
            log: log.to_owned(),
            seq,
            head_hash,
            at_micros: micros(self.deps().now()),
        };
        SignedCheckpoint {
            signature: sign(&self.inner.signer, &checkpoint),
            kid: self.inner.signer.kid().to_owned(),
            checkpoint,
        }
    }

    /// Checkpoints every log this node appended to since its last checkpoint.
    pub async fn checkpoint_appended(&self) -> Result<(), StoreError> {
        self.flush().await?;
        let logs = std::mem::take(&mut *self.unsigned_logs());
        let mut first_error = None;
        for log in logs {
            if let Err(err) = self.checkpoint(&log).await {
                tracing::warn!(log = %log, error = %err, "audit checkpoint not signed; retrying");
                self.unsigned_logs().insert(log);
                first_error.get_or_insert(err);
            }
        }
        first_error.map_or(Ok(()), Err)
    }

    /// The keys checkpoints are signed with, as published.
    pub fn public_keys(&self) -> Vec<PublicJwk> {
        vec![self.inner.signer.public_key().jwk()]
    }

    fn verifying_key(&self) -> CheckpointKey {
        self.inner.signer.public_key()
    }

    /// Recomputes `log`'s chain from its start (or its retention cut) and checks every
    /// checkpoint's signature and hash.
    pub async fn verify(&self, log: &str) -> Result<Verdict, StoreError> {
        self.verify_with_progress(log, &mut |_| {}).await
    }

    /// [`Audit::verify`], reporting how many events have been checked after every page.
    pub async fn verify_with_progress(
        &self,
        log: &str,
        progress: &mut (dyn FnMut(u64) + Send),
    ) -> Result<Verdict, StoreError> {
        self.flush().await?;
        let store = &self.deps().store;
        let key = self.verifying_key();
        // Checkpoints first: every one of them names an event already written, so one signed
        // while this runs cannot look like a missing tail.
        let checkpoints = store.audit_checkpoints(log).await?;
        let cut = store.audit_cut(log).await?;
        let mut verifier = ChainVerifier::new(log, cut.as_ref().map(|c| &c.checkpoint))
            .keeping_only(checkpoints.iter().map(|c| c.checkpoint.seq));
        if let Some(cut) = &cut {
            let valid = key.verifies_cut(&cut.checkpoint, &cut.signature);
            verifier.checkpoint(cut.checkpoint.clone(), valid);
        }
        let mut after = cut.as_ref().map(|c| c.checkpoint.seq);
        loop {
            let query = AuditQuery {
                after_seq: after,
                limit: VERIFY_PAGE,
                ..AuditQuery::default()
            };
            let page = store.audit_events(log, &query).await?;
            for event in &page {
                verifier.push(event);
            }
            progress(verifier.checked());
            match page.last() {
                Some(last) if page.len() == VERIFY_PAGE as usize && !verifier.failed() => {
                    after = Some(last.seq)
                }
                _ => break,
            }
        }
        for signed in checkpoints {
            let valid = key.verifies(&signed.checkpoint, &signed.signature);
            verifier.checkpoint(signed.checkpoint, valid);
        }
        Ok(verifier.finish())
    }
}
