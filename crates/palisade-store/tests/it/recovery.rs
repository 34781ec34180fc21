use crate::platform_event;
use palisade_core::{MailId, ManualClock, SeededRng, UserId};
use palisade_store::testing::TestDatabase;
use palisade_store::{AccessCodeRecord, MailRecord, Store, UserRecord};
use std::sync::Arc;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

const T0: OffsetDateTime = datetime!(2026-11-23 12:00 UTC);

async fn with_user(db: &TestDatabase) -> (Arc<dyn Store>, UserId) {
    let store = db.connect().await;
    store.migrate().await.unwrap();
    let clock = ManualClock::starting_at(T0);
    let id = UserId::generate(&clock, &SeededRng::new(1));
    store
        .create_user(
            &UserRecord {
                id,
                email: "ada@example.com".into(),
                name: None,
                password_hash: "$argon2id$x".into(),
                created_at: T0,
                updated_at: T0,
            },
            &platform_event(),
        )
        .await
        .unwrap();
    (store, id)
}

pub fn mail(seed: u64, at: OffsetDateTime) -> MailRecord {
    let clock = ManualClock::starting_at(at);
    MailRecord {
        id: MailId::generate(&clock, &SeededRng::new(seed)),
        recipient: "ada@example.com".into(),
        subject: "Reset your password".into(),
        sealed_body: Some(vec![9; 40]),
        created_at: at,
        attempts: 0,
        next_attempt_at: at,
        sent_at: None,
    }
}

pub async fn a_reset_token_works_once_and_only_before_it_expires(db: &TestDatabase) {
    let (store, user) = with_user(db).await;
    store
        .create_password_reset(
            "d1",
            user,
            T0,
            T0 + Duration::minutes(30),
            &platform_event(),
        )
        .await
        .unwrap();
    store
        .create_password_reset(
            "d2",
            user,
            T0,
            T0 + Duration::minutes(30),
            &platform_event(),
        )
        .await
        .unwrap();
    assert_eq!(
        store
            .consume_password_reset("d1", T0 + Duration::minutes(29))
            .await
            .unwrap(),
        Some(user)
    );
    assert_eq!(
        store
            .consume_password_reset("d1", T0 + Duration::minutes(29))
            .await
            .unwrap(),
        None,
        "single use"
    );
    assert_eq!(
        store
            .consume_password_reset("d2", T0 + Duration::minutes(30))
            .await
            .unwrap(),
        None,
        "expired"
    );
    assert_eq!(
        store.consume_password_reset("unknown", T0).await.unwrap(),
        None
    );
}

pub async fn due_mail_is_claimed_by_one_worker_and_erased_once_sent(db: &TestDatabase) {
    let (store, _) = with_user(db).await;
    let first = mail(1, T0);
    let later = MailRecord {
        next_attempt_at: T0 + Duration::hours(1),
        ..mail(2, T0)
    };
    store.enqueue_mail(&first).await.unwrap();
    store.enqueue_mail(&later).await.unwrap();
    let due = store.due_mail(T0, 10).await.unwrap();
    assert_eq!(due, std::slice::from_ref(&first));

    assert!(store
        .claim_mail(&due[0], T0 + Duration::minutes(1))
        .await
        .unwrap());
    assert!(
        !store
            .claim_mail(&due[0], T0 + Duration::minutes(1))
            .await
            .unwrap(),
        "a second worker loses"
    );
    assert!(
        store.due_mail(T0, 10).await.unwrap().is_empty(),
        "leased mail is not due"
    );

    store.mail_sent(first.id, T0).await.unwrap();
    let everything = store.due_mail(T0 + Duration::days(1), 10).await.unwrap();
    assert_eq!(
        everything.iter().map(|m| m.id).collect::<Vec<_>>(),
        [later.id],
        "sent mail is never due again"
    );
}

pub async fn failed_mail_is_retried_later(db: &TestDatabase) {
    let (store, _) = with_user(db).await;
    let message = mail(3, T0);
    store.enqueue_mail(&message).await.unwrap();
    assert!(store
        .claim_mail(&message, T0 + Duration::minutes(1))
        .await
        .unwrap());
    store
        .mail_failed(message.id, "connection refused", T0 + Duration::minutes(5))
        .await
        .unwrap();
    assert!(store
        .due_mail(T0 + Duration::minutes(4), 10)
        .await
        .unwrap()
        .is_empty());
    let retry = store.due_mail(T0 + Duration::minutes(5), 10).await.unwrap();
    assert_eq!(retry.len(), 1);
    assert_eq!(retry[0].attempts, 1);
    assert_eq!(retry[0].sealed_body, message.sealed_body);
}

pub async fn access_codes_honour_their_use_limit_and_expiry(db: &TestDatabase) {
    let (store, _) = with_user(db).await;
    let code = |id: &str, max_uses, expires_at| AccessCodeRecord {
        id: id.into(),
        digest: format!("digest-{id}"),
        max_uses,
        expires_at,
        created_at: T0,
    };
    store
        .create_access_code(&code("twice", Some(2), None), &platform_event())
        .await
        .unwrap();
    store
        .create_access_code(
            &code("unlimited", None, Some(T0 + Duration::days(1))),
            &platform_event(),
        )
        .await
        .unwrap();
    assert!(store
        .redeem_access_code("digest-twice", T0, &platform_event())
        .await
        .unwrap());
    assert!(store
        .redeem_access_code("digest-twice", T0, &platform_event())
        .await
        .unwrap());
    assert!(
        !store
            .redeem_access_code("digest-twice", T0, &platform_event())
            .await
            .unwrap(),
        "used up"
    );
    for _ in 0..5 {
        assert!(store
            .redeem_access_code("digest-unlimited", T0, &platform_event())
            .await
            .unwrap());
    }
    assert!(
        !store
            .redeem_access_code(
                "digest-unlimited",
                T0 + Duration::days(1),
                &platform_event()
            )
            .await
            .unwrap(),
        "expired"
    );
    assert!(!store
        .redeem_access_code("digest-unknown", T0, &platform_event())
        .await
        .unwrap());
}
