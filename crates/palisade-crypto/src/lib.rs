//! Palisade cryptography. Every secret type here masks itself in `Debug` and is zeroised on
//! drop (through `secrecy`); primitives come from maintained crates, never written here.

pub mod aead;
pub mod api_key;
pub mod audit;
pub mod envelope;
pub mod jwt;
pub mod master_key;
pub mod password;
pub mod policy;
pub mod scram;
pub mod token;
pub mod totp;
pub mod webhook;

pub use aead::{OpenError, SealingKey};

/// Lower-case hex of `bytes` (digests, fingerprints, key ids).
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
/// The bytes of lower-case or upper-case hex text; `None` if it is not hex.
pub(crate) fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// SHA-256 over `parts`, each prefixed with its length so that no two lists of parts hash
/// alike; lower-case hex. For fingerprints of requests, not for secrets.
pub fn digest_hex(parts: &[&[u8]]) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_be_bytes());
        hasher.update(part);
    }
    hex(&hasher.finalize())
}

pub use envelope::{
    Binding, DataKey, Fingerprinter, KeyProvider, LocalKeyProvider, UnwrapError, WrappedKey,
};
pub use master_key::{KeyFileError, KeyFileOutcome, MasterKey};
pub use password::{Argon2Cost, PasswordHasher, Verification};
pub use token::{OpaqueToken, TokenDigest};
