//! Envelope encryption. The master key (the key-encryption key, KEK) only wraps data keys
//! (DEKs); every stored value is encrypted under a DEK of its scope (the platform or one
//! workspace) with AES-256-GCM, a random 96-bit nonce and associated data naming exactly where
//! the value lives, so a ciphertext copied to another row, column or workspace fails to open.

use crate::aead::{self, OpenError, SealingKey};
use crate::master_key::MasterKey;
use palisade_core::SecureRng;
use secrecy::{ExposeSecret, SecretBox};
use sha2::{Digest, Sha256};
use std::fmt;

/// First byte of a value encrypted under a data key (the legacy sealed format used 1).
const VALUE_FORMAT: u8 = 2;
const HEADER_LEN: usize = 1 + 4;

/// Where an encrypted value lives: bound into its associated data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding<'a> {
    /// `platform` or the workspace id.
    pub scope: &'a str,
    pub table: &'a str,
    pub row: &'a str,
    pub column: &'a str,
}

impl Binding<'_> {
    /// Length-prefixed fields, so no two different bindings share bytes.
    fn associated_data(&self, key_version: u32) -> Vec<u8> {
        let mut out = b"palisade/value/v2".to_vec();
        for part in [self.scope, self.table, self.row, self.column] {
            out.extend_from_slice(&(part.len() as u32).to_be_bytes());
            out.extend_from_slice(part.as_bytes());
        }
        out.extend_from_slice(&key_version.to_be_bytes());
        out
    }
}

/// The KEK's public name: a fingerprint that says which key wrapped a DEK, never the key.
pub fn key_id(master: &MasterKey) -> String {
    let digest = Sha256::new()
        .chain_update(b"palisade/v1/key-id")
        .chain_update(master.expose_bytes())
        .finalize();
    format!("kek_{}", crate::hex(&digest[..8]))
}

/// A data key wrapped by a KEK, as stored.
#[derive(Clone, PartialEq, Eq)]
pub struct WrappedKey {
    pub kek_id: String,
    pub bytes: Vec<u8>,
}

impl fmt::Debug for WrappedKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WrappedKey")
            .field("kek_id", &self.kek_id)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UnwrapError {
    #[error("data key wrapped by {0}, a key-encryption key this node does not hold")]
    UnknownKek(String),
    #[error("data key does not unwrap: wrong key-encryption key, binding or tampered")]
    Invalid,
}

/// Whoever holds the KEKs: a local key file today, an external KMS later.
pub trait KeyProvider: Send + Sync + fmt::Debug {
    /// The id of the KEK new wraps use.
    fn current_id(&self) -> &str;
    /// Whether a DEK wrapped by `kek_id` can be unwrapped here.
    fn holds(&self, kek_id: &str) -> bool;
    /// Wraps `key` under the current KEK, bound to `context` (scope and version).
    fn wrap(&self, key: &DataKey, context: &[u8], rng: &dyn SecureRng) -> WrappedKey;
    fn unwrap(&self, wrapped: &WrappedKey, context: &[u8]) -> Result<DataKey, UnwrapError>;
}

struct Kek {
    id: String,
    wrapping: SealingKey,
}

impl Kek {
    fn new(master: &MasterKey) -> Self {
        Self {
            id: key_id(master),
            wrapping: SealingKey::derive(master, "data-key-wrap"),
        }
    }
}

/// KEKs from key files or the environment: the current one wraps, earlier ones (during a
/// rotation) still unwrap.
pub struct LocalKeyProvider {
    current: Kek,
    previous: Vec<Kek>,
}

impl fmt::Debug for LocalKeyProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LocalKeyProvider")
            .field("current", &self.current.id)
            .field(
                "previous",
                &self.previous.iter().map(|k| &k.id).collect::<Vec<_>>(),
            )
            .finish()
    }
}

impl LocalKeyProvider {
    pub fn new(current: &MasterKey, previous: &[MasterKey]) -> Self {
        Self {
            current: Kek::new(current),
            previous: previous.iter().map(Kek::new).collect(),
        }
    }

    fn kek(&self, id: &str) -> Option<&Kek> {
        std::iter::once(&self.current)
            .chain(&self.previous)
            .find(|k| k.id == id)
    }
}

impl KeyProvider for LocalKeyProvider {
    fn current_id(&self) -> &str {
        &self.current.id
    }

    fn holds(&self, kek_id: &str) -> bool {
        self.kek(kek_id).is_some()
    }

    fn wrap(&self, key: &DataKey, context: &[u8], rng: &dyn SecureRng) -> WrappedKey {
        WrappedKey {
            kek_id: self.current.id.clone(),
            bytes: self
                .current
                .wrapping
                .seal(key.0.expose_secret(), context, rng),
        }
    }

    fn unwrap(&self, wrapped: &WrappedKey, context: &[u8]) -> Result<DataKey, UnwrapError> {
        let kek = self
            .kek(&wrapped.kek_id)
            .ok_or_else(|| UnwrapError::UnknownKek(wrapped.kek_id.clone()))?;
        let plain = kek
            .wrapping
            .open(&wrapped.bytes, context)
            .map_err(|_| UnwrapError::Invalid)?;
        let bytes: [u8; 32] = plain
            .expose_secret()
            .as_slice()
            .try_into()
            .map_err(|_| UnwrapError::Invalid)?;
        Ok(DataKey(SecretBox::new(Box::new(bytes))))
    }
}

/// What a wrapped DEK is bound to, so a wrap moved to another scope or version fails.
pub fn wrap_context(scope: &str, version: u32) -> Vec<u8> {
    format!("palisade/data-key/{scope}/{version}").into_bytes()
}

/// A 256-bit data key, zeroised on drop.
pub struct DataKey(SecretBox<[u8; 32]>);

impl fmt::Debug for DataKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DataKey([REDACTED])")
    }
}

impl DataKey {
    pub fn generate(rng: &dyn SecureRng) -> Self {
        let mut bytes = Box::new([0u8; 32]);
        rng.fill(bytes.as_mut());
        Self(SecretBox::new(bytes))
    }

    /// `2 ‖ key version ‖ nonce ‖ ciphertext ‖ tag`, bound to `binding` and `version`.
    pub fn encrypt(
        &self,
        version: u32,
        binding: &Binding<'_>,
        plaintext: &[u8],
        rng: &dyn SecureRng,
    ) -> Vec<u8> {
        let mut nonce = [0u8; aead::NONCE_LEN];
        rng.fill(&mut nonce);
        let sealed = aead::encrypt(
            self.0.expose_secret(),
            &nonce,
            &binding.associated_data(version),
            plaintext,
        );
        let mut out = Vec::with_capacity(HEADER_LEN + nonce.len() + sealed.len());
        out.push(VALUE_FORMAT);
        out.extend_from_slice(&version.to_be_bytes());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        out
    }

    pub fn decrypt(
        &self,
        binding: &Binding<'_>,
        ciphertext: &[u8],
    ) -> Result<SecretBox<Vec<u8>>, OpenError> {
        let version = key_version_of(ciphertext).ok_or(OpenError)?;
        let body = &ciphertext[HEADER_LEN..];
        if body.len() < aead::NONCE_LEN {
            return Err(OpenError);
        }
        let (nonce, sealed) = body.split_at(aead::NONCE_LEN);
        aead::decrypt(
            self.0.expose_secret(),
            nonce,
            &binding.associated_data(version),
            sealed,
        )
        .map(|plain| SecretBox::new(Box::new(plain)))
    }
}

/// Keyed fingerprints of secret values: a short HMAC that tells whether a value changed. The
/// key is its own (derived from the platform's root, not a data key), so fingerprints survive
/// key rotations; each is salted with its secret's place, so equal values in two secrets do
/// not match and a fingerprint cannot be tested against guesses written elsewhere.
pub struct Fingerprinter(SecretBox<[u8; 32]>);

impl fmt::Debug for Fingerprinter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Fingerprinter([REDACTED])")
    }
}

impl Fingerprinter {
    pub fn derive(root: &MasterKey) -> Self {
        let hkdf = hkdf::Hkdf::<Sha256>::new(None, root.expose_bytes());
        let mut key = Box::new([0u8; 32]);
        // 32 bytes is far below HKDF-SHA256's output limit, so expand cannot fail.
        let _ = hkdf.expand(b"palisade/v1/fingerprints", key.as_mut());
        Self(SecretBox::new(key))
    }

    /// 12 hex characters of HMAC-SHA256 over the scope, the secret's id and the value.
    pub fn fingerprint(&self, scope: &str, id: &str, value: &[u8]) -> String {
        let mut input = Vec::with_capacity(scope.len() + id.len() + value.len() + 8);
        for part in [scope.as_bytes(), id.as_bytes()] {
            input.extend_from_slice(&(part.len() as u32).to_be_bytes());
            input.extend_from_slice(part);
        }
        input.extend_from_slice(value);
        // HKDF's extract step is HMAC(salt, input): the key as salt makes it a keyed MAC.
        let (mac, _) = hkdf::Hkdf::<Sha256>::extract(Some(self.0.expose_secret()), &input);
        crate::hex(&mac[..6])
    }
}

/// The data-key version a value was encrypted under, read from its header.
pub fn key_version_of(ciphertext: &[u8]) -> Option<u32> {
    if ciphertext.len() < HEADER_LEN + aead::NONCE_LEN + aead::TAG_LEN
        || ciphertext[0] != VALUE_FORMAT
    {
        return None;
    }
    let mut version = [0u8; 4];
    version.copy_from_slice(&ciphertext[1..HEADER_LEN]);
    Some(u32::from_be_bytes(version))
}

#[cfg(test)]
mod tests;
