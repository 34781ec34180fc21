use crate::platform_event;
use palisade_core::{ManualClock, SeededRng, SessionId, UserId};
use palisade_store::testing::TestDatabase;
use palisade_store::{Conflict, SessionRecord, SigningKeyRecord, Store, StoreError, UserRecord};
use std::sync::Arc;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

const T0: OffsetDateTime = datetime!(2026-11-23 12:00 UTC);

async fn migrated(db: &TestDatabase) -> Arc<dyn Store> {
    let store = db.connect().await;
    store.migrate().await.unwrap();
    store
}

fn ids(seed: u64) -> (ManualClock, SeededRng) {
    (ManualClock::starting_at(T0), SeededRng::new(seed))
}

pub fn user(email: &str, seed: u64) -> UserRecord {
    let (clock, rng) = ids(seed);
    UserRecord {
        id: UserId::generate(&clock, &rng),
        email: email.into(),
        name: Some("Ada".into()),
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA".into(),
        created_at: T0,
        updated_at: T0,
    }
}

fn session_for(user: &UserRecord, seed: u64) -> SessionRecord {
    let (clock, rng) = ids(seed);
    SessionRecord {
        id: SessionId::generate(&clock, &rng),
        user_id: user.id,
        created_at: T0,
        last_used_at: T0,
        absolute_expires_at: T0 + Duration::days(30),
        revoked_at: None,
        user_agent: Some("test-agent/1".into()),
        ip: Some("127.0.0.1".into()),
        mfa_at: None,
    }
}

pub async fn users_are_found_by_email_whatever_its_case(db: &TestDatabase) {
    let store = migrated(db).await;
    let ada = user("Ada@Example.COM", 1);
    store.create_user(&ada, &platform_event()).await.unwrap();
    assert_eq!(
        store.user_by_email("ada@example.com").await.unwrap(),
        Some(ada.clone())
    );
    assert_eq!(store.user_by_id(ada.id).await.unwrap(), Some(ada));
    assert_eq!(store.user_by_email("bob@example.com").await.unwrap(), None);
}

pub async fn an_email_differing_only_in_case_is_taken(db: &TestDatabase) {
    let store = migrated(db).await;
    store
        .create_user(&user("ada@example.com", 1), &platform_event())
        .await
        .unwrap();
    let err = store
        .create_user(&user("ADA@example.com", 2), &platform_event())
        .await
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Conflict(Conflict::Email)),
        "{err}"
    );
}

pub async fn a_password_hash_can_be_replaced(db: &TestDatabase) {
    let store = migrated(db).await;
    let ada = user("ada@example.com", 1);
    store.create_user(&ada, &platform_event()).await.unwrap();
    store
        .set_password_hash(
            ada.id,
            "$argon2id$new",
            T0 + Duration::hours(1),
            &platform_event(),
        )
        .await
        .unwrap();
    let stored = store.user_by_id(ada.id).await.unwrap().unwrap();
    assert_eq!(stored.password_hash, "$argon2id$new");
    assert_eq!(stored.updated_at, T0 + Duration::hours(1));
}

pub async fn sessions_round_trip_and_list_until_revoked(db: &TestDatabase) {
    let store = migrated(db).await;
    let ada = user("ada@example.com", 1);
    store.create_user(&ada, &platform_event()).await.unwrap();
    let first = session_for(&ada, 10);
    let second = session_for(&ada, 11);
    store
        .create_session(&first, "digest-1", &platform_event())
        .await
        .unwrap();
    store
        .create_session(&second, "digest-2", &platform_event())
        .await
        .unwrap();
    assert_eq!(store.session(first.id).await.unwrap(), Some(first.clone()));
    assert_eq!(store.unrevoked_sessions(ada.id).await.unwrap().len(), 2);

    assert!(store
        .revoke_session(first.id, "logout", T0, &platform_event())
        .await
        .unwrap());
    assert!(
        !store
            .revoke_session(first.id, "logout", T0, &platform_event())
            .await
            .unwrap(),
        "revoking twice reports no change"
    );
    let remaining = store.unrevoked_sessions(ada.id).await.unwrap();
    assert_eq!(
        remaining.iter().map(|s| s.id).collect::<Vec<_>>(),
        [second.id]
    );
    assert_eq!(
        store.session(first.id).await.unwrap().unwrap().revoked_at,
        Some(T0)
    );
}

pub async fn revoking_all_sessions_can_keep_the_current_one(db: &TestDatabase) {
    let store = migrated(db).await;
    let ada = user("ada@example.com", 1);
    store.create_user(&ada, &platform_event()).await.unwrap();
    let sessions: Vec<_> = (0..3).map(|i| session_for(&ada, 20 + i)).collect();
    for (i, session) in sessions.iter().enumerate() {
        store
            .create_session(session, &format!("digest-{i}"), &platform_event())
            .await
            .unwrap();
    }
    let mut revoked = store
        .revoke_user_sessions(
            ada.id,
            Some(sessions[0].id),
            "password changed",
            T0,
            &platform_event(),
        )
        .await
        .unwrap();
    revoked.sort();
    let mut expected = vec![sessions[1].id, sessions[2].id];
    expected.sort();
    assert_eq!(revoked, expected);
    assert_eq!(
        store.unrevoked_sessions(ada.id).await.unwrap()[0].id,
        sessions[0].id
    );
}

pub async fn a_refresh_token_rotates_exactly_once(db: &TestDatabase) {
    let store = migrated(db).await;
    let ada = user("ada@example.com", 1);
    store.create_user(&ada, &platform_event()).await.unwrap();
    let session = session_for(&ada, 30);
    store
        .create_session(&session, "first", &platform_event())
        .await
        .unwrap();
    let later = T0 + Duration::minutes(20);

    assert!(store
        .rotate_refresh_token("first", "second", b"sealed-second", later)
        .await
        .unwrap());
    assert!(!store
        .rotate_refresh_token("first", "third", b"sealed-third", later)
        .await
        .unwrap());

    let spent = store.refresh_token("first").await.unwrap().unwrap();
    assert_eq!(spent.spent_at, Some(later));
    assert_eq!(
        spent.successor_sealed.as_deref(),
        Some(&b"sealed-second"[..])
    );
    let current = store.refresh_token("second").await.unwrap().unwrap();
    assert_eq!((current.session_id, current.spent_at), (session.id, None));
    assert_eq!(store.refresh_token("third").await.unwrap(), None);
    assert_eq!(
        store
            .session(session.id)
            .await
            .unwrap()
            .unwrap()
            .last_used_at,
        later
    );
}

pub async fn concurrent_rotations_of_one_token_let_only_one_win(db: &TestDatabase) {
    let store = migrated(db).await;
    let ada = user("ada@example.com", 1);
    store.create_user(&ada, &platform_event()).await.unwrap();
    store
        .create_session(&session_for(&ada, 40), "origin", &platform_event())
        .await
        .unwrap();
    let tasks: Vec<_> = (0..8)
        .map(|i| {
            let store = Arc::clone(&store);
            tokio::spawn(async move {
                store
                    .rotate_refresh_token("origin", &format!("next-{i}"), b"s", T0)
                    .await
            })
        })
        .collect();
    let mut winners = 0;
    for task in tasks {
        if task.await.unwrap().unwrap() {
            winners += 1;
        }
    }
    assert_eq!(winners, 1);
}

pub async fn signing_keys_are_listed_and_retired(db: &TestDatabase) {
    let store = migrated(db).await;
    let key = |kid: &str, at| SigningKeyRecord {
        kid: kid.into(),
        public_key: vec![1; 32],
        sealed_seed: vec![2; 60],
        created_at: at,
        retired_at: None,
    };
    store
        .insert_signing_key(&key("kid_a", T0), &platform_event())
        .await
        .unwrap();
    store
        .insert_signing_key(&key("kid_b", T0 + Duration::days(1)), &platform_event())
        .await
        .unwrap();
    store
        .retire_signing_keys_except("kid_b", T0 + Duration::days(1))
        .await
        .unwrap();
    let keys = store.signing_keys().await.unwrap();
    assert_eq!(
        keys.iter().map(|k| k.kid.as_str()).collect::<Vec<_>>(),
        ["kid_a", "kid_b"]
    );
    assert_eq!(keys[0].retired_at, Some(T0 + Duration::days(1)));
    assert_eq!(keys[1].retired_at, None);
    assert_eq!(keys[1].sealed_seed, vec![2; 60]);
}
