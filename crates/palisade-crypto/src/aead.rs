//! AES-256-GCM with keys derived from the master key. Every sealed value names what it
//! belongs to through the associated data, so a ciphertext moved to another row fails to open.

use crate::master_key::MasterKey;
use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use hkdf::Hkdf;
use palisade_core::SecureRng;
use secrecy::{ExposeSecret, SecretBox};
use sha2::Sha256;
use std::fmt;

const VERSION: u8 = 1;
pub const NONCE_LEN: usize = 12;
pub const TAG_LEN: usize = 16;

/// AES-256-GCM with an explicit nonce: the one primitive every wrapper here goes through
/// (and the one the Wycheproof vectors test). Encrypting cannot fail for inputs this small.
pub fn encrypt(key: &[u8; 32], nonce: &[u8; NONCE_LEN], aad: &[u8], plaintext: &[u8]) -> Vec<u8> {
    Aes256Gcm::new(key.into())
        .encrypt(
            Nonce::from_slice(nonce),
            Payload {
                msg: plaintext,
                aad,
            },
        )
        .unwrap_or_default()
}

/// Opens `ciphertext ‖ tag`; any mismatch of key, nonce, associated data or bytes fails.
pub fn decrypt(
    key: &[u8; 32],
    nonce: &[u8],
    aad: &[u8],
    ciphertext: &[u8],
) -> Result<Vec<u8>, OpenError> {
    if nonce.len() != NONCE_LEN || ciphertext.len() < TAG_LEN {
        return Err(OpenError);
    }
    Aes256Gcm::new(key.into())
        .decrypt(
            Nonce::from_slice(nonce),
            Payload {
                msg: ciphertext,
                aad,
            },
        )
        .map_err(|_| OpenError)
}

/// A 256-bit key for one purpose, derived from the master key with HKDF-SHA256.
pub struct SealingKey(SecretBox<[u8; 32]>);

impl fmt::Debug for SealingKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SealingKey([REDACTED])")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the sealed value cannot be opened (wrong key, wrong context or tampered)")]
pub struct OpenError;

impl SealingKey {
    /// Derives the key for `purpose` (for example `"signing-keys"`).
    pub fn derive(master: &MasterKey, purpose: &str) -> Self {
        let hkdf = Hkdf::<Sha256>::new(None, master.expose_bytes());
        let mut key = Box::new([0u8; 32]);
        let info = format!("palisade/v1/{purpose}");
        // 32 bytes is far below HKDF-SHA256's 8160-byte limit, so expand cannot fail.
        let _ = hkdf.expand(info.as_bytes(), key.as_mut());
        Self(SecretBox::new(key))
    }

    /// `version || nonce || ciphertext+tag`, bound to `context`.
    pub fn seal(&self, plaintext: &[u8], context: &[u8], rng: &dyn SecureRng) -> Vec<u8> {
        let mut nonce = [0u8; NONCE_LEN];
        rng.fill(&mut nonce);
        let sealed = encrypt(self.0.expose_secret(), &nonce, context, plaintext);
        let mut out = Vec::with_capacity(1 + NONCE_LEN + sealed.len());
        out.push(VERSION);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        out
    }

    pub fn open(&self, sealed: &[u8], context: &[u8]) -> Result<SecretBox<Vec<u8>>, OpenError> {
        if sealed.len() < 1 + NONCE_LEN + TAG_LEN || sealed[0] != VERSION {
            return Err(OpenError);
        }
        let (nonce, ciphertext) = sealed[1..].split_at(NONCE_LEN);
        decrypt(self.0.expose_secret(), nonce, context, ciphertext)
            .map(|plain| SecretBox::new(Box::new(plain)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use palisade_core::SeededRng;

    fn key(seed: u64, purpose: &str) -> SealingKey {
        SealingKey::derive(&MasterKey::generate(&SeededRng::new(seed)), purpose)
    }

    #[test]
    fn sealed_values_open_with_the_same_key_and_context() {
        let key = key(1, "test");
        let sealed = key.seal(b"secret", b"row-1", &SeededRng::new(2));
        assert_eq!(
            key.open(&sealed, b"row-1")
                .unwrap()
                .expose_secret()
                .as_slice(),
            b"secret"
        );
        assert!(!sealed.windows(6).any(|w| w == b"secret"));
    }

    #[test]
    fn a_value_moved_to_another_context_does_not_open() {
        let key = key(1, "test");
        let sealed = key.seal(b"secret", b"row-1", &SeededRng::new(2));
        assert_eq!(key.open(&sealed, b"row-2").unwrap_err(), OpenError);
    }

    #[test]
    fn keys_for_different_purposes_differ() {
        let master = MasterKey::generate(&SeededRng::new(1));
        let sealed = SealingKey::derive(&master, "a").seal(b"x", b"", &SeededRng::new(2));
        assert!(SealingKey::derive(&master, "b").open(&sealed, b"").is_err());
    }

    #[test]
    fn tampering_is_detected() {
        let key = key(1, "test");
        let mut sealed = key.seal(b"secret", b"ctx", &SeededRng::new(2));
        let last = sealed.len() - 1;
        sealed[last] ^= 1;
        assert!(key.open(&sealed, b"ctx").is_err());
    }
}
