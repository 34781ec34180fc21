//! PostgreSQL's second wall: row-level security on tenant tables, enforced against the
//! application role the server connects as, whatever a query forgets to filter.

use crate::grant;
use crate::records::{record, two_tenants};
use palisade_store::testing::message;
use palisade_store::testing::TestDatabase;
use sqlx::{Connection, PgConnection, Row};

/// Runs `body` on a fresh PostgreSQL schema holding a record in `acme` and one in `globex`.
async fn with_two_tenants<F, Fut>(body: F)
where
    F: FnOnce(TestDatabase, palisade_store::WorkspaceScope, palisade_store::WorkspaceScope) -> Fut,
    Fut: std::future::Future<Output = TestDatabase>,
{
    let Some(db) = TestDatabase::postgres().await else {
        return;
    };
    let (w, acme, globex) = two_tenants(&db).await;
    w.store
        .insert_record(
            &grant(&acme),
            &record(1, r#"{"who":"acme"}"#),
            &message("record.created"),
        )
        .await
        .unwrap();
    w.store
        .insert_record(
            &grant(&globex),
            &record(2, r#"{"who":"globex"}"#),
            &message("record.created"),
        )
        .await
        .unwrap();
    body(db, acme, globex).await.cleanup().await;
}

async fn count_as_owner(db: &TestDatabase, table: &str) -> i64 {
    let mut owner = PgConnection::connect(db.url()).await.unwrap();
    sqlx::query_scalar(&format!("SELECT count(*) FROM {table}"))
        .fetch_one(&mut owner)
        .await
        .unwrap()
}

#[tokio::test]
async fn an_unfiltered_select_in_a_scoped_transaction_sees_only_that_workspace() {
    with_two_tenants(|db, acme, _| async move {
        assert_eq!(count_as_owner(&db, "records").await, 2);
        let store = db.connect_postgres().await;
        let mut tx = store.scoped_transaction_for_tests(&acme).await.unwrap();
        let rows = sqlx::query("SELECT workspace_id, data->>'who' AS who FROM records")
            .fetch_all(&mut *tx)
            .await
            .unwrap();
        let seen: Vec<(String, String)> = rows
            .iter()
            .map(|r| (r.get("workspace_id"), r.get("who")))
            .collect();
        assert_eq!(seen, [(acme.workspace_id().to_string(), "acme".to_owned())]);
        let collections: Vec<String> = sqlx::query_scalar("SELECT workspace_id FROM collections")
            .fetch_all(&mut *tx)
            .await
            .unwrap();
        assert_eq!(collections, [acme.workspace_id().to_string()]);
        db
    })
    .await;
}

#[tokio::test]
async fn a_transaction_with_no_workspace_set_sees_no_tenant_rows() {
    with_two_tenants(|db, _, _| async move {
        assert_eq!(count_as_owner(&db, "collections").await, 2);
        let store = db.connect_postgres().await;
        let mut tx = store.app_pool_for_tests().begin().await.unwrap();
        for table in ["records", "collections"] {
            let count: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM {table}"))
                .fetch_one(&mut *tx)
                .await
                .unwrap();
            assert_eq!(count, 0, "{table} leaked rows without a workspace");
        }
        db
    })
    .await;
}

#[tokio::test]
async fn a_scoped_transaction_cannot_write_into_another_workspace() {
    with_two_tenants(|db, acme, globex| async move {
        let store = db.connect_postgres().await;
        let mut tx = store.scoped_transaction_for_tests(&acme).await.unwrap();
        let updated = sqlx::query("UPDATE records SET data = '{\"who\":\"overwritten\"}'")
            .execute(&mut *tx)
            .await
            .unwrap();
        assert_eq!(
            updated.rows_affected(),
            1,
            "only acme's record may be touched"
        );
        let smuggled = sqlx::query(
            "INSERT INTO collections (workspace_id, name, created_at, updated_at) \
             VALUES ($1, 'smuggled', now(), now())",
        )
        .bind(globex.workspace_id().to_string())
        .execute(&mut *tx)
        .await;
        let err = smuggled.expect_err("a row for another workspace must be refused");
        assert!(err.to_string().contains("row-level security"), "{err}");
        db
    })
    .await;
}

#[tokio::test]
async fn the_application_role_can_neither_bypass_nor_disable_row_security() {
    with_two_tenants(|db, _, _| async move {
        let store = db.connect_postgres().await;
        let pool = store.app_pool_for_tests();
        let role = sqlx::query(
            "SELECT current_user::text AS name, rolsuper, rolbypassrls FROM pg_roles \
             WHERE rolname = current_user",
        )
        .fetch_one(pool)
        .await
        .unwrap();
        assert_eq!(role.get::<String, _>("name"), store.app_role());
        assert!(!role.get::<bool, _>("rolsuper"));
        assert!(!role.get::<bool, _>("rolbypassrls"));
        let owner: String = sqlx::query_scalar(
            "SELECT tableowner::text FROM pg_tables WHERE schemaname = current_schema() \
             AND tablename = 'records'",
        )
        .fetch_one(pool)
        .await
        .unwrap();
        assert_ne!(owner, store.app_role());
        for statement in [
            "ALTER TABLE records NO FORCE ROW LEVEL SECURITY",
            "ALTER TABLE records DISABLE ROW LEVEL SECURITY",
            "DROP POLICY workspace_isolation ON records",
        ] {
            let refused = sqlx::query(statement).execute(pool).await;
            assert!(
                refused.is_err(),
                "the application role could run {statement}"
            );
        }
        db
    })
    .await;
}

#[tokio::test]
async fn membership_rows_are_walled_off_like_tenant_data() {
    with_two_tenants(|db, acme, _| async move {
        assert_eq!(count_as_owner(&db, "memberships").await, 2);
        let store = db.connect_postgres().await;
        let mut bare = store.app_pool_for_tests().begin().await.unwrap();
        for table in ["memberships", "invitations", "api_keys"] {
            let count: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM {table}"))
                .fetch_one(&mut *bare)
                .await
                .unwrap();
            assert_eq!(count, 0, "{table} leaked rows without a workspace");
        }
        let mut scoped = store.scoped_transaction_for_tests(&acme).await.unwrap();
        let seen: Vec<String> = sqlx::query_scalar("SELECT workspace_id FROM memberships")
            .fetch_all(&mut *scoped)
            .await
            .unwrap();
        assert_eq!(seen, [acme.workspace_id().to_string()]);
        db
    })
    .await;
}

#[tokio::test]
async fn a_credential_lookup_reads_memberships_but_never_tenant_data_and_never_writes() {
    with_two_tenants(|db, _, _| async move {
        let store = db.connect_postgres().await;
        let mut lookup = store.lookup_transaction_for_tests().await.unwrap();
        let memberships: i64 = sqlx::query_scalar("SELECT count(*) FROM memberships")
            .fetch_one(&mut *lookup)
            .await
            .unwrap();
        assert_eq!(memberships, 2);
        for table in ["records", "collections"] {
            let count: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM {table}"))
                .fetch_one(&mut *lookup)
                .await
                .unwrap();
            assert_eq!(count, 0, "a lookup saw {table}");
        }
        let promoted = sqlx::query("UPDATE memberships SET role = 'viewer'")
            .execute(&mut *lookup)
            .await
            .unwrap();
        assert_eq!(promoted.rows_affected(), 0, "a lookup changed memberships");
        db
    })
    .await;
}

#[tokio::test]
async fn the_application_role_may_only_read_and_append_audit_rows() {
    with_two_tenants(|db, acme, _| async move {
        let store = db.connect_postgres().await;
        let mut tx = store.scoped_transaction_for_tests(&acme).await.unwrap();
        for table in ["audit_events", "audit_checkpoints", "audit_cuts"] {
            for (verb, sql) in [
                ("UPDATE", format!("UPDATE {table} SET log_id = log_id")),
                ("DELETE", format!("DELETE FROM {table}")),
                ("TRUNCATE", format!("TRUNCATE {table}")),
            ] {
                sqlx::query("SAVEPOINT attempt")
                    .execute(&mut *tx)
                    .await
                    .unwrap();
                let refused = sqlx::query(&sql).execute(&mut *tx).await;
                let err = refused.expect_err(&format!("{verb} on {table} was allowed"));
                assert!(
                    err.to_string().contains("permission denied"),
                    "{verb} {table}: {err}"
                );
                sqlx::query("ROLLBACK TO SAVEPOINT attempt")
                    .execute(&mut *tx)
                    .await
                    .unwrap();
            }
        }
        db
    })
    .await;
}

#[tokio::test]
async fn every_table_holding_workspace_rows_has_forced_row_security() {
    with_two_tenants(|db, _, _| async move {
        let mut owner = PgConnection::connect(db.url()).await.unwrap();
        let tables: Vec<(String, bool, bool)> = sqlx::query_as(
            "SELECT c.relname::text, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c \
             JOIN pg_namespace n ON n.oid = c.relnamespace \
             WHERE n.nspname = current_schema() AND c.relkind = 'r' AND EXISTS ( \
               SELECT 1 FROM information_schema.columns col WHERE col.table_schema = n.nspname \
               AND col.table_name = c.relname AND col.column_name = 'workspace_id') \
             ORDER BY 1",
        )
        .fetch_all(&mut owner)
        .await
        .unwrap();
        let names: Vec<&str> = tables.iter().map(|(t, _, _)| t.as_str()).collect();
        for expected in [
            "records",
            "secrets",
            "webhook_endpoints",
            "webhook_jobs",
            "webhook_attempts",
        ] {
            assert!(
                names.contains(&expected),
                "{expected} missing from {names:?}"
            );
        }
        let open: Vec<&str> = tables
            .iter()
            .filter(|(_, enabled, forced)| !(*enabled && *forced))
            .map(|(t, _, _)| t.as_str())
            .collect();
        assert!(
            open.is_empty(),
            "tables without forced row security: {open:?}"
        );
        db
    })
    .await;
}

/// An endpoint in each workspace with one queued message.
async fn queue_in_both(
    store: &palisade_store::postgres::PostgresStore,
    scopes: [&palisade_store::WorkspaceScope; 2],
) {
    for scope in scopes {
        let endpoint = palisade_store::EndpointRecord {
            id: format!("whk_{}", scope.slug()),
            url: "https://hooks.example/in".into(),
            description: None,
            events: vec!["record.created".into()],
            ordered: false,
            failing_since: None,
            created_at: crate::workspaces::T0,
            updated_at: crate::workspaces::T0,
            secret_version: 1,
            auth: None,
        };
        let secret = palisade_store::EndpointSecret {
            version: 1,
            sealed: vec![1],
            created_at: crate::workspaces::T0,
            expires_at: None,
        };
        let made = palisade_store::WebhookStore::create_webhook(
            store,
            &grant(scope),
            &endpoint,
            &secret,
            20,
            &crate::event_in(scope),
        )
        .await
        .unwrap();
        assert!(made);
        palisade_store::WebhookStore::enqueue_webhook_message(
            store,
            &grant(scope),
            &endpoint.id,
            &message("webhook.test"),
        )
        .await
        .unwrap();
    }
}

#[tokio::test]
async fn the_application_role_cannot_read_other_workspaces_jobs_by_setting_the_dispatch_flag() {
    with_two_tenants(|db, acme, globex| async move {
        let store = db.connect_postgres().await;
        queue_in_both(&store, [&acme, &globex]).await;
        let pool = store.app_pool_for_tests();
        let mut tx = pool.begin().await.unwrap();
        sqlx::query("SELECT set_config('palisade.webhook_dispatch', 'on', true)")
            .execute(&mut *tx)
            .await
            .unwrap();
        let payloads: Vec<String> = sqlx::query_scalar("SELECT payload FROM webhook_jobs")
            .fetch_all(&mut *tx)
            .await
            .unwrap();
        assert!(
            payloads.is_empty(),
            "the flag alone showed {} jobs",
            payloads.len()
        );
        tx.rollback().await.unwrap();
        // The function, run by the same role, finds both workspaces' jobs (keys only).
        let due = palisade_store::WebhookStore::due_webhook_jobs(&store, i64::MAX, 10, 10)
            .await
            .unwrap();
        assert_eq!(due.len(), 2);
        db
    })
    .await;
}

#[tokio::test]
async fn a_temporary_table_or_view_cannot_steer_the_dispatch_policy_or_function() {
    with_two_tenants(|db, acme, globex| async move {
        let store = db.connect_postgres().await;
        queue_in_both(&store, [&acme, &globex]).await;
        let mut conn = store.app_pool_for_tests().acquire().await.unwrap();
        let schema: String = sqlx::query_scalar("SELECT current_schema()::text")
            .fetch_one(&mut *conn)
            .await
            .unwrap();
        // A temporary table first in the path: the policy must not take its owner for ours.
        sqlx::query(&format!("SET search_path = pg_temp, \"{schema}\""))
            .execute(&mut *conn)
            .await
            .unwrap();
        sqlx::query("CREATE TEMP TABLE webhook_jobs (x int)")
            .execute(&mut *conn)
            .await
            .unwrap();
        sqlx::query("SELECT set_config('palisade.webhook_dispatch', 'on', false)")
            .execute(&mut *conn)
            .await
            .unwrap();
        let seen: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM \"{schema}\".webhook_jobs"))
            .fetch_one(&mut *conn)
            .await
            .unwrap();
        assert_eq!(seen, 0, "a temporary table steered the policy");
        // A temporary view named like the table: the function must still read the table.
        sqlx::query("DROP TABLE pg_temp.webhook_jobs").execute(&mut *conn).await.unwrap();
        sqlx::query(&format!(
            "CREATE TEMP VIEW webhook_jobs AS SELECT workspace_id, endpoint_id, payload AS message_id, \
             attempts, next_attempt_micros, position, state, lease_until_micros FROM \"{schema}\".webhook_jobs"
        ))
        .execute(&mut *conn)
        .await
        .unwrap();
        let ids: Vec<String> = sqlx::query_scalar(&format!(
            "SELECT message_id FROM \"{schema}\".webhook_due_jobs($1, 10, 10)"
        ))
        .bind(i64::MAX)
        .fetch_all(&mut *conn)
        .await
        .unwrap();
        assert_eq!(ids.len(), 2);
        assert!(ids.iter().all(|id| id.starts_with("msg_")), "{ids:?}");
        sqlx::query("RESET ALL").execute(&mut *conn).await.unwrap();
        sqlx::query("DISCARD TEMP").execute(&mut *conn).await.unwrap();
        db
    })
    .await;
}

#[tokio::test]
async fn the_application_role_reads_the_access_generation_but_cannot_set_it() {
    let Some(db) = TestDatabase::postgres().await else {
        return;
    };
    let (w, _, _) = two_tenants(&db).await;
    let store = db.connect_postgres().await;
    let app = store.app_pool_for_tests();
    let before: i64 = sqlx::query_scalar("SELECT value FROM access_generation")
        .fetch_one(app)
        .await
        .unwrap();
    for write in [
        "UPDATE access_generation SET value = 0",
        "DELETE FROM access_generation",
        "INSERT INTO access_generation (id, value) VALUES (2, 0)",
    ] {
        let refused = sqlx::query(write).execute(app).await.unwrap_err();
        assert!(
            refused.to_string().contains("permission denied"),
            "{write}: {refused}"
        );
    }
    // Its own changes still move it: the triggers write as the schema owner.
    let t0 = crate::workspaces::T0;
    w.store
        .suspend_account(w.eve, Some(t0), t0, &crate::platform_event())
        .await
        .unwrap();
    let after: i64 = sqlx::query_scalar("SELECT value FROM access_generation")
        .fetch_one(app)
        .await
        .unwrap();
    assert_ne!(after, before);
    db.cleanup().await;
}

#[tokio::test]
async fn the_retention_sweep_never_deletes_an_invitation_that_ended_less_than_a_day_ago() {
    with_two_tenants(|db, acme, _globex| async move {
        let mut owner = PgConnection::connect(db.url()).await.unwrap();
        for (id, ended) in [("inv_recent", "2 hours"), ("inv_old", "3 days")] {
            sqlx::query(
                "INSERT INTO invitations (id, workspace_id, email, email_key, role, digest, \
                 invited_by, created_at, expires_at, revoked_at) \
                 VALUES ($1, $2, 'x@example.com', 'x@example.com', 'member', $1, 'usr_x', \
                 now() - interval '5 days', now() + interval '5 days', now() - $3::interval)",
            )
            .bind(id)
            .bind(acme.workspace_id().to_string())
            .bind(ended)
            .execute(&mut owner)
            .await
            .unwrap();
        }
        let store = db.connect_postgres().await;
        let mut tx = store.app_pool_for_tests().begin().await.unwrap();
        // The application asks for more than the database allows: everything ended before
        // tomorrow.
        sqlx::query(
            "SELECT set_config('palisade.invitations_ended_before', \
             (now() + interval '1 day')::text, true)",
        )
        .execute(&mut *tx)
        .await
        .unwrap();
        let deleted: Vec<String> = sqlx::query_scalar("DELETE FROM invitations RETURNING id")
            .fetch_all(&mut *tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        assert_eq!(deleted, ["inv_old"]);
        db
    })
    .await;
}
