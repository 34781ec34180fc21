//! `palisade backup seal` and `open`, PostgreSQL's archive and restore commands: a sealed file
//! opens to its bytes, is never replaced, and a missing one is an error, not an empty file.

use super::{identities, keys};
use palisade_backup::{open_file, seal_file, BackupError};

#[test]
fn a_sealed_file_opens_to_the_same_bytes_and_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let keys = keys();
    let out = dir.path().join("000000010000000000000001.age");
    seal_file(&keys.recipients, &mut &b"segment one"[..], &out).unwrap();
    let again = seal_file(&keys.recipients, &mut &b"segment two"[..], &out).unwrap_err();
    assert!(
        matches!(&again, BackupError::Io(err) if err.kind() == std::io::ErrorKind::AlreadyExists),
        "{again:?}"
    );
    let mut opened = Vec::new();
    open_file(&out, &identities(&keys.secret), &mut opened).unwrap();
    assert_eq!(opened, b"segment one");
}

#[test]
fn opening_a_file_that_is_not_there_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut opened = Vec::new();
    let missing = dir.path().join("00000002.history.age");
    let err = open_file(&missing, &identities(&keys().secret), &mut opened).unwrap_err();
    assert!(matches!(err, BackupError::Io(_)), "{err:?}");
    assert!(opened.is_empty());
}
