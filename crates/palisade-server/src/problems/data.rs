use super::workspaces::sentence;
use crate::error::{ApiError, FieldProblem};
use crate::problem_code::ProblemCode;
use palisade_service::tenant_data::DataError;

impl From<DataError> for ApiError {
    fn from(err: DataError) -> Self {
        let detail = sentence(&err.to_string());
        let code = match err {
            DataError::Store(store) => return store.into(),
            DataError::Internal(cause) => return ApiError::internal(cause),
            DataError::SchemaViolation(problems) => {
                return ApiError::new(ProblemCode::SchemaViolation)
                    .with_detail("See `errors` for each failing place.")
                    .with_errors(
                        problems
                            .into_iter()
                            .map(|p| FieldProblem {
                                pointer: p.pointer,
                                detail: p.detail,
                            })
                            .collect(),
                    )
            }
            DataError::PreconditionFailed => {
                return ApiError::new(ProblemCode::PreconditionFailed).with_detail(
                    "The record has changed: its ETag no longer matches If-Match. Read it again.",
                )
            }
            DataError::WriteConflict => {
                return ApiError::new(ProblemCode::WriteConflict)
                    .with_detail("The record kept changing under this write; try again.")
            }
            DataError::InvalidCollectionName => ProblemCode::InvalidCollectionName,
            DataError::InvalidSchema(why) => {
                // The validator's own words, as they were.
                return ApiError::new(ProblemCode::InvalidSchema).with_detail(why);
            }
            DataError::CollectionExists => ProblemCode::CollectionExists,
            DataError::CollectionNotFound => ProblemCode::CollectionNotFound,
            DataError::RecordNotFound => ProblemCode::RecordNotFound,
            DataError::RecordNotObject | DataError::PatchNotObject => ProblemCode::RecordNotObject,
            DataError::UnsupportedCharacter => ProblemCode::UnsupportedCharacter,
            DataError::RecordTooLarge(_) => ProblemCode::RecordTooLarge,
        };
        ApiError::new(code).with_detail(detail)
    }
}
