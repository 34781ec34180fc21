//! `palisade keys …`: the signing keys, the master key and the workspaces' data keys.

use clap::Subcommand;
use palisade_server::config::Config;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Add a new access-token signing key and retire the current one. Tokens signed with the
    /// old key stay valid until they expire; the JWKS lists both until then.
    RotateSigning,
    /// Create a new master key file (0600; refuses to overwrite) and print its key id, for
    /// copying to every node before `rotate-master` (see the README).
    NewMaster {
        /// Where to write it.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Re-wrap every data key under a new master key (created 0600 when FILE does not
    /// exist). Values are not touched. Multi-node: see the README, "Rotating the master key".
    RotateMaster {
        /// The new master key file.
        #[arg(long, value_name = "FILE")]
        new_key_file: PathBuf,
    },
    /// Give a workspace a new data key and re-encrypt its secrets under it, while the
    /// servers keep serving; the old key is destroyed once nothing uses it.
    RotateWorkspace {
        /// The workspace's slug.
        #[arg(long, value_name = "SLUG")]
        workspace: String,
    },
}

pub async fn run(command: KeysCommand, config: &Config) -> ExitCode {
    match command {
        KeysCommand::RotateSigning => {
            match palisade_server::admin::rotate_signing_key(config).await {
                Ok(kid) => {
                    println!("new signing key {kid}; previous keys retired");
                    ExitCode::SUCCESS
                }
                Err(err) => crate::fail(&err.to_string()),
            }
        }
        KeysCommand::NewMaster { out } => match palisade_server::keys::new_master(&out) {
            Ok(id) => {
                println!("created {} (mode 0600), key id {id}", out.display());
                ExitCode::SUCCESS
            }
            Err(err) => crate::fail(&err.to_string()),
        },
        KeysCommand::RotateMaster { new_key_file } => {
            let mut bar = Bar::new("re-wrapping data keys");
            let rotated =
                palisade_server::keys::rotate_master(config, &new_key_file, &mut |done, total| {
                    bar.show(done, total)
                })
                .await;
            bar.finish();
            match rotated {
                Ok(rotation) => {
                    if rotation.created {
                        println!("created {} (mode 0600)", new_key_file.display());
                    }
                    println!(
                        "{} data keys re-wrapped under {}. Next: set master_key_file to {} on \
                         every node (keeping the old key in accepted_master_key_files), restart \
                         them, run this command again, then drop the old key.",
                        rotation.rewrapped,
                        rotation.new_key_id,
                        new_key_file.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(err) => crate::fail(&err.to_string()),
            }
        }
        KeysCommand::RotateWorkspace { workspace } => {
            let mut bar = Bar::new("re-encrypting values");
            let rotated =
                palisade_server::keys::rotate_workspace(config, &workspace, &mut |done, total| {
                    bar.show(done, total)
                })
                .await;
            bar.finish();
            match rotated {
                Ok(report) if report.remaining > 0 => crate::fail(&format!(
                    "workspace {workspace}: {} values re-encrypted, but {} old key versions are \
                     still in use (writes kept landing under them); run the command again",
                    report.values, report.remaining
                )),
                Ok(report) => {
                    println!(
                        "workspace {workspace}: new data key; {} values re-encrypted, old key destroyed",
                        report.values
                    );
                    ExitCode::SUCCESS
                }
                Err(err) => crate::fail(&err.to_string()),
            }
        }
    }
}

/// A progress bar on stderr (stdout stays for the result).
struct Bar {
    label: &'static str,
    drawn: bool,
}

impl Bar {
    fn new(label: &'static str) -> Self {
        Self {
            label,
            drawn: false,
        }
    }

    fn show(&mut self, done: u64, total: u64) {
        const WIDTH: u64 = 30;
        let filled = (done * WIDTH).checked_div(total).unwrap_or(WIDTH) as usize;
        let bar = format!(
            "{}{}",
            "#".repeat(filled),
            "-".repeat(WIDTH as usize - filled.min(WIDTH as usize))
        );
        eprint!("\r{} [{bar}] {done}/{total}", self.label);
        let _ = std::io::stderr().flush();
        self.drawn = true;
    }

    fn finish(&self) {
        if self.drawn {
            eprintln!();
        }
    }
}
