use super::*;
use palisade_core::SeededRng;

fn binding<'a>(scope: &'a str, row: &'a str) -> Binding<'a> {
    Binding {
        scope,
        table: "secrets",
        row,
        column: "ciphertext",
    }
}

fn provider(seed: u64) -> LocalKeyProvider {
    LocalKeyProvider::new(&MasterKey::generate(&SeededRng::new(seed)), &[])
}

#[test]
fn a_value_opens_where_it_was_written() {
    let key = DataKey::generate(&SeededRng::new(1));
    let sealed = key.encrypt(
        3,
        &binding("ws_a", "row_1"),
        b"sk-live-123",
        &SeededRng::new(2),
    );
    let plain = key.decrypt(&binding("ws_a", "row_1"), &sealed).unwrap();
    assert_eq!(plain.expose_secret().as_slice(), b"sk-live-123");
    assert_eq!(key_version_of(&sealed), Some(3));
    assert!(!sealed.windows(11).any(|w| w == b"sk-live-123"));
}

#[test]
fn a_value_copied_to_another_row_does_not_open() {
    let key = DataKey::generate(&SeededRng::new(1));
    let sealed = key.encrypt(1, &binding("ws_a", "row_1"), b"v", &SeededRng::new(2));
    assert!(key.decrypt(&binding("ws_a", "row_2"), &sealed).is_err());
}

#[test]
fn a_value_copied_to_another_workspace_does_not_open() {
    let key = DataKey::generate(&SeededRng::new(1));
    let sealed = key.encrypt(1, &binding("ws_a", "row_1"), b"v", &SeededRng::new(2));
    assert!(key.decrypt(&binding("ws_b", "row_1"), &sealed).is_err());
}

#[test]
fn a_value_moved_to_another_column_or_table_does_not_open() {
    let key = DataKey::generate(&SeededRng::new(1));
    let here = binding("ws_a", "row_1");
    let sealed = key.encrypt(1, &here, b"v", &SeededRng::new(2));
    let column = Binding {
        column: "other",
        ..here
    };
    let table = Binding {
        table: "other",
        ..here
    };
    assert!(key.decrypt(&column, &sealed).is_err());
    assert!(key.decrypt(&table, &sealed).is_err());
}

#[test]
fn a_relabelled_key_version_does_not_open() {
    let key = DataKey::generate(&SeededRng::new(1));
    let mut sealed = key.encrypt(1, &binding("ws_a", "r"), b"v", &SeededRng::new(2));
    sealed[4] = 2;
    assert_eq!(key_version_of(&sealed), Some(2));
    assert!(key.decrypt(&binding("ws_a", "r"), &sealed).is_err());
}

#[test]
fn another_data_key_cannot_open_a_value() {
    let sealed = DataKey::generate(&SeededRng::new(1)).encrypt(
        1,
        &binding("ws_a", "r"),
        b"v",
        &SeededRng::new(2),
    );
    let other = DataKey::generate(&SeededRng::new(3));
    assert!(other.decrypt(&binding("ws_a", "r"), &sealed).is_err());
}

#[test]
fn truncated_or_foreign_ciphertexts_are_refused_without_panicking() {
    let key = DataKey::generate(&SeededRng::new(1));
    let sealed = key.encrypt(1, &binding("w", "r"), b"value", &SeededRng::new(2));
    for len in 0..sealed.len() {
        assert!(key.decrypt(&binding("w", "r"), &sealed[..len]).is_err());
    }
    let mut legacy = sealed.clone();
    legacy[0] = 1;
    assert!(key.decrypt(&binding("w", "r"), &legacy).is_err());
}

#[test]
fn data_keys_unwrap_only_with_their_kek_and_binding() {
    let rng = SeededRng::new(5);
    let ours = provider(1);
    let key = DataKey::generate(&rng);
    let wrapped = ours.wrap(&key, &wrap_context("ws_a", 1), &rng);
    assert_eq!(wrapped.kek_id, ours.current_id());
    let unwrapped = ours.unwrap(&wrapped, &wrap_context("ws_a", 1)).unwrap();
    let sealed = key.encrypt(1, &binding("ws_a", "r"), b"v", &rng);
    assert!(unwrapped.decrypt(&binding("ws_a", "r"), &sealed).is_ok());
    assert_eq!(
        ours.unwrap(&wrapped, &wrap_context("ws_b", 1)).unwrap_err(),
        UnwrapError::Invalid
    );
    assert!(matches!(
        provider(2).unwrap(&wrapped, &wrap_context("ws_a", 1)),
        Err(UnwrapError::UnknownKek(_))
    ));
}

#[test]
fn during_a_rotation_both_keks_unwrap_and_the_new_one_wraps() {
    let rng = SeededRng::new(5);
    let old = MasterKey::generate(&SeededRng::new(1));
    let new = MasterKey::generate(&SeededRng::new(2));
    let key = DataKey::generate(&rng);
    let under_old = LocalKeyProvider::new(&old, &[]).wrap(&key, b"c", &rng);
    let switching = LocalKeyProvider::new(&new, &[old.duplicate()]);
    assert!(switching.unwrap(&under_old, b"c").is_ok());
    assert_eq!(switching.wrap(&key, b"c", &rng).kek_id, key_id(&new));
    assert!(switching.holds(&key_id(&old)) && switching.holds(&key_id(&new)));
}

#[test]
fn key_ids_name_the_key_without_revealing_it() {
    let master = MasterKey::generate(&SeededRng::new(1));
    let id = key_id(&master);
    assert_eq!(id, key_id(&master.duplicate()));
    assert_ne!(id, key_id(&MasterKey::generate(&SeededRng::new(2))));
    assert_eq!(id.len(), "kek_".len() + 16);
    let hex: String = master.expose_bytes()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert!(!id.contains(&hex));
}

#[test]
fn fingerprints_tell_values_apart_per_secret_and_per_deployment() {
    let root = MasterKey::generate(&SeededRng::new(1));
    let prints = Fingerprinter::derive(&root);
    let a = prints.fingerprint("ws_a", "sec_1", b"value-a");
    assert_eq!(
        a,
        Fingerprinter::derive(&root).fingerprint("ws_a", "sec_1", b"value-a")
    );
    assert_ne!(a, prints.fingerprint("ws_a", "sec_1", b"value-b"));
    assert_ne!(a, prints.fingerprint("ws_a", "sec_2", b"value-a"));
    assert_ne!(a, prints.fingerprint("ws_b", "sec_1", b"value-a"));
    let other = Fingerprinter::derive(&MasterKey::generate(&SeededRng::new(2)));
    assert_ne!(a, other.fingerprint("ws_a", "sec_1", b"value-a"));
    assert_eq!(a.len(), 12);
    assert_eq!(format!("{prints:?}"), "Fingerprinter([REDACTED])");
}

#[test]
fn debug_of_key_material_is_masked() {
    let key = DataKey::generate(&SeededRng::new(1));
    assert_eq!(format!("{key:?}"), "DataKey([REDACTED])");
    let provider = provider(1);
    let wrapped = provider.wrap(&key, b"c", &SeededRng::new(2));
    let shown = format!("{provider:?} {wrapped:?}");
    assert!(shown.contains(provider.current_id()));
    let first_bytes = format!("{:?}", &wrapped.bytes[..4]);
    assert!(!shown.contains("bytes") && !shown.contains(&first_bytes[1..first_bytes.len() - 1]));
}

/// Google's Wycheproof AES-GCM vectors, through the one primitive every wrapper uses: every
/// valid vector encrypts to the expected bytes and decrypts back; every invalid one is refused.
#[test]
fn the_aes_gcm_primitive_passes_wycheproof() {
    use wycheproof::aead::{TestName, TestSet};
    use wycheproof::TestResult;
    let set = TestSet::load(TestName::AesGcm).unwrap();
    let (mut valid, mut invalid) = (0, 0);
    for group in set
        .test_groups
        .iter()
        .filter(|g| g.key_size == 256 && g.nonce_size == 96 && g.tag_size == 128)
    {
        for test in &group.tests {
            let key: [u8; 32] = test.key.as_slice().try_into().unwrap();
            let mut expected = test.ct.to_vec();
            expected.extend_from_slice(&test.tag);
            let opened = aead::decrypt(&key, &test.nonce, &test.aad, &expected);
            match test.result {
                TestResult::Valid | TestResult::Acceptable => {
                    let nonce: [u8; 12] = test.nonce.as_slice().try_into().unwrap();
                    let sealed = aead::encrypt(&key, &nonce, &test.aad, &test.pt);
                    assert_eq!(sealed, expected, "tc {}", test.tc_id);
                    assert_eq!(opened.unwrap(), test.pt.to_vec(), "tc {}", test.tc_id);
                    valid += 1;
                }
                TestResult::Invalid => {
                    assert!(opened.is_err(), "tc {} must be refused", test.tc_id);
                    invalid += 1;
                }
            }
        }
    }
    assert!(
        valid > 30 && invalid > 10,
        "{valid} valid, {invalid} invalid"
    );
}
