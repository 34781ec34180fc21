//! PostgreSQL point-in-time recovery by the route docs/backups.md documents, run for real: a
//! throwaway cluster archives its WAL through `palisade backup seal`, a base backup is sealed
//! the same way, Palisade writes records before and after a chosen moment, and a new cluster
//! restored to that moment through `palisade backup open` serves exactly the records written
//! before it, with every audit chain verifying.

use crate::backup::{backup_keys, busy, Api};
use crate::process::{palisade, run, Serving};
use serde_json::json;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const PALISADE: &str = env!("CARGO_BIN_EXE_palisade");

/// PostgreSQL's server programs, or `None` outside CI when they are not installed.
fn pg_bindir() -> Option<PathBuf> {
    let found = Command::new("pg_config")
        .arg("--bindir")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()))
        .filter(|dir| dir.join("initdb").exists());
    if found.is_none() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "PostgreSQL's server programs (pg_config --bindir) are missing and CI=true"
        );
        eprintln!("PostgreSQL's server programs are not installed: point-in-time recovery not run");
    }
    found
}

fn running_as_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))
        .and_then(|ids| ids.split_whitespace().next().map(|uid| uid == "0"))
        .unwrap_or(false)
}

/// PostgreSQL refuses to run as root: its programs run as `postgres` then.
struct Postgres {
    bin: PathBuf,
    root: bool,
}

impl Postgres {
    fn command(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        if self.root {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(path);
            command
        } else {
            Command::new(path)
        }
    }

    fn shell(&self, script: &str) -> Command {
        let mut command = if self.root {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--", "sh", "-c"]);
            command
        } else {
            let mut command = Command::new("sh");
            command.arg("-c");
            command
        };
        command.arg(script);
        command
    }

    fn must(&self, command: &mut Command) -> String {
        let output = command.output().unwrap();
        assert!(
            output.status.success(),
            "{command:?}: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).trim().to_owned()
    }

    fn sql(&self, port: u16, socket: &Path, query: &str) -> String {
        self.must(
            self.command("psql")
                .args(["-X", "-At", "-U", "postgres", "-d", "postgres", "-p"])
                .arg(port.to_string())
                .arg("-h")
                .arg(socket)
                .args(["-c", query]),
        )
    }
}

/// Stops a cluster however the test ends, so no server outlives it.
struct Running<'a> {
    pg: &'a Postgres,
    data: PathBuf,
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        let _ = self
            .pg
            .command("pg_ctl")
            .args(["-w", "-m", "immediate", "-D"])
            .arg(&self.data)
            .arg("stop")
            .output();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Hands `path` (and everything in it) to the `postgres` user.
fn give_to_postgres(path: &Path) {
    let status = Command::new("chown")
        .args(["-R", "postgres:postgres"])
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

fn append(file: &Path, lines: &str) {
    use std::io::Write;
    let mut config = std::fs::OpenOptions::new().append(true).open(file).unwrap();
    writeln!(config, "{lines}").unwrap();
}

async fn write_notes(api: &Api, from: u32, count: u32) {
    for n in from..from + count {
        let response = api
            .post(
                "/v1/workspaces/acme/collections/notes/records",
                json!({"n": n}),
            )
            .await;
        assert_eq!(response.status(), 201);
    }
}

#[tokio::test]
async fn a_postgres_deployment_recovers_to_a_point_in_time_through_its_sealed_wal_archive() {
    let Some(bin) = pg_bindir() else { return };
    let pg = Postgres {
        bin,
        root: running_as_root(),
    };
    // Somewhere the postgres user can reach: everything below is handed to it.
    let scratch = tempfile::Builder::new()
        .prefix("palisade-pg-pitr-")
        .tempdir_in("/tmp")
        .unwrap();
    let base = scratch.path();
    let (cluster, wal, restored) = (
        base.join("cluster"),
        base.join("wal"),
        base.join("restored"),
    );
    std::fs::create_dir(&wal).unwrap();
    std::fs::create_dir(&restored).unwrap();
    let palisade_dir = tempfile::tempdir().unwrap();
    let identity = base.join("identity.txt");
    let recipient = backup_keys(palisade_dir.path(), &identity).await;
    if pg.root {
        give_to_postgres(base);
    }

    pg.must(
        pg.command("initdb")
            .args(["-U", "postgres", "--auth=trust", "--no-sync", "-D"])
            .arg(&cluster),
    );
    let port = free_port();
    append(
        &cluster.join("postgresql.conf"),
        &format!(
            "port = {port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{socket}'\n\
             fsync = off\nwal_level = replica\narchive_mode = on\n\
             archive_command = '{PALISADE} backup seal --recipient {recipient} --in %p --out {wal}/%f.age'",
            socket = base.display(),
            wal = wal.display(),
        ),
    );
    let log = base.join("postgres.log");
    pg.must(
        pg.command("pg_ctl")
            .args(["-w", "-D"])
            .arg(&cluster)
            .arg("-l")
            .arg(&log)
            .arg("start"),
    );
    let source = Running {
        pg: &pg,
        data: cluster.clone(),
    };
    let url = format!("postgres://postgres@127.0.0.1:{port}/postgres");

    let mut serve = busy(palisade_dir.path());
    serve.env("PALISADE_DATABASE_URL", &url);
    let server = Serving::start(serve)
        .await
        .unwrap_or_else(|f| panic!("{}", f.stderr));
    let api = Api::with_notes(&server.url).await;

    // The daily base backup, sealed as it streams out.
    let base_backup = base.join("base.tar.gz.age");
    pg.must(&mut pg.shell(&format!(
        "{pg_basebackup} -h {socket} -p {port} -U postgres -D - -Ft -X none -z -c fast \
         | {PALISADE} backup seal --recipient {recipient} --out {out}",
        pg_basebackup = pg.bin.join("pg_basebackup").display(),
        socket = base.display(),
        out = base_backup.display(),
    )));
    write_notes(&api, 0, 5).await;
    let before: BTreeSet<String> = api.record_ids().await;
    let target = pg.sql(port, base, "SELECT now()::text");
    write_notes(&api, 5, 5).await;
    assert_eq!(api.record_ids().await.len(), 10);
    assert!(server.terminate().await.success());
    // Close the segment holding the later writes, so it is archived before the server stops.
    pg.sql(port, base, "SELECT pg_switch_wal()");
    pg.must(
        pg.command("pg_ctl")
            .args(["-w", "-m", "fast", "-D"])
            .arg(&cluster)
            .arg("stop"),
    );
    drop(source);

    // Restore into a new cluster, replaying the archive up to the moment chosen.
    pg.must(&mut pg.shell(&format!(
        "{PALISADE} backup open {file} --identity {identity} | tar xz -C {restored}",
        file = base_backup.display(),
        identity = identity.display(),
        restored = restored.display(),
    )));
    std::fs::write(restored.join("recovery.signal"), "").unwrap();
    append(
        &restored.join("postgresql.conf"),
        &format!(
            "archive_mode = off\n\
             restore_command = '{PALISADE} backup open {wal}/%f.age --identity {identity} --out %p'\n\
             recovery_target_time = '{target}'\nrecovery_target_action = 'promote'",
            wal = wal.display(),
            identity = identity.display(),
        ),
    );
    if pg.root {
        give_to_postgres(&restored);
    }
    let status = Command::new("chmod")
        .arg("700")
        .arg(&restored)
        .status()
        .unwrap();
    assert!(status.success());
    pg.must(
        pg.command("pg_ctl")
            .args(["-w", "-D"])
            .arg(&restored)
            .arg("-l")
            .arg(&log)
            .arg("start"),
    );
    let _recovered = Running {
        pg: &pg,
        data: restored.clone(),
    };
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while pg.sql(port, base, "SELECT pg_is_in_recovery()") != "f" {
        assert!(
            std::time::Instant::now() < deadline,
            "recovery did not finish"
        );
    }

    let mut serve = busy(palisade_dir.path());
    serve.env("PALISADE_DATABASE_URL", &url);
    let server = Serving::start(serve)
        .await
        .unwrap_or_else(|f| panic!("{}", f.stderr));
    let api = Api::sign_in(&server.url, false).await;
    assert_eq!(
        api.record_ids().await,
        before,
        "exactly the records written before the target"
    );
    assert!(server.terminate().await.success());
    let mut audit = palisade(palisade_dir.path());
    audit
        .env("PALISADE_DATABASE_URL", &url)
        .args(["audit", "verify"]);
    let audited = run(audit).await;
    assert!(
        audited.status.success(),
        "{}{}",
        audited.stdout,
        audited.stderr
    );
}
