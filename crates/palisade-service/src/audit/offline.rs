//! Verifying an export with nothing but the file and the published checkpoint keys.

use super::export::{csv_unescape, CheckpointLine, EventLine, Line, CSV_COLUMNS};
use palisade_core::audit::{ChainVerifier, Checkpoint, Verdict};
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
    checkpoint: Option<SignedCheckpoint>,
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
                    checkpoint: None,
                })
            }
            (Line::Event(e), Some(p)) => p
                .events
                .push((*e).event().ok_or(ExportError::Malformed(n + 1))?),
            (Line::Checkpoint(c), Some(p)) => p.checkpoint = Some(c.signed()),
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
    let mut checkpoint = None;
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
            "checkpoint" => {
                checkpoint = Some(
                    CheckpointLine {
                        log: cell(1),
                        seq: number(2)?,
                        head_hash: cell(15),
                        at_micros: number(4)?,
                        kid: cell(16),
                        signature: cell(17),
                    }
                    .signed(),
                )
            }
            _ => return Err(bad()),
        }
    }
    let first = events.first().map(|e| (e.entry.log.clone(), e.seq));
    let (log, from_seq) = first
        .or_else(|| {
            checkpoint
                .as_ref()
                .map(|c| (c.checkpoint.log.clone(), c.checkpoint.seq + 1))
        })
        .unwrap_or_default();
    Ok(Parsed {
        log,
        from_seq,
        events,
        checkpoint,
    })
}

/// Verifies an export (JSON Lines or CSV, told apart by the first character) against the
/// published keys: every event must chain to the next and the run must end at a checkpoint
/// signed by one of `keys`.
pub fn verify_export(text: &str, keys: &[CheckpointKey]) -> Result<Verdict, ExportError> {
    let parsed = if text.trim_start().starts_with('{') {
        parse_jsonl(text)?
    } else {
        parse_csv(text)?
    };
    // The run hangs from its first event's link; the signed checkpoint at its end is what
    // vouches for every event before it.
    let anchor = parsed.events.first().map(|first| Checkpoint {
        log: parsed.log.clone(),
        seq: first.seq - 1,
        head_hash: first.prev_hash.clone(),
        at_micros: 0,
    });
    let start = anchor.clone().unwrap_or(Checkpoint {
        log: parsed.log.clone(),
        seq: parsed.from_seq - 1,
        head_hash: String::new(),
        at_micros: 0,
    });
    let mut verifier = ChainVerifier::new(&parsed.log, Some(&start));
    for event in &parsed.events {
        verifier.push(event);
    }
    match &parsed.checkpoint {
        Some(signed) => {
            let valid = keys.iter().any(|k| {
                k.kid() == signed.kid && k.verifies(&signed.checkpoint, &signed.signature)
            });
            let at_end = parsed.events.last().map(|e| e.seq) == Some(signed.checkpoint.seq);
            verifier.checkpoint(signed.checkpoint.clone(), valid && at_end);
        }
        // Events without a checkpoint vouch for nothing.
        None if !parsed.events.is_empty() => {
            verifier.checkpoint(
                Checkpoint {
                    log: parsed.log.clone(),
                    seq: parsed.events.last().map_or(0, |e| e.seq),
                    head_hash: String::new(),
                    at_micros: 0,
                },
                false,
            );
        }
        None => {}
    }
    Ok(verifier.finish())
}
