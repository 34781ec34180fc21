//! The master key (KEK): 32 random bytes kept in a file only its owner can read. Every other
//! key Palisade stores is wrapped by it, so a readable key file is refused, not tolerated.

use base64::{engine::general_purpose::STANDARD, Engine};
use palisade_core::SecureRng;
use secrecy::{ExposeSecret, SecretBox};
use std::fmt;
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

pub const MASTER_KEY_LEN: usize = 32;
const KEY_FILE_HEADER: &str = "palisade-master-key-v1";

/// The key-encryption key. Never printed: `Debug` shows only that it is redacted.
pub struct MasterKey(SecretBox<[u8; MASTER_KEY_LEN]>);

impl fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MasterKey([REDACTED])")
    }
}

impl MasterKey {
    pub fn generate(rng: &dyn SecureRng) -> Self {
        let mut bytes = Box::new([0u8; MASTER_KEY_LEN]);
        rng.fill(bytes.as_mut());
        Self(SecretBox::new(bytes))
    }

    /// A key given as base64 (`PALISADE_MASTER_KEY`), for deployments without a key file.
    pub fn from_base64(encoded: &str) -> Result<Self, &'static str> {
        let decoded = SecretBox::new(Box::new(
            STANDARD
                .decode(encoded.trim())
                .map_err(|_| "the key is not base64")?,
        ));
        let bytes: [u8; MASTER_KEY_LEN] = decoded
            .expose_secret()
            .as_slice()
            .try_into()
            .map_err(|_| "the key is not 32 bytes")?;
        Ok(Self(SecretBox::new(Box::new(bytes))))
    }

    /// The key as base64, for writing a new key file.
    fn to_base64(&self) -> secrecy::SecretString {
        secrecy::SecretString::from(STANDARD.encode(self.expose_bytes()))
    }

    /// A key from raw bytes (one stored encrypted in the vault, such as the derivation root).
    pub fn from_bytes(bytes: [u8; MASTER_KEY_LEN]) -> Self {
        Self(SecretBox::new(Box::new(bytes)))
    }

    /// A copy, for handing the same key to a second owner (each zeroises its own).
    pub fn duplicate(&self) -> Self {
        Self(SecretBox::new(Box::new(*self.expose_bytes())))
    }

    pub fn expose_bytes(&self) -> &[u8; MASTER_KEY_LEN] {
        self.0.expose_secret()
    }

    /// A password for `purpose` (for example the database application role), derived with
    /// HKDF so it needs no storage of its own: 64 hex characters, the same on every node.
    pub fn derive_password(&self, purpose: &str) -> secrecy::SecretString {
        let hkdf = hkdf::Hkdf::<sha2::Sha256>::new(None, self.expose_bytes());
        let mut bytes = SecretBox::new(Box::new([0u8; 32]));
        let info = format!("palisade/v1/password/{purpose}");
        // 32 bytes is far below HKDF-SHA256's output limit, so expand cannot fail.
        let _ = hkdf.expand(
            info.as_bytes(),
            secrecy::ExposeSecretMut::expose_secret_mut(&mut bytes),
        );
        secrecy::SecretString::from(crate::hex(bytes.expose_secret()))
    }
}

/// Whether `load_or_create` found a key or made a new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyFileOutcome {
    Created,
    Loaded,
}

#[derive(Debug, thiserror::Error)]
pub enum KeyFileError {
    #[error(
        "master key file {path} is readable by group or others (mode {mode:03o}); \
         run `chmod 600 {path}` and make sure only the Palisade user owns it"
    )]
    InsecurePermissions { path: PathBuf, mode: u32 },
    #[error("master key file {path} is not a regular file")]
    NotARegularFile { path: PathBuf },
    #[error("master key file {path} is malformed: {reason}")]
    Malformed { path: PathBuf, reason: &'static str },
    #[error("cannot {action} master key file {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
}

/// Loads the key at `path`, or creates it (mode 0600, never overwriting) when absent.
pub fn load_or_create(
    path: &Path,
    rng: &dyn SecureRng,
) -> Result<(MasterKey, KeyFileOutcome), KeyFileError> {
    match fs::symlink_metadata(path) {
        Ok(_) => load(path).map(|key| (key, KeyFileOutcome::Loaded)),
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            let key = MasterKey::generate(rng);
            match write_new(path, &key) {
                Ok(()) => Ok((key, KeyFileOutcome::Created)),
                // Another node created it between our check and our write: use theirs.
                Err(KeyFileError::Io { source, .. })
                    if source.kind() == io::ErrorKind::AlreadyExists =>
                {
                    load(path).map(|key| (key, KeyFileOutcome::Loaded))
                }
                Err(err) => Err(err),
            }
        }
        Err(source) => Err(KeyFileError::Io {
            action: "inspect",
            path: path.into(),
            source,
        }),
    }
}

/// Writes `key` to a new file at `path` (mode 0600); refuses to overwrite one.
pub fn create(path: &Path, key: &MasterKey) -> Result<(), KeyFileError> {
    write_new(path, key)
}

/// Loads an existing key, refusing it unless only its owner can read it.
pub fn load(path: &Path) -> Result<MasterKey, KeyFileError> {
    let io_err = |action| {
        move |source| KeyFileError::Io {
            action,
            path: path.into(),
            source,
        }
    };
    let meta = fs::symlink_metadata(path).map_err(io_err("inspect"))?;
    if !meta.file_type().is_file() {
        return Err(KeyFileError::NotARegularFile { path: path.into() });
    }
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(KeyFileError::InsecurePermissions {
            path: path.into(),
            mode,
        });
    }
    let text = secrecy::SecretString::from(fs::read_to_string(path).map_err(io_err("read"))?);
    parse(text.expose_secret()).map_err(|reason| KeyFileError::Malformed {
        path: path.into(),
        reason,
    })
}

fn parse(text: &str) -> Result<MasterKey, &'static str> {
    let mut lines = text.lines();
    if lines.next() != Some(KEY_FILE_HEADER) {
        return Err("missing the palisade-master-key-v1 header");
    }
    let encoded = lines.next().ok_or("missing the key line")?;
    MasterKey::from_base64(encoded)
}

fn write_new(path: &Path, key: &MasterKey) -> Result<(), KeyFileError> {
    let io_err = |action| {
        move |source| KeyFileError::Io {
            action,
            path: path.into(),
            source,
        }
    };
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(io_err("create"))?;
    let body = secrecy::SecretString::from(format!(
        "{KEY_FILE_HEADER}\n{}\n",
        key.to_base64().expose_secret()
    ));
    file.write_all(body.expose_secret().as_bytes())
        .map_err(io_err("write"))?;
    file.sync_all().map_err(io_err("sync"))?;
    // The umask can only remove bits, but say it explicitly in case the file system ignores mode.
    fs::set_permissions(path, fs::Permissions::from_mode(0o600)).map_err(io_err("chmod"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use palisade_core::{OsSecureRng, SeededRng};

    fn key_path() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("master.key");
        (dir, path)
    }

    #[test]
    fn derived_passwords_are_stable_per_key_and_purpose() {
        let key = MasterKey::generate(&SeededRng::new(1));
        let same = MasterKey::generate(&SeededRng::new(1));
        let other = MasterKey::generate(&SeededRng::new(2));
        let db = key.derive_password("database-app-role");
        assert_eq!(db.expose_secret().len(), 64);
        assert!(db.expose_secret().bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(
            db.expose_secret(),
            same.derive_password("database-app-role").expose_secret()
        );
        assert_ne!(
            db.expose_secret(),
            other.derive_password("database-app-role").expose_secret()
        );
        assert_ne!(
            db.expose_secret(),
            key.derive_password("other").expose_secret()
        );
    }

    #[test]
    fn first_start_creates_an_owner_only_key_file() {
        let (_dir, path) = key_path();
        let (_, outcome) = load_or_create(&path, &OsSecureRng).unwrap();
        assert_eq!(outcome, KeyFileOutcome::Created);
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[test]
    fn second_start_loads_the_same_key() {
        let (_dir, path) = key_path();
        let (created, _) = load_or_create(&path, &SeededRng::new(3)).unwrap();
        let (loaded, outcome) = load_or_create(&path, &SeededRng::new(4)).unwrap();
        assert_eq!(outcome, KeyFileOutcome::Loaded);
        assert_eq!(created.expose_bytes(), loaded.expose_bytes());
    }

    #[test]
    fn group_or_world_readable_key_file_is_refused() {
        for mode in [0o640, 0o604, 0o644, 0o660] {
            let (_dir, path) = key_path();
            load_or_create(&path, &OsSecureRng).unwrap();
            fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
            let err = load_or_create(&path, &OsSecureRng).unwrap_err();
            assert!(
                matches!(err, KeyFileError::InsecurePermissions { .. }),
                "mode {mode:o}: {err}"
            );
            assert!(err.to_string().contains("chmod 600"));
        }
    }

    #[test]
    fn truncated_key_file_is_refused() {
        let (_dir, path) = key_path();
        fs::write(&path, format!("{KEY_FILE_HEADER}\nAAAA\n")).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        assert!(matches!(load(&path), Err(KeyFileError::Malformed { .. })));
    }

    #[test]
    fn debug_output_never_shows_key_bytes() {
        let key = MasterKey::generate(&SeededRng::new(9));
        let shown = format!("{key:?}");
        assert_eq!(shown, "MasterKey([REDACTED])");
        let encoded = STANDARD.encode(key.expose_bytes());
        assert!(!shown.contains(&encoded));
    }
}
