use crate::process::{palisade, Serving};
use palisade_store::testing::TestDatabase;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[tokio::test]
async fn first_start_creates_private_data_and_serves() {
    let dir = tempfile::tempdir().unwrap();
    let server = Serving::start(palisade(dir.path()))
        .await
        .unwrap_or_else(|f| panic!("{}", f.stderr));
    assert!(
        server.url.starts_with("http://127.0.0.1:"),
        "{}",
        server.line
    );
    assert!(
        server.line.contains("data: ./palisade-data"),
        "{}",
        server.line
    );
    assert!(
        server
            .line
            .contains("database: sqlite://./palisade-data/palisade.db"),
        "{}",
        server.line
    );

    let data = dir.path().join("palisade-data");
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join("master.key")), 0o600);
    assert_eq!(mode(&data.join("palisade.db")), 0o600);

    assert_eq!(server.get("/healthz").await.status(), 200);
    assert_eq!(server.get("/readyz").await.status(), 200);
    assert!(server.terminate().await.success());
}

#[tokio::test]
async fn a_restart_keeps_the_master_key() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("palisade-data/master.key");
    let first = Serving::start(palisade(dir.path()))
        .await
        .unwrap_or_else(|f| panic!("{}", f.stderr));
    assert!(first.terminate().await.success());
    let original = std::fs::read(&key).unwrap();

    let second = Serving::start(palisade(dir.path()))
        .await
        .unwrap_or_else(|f| panic!("{}", f.stderr));
    assert!(second.terminate().await.success());
    assert_eq!(std::fs::read(&key).unwrap(), original);
}

#[tokio::test]
async fn a_readable_master_key_stops_the_server_from_starting() {
    let dir = tempfile::tempdir().unwrap();
    let first = Serving::start(palisade(dir.path()))
        .await
        .unwrap_or_else(|f| panic!("{}", f.stderr));
    assert!(first.terminate().await.success());
    let key = dir.path().join("palisade-data/master.key");
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();

    let refused = match Serving::start(palisade(dir.path())).await {
        Ok(server) => panic!("started with a world-readable key: {}", server.line),
        Err(finished) => finished,
    };
    assert!(!refused.status.success());
    assert!(refused.stderr.contains("master.key"), "{}", refused.stderr);
    assert!(refused.stderr.contains("chmod 600"), "{}", refused.stderr);
}

#[tokio::test]
async fn serves_on_postgres_when_the_database_url_says_so() {
    let Some(db) = TestDatabase::postgres().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut command = palisade(dir.path());
    command.env("PALISADE_DATABASE_URL", db.url());
    let server = Serving::start(command)
        .await
        .unwrap_or_else(|f| panic!("{}", f.stderr));
    assert!(
        server.line.contains("database: postgres://"),
        "{}",
        server.line
    );
    assert_eq!(server.get("/readyz").await.status(), 200);
    assert!(!dir.path().join("palisade-data/palisade.db").exists());
    assert!(server.terminate().await.success());
    db.cleanup().await;
}

#[tokio::test]
async fn self_signed_tls_serves_https() {
    let dir = tempfile::tempdir().unwrap();
    let server = Serving::start_with(palisade(dir.path()), &["--tls-self-signed"])
        .await
        .unwrap_or_else(|f| panic!("{}", f.stderr));
    assert!(
        server.url.starts_with("https://127.0.0.1:"),
        "{}",
        server.line
    );
    assert_eq!(
        mode(&dir.path().join("palisade-data/tls/self-signed.key")),
        0o600
    );
    assert!(server.terminate().await.success());
}

#[tokio::test]
async fn a_config_file_in_the_working_directory_is_used() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("palisade.toml"),
        "data_dir = \"./elsewhere\"\n",
    )
    .unwrap();
    let server = Serving::start(palisade(dir.path()))
        .await
        .unwrap_or_else(|f| panic!("{}", f.stderr));
    assert!(server.line.contains("data: ./elsewhere"), "{}", server.line);
    assert!(dir.path().join("elsewhere/master.key").exists());
    assert!(server.terminate().await.success());
}
