//! Age keys: a new identity for `palisade backup keygen`, recipients from the configuration,
//! identities from a file in the standard age format.

use crate::BackupError;
use age::secrecy::ExposeSecret;
use secrecy::SecretString;
use std::io::BufRead;

/// A freshly generated identity and its public key.
#[derive(Debug)]
pub struct NewIdentity {
    /// `AGE-SECRET-KEY-1…`: shown once, kept away from the server.
    pub secret: SecretString,
    /// `age1…`: what `backup.recipients` holds.
    pub recipient: String,
}

/// A new X25519 identity (the age crate draws it from the operating system's RNG).
pub fn generate_identity() -> NewIdentity {
    let identity = age::x25519::Identity::generate();
    NewIdentity {
        secret: SecretString::from(identity.to_string().expose_secret().to_owned()),
        recipient: identity.to_public().to_string(),
    }
}

/// Parses public keys; at least one is needed.
pub fn parse_recipients(keys: &[String]) -> Result<Vec<age::x25519::Recipient>, BackupError> {
    if keys.is_empty() {
        return Err(BackupError::NoRecipients);
    }
    keys.iter()
        .map(|key| {
            key.trim()
                .parse::<age::x25519::Recipient>()
                .map_err(|_| BackupError::BadRecipient(key.clone()))
        })
        .collect()
}

/// Reads X25519 identities in the age identity-file format (one `AGE-SECRET-KEY-1…` a
/// line; `#` comments and blank lines allowed), as `age-keygen` and `palisade backup keygen`
/// write them.
pub fn read_identities(input: impl BufRead) -> Result<Vec<age::x25519::Identity>, BackupError> {
    let mut identities = Vec::new();
    for line in input.lines() {
        let line = line.map_err(|err| BackupError::BadIdentity(err.to_string()))?;
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let identity = line.parse::<age::x25519::Identity>().map_err(|_| {
            BackupError::BadIdentity("a line is not an AGE-SECRET-KEY-1… key".into())
        })?;
        identities.push(identity);
    }
    if identities.is_empty() {
        return Err(BackupError::BadIdentity("it is empty".into()));
    }
    Ok(identities)
}
