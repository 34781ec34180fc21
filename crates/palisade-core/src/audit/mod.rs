//! The audit log's event model and its tamper evidence. Each log (one per workspace, and the
//! platform log for events outside any workspace) is a hash chain: event `n` stores the hash
//! of event `n - 1`, and its own hash covers its every field and that link. Signed
//! checkpoints (see `palisade-crypto`'s `audit` module) pin a log's head, so rewriting the
//! chain after an edit shows at the next checkpoint.
//!
//! ## Canonical encoding (version 1)
//!
//! `hash = SHA-256(canonical ‖ prev_hash)`, where `prev_hash` is the previous event's hash as
//! its 64 lower-case hex characters (64 `0`s before the first event) and `canonical` is the
//! ASCII tag
//! `palisade-audit-event-v1`, then each field in this order, a present field as the byte `0x00`,
//! its UTF-8 length as a 4-byte big-endian integer and its bytes, an absent one as the byte
//! `0x01`: log, sequence (decimal), id, time (Unix microseconds, decimal), actor, action,
//! resource type, resource id, outcome, reason, request id, source IP, user agent. Hashes
//! are written as lower-case hex.

mod verify;

pub use verify::{Break, ChainVerifier, Verdict};

use crate::AuditEventId;
use sha2::{Digest, Sha256};
use std::fmt;
use std::str::FromStr;

/// The log of events that belong to no workspace (accounts, operators, the platform).
pub const PLATFORM_LOG: &str = "platform";

/// What an event's first predecessor hash is.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

const EVENT_TAG: &[u8] = b"palisade-audit-event-v1";
const CHECKPOINT_TAG: &[u8] = b"palisade-audit-checkpoint-v1";
const CUT_TAG: &[u8] = b"palisade-audit-cut-v1";

/// How an audited action ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    /// Refused by a rule: a wrong password, a missing permission, a bad key.
    Denied,
    /// Attempted and failed for another reason.
    Failure,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Denied => "denied",
            Outcome::Failure => "failure",
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Outcome {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "success" => Ok(Outcome::Success),
            "denied" => Ok(Outcome::Denied),
            "failure" => Ok(Outcome::Failure),
            _ => Err(()),
        }
    }
}

/// An event as recorded, before the log numbers and chains it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub id: AuditEventId,
    /// A workspace id, or [`PLATFORM_LOG`].
    pub log: String,
    /// Unix microseconds: the precision every backend stores exactly.
    pub at_micros: i64,
    /// `user:<id>`, `key:<id>`, `system` or `anonymous`.
    pub actor: String,
    /// A stable dotted name, such as `api_key.revoked`.
    pub action: String,
    pub resource_type: String,
    pub resource_id: Option<String>,
    pub outcome: Outcome,
    /// Why it was denied or failed, as a stable code (`invalid_credentials`).
    pub reason: Option<String>,
    pub request_id: Option<String>,
    /// The source address, or its keyed hash (`audit.ip = "hashed"`).
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

/// An event in its log: numbered and linked to its predecessor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainedEvent {
    pub seq: i64,
    pub entry: AuditEntry,
    pub prev_hash: String,
    pub hash: String,
}

fn field(out: &mut Vec<u8>, value: Option<&str>) {
    match value {
        Some(text) => {
            out.push(0);
            // Fields are bounded far below 4 GiB by the store's checks.
            out.extend_from_slice(&(text.len() as u32).to_be_bytes());
            out.extend_from_slice(text.as_bytes());
        }
        None => out.push(1),
    }
}

/// Lower-case hex of `bytes`.
pub fn to_hex(bytes: &[u8]) -> String {
    use fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// The canonical bytes of `entry` at `seq` (see the module docs).
pub fn canonical_bytes(entry: &AuditEntry, seq: i64) -> Vec<u8> {
    let mut out = Vec::with_capacity(256);
    out.extend_from_slice(EVENT_TAG);
    let seq = seq.to_string();
    let id = entry.id.to_string();
    let at = entry.at_micros.to_string();
    for value in [
        Some(entry.log.as_str()),
        Some(seq.as_str()),
        Some(id.as_str()),
        Some(at.as_str()),
        Some(entry.actor.as_str()),
        Some(entry.action.as_str()),
        Some(entry.resource_type.as_str()),
        entry.resource_id.as_deref(),
        Some(entry.outcome.as_str()),
        entry.reason.as_deref(),
        entry.request_id.as_deref(),
        entry.ip.as_deref(),
        entry.user_agent.as_deref(),
    ] {
        field(&mut out, value);
    }
    out
}

/// The hash of `entry` at `seq` after an event whose hash is `prev_hash` (hex).
pub fn event_hash(entry: &AuditEntry, seq: i64, prev_hash: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(canonical_bytes(entry, seq));
    hasher.update(prev_hash.as_bytes());
    to_hex(&hasher.finalize())
}

impl AuditEntry {
    /// This entry as event `seq`, after the event whose hash is `prev_hash`.
    pub fn chain(self, seq: i64, prev_hash: &str) -> ChainedEvent {
        let hash = event_hash(&self, seq, prev_hash);
        ChainedEvent {
            seq,
            entry: self,
            prev_hash: prev_hash.to_owned(),
            hash,
        }
    }
}

impl ChainedEvent {
    /// Whether the stored hash is the hash of the stored fields and link.
    pub fn is_intact(&self) -> bool {
        event_hash(&self.entry, self.seq, &self.prev_hash) == self.hash
    }
}

/// A signed statement that `log`'s event `seq` has hash `head_hash`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    pub log: String,
    pub seq: i64,
    pub head_hash: String,
    pub at_micros: i64,
}

impl Checkpoint {
    /// The bytes the checkpoint key signs: a tag, then log, sequence, head hash and time,
    /// encoded as event fields are.
    pub fn signing_bytes(&self) -> Vec<u8> {
        self.tagged(CHECKPOINT_TAG)
    }

    /// The bytes signed when retention cuts the log here: a statement of its own, so that an
    /// ordinary checkpoint can never be passed off as the place where history may end.
    pub fn cut_signing_bytes(&self) -> Vec<u8> {
        self.tagged(CUT_TAG)
    }

    fn tagged(&self, tag: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(128);
        out.extend_from_slice(tag);
        let seq = self.seq.to_string();
        let at = self.at_micros.to_string();
        for value in [&self.log, &seq, &self.head_hash, &at] {
            field(&mut out, Some(value));
        }
        out
    }
}

#[cfg(test)]
mod tests;
