use super::*;
use crate::{AuditEventId, SeededRng};

fn entry(n: i64) -> AuditEntry {
    let clock = crate::ManualClock::starting_at(time::macros::datetime!(2026-12-01 00:00 UTC));
    AuditEntry {
        id: AuditEventId::generate(&clock, &SeededRng::new(n as u64)),
        log: "ws_01jd5v3k2m0000000000000000".into(),
        at_micros: 1_764_547_200_000_000 + n,
        actor: "user:usr_01jd5v3k2m0000000000000000".into(),
        action: "api_key.created".into(),
        resource_type: "api_key".into(),
        resource_id: Some(format!("key{n}")),
        outcome: Outcome::Success,
        reason: None,
        request_id: Some(format!("req{n}")),
        ip: None,
        user_agent: Some("test".into()),
    }
}

fn chain(len: i64) -> Vec<ChainedEvent> {
    let mut prev = GENESIS_HASH.to_owned();
    (1..=len)
        .map(|seq| {
            let event = entry(seq).chain(seq, &prev);
            prev = event.hash.clone();
            event
        })
        .collect()
}

fn verify(events: &[ChainedEvent], checkpoints: &[Checkpoint]) -> Verdict {
    let mut verifier = ChainVerifier::new("ws_01jd5v3k2m0000000000000000", None);
    for event in events {
        verifier.push(event);
    }
    for checkpoint in checkpoints {
        verifier.checkpoint(checkpoint.clone(), true);
    }
    verifier.finish()
}

fn checkpoint_of(event: &ChainedEvent) -> Checkpoint {
    Checkpoint {
        log: event.entry.log.clone(),
        seq: event.seq,
        head_hash: event.hash.clone(),
        at_micros: 0,
    }
}

#[test]
fn an_untouched_chain_verifies() {
    let events = chain(5);
    let verdict = verify(&events, &[checkpoint_of(&events[4])]);
    assert!(verdict.is_ok(), "{verdict:?}");
    assert_eq!(verdict.events_checked, 5);
    assert_eq!(verdict.checkpoints_checked, 1);
}

#[test]
fn the_encoding_is_fixed() {
    // Computed apart from this code, from the encoding as documented (a few lines of Python
    // with hashlib). A change to the encoding breaks every stored chain: it must be deliberate.
    let mut fixed = entry(1);
    fixed.id = "aud_01jd5v3k2m0000000000000000".parse().unwrap();
    assert_eq!(
        event_hash(&fixed, 1, GENESIS_HASH),
        "04c35e2b0d1466c79c5a12e9e203a8c0327b56e6b671ba7a1eee18b0276d266d"
    );
}

#[test]
fn an_edited_event_is_reported_as_tampered_at_its_number() {
    let mut events = chain(5);
    events[2].entry.outcome = Outcome::Denied;
    assert_eq!(verify(&events, &[]).first_bad, Some((3, Break::Tampered)));
}

#[test]
fn a_deleted_event_is_reported_as_missing_at_its_number() {
    let mut events = chain(5);
    events.remove(1);
    assert_eq!(verify(&events, &[]).first_bad, Some((2, Break::Missing)));
}

#[test]
fn two_swapped_events_are_reported_as_reordered_at_the_first() {
    let mut events = chain(5);
    let (third, fourth) = (events[2].clone(), events[3].clone());
    // The rows keep their numbers; their contents trade places.
    events[2] = ChainedEvent { seq: 3, ..fourth };
    events[3] = ChainedEvent { seq: 4, ..third };
    assert_eq!(verify(&events, &[]).first_bad, Some((3, Break::Reordered)));
}

#[test]
fn a_cut_off_tail_is_caught_by_a_later_checkpoint() {
    let mut events = chain(5);
    let last = checkpoint_of(&events[4]);
    events.truncate(3);
    assert_eq!(
        verify(&events, &[last]).first_bad,
        Some((4, Break::Missing))
    );
}

#[test]
fn a_rewritten_chain_is_caught_by_the_checkpoint_it_contradicts() {
    let original = chain(4);
    let signed = checkpoint_of(&original[3]);
    // Edit event 2 and recompute every hash after it: the chain alone looks intact.
    let mut prev = original[0].hash.clone();
    let mut rewritten = vec![original[0].clone()];
    for event in &original[1..] {
        let mut entry = event.entry.clone();
        if event.seq == 2 {
            entry.outcome = Outcome::Failure;
        }
        let event = entry.chain(event.seq, &prev);
        prev = event.hash.clone();
        rewritten.push(event);
    }
    assert!(verify(&rewritten, &[]).is_ok());
    assert_eq!(
        verify(&rewritten, &[signed]).first_bad,
        Some((4, Break::CheckpointMismatch))
    );
}

#[test]
fn a_checkpoint_with_a_bad_signature_fails_the_log() {
    let events = chain(2);
    let mut verifier = ChainVerifier::new("ws_01jd5v3k2m0000000000000000", None);
    for event in &events {
        verifier.push(event);
    }
    verifier.checkpoint(checkpoint_of(&events[1]), false);
    assert_eq!(
        verifier.finish().first_bad,
        Some((2, Break::BadCheckpointSignature))
    );
}

#[test]
fn after_a_retention_cut_the_chain_verifies_from_the_cut_checkpoint() {
    let events = chain(6);
    let cut = checkpoint_of(&events[2]);
    let mut verifier = ChainVerifier::new("ws_01jd5v3k2m0000000000000000", Some(&cut));
    for event in &events[3..] {
        verifier.push(event);
    }
    let verdict = verifier.finish();
    assert!(verdict.is_ok(), "{verdict:?}");
    assert_eq!(verdict.events_checked, 3);
}
