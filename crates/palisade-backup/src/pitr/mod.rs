//! Continuous WAL shipping for SQLite deployments, and point-in-time recovery from it.
//!
//! Every few seconds (`backup.wal_every_seconds`) the serving node seals the log frames
//! committed since its last visit into the WAL archive (`backup.dir/wal`), encrypted to the
//! backup recipients like every backup. The recovery point is therefore at most that interval
//! behind the last commit. `palisade backup restore <archive> --at TIME` rebuilds the database
//! as it stood at any moment the archive covers.

mod archive;
mod capture;
mod recover;
mod ship;
mod wal_file;

pub use recover::{rebuild, RecoveryPoint};
pub use ship::{Shipped, WalShipper, CHECKPOINT_FRAMES, GENERATION_HOURS};
