//! The access generation: every change that can take access away moves it, whoever makes it
//! (the statements below run as the schema owner, as another node or an operator would, not
//! through the store), and everyday writes leave it alone, so traffic does not empty caches.

use crate::workspaces::{key, workspace, world, World, T0};
use crate::{event_in, event_in_log, grant, platform_event};
use palisade_core::Permission;
use palisade_store::testing::TestDatabase;

/// `acme` owned by Ada with Bob a member, a key of Ada's, and Ada's TOTP confirmed.
async fn acme(db: &TestDatabase) -> World {
    let w = world(db).await;
    let acme = workspace("acme", 10);
    w.store
        .create_workspace(&acme, w.ada, &event_in_log(&acme.id.to_string()))
        .await
        .unwrap();
    let scope = w.store.authorize(w.ada, "acme").await.unwrap().unwrap();
    w.store
        .create_api_key(
            &grant(&scope),
            &key("k1", w.ada, vec![Permission::RecordsRead]),
            &event_in(&scope),
        )
        .await
        .unwrap();
    let bob = format!(
        "INSERT INTO memberships (workspace_id, user_id, role, created_at) \
         SELECT id, '{}', 'member', created_at FROM workspaces WHERE slug = 'acme'",
        w.bob
    );
    db.execute_as_owner(&bob).await.unwrap();
    let (begin, confirm) = (platform_event(), platform_event());
    let begun = w.store.begin_totp(w.ada, b"sealed", T0, &begin);
    assert!(begun.await.unwrap());
    let confirmed = w.store.confirm_totp(w.ada, 1, &[], T0, &confirm);
    assert!(confirmed.await.unwrap());
    w
}

async fn generation(w: &World) -> i64 {
    w.store.access_generation().await.unwrap()
}

pub async fn every_change_that_can_take_access_away_moves_the_generation(db: &TestDatabase) {
    let w = acme(db).await;
    let (ada, bob) = (w.ada, w.bob);
    let changes = [
        "UPDATE api_keys SET expires_at = created_at WHERE id = 'k1'".to_owned(),
        "UPDATE api_keys SET scopes = '[]' WHERE id = 'k1'".to_owned(),
        "UPDATE api_keys SET revoked_at = created_at WHERE id = 'k1'".to_owned(),
        "UPDATE api_keys SET id = 'k9' WHERE id = 'k1'".to_owned(),
        "DELETE FROM api_keys WHERE id = 'k9'".to_owned(),
        format!("UPDATE memberships SET role = 'viewer' WHERE user_id = '{bob}'"),
        format!("DELETE FROM memberships WHERE user_id = '{bob}'"),
        "UPDATE workspaces SET require_mfa = NOT require_mfa".to_owned(),
        "UPDATE workspaces SET suspended_at = created_at".to_owned(),
        "UPDATE workspaces SET slug = 'acme2'".to_owned(),
        format!("UPDATE mfa_totp SET confirmed_at = NULL WHERE user_id = '{ada}'"),
        format!("DELETE FROM mfa_totp WHERE user_id = '{ada}'"),
        format!("UPDATE users SET suspended_at = created_at WHERE id = '{bob}'"),
        format!("DELETE FROM users WHERE id = '{bob}'"),
        "DELETE FROM workspaces".to_owned(),
    ];
    for change in changes {
        let before = generation(&w).await;
        db.execute_as_owner(&change).await.unwrap();
        assert_ne!(generation(&w).await, before, "unnoticed: {change}");
    }
}

pub async fn everyday_writes_leave_the_generation_alone(db: &TestDatabase) {
    let w = acme(db).await;
    let scope = w.store.authorize(w.ada, "acme").await.unwrap().unwrap();
    let before = generation(&w).await;
    let used = w.store.authorize_key("k1").await.unwrap().unwrap();
    w.store.touch_api_key(&used.scope, T0).await.unwrap();
    w.store
        .rename_workspace(&grant(&scope), "Acme Inc", T0, &event_in(&scope))
        .await
        .unwrap();
    w.store
        .create_api_key(
            &grant(&scope),
            &key("k2", w.ada, vec![Permission::RecordsRead]),
            &event_in(&scope),
        )
        .await
        .unwrap();
    assert!(w.store.spend_totp_step(w.ada, 2).await.unwrap());
    assert_eq!(generation(&w).await, before);
}

/// Changes only one backend can make: each must move the generation too.
async fn moves_the_generation(db: TestDatabase, changes: &[String]) {
    let w = acme(&db).await;
    for change in changes {
        let before = generation(&w).await;
        db.execute_as_owner(change).await.unwrap();
        assert_ne!(generation(&w).await, before, "unnoticed: {change}");
    }
    db.cleanup().await;
}

#[tokio::test]
async fn a_row_replaced_in_sqlite_moves_the_generation() {
    let db = TestDatabase::sqlite();
    let changes = [
        "INSERT OR REPLACE INTO memberships (workspace_id, user_id, role, created_at) \
         SELECT workspace_id, user_id, 'viewer', created_at FROM memberships WHERE role = 'member'",
        "INSERT OR REPLACE INTO api_keys SELECT * FROM api_keys WHERE id = 'k1'",
        "REPLACE INTO mfa_totp SELECT * FROM mfa_totp",
        "REPLACE INTO workspaces SELECT * FROM workspaces",
        "REPLACE INTO users SELECT * FROM users",
    ];
    moves_the_generation(db, &changes.map(str::to_owned)).await;
}

#[tokio::test]
async fn a_table_truncated_in_postgres_moves_the_generation() {
    let Some(db) = TestDatabase::postgres().await else {
        return;
    };
    let changes = [
        "TRUNCATE api_keys",
        "TRUNCATE mfa_totp CASCADE",
        "TRUNCATE memberships",
        "TRUNCATE workspaces CASCADE",
        "TRUNCATE users CASCADE",
    ];
    moves_the_generation(db, &changes.map(str::to_owned)).await;
}

pub async fn revoking_keys_moves_this_stores_access_epoch(db: &TestDatabase) {
    let w = acme(db).await;
    let scope = w.store.authorize(w.ada, "acme").await.unwrap().unwrap();
    let (one, all) = (event_in(&scope), event_in(&scope));
    let before = w.store.access_epoch();
    let revoked = w.store.revoke_api_key(&grant(&scope), "k1", T0, &one).await;
    assert!(revoked.unwrap());
    let after_one = w.store.access_epoch();
    assert_ne!(after_one, before);
    let grant = grant(&scope);
    w.store
        .revoke_keys_created_by(&grant, w.ada, T0, &all)
        .await
        .unwrap();
    assert_ne!(w.store.access_epoch(), after_one);
}
