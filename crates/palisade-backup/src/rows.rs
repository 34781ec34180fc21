//! Checking a PostgreSQL backup's rows without a database: every table's line count against
//! the manifest, every line a JSON object, and every audit chain recomputed from its events.

use crate::manifest::Manifest;
use crate::BackupError;
use palisade_core::audit::{AuditEntry, ChainVerifier, ChainedEvent, Checkpoint};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::Path;

type Row = Map<String, Value>;

fn rows_of(dir: &Path, table: &str) -> Result<Vec<Row>, BackupError> {
    let path = dir.join(format!("{table}.jsonl"));
    if !path.exists() {
        return Ok(Vec::new());
    }
    let mut rows = Vec::new();
    for line in BufReader::new(std::fs::File::open(path)?).lines() {
        let row: Row = serde_json::from_str(&line?).map_err(|err| {
            BackupError::Damaged(format!("a row of {table} is not a JSON object: {err}"))
        })?;
        rows.push(row);
    }
    Ok(rows)
}

fn text(row: &Row, key: &str) -> Result<String, BackupError> {
    row.get(key)
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| BackupError::Damaged(format!("an audit row lacks {key}")))
}

fn optional(row: &Row, key: &str) -> Option<String> {
    row.get(key).and_then(Value::as_str).map(str::to_owned)
}

fn number(row: &Row, key: &str) -> Result<i64, BackupError> {
    row.get(key)
        .and_then(Value::as_i64)
        .ok_or_else(|| BackupError::Damaged(format!("an audit row lacks {key}")))
}

fn event(row: &Row) -> Result<ChainedEvent, BackupError> {
    let bad = |what: &str| BackupError::Damaged(format!("an audit row holds a malformed {what}"));
    Ok(ChainedEvent {
        seq: number(row, "seq")?,
        entry: AuditEntry {
            id: text(row, "id")?.parse().map_err(|_| bad("id"))?,
            log: text(row, "log_id")?,
            at_micros: number(row, "at_micros")?,
            actor: text(row, "actor")?,
            action: text(row, "action")?,
            resource_type: text(row, "resource_type")?,
            resource_id: optional(row, "resource_id"),
            outcome: text(row, "outcome")?.parse().map_err(|()| bad("outcome"))?,
            reason: optional(row, "reason"),
            request_id: optional(row, "request_id"),
            ip: optional(row, "ip"),
            user_agent: optional(row, "user_agent"),
        },
        prev_hash: text(row, "prev_hash")?,
        hash: text(row, "hash")?,
    })
}

/// Checks the rows in `dir` against `manifest`; returns the audit logs and events verified.
pub(crate) fn check(dir: &Path, manifest: &Manifest) -> Result<(u64, u64), BackupError> {
    // The manifest names each table once, as a plain identifier, and a part for each: a name
    // never reaches the file system otherwise.
    let mut parts: Vec<&str> = manifest.parts.iter().map(|p| p.path.as_str()).collect();
    let mut expected: Vec<String> = Vec::with_capacity(manifest.rows.len());
    for (table, _) in &manifest.rows {
        let plain = !table.is_empty()
            && table
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_');
        if !plain {
            return Err(BackupError::Damaged(format!(
                "its manifest names a table {table:?}"
            )));
        }
        expected.push(format!("{}/{table}.jsonl", crate::ROWS_DIR));
    }
    parts.sort_unstable();
    expected.sort();
    if parts != expected.iter().map(String::as_str).collect::<Vec<_>>() {
        return Err(BackupError::Damaged(
            "its parts are not one for each table its manifest counts".into(),
        ));
    }
    for (table, count) in &manifest.rows {
        let lines = rows_of(dir, table)?.len();
        if i64::try_from(lines).ok() != Some(*count) {
            return Err(BackupError::Damaged(format!(
                "{table} holds {lines} rows, its manifest counts {count}"
            )));
        }
    }
    let mut logs: BTreeMap<String, Vec<ChainedEvent>> = BTreeMap::new();
    for row in rows_of(dir, "audit_events")? {
        let event = event(&row)?;
        logs.entry(event.entry.log.clone()).or_default().push(event);
    }
    // The latest retention cut of each log is where its remaining chain hangs from.
    let mut cuts: BTreeMap<String, Checkpoint> = BTreeMap::new();
    for row in rows_of(dir, "audit_cuts")? {
        let cut = Checkpoint {
            log: text(&row, "log_id")?,
            seq: number(&row, "seq")?,
            head_hash: text(&row, "head_hash")?,
            at_micros: number(&row, "at_micros")?,
        };
        if cuts.get(&cut.log).is_none_or(|c| c.seq < cut.seq) {
            cuts.insert(cut.log.clone(), cut);
        }
    }
    let mut events = 0;
    for (log, mut chain) in logs.iter_mut().map(|(l, c)| (l, std::mem::take(c))) {
        chain.sort_by_key(|e| e.seq);
        let mut verifier = ChainVerifier::new(log, cuts.get(log));
        for event in &chain {
            verifier.push(event);
        }
        let verdict = verifier.finish();
        if let Some((seq, why)) = verdict.first_bad {
            return Err(BackupError::AuditChain {
                log: log.clone(),
                seq,
                problem: why.as_str(),
            });
        }
        events += verdict.events_checked;
    }
    Ok((logs.len() as u64, events))
}
