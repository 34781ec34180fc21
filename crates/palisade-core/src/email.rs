//! E-mail addresses as accounts know them: ASCII `local@domain` with an unquoted (dot-atom)
//! local part, the domain lower-cased. Nothing is trimmed or repaired: what the OpenAPI
//! document calls an e-mail ([`Email::PATTERN`], `format: email`) is exactly what is accepted,
//! and a test holds the two to each other. Uniqueness is decided on the fully lower-cased form
//! (see the store).

use std::fmt;

#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a valid e-mail address")]
pub struct InvalidEmail;

/// The characters of an unquoted local part besides letters and digits (RFC 5322 `atext`).
const ATEXT_SPECIALS: &str = "!#$%&'*+/=?^_`{|}~-";

impl Email {
    /// The longest address accepted (RFC 5321's path limit).
    pub const MAX_LEN: usize = 254;
    /// ECMA-262 regular expression equivalent to [`Email::parse`] (with `MAX_LEN`): a dot-atom
    /// local part of at most 64 characters, and a domain of two or more labels.
    pub const PATTERN: &'static str = "^(?=[^@]{1,64}@)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$";

    pub fn parse(raw: &str) -> Result<Self, InvalidEmail> {
        if raw.len() > Self::MAX_LEN {
            return Err(InvalidEmail);
        }
        let (local, domain) = raw.split_once('@').ok_or(InvalidEmail)?;
        let atom_ok = |atom: &str| {
            !atom.is_empty()
                && atom
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || ATEXT_SPECIALS.contains(c))
        };
        let label_ok = |label: &str| {
            !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        };
        let local_ok = local.len() <= 64 && local.split('.').all(atom_ok);
        let domain_ok = domain.contains('.') && domain.split('.').all(label_ok);
        if !(local_ok && domain_ok) {
            return Err(InvalidEmail);
        }
        Ok(Self(format!("{local}@{}", domain.to_ascii_lowercase())))
    }

    /// The looser rules of the first releases (trimmed; any characters but white space,
    /// controls and `<>()[]\\,;:"@`), for finding accounts registered under them so that they
    /// can still sign in. Never for new addresses.
    pub fn parse_legacy(raw: &str) -> Result<Self, InvalidEmail> {
        let trimmed = raw.trim();
        let (local, domain) = trimmed.rsplit_once('@').ok_or(InvalidEmail)?;
        let forbidden =
            |c: char| c.is_whitespace() || c.is_control() || "<>()[]\\,;:\"@".contains(c);
        let domain_ok = domain.len() <= 253
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && !domain.chars().any(forbidden);
        let local_ok = !local.is_empty() && local.len() <= 64 && !local.chars().any(forbidden);
        if !(domain_ok && local_ok) || trimmed.len() > Self::MAX_LEN {
            return Err(InvalidEmail);
        }
        Ok(Self(format!("{local}@{}", domain.to_lowercase())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Email({})", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_keep_their_local_part_and_lower_case_their_domain() {
        assert_eq!(
            Email::parse("Ada.Lovelace@Example.COM").unwrap().as_str(),
            "Ada.Lovelace@example.com"
        );
    }

    #[test]
    fn implausible_addresses_are_refused() {
        for bad in [
            "",
            "ada",
            "@example.com",
            "ada@",
            "ada@localhost",
            "ada@ex ample.com",
            "a b@example.com",
            "ada@example..com",
            "ada@.example.com",
            "<ada>@example.com",
            " ada@example.com",
            "ada@example.com ",
            ".ada@example.com",
            "ada.@example.com",
            "a..da@example.com",
        ] {
            assert_eq!(Email::parse(bad), Err(InvalidEmail), "{bad:?}");
        }
    }

    #[test]
    fn non_ascii_and_control_characters_are_refused() {
        for bad in [
            "\u{feff}ada@example.com",
            "ad\u{e9}@example.com",
            "ada@ex\u{e4}mple.com",
            "ada\n@example.com",
            "ada@example.com\u{3000}",
        ] {
            assert_eq!(Email::parse(bad), Err(InvalidEmail), "{bad:?}");
        }
    }

    #[test]
    fn addresses_registered_under_the_first_rules_can_still_be_found() {
        for old in [
            "  Ada@Example.COM ",
            "ad\u{e9}@example.com",
            "a..da@ex_ample.com",
        ] {
            assert!(Email::parse(old).is_err(), "{old:?}");
            assert!(Email::parse_legacy(old).is_ok(), "{old:?}");
        }
        assert_eq!(
            Email::parse_legacy("  Ada@Example.COM ").unwrap().as_str(),
            "Ada@example.com"
        );
    }

    #[test]
    fn overlong_addresses_are_refused() {
        let local = "a".repeat(65);
        assert!(Email::parse(&format!("{local}@example.com")).is_err());
        let domain = format!("{}.com", "d".repeat(250));
        assert!(Email::parse(&format!("ada@{domain}")).is_err());
    }
}
