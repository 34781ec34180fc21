//! Workspace API keys: `pal_<key id>_<secret>_<checksum>`.
//!
//! - `key id`: 26 lower-case Crockford base32 characters (a ULID), used to find the key;
//! - `secret`: 43 base64url characters (256 random bits);
//! - `checksum`: 8 hex characters, the first four bytes of SHA-256 over everything before it,
//!   so secret scanners can tell a real key from random text without asking us.
//!
//! The server stores HMAC-SHA256(secret) keyed with a pepper derived from the master key:
//! a stolen database alone cannot be used to check guesses, and checking costs microseconds.

use crate::hex;
use crate::master_key::MasterKey;
use crate::unhex;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hkdf::Hkdf;
use hmac::{Hmac, Mac};
use palisade_core::SecureRng;
use secrecy::{ExposeSecret, ExposeSecretMut, SecretBox, SecretString};
use sha2::{Digest, Sha256};
use std::fmt;

pub const PREFIX: &str = "pal_";
const ID_LEN: usize = 26;
const SECRET_LEN: usize = 43;
const CHECKSUM_LEN: usize = 8;
pub const KEY_LEN: usize = PREFIX.len() + ID_LEN + 1 + SECRET_LEN + 1 + CHECKSUM_LEN;

/// The regular expression secret scanners can use.
pub const SCANNER_REGEX: &str = r"pal_[0-9a-hjkmnp-tv-z]{26}_[A-Za-z0-9_-]{43}_[0-9a-f]{8}";

fn checksum(body: &str) -> String {
    crate::hex(&Sha256::digest(body.as_bytes())[..4])
}

/// A key as presented by a client, parsed but not yet verified.
pub struct PresentedKey {
    pub key_id: String,
    secret: SecretString,
}

impl fmt::Debug for PresentedKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PresentedKey")
            .field("key_id", &self.key_id)
            .finish_non_exhaustive()
    }
}

impl PresentedKey {
    /// Parses a key; `None` for anything malformed or with a wrong checksum.
    pub fn parse(raw: &str) -> Option<Self> {
        if raw.len() != KEY_LEN || !raw.is_ascii() || !raw.starts_with(PREFIX) {
            return None;
        }
        let id = &raw[PREFIX.len()..PREFIX.len() + ID_LEN];
        let rest = &raw[PREFIX.len() + ID_LEN..];
        let secret = rest.get(1..1 + SECRET_LEN)?;
        let sum = &raw[KEY_LEN - CHECKSUM_LEN..];
        let separators_ok =
            rest.starts_with('_') && raw.as_bytes()[KEY_LEN - CHECKSUM_LEN - 1] == b'_';
        let id_ok = id
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase());
        if !separators_ok || !id_ok || checksum(&raw[..KEY_LEN - CHECKSUM_LEN - 1]) != sum {
            return None;
        }
        Some(Self {
            key_id: id.to_owned(),
            secret: SecretString::from(secret.to_owned()),
        })
    }
}

/// A freshly generated key: shown once, then only its verifier is kept.
pub struct NewKey {
    pub key_id: String,
    pub full: SecretString,
    pub verifier: String,
}

impl fmt::Debug for NewKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NewKey")
            .field("key_id", &self.key_id)
            .finish_non_exhaustive()
    }
}

/// Computes key verifiers with the server's pepper (an HMAC key derived from the master key).
pub struct KeyHasher(Hmac<Sha256>);

impl fmt::Debug for KeyHasher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("KeyHasher([REDACTED])")
    }
}

impl KeyHasher {
    pub fn new(master: &MasterKey) -> Result<Self, hmac::digest::InvalidLength> {
        let mut pepper = SecretBox::new(Box::new([0u8; 32]));
        Hkdf::<Sha256>::new(None, master.expose_bytes())
            .expand(b"palisade/v1/api-key-pepper", pepper.expose_secret_mut())
            .map_err(|_| hmac::digest::InvalidLength)?;
        Ok(Self(<Hmac<Sha256> as Mac>::new_from_slice(
            pepper.expose_secret(),
        )?))
    }

    fn mac(&self, key_id: &str, secret: &str) -> Hmac<Sha256> {
        // The id is bound in, so a verifier copied to another key's row verifies nothing.
        let mut mac = self.0.clone();
        mac.update(key_id.as_bytes());
        mac.update(b":");
        mac.update(secret.as_bytes());
        mac
    }

    pub fn generate(&self, key_id: &str, rng: &dyn SecureRng) -> NewKey {
        let mut raw = [0u8; 32];
        rng.fill(&mut raw);
        let secret = URL_SAFE_NO_PAD.encode(raw);
        let body = format!("{PREFIX}{key_id}_{secret}");
        let full = SecretString::from(format!("{body}_{}", checksum(&body)));
        let verifier = hex(&self.mac(key_id, &secret).finalize().into_bytes());
        NewKey {
            key_id: key_id.to_owned(),
            full,
            verifier,
        }
    }

    /// Whether `key` matches the stored verifier, compared in constant time.
    pub fn verify(&self, key: &PresentedKey, stored_verifier: &str) -> bool {
        let Some(expected) = unhex(stored_verifier) else {
            return false;
        };
        self.mac(&key.key_id, key.secret.expose_secret())
            .verify_slice(&expected)
            .is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use palisade_core::SeededRng;

    const ID: &str = "01jd5v3k2m0000000000000000";

    fn hasher() -> KeyHasher {
        KeyHasher::new(&MasterKey::generate(&SeededRng::new(1))).unwrap()
    }

    #[test]
    fn a_generated_key_has_the_documented_shape_and_verifies() {
        let hasher = hasher();
        let key = hasher.generate(ID, &SeededRng::new(2));
        let full = key.full.expose_secret();
        assert_eq!(full.len(), KEY_LEN);
        assert!(full.starts_with(&format!("pal_{ID}_")));
        let presented = PresentedKey::parse(full).unwrap();
        assert_eq!(presented.key_id, ID);
        assert!(hasher.verify(&presented, &key.verifier));
        assert!(
            !key.verifier.contains(&full[31..74]),
            "the verifier is not the secret"
        );
    }

    #[test]
    fn a_mistyped_key_fails_its_checksum() {
        let key = hasher().generate(ID, &SeededRng::new(2));
        let mut typo = key.full.expose_secret().to_owned().into_bytes();
        typo[40] = if typo[40] == b'A' { b'B' } else { b'A' };
        assert!(PresentedKey::parse(std::str::from_utf8(&typo).unwrap()).is_none());
    }

    #[test]
    fn a_key_with_a_valid_checksum_but_wrong_secret_does_not_verify() {
        let hasher = hasher();
        let real = hasher.generate(ID, &SeededRng::new(2));
        let forged = hasher.generate(ID, &SeededRng::new(3));
        let presented = PresentedKey::parse(forged.full.expose_secret()).unwrap();
        assert!(!hasher.verify(&presented, &real.verifier));
    }

    #[test]
    fn another_servers_pepper_verifies_nothing() {
        let key = hasher().generate(ID, &SeededRng::new(2));
        let other = KeyHasher::new(&MasterKey::generate(&SeededRng::new(9))).unwrap();
        assert!(!other.verify(
            &PresentedKey::parse(key.full.expose_secret()).unwrap(),
            &key.verifier
        ));
    }

    #[test]
    fn garbage_is_not_a_key() {
        for raw in ["", "pal_", "Bearer x", &"pal_".repeat(21), "ghp_0123456789"] {
            assert!(PresentedKey::parse(raw).is_none(), "{raw}");
        }
    }

    #[test]
    fn the_scanner_pattern_has_the_documented_length() {
        assert!(SCANNER_REGEX.starts_with("pal_"));
        assert_eq!(KEY_LEN, 83);
    }
}
