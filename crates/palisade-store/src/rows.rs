//! Turning rows into records, for both backends.

use crate::accounts::{RefreshRecord, SessionRecord, SigningKeyRecord, UserRecord};
use crate::admin::{AccountStatus, AccountSummary, SupportGrantRecord, WorkspaceSummary};
use crate::api_keys::ApiKeyRecord;
use crate::invitations::InvitationRecord;
use crate::lockout::{IpBlock, LoginLock};
use crate::mfa::TotpRecord;
use crate::records::{CollectionRecord, RecordRow};
use crate::recovery::MailRecord;
use crate::vault::{DataKeyRecord, SecretRecord};
use crate::workspaces::{MemberRecord, WorkspaceRecord};
use crate::StoreError;
use sqlx::{ColumnIndex, Decode, Row, Type};
use std::str::FromStr;
use time::OffsetDateTime;

pub(crate) const USER_COLUMNS: &str = "id, email, name, password_hash, created_at, updated_at";
pub(crate) const SECRET_COLUMNS: &str =
    "id, name, description, version, key_version, fingerprint, created_at, updated_at, last_used_at";
pub(crate) const SESSION_COLUMNS: &str =
    "id, user_id, created_at, last_used_at, absolute_expires_at, revoked_at, user_agent, ip, mfa_at";

/// Parses a typed id column, reporting corruption rather than panicking.
pub(crate) fn id<R, T>(row: &R, column: &str) -> Result<T, StoreError>
where
    R: Row,
    for<'a> &'a str: ColumnIndex<R>,
    for<'r> String: Decode<'r, R::Database> + Type<R::Database>,
    T: FromStr,
{
    let raw: String = row.try_get(column)?;
    raw.parse()
        .map_err(|_| StoreError::Corrupt(format!("{column} holds a malformed id")))
}

macro_rules! decode_all {
    ($($name:ident => $record:ident { $($field:ident : $kind:tt),* $(,)? }),* $(,)?) => {
        $(
            pub(crate) fn $name<R>(row: &R) -> Result<$record, StoreError>
            where
                R: Row,
                for<'a> &'a str: ColumnIndex<R>,
                for<'r> String: Decode<'r, R::Database> + Type<R::Database>,
                for<'r> Option<String>: Decode<'r, R::Database> + Type<R::Database>,
                for<'r> Vec<u8>: Decode<'r, R::Database> + Type<R::Database>,
                for<'r> Option<Vec<u8>>: Decode<'r, R::Database> + Type<R::Database>,
                for<'r> OffsetDateTime: Decode<'r, R::Database> + Type<R::Database>,
                for<'r> Option<OffsetDateTime>: Decode<'r, R::Database> + Type<R::Database>,
                for<'r> i64: Decode<'r, R::Database> + Type<R::Database>,
                for<'r> bool: Decode<'r, R::Database> + Type<R::Database>,
            {
                Ok($record { $($field: decode_all!(@field row, $field, $kind)),* })
            }
        )*
    };
    (@field $row:ident, $field:ident, id) => { id($row, stringify!($field))? };
    (@field $row:ident, $field:ident, value) => { $row.try_get(stringify!($field))? };
    (@field $row:ident, $field:ident, role) => { role($row)? };
    (@field $row:ident, $field:ident, scopes) => { crate::api_keys::decode_scopes(&$row.try_get::<String, _>("scopes")?)? };
    (@field $row:ident, $field:ident, created_at_column) => { $row.try_get("created_at")? };
    (@field $row:ident, $field:ident, u32) => { small($row.try_get::<i64, _>(stringify!($field))?, stringify!($field))? };
    (@field $row:ident, $field:ident, flag) => { $row.try_get::<i64, _>(stringify!($field)).or_else(|_| $row.try_get::<bool, _>(stringify!($field)).map(i64::from))? != 0 };
}

decode_all! {
    user => UserRecord { id: id, email: value, name: value, password_hash: value, created_at: value, updated_at: value },
    session => SessionRecord {
        id: id, user_id: id, created_at: value, last_used_at: value, absolute_expires_at: value,
        revoked_at: value, user_agent: value, ip: value, mfa_at: value,
    },
    refresh => RefreshRecord { digest: value, session_id: id, issued_at: value, spent_at: value, successor_sealed: value },
    mail => MailRecord {
        id: id, recipient: value, subject: value, sealed_body: value, created_at: value, attempts: value,
        next_attempt_at: value, sent_at: value,
    },
    workspace => WorkspaceRecord {
        id: id, slug: value, name: value, audit_retention_days: value, require_mfa: flag, suspended_at: value,
        created_at: value, updated_at: value,
    },
    totp => TotpRecord { secret_sealed: value, created_at: value, confirmed_at: value, last_step: value },
    account_status => AccountStatus { platform_admin: flag, suspended_at: value, mfa_enabled: flag },
    account_summary => AccountSummary {
        id: id, email: value, name: value, created_at: value, platform_admin: flag, suspended_at: value, mfa_enabled: flag,
    },
    workspace_summary => WorkspaceSummary {
        id: id, slug: value, name: value, created_at: value, suspended_at: value, require_mfa: flag, members: value,
    },
    support_grant => SupportGrantRecord {
        id: value, granted_by: id, reason: value, created_at: value, expires_at: value, revoked_at: value,
    },
    member => MemberRecord { user_id: id, email: value, name: value, role: role, joined_at: created_at_column },
    invitation => InvitationRecord {
        id: value, email: value, role: role, digest: value, invited_by: id, created_at: value, expires_at: value,
    },
    api_key => ApiKeyRecord {
        id: value, name: value, scopes: scopes, verifier: value, created_by: id, created_at: value,
        expires_at: value, last_used_at: value,
    },
    collection => CollectionRecord { name: value, json_schema: value, created_at: value, updated_at: value },
    record => RecordRow { id: id, collection: value, data: value, version: value, created_at: value, updated_at: value },
    ip_block => IpBlock { ip: value, blocked_until: value, failures: u32, accounts: u32, created_at: value },
    login_lock => LoginLock { failures: u32, lockouts: u32, locked_until: value },
    data_key => DataKeyRecord { scope: value, version: u32, kek_id: value, wrapped: value, active: flag, created_at: value },
    secret => SecretRecord {
        id: value, name: value, description: value, version: value, key_version: u32, fingerprint: value,
        created_at: value, updated_at: value, last_used_at: value,
    },
    signing_key => SigningKeyRecord { kid: value, public_key: value, sealed_seed: value, created_at: value, retired_at: value },
}

/// The `flag` column (SQLite `INTEGER` 0/1, PostgreSQL `BOOLEAN`).
pub(crate) fn flag<R>(row: &R) -> Result<bool, StoreError>
where
    R: Row,
    for<'a> &'a str: ColumnIndex<R>,
    for<'r> i64: Decode<'r, R::Database> + Type<R::Database>,
    for<'r> bool: Decode<'r, R::Database> + Type<R::Database>,
{
    Ok(row
        .try_get::<i64, _>("flag")
        .or_else(|_| row.try_get::<bool, _>("flag").map(i64::from))?
        != 0)
}

fn small(value: i64, column: &str) -> Result<u32, StoreError> {
    u32::try_from(value).map_err(|_| StoreError::Corrupt(format!("{column} is out of range")))
}

/// The `role` column as a [`Role`](palisade_core::Role).
pub(crate) fn role<R>(row: &R) -> Result<palisade_core::Role, StoreError>
where
    R: Row,
    for<'a> &'a str: ColumnIndex<R>,
    for<'r> String: Decode<'r, R::Database> + Type<R::Database>,
{
    let raw: String = row.try_get("role")?;
    raw.parse()
        .map_err(|_| StoreError::Corrupt("memberships.role holds an unknown role".into()))
}

/// The `user_id` of a token row whose `expires_at` is still ahead of `now`.
pub(crate) fn unexpired_user<R>(
    row: &R,
    now: OffsetDateTime,
) -> Result<Option<palisade_core::UserId>, StoreError>
where
    R: Row,
    for<'a> &'a str: ColumnIndex<R>,
    for<'r> String: Decode<'r, R::Database> + Type<R::Database>,
    for<'r> OffsetDateTime: Decode<'r, R::Database> + Type<R::Database>,
{
    let expires_at: OffsetDateTime = row.try_get("expires_at")?;
    if now >= expires_at {
        return Ok(None);
    }
    Ok(Some(id(row, "user_id")?))
}
