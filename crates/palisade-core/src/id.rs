//! Typed, prefixed identifiers (`usr_…`, `ws_…`): a ULID (48-bit millisecond time + 80 random
//! bits) in lower-case Crockford base32, so ids sort by creation time and a `ws_` can never
//! be passed where a `usr_` is expected.

use crate::{Clock, SecureRng};
use ulid::Ulid;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdParseError {
    #[error("expected an id starting with `{expected}_`")]
    WrongPrefix { expected: &'static str },
    #[error("the id body is not a valid ULID")]
    InvalidBody,
}

/// Draws a new ULID from the injected clock and randomness.
pub fn new_ulid(clock: &dyn Clock, rng: &dyn SecureRng) -> Ulid {
    Ulid::from_parts(clock.now_unix_millis(), rng.next_u128())
}

/// A new ULID as lower-case text: the body of ids that are not typed (key ids, `jti`s).
pub fn new_ulid_text(clock: &dyn Clock, rng: &dyn SecureRng) -> String {
    new_ulid(clock, rng).to_string().to_ascii_lowercase()
}

/// Parses `<prefix>_<ulid>` into the ULID.
pub fn parse_prefixed(input: &str, prefix: &'static str) -> Result<Ulid, IdParseError> {
    let body = input
        .strip_prefix(prefix)
        .and_then(|rest| rest.strip_prefix('_'))
        .ok_or(IdParseError::WrongPrefix { expected: prefix })?;
    // Only the canonical lower-case form is accepted, so one id has exactly one spelling.
    if body.len() != ulid::ULID_LEN || body.bytes().any(|b| b.is_ascii_uppercase()) {
        return Err(IdParseError::InvalidBody);
    }
    Ulid::from_string(body).map_err(|_| IdParseError::InvalidBody)
}

/// Declares a typed id with its prefix.
#[macro_export]
macro_rules! typed_id {
    ($(#[$meta:meta])* $name:ident, $prefix:literal) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(::ulid::Ulid);

        impl $name {
            pub const PREFIX: &'static str = $prefix;

            pub fn generate(clock: &dyn $crate::Clock, rng: &dyn $crate::SecureRng) -> Self {
                Self($crate::id::new_ulid(clock, rng))
            }

            pub fn ulid(&self) -> ::ulid::Ulid {
                self.0
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                write!(f, "{}_{}", $prefix, self.0.to_string().to_ascii_lowercase())
            }
        }

        impl ::std::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(self, f)
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::IdParseError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $crate::id::parse_prefixed(s, $prefix).map(Self)
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let raw = <::std::borrow::Cow<'de, str>>::deserialize(d)?;
                raw.parse().map_err(::serde::de::Error::custom)
            }
        }
    };
}

typed_id!(
    /// Identifies one deployment (all nodes sharing a database).
    InstanceId,
    "ins"
);

typed_id!(
    /// An account.
    UserId,
    "usr"
);

typed_id!(
    /// A login session: one refresh-token family.
    SessionId,
    "ses"
);

typed_id!(
    /// A JWT signing key (`kid`).
    SigningKeyId,
    "kid"
);

typed_id!(
    /// A workspace (tenant).
    WorkspaceId,
    "ws"
);

typed_id!(
    /// A record of tenant data in a collection.
    RecordId,
    "rec"
);

typed_id!(
    /// A message in the mail outbox.
    MailId,
    "mail"
);

typed_id!(
    /// One event in an audit log.
    AuditEventId,
    "aud"
);

typed_id!(
    /// Identifies one HTTP request in logs, error bodies and the `X-Request-Id` header.
    RequestId,
    "req"
);

impl RequestId {
    /// Parses a request id without knowing it is one of ours: callers may send any id.
    pub fn is_acceptable_external(value: &str) -> bool {
        !value.is_empty()
            && value.len() <= 128
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ManualClock, SeededRng};
    use time::macros::datetime;
    use time::Duration;

    fn fixed() -> (ManualClock, SeededRng) {
        (
            ManualClock::starting_at(datetime!(2026-05-01 12:00 UTC)),
            SeededRng::new(42),
        )
    }

    #[test]
    fn ids_carry_their_prefix_and_round_trip() {
        let (clock, rng) = fixed();
        let id = InstanceId::generate(&clock, &rng);
        let text = id.to_string();
        assert!(text.starts_with("ins_"));
        assert_eq!(text.len(), 4 + 26);
        assert_eq!(text.parse::<InstanceId>().unwrap(), id);
    }

    #[test]
    fn an_id_of_another_kind_is_refused() {
        let (clock, rng) = fixed();
        let request = RequestId::generate(&clock, &rng).to_string();
        assert_eq!(
            request.parse::<InstanceId>(),
            Err(IdParseError::WrongPrefix { expected: "ins" })
        );
    }

    #[test]
    fn malformed_bodies_are_refused() {
        for bad in [
            "ins_",
            "ins_123",
            "ins_01HZZZZZZZZZZZZZZZZZZZZZZZ",
            "ins_!!!!!!!!!!!!!!!!!!!!!!!!!!",
            "ins",
        ] {
            assert!(
                bad.parse::<InstanceId>().is_err(),
                "{bad} should be refused"
            );
        }
    }

    #[test]
    fn ids_sort_by_creation_time() {
        let (clock, rng) = fixed();
        let first = InstanceId::generate(&clock, &rng);
        clock.advance(Duration::milliseconds(1));
        let second = InstanceId::generate(&clock, &rng);
        assert!(first < second);
        assert!(first.to_string() < second.to_string());
    }

    #[test]
    fn ids_serialize_as_strings() {
        let (clock, rng) = fixed();
        let id = InstanceId::generate(&clock, &rng);
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, format!("\"{id}\""));
        assert_eq!(serde_json::from_str::<InstanceId>(&json).unwrap(), id);
        assert!(serde_json::from_str::<InstanceId>("\"req_01hzzzzzzzzzzzzzzzzzzzzzzz\"").is_err());
    }

    #[test]
    fn external_request_ids_are_limited_to_safe_characters() {
        assert!(RequestId::is_acceptable_external("abc-123_x.y:z"));
        assert!(!RequestId::is_acceptable_external(""));
        assert!(!RequestId::is_acceptable_external("line\nbreak"));
        assert!(!RequestId::is_acceptable_external(&"a".repeat(129)));
    }
}
