//! `palisade admin blocks …`: addresses blocked for credential stuffing.

use clap::Subcommand;
use palisade_server::config::Config;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum BlocksCommand {
    /// List the addresses whose sign-ins are blocked now.
    List,
    /// Lift the block on an address (audited).
    Lift {
        /// The blocked address, as `list` shows it.
        #[arg(long, value_name = "IP")]
        ip: String,
    },
}

pub async fn run(command: BlocksCommand, config: &Config) -> ExitCode {
    match command {
        BlocksCommand::List => {
            match palisade_server::admin::ip_blocks(config, &palisade_core::SystemClock).await {
                Ok(blocks) if blocks.is_empty() => {
                    println!("no address is blocked");
                    ExitCode::SUCCESS
                }
                Ok(blocks) => {
                    println!("address\tblocked until\tfailed sign-ins\taccounts tried");
                    for block in blocks {
                        println!(
                            "{}\t{}\t{}\t{}",
                            block.ip, block.blocked_until, block.failures, block.accounts
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(err) => crate::fail(&err.to_string()),
            }
        }
        BlocksCommand::Lift { ip } => {
            match palisade_server::admin::lift_ip_block(config, &ip).await {
                Ok(true) => {
                    println!("lifted the block on {ip}");
                    ExitCode::SUCCESS
                }
                Ok(false) => crate::fail(&format!("{ip} is not blocked")),
                Err(err) => crate::fail(&err.to_string()),
            }
        }
    }
}
