//! Copies in an object store: what is uploaded is listed and comes back byte for byte, on a
//! mounted disk (`file://`) and on a real S3 implementation (moto's server, installed into
//! the target directory on first use).

use palisade_backup::Remote;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Uploads two files (one into a nested name), lists, downloads and deletes them.
async fn round_trip(remote: &Remote) {
    let local = tempfile::tempdir().unwrap();
    let big: Vec<u8> = (0..12 * 1024 * 1024).map(|i| (i % 251) as u8).collect();
    let backup = write(local.path(), "palisade-20261208T100000Z.backup", &big);
    let segment = write(local.path(), "segment", b"frames");
    remote
        .upload(&backup, "palisade-20261208T100000Z.backup")
        .await
        .unwrap();
    remote
        .upload(&segment, "wal/20261208T100000.000Z/00000001-1.age")
        .await
        .unwrap();
    assert_eq!(
        remote.list("").await.unwrap(),
        [
            "palisade-20261208T100000Z.backup",
            "wal/20261208T100000.000Z/00000001-1.age"
        ]
    );
    assert_eq!(
        remote.list("wal").await.unwrap(),
        ["wal/20261208T100000.000Z/00000001-1.age"]
    );
    let back = tempfile::tempdir().unwrap();
    assert_eq!(remote.download_all(back.path()).await.unwrap(), 2);
    assert_eq!(
        std::fs::read(back.path().join("palisade-20261208T100000Z.backup")).unwrap(),
        big
    );
    assert_eq!(
        std::fs::read(back.path().join("wal/20261208T100000.000Z/00000001-1.age")).unwrap(),
        b"frames"
    );
    remote
        .delete("palisade-20261208T100000Z.backup")
        .await
        .unwrap();
    assert_eq!(
        remote.list("").await.unwrap(),
        ["wal/20261208T100000.000Z/00000001-1.age"]
    );
}

#[tokio::test]
async fn a_directory_store_keeps_what_is_uploaded_and_gives_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("file://{}/copies", dir.path().display());
    round_trip(&Remote::parse(&url).unwrap()).await;
}

#[test]
fn an_unsupported_store_is_refused_by_name() {
    let err = Remote::parse("ftp://example.com/backups").unwrap_err();
    assert!(err.to_string().contains("ftp://"), "{err}");
    let err = Remote::parse("s3:///no-bucket").unwrap_err();
    assert!(err.to_string().contains("bucket"), "{err}");
}

/// moto's S3 server on a free port; killed when dropped.
struct Moto {
    child: Child,
    url: String,
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn moto() -> Option<Moto> {
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("moto-venv");
    let server = venv.join("bin/moto_server");
    if !server.exists() {
        let installed = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&venv)
            .status()
            .is_ok_and(|s| s.success())
            && Command::new(venv.join("bin/pip"))
                .args(["install", "--quiet", "moto[server]>=5,<6"])
                .status()
                .is_ok_and(|s| s.success());
        if !installed {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "moto (PyPI) could not be installed and CI=true: the S3 test must run"
            );
            eprintln!("moto could not be installed: the S3 copy test did not run");
            return None;
        }
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(&server)
        .args(["-H", "127.0.0.1", "-p", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let moto = Moto {
        child,
        url: format!("http://127.0.0.1:{port}"),
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "moto did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
    Some(moto)
}

/// S3's CreateBucket, which moto takes without a signature.
fn create_bucket(moto: &Moto, bucket: &str) {
    use std::io::{Read, Write};
    let host = moto.url.trim_start_matches("http://");
    let mut stream = TcpStream::connect(host).unwrap();
    write!(
        stream,
        "PUT /{bucket} HTTP/1.1\r\nHost: {host}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
}

#[tokio::test]
async fn an_s3_store_keeps_what_is_uploaded_and_gives_it_back() {
    let Some(moto) = moto() else { return };
    create_bucket(&moto, "palisade-backups");
    let settings = [
        ("AWS_ENDPOINT", moto.url.as_str()),
        ("AWS_ALLOW_HTTP", "true"),
        ("AWS_REGION", "us-east-1"),
        ("AWS_ACCESS_KEY_ID", "test"),
        ("AWS_SECRET_ACCESS_KEY", "test"),
    ]
    .map(|(k, v)| (k.to_owned(), v.to_owned()));
    let remote = Remote::parse_with("s3://palisade-backups/deployment-1", settings).unwrap();
    round_trip(&remote).await;
}
