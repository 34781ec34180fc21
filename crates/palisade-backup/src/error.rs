use palisade_store::StoreError;

/// Why a backup could not be made, read or restored; each says what to do about it.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("no backup recipients: set backup.recipients to one or more age public keys (age1…); `palisade backup keygen` makes a pair")]
    NoRecipients,
    #[error("`{0}` is not an age public key (age1…)")]
    BadRecipient(String),
    #[error("the identity file holds no usable age identity: {0}")]
    BadIdentity(String),
    #[error("this backup was not encrypted to the given identity")]
    WrongIdentity,
    #[error("the backup is damaged or was altered: {0}")]
    Damaged(String),
    #[error("the backup is cut short: {0}")]
    Truncated(String),
    #[error(
        "the backup was made by a newer Palisade ({0}); restore it with that version or later"
    )]
    Newer(String),
    #[error("the restored database fails its integrity check: {0}")]
    Integrity(String),
    #[error("audit log {log} does not verify in the backup: {problem} at sequence {seq}")]
    AuditChain {
        log: String,
        seq: i64,
        problem: &'static str,
    },
    #[error("{0} is not empty; restore into an empty directory, or pass --force to replace its database")]
    TargetNotEmpty(String),
    #[error("the object store refused: {0}")]
    Remote(String),
    #[error("no point to recover: {0}")]
    NoRecoveryPoint(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}
