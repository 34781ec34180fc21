//! The schemas of request fields that the server validates beyond their JSON type. Each one is
//! built from the same constants as the validator it describes, so a client generated from the
//! document sends what the server accepts; the tests below hold each schema to its validator.

use palisade_core::{DisplayName, Email, Permission, Role};
use palisade_crypto::policy::{MAX_CHARS as PASSWORD_MAX, MIN_CHARS as PASSWORD_MIN};
use palisade_crypto::token::OpaqueToken;
use palisade_service::auth::mfa::MFA_TOKEN_PREFIX;
use palisade_service::auth::{REFRESH_TOKEN_PREFIX, RESET_TOKEN_PREFIX};
use palisade_service::workspaces::{INVITATION_TOKEN_PREFIX, RESERVED_SLUGS};
use utoipa::openapi::schema::{ArrayBuilder, KnownFormat, ObjectBuilder, SchemaFormat, Type};
use utoipa::openapi::{RefOr, Schema};

fn string() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String)
}

fn password_format(builder: ObjectBuilder) -> ObjectBuilder {
    builder.format(Some(SchemaFormat::KnownFormat(KnownFormat::Password)))
}

/// An e-mail address as [`Email::parse`] accepts it.
pub fn email() -> ObjectBuilder {
    string()
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Email)))
        .pattern(Some(Email::PATTERN))
        .max_length(Some(Email::MAX_LEN))
        .examples(["ada@example.com"])
}

/// A password being set: the policy's length bounds (strength is judged too, by zxcvbn).
pub fn new_password() -> ObjectBuilder {
    password_format(string())
        .min_length(Some(PASSWORD_MIN))
        .max_length(Some(PASSWORD_MAX))
        .description(Some(
            "10–256 characters; guessable passwords (zxcvbn score under 3) are refused with `weak_password`.",
        ))
}

/// A password presented to sign in: any accepted password fits these bounds.
pub fn current_password() -> ObjectBuilder {
    password_format(string())
        .min_length(Some(1))
        .max_length(Some(PASSWORD_MAX))
}

/// A display name as [`DisplayName::parse`] accepts it.
pub fn display_name() -> ObjectBuilder {
    string()
        .min_length(Some(1))
        .max_length(Some(DisplayName::MAX_CHARS))
        .pattern(Some(DisplayName::PATTERN))
        .description(Some(
            "1–100 characters, no control characters, not only white space (trimmed).",
        ))
}

/// An optional display name: as [`display_name`], or `null`.
pub fn optional_display_name() -> ObjectBuilder {
    display_name().schema_type(utoipa::openapi::schema::SchemaType::from_iter([
        Type::String,
        Type::Null,
    ]))
}

/// A workspace slug: its shape, and not one of the reserved words.
pub fn slug() -> ObjectBuilder {
    let reserved = RESERVED_SLUGS.join("|");
    string()
        .min_length(Some(3))
        .max_length(Some(40))
        .pattern(Some(format!(
            "^(?!(?:{reserved})$)[a-z0-9][a-z0-9-]{{1,38}}[a-z0-9]$"
        )))
        .description(Some(
            "3–40 characters `[a-z0-9-]`, not starting or ending with `-`, not a reserved word.",
        ))
        .examples(["acme"])
}

/// A collection name.
pub fn collection_name() -> ObjectBuilder {
    string()
        .pattern(Some(palisade_service::tenant_data::COLLECTION_NAME_PATTERN))
        .max_length(Some(63))
        .description(Some(
            "A lower-case letter, then up to 62 lower-case letters, digits or `_`.",
        ))
}

/// A workspace role.
pub fn role() -> ObjectBuilder {
    string()
        .enum_values(Some(Role::ALL.iter().map(|role| role.to_string())))
        .examples(["member"])
}

/// Permissions an API key may carry: at least one.
pub fn scopes() -> RefOr<Schema> {
    let permission =
        string().enum_values(Some(Permission::ALL.iter().map(|p| p.as_str().to_owned())));
    ArrayBuilder::new()
        .items(permission)
        .min_items(Some(1))
        .description(Some(
            "Permissions such as `records:read`; each must be one the creator holds.",
        ))
        .into()
}

fn token(prefix: &str) -> ObjectBuilder {
    password_format(string()).pattern(Some(OpaqueToken::pattern(prefix)))
}

pub fn refresh_token() -> ObjectBuilder {
    token(REFRESH_TOKEN_PREFIX)
}

pub fn reset_token() -> ObjectBuilder {
    token(RESET_TOKEN_PREFIX)
}

pub fn mfa_token() -> ObjectBuilder {
    token(MFA_TOKEN_PREFIX)
}

/// A second factor: a 6-digit TOTP code, or a recovery code (`xxxxx-xxxxx`, case and
/// separators ignored).
pub fn mfa_code() -> ObjectBuilder {
    password_format(string())
        .min_length(Some(1))
        .max_length(Some(64))
        .description(Some(
            "A 6-digit code from the authenticator app, or one of the recovery codes.",
        ))
}

pub fn invitation_token() -> ObjectBuilder {
    token(INVITATION_TOKEN_PREFIX)
}

/// An optional sign-up credential: checked (as a digest) only under the sign-up policy that
/// asks for it and ignored under the others, so no shape is promised for it.
fn optional_credential(description: &str) -> ObjectBuilder {
    password_format(ObjectBuilder::new().schema_type(
        utoipa::openapi::schema::SchemaType::from_iter([Type::String, Type::Null]),
    ))
    .description(Some(description))
}

pub fn optional_access_code() -> ObjectBuilder {
    optional_credential("Required when the server's sign-up policy is `access_code`.")
}

pub fn optional_invitation_token() -> ObjectBuilder {
    optional_credential(
        "With `invite_only`: the token of an open invitation addressed to this e-mail.",
    )
}

/// An optional JSON integer; `2287.0` is one too (JSON Schema counts integral numbers as
/// integers whatever their spelling), anything fractional or beyond 2^53 is not.
pub fn optional_integral<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    use serde::Deserialize;
    const EXACT: f64 = 9_007_199_254_740_992.0;
    let Some(number) = Option::<serde_json::Number>::deserialize(d)? else {
        return Ok(None);
    };
    number
        .as_i64()
        .or_else(|| {
            number
                .as_f64()
                .filter(|f| f.fract() == 0.0 && f.abs() <= EXACT)
                .map(|f| f as i64)
        })
        .map(Some)
        .ok_or_else(|| serde::de::Error::custom("expected an integer"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Days {
        #[serde(default, deserialize_with = "optional_integral")]
        days: Option<i64>,
    }

    #[test]
    fn integral_numbers_are_integers_whatever_their_spelling() {
        let parse = |text: &str| serde_json::from_str::<Days>(text).map(|d| d.days);
        assert_eq!(parse(r#"{"days": 365}"#).unwrap(), Some(365));
        assert_eq!(parse(r#"{"days": 365.0}"#).unwrap(), Some(365));
        assert_eq!(parse(r#"{}"#).unwrap(), None);
        assert!(parse(r#"{"days": 365.5}"#).is_err());
        assert!(parse(r#"{"days": 1e300}"#).is_err());
        assert!(parse(r#"{"days": "365"}"#).is_err());
    }
    use palisade_service::workspaces::check_slug;
    use serde_json::{json, Value};

    /// A validator for `schema` with an ECMA-262-like engine (lookarounds included), as
    /// contract testers and generated clients use.
    fn accepts(schema: impl Into<RefOr<Schema>>, value: &Value) -> bool {
        let schema = serde_json::to_value(schema.into()).unwrap();
        jsonschema::options()
            .should_validate_formats(false)
            .build(&schema)
            .unwrap()
            .is_valid(value)
    }

    /// Strings near every edge of the rules: lengths, white space kinds, controls, non-ASCII.
    fn corpus() -> Vec<String> {
        let mut strings: Vec<String> = [
            "",
            " ",
            "a",
            "ab",
            "abc",
            "acme",
            "-acme",
            "acme-",
            "ac-me",
            "API",
            "api",
            "apis",
            "Acme Inc.",
            "  Acme  ",
            "\t",
            "\u{3000}",
            "\u{feff}",
            "\u{85}",
            "\u{a0}x",
            "x\u{0}",
            "tab\there",
            "é",
            "日本",
            "ada@example.com",
            " ada@example.com\t",
            "Ada.Lovelace@Example.COM",
            "ada@example",
            "ada@@example.com",
            "a b@example.com",
            "ada@ex_ample.com",
            "ada@-x.com",
            "ada@example..com",
            ".ada.@example.com",
            "ad\u{e9}@example.com",
            "\u{feff}ada@example.com",
            "ada@example.com\u{3000}",
            "notes",
            "order_items2",
            "9notes",
            "Notes",
            "no-tes",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for n in [38, 39, 40, 41, 62, 63, 64, 99, 100, 101] {
            strings.push("a".repeat(n));
            strings.push(format!(" {}", "b".repeat(n)));
        }
        strings.push(format!("{}@example.com", "l".repeat(64)));
        strings.push(format!("{}@example.com", "l".repeat(65)));
        strings.push(format!("ada@{}.com", "d".repeat(245)));
        strings.push(format!("ada@{}.com", "d".repeat(246)));
        strings
    }

    fn assert_agree(name: &str, schema: impl Fn() -> ObjectBuilder, server: impl Fn(&str) -> bool) {
        for raw in corpus() {
            assert_eq!(
                accepts(schema(), &json!(raw)),
                server(&raw),
                "{name}: document and server disagree on {raw:?}"
            );
        }
    }

    #[test]
    fn the_email_schema_accepts_exactly_what_the_server_accepts() {
        assert_agree("email", email, |raw| Email::parse(raw).is_ok());
    }

    #[test]
    fn the_display_name_schema_accepts_exactly_what_the_server_accepts() {
        assert_agree("name", display_name, |raw| DisplayName::parse(raw).is_ok());
    }

    #[test]
    fn the_slug_schema_accepts_exactly_what_the_server_accepts() {
        assert_agree("slug", slug, |raw| check_slug(raw).is_ok());
        for reserved in RESERVED_SLUGS {
            assert!(!accepts(slug(), &json!(reserved)), "{reserved}");
        }
    }

    #[test]
    fn the_collection_name_schema_accepts_exactly_what_the_server_accepts() {
        assert_agree(
            "collection",
            collection_name,
            palisade_service::tenant_data::is_collection_name,
        );
    }

    #[test]
    fn the_password_bounds_are_the_policys() {
        let long_enough = "x".repeat(PASSWORD_MIN);
        let too_long = "x".repeat(PASSWORD_MAX + 1);
        assert!(accepts(new_password(), &json!(long_enough)));
        assert!(!accepts(new_password(), &json!(long_enough[1..])));
        assert!(!accepts(new_password(), &json!(too_long)));
    }

    #[test]
    fn token_schemas_accept_the_tokens_the_server_issues() {
        let rng = palisade_core::SeededRng::new(7);
        type Field = fn() -> ObjectBuilder;
        let kinds: [(Field, &str); 3] = [
            (refresh_token, REFRESH_TOKEN_PREFIX),
            (reset_token, RESET_TOKEN_PREFIX),
            (invitation_token, INVITATION_TOKEN_PREFIX),
        ];
        for (schema, prefix) in kinds {
            let token = OpaqueToken::generate(prefix, &rng);
            assert!(accepts(schema(), &json!(token.expose())), "{prefix}");
            let longer = format!("{}x", token.expose());
            assert!(!accepts(schema(), &json!(longer)), "{prefix}");
        }
    }

    #[test]
    fn role_and_scope_schemas_list_exactly_the_parseable_values() {
        for role_name in Role::ALL {
            assert!(accepts(role(), &json!(role_name.to_string())));
        }
        assert!(!accepts(role(), &json!("superuser")));
        for permission in Permission::ALL {
            assert!(accepts(scopes(), &json!([permission.as_str()])));
        }
        assert!(!accepts(scopes(), &json!([])));
        assert!(!accepts(scopes(), &json!(["records:delete"])));
    }
}
