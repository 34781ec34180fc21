//! Opaque bearer tokens (refresh tokens, reset links): 256 random bits, shown once, stored
//! only as a SHA-256 digest. Lookup is by digest, so no stored value ever equals a token.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use palisade_core::SecureRng;
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};
use std::fmt;

/// A token in the clear, only ever handed to its owner.
pub struct OpaqueToken(SecretString);

impl fmt::Debug for OpaqueToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OpaqueToken([REDACTED])")
    }
}

/// The hex SHA-256 of a token: what the database keeps.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct TokenDigest(String);

impl fmt::Debug for TokenDigest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TokenDigest({}…)", &self.0[..8.min(self.0.len())])
    }
}

impl TokenDigest {
    pub fn of(token: &str) -> Self {
        let digest = Sha256::digest(token.as_bytes());
        Self(crate::hex(&digest))
    }

    pub fn from_stored(hex: String) -> Self {
        Self(hex)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Characters after the prefix: 32 bytes in unpadded base64url.
const BODY_CHARS: usize = 43;

impl OpaqueToken {
    /// An ECMA-262 regular expression for the tokens `generate` makes with `prefix`.
    pub fn pattern(prefix: &str) -> String {
        format!("^{prefix}[A-Za-z0-9_-]{{{BODY_CHARS}}}$")
    }

    /// `prefix` + 43 characters of base64url (32 random bytes).
    pub fn generate(prefix: &str, rng: &dyn SecureRng) -> Self {
        let mut bytes = [0u8; 32];
        rng.fill(&mut bytes);
        Self(SecretString::from(format!(
            "{prefix}{}",
            URL_SAFE_NO_PAD.encode(bytes)
        )))
    }

    pub fn from_presented(token: SecretString) -> Self {
        Self(token)
    }

    pub fn digest(&self) -> TokenDigest {
        TokenDigest::of(self.0.expose_secret())
    }

    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use palisade_core::OsSecureRng;

    #[test]
    fn tokens_carry_256_bits_after_their_prefix() {
        let token = OpaqueToken::generate("palr_", &OsSecureRng);
        let body = token.expose().strip_prefix("palr_").unwrap();
        assert_eq!(URL_SAFE_NO_PAD.decode(body).unwrap().len(), 32);
    }

    #[test]
    fn the_digest_is_stable_and_not_the_token() {
        let token = OpaqueToken::generate("palr_", &OsSecureRng);
        assert_eq!(token.digest(), TokenDigest::of(token.expose()));
        assert!(!token.digest().as_str().contains(token.expose()));
        assert_eq!(token.digest().as_str().len(), 64);
    }

    #[test]
    fn debug_never_shows_the_token() {
        let token = OpaqueToken::generate("palr_", &OsSecureRng);
        assert!(!format!("{token:?}").contains(token.expose()));
    }
}
