//! `GET …/records` query parameters: `limit` (1–200, default 50), `cursor` (opaque, from the
//! previous page) and `filter[<field>]=<value>` equality filters on top-level fields. The
//! value is read as JSON when it is a JSON scalar (`42`, `true`, `null`, `"42"`), otherwise
//! as a plain string, so `filter[status]=open` needs no quotes. Anything else is refused,
//! so a misspelt parameter is an error, not silently ignored.

use crate::error::ApiError;
use crate::problem_code::ProblemCode;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use palisade_core::RecordId;
use palisade_store::records::is_filterable_field;
use palisade_store::{FieldValue, RecordQuery};
use serde_json::Value;

pub const DEFAULT_LIMIT: u32 = 50;
pub const MAX_LIMIT: u32 = 200;
pub const MAX_FILTERS: usize = 10;
const CURSOR_PREFIX: &str = "after:";

fn invalid(code: ProblemCode, detail: String) -> ApiError {
    ApiError::new(code).with_detail(detail)
}

/// The page a request asks for: the query and the page size.
pub fn parse(raw_query: Option<&str>) -> Result<(RecordQuery, u32), ApiError> {
    let mut limit = DEFAULT_LIMIT;
    let mut query = RecordQuery::default();
    let mut seen_limit = false;
    let mut seen_cursor = false;
    for (key, value) in url::form_urlencoded::parse(raw_query.unwrap_or_default().as_bytes()) {
        if key == "limit" && !seen_limit {
            seen_limit = true;
            limit = value
                .parse()
                .ok()
                .filter(|n| (1..=MAX_LIMIT).contains(n))
                .ok_or_else(|| {
                    invalid(
                        ProblemCode::InvalidLimit,
                        format!("limit is a whole number from 1 to {MAX_LIMIT}."),
                    )
                })?;
        } else if key == "cursor" && !seen_cursor {
            seen_cursor = true;
            query.after = Some(decode_cursor(&value)?);
        } else if let Some(field) = key
            .strip_prefix("filter[")
            .and_then(|k| k.strip_suffix(']'))
        {
            if !is_filterable_field(field) {
                return Err(invalid(
                    ProblemCode::InvalidFilter,
                    "Filters name a top-level field: letters, digits and _, up to 64.".into(),
                ));
            }
            if query.filters.iter().any(|(f, _)| f == field) {
                return Err(invalid(
                    ProblemCode::InvalidFilter,
                    format!("`{field}` is filtered twice."),
                ));
            }
            if query.filters.len() == MAX_FILTERS {
                return Err(invalid(
                    ProblemCode::InvalidFilter,
                    format!("At most {MAX_FILTERS} filters."),
                ));
            }
            query.filters.push((field.to_owned(), field_value(&value)?));
        } else {
            return Err(invalid(ProblemCode::InvalidQuery,
                format!("Unknown or repeated query parameter `{key}`; use limit, cursor or filter[field]."),
            ));
        }
    }
    query.limit = limit;
    Ok((query, limit))
}

fn field_value(raw: &str) -> Result<FieldValue, ApiError> {
    let Ok(value) = serde_json::from_str::<Value>(raw) else {
        return Ok(FieldValue::Text(raw.to_owned()));
    };
    Ok(match value {
        Value::Null => FieldValue::Null,
        Value::Bool(b) => FieldValue::Bool(b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => FieldValue::Integer(i),
            None => FieldValue::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) if s.contains('\0') => {
            return Err(invalid(
                ProblemCode::InvalidFilter,
                "Filter values may not contain U+0000.".into(),
            ))
        }
        Value::String(s) => FieldValue::Text(s),
        Value::Array(_) | Value::Object(_) => {
            return Err(invalid(
                ProblemCode::InvalidFilter,
                "Filters compare with a string, number, boolean or null.".into(),
            ))
        }
    })
}

pub fn encode_cursor(last: RecordId) -> String {
    URL_SAFE_NO_PAD.encode(format!("{CURSOR_PREFIX}{last}"))
}

fn decode_cursor(raw: &str) -> Result<RecordId, ApiError> {
    URL_SAFE_NO_PAD
        .decode(raw)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| {
            text.strip_prefix(CURSOR_PREFIX)
                .and_then(|id| id.parse().ok())
        })
        .ok_or_else(|| {
            invalid(
                ProblemCode::InvalidCursor,
                "The cursor is not one this API issued.".into(),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use palisade_core::{ManualClock, SeededRng};

    #[test]
    fn defaults_to_a_page_of_fifty_from_the_start_unfiltered() {
        let (query, page) = parse(None).unwrap();
        assert_eq!((page, query.after, query.filters.len()), (50, None, 0));
    }

    #[test]
    fn limits_outside_one_to_two_hundred_are_refused() {
        for bad in ["0", "201", "-1", "ten", ""] {
            let err = parse(Some(&format!("limit={bad}"))).unwrap_err();
            assert_eq!(err.code().as_str(), "invalid_limit", "{bad}");
        }
        assert_eq!(parse(Some("limit=200")).unwrap().1, 200);
    }

    #[test]
    fn a_cursor_round_trips_and_a_forged_one_is_refused() {
        let id = RecordId::generate(
            &ManualClock::starting_at(time::OffsetDateTime::UNIX_EPOCH),
            &SeededRng::new(1),
        );
        let (query, _) = parse(Some(&format!("cursor={}", encode_cursor(id)))).unwrap();
        assert_eq!(query.after, Some(id));
        for bad in ["garbage!", "YWZ0ZXI6bm9wZQ", ""] {
            assert_eq!(
                parse(Some(&format!("cursor={bad}")))
                    .unwrap_err()
                    .code()
                    .as_str(),
                "invalid_cursor"
            );
        }
    }

    #[test]
    fn filter_values_are_json_scalars_or_plain_strings() {
        let (query, _) =
            parse(Some("filter[a]=open&filter[b]=42&filter[c]=%2242%22&filter[d]=true&filter[e]=null&filter[f]=1.5"))
                .unwrap();
        let values: Vec<FieldValue> = query.filters.into_iter().map(|(_, v)| v).collect();
        assert_eq!(
            values,
            [
                FieldValue::Text("open".into()),
                FieldValue::Integer(42),
                FieldValue::Text("42".into()),
                FieldValue::Bool(true),
                FieldValue::Null,
                FieldValue::Float(1.5),
            ]
        );
    }

    #[test]
    fn bad_filters_and_unknown_parameters_are_refused() {
        for (raw, code) in [
            ("filter[a.b]=1", "invalid_filter"),
            ("filter[a]=1&filter[a]=2", "invalid_filter"),
            ("filter[a]=%5B1%5D", "invalid_filter"),
            ("filter[a]=%22%5Cu0000%22", "invalid_filter"),
            ("filter[]=x", "invalid_filter"),
            ("sort=name", "invalid_query"),
            ("limit=5&limit=6", "invalid_query"),
        ] {
            assert_eq!(parse(Some(raw)).unwrap_err().code().as_str(), code, "{raw}");
        }
    }
}
