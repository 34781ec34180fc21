//! The backend contract: what the SQL written once in `shared_*.rs` needs from a backend.
//!
//! The shared modules are macros that expand one body of queries for each backend type
//! (`crate::shared_core::impl_shared_store!`). Everything in those bodies that differs per
//! backend goes through [`Dialect`], always by path (`Dialect::write_pool(self)`,
//! `<Self as Dialect>::enter_workspace(..)`), never by method lookup. So a backend that lacks
//! an item, or whose item has the wrong signature, fails to compile at its `impl Dialect`
//! with a trait error, and an inherent method of the same name cannot stand in by accident.
//!
//! The members, grouped by what they are for:
//!
//! - identity: [`Dialect::Db`], [`Dialect::BACKEND`], [`Dialect::migrator`];
//! - connections: [`Dialect::write_pool`], [`Dialect::read_pool`],
//!   [`Dialect::migration_pool`], [`Dialect::close_pools`], [`Dialect::after_migrations`];
//! - the workspace wall: [`Dialect::scoped_write`], [`Dialect::scoped_read`],
//!   [`Dialect::scoped_fetch_optional`], [`Dialect::in_workspace`],
//!   [`Dialect::enter_workspace`], [`Dialect::lookup`], [`Dialect::lookup_fetch_optional`];
//! - record data: [`Dialect::RECORD_DATA_IN`], [`Dialect::RECORD_DATA_OUT`],
//!   [`Dialect::field_filter`];
//! - the audit log: [`Dialect::lock_audit_log`], [`Dialect::begin_retention`]. The two constants used to be literal arguments of the
//!   records macro, spliced in with `concat!`; as constants the four record statements are
//!   put together at run time instead, to the same text (`shared_records`' tests compare).
//!
//! Nothing the shared code needs from a backend is left outside the trait. What remains a
//! macro is the shared code itself: `sqlx` queries are generic over the database only
//! through a long tail of `Encode`/`Decode`/`Executor` bounds per bound type, so the bodies
//! are expanded per backend type rather than written as generic functions. The helpers the
//! shared code defines for itself (`change_membership`, `missing_or_stale`) are not part of
//! the contract: the macros that use them also define them.

use crate::shared_records::FilterBind;
use crate::{Backend, FieldValue, StoreError, WorkspaceScope};
use sqlx::migrate::Migrator;
use sqlx::{Pool, Transaction};
use std::future::Future;

/// A transaction on backend `D`'s database.
pub(crate) type Tx<D> = Transaction<'static, <D as Dialect>::Db>;
/// A statement with its bound values, on database `DB`.
pub(crate) type Query<'q, DB> = sqlx::query::Query<'q, DB, <DB as sqlx::Database>::Arguments<'q>>;
/// A row of database `DB`.
pub(crate) type Row<DB> = <DB as sqlx::Database>::Row;

/// What a backend provides so the shared queries can run on it. See the module docs.
pub(crate) trait Dialect: Sized + Send + Sync + 'static {
    /// The `sqlx` database: the shared code's pools, transactions and rows are of this kind.
    type Db: sqlx::Database;

    /// What [`Store::backend`](crate::Store::backend) reports.
    const BACKEND: Backend;

    /// The placeholder for a record's `data` going in, as `$1` (the column is `TEXT` on
    /// SQLite and `JSONB` on PostgreSQL, which needs the text cast).
    const RECORD_DATA_IN: &'static str;

    /// The select-list entry that reads a record's `data` back out as text named `data`.
    const RECORD_DATA_OUT: &'static str;

    /// Appended to a `SELECT` that must hold a row against concurrent deletion until the
    /// transaction ends (PostgreSQL `FOR SHARE`; SQLite's single writer needs nothing).
    const FOR_SHARE: &'static str;
    /// Appended to a `SELECT` that must wait for every shared holder (`FOR UPDATE`).
    const FOR_UPDATE: &'static str;

    /// This backend's migrations (each backend has its own directory of them).
    fn migrator() -> &'static Migrator;

    /// The pool for writes that need no workspace transaction (accounts, sessions, recovery,
    /// mail, the instance row, renaming or deleting a workspace) and for reads that must see
    /// the latest write (refresh tokens, one-time codes, signing keys, applied migrations).
    fn write_pool(&self) -> &Pool<Self::Db>;

    /// The pool for reads that may lag a moment (users, sessions, a workspace's row, ping).
    fn read_pool(&self) -> &Pool<Self::Db>;

    /// A read-only transaction that sees every workspace's rows, for a backup's snapshot and
    /// an account's own audit events across logs: on PostgreSQL the schema owner with
    /// `palisade.owner_read` on (row security is forced on the tenant tables, and only the
    /// owner's policy honours the flag); on SQLite, the reader.
    fn begin_owner_read(&self) -> impl Future<Output = Result<Tx<Self>, StoreError>> + Send;

    /// Changes to access made through this store (see [`crate::workspaces::AccessEpoch`]).
    fn access_epoch(&self) -> &crate::workspaces::AccessEpoch;

    /// The connection migrations run on: one allowed to change the schema.
    fn migration_pool(&self) -> &Pool<Self::Db>;

    /// Closes every pool, for [`Store::close`](crate::Store::close).
    fn close_pools(&self) -> impl Future<Output = ()> + Send;

    /// Sets the application role's password (PostgreSQL) for the role and for new connections.
    fn set_app_role_password(
        &self,
        password: secrecy::SecretString,
        verifier: secrecy::SecretString,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Runs after the migrator on every `migrate`: what the schema alone cannot set up.
    fn after_migrations(&self) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// A writing transaction for `scope`'s workspace. The shared queries filter on the
    /// workspace id regardless; a backend with row-level security also narrows the
    /// transaction to that workspace.
    fn scoped_write(
        &self,
        scope: &WorkspaceScope,
    ) -> impl Future<Output = Result<Tx<Self>, StoreError>> + Send;

    /// A reading transaction for `scope`'s workspace, narrowed as [`Dialect::scoped_write`].
    fn scoped_read(
        &self,
        scope: &WorkspaceScope,
    ) -> impl Future<Output = Result<Tx<Self>, StoreError>> + Send;

    /// Runs one reading statement in `scope`'s workspace; its row, if any. One statement is
    /// atomic by itself: a backend that narrows by transaction settings (PostgreSQL) runs it
    /// in [`Dialect::scoped_read`], one that does not (SQLite) runs it on a reader as it is,
    /// sparing the hottest reads a BEGIN and a COMMIT round trip each.
    fn scoped_fetch_optional<'q>(
        &self,
        scope: &WorkspaceScope,
        query: Query<'q, Self::Db>,
    ) -> impl Future<Output = Result<Option<Row<Self::Db>>, StoreError>> + Send;

    /// As [`Dialect::scoped_fetch_optional`], for one statement of a credential lookup
    /// ([`Dialect::lookup`]).
    fn lookup_fetch_optional<'q>(
        &self,
        query: Query<'q, Self::Db>,
    ) -> impl Future<Output = Result<Option<Row<Self::Db>>, StoreError>> + Send;

    /// A writing transaction for the workspace `id` before any scope for it exists: how the
    /// workspace and its first membership are created.
    fn in_workspace(&self, id: &str) -> impl Future<Output = Result<Tx<Self>, StoreError>> + Send;

    /// Narrows a transaction opened by [`Dialect::lookup`] to the workspace `id`, ending the
    /// lookup: accepting an invitation finds the workspace, then writes inside it.
    fn enter_workspace(
        tx: &mut Tx<Self>,
        id: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// A transaction in which a credential (user, API key id, invitation token) finds its
    /// workspace before there is a scope: it may read memberships, invitations and keys of
    /// any workspace but no tenant data. `write` asks for a writing connection, for a
    /// lookup that goes on to [`Dialect::enter_workspace`] and write.
    fn lookup(&self, write: bool) -> impl Future<Output = Result<Tx<Self>, StoreError>> + Send;

    /// The condition that a record's top-level `field` equals `value`, with placeholders
    /// numbered from `$first`; pushes the values for them onto `binds`, in order. Both
    /// backends compare typed JSON: `1` matches `1.0` but not `"1"`.
    /// Serialises appends to one audit log until the transaction ends, so its chain never
    /// forks (PostgreSQL: an advisory lock per log; SQLite: its single writer already does).
    fn lock_audit_log(
        tx: &mut Tx<Self>,
        log: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// A transaction that may delete `log`'s audit events below a recorded cut, which the
    /// append-only triggers otherwise refuse (PostgreSQL: as the schema owner, with
    /// `palisade.audit_retention` on, inside the log's workspace).
    fn begin_retention(
        &self,
        log: &str,
    ) -> impl Future<Output = Result<Tx<Self>, StoreError>> + Send;

    /// A writing transaction that may delete expired idempotency records of every workspace
    /// (PostgreSQL: a policy lets exactly the rows expired before `before` go).
    fn begin_idempotency_sweep(
        &self,
        before: time::OffsetDateTime,
    ) -> impl Future<Output = Result<Tx<Self>, StoreError>> + Send;

    /// A writing transaction that may delete invitations of every workspace that ended
    /// (accepted, revoked, expired) before `before` (PostgreSQL: a policy lets exactly those go).
    fn begin_invitation_sweep(
        &self,
        before: time::OffsetDateTime,
    ) -> impl Future<Output = Result<Tx<Self>, StoreError>> + Send;

    /// The query for due webhook jobs of every workspace (`$1` now, `$2` per endpoint, `$3`
    /// in all), returning only their keys. PostgreSQL calls a function that alone may see
    /// every workspace's jobs; a request's transaction cannot.
    const DUE_WEBHOOK_JOBS: &'static str;

    fn field_filter(
        first: usize,
        field: &str,
        value: &FieldValue,
        binds: &mut Vec<FilterBind>,
    ) -> String;
}
