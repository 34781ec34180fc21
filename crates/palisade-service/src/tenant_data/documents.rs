//! Turning what a client sent into a record's stored JSON: an object, at most 1 MiB, that
//! meets its collection's schema.

use super::{DataError, MAX_RECORD_BYTES};
use serde_json::Value;

/// Refuses U+0000 anywhere in `value`: PostgreSQL cannot store it in text or JSONB, so it is
/// refused on every backend alike.
pub(super) fn refuse_nul(value: &Value) -> Result<(), DataError> {
    if holds_nul(value) {
        return Err(DataError::UnsupportedCharacter);
    }
    Ok(())
}

/// The checks that need nothing but the document itself: an object, no U+0000. Writes run
/// them before any precondition (RFC 9110 §13.2.1: normal request checks first).
pub(super) fn check_shape(document: &Value) -> Result<(), DataError> {
    if !document.is_object() {
        return Err(DataError::RecordNotObject);
    }
    refuse_nul(document)
}

/// The compact JSON text of a well-shaped document, if it is not too large.
pub(super) fn text_of(document: &Value) -> Result<String, DataError> {
    check_shape(document)?;
    let text = document.to_string();
    if text.len() > MAX_RECORD_BYTES {
        return Err(DataError::RecordTooLarge(MAX_RECORD_BYTES));
    }
    Ok(text)
}

fn holds_nul(value: &Value) -> bool {
    match value {
        Value::String(text) => text.contains('\0'),
        Value::Array(items) => items.iter().any(holds_nul),
        Value::Object(fields) => fields
            .iter()
            .any(|(key, value)| key.contains('\0') || holds_nul(value)),
        Value::Null | Value::Bool(_) | Value::Number(_) => false,
    }
}
