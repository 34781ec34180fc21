//! Recomputing a log's chain: each event must follow its predecessor by number and by hash,
//! and hash to what it says; the first that does not is reported with its sequence number.

use super::{ChainedEvent, Checkpoint, GENESIS_HASH};
use std::collections::HashMap;

/// How far either side of its position a misplaced event is looked for, to tell a reordering
/// from an edit.
const REORDER_WINDOW: i64 = 64;

/// What is wrong at the first bad sequence number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Break {
    /// The event's fields no longer hash to its stored hash: it was edited.
    Tampered,
    /// An intact event of another position stands here: events were reordered.
    Reordered,
    /// The number is skipped: the event was deleted.
    Missing,
    /// The event does not link to its predecessor's hash.
    ChainBroken,
    /// A checkpoint's signature does not verify.
    BadCheckpointSignature,
    /// A validly signed checkpoint names another hash than the chain has at its sequence:
    /// the chain was rewritten at or before it.
    CheckpointMismatch,
}

impl Break {
    pub fn as_str(self) -> &'static str {
        match self {
            Break::Tampered => "tampered",
            Break::Reordered => "reordered",
            Break::Missing => "missing",
            Break::ChainBroken => "chain_broken",
            Break::BadCheckpointSignature => "bad_checkpoint_signature",
            Break::CheckpointMismatch => "checkpoint_mismatch",
        }
    }
}

/// The outcome of checking one log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub log: String,
    pub events_checked: u64,
    /// The last event checked, if any.
    pub head_seq: Option<i64>,
    pub checkpoints_checked: u64,
    /// The first bad sequence number and what is wrong there; `None` when the log verifies.
    pub first_bad: Option<(i64, Break)>,
}

impl Verdict {
    pub fn is_ok(&self) -> bool {
        self.first_bad.is_none()
    }
}

/// Checks a log's events in sequence order, and the checkpoints that pin it.
#[derive(Debug)]
pub struct ChainVerifier {
    log: String,
    expected_seq: i64,
    prev_hash: String,
    checked: u64,
    head_seq: Option<i64>,
    hashes: HashMap<i64, String>,
    /// Only these events' hashes are kept (the checkpointed ones), when known beforehand.
    keep: Option<std::collections::HashSet<i64>>,
    checkpoints: Vec<(Checkpoint, bool)>,
    first_bad: Option<(i64, Break)>,
}

impl ChainVerifier {
    /// A verifier for `log` from its start, or from a retention cut: the signed checkpoint
    /// at the cut is where the remaining chain hangs from.
    pub fn new(log: &str, anchor: Option<&Checkpoint>) -> Self {
        let (expected_seq, prev_hash) = match anchor {
            Some(cut) => (cut.seq.saturating_add(1), cut.head_hash.clone()),
            None => (1, GENESIS_HASH.to_owned()),
        };
        Self {
            log: log.to_owned(),
            expected_seq,
            prev_hash,
            checked: 0,
            head_seq: None,
            hashes: HashMap::new(),
            keep: None,
            checkpoints: Vec::new(),
            first_bad: None,
        }
    }

    /// Keeps only the hashes at these sequence numbers (the checkpoints that will be
    /// checked), so verifying a long log takes memory for its checkpoints, not its events.
    pub fn keeping_only(mut self, seqs: impl IntoIterator<Item = i64>) -> Self {
        self.keep = Some(seqs.into_iter().collect());
        self
    }

    /// Records a problem found outside the chain itself (an unsigned start or end of an
    /// export); the earliest problem is what the verdict names.
    pub fn fail_at(&mut self, seq: i64, why: Break) {
        self.fail(seq, why);
    }

    fn fail(&mut self, seq: i64, why: Break) {
        if self.first_bad.is_none_or(|(first, _)| seq < first) {
            self.first_bad = Some((seq, why));
        }
    }

    /// How many events have verified so far.
    pub fn checked(&self) -> u64 {
        self.checked
    }

    /// Whether checking has already found the log bad.
    pub fn failed(&self) -> bool {
        self.first_bad.is_some()
    }

    /// The next event, in the order the log stores them.
    pub fn push(&mut self, event: &ChainedEvent) {
        if self.failed() {
            return;
        }
        if event.seq > self.expected_seq {
            return self.fail(self.expected_seq, Break::Missing);
        }
        if event.seq < self.expected_seq || event.entry.log != self.log {
            return self.fail(event.seq, Break::Reordered);
        }
        if !event.is_intact() {
            let moved = (-REORDER_WINDOW..=REORDER_WINDOW)
                .filter(|delta| *delta != 0)
                .filter_map(|delta| event.seq.checked_add(delta))
                .any(|seq| super::event_hash(&event.entry, seq, &event.prev_hash) == event.hash);
            let why = if moved {
                Break::Reordered
            } else {
                Break::Tampered
            };
            return self.fail(event.seq, why);
        }
        if event.prev_hash != self.prev_hash {
            return self.fail(event.seq, Break::ChainBroken);
        }
        self.checked += 1;
        self.head_seq = Some(event.seq);
        self.expected_seq = event.seq.saturating_add(1);
        self.prev_hash = event.hash.clone();
        if self
            .keep
            .as_ref()
            .is_none_or(|keep| keep.contains(&event.seq))
        {
            self.hashes.insert(event.seq, event.hash.clone());
        }
    }

    /// A checkpoint of this log and whether its signature verified.
    pub fn checkpoint(&mut self, checkpoint: Checkpoint, signature_valid: bool) {
        self.checkpoints.push((checkpoint, signature_valid));
    }

    pub fn finish(mut self) -> Verdict {
        let checkpoints = std::mem::take(&mut self.checkpoints);
        let mut checked = 0;
        for (checkpoint, signature_valid) in checkpoints {
            if !signature_valid {
                self.fail(checkpoint.seq, Break::BadCheckpointSignature);
                continue;
            }
            match self.hashes.get(&checkpoint.seq) {
                Some(hash) if *hash == checkpoint.head_hash => checked += 1,
                Some(_) => self.fail(checkpoint.seq, Break::CheckpointMismatch),
                // Past the last event: the log's tail is gone.
                None if self.first_bad.is_none() && checkpoint.seq >= self.expected_seq => {
                    let missing = self.expected_seq;
                    self.fail(missing, Break::Missing);
                }
                // Before the events checked (cut away) or after a failure: nothing to compare.
                None => {}
            }
        }
        Verdict {
            log: self.log,
            events_checked: self.checked,
            head_seq: self.head_seq,
            checkpoints_checked: checked,
            first_bad: self.first_bad,
        }
    }
}
