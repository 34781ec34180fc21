//! Tenant data: collections of JSON records, each collection optionally held to a JSON
//! Schema; record writes with optimistic concurrency; merge patches.

mod collections;
mod documents;
mod error;
pub mod merge_patch;
mod records;
pub mod schema;

pub use collections::Collections;
pub use error::{DataError, FieldProblem};
pub use records::{RecordPage, Records, VersionMatch};

/// The largest record, as compact JSON.
pub const MAX_RECORD_BYTES: usize = 1024 * 1024;

/// [`is_collection_name`] as an ECMA-262 regular expression, for API clients.
pub const COLLECTION_NAME_PATTERN: &str = "^[a-z][a-z0-9_]{0,62}$";

/// A collection name: a lower-case letter, then up to 62 lower-case letters, digits or `_`.
pub fn is_collection_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    matches!(bytes.next(), Some(b) if b.is_ascii_lowercase())
        && name.len() <= 63
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::is_collection_name;

    #[test]
    fn collection_names_are_lower_case_identifiers() {
        for good in ["notes", "a", "order_items2"] {
            assert!(is_collection_name(good), "{good}");
        }
        let too_long = "a".repeat(64);
        for bad in [
            "",
            "Notes",
            "1notes",
            "_notes",
            "no-tes",
            "notes/x",
            too_long.as_str(),
        ] {
            assert!(!is_collection_name(bad), "{bad}");
        }
    }
}
