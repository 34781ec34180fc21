//! Per-collection JSON Schema. Schemas are compiled offline (a `$ref` to anywhere outside
//! the schema is refused, so a schema cannot make the server fetch a URL) with the
//! linear-time `regex` engine (a hostile `pattern` cannot backtrack for ever), and compiled
//! validators are cached by the schema's text, so a changed schema is never served stale.

use super::FieldProblem;
use jsonschema::{PatternOptions, Validator};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The largest schema accepted, as compact JSON.
pub const MAX_SCHEMA_BYTES: usize = 64 * 1024;
/// At most this many failing places are reported for one record.
pub const MAX_REPORTED: usize = 20;
const MAX_CACHED: usize = 1024;
const REGEX_SIZE_LIMIT: usize = 1024 * 1024;

/// Why a schema was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidSchema(pub String);

fn compile(schema: &Value) -> Result<Validator, InvalidSchema> {
    if !schema.is_object() {
        return Err(InvalidSchema("a schema is a JSON object".into()));
    }
    jsonschema::options()
        .offline()
        .should_validate_formats(true)
        .with_pattern_options(PatternOptions::regex().size_limit(REGEX_SIZE_LIMIT))
        .build(schema)
        .map_err(|err| InvalidSchema(err.to_string()))
}

/// Checks a submitted schema and returns the text to store.
pub fn accept(schema: &Value) -> Result<String, InvalidSchema> {
    let text = schema.to_string();
    if text.len() > MAX_SCHEMA_BYTES {
        return Err(InvalidSchema(format!(
            "a schema may be at most {MAX_SCHEMA_BYTES} bytes"
        )));
    }
    compile(schema)?;
    Ok(text)
}

/// Compiled validators by schema text.
#[derive(Default)]
pub struct SchemaCache {
    compiled: Mutex<HashMap<String, Arc<Validator>>>,
}

impl std::fmt::Debug for SchemaCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SchemaCache").finish_non_exhaustive()
    }
}

impl SchemaCache {
    fn validator(&self, text: &str) -> Result<Arc<Validator>, InvalidSchema> {
        if let Some(hit) = self.lock().get(text) {
            return Ok(Arc::clone(hit));
        }
        let schema: Value =
            serde_json::from_str(text).map_err(|err| InvalidSchema(err.to_string()))?;
        let compiled = Arc::new(compile(&schema)?);
        let mut cache = self.lock();
        if cache.len() >= MAX_CACHED {
            cache.clear();
        }
        cache.insert(text.to_owned(), Arc::clone(&compiled));
        Ok(compiled)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<Validator>>> {
        self.compiled
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The places where `document` breaks the stored schema `text` (empty when it conforms).
    pub fn violations(
        &self,
        text: &str,
        document: &Value,
    ) -> Result<Vec<FieldProblem>, InvalidSchema> {
        let validator = self.validator(text)?;
        Ok(validator
            .iter_errors(document)
            .take(MAX_REPORTED)
            .map(|error| FieldProblem {
                pointer: error.instance_path().to_string(),
                // Masked: says what is wrong without echoing the value back.
                detail: error.masked().to_string(),
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_record_breaking_the_schema_reports_each_failing_path() {
        let schema = json!({
            "type": "object",
            "required": ["title"],
            "properties": {"title": {"type": "string"}, "n": {"type": "integer", "minimum": 0}}
        });
        let text = accept(&schema).unwrap();
        let cache = SchemaCache::default();
        let problems = cache.violations(&text, &json!({"n": -1})).unwrap();
        let pointers: Vec<&str> = problems.iter().map(|p| p.pointer.as_str()).collect();
        assert!(pointers.contains(&"/n"), "{problems:?}");
        assert!(pointers.contains(&""), "{problems:?}");
        assert!(cache
            .violations(&text, &json!({"title": "ok", "n": 3}))
            .unwrap()
            .is_empty());
    }

    #[test]
    fn remote_references_are_refused() {
        for reference in ["http://127.0.0.1:1/schema.json", "file:///etc/passwd"] {
            let schema = json!({"$ref": reference});
            assert!(accept(&schema).is_err(), "{reference}");
        }
    }

    #[test]
    fn malformed_schemas_are_refused_without_panicking() {
        let cases = [
            json!({"type": "no-such-type"}),
            json!({"$schema": "https://example.com/custom-meta"}),
            json!({"pattern": "(unclosed"}),
            json!({"minimum": "zero"}),
            json!([1, 2]),
        ];
        for schema in cases {
            assert!(accept(&schema).is_err(), "{schema}");
        }
    }

    #[test]
    fn formats_are_asserted() {
        let text = accept(&json!({"properties": {"at": {"format": "date-time"}}})).unwrap();
        let cache = SchemaCache::default();
        assert_eq!(
            cache
                .violations(&text, &json!({"at": "yesterday"}))
                .unwrap()
                .len(),
            1
        );
    }
}
