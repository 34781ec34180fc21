//! The `palisade` binary: parses the command line and hands over to `palisade-server`.
#![allow(clippy::print_stdout)] // A CLI's job is to print.

mod backup;
mod blocks;
mod keys;

use clap::{Parser, Subcommand};
use keys::KeysCommand;
use palisade_server::config::{Config, ConfigError};
use palisade_server::{serve, telemetry, Server, Services};
use std::path::PathBuf;
use std::process::ExitCode;

/// Palisade: a secure, self-hostable, multi-tenant backend in one binary.
///
/// Settings come from palisade.toml (or --config) and PALISADE_* environment variables,
/// which win. `palisade config check` shows the effective values.
#[derive(Debug, Parser)]
#[command(name = "palisade", version, about, long_about)]
struct Cli {
    /// Configuration file (default: ./palisade.toml when present).
    #[arg(long, global = true, env = "PALISADE_CONFIG", value_name = "FILE")]
    config: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the HTTP API server (applies migrations first unless auto_migrate = false).
    Serve {
        /// Serve HTTPS with a development certificate generated into the data directory.
        #[arg(long)]
        tls_self_signed: bool,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Inspect the configuration.
    Config {
        #[command(subcommand)]
        command: ConfigCommand,
    },
    /// Administer accounts and sign-up.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Rotate keys: token signing, the master key, a workspace's data key.
    Keys {
        #[command(subcommand)]
        command: KeysCommand,
    },
    /// Encrypted backups: make, verify, restore.
    Backup {
        #[command(subcommand)]
        command: backup::BackupCommand,
    },
    /// Check the tamper-evident audit log.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Print the OpenAPI 3.1 document the server publishes at /openapi.json.
    Openapi,
}

#[derive(Debug, Subcommand)]
enum AuditCommand {
    /// Recompute a log's hash chain and check its signed checkpoints; exits 1 naming the
    /// first bad sequence number. With --export, checks an exported file offline instead.
    Verify {
        /// The workspace whose log to check (default: the platform log).
        #[arg(long, value_name = "SLUG", conflicts_with = "export")]
        workspace: Option<String>,
        /// An export (JSON Lines or CSV) to check offline.
        #[arg(long, value_name = "FILE")]
        export: Option<PathBuf>,
        /// The checkpoint keys to trust, as saved from /.well-known/palisade-audit-keys.json
        /// (default: this deployment's, from its master key).
        #[arg(long, value_name = "FILE", requires = "export")]
        keys: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
enum AdminCommand {
    /// Sign-up access codes (for `auth.signup_policy = "access_code"`).
    AccessCode {
        #[command(subcommand)]
        command: AccessCodeCommand,
    },
    /// Addresses blocked for credential stuffing: list them, lift one.
    Blocks {
        #[command(subcommand)]
        command: blocks::BlocksCommand,
    },
    /// Make an account a platform admin (it must also sign in with MFA to administer).
    Grant {
        /// The account's e-mail.
        #[arg(long, value_name = "EMAIL")]
        email: String,
    },
    /// Take platform administration away from an account.
    Revoke {
        /// The account's e-mail.
        #[arg(long, value_name = "EMAIL")]
        email: String,
    },
}

#[derive(Debug, Subcommand)]
enum AccessCodeCommand {
    /// Create a code and print it once; only its digest is stored.
    Create {
        /// How many sign-ups the code allows (default: unlimited).
        #[arg(long, value_parser = clap::value_parser!(i64).range(1..))]
        max_uses: Option<i64>,
        /// Days until the code expires (default: never).
        #[arg(long, value_parser = clap::value_parser!(i64).range(1..=3650))]
        expires_in_days: Option<i64>,
    },
}

#[derive(Debug, Subcommand)]
enum ConfigCommand {
    /// Print the effective configuration with secrets masked; exit 1 if it is invalid.
    Check,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => return fail(&format!("cannot start the async runtime: {err}")),
    };
    runtime.block_on(run(cli))
}

async fn run(cli: Cli) -> ExitCode {
    if matches!(cli.command, Command::Openapi) {
        // Needs no configuration or database: the document is a function of the code.
        return match serde_json::to_string_pretty(&palisade_server::routes::openapi::document()) {
            Ok(document) => {
                println!("{document}");
                ExitCode::SUCCESS
            }
            Err(err) => fail(&format!("cannot serialize the document: {err}")),
        };
    }
    let tls_self_signed = matches!(
        cli.command,
        Command::Serve {
            tls_self_signed: true
        }
    );
    let config = match load_config(cli.config.as_deref(), tls_self_signed) {
        Ok(config) => config,
        Err(err) => return fail(&err.to_string()),
    };
    match cli.command {
        Command::Config {
            command: ConfigCommand::Check,
        } => {
            for (key, env, value) in config.describe() {
                println!("{key:<34} = {value:<48} ({env})");
            }
            println!("configuration is valid");
            ExitCode::SUCCESS
        }
        Command::Admin {
            command:
                AdminCommand::AccessCode {
                    command:
                        AccessCodeCommand::Create {
                            max_uses,
                            expires_in_days,
                        },
                },
        } => {
            match palisade_server::admin::create_access_code(&config, max_uses, expires_in_days)
                .await
            {
                Ok(code) => {
                    println!("{code}");
                    ExitCode::SUCCESS
                }
                Err(err) => fail(&err.to_string()),
            }
        }
        Command::Admin {
            command: AdminCommand::Blocks { command },
        } => blocks::run(command, &config).await,
        Command::Admin {
            command: AdminCommand::Grant { email },
        } => set_platform_admin(&config, &email, true).await,
        Command::Admin {
            command: AdminCommand::Revoke { email },
        } => set_platform_admin(&config, &email, false).await,
        Command::Keys { command } => keys::run(command, &config).await,
        Command::Backup { command } => backup::run(command, &config).await,
        Command::Audit {
            command:
                AuditCommand::Verify {
                    workspace,
                    export,
                    keys,
                },
        } => {
            let verdict = match &export {
                Some(file) => {
                    palisade_server::admin::verify_audit_export(&config, file, keys.as_deref())
                        .await
                }
                None => {
                    let mut progress = |checked: u64| {
                        eprint!("\rverifying… {checked} events");
                    };
                    let verdict = palisade_server::admin::verify_audit_log(
                        &config,
                        workspace.as_deref(),
                        &mut progress,
                    )
                    .await;
                    eprintln!();
                    verdict
                }
            };
            match verdict {
                Ok(verdict) => report(&verdict),
                Err(err) => fail(&err.to_string()),
            }
        }
        Command::Migrate => {
            telemetry::init(&config.log_level, config.log_format);
            match serve::migrate(&config).await {
                Ok(applied) if applied.is_empty() => {
                    println!("database {} is up to date", config.database_url_masked());
                    ExitCode::SUCCESS
                }
                Ok(applied) => {
                    println!(
                        "applied migrations {applied:?} to {}",
                        config.database_url_masked()
                    );
                    ExitCode::SUCCESS
                }
                Err(err) => fail(&err.to_string()),
            }
        }
        Command::Openapi => ExitCode::SUCCESS,
        Command::Serve { .. } => {
            telemetry::init(&config.log_level, config.log_format);
            let data_dir = config.data_dir.display().to_string();
            let database = config.database_url_masked();
            let server = match serve::prepare(config, Services::default()).await {
                Ok(state) => Server::bind(state).await,
                Err(err) => Err(err),
            };
            let server = match server {
                Ok(server) => server,
                Err(err) => return fail(&err.to_string()),
            };
            let shutdown = match serve::shutdown_signal() {
                Ok(shutdown) => shutdown,
                Err(err) => return fail(&format!("cannot listen for shutdown signals: {err}")),
            };
            println!(
                "palisade listening on {} (data: {data_dir}, database: {database})",
                server.url()
            );
            match server.run(shutdown).await {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => fail(&format!("server error: {err}")),
            }
        }
    }
}

fn load_config(
    file: Option<&std::path::Path>,
    tls_self_signed: bool,
) -> Result<Config, ConfigError> {
    let mut figment = Config::figment(file)?;
    if tls_self_signed {
        figment = figment.merge(("tls_self_signed", true));
    }
    Config::from_figment(figment)
}

/// Prints the verdict; a log that does not verify is a failure.
fn report(verdict: &palisade_core::audit::Verdict) -> ExitCode {
    match verdict.first_bad {
        None => {
            println!(
                "ok: {} events and {} checkpoints verify (log {}, head {})",
                verdict.events_checked,
                verdict.checkpoints_checked,
                verdict.log,
                verdict
                    .head_seq
                    .map_or("none".to_owned(), |s| s.to_string())
            );
            ExitCode::SUCCESS
        }
        Some((seq, why)) => {
            println!(
                "FAILED: log {} does not verify at sequence {seq} ({}); {} events verified before it",
                verdict.log,
                why.as_str(),
                verdict.events_checked
            );
            ExitCode::FAILURE
        }
    }
}

pub(crate) async fn set_platform_admin(config: &Config, email: &str, admin: bool) -> ExitCode {
    match palisade_server::admin::set_platform_admin(config, email, admin).await {
        Ok(Some(id)) if admin => {
            println!("{email} ({id}) is a platform admin; it administers once signed in with MFA");
            ExitCode::SUCCESS
        }
        Ok(Some(id)) => {
            println!("{email} ({id}) is no longer a platform admin");
            ExitCode::SUCCESS
        }
        Ok(None) => fail(&format!("no account has the e-mail {email}")),
        Err(err) => fail(&err.to_string()),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("palisade: {message}");
    ExitCode::FAILURE
}
