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

pub use aead::{OpenError, SealingKey};
pub use envelope::{
    Binding, DataKey, Fingerprinter, KeyProvider, LocalKeyProvider, UnwrapError, WrappedKey,
};
pub use master_key::{KeyFileError, KeyFileOutcome, MasterKey};
pub use password::{Argon2Cost, PasswordHasher, Verification};
pub use token::{OpaqueToken, TokenDigest};
