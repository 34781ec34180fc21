//! Password verifiers: argon2id PHC strings, with bcrypt accepted for imported users and
//! both upgraded to the current argon2id parameters on the next successful login.

use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use palisade_core::{RngAdapter, SecureRng};
use secrecy::{ExposeSecret, SecretString};
use std::fmt;
use unicode_normalization::UnicodeNormalization;

/// argon2id cost. The default is OWASP's first recommendation: 19 MiB, 2 passes, 1 lane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Argon2Cost {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl Default for Argon2Cost {
    fn default() -> Self {
        Self {
            memory_kib: 19_456,
            iterations: 2,
            parallelism: 1,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error("invalid argon2 parameters: {0}")]
    Parameters(String),
    #[error("hashing failed: {0}")]
    Hashing(String),
}

/// The outcome of checking a password against a stored verifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verification {
    Invalid,
    /// Correct; `needs_rehash` when the stored verifier is bcrypt or weaker than today's cost.
    Valid {
        needs_rehash: bool,
    },
}

/// Hashes and verifies passwords with one configured argon2id cost.
#[derive(Clone)]
pub struct PasswordHasher {
    cost: Argon2Cost,
    params: Params,
}

impl fmt::Debug for PasswordHasher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PasswordHasher")
            .field("cost", &self.cost)
            .finish()
    }
}

/// Passwords are compared in NFKC form, so the same characters typed on two keyboards match.
pub fn normalize(password: &SecretString) -> SecretString {
    SecretString::from(password.expose_secret().nfkc().collect::<String>())
}

impl PasswordHasher {
    pub fn new(cost: Argon2Cost) -> Result<Self, PasswordError> {
        let params = Params::new(cost.memory_kib, cost.iterations, cost.parallelism, None)
            .map_err(|err| PasswordError::Parameters(err.to_string()))?;
        Ok(Self { cost, params })
    }

    pub fn cost(&self) -> Argon2Cost {
        self.cost
    }

    fn argon2(&self) -> Argon2<'static> {
        Argon2::new(Algorithm::Argon2id, Version::V0x13, self.params.clone())
    }

    /// A PHC string (`$argon2id$v=19$m=…`) for the NFKC form of `password`.
    pub fn hash(
        &self,
        password: &SecretString,
        rng: &dyn SecureRng,
    ) -> Result<String, PasswordError> {
        let salt = SaltString::generate(&mut RngAdapter(rng));
        let normalized = normalize(password);
        self.argon2()
            .hash_password(normalized.expose_secret().as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|err| PasswordError::Hashing(err.to_string()))
    }

    /// Checks `password` against a stored argon2 or bcrypt verifier, in constant time.
    pub fn verify(&self, password: &SecretString, stored: &str) -> Verification {
        let normalized = normalize(password);
        let candidate = normalized.expose_secret().as_bytes();
        if is_bcrypt(stored) {
            return match bcrypt::verify(candidate, stored) {
                Ok(true) => Verification::Valid { needs_rehash: true },
                _ => Verification::Invalid,
            };
        }
        let Ok(parsed) = PasswordHash::new(stored) else {
            return Verification::Invalid;
        };
        // The stored hash names its own algorithm and cost; verification honours them.
        match Argon2::default().verify_password(candidate, &parsed) {
            Ok(()) => Verification::Valid {
                needs_rehash: !self.is_current(&parsed),
            },
            Err(_) => Verification::Invalid,
        }
    }

    fn is_current(&self, parsed: &PasswordHash<'_>) -> bool {
        let Ok(params) = Params::try_from(parsed) else {
            return false;
        };
        parsed.algorithm.as_str() == "argon2id"
            && parsed.version == Some(Version::V0x13.into())
            && params.m_cost() == self.params.m_cost()
            && params.t_cost() == self.params.t_cost()
            && params.p_cost() == self.params.p_cost()
    }
}

fn is_bcrypt(stored: &str) -> bool {
    ["$2a$", "$2b$", "$2y$"]
        .iter()
        .any(|prefix| stored.starts_with(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;
    use palisade_core::OsSecureRng;

    fn cheap() -> PasswordHasher {
        PasswordHasher::new(Argon2Cost {
            memory_kib: 1024,
            iterations: 1,
            parallelism: 1,
        })
        .unwrap()
    }

    fn secret(s: &str) -> SecretString {
        SecretString::from(s.to_owned())
    }

    #[test]
    fn the_default_cost_is_owasp_argon2id() {
        let hash = PasswordHasher::new(Argon2Cost::default())
            .unwrap()
            .hash(&secret("pw"), &OsSecureRng)
            .unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
    }

    #[test]
    fn the_right_password_verifies_and_a_wrong_one_does_not() {
        let hasher = cheap();
        let hash = hasher.hash(&secret("correct horse"), &OsSecureRng).unwrap();
        assert_eq!(
            hasher.verify(&secret("correct horse"), &hash),
            Verification::Valid {
                needs_rehash: false
            }
        );
        assert_eq!(
            hasher.verify(&secret("correct horsf"), &hash),
            Verification::Invalid
        );
    }

    #[test]
    fn equivalent_unicode_forms_verify_alike() {
        let hasher = cheap();
        let composed = hasher
            .hash(&secret("caf\u{e9}-password"), &OsSecureRng)
            .unwrap();
        let decomposed = secret("cafe\u{301}-password");
        assert_eq!(
            hasher.verify(&decomposed, &composed),
            Verification::Valid {
                needs_rehash: false
            }
        );
    }

    #[test]
    fn a_hash_with_outdated_cost_asks_for_a_rehash() {
        let old = cheap().hash(&secret("pw-1234567"), &OsSecureRng).unwrap();
        let stronger = PasswordHasher::new(Argon2Cost {
            memory_kib: 2048,
            iterations: 1,
            parallelism: 1,
        })
        .unwrap();
        assert_eq!(
            stronger.verify(&secret("pw-1234567"), &old),
            Verification::Valid { needs_rehash: true }
        );
    }

    #[test]
    fn bcrypt_hashes_verify_and_ask_for_an_upgrade() {
        let hasher = cheap();
        for prefix in [
            bcrypt::Version::TwoA,
            bcrypt::Version::TwoB,
            bcrypt::Version::TwoY,
        ] {
            let stored = bcrypt::hash_with_result("imported-pass", 4)
                .unwrap()
                .format_for_version(prefix);
            assert_eq!(
                hasher.verify(&secret("imported-pass"), &stored),
                Verification::Valid { needs_rehash: true }
            );
            assert_eq!(
                hasher.verify(&secret("imported-pasS"), &stored),
                Verification::Invalid
            );
        }
    }

    #[test]
    fn garbage_verifiers_never_verify() {
        let hasher = cheap();
        for stored in ["", "plaintext", "$argon2id$v=19$broken", "$2b$04$short"] {
            assert_eq!(
                hasher.verify(&secret("plaintext"), stored),
                Verification::Invalid,
                "{stored}"
            );
        }
    }

    #[test]
    fn debug_shows_cost_only() {
        assert!(format!("{:?}", cheap()).contains("memory_kib: 1024"));
    }
}
