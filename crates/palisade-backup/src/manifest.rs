//! `manifest.json`: the first member of every backup.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

pub const FORMAT: &str = "palisade.backup";
/// Bumped when a reader of the previous version could not restore the new layout.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub format_version: u32,
    /// The Palisade version that made it.
    pub palisade_version: String,
    /// `sqlite` (the only backend `palisade backup` copies so far).
    pub backend: String,
    /// The latest migration applied to the copied database.
    pub schema_version: Option<i64>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    pub parts: Vec<Part>,
    /// Each table's row count when the snapshot was taken.
    pub rows: Vec<(String, i64)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
}
