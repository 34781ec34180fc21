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

#[test]
fn hashes_made_here_verify_with_the_reference_implementation_and_back() {
    use argon2::password_hash::{PasswordHasher as _, PasswordVerifier as _};
    let hasher = cheap();
    let ours = hasher.hash(&secret("pw-1234567"), &OsSecureRng).unwrap();
    let parsed = PasswordHash::new(&ours).unwrap();
    assert!(Argon2::default()
        .verify_password(b"pw-1234567", &parsed)
        .is_ok());
    let salt = SaltString::generate(&mut RngAdapter(&OsSecureRng));
    let theirs = hasher
        .argon2()
        .hash_password(b"pw-1234567", &salt)
        .unwrap()
        .to_string();
    assert_eq!(
        hasher.verify(&secret("pw-1234567"), &theirs),
        Verification::Valid {
            needs_rehash: false
        }
    );
}

#[test]
fn working_memory_grows_once_to_the_cost_and_is_reused() {
    let hasher = cheap();
    let mut memory = HashMemory::default();
    let hash = hasher
        .hash_in(&secret("pw-1234567"), &OsSecureRng, &mut memory)
        .unwrap();
    assert_eq!(memory.kib(), 1024);
    assert_eq!(
        hasher.verify_in(&secret("pw-1234567"), &hash, &mut memory),
        Verification::Valid {
            needs_rehash: false
        }
    );
    assert_eq!(memory.kib(), 1024);
}

#[test]
fn a_costlier_stored_verifier_does_not_grow_the_shared_memory() {
    let costlier = PasswordHasher::new(Argon2Cost {
        memory_kib: 2048,
        iterations: 1,
        parallelism: 1,
    })
    .unwrap()
    .hash(&secret("pw-1234567"), &OsSecureRng)
    .unwrap();
    let mut memory = HashMemory::default();
    assert_eq!(
        cheap().verify_in(&secret("pw-1234567"), &costlier, &mut memory),
        Verification::Valid { needs_rehash: true }
    );
    assert_eq!(memory.kib(), 0);
}

#[test]
fn an_unmatchable_verifier_has_the_current_cost_and_matches_nothing() {
    let hasher = cheap();
    let dummy = hasher.unmatchable(&OsSecureRng).unwrap();
    let real = hasher.hash(&secret("pw-1234567"), &OsSecureRng).unwrap();
    // The same shape as a real verifier (algorithm, version, cost, salt and output sizes),
    // so checking against it does the same work.
    let (dummy_phc, real_phc) = (
        PasswordHash::new(&dummy).unwrap(),
        PasswordHash::new(&real).unwrap(),
    );
    assert_eq!(dummy_phc.algorithm, real_phc.algorithm);
    assert_eq!(dummy_phc.version, real_phc.version);
    assert_eq!(dummy_phc.params, real_phc.params);
    assert_eq!(dummy_phc.salt.unwrap().len(), real_phc.salt.unwrap().len());
    assert_eq!(dummy_phc.hash.unwrap().len(), real_phc.hash.unwrap().len());
    for guess in ["", "pw-1234567", "password"] {
        assert_eq!(hasher.verify(&secret(guess), &dummy), Verification::Invalid);
    }
}
