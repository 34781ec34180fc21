//! The store conformance suite: every behaviour is written once in `suite` and run against
//! SQLite and PostgreSQL by `conformance!`.
// Test helpers fail loudly by design; clippy.toml only covers `#[test]` functions themselves.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod access_generation;
mod accounts;
mod audit;
mod postgres_rls;
mod postgres_role;
mod postgres_vault_rls;
mod privacy;
mod records;
mod recovery;
mod redaction;
mod sqlite_specific;
mod suite;
mod webhooks;
mod workspaces;

use palisade_store::testing::{TestBackend, TestDatabase};

/// Runs `body` against a fresh database of `backend`; reports (or, in CI, fails) when
/// PostgreSQL is unreachable.
pub async fn with_database<F, Fut>(backend: TestBackend, body: F)
where
    F: FnOnce(TestDatabase) -> Fut,
    Fut: std::future::Future<Output = TestDatabase>,
{
    let Some(db) = TestDatabase::new(backend).await else {
        return;
    };
    body(db).await.cleanup().await;
}

macro_rules! conformance {
    ($($name:ident),* $(,)?) => {
        mod on_sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    crate::with_database(palisade_store::testing::TestBackend::Sqlite, |db| async move {
                        crate::$name(&db).await;
                        db
                    }).await;
                }
            )*
        }
        mod on_postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    crate::with_database(palisade_store::testing::TestBackend::Postgres, |db| async move {
                        crate::$name(&db).await;
                        db
                    }).await;
                }
            )*
        }
    };
}

conformance!(
    a_change_whose_event_cannot_be_written_is_not_made,
    a_platform_change_commits_with_its_event_or_not_at_all,
    appends_to_a_log_form_one_unbroken_chain,
    audit_rows_refuse_updates_and_deletes,
    retention_removes_only_events_up_to_its_recorded_cut,
    migrations_apply_once_and_are_idempotent,
    both_backends_know_the_same_migration_versions,
    ping_succeeds_on_an_open_store,
    closed_store_reports_unavailable,
    first_registered_instance_is_kept,
    concurrent_first_registrations_agree_on_one_instance,
    instance_survives_reconnecting,
    users_are_found_by_email_whatever_its_case,
    an_email_differing_only_in_case_is_taken,
    a_password_hash_can_be_replaced,
    sessions_round_trip_and_list_until_revoked,
    revoking_all_sessions_can_keep_the_current_one,
    a_refresh_token_rotates_exactly_once,
    concurrent_rotations_of_one_token_let_only_one_win,
    signing_keys_are_listed_and_retired,
    a_reset_token_works_once_and_only_before_it_expires,
    due_mail_is_claimed_by_one_worker_and_erased_once_sent,
    failed_mail_is_retried_later,
    access_codes_honour_their_use_limit_and_expiry,
    the_creator_owns_a_new_workspace,
    a_taken_slug_conflicts,
    outsiders_get_no_scope_whether_or_not_the_workspace_exists,
    a_scope_reaches_only_its_own_workspace,
    a_workspace_always_keeps_an_owner,
    a_key_acts_only_in_its_workspace_and_only_with_its_scopes,
    keys_of_a_creator_can_be_revoked_together,
    collections_are_listed_per_workspace_and_a_taken_name_conflicts,
    a_collection_schema_can_be_set_and_cleared_only_in_its_workspace,
    a_record_round_trips_and_is_invisible_from_another_workspace,
    a_record_for_a_missing_collection_is_not_written,
    an_update_needs_the_current_version_and_bumps_it,
    a_delete_honours_the_expected_version,
    records_page_in_id_order_after_a_cursor,
    equality_filters_compare_typed_top_level_values,
    deleting_a_collection_deletes_its_records,
    deleting_a_workspace_purges_its_tenant_data,
    a_record_write_queues_its_message_for_subscribed_endpoints_only,
    a_write_that_fails_queues_nothing,
    an_audit_append_queues_the_event_for_audit_streams_in_its_transaction,
    a_job_is_leased_to_one_worker_at_a_time,
    an_ordered_endpoint_offers_only_its_first_pending_job,
    the_last_failed_attempt_marks_the_endpoint_failing_once_and_names_its_owners,
    another_workspace_cannot_see_or_touch_an_endpoint,
    a_busy_endpoint_offers_only_its_share_of_due_jobs,
    a_workspace_holds_at_most_its_share_of_endpoints,
    finished_jobs_old_attempts_and_retired_secrets_are_swept,
    messages_of_events_no_longer_taken_are_dropped_when_an_endpoint_changes,
    every_change_that_can_take_access_away_moves_the_generation,
    everyday_writes_leave_the_generation_alone,
    revoking_keys_moves_this_stores_access_epoch,
    an_erased_account_loses_its_sessions_memberships_and_keys,
    an_erasure_is_recorded_in_the_platform_log,
    the_only_owner_of_a_workspace_is_not_erased,
    an_owner_with_a_fellow_owner_can_be_erased,
    holdings_list_memberships_invitations_sent_and_keys_created,
    an_actors_events_page_across_logs_and_only_theirs,
    the_retention_sweep_deletes_only_what_ended_before_its_cutoff,
);

use access_generation::*;
use accounts::*;
use audit::*;
use privacy::*;
use records::*;
use recovery::*;
use suite::*;
use webhooks::*;
use workspaces::*;

/// The witness a write needs, over the scope a member of the workspace holds.
fn grant<P: palisade_core::Permit>(
    scope: &palisade_store::WorkspaceScope,
) -> palisade_store::Grant<P> {
    palisade_store::testing::try_grant(scope).expect("the scope holds the permission")
}

/// An event for a write outside any workspace (accounts, sessions, codes).
fn platform_event() -> palisade_core::audit::AuditEntry {
    event_in_log(palisade_core::audit::PLATFORM_LOG)
}

/// An event for a write in the workspace of `scope`.
fn event_in(scope: &palisade_store::WorkspaceScope) -> palisade_core::audit::AuditEntry {
    event_in_log(&scope.workspace_id().to_string())
}

fn event_in_log(log: &str) -> palisade_core::audit::AuditEntry {
    let clock = palisade_core::SystemClock;
    palisade_core::audit::AuditEntry {
        id: palisade_core::AuditEventId::generate(&clock, &palisade_core::OsSecureRng),
        log: log.to_owned(),
        at_micros: 1,
        actor: "system".into(),
        action: "test.write".into(),
        resource_type: "test".into(),
        resource_id: None,
        outcome: palisade_core::audit::Outcome::Success,
        reason: None,
        request_id: None,
        ip: None,
        user_agent: None,
    }
}
