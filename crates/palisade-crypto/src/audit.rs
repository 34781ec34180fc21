//! Keys of the audit log: the Ed25519 key that signs checkpoints, and the keyed hash that
//! stands in for a source IP. Both are derived from the master key (HKDF), so every node
//! holds the same ones and nothing stores them.

use crate::jwt::PublicJwk;
use crate::MasterKey;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use hkdf::Hkdf;
use hmac::{Hmac, Mac};
use palisade_core::audit::{to_hex, Checkpoint};
use sha2::{Digest, Sha256};
use std::fmt;

fn derive(master: &MasterKey, purpose: &str) -> [u8; 32] {
    let hkdf = Hkdf::<Sha256>::new(None, master.expose_bytes());
    let mut key = [0u8; 32];
    // 32 bytes is far below HKDF-SHA256's output limit, so expand cannot fail.
    let _ = hkdf.expand(format!("palisade/v1/{purpose}").as_bytes(), &mut key);
    key
}

/// Signs checkpoints. The key id is the first 16 hex digits of SHA-256 of the public key.
pub struct CheckpointSigner {
    key: SigningKey,
    kid: String,
}

impl fmt::Debug for CheckpointSigner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CheckpointSigner")
            .field("kid", &self.kid)
            .finish_non_exhaustive()
    }
}

fn key_id(public: &VerifyingKey) -> String {
    to_hex(&Sha256::digest(public.as_bytes())[..8])
}

impl CheckpointSigner {
    pub fn derive(master: &MasterKey) -> Self {
        let key = SigningKey::from_bytes(&derive(master, "audit-checkpoints"));
        let kid = key_id(&key.verifying_key());
        Self { key, kid }
    }

    pub fn kid(&self) -> &str {
        &self.kid
    }

    /// The signature over the checkpoint, base64url without padding.
    pub fn sign(&self, checkpoint: &Checkpoint) -> String {
        URL_SAFE_NO_PAD.encode(self.key.sign(&checkpoint.signing_bytes()).to_bytes())
    }

    /// The signature over a retention cut at the checkpoint (a different statement).
    pub fn sign_cut(&self, cut: &Checkpoint) -> String {
        URL_SAFE_NO_PAD.encode(self.key.sign(&cut.cut_signing_bytes()).to_bytes())
    }

    pub fn public_key(&self) -> CheckpointKey {
        CheckpointKey {
            key: self.key.verifying_key(),
            kid: self.kid.clone(),
        }
    }
}

/// A published checkpoint key: what an auditor verifies signatures with.
#[derive(Debug, Clone)]
pub struct CheckpointKey {
    key: VerifyingKey,
    kid: String,
}

impl CheckpointKey {
    /// From a JWK as published at `/.well-known/palisade-audit-keys.json`.
    pub fn from_jwk(jwk: &PublicJwk) -> Option<Self> {
        if jwk.kty != "OKP" || jwk.crv != "Ed25519" {
            return None;
        }
        let bytes: [u8; 32] = URL_SAFE_NO_PAD.decode(&jwk.x).ok()?.try_into().ok()?;
        let key = VerifyingKey::from_bytes(&bytes).ok()?;
        (key_id(&key) == jwk.kid).then(|| Self {
            key,
            kid: jwk.kid.clone(),
        })
    }

    pub fn kid(&self) -> &str {
        &self.kid
    }

    pub fn jwk(&self) -> PublicJwk {
        PublicJwk::ed25519(&self.kid, self.key.as_bytes())
    }

    /// Whether `signature` (base64url) is this key's over `checkpoint`.
    pub fn verifies(&self, checkpoint: &Checkpoint, signature: &str) -> bool {
        self.verifies_bytes(&checkpoint.signing_bytes(), signature)
    }

    /// Whether `signature` is this key's over a retention cut at `cut`.
    pub fn verifies_cut(&self, cut: &Checkpoint, signature: &str) -> bool {
        self.verifies_bytes(&cut.cut_signing_bytes(), signature)
    }

    fn verifies_bytes(&self, message: &[u8], signature: &str) -> bool {
        let Some(bytes) = URL_SAFE_NO_PAD
            .decode(signature)
            .ok()
            .and_then(|b| <[u8; 64]>::try_from(b).ok())
        else {
            return false;
        };
        self.key
            .verify_strict(message, &Signature::from_bytes(&bytes))
            .is_ok()
    }
}

/// Stands in for a source IP: the same address always gives the same value, so events can
/// be correlated, but the address cannot be read back without the master key.
pub struct IpHasher(Hmac<Sha256>);

impl fmt::Debug for IpHasher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("IpHasher([REDACTED])")
    }
}

impl IpHasher {
    pub fn derive(master: &MasterKey) -> Option<Self> {
        Self::derive_for(master, "audit-ip")
    }

    /// The same keyed hash under a key of its own `purpose` (values that every node must
    /// compare without storing them: which accounts one address tried).
    pub fn derive_for(master: &MasterKey, purpose: &str) -> Option<Self> {
        let key = derive(master, purpose);
        <Hmac<Sha256> as Mac>::new_from_slice(&key).ok().map(Self)
    }

    /// `h:` and 32 hex digits of HMAC-SHA256(ip).
    pub fn hash(&self, ip: &str) -> String {
        let mut mac = self.0.clone();
        mac.update(ip.as_bytes());
        format!("h:{}", to_hex(&mac.finalize().into_bytes()[..16]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use palisade_core::OsSecureRng;

    fn checkpoint() -> Checkpoint {
        Checkpoint {
            log: "platform".into(),
            seq: 7,
            head_hash: "ab".repeat(32),
            at_micros: 1,
        }
    }

    #[test]
    fn a_signature_verifies_with_the_published_key_only_for_what_was_signed() {
        let signer = CheckpointSigner::derive(&MasterKey::generate(&OsSecureRng));
        let signature = signer.sign(&checkpoint());
        let published = CheckpointKey::from_jwk(&signer.public_key().jwk()).unwrap();
        assert!(published.verifies(&checkpoint(), &signature));
        let moved = Checkpoint {
            seq: 8,
            ..checkpoint()
        };
        assert!(!published.verifies(&moved, &signature));
    }

    #[test]
    fn a_checkpoint_signature_is_not_a_cut_signature() {
        let signer = CheckpointSigner::derive(&MasterKey::generate(&OsSecureRng));
        let key = signer.public_key();
        let as_checkpoint = signer.sign(&checkpoint());
        let as_cut = signer.sign_cut(&checkpoint());
        assert!(key.verifies_cut(&checkpoint(), &as_cut));
        assert!(!key.verifies_cut(&checkpoint(), &as_checkpoint));
        assert!(!key.verifies(&checkpoint(), &as_cut));
    }

    #[test]
    fn another_master_key_signs_differently() {
        let ours = CheckpointSigner::derive(&MasterKey::generate(&OsSecureRng));
        let theirs = CheckpointSigner::derive(&MasterKey::generate(&OsSecureRng));
        assert_ne!(ours.kid(), theirs.kid());
        assert!(!ours
            .public_key()
            .verifies(&checkpoint(), &theirs.sign(&checkpoint())));
    }

    #[test]
    fn an_ip_hash_is_stable_and_does_not_show_the_address() {
        let master = MasterKey::generate(&OsSecureRng);
        let hasher = IpHasher::derive(&master).unwrap();
        let hashed = hasher.hash("203.0.113.9");
        assert_eq!(hashed, hasher.hash("203.0.113.9"));
        assert!(!hashed.contains("203"));
        let other = IpHasher::derive(&MasterKey::generate(&OsSecureRng)).unwrap();
        assert_ne!(hashed, other.hash("203.0.113.9"));
    }
}
