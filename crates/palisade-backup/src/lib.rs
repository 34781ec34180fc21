//! Backups that only the holder of an age identity can open.
//!
//! A backup file is an age v1 file (readable by the `age` and `rage` tools) encrypted to the
//! recipients in `backup.recipients`, holding a gzip-compressed tar archive: `manifest.json`
//! first (format version, source backend and schema version, the SHA-256 and size of every
//! part, each table's row count), then the parts. The server holds only public keys, so a
//! stolen server cannot read its own backups. SQLite deployments are copied with
//! `VACUUM INTO`, a consistent snapshot taken while the server serves; PostgreSQL ones as
//! every table's rows in JSON Lines, read in one repeatable-read transaction.

mod error;
mod keys;
mod manifest;
mod package;
pub mod pitr;
mod remote;
mod restore;
mod rows;
mod seal;
mod verify;

pub use error::BackupError;
pub use keys::{generate_identity, parse_recipients, read_identities, NewIdentity};
pub use manifest::{Manifest, Part, FORMAT, FORMAT_VERSION};
pub use package::{create, create_with_progress, Progress};
pub use remote::Remote;
pub use restore::{restore_at_to_data_dir, restore_to_data_dir, restore_to_database, Recovered};
pub use seal::{open_file, seal_file};
pub use verify::{verify, Report};

/// The name of the database part inside a backup of a SQLite deployment.
pub const SQLITE_PART: &str = "palisade.db";
/// Where a PostgreSQL backup keeps each table's rows (`rows/<table>.jsonl`).
pub const ROWS_DIR: &str = "rows";
