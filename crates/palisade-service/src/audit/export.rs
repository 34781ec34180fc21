//! Exports an auditor can verify offline: a contiguous run of a log's events and a
//! checkpoint signed at the last of them. JSON Lines: a header line, one line per event, the
//! checkpoint last. CSV: the same as rows, `record_type` telling them apart; a cell that a
//! spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return) or that
//! starts with `'` is written with a `'` in front, which a reader strips again.

use super::reading::micros;
use super::Audit;
use palisade_core::audit::{AuditEntry, ChainedEvent, Checkpoint, Outcome};
use palisade_core::grant::ReadAudit;
use palisade_store::{AuditQuery, Grant, SignedCheckpoint, StoreError};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

const CHUNK: u32 = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Jsonl,
    Csv,
}

/// What an export covers: `log`'s events `from_seq..=through_seq`, pinned by `checkpoint`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ExportHeader {
    pub format: String,
    pub version: u32,
    pub log: String,
    pub from_seq: i64,
    pub through_seq: i64,
}

/// An export in progress.
#[derive(Debug, Clone)]
pub struct ExportPlan {
    pub header: ExportHeader,
    /// Signed statements about the run: the hash just before it (unless it starts the log),
    /// the log's own checkpoints inside it, and one at its last event.
    pub checkpoints: Vec<SignedCheckpoint>,
    pub format: ExportFormat,
}

/// One line of a JSON Lines export.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Line {
    Header(ExportHeader),
    Event(Box<EventLine>),
    Checkpoint(CheckpointLine),
}

#[derive(Debug, Serialize, Deserialize)]
pub struct EventLine {
    pub log: String,
    pub seq: i64,
    pub id: String,
    pub at_micros: i64,
    pub actor: String,
    pub action: String,
    pub resource_type: String,
    pub resource_id: Option<String>,
    pub outcome: String,
    pub reason: Option<String>,
    pub request_id: Option<String>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct CheckpointLine {
    pub log: String,
    pub seq: i64,
    pub head_hash: String,
    pub at_micros: i64,
    pub kid: String,
    pub signature: String,
}

impl From<&ChainedEvent> for EventLine {
    fn from(event: &ChainedEvent) -> Self {
        let e = &event.entry;
        Self {
            log: e.log.clone(),
            seq: event.seq,
            id: e.id.to_string(),
            at_micros: e.at_micros,
            actor: e.actor.clone(),
            action: e.action.clone(),
            resource_type: e.resource_type.clone(),
            resource_id: e.resource_id.clone(),
            outcome: e.outcome.as_str().to_owned(),
            reason: e.reason.clone(),
            request_id: e.request_id.clone(),
            ip: e.ip.clone(),
            user_agent: e.user_agent.clone(),
            prev_hash: event.prev_hash.clone(),
            hash: event.hash.clone(),
        }
    }
}

impl EventLine {
    /// The event this line states; `None` when a field cannot be one.
    pub fn event(self) -> Option<ChainedEvent> {
        let outcome: Outcome = self.outcome.parse().ok()?;
        Some(ChainedEvent {
            seq: self.seq,
            entry: AuditEntry {
                id: self.id.parse().ok()?,
                log: self.log,
                at_micros: self.at_micros,
                actor: self.actor,
                action: self.action,
                resource_type: self.resource_type,
                resource_id: self.resource_id,
                outcome,
                reason: self.reason,
                request_id: self.request_id,
                ip: self.ip,
                user_agent: self.user_agent,
            },
            prev_hash: self.prev_hash,
            hash: self.hash,
        })
    }
}

impl From<&SignedCheckpoint> for CheckpointLine {
    fn from(signed: &SignedCheckpoint) -> Self {
        let c = &signed.checkpoint;
        Self {
            log: c.log.clone(),
            seq: c.seq,
            head_hash: c.head_hash.clone(),
            at_micros: c.at_micros,
            kid: signed.kid.clone(),
            signature: signed.signature.clone(),
        }
    }
}

impl CheckpointLine {
    pub fn signed(self) -> SignedCheckpoint {
        SignedCheckpoint {
            checkpoint: Checkpoint {
                log: self.log,
                seq: self.seq,
                head_hash: self.head_hash,
                at_micros: self.at_micros,
            },
            kid: self.kid,
            signature: self.signature,
        }
    }
}

pub const CSV_COLUMNS: [&str; 18] = [
    "record_type",
    "log",
    "seq",
    "id",
    "at_micros",
    "actor",
    "action",
    "resource_type",
    "resource_id",
    "outcome",
    "reason",
    "request_id",
    "ip",
    "user_agent",
    "prev_hash",
    "hash",
    "kid",
    "signature",
];

/// Keeps a spreadsheet from running a cell as a formula; reversible by [`csv_unescape`].
pub fn csv_escape(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\'') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

pub fn csv_unescape(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
}

fn csv_row(cells: &[&str]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let escaped: Vec<String> = cells.iter().map(|c| csv_escape(c)).collect();
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(&escaped);
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn event_csv(line: &EventLine) -> String {
    let seq = line.seq.to_string();
    let at = line.at_micros.to_string();
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let (rid, reason, req, ip, ua) = (
        opt(&line.resource_id),
        opt(&line.reason),
        opt(&line.request_id),
        opt(&line.ip),
        opt(&line.user_agent),
    );
    csv_row(&[
        "event",
        &line.log,
        &seq,
        &line.id,
        &at,
        &line.actor,
        &line.action,
        &line.resource_type,
        &rid,
        &line.outcome,
        &reason,
        &req,
        &ip,
        &ua,
        &line.prev_hash,
        &line.hash,
        "",
        "",
    ])
}

fn checkpoint_csv(line: &CheckpointLine) -> String {
    let seq = line.seq.to_string();
    let at = line.at_micros.to_string();
    csv_row(&[
        "checkpoint",
        &line.log,
        &seq,
        "",
        &at,
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        &line.head_hash,
        &line.kid,
        &line.signature,
    ])
}

fn json_line(line: &Line) -> String {
    let mut text = serde_json::to_string(line).unwrap_or_default();
    text.push('\n');
    text
}

impl Audit {
    /// Fixes what an export of the grant's log between `from` and `to` covers: the events
    /// recorded in that time and everything numbered between them, so the run is contiguous
    /// and verifies on its own, and a checkpoint signed at its last event.
    pub async fn plan_export(
        &self,
        grant: &Grant<ReadAudit>,
        format: ExportFormat,
        from: Option<OffsetDateTime>,
        to: Option<OffsetDateTime>,
    ) -> Result<ExportPlan, StoreError> {
        self.flush().await?;
        let log = grant.scope().workspace_id().to_string();
        let store = &self.deps().store;
        let first = match from {
            Some(from) => {
                store
                    .last_audit_seq_before(&log, micros(from))
                    .await?
                    .map_or(0, |s| s)
                    + 1
            }
            None => store.audit_cut(&log).await?.map_or(0, |c| c.checkpoint.seq) + 1,
        };
        let last = match to {
            Some(to) => store.last_audit_seq_before(&log, micros(to)).await?,
            None => store.audit_head(&log).await?.map(|(seq, _)| seq),
        }
        .unwrap_or(0);
        let through = last.max(first - 1);
        let mut checkpoints = Vec::new();
        // Only a log that verifies up to its head is vouched for.
        let verified = self.verified_head(&log).await?.is_some();
        if through >= first && verified {
            // The start: the hash before the first event, unless the run starts the log.
            if first > 1 {
                let before = match store.audit_cut(&log).await? {
                    Some(cut) if cut.checkpoint.seq == first - 1 => Some(cut.checkpoint.head_hash),
                    _ => self.event_hash_at(&log, first - 1).await?,
                };
                if let Some(hash) = before {
                    checkpoints.push(self.sign(&log, first - 1, hash));
                }
            }
            checkpoints.extend(
                store
                    .audit_checkpoints(&log)
                    .await?
                    .into_iter()
                    .filter(|c| (first..through).contains(&c.checkpoint.seq)),
            );
            if let Some(hash) = self.event_hash_at(&log, through).await? {
                let end = self.sign(&log, through, hash);
                store.add_audit_checkpoint(&end).await?;
                checkpoints.push(end);
            }
        }
        Ok(ExportPlan {
            header: ExportHeader {
                format: "palisade-audit-export".into(),
                version: 1,
                log,
                from_seq: first,
                through_seq: through,
            },
            checkpoints,
            format,
        })
    }

    async fn event_hash_at(&self, log: &str, seq: i64) -> Result<Option<String>, StoreError> {
        let at = AuditQuery {
            after_seq: Some(seq - 1),
            through_seq: Some(seq),
            limit: 1,
            ..AuditQuery::default()
        };
        let events = self.deps().store.audit_events(log, &at).await?;
        Ok(events.into_iter().next().map(|e| e.hash))
    }

    /// The export's opening text.
    pub fn export_opening(&self, plan: &ExportPlan) -> String {
        match plan.format {
            ExportFormat::Jsonl => json_line(&Line::Header(plan.header.clone())),
            ExportFormat::Csv => csv_row(&CSV_COLUMNS),
        }
    }

    /// The next events after `after` (none yet: `from_seq - 1`) as text, and where to go on
    /// from; `None` when the events are done.
    pub async fn export_chunk(
        &self,
        plan: &ExportPlan,
        after: i64,
    ) -> Result<(String, Option<i64>), StoreError> {
        let query = AuditQuery {
            after_seq: Some(after),
            through_seq: Some(plan.header.through_seq),
            limit: CHUNK,
            ..AuditQuery::default()
        };
        let events = self
            .deps()
            .store
            .audit_events(&plan.header.log, &query)
            .await?;
        let mut text = String::new();
        for event in &events {
            let line = EventLine::from(event);
            text.push_str(&match plan.format {
                ExportFormat::Jsonl => json_line(&Line::Event(Box::new(line))),
                ExportFormat::Csv => event_csv(&line),
            });
        }
        let next = (events.len() == CHUNK as usize)
            .then(|| events.last().map(|e| e.seq))
            .flatten();
        Ok((text, next))
    }

    /// The export's closing text: the checkpoints that pin it.
    pub fn export_closing(&self, plan: &ExportPlan) -> String {
        plan.checkpoints
            .iter()
            .map(|signed| {
                let line = CheckpointLine::from(signed);
                match plan.format {
                    ExportFormat::Jsonl => json_line(&Line::Checkpoint(line)),
                    ExportFormat::Csv => checkpoint_csv(&line),
                }
            })
            .collect()
    }
}
