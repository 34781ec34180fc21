//! Opening the vault's root by hand, as an auditor could: the master key unwraps the
//! platform's data key, which decrypts the stored root. Nothing here calls Palisade's vault.

use palisade_crypto::envelope::{key_version_of, wrap_context};
use palisade_crypto::{master_key, Binding, KeyProvider, LocalKeyProvider, MasterKey, WrappedKey};
use secrecy::ExposeSecret;
use sqlx::Row;

pub async fn unlock_root(key_file: &std::path::Path, owner: &mut sqlx::PgConnection) -> MasterKey {
    let master = master_key::load(key_file).unwrap();
    let provider = LocalKeyProvider::new(&master, &[]);
    let sealed: Vec<u8> =
        sqlx::query("SELECT ciphertext FROM platform_secrets WHERE name = 'derivation-root'")
            .fetch_one(&mut *owner)
            .await
            .unwrap()
            .get("ciphertext");
    let version = key_version_of(&sealed).unwrap();
    let row = sqlx::query(
        "SELECT kek_id, wrapped FROM data_keys WHERE scope = 'platform' AND version = $1",
    )
    .bind(i64::from(version))
    .fetch_one(&mut *owner)
    .await
    .unwrap();
    let wrapped = WrappedKey {
        kek_id: row.get("kek_id"),
        bytes: row.get("wrapped"),
    };
    let data_key = provider
        .unwrap(&wrapped, &wrap_context("platform", version))
        .unwrap();
    let binding = Binding {
        scope: "platform",
        table: "platform_secrets",
        row: "derivation-root",
        column: "ciphertext",
    };
    let root = data_key.decrypt(&binding, &sealed).unwrap();
    MasterKey::from_bytes(root.expose_secret().as_slice().try_into().unwrap())
}
