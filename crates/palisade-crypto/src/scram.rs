//! PostgreSQL SCRAM-SHA-256 password verifiers (RFC 5802, RFC 7677), computed here so that a
//! role's password is set without the plaintext ever travelling in an SQL statement, where a
//! server with `log_statement = 'ddl'` would write it to its log.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};

/// PostgreSQL's default (`scram_iterations`), so our verifiers cost what its own do.
pub const ITERATIONS: u32 = 4096;

/// Salt length PostgreSQL itself uses.
pub const SALT_LEN: usize = 16;

/// The verifier PostgreSQL stores in `pg_authid.rolpassword` for `password`:
/// `SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>`. `None` unless the password
/// is printable ASCII, which SASLprep leaves unchanged (derived passwords are hex), so our
/// verifier is exactly the one the server would compute.
pub fn postgres_verifier(password: &SecretString, salt: &[u8; SALT_LEN]) -> Option<SecretString> {
    let password = password.expose_secret().as_bytes();
    if password.is_empty() || !password.iter().all(u8::is_ascii_graphic) {
        return None;
    }
    let mut salted = secrecy::SecretBox::new(Box::new([0u8; 32]));
    pbkdf2::pbkdf2_hmac::<Sha256>(
        password,
        salt,
        ITERATIONS,
        secrecy::ExposeSecretMut::expose_secret_mut(&mut salted),
    );
    let keyed = |label: &[u8]| {
        // HMAC-SHA256 accepts keys of any length, so this cannot fail.
        let mut mac = Hmac::<Sha256>::new_from_slice(salted.expose_secret()).ok()?;
        mac.update(label);
        Some(mac.finalize().into_bytes())
    };
    let stored_key = Sha256::digest(keyed(b"Client Key")?);
    let server_key = keyed(b"Server Key")?;
    Some(SecretString::from(format!(
        "SCRAM-SHA-256${ITERATIONS}:{}${}:{}",
        STANDARD.encode(salt),
        STANDARD.encode(stored_key),
        STANDARD.encode(server_key)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PASSWORD: &str = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    fn salt_of(verifier: &str) -> [u8; SALT_LEN] {
        let salt = verifier.split(['$', ':']).nth(2).unwrap();
        STANDARD.decode(salt).unwrap().try_into().unwrap()
    }

    /// Known answer: PostgreSQL 15 computed this for PASSWORD (`ALTER ROLE … PASSWORD '…'`
    /// with `password_encryption = 'scram-sha-256'`, read back from `pg_authid`).
    #[test]
    fn matches_the_verifier_postgresql_computes() {
        let postgres = "SCRAM-SHA-256$4096:UAF6JTMmqAk/UaLSWYjRBg==$2uzcdD1h/knyX9flWXuLhpx5Ut0BLQG27JcxQf7Cynk=:JuUxG0oDymJ5z0tH7m8wWUhGB4xS6Oa++7YXt1NfYZE=";
        let ours = postgres_verifier(&SecretString::from(PASSWORD), &salt_of(postgres)).unwrap();
        assert_eq!(ours.expose_secret(), postgres);
    }

    #[test]
    fn the_verifier_does_not_contain_the_password() {
        let verifier = postgres_verifier(&SecretString::from(PASSWORD), &[7; SALT_LEN]).unwrap();
        let verifier = verifier.expose_secret();
        assert!(!verifier.contains(PASSWORD));
        assert!(verifier.starts_with("SCRAM-SHA-256$4096:"));
    }

    #[test]
    fn passwords_saslprep_would_change_are_refused() {
        for password in ["", "pass word", "pässword", "tab\there"] {
            let verifier = postgres_verifier(&SecretString::from(password), &[7; SALT_LEN]);
            assert!(verifier.is_none(), "{password:?}");
        }
    }
}
