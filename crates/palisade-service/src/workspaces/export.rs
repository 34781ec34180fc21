//! A workspace's data in one file for its owners: a tar stream of its collections, their
//! schemas and records (JSON Lines, 1,000 records a part), the names of its secrets (never a
//! value), and last a manifest with every file's SHA-256. Records are read a page at a time
//! while the stream is written, so a large workspace never sits in memory; a write made
//! during the export may or may not be in it (a backup is the consistent copy).

use super::{WorkspaceError, Workspaces};
use crate::audit::{Actor, Draft, Origin, Resource};
use futures_util::Stream;
use palisade_core::grant::ExportWorkspace;
use palisade_core::RecordId;
use palisade_store::{CollectionRecord, Grant, RecordQuery, Store, WorkspaceScope};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::sync::Arc;
use time::OffsetDateTime;

pub const WORKSPACE_EXPORT_FORMAT: &str = "palisade.workspace_export";
const RECORDS_PER_PART: u32 = 1_000;
const BLOCK: usize = 512;

/// An export ready to stream.
#[derive(Debug)]
pub struct WorkspaceExport {
    scope: WorkspaceScope,
    store: Arc<dyn Store>,
    now: OffsetDateTime,
}

#[derive(Debug, Serialize)]
struct FileEntry {
    path: String,
    bytes: usize,
    sha256: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    records: Option<usize>,
}

#[derive(Serialize)]
struct Manifest<'a> {
    format: &'static str,
    version: u32,
    #[serde(with = "time::serde::rfc3339")]
    exported_at: OffsetDateTime,
    workspace: WorkspaceHead<'a>,
    collections: usize,
    records: usize,
    secrets: usize,
    files: &'a [FileEntry],
}

#[derive(Serialize)]
struct WorkspaceHead<'a> {
    id: String,
    slug: &'a str,
    name: &'a str,
    #[serde(with = "time::serde::rfc3339")]
    created_at: OffsetDateTime,
}

#[derive(Serialize)]
struct Schema<'a> {
    name: &'a str,
    json_schema: Option<serde_json::Value>,
    #[serde(with = "time::serde::rfc3339")]
    created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    updated_at: OffsetDateTime,
}

#[derive(Serialize)]
struct RecordHead {
    id: String,
    version: i64,
    #[serde(with = "time::serde::rfc3339")]
    created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    updated_at: OffsetDateTime,
}

#[derive(Serialize)]
struct SecretName {
    name: String,
    description: Option<String>,
    version: i64,
    #[serde(with = "time::serde::rfc3339")]
    created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    updated_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    last_used_at: Option<OffsetDateTime>,
}

/// Where the export stands between two files.
enum Step {
    Collections,
    Part {
        collections: Vec<CollectionRecord>,
        index: usize,
        after: Option<RecordId>,
        part: u32,
    },
    Secrets,
    Manifest,
    End,
    Done,
}

struct Progress {
    export: WorkspaceExport,
    files: Vec<FileEntry>,
    collections: usize,
    records: usize,
    secrets: usize,
}

fn json<T: Serialize>(value: &T) -> Result<Vec<u8>, WorkspaceError> {
    serde_json::to_vec_pretty(value).map_err(|e| WorkspaceError::Internal(e.to_string()))
}

impl Progress {
    /// One tar member: a ustar header, the bytes, zeros to the next block; noted for the
    /// manifest.
    fn member(
        &mut self,
        path: String,
        data: &[u8],
        records: Option<usize>,
    ) -> Result<Vec<u8>, WorkspaceError> {
        let mut header = tar::Header::new_ustar();
        header
            .set_path(&path)
            .map_err(|e| WorkspaceError::Internal(e.to_string()))?;
        header.set_size(data.len() as u64);
        header.set_mode(0o600);
        header.set_mtime(u64::try_from(self.export.now.unix_timestamp()).unwrap_or(0));
        header.set_entry_type(tar::EntryType::Regular);
        header.set_cksum();
        let padding = (BLOCK - data.len() % BLOCK) % BLOCK;
        let mut out = Vec::with_capacity(BLOCK + data.len() + padding);
        out.extend_from_slice(header.as_bytes());
        out.extend_from_slice(data);
        out.resize(out.len() + padding, 0);
        self.files.push(FileEntry {
            path,
            bytes: data.len(),
            sha256: palisade_core::audit::to_hex(&Sha256::digest(data)),
            records,
        });
        Ok(out)
    }

    async fn step(&mut self, step: Step) -> Result<(Vec<u8>, Step), WorkspaceError> {
        let store = Arc::clone(&self.export.store);
        let scope = &self.export.scope.clone();
        match step {
            Step::Collections => {
                let workspace = store.workspace(scope).await?;
                let head = WorkspaceHead {
                    id: workspace.id.to_string(),
                    slug: &workspace.slug,
                    name: &workspace.name,
                    created_at: workspace.created_at,
                };
                let out = self.member("workspace.json".into(), &json(&head)?, None)?;
                let collections = store.collections(scope).await?;
                self.collections = collections.len();
                let mut out = out;
                for collection in &collections {
                    let schema = Schema {
                        name: &collection.name,
                        json_schema: collection
                            .json_schema
                            .as_deref()
                            .map(serde_json::from_str)
                            .transpose()
                            .map_err(|e| WorkspaceError::Internal(e.to_string()))?,
                        created_at: collection.created_at,
                        updated_at: collection.updated_at,
                    };
                    let path = format!("collections/{}/collection.json", collection.name);
                    out.extend(self.member(path, &json(&schema)?, None)?);
                }
                let next = Step::Part {
                    collections,
                    index: 0,
                    after: None,
                    part: 1,
                };
                Ok((out, next))
            }
            Step::Part {
                collections,
                index,
                after,
                part,
            } => {
                let Some(collection) = collections.get(index) else {
                    return Ok((Vec::new(), Step::Secrets));
                };
                let query = RecordQuery {
                    after,
                    limit: RECORDS_PER_PART,
                    filters: Vec::new(),
                };
                let page = store.list_records(scope, &collection.name, &query).await?;
                let next_in_collection = |last: Option<RecordId>| match last {
                    Some(last) if page.len() == RECORDS_PER_PART as usize => {
                        (index, Some(last), part + 1)
                    }
                    _ => (index + 1, None, 1),
                };
                let (next_index, next_after, next_part) =
                    next_in_collection(page.last().map(|r| r.id));
                let out = if page.is_empty() {
                    Vec::new()
                } else {
                    let mut lines = Vec::new();
                    for record in &page {
                        let head = RecordHead {
                            id: record.id.to_string(),
                            version: record.version,
                            created_at: record.created_at,
                            updated_at: record.updated_at,
                        };
                        let mut line = serde_json::to_vec(&head)
                            .map_err(|e| WorkspaceError::Internal(e.to_string()))?;
                        // The stored document is compact JSON already: it goes in as it is.
                        line.pop();
                        line.extend_from_slice(b",\"data\":");
                        line.extend_from_slice(record.data.as_bytes());
                        line.extend_from_slice(b"}\n");
                        lines.extend(line);
                    }
                    self.records += page.len();
                    let path = format!("collections/{}/records-{part:06}.jsonl", collection.name);
                    self.member(path, &lines, Some(page.len()))?
                };
                let next = Step::Part {
                    collections,
                    index: next_index,
                    after: next_after,
                    part: next_part,
                };
                Ok((out, next))
            }
            Step::Secrets => {
                let secrets: Vec<SecretName> = store
                    .secrets(scope)
                    .await?
                    .into_iter()
                    .map(|s| SecretName {
                        name: s.name,
                        description: s.description,
                        version: s.version,
                        created_at: s.created_at,
                        updated_at: s.updated_at,
                        last_used_at: s.last_used_at,
                    })
                    .collect();
                self.secrets = secrets.len();
                Ok((
                    self.member("secrets.json".into(), &json(&secrets)?, None)?,
                    Step::Manifest,
                ))
            }
            Step::Manifest => {
                let workspace = store.workspace(scope).await?;
                let manifest = Manifest {
                    format: WORKSPACE_EXPORT_FORMAT,
                    version: 1,
                    exported_at: self.export.now,
                    workspace: WorkspaceHead {
                        id: workspace.id.to_string(),
                        slug: &workspace.slug,
                        name: &workspace.name,
                        created_at: workspace.created_at,
                    },
                    collections: self.collections,
                    records: self.records,
                    secrets: self.secrets,
                    files: &self.files,
                };
                let data = json(&manifest)?;
                Ok((self.member("manifest.json".into(), &data, None)?, Step::End))
            }
            // Two zero blocks end a tar archive.
            Step::End => Ok((vec![0; 2 * BLOCK], Step::Done)),
            Step::Done => Ok((Vec::new(), Step::Done)),
        }
    }
}

impl WorkspaceExport {
    /// The tar archive, a file (or a page of records) at a time. A failure part way ends
    /// the stream with the error: the archive then has no manifest and no end.
    pub fn into_stream(
        self,
    ) -> impl Stream<Item = Result<Vec<u8>, WorkspaceError>> + Send + 'static {
        let progress = Progress {
            export: self,
            files: Vec::new(),
            collections: 0,
            records: 0,
            secrets: 0,
        };
        futures_util::stream::unfold(Some((progress, Step::Collections)), |state| async move {
            let (mut progress, step) = state?;
            if matches!(step, Step::Done) {
                return None;
            }
            match progress.step(step).await {
                Ok((bytes, next)) => Some((Ok(bytes), Some((progress, next)))),
                Err(err) => Some((Err(err), None)),
            }
        })
    }
}

impl Workspaces {
    /// Starts an export of the workspace (`workspace:export`; a member's session must have
    /// proved MFA recently when the account has it, as for deleting the workspace).
    pub async fn export(
        &self,
        grant: &Grant<ExportWorkspace>,
        origin: &Origin,
    ) -> Result<WorkspaceExport, WorkspaceError> {
        let scope = grant.scope();
        crate::auth::step_up::require_for_scope(&self.deps, scope).await?;
        self.audit.record(
            Draft::success(
                &scope.workspace_id().to_string(),
                Actor::of(scope),
                "workspace.exported",
                Resource::new("workspace", scope.workspace_id()),
            ),
            origin,
        );
        Ok(WorkspaceExport {
            scope: scope.clone(),
            store: Arc::clone(&self.deps.store),
            now: self.deps.now(),
        })
    }
}
