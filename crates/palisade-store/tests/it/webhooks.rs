//! Webhook endpoints and their outbox: messages are queued in the transaction of their change
//! (and not at all when it fails), only for subscribed endpoints of the same workspace; a job
//! is leased to one worker at a time; an ordered endpoint offers one job at a time.

use crate::records::{record, two_tenants};
use crate::{event_in, grant};
use palisade_store::testing::{message, TestDatabase};
use palisade_store::{
    AttemptRecord, DueJob, EndpointRecord, EndpointSecret, Finished, JobNext, OutboundMessage,
    Store, WorkspaceScope,
};
use std::sync::Arc;
use time::macros::datetime;

const NOW: i64 = 1_800_000_000_000_000;
const MAX_ENDPOINTS: i64 = 20;

fn endpoint(id: &str, events: &[&str]) -> EndpointRecord {
    let at = datetime!(2026-11-23 12:00 UTC);
    EndpointRecord {
        id: id.into(),
        url: "https://hooks.example/in".into(),
        description: None,
        events: events.iter().map(|e| (*e).to_owned()).collect(),
        ordered: events.iter().all(|e| e.starts_with("audit.")),
        failing_since: None,
        created_at: at,
        updated_at: at,
        secret_version: 1,
        auth: None,
    }
}

fn sealed() -> EndpointSecret {
    EndpointSecret {
        version: 1,
        sealed: vec![1, 2, 3],
        created_at: datetime!(2026-11-23 12:00 UTC),
        expires_at: None,
    }
}

async fn subscribe(store: &Arc<dyn Store>, scope: &WorkspaceScope, id: &str, events: &[&str]) {
    store
        .create_webhook(
            &grant(scope),
            &endpoint(id, events),
            &sealed(),
            MAX_ENDPOINTS,
            &event_in(scope),
        )
        .await
        .unwrap();
}

async fn due(store: &Arc<dyn Store>) -> Vec<DueJob> {
    store.due_webhook_jobs(NOW, 100, 100).await.unwrap()
}

fn attempt(job: &DueJob, n: i64) -> AttemptRecord {
    AttemptRecord {
        id: format!("att_{}_{n}", job.message_id),
        endpoint_id: job.endpoint_id.clone(),
        message_id: job.message_id.clone(),
        event_type: "record.created".into(),
        attempt: n,
        at: datetime!(2026-11-23 12:00 UTC),
        status_code: Some(500),
        latency_ms: 3,
        response: Some("no".into()),
        error: None,
        succeeded: false,
    }
}

pub async fn a_record_write_queues_its_message_for_subscribed_endpoints_only(db: &TestDatabase) {
    let (w, acme, globex) = two_tenants(db).await;
    subscribe(&w.store, &acme, "whk_created", &["record.created"]).await;
    subscribe(&w.store, &acme, "whk_deleted", &["record.deleted"]).await;
    subscribe(&w.store, &globex, "whk_other", &["record.created"]).await;
    let row = record(1, "{}");
    assert!(w
        .store
        .insert_record(&grant(&acme), &row, &message("record.created"))
        .await
        .unwrap());
    let jobs = due(&w.store).await;
    assert_eq!(jobs.len(), 1, "{jobs:?}");
    assert_eq!(jobs[0].endpoint_id, "whk_created");
    assert_eq!(jobs[0].workspace_id, acme.workspace_id().to_string());
}

pub async fn a_write_that_fails_queues_nothing(db: &TestDatabase) {
    let (w, acme, _) = two_tenants(db).await;
    subscribe(&w.store, &acme, "whk_created", &["record.created"]).await;
    let mut row = record(2, "{}");
    row.collection = "nowhere".into();
    assert!(!w
        .store
        .insert_record(&grant(&acme), &row, &message("record.created"))
        .await
        .unwrap());
    assert!(due(&w.store).await.is_empty());
}

pub async fn an_audit_append_queues_the_event_for_audit_streams_in_its_transaction(
    db: &TestDatabase,
) {
    let (w, acme, _) = two_tenants(db).await;
    subscribe(&w.store, &acme, "whk_siem", &["audit.*"]).await;
    // The subscription's own event is the first message of the stream.
    assert_eq!(due(&w.store).await.len(), 1);
    let mut refused = event_in(&acme);
    refused.action = String::new();
    let failed = w
        .store
        .create_webhook(
            &grant(&acme),
            &endpoint("whk_x", &["record.created"]),
            &sealed(),
            MAX_ENDPOINTS,
            &refused,
        )
        .await;
    assert!(failed.is_err());
    assert_eq!(
        due(&w.store).await.len(),
        1,
        "a failed change queued a message"
    );
    w.store
        .create_webhook(
            &grant(&acme),
            &endpoint("whk_y", &["record.created"]),
            &sealed(),
            MAX_ENDPOINTS,
            &event_in(&acme),
        )
        .await
        .unwrap();
    let claimed = w
        .store
        .claim_webhook_job(&due(&w.store).await[0], NOW, NOW + 1)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(claimed.event_type, "audit.test.write");
    assert!(
        claimed.payload.contains("\"prev_hash\""),
        "{}",
        claimed.payload
    );
}

pub async fn a_job_is_leased_to_one_worker_at_a_time(db: &TestDatabase) {
    let (w, acme, _) = two_tenants(db).await;
    subscribe(&w.store, &acme, "whk_created", &["record.created"]).await;
    w.store
        .insert_record(&grant(&acme), &record(3, "{}"), &message("record.created"))
        .await
        .unwrap();
    let job = due(&w.store).await.remove(0);
    let lease = NOW + 60_000_000;
    assert!(w
        .store
        .claim_webhook_job(&job, NOW, lease)
        .await
        .unwrap()
        .is_some());
    assert!(w
        .store
        .claim_webhook_job(&job, NOW, lease)
        .await
        .unwrap()
        .is_none());
    assert!(
        due(&w.store).await.is_empty(),
        "a leased job is offered again"
    );
    // A lease its worker outlived lapses: another worker takes the job.
    assert!(w
        .store
        .claim_webhook_job(&job, lease, lease + 1)
        .await
        .unwrap()
        .is_some());
    let late = w
        .store
        .finish_webhook_job(
            &job,
            lease,
            &AttemptRecord {
                id: "att_late".into(),
                ..attempt(&job, 1)
            },
            JobNext::Delivered,
            &event_in(&acme),
        )
        .await
        .unwrap();
    assert!(
        late.lost_lease,
        "a worker whose lease lapsed moved the job on"
    );
    let current = w
        .store
        .finish_webhook_job(
            &job,
            lease + 1,
            &attempt(&job, 1),
            JobNext::RetryAt(NOW + 5_000_000),
            &event_in(&acme),
        )
        .await
        .unwrap();
    assert!(!current.lost_lease);
    // The stale view of the job (one attempt behind) can no longer lease it.
    assert!(w
        .store
        .claim_webhook_job(&job, NOW + 6_000_000, NOW + 7_000_000)
        .await
        .unwrap()
        .is_none());
}

pub async fn an_ordered_endpoint_offers_only_its_first_pending_job(db: &TestDatabase) {
    let (w, acme, _) = two_tenants(db).await;
    subscribe(&w.store, &acme, "whk_siem", &["audit.*"]).await;
    for id in ["whk_a", "whk_b", "whk_c"] {
        w.store
            .create_webhook(
                &grant(&acme),
                &endpoint(id, &["record.created"]),
                &sealed(),
                MAX_ENDPOINTS,
                &event_in(&acme),
            )
            .await
            .unwrap();
    }
    let offered = due(&w.store).await;
    assert_eq!(offered.len(), 1);
    let first = offered[0].clone();
    w.store
        .claim_webhook_job(&first, NOW, NOW + 1)
        .await
        .unwrap()
        .unwrap();
    w.store
        .finish_webhook_job(
            &first,
            NOW + 1,
            &attempt(&first, 1),
            JobNext::Delivered,
            &event_in(&acme),
        )
        .await
        .unwrap();
    let next = due(&w.store).await;
    assert_eq!(next.len(), 1);
    assert_ne!(next[0].message_id, first.message_id);
}

pub async fn the_last_failed_attempt_marks_the_endpoint_failing_once_and_names_its_owners(
    db: &TestDatabase,
) {
    let (w, acme, _) = two_tenants(db).await;
    subscribe(&w.store, &acme, "whk_created", &["record.created"]).await;
    for seed in [4, 5] {
        w.store
            .insert_record(&grant(&acme), &record(seed, "{}"), &msg(seed))
            .await
            .unwrap();
    }
    let jobs = due(&w.store).await;
    let first = give_up(&w.store, &acme, &jobs[0]).await;
    assert!(first.newly_failing);
    assert_eq!(first.owner_emails, vec!["ada@example.com".to_owned()]);
    let second = give_up(&w.store, &acme, &jobs[1]).await;
    assert!(!second.newly_failing, "the owners were told twice");
    let endpoint = w
        .store
        .webhook(&grant(&acme), "whk_created")
        .await
        .unwrap()
        .unwrap();
    assert!(endpoint.failing_since.is_some());
    assert_eq!(
        w.store
            .webhook_attempts(&grant(&acme), "whk_created", 10)
            .await
            .unwrap()
            .len(),
        2
    );
}

/// Leases `job` and reports its last attempt failed.
async fn give_up(store: &Arc<dyn Store>, scope: &WorkspaceScope, job: &DueJob) -> Finished {
    store
        .claim_webhook_job(job, NOW, NOW + 1)
        .await
        .unwrap()
        .unwrap();
    store
        .finish_webhook_job(
            job,
            NOW + 1,
            &attempt(job, 8),
            JobNext::Failed,
            &event_in(scope),
        )
        .await
        .unwrap()
}

fn msg(seed: u64) -> OutboundMessage {
    OutboundMessage {
        id: format!("msg_{seed}"),
        ..message("record.created")
    }
}

pub async fn another_workspace_cannot_see_or_touch_an_endpoint(db: &TestDatabase) {
    let (w, acme, globex) = two_tenants(db).await;
    subscribe(&w.store, &acme, "whk_acme", &["record.created"]).await;
    assert!(w.store.webhooks(&grant(&globex)).await.unwrap().is_empty());
    assert!(w
        .store
        .webhook(&grant(&globex), "whk_acme")
        .await
        .unwrap()
        .is_none());
    assert!(!w
        .store
        .delete_webhook(&grant(&globex), "whk_acme", &event_in(&globex))
        .await
        .unwrap());
    assert!(!w
        .store
        .enqueue_webhook_message(&grant(&globex), "whk_acme", &message("webhook.test"))
        .await
        .unwrap());
    assert!(w
        .store
        .webhook(&grant(&acme), "whk_acme")
        .await
        .unwrap()
        .is_some());
}

pub async fn a_busy_endpoint_offers_only_its_share_of_due_jobs(db: &TestDatabase) {
    let (w, acme, _) = two_tenants(db).await;
    subscribe(&w.store, &acme, "whk_busy", &["record.created"]).await;
    for seed in 10..15 {
        w.store
            .insert_record(&grant(&acme), &record(seed, "{}"), &msg(seed))
            .await
            .unwrap();
    }
    assert_eq!(
        w.store.due_webhook_jobs(NOW, 2, 100).await.unwrap().len(),
        2
    );
    assert_eq!(
        w.store.due_webhook_jobs(NOW, 100, 3).await.unwrap().len(),
        3
    );
}

pub async fn a_workspace_holds_at_most_its_share_of_endpoints(db: &TestDatabase) {
    let (w, acme, _) = two_tenants(db).await;
    for id in ["whk_1", "whk_2"] {
        let made = w
            .store
            .create_webhook(
                &grant(&acme),
                &endpoint(id, &["record.created"]),
                &sealed(),
                2,
                &event_in(&acme),
            )
            .await
            .unwrap();
        assert!(made);
    }
    let third = w
        .store
        .create_webhook(
            &grant(&acme),
            &endpoint("whk_3", &["record.created"]),
            &sealed(),
            2,
            &event_in(&acme),
        )
        .await
        .unwrap();
    assert!(!third);
    assert_eq!(w.store.webhooks(&grant(&acme)).await.unwrap().len(), 2);
}

pub async fn finished_jobs_old_attempts_and_retired_secrets_are_swept(db: &TestDatabase) {
    let (w, acme, _) = two_tenants(db).await;
    subscribe(&w.store, &acme, "whk_created", &["record.created"]).await;
    for seed in [20, 21] {
        w.store
            .insert_record(&grant(&acme), &record(seed, "{}"), &msg(seed))
            .await
            .unwrap();
    }
    let jobs = due(&w.store).await;
    give_up(&w.store, &acme, &jobs[0]).await;
    let workspace = acme.workspace_id().to_string();
    let later = datetime!(2026-12-30 12:00 UTC);
    let swept = w
        .store
        .sweep_webhooks(&workspace, i64::MAX, later, later)
        .await
        .unwrap();
    // The finished job and its attempt went; the pending job stays.
    assert_eq!(swept, 2);
    assert_eq!(due(&w.store).await.len(), 1);
    assert!(w
        .store
        .webhook_attempts(&grant(&acme), "whk_created", 10)
        .await
        .unwrap()
        .is_empty());
}

pub async fn messages_of_events_no_longer_taken_are_dropped_when_an_endpoint_changes(
    db: &TestDatabase,
) {
    let (w, acme, _) = two_tenants(db).await;
    subscribe(&w.store, &acme, "whk_created", &["record.created"]).await;
    w.store
        .insert_record(&grant(&acme), &record(30, "{}"), &msg(30))
        .await
        .unwrap();
    w.store
        .enqueue_webhook_message(
            &grant(&acme),
            "whk_created",
            &OutboundMessage {
                id: "msg_test".into(),
                ..message("webhook.test")
            },
        )
        .await
        .unwrap();
    assert_eq!(due(&w.store).await.len(), 2);
    let changed = w
        .store
        .update_webhook(
            &grant(&acme),
            &endpoint("whk_created", &["member.added"]),
            &event_in(&acme),
        )
        .await
        .unwrap();
    assert!(changed);
    let left = due(&w.store).await;
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!(left[0].message_id, "msg_test");
}
