use super::workspaces::sentence;
use crate::error::ApiError;
use crate::problem_code::ProblemCode;
use palisade_service::vault::{SecretError, VaultError};

impl From<SecretError> for ApiError {
    fn from(err: SecretError) -> Self {
        let detail = sentence(&err.to_string());
        let code = match err {
            SecretError::Store(store) => return store.into(),
            SecretError::Vault(vault) => return vault.into(),
            SecretError::InvalidName => ProblemCode::InvalidSecretName,
            SecretError::InvalidValue => ProblemCode::InvalidSecretValue,
            SecretError::DescriptionTooLong => ProblemCode::InvalidDescription,
            SecretError::NotFound => ProblemCode::SecretNotFound,
            SecretError::Busy => ProblemCode::WriteConflict,
        };
        ApiError::new(code).with_detail(detail)
    }
}

/// A vault failure is ours (a key that does not unwrap, a value that does not open): 500,
/// with the cause kept for the log only.
impl From<VaultError> for ApiError {
    fn from(err: VaultError) -> Self {
        match err {
            VaultError::Store(store) => store.into(),
            other => ApiError::internal(other),
        }
    }
}
