//! Password verifiers: argon2id PHC strings, with bcrypt accepted for imported users and
//! both upgraded to the current argon2id parameters on the next successful login.

use argon2::password_hash::{self, Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
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

/// The working memory of argon2 (a `memory_kib` array of 1 KiB blocks), kept by a hashing
/// thread and reused, so resident memory stays at threads × cost whatever the load: memory
/// freed after each hash would stay in the allocator's per-thread arenas instead.
#[derive(Default)]
pub struct HashMemory(Vec<Block>);

/// Blocks reserved at least, whatever the cost: 33 MiB. The C allocator serves a request above
/// 32 MiB with a mapping of its own that `free` unmaps, without raising its threshold for
/// such mappings (it raises it for smaller ones, after which a same-sized request would come
/// from an arena that keeps the memory). Only the blocks a hash uses are ever touched, so
/// resident memory is still the cost, and [`HashMemory::release`] really gives it back.
const RESERVED_BLOCKS: usize = 33 * 1024;

impl HashMemory {
    fn blocks(&mut self, count: usize) -> &mut [Block] {
        if self.0.capacity() == 0 {
            self.0 = Vec::with_capacity(count.max(RESERVED_BLOCKS));
        }
        if self.0.len() < count {
            self.0.resize(count, Block::default());
        }
        &mut self.0[..count]
    }

    /// KiB held.
    pub fn kib(&self) -> usize {
        self.0.len()
    }

    /// Gives the memory back (it is grown again by the next hash).
    pub fn release(&mut self) {
        self.0 = Vec::new();
    }
}

impl fmt::Debug for HashMemory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HashMemory({} KiB)", self.0.len())
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
        self.hash_in(password, rng, &mut HashMemory::default())
    }

    /// [`Self::hash`], working in `memory` (grown once to the configured cost, then reused).
    pub fn hash_in(
        &self,
        password: &SecretString,
        rng: &dyn SecureRng,
        memory: &mut HashMemory,
    ) -> Result<String, PasswordError> {
        let salt = SaltString::generate(&mut RngAdapter(rng));
        let normalized = normalize(password);
        let argon2 = self.argon2();
        let mut salt_bytes = [0u8; 64];
        let salt_bytes = salt
            .decode_b64(&mut salt_bytes)
            .map_err(|err| PasswordError::Hashing(err.to_string()))?;
        let blocks = memory.blocks(self.params.block_count());
        let output = Output::init_with(Params::DEFAULT_OUTPUT_LEN, |out| {
            argon2
                .hash_password_into_with_memory(
                    normalized.expose_secret().as_bytes(),
                    salt_bytes,
                    out,
                    blocks,
                )
                .map_err(password_hash::Error::from)
        })
        .map_err(|err| PasswordError::Hashing(err.to_string()))?;
        self.phc(&salt, output)
    }

    /// The PHC string of an argon2id output at today's cost.
    fn phc(&self, salt: &SaltString, output: Output) -> Result<String, PasswordError> {
        let phc = PasswordHash {
            algorithm: Algorithm::Argon2id.ident(),
            version: Some(Version::V0x13.into()),
            params: ParamsString::try_from(&self.params)
                .map_err(|err| PasswordError::Hashing(err.to_string()))?,
            salt: Some(salt.as_salt()),
            hash: Some(output),
        };
        Ok(phc.to_string())
    }

    /// A verifier in the current format that no password matches (its hash is random), so
    /// checking against it costs exactly what checking a real one does.
    pub fn unmatchable(&self, rng: &dyn SecureRng) -> Result<String, PasswordError> {
        let salt = SaltString::generate(&mut RngAdapter(rng));
        let mut random = [0u8; Params::DEFAULT_OUTPUT_LEN];
        rng.fill(&mut random);
        let output = Output::new(&random).map_err(|err| PasswordError::Hashing(err.to_string()))?;
        self.phc(&salt, output)
    }

    /// Checks `password` against a stored argon2 or bcrypt verifier, in constant time.
    pub fn verify(&self, password: &SecretString, stored: &str) -> Verification {
        self.verify_in(password, stored, &mut HashMemory::default())
    }

    /// [`Self::verify`], working in `memory`. A stored verifier costlier than today's cost
    /// (an import) gets memory of its own, so `memory` never grows past the configured cost.
    pub fn verify_in(
        &self,
        password: &SecretString,
        stored: &str,
        memory: &mut HashMemory,
    ) -> Verification {
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
        let matches = self.recompute(candidate, &parsed, memory);
        if matches {
            Verification::Valid {
                needs_rehash: !self.is_current(&parsed),
            }
        } else {
            Verification::Invalid
        }
    }

    fn recompute(
        &self,
        candidate: &[u8],
        parsed: &PasswordHash<'_>,
        memory: &mut HashMemory,
    ) -> bool {
        let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else {
            return false;
        };
        let Ok(algorithm) = Algorithm::try_from(parsed.algorithm) else {
            return false;
        };
        let version = match parsed.version.map(Version::try_from).transpose() {
            Ok(version) => version.unwrap_or_default(),
            Err(_) => return false,
        };
        let Ok(params) = Params::try_from(parsed) else {
            return false;
        };
        let mut salt_bytes = [0u8; 64];
        let Ok(salt_bytes) = salt.decode_b64(&mut salt_bytes) else {
            return false;
        };
        let needed = params.block_count();
        let argon2 = Argon2::new(algorithm, version, params);
        let mut own = HashMemory::default();
        let memory = if needed <= self.params.block_count() {
            memory
        } else {
            &mut own
        };
        let blocks = memory.blocks(needed);
        let computed = Output::init_with(expected.len(), |out| {
            argon2
                .hash_password_into_with_memory(candidate, salt_bytes, out, blocks)
                .map_err(password_hash::Error::from)
        });
        // `Output` compares in constant time.
        computed.is_ok_and(|computed| computed == expected)
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
mod tests;
