//! Display names (workspaces, API keys, accounts): 1–100 characters, no control characters,
//! not only white space; stored without surrounding white space. [`DisplayName::PATTERN`]
//! says the same to API clients, and a test holds the two to each other.

use std::fmt;

#[derive(Clone, PartialEq, Eq)]
pub struct DisplayName(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a name is 1–100 printable characters")]
pub struct InvalidName;

impl DisplayName {
    pub const MAX_CHARS: usize = 100;
    /// ECMA-262 regular expression equivalent to [`DisplayName::parse`] (with the length
    /// bounds): no C0/C1 control character, and at least one character that is neither a
    /// control character nor Unicode `White_Space` (what `str::trim` removes).
    pub const PATTERN: &'static str = "^[^\\x00-\\x1f\\x7f-\\x9f]*[^\\x00-\\x20\\x7f-\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000][^\\x00-\\x1f\\x7f-\\x9f]*$";

    pub fn parse(raw: &str) -> Result<Self, InvalidName> {
        let length = raw.chars().count();
        let trimmed = raw.trim();
        if !(1..=Self::MAX_CHARS).contains(&length)
            || trimmed.is_empty()
            || raw.chars().any(char::is_control)
        {
            return Err(InvalidName);
        }
        Ok(Self(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Debug for DisplayName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DisplayName({:?})", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_stored_without_surrounding_white_space() {
        assert_eq!(
            DisplayName::parse("  Acme Inc. ").unwrap().as_str(),
            "Acme Inc."
        );
    }

    #[test]
    fn empty_blank_overlong_and_control_names_are_refused() {
        let overlong = "x".repeat(101);
        for bad in [
            "",
            "   ",
            "\u{3000}",
            "a\u{0}b",
            "tab\there",
            "\u{85}",
            &overlong,
        ] {
            assert_eq!(DisplayName::parse(bad), Err(InvalidName), "{bad:?}");
        }
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert!(DisplayName::parse(&"é".repeat(100)).is_ok());
    }
}
