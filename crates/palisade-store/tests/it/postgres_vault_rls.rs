//! The vault's tables under row-level security, against the application role: a workspace
//! transaction sees only its own data keys; the platform's keys and secrets are the schema
//! owner's alone, whatever transaction the application opens.

use crate::records::two_tenants;
use palisade_store::testing::TestDatabase;
use palisade_store::{DataKeyRecord, PLATFORM_SCOPE};
use time::macros::datetime;

fn key(scope: &str) -> DataKeyRecord {
    DataKeyRecord {
        scope: scope.to_owned(),
        version: 1,
        kek_id: "kek_test".into(),
        wrapped: vec![1, 2, 3],
        active: true,
        created_at: datetime!(2026-12-04 12:00 UTC),
    }
}

#[tokio::test]
async fn the_application_role_sees_its_workspace_keys_and_never_the_platforms() {
    let Some(db) = TestDatabase::postgres().await else {
        return;
    };
    let (w, acme, globex) = two_tenants(&db).await;
    for scope in [
        PLATFORM_SCOPE.to_owned(),
        acme.workspace_id().to_string(),
        globex.workspace_id().to_string(),
    ] {
        assert!(w.store.add_data_key(&key(&scope), None).await.unwrap());
    }
    w.store
        .init_platform_secret(
            "derivation-root",
            b"sealed",
            datetime!(2026-12-04 12:00 UTC),
        )
        .await
        .unwrap();
    let store = db.connect_postgres().await;
    let mut tx = store.scoped_transaction_for_tests(&acme).await.unwrap();
    let seen: Vec<String> = sqlx::query_scalar("SELECT scope FROM data_keys")
        .fetch_all(&mut *tx)
        .await
        .unwrap();
    assert_eq!(seen, [acme.workspace_id().to_string()]);
    let forged = sqlx::query(
        "INSERT INTO data_keys (scope, version, kek_id, wrapped, active, created_at) \
         VALUES ('platform', 2, 'kek_x', '\\x00', false, now())",
    )
    .execute(&mut *tx)
    .await;
    assert!(
        forged.is_err(),
        "a workspace transaction wrote a platform key"
    );
    drop(tx);
    for mut tx in [
        store.lookup_transaction_for_tests().await.unwrap(),
        store.app_pool_for_tests().begin().await.unwrap(),
    ] {
        let count: i64 = sqlx::query_scalar("SELECT count(*) FROM data_keys")
            .fetch_one(&mut *tx)
            .await
            .unwrap();
        assert_eq!(count, 0);
    }
    let mut bare = store.app_pool_for_tests().begin().await.unwrap();
    let secrets = sqlx::query("SELECT ciphertext FROM platform_secrets")
        .fetch_all(&mut *bare)
        .await;
    assert!(
        secrets.is_err(),
        "the application role read the platform's secrets"
    );
    db.cleanup().await;
}
