//! The application role's password is set from a SCRAM verifier, so the plaintext never
//! appears in a statement PostgreSQL might log.

use palisade_store::testing::TestDatabase;
use palisade_store::{ConnectOptions, StoreError};
use secrecy::SecretString;
use sqlx::{Connection, PgConnection};

/// What PostgreSQL itself stored for a sample hex password (see palisade-crypto's scram).
const VERIFIER: &str = "SCRAM-SHA-256$4096:UAF6JTMmqAk/UaLSWYjRBg==$2uzcdD1h/knyX9flWXuLhpx5Ut0BLQG27JcxQf7Cynk=:JuUxG0oDymJ5z0tH7m8wWUhGB4xS6Oa++7YXt1NfYZE=";

async fn migrate_with(db: &TestDatabase, role: &str, verifier: &str) -> Result<(), StoreError> {
    let mut options = ConnectOptions::new(SecretString::from(db.url().to_owned()));
    options.app_role = role.into();
    options.app_role_verifier = Some(verifier.into());
    let store = palisade_store::connect(&options).await?;
    let migrated = store.migrate().await.map(|_| ());
    store.close().await;
    migrated
}

async fn stored_password(db: &TestDatabase, role: &str) -> Option<String> {
    let mut owner = PgConnection::connect(db.url()).await.unwrap();
    sqlx::query_scalar("SELECT rolpassword FROM pg_authid WHERE rolname = $1")
        .bind(role)
        .fetch_optional(&mut owner)
        .await
        .unwrap()
        .flatten()
}

/// Roles outlive test schemas: start from none, whatever an earlier run left.
async fn drop_role(db: &TestDatabase, role: &str) {
    let mut owner = PgConnection::connect(db.url()).await.unwrap();
    sqlx::query(&format!(
        "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN \
         DROP OWNED BY \"{role}\"; DROP ROLE \"{role}\"; END IF; END $$"
    ))
    .execute(&mut owner)
    .await
    .unwrap();
}

#[tokio::test]
async fn migrate_stores_the_given_verifier_exactly() {
    let Some(db) = TestDatabase::postgres().await else {
        return;
    };
    let role = "palisade_app_verifier_test";
    migrate_with(&db, role, VERIFIER).await.unwrap();
    // Had the statement carried a plaintext, PostgreSQL would have hashed it with a salt of
    // its own, and the stored verifier would differ.
    assert_eq!(stored_password(&db, role).await.as_deref(), Some(VERIFIER));
    db.cleanup().await;
}

#[tokio::test]
async fn a_role_password_that_is_not_a_scram_verifier_is_refused_and_no_role_is_made() {
    let Some(db) = TestDatabase::postgres().await else {
        return;
    };
    let role = "palisade_app_plaintext_test";
    drop_role(&db, role).await;
    for plaintext in [
        "00112233445566778899aabbccddeeff",
        "SCRAM-SHA-256$4096:c2FsdA==",
        "SCRAM-SHA-256$x:c2FsdA==$a2V5:a2V5",
        "SCRAM-SHA-256$4096:c2FsdA==$a2V5:a2V5'; DROP TABLE records; --",
    ] {
        let refused = migrate_with(&db, role, plaintext).await;
        assert!(
            matches!(refused, Err(StoreError::Misconfigured(_))),
            "{plaintext}: {refused:?}"
        );
        let mut owner = PgConnection::connect(db.url()).await.unwrap();
        let exists: bool =
            sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)")
                .bind(role)
                .fetch_one(&mut owner)
                .await
                .unwrap();
        assert!(!exists, "{plaintext}: the role was created");
    }
    db.cleanup().await;
}
