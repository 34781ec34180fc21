//! Entity tags for records (`"v<version>"`) and the `If-Match` / `If-None-Match` checks of
//! RFC 9110 §13, with strong comparison: a weak tag never matches.

use axum::http::{header, HeaderMap, HeaderName, HeaderValue};
use palisade_service::tenant_data::VersionMatch;

pub fn etag(version: i64) -> HeaderValue {
    // Digits and quotes only: always a valid header value.
    HeaderValue::from_str(&format!("\"v{version}\"")).unwrap_or(HeaderValue::from_static("\"\""))
}

/// A parsed `If-Match` or `If-None-Match` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    Any,
    Tags(Vec<String>),
}

impl Condition {
    fn from_headers(headers: &HeaderMap, name: HeaderName) -> Option<Self> {
        let mut tags = Vec::new();
        let mut any = false;
        let mut present = false;
        for value in headers.get_all(name) {
            present = true;
            // An unreadable header matches nothing, so a write it guards is refused.
            let Ok(text) = value.to_str() else { continue };
            for item in text.split(',').map(str::trim).filter(|t| !t.is_empty()) {
                if item == "*" {
                    any = true;
                } else {
                    tags.push(item.to_owned());
                }
            }
        }
        match (present, any) {
            (false, _) => None,
            (true, true) => Some(Condition::Any),
            (true, false) => Some(Condition::Tags(tags)),
        }
    }

    pub fn if_match(headers: &HeaderMap) -> Option<Self> {
        Self::from_headers(headers, header::IF_MATCH)
    }

    pub fn if_none_match(headers: &HeaderMap) -> Option<Self> {
        Self::from_headers(headers, header::IF_NONE_MATCH)
    }

    /// `If-None-Match` compares weakly: `W/"v3"` names the same version as `"v3"`.
    pub fn admits_weakly(&self, version: i64) -> bool {
        match self {
            Condition::Any => true,
            Condition::Tags(tags) => {
                let current = format!("\"v{version}\"");
                tags.iter()
                    .any(|tag| tag.strip_prefix("W/").unwrap_or(tag) == current)
            }
        }
    }

    /// The versions a write may change (strong comparison: only `"v<n>"` names version n;
    /// any other tag matches nothing).
    pub fn versions(&self) -> VersionMatch {
        match self {
            Condition::Any => VersionMatch::Any,
            Condition::Tags(tags) => VersionMatch::OneOf(
                tags.iter()
                    .filter_map(|tag| {
                        let version: i64 =
                            tag.strip_prefix("\"v")?.strip_suffix('"')?.parse().ok()?;
                        // `"v03"` or `"v+3"` is not the tag we wrote for version 3.
                        (*tag == format!("\"v{version}\"")).then_some(version)
                    })
                    .collect(),
            ),
        }
    }

    /// Whether the record at `version` satisfies the condition (strong comparison).
    #[cfg(test)]
    fn admits(&self, version: i64) -> bool {
        self.versions().admits(version)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(value: &str) -> HeaderMap {
        let mut map = HeaderMap::new();
        map.insert(header::IF_MATCH, HeaderValue::from_str(value).unwrap());
        map
    }

    #[test]
    fn matching_is_strong_and_accepts_lists_and_stars() {
        assert!(Condition::if_match(&headers("\"v3\"")).unwrap().admits(3));
        assert!(!Condition::if_match(&headers("\"v3\"")).unwrap().admits(4));
        assert!(Condition::if_match(&headers("\"v1\", \"v4\""))
            .unwrap()
            .admits(4));
        assert!(!Condition::if_match(&headers("W/\"v3\"")).unwrap().admits(3));
        assert!(Condition::if_match(&headers("*")).unwrap().admits(9));
        assert!(!Condition::if_match(&headers("v3")).unwrap().admits(3));
        assert!(!Condition::if_match(&headers("\"v03\"")).unwrap().admits(3));
        assert_eq!(Condition::if_match(&HeaderMap::new()), None);
    }

    #[test]
    fn if_none_match_compares_weakly() {
        let mut map = HeaderMap::new();
        map.insert(header::IF_NONE_MATCH, HeaderValue::from_static("W/\"v2\""));
        let condition = Condition::if_none_match(&map).unwrap();
        assert!(condition.admits_weakly(2));
        assert!(!condition.admits_weakly(3));
    }

    #[test]
    fn the_etag_names_the_version() {
        assert_eq!(etag(12), "\"v12\"");
    }
}
