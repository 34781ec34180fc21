//! Key rotation through the real server's store: master-key rotation re-wraps, workspace
//! rotation re-encrypts while reads go on, and a node that missed a rotation cannot write
//! under the retired version.

use crate::accounts::auth_options;
use crate::helpers::on_both_backends;
use crate::vault::{owner_of, put, use_value, vault_with, VALUE};
use palisade_core::{OsSecureRng, SystemClock};
use palisade_crypto::{LocalKeyProvider, MasterKey};
use palisade_service::audit::Origin;
use palisade_service::vault::{self, secret_binding, secret_row, VaultError};
use secrecy::ExposeSecret;
use std::sync::Arc;

#[tokio::test]
async fn rotating_a_workspace_key_reencrypts_its_values_while_reads_go_on() {
    on_both_backends(auth_options, |app| async move {
        let (ada, scope) = owner_of(&app, "acme").await;
        for n in 0..30 {
            put(
                &app,
                &ada.access,
                "acme",
                &format!("S{n}"),
                &format!("value-{n}"),
            )
            .await;
        }
        let workspace = scope.workspace_id().to_string();
        let operator = vault_with(&app, &app.keys.current, &[]);
        let reader = {
            let (app, scope) = (app.state.clone(), scope.clone());
            tokio::spawn(async move {
                let mut reads = 0;
                for round in 0..20 {
                    let name = format!("S{}", round % 30);
                    let used = &app.platform().secrets;
                    let got = used
                        .use_value(&scope, &name, "test.read", &Origin::system())
                        .await;
                    assert_eq!(
                        got.unwrap().value.expose_secret(),
                        &format!("value-{}", round % 30)
                    );
                    reads += 1;
                }
                reads
            })
        };
        let mut seen = 0;
        let report = vault::rotate_workspace(&operator, &workspace, &mut |done| seen = done)
            .await
            .unwrap();
        assert_eq!(reader.await.unwrap(), 20);
        assert_eq!(report.values, 30);
        assert_eq!(seen, 30);
        let keys = app.store.data_keys(&workspace).await.unwrap();
        assert_eq!(
            keys.iter()
                .map(|k| (k.version, k.active))
                .collect::<Vec<_>>(),
            [(2, true)]
        );
        for n in 0..30 {
            let name = format!("S{n}");
            assert_eq!(
                app.store
                    .secret(&scope, &name)
                    .await
                    .unwrap()
                    .unwrap()
                    .record
                    .key_version,
                2
            );
            assert_eq!(
                use_value(&app, &scope, &name).await.unwrap(),
                format!("value-{n}")
            );
        }
        app
    })
    .await;
}

#[tokio::test]
async fn a_node_that_missed_a_rotation_writes_under_the_new_key() {
    on_both_backends(auth_options, |app| async move {
        let (ada, scope) = owner_of(&app, "acme").await;
        put(&app, &ada.access, "acme", "A", "before").await;
        let workspace = scope.workspace_id().to_string();
        let operator = vault_with(&app, &app.keys.current, &[]);
        vault::rotate_workspace(&operator, &workspace, &mut |_| {})
            .await
            .unwrap();
        // The server still believes version 1 is active; the store refuses that write.
        assert_eq!(
            put(&app, &ada.access, "acme", "A", "after").await.status(),
            200
        );
        let stored = app.store.secret(&scope, "A").await.unwrap().unwrap();
        assert_eq!(stored.record.key_version, 2);
        assert_eq!(use_value(&app, &scope, "A").await.unwrap(), "after");
        app
    })
    .await;
}

#[tokio::test]
async fn rotating_the_master_key_rewraps_every_data_key_and_only_the_new_key_is_then_needed() {
    on_both_backends(auth_options, |app| async move {
        let (ada, scope) = owner_of(&app, "acme").await;
        put(&app, &ada.access, "acme", "A", VALUE).await;
        let new = MasterKey::generate(&OsSecureRng);
        let switching = LocalKeyProvider::new(&new, &[app.keys.current.duplicate()]);
        let mut progress = Vec::new();
        let report = vault::rotate_master(
            app.store.as_ref(),
            &switching,
            &SystemClock,
            &OsSecureRng,
            &mut |done, total| progress.push((done, total)),
        )
        .await
        .unwrap();
        // The platform's key and acme's.
        assert_eq!(report.keys, 2);
        assert_eq!(progress.last(), Some(&(2, 2)));
        let copy = app.store.secret(&scope, "A").await.unwrap().unwrap();
        let workspace = scope.workspace_id().to_string();
        let row = secret_row(&copy.record.id, copy.record.version);
        let binding = secret_binding(&workspace, &row);
        let after = vault_with(&app, &new, &[]);
        let plain = after.decrypt(&binding, &copy.ciphertext).await.unwrap();
        assert_eq!(plain.expose_secret().as_slice(), VALUE.as_bytes());
        let before = vault_with(&app, &app.keys.current, &[]);
        assert!(matches!(
            before.decrypt(&binding, &copy.ciphertext).await,
            Err(VaultError::Unwrap(_))
        ));
        // The platform's own keys come from the root, which the new key unlocks unchanged.
        let unlocked = vault::unlock(
            Arc::clone(&app.store),
            Arc::new(SystemClock),
            Arc::new(OsSecureRng),
            Arc::new(LocalKeyProvider::new(&new, &[])),
            &new,
        )
        .await
        .unwrap();
        assert_eq!(unlocked.root.expose_bytes(), app.root.expose_bytes());
        app
    })
    .await;
}

#[tokio::test]
async fn writes_racing_a_workspace_rotation_all_land_under_a_live_key() {
    on_both_backends(auth_options, |app| async move {
        let (ada, scope) = owner_of(&app, "acme").await;
        for n in 0..20 {
            put(&app, &ada.access, "acme", &format!("S{n}"), "before").await;
        }
        let workspace = scope.workspace_id().to_string();
        let operator = vault_with(&app, &app.keys.current, &[]);
        let writes = async {
            for round in 0..20 {
                let name = format!("S{}", round % 20);
                let value = format!("during-{round}");
                assert!(put(&app, &ada.access, "acme", &name, &value)
                    .await
                    .status()
                    .is_success());
            }
        };
        let mut progress = |_| {};
        let rotation = vault::rotate_workspace(&operator, &workspace, &mut progress);
        let (report, ()) = tokio::join!(rotation, writes);
        let report = report.unwrap();
        assert_eq!(report.remaining, 0, "{report:?}");
        let keys = app.store.data_keys(&workspace).await.unwrap();
        assert_eq!(keys.iter().map(|k| k.version).collect::<Vec<_>>(), [2]);
        for round in 0..20 {
            let name = format!("S{round}");
            assert_eq!(
                use_value(&app, &scope, &name).await.unwrap(),
                format!("during-{round}")
            );
        }
        app
    })
    .await;
}

#[tokio::test]
async fn a_master_rotation_on_a_database_without_a_root_keeps_the_configured_key_as_root() {
    let app = crate::helpers::spawn_app_with(auth_options())
        .await
        .unwrap();
    // As a database from before the vault: it has signing keys but no root, no platform key.
    app.db()
        .execute_as_owner(
            "DELETE FROM platform_secrets; DELETE FROM data_keys WHERE scope = 'platform'",
        )
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let new_file = dir.path().join("new.key");
    palisade_server::keys::rotate_master(app.state.config(), &new_file, &mut |_, _| {})
        .await
        .unwrap();
    let new = palisade_crypto::master_key::load(&new_file).unwrap();
    let unlocked = vault::unlock(
        Arc::clone(&app.store),
        Arc::new(SystemClock),
        Arc::new(OsSecureRng),
        Arc::new(LocalKeyProvider::new(&new, &[])),
        &new,
    )
    .await
    .unwrap();
    assert_eq!(
        unlocked.root.expose_bytes(),
        app.keys.current.expose_bytes()
    );
    app.cleanup().await;
}
