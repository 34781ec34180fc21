//! Runs the real binary in a temporary working directory.

use std::path::Path;
use std::process::{ExitStatus, Stdio};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, BufReader};
use tokio::process::{Child, Command};

const START_TIMEOUT: Duration = Duration::from_secs(60);
const STOP_TIMEOUT: Duration = Duration::from_secs(30);

/// `palisade` with the caller's PALISADE_* variables removed and a random port.
pub fn palisade(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_palisade"));
    command
        .current_dir(dir)
        .kill_on_drop(true)
        .stdin(Stdio::null());
    for (key, _) in std::env::vars() {
        if key.starts_with("PALISADE_") {
            command.env_remove(key);
        }
    }
    command.env("PALISADE_BIND", "127.0.0.1:0");
    command
}

/// Output of a command that runs to completion.
pub struct Finished {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

pub async fn run(mut command: Command) -> Finished {
    let output = tokio::time::timeout(STOP_TIMEOUT, command.output())
        .await
        .unwrap()
        .unwrap();
    Finished {
        status: output.status,
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// A `palisade serve` that printed its listening line.
pub struct Serving {
    child: Child,
    pub line: String,
    pub url: String,
}

impl Serving {
    /// Starts `palisade serve` and waits for its one-line announcement.
    pub async fn start(command: Command) -> Result<Serving, Finished> {
        Self::start_with(command, &[]).await
    }

    pub async fn start_with(
        mut command: Command,
        serve_flags: &[&str],
    ) -> Result<Serving, Finished> {
        command
            .arg("serve")
            .args(serve_flags)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        let first = tokio::time::timeout(START_TIMEOUT, lines.next_line())
            .await
            .unwrap()
            .unwrap();
        match first {
            Some(line) => {
                // Whatever it prints from now on is drained, so a full pipe never stalls it.
                let mut stderr = child.stderr.take().unwrap();
                tokio::spawn(async move {
                    let _ = tokio::io::copy(&mut stderr, &mut tokio::io::sink()).await;
                });
                tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
                let url = line
                    .strip_prefix("palisade listening on ")
                    .and_then(|rest| rest.split_whitespace().next())
                    .unwrap_or_else(|| panic!("unexpected first line: {line}"))
                    .to_owned();
                Ok(Serving { child, line, url })
            }
            None => {
                let status = child.wait().await.unwrap();
                let mut stderr = String::new();
                child
                    .stderr
                    .take()
                    .unwrap()
                    .read_to_string(&mut stderr)
                    .await
                    .unwrap();
                Err(Finished {
                    status,
                    stdout: String::new(),
                    stderr,
                })
            }
        }
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        reqwest::get(format!("{}{path}", self.url)).await.unwrap()
    }

    /// Kills the process outright (SIGKILL): a crash, nothing flushed or shipped on the way out.
    pub async fn kill(mut self) {
        self.child.kill().await.unwrap();
    }

    /// Sends SIGTERM and waits for the process to exit.
    pub async fn terminate(mut self) -> ExitStatus {
        let pid = self.child.id().unwrap().to_string();
        let sent = std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap();
        assert!(sent.success());
        tokio::time::timeout(STOP_TIMEOUT, self.child.wait())
            .await
            .unwrap()
            .unwrap()
    }
}
