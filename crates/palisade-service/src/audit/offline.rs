//! Verifying an export with nothing but the file and the published checkpoint keys.

use super::export::{csv_unescape, CheckpointLine, EventLine, Line, CSV_COLUMNS};
use palisade_core::audit::{Break, ChainVerifier, Checkpoint, Verdict, GENESIS_HASH};
use palisade_crypto::audit::CheckpointKey;
use palisade_store::SignedCheckpoint;

/// Why a file is not an export at all (a bad chain is a verdict, not an error).
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("line {0} is not part of a Palisade audit export")]
    Malformed(usize),
    #[error("the export has no header")]
    NoHeader,
}

struct Parsed {
    log: String,
    from_seq: i64,
    events: Vec<palisade_core::audit::ChainedEvent>,
    checkpoints: Vec<SignedCheckpoint>,
}

fn parse_jsonl(text: &str) -> Result<Parsed, ExportError> {
    let mut parsed: Option<Parsed> = None;
    for (n, raw) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let line: Line = serde_json::from_str(raw).map_err(|_| ExportError::Malformed(n + 1))?;
        match (line, parsed.as_mut()) {
            (Line::Header(h), None) => {
                parsed = Some(Parsed {
                    log: h.log,
                    from_seq: h.from_seq,
                    events: Vec::new(),
                    checkpoints: Vec::new(),
                })
            }
            (Line::Event(e), Some(p)) => p
                .events
                .push((*e).event().ok_or(ExportError::Malformed(n + 1))?),
            (Line::Checkpoint(c), Some(p)) => p.checkpoints.push(c.signed()),
            _ => return Err(ExportError::Malformed(n + 1)),
        }
    }
    parsed.ok_or(ExportError::NoHeader)
}

fn parse_csv(text: &str) -> Result<Parsed, ExportError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let header = reader.headers().map_err(|_| ExportError::NoHeader)?.clone();
    if header
        .iter()
        .map(csv_unescape)
        .ne(CSV_COLUMNS.iter().copied())
    {
        return Err(ExportError::NoHeader);
    }
    let mut events = Vec::new();
    let mut checkpoints = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let bad = || ExportError::Malformed(n + 2);
        let record = record.map_err(|_| bad())?;
        let cell = |i: usize| {
            record
                .get(i)
                .map(csv_unescape)
                .unwrap_or_default()
                .to_owned()
        };
        let optional = |i: usize| Some(cell(i)).filter(|v| !v.is_empty());
        let number = |i: usize| cell(i).parse::<i64>().map_err(|_| bad());
        match cell(0).as_str() {
            "event" => events.push(
                EventLine {
                    log: cell(1),
                    seq: number(2)?,
                    id: cell(3),
                    at_micros: number(4)?,
                    actor: cell(5),
                    action: cell(6),
                    resource_type: cell(7),
                    resource_id: optional(8),
                    outcome: cell(9),
                    reason: optional(10),
                    request_id: optional(11),
                    ip: optional(12),
                    user_agent: optional(13),
                    prev_hash: cell(14),
                    hash: cell(15),
                }
                .event()
                .ok_or_else(bad)?,
            ),
            "checkpoint" => checkpoints.push(
                CheckpointLine {
                    log: cell(1),
                    seq: number(2)?,
                    head_hash: cell(15),
                    at_micros: number(4)?,
                    kid: cell(16),
                    signature: cell(17),
                }
                .signed(),
            ),
            _ => return Err(bad()),
        }
    }
    let first = events.first().map(|e| (e.entry.log.clone(), e.seq));
    let (log, from_seq) = first.unwrap_or_default();
    Ok(Parsed {
        log,
        from_seq,
        events,
        checkpoints,
    })
}

/// Verifies an export (JSON Lines or CSV, told apart by the first character) against the
/// published keys: the run must start at the log's first event or at a signed checkpoint,
/// every event must chain to the next, every checkpoint in it must be signed by one of `keys`
/// and match, and the run must end at a signed checkpoint.
pub fn verify_export(text: &str, keys: &[CheckpointKey]) -> Result<Verdict, ExportError> {
    let parsed = if text.trim_start().starts_with('{') {
        parse_jsonl(text)?
    } else {
        parse_csv(text)?
    };
    let signed = |c: &SignedCheckpoint| {
        keys.iter()
            .any(|k| k.kid() == c.kid && k.verifies(&c.checkpoint, &c.signature))
    };
    let (Some(first), Some(last)) = (parsed.events.first(), parsed.events.last()) else {
        // No events: nothing is vouched for, and nothing needs to be.
        return Ok(ChainVerifier::new(&parsed.log, None).finish());
    };
    // The run hangs from its first event's link, which must itself be vouched for.
    let start = Checkpoint {
        log: parsed.log.clone(),
        seq: first.seq.saturating_sub(1),
        head_hash: first.prev_hash.clone(),
        at_micros: 0,
    };
    let start_pinned = (first.seq == 1 && first.prev_hash == GENESIS_HASH)
        || parsed.checkpoints.iter().any(|c| {
            c.checkpoint.seq == start.seq && c.checkpoint.head_hash == start.head_hash && signed(c)
        });
    let mut verifier = ChainVerifier::new(&parsed.log, Some(&start));
    for event in &parsed.events {
        verifier.push(event);
    }
    if first.seq != parsed.from_seq {
        // The header promised events from elsewhere: some are not in the file.
        verifier.fail_at(parsed.from_seq.min(first.seq), Break::Missing);
    }
    if !start_pinned {
        // Reported where the run starts: whatever came before it is not shown to be whole.
        verifier.fail_at(first.seq, Break::BadCheckpointSignature);
    }
    let mut end_pinned = false;
    for checkpoint in &parsed.checkpoints {
        if checkpoint.checkpoint.seq < first.seq {
            continue;
        }
        end_pinned |= checkpoint.checkpoint.seq == last.seq && signed(checkpoint);
        verifier.checkpoint(checkpoint.checkpoint.clone(), signed(checkpoint));
    }
    if !end_pinned {
        verifier.fail_at(last.seq, Break::BadCheckpointSignature);
    }
    Ok(verifier.finish())
}
