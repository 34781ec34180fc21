use palisade_store::{Conflict, StoreError};

/// One failing place in a submitted document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    /// A JSON Pointer (RFC 6901) into the submitted document; empty for the whole document.
    pub pointer: String,
    pub detail: String,
}

/// Why a collection or record operation was refused.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error(
        "a collection name is a lower-case letter, then up to 62 lower-case letters, digits or _"
    )]
    InvalidCollectionName,
    #[error("{0}")]
    InvalidSchema(String),
    #[error("this workspace already has a collection of that name")]
    CollectionExists,
    #[error("no such collection in this workspace")]
    CollectionNotFound,
    #[error("no such record in this collection")]
    RecordNotFound,
    #[error("a record is a JSON object")]
    RecordNotObject,
    #[error("a merge patch for a record is a JSON object")]
    PatchNotObject,
    #[error("strings and keys in a record may not contain U+0000")]
    UnsupportedCharacter,
    #[error("a record may be at most {0} bytes of JSON")]
    RecordTooLarge(usize),
    #[error("the record breaks its collection's schema")]
    SchemaViolation(Vec<FieldProblem>),
    #[error("the record has changed: its version no longer matches")]
    PreconditionFailed,
    #[error("the record kept changing under this write")]
    WriteConflict,
    #[error(transparent)]
    Store(StoreError),
    #[error("{0}")]
    Internal(String),
}

impl From<StoreError> for DataError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::Conflict(Conflict::CollectionName) => DataError::CollectionExists,
            other => DataError::Store(other),
        }
    }
}
