//! The audit log's storage: events commit with the change they record, chains never fork,
//! and rows cannot be changed or removed except below a recorded retention cut.

use crate::workspaces::{workspace, world, World, T0};
use crate::{event_in, event_in_log, grant, platform_event};
use palisade_core::audit::{ChainVerifier, Checkpoint, PLATFORM_LOG};
use palisade_store::testing::TestDatabase;
use palisade_store::{ApiKeyRecord, AuditQuery, SignedCheckpoint, WorkspaceScope};

async fn acme(db: &TestDatabase) -> (World, WorkspaceScope) {
    let w = world(db).await;
    let record = workspace("acme", 10);
    w.store
        .create_workspace(&record, w.ada, &event_in_log(&record.id.to_string()))
        .await
        .unwrap();
    let scope = w.store.authorize(w.ada, "acme").await.unwrap().unwrap();
    (w, scope)
}

fn key(id: &str, w: &World) -> ApiKeyRecord {
    ApiKeyRecord {
        id: id.into(),
        name: "ci".into(),
        scopes: vec![palisade_core::Permission::WorkspaceRead],
        verifier: "v".into(),
        created_by: w.ada,
        created_at: T0,
        expires_at: None,
        last_used_at: None,
    }
}

fn all() -> AuditQuery {
    AuditQuery {
        limit: 1000,
        ..AuditQuery::default()
    }
}

async fn verdict(w: &World, log: &str) -> palisade_core::audit::Verdict {
    let mut verifier = ChainVerifier::new(log, None);
    for event in w.store.audit_events(log, &all()).await.unwrap() {
        verifier.push(&event);
    }
    verifier.finish()
}

pub async fn a_change_whose_event_cannot_be_written_is_not_made(db: &TestDatabase) {
    let (w, scope) = acme(db).await;
    // An event the database refuses (an empty action), after the key's row is written.
    let mut refused = event_in(&scope);
    refused.action = String::new();
    let err = w
        .store
        .create_api_key(&grant(&scope), &key("k1", &w), &refused)
        .await;
    assert!(err.is_err(), "the refused event was written");
    assert!(
        w.store.api_keys(&scope).await.unwrap().is_empty(),
        "the key outlived its event"
    );
    let events = w
        .store
        .audit_events(&scope.workspace_id().to_string(), &all())
        .await
        .unwrap();
    assert!(events.iter().all(|e| e.entry.action != "api_key.created"));
    // The same write with a good event goes through, with its event.
    w.store
        .create_api_key(&grant(&scope), &key("k1", &w), &event_in(&scope))
        .await
        .unwrap();
    assert_eq!(w.store.api_keys(&scope).await.unwrap().len(), 1);
}

pub async fn a_platform_change_commits_with_its_event_or_not_at_all(db: &TestDatabase) {
    let w = world(db).await;
    let mut refused = platform_event();
    refused.outcome = palisade_core::audit::Outcome::Success;
    refused.action = "x".repeat(101);
    let user = crate::accounts::user("new@example.com", 40);
    assert!(w.store.create_user(&user, &refused).await.is_err());
    assert!(w.store.user_by_id(user.id).await.unwrap().is_none());
}

pub async fn appends_to_a_log_form_one_unbroken_chain(db: &TestDatabase) {
    let (w, scope) = acme(db).await;
    let log = scope.workspace_id().to_string();
    w.store
        .append_audit(&[event_in(&scope), platform_event(), event_in(&scope)])
        .await
        .unwrap();
    w.store
        .create_api_key(&grant(&scope), &key("k2", &w), &event_in(&scope))
        .await
        .unwrap();
    let events = w.store.audit_events(&log, &all()).await.unwrap();
    let seqs: Vec<i64> = events.iter().map(|e| e.seq).collect();
    // workspace.created, two batched, one with the key.
    assert_eq!(seqs, vec![1, 2, 3, 4]);
    assert!(verdict(&w, &log).await.is_ok());
    assert!(verdict(&w, PLATFORM_LOG).await.is_ok());
    assert_eq!(
        w.store.audit_head(&log).await.unwrap().map(|h| h.0),
        Some(4)
    );
}

pub async fn audit_rows_refuse_updates_and_deletes(db: &TestDatabase) {
    let (w, scope) = acme(db).await;
    let log = scope.workspace_id().to_string();
    w.store
        .append_audit(&[event_in(&scope), event_in(&scope)])
        .await
        .unwrap();
    // A cut at event 1, so every table has a row the statements below would touch.
    let first = &w.store.audit_events(&log, &all()).await.unwrap()[0];
    let cut = SignedCheckpoint {
        checkpoint: Checkpoint {
            log: log.clone(),
            seq: 1,
            head_hash: first.hash.clone(),
            at_micros: 5,
        },
        kid: "k".into(),
        signature: "s".into(),
    };
    w.store
        .cut_audit_log(&cut, &event_in_log(&log))
        .await
        .unwrap();
    w.store.add_audit_checkpoint(&cut).await.unwrap();
    for sql in [
        "UPDATE audit_events SET action = 'edited'",
        "DELETE FROM audit_events",
        "UPDATE audit_checkpoints SET kid = 'x'",
        "DELETE FROM audit_cuts",
    ] {
        let refused = db.execute_as_owner(sql).await;
        assert!(refused.is_err(), "{sql} was allowed");
    }
    // Event 1 was cut; 2, 3 and the cut's own record remain, untouched.
    assert_eq!(w.store.audit_events(&log, &all()).await.unwrap().len(), 3);
}

pub async fn retention_removes_only_events_up_to_its_recorded_cut(db: &TestDatabase) {
    let (w, scope) = acme(db).await;
    let log = scope.workspace_id().to_string();
    w.store
        .append_audit(&[event_in(&scope), event_in(&scope), event_in(&scope)])
        .await
        .unwrap();
    let events = w.store.audit_events(&log, &all()).await.unwrap();
    let cut = SignedCheckpoint {
        checkpoint: Checkpoint {
            log: log.clone(),
            seq: 2,
            head_hash: events[1].hash.clone(),
            at_micros: 5,
        },
        kid: "k".into(),
        signature: "s".into(),
    };
    assert_eq!(
        w.store
            .cut_audit_log(&cut, &event_in_log(&log))
            .await
            .unwrap(),
        2
    );
    // The cut is recorded in the log it cut, after what is left.
    let left = w.store.audit_events(&log, &all()).await.unwrap();
    assert_eq!(
        left.iter().map(|e| e.seq).collect::<Vec<_>>(),
        vec![3, 4, 5]
    );
    assert_eq!(w.store.audit_cut(&log).await.unwrap(), Some(cut.clone()));
    // A second cut at the same place (another node) changes nothing.
    assert_eq!(
        w.store
            .cut_audit_log(&cut, &event_in_log(&log))
            .await
            .unwrap(),
        0
    );
    assert_eq!(w.store.audit_events(&log, &all()).await.unwrap().len(), 3);
    // Past the cut, events are as untouchable as ever.
    assert!(db
        .execute_as_owner("DELETE FROM audit_events WHERE seq = 3")
        .await
        .is_err());
    // A log cut to nothing still continues its chain from the cut.
    let mut verifier = ChainVerifier::new(&log, Some(&cut.checkpoint));
    for event in &left {
        verifier.push(event);
    }
    assert!(verifier.finish().is_ok());
}
