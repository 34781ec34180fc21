use crate::workspaces::{key, workspace, world, World, T0};
use crate::{event_in, event_in_log, grant, platform_event};
use palisade_core::audit::PLATFORM_LOG;
use palisade_core::{ManualClock, Permission, Role, SeededRng, SessionId};
use palisade_store::testing::TestDatabase;
use palisade_store::{
    AccountErasure, AuditQuery, InvitationRecord, LogPosition, SessionRecord, WorkspaceScope,
};
use time::Duration;

/// Ada owns acme; Bob joined it as a member through an invitation, holds a session and
/// created a key there, and invited Eve.
async fn bob_in_acme(db: &TestDatabase) -> (World, WorkspaceScope, SessionId) {
    let w = world(db).await;
    let acme = workspace("acme", 10);
    let log = acme.id.to_string();
    w.store
        .create_workspace(&acme, w.ada, &event_in_log(&log))
        .await
        .unwrap();
    let owner = w.store.authorize(w.ada, "acme").await.unwrap().unwrap();
    let invitation = |id: &str, email: &str, by| InvitationRecord {
        id: id.into(),
        email: email.into(),
        role: Role::Admin,
        digest: format!("digest-{id}"),
        invited_by: by,
        created_at: T0,
        expires_at: T0 + Duration::days(7),
    };
    w.store
        .create_invitation(
            &grant(&owner),
            &invitation("inv_bob", "bob@example.com", w.ada),
            &event_in(&owner),
        )
        .await
        .unwrap();
    w.store
        .accept_invitation(
            "digest-inv_bob",
            w.bob,
            "bob@example.com",
            T0,
            &event_in(&owner),
        )
        .await
        .unwrap();
    let bob = w.store.authorize(w.bob, "acme").await.unwrap().unwrap();
    w.store
        .create_api_key(
            &grant(&bob),
            &key("k_bob", w.bob, vec![Permission::RecordsRead]),
            &event_in(&bob),
        )
        .await
        .unwrap();
    w.store
        .create_invitation(
            &grant(&bob),
            &invitation("inv_eve", "eve@example.com", w.bob),
            &event_in(&bob),
        )
        .await
        .unwrap();
    let clock = ManualClock::starting_at(T0);
    let session = SessionRecord {
        id: SessionId::generate(&clock, &SeededRng::new(40)),
        user_id: w.bob,
        created_at: T0,
        last_used_at: T0,
        absolute_expires_at: T0 + Duration::days(30),
        revoked_at: None,
        user_agent: None,
        ip: None,
        mfa_at: None,
    };
    w.store
        .create_session(&session, "digest-session", &platform_event())
        .await
        .unwrap();
    (w, owner, session.id)
}

fn erased_event(actor: &str) -> palisade_core::audit::AuditEntry {
    let mut event = platform_event();
    event.actor = actor.into();
    event.action = "account.deleted".into();
    event
}

pub async fn an_erased_account_loses_its_sessions_memberships_and_keys(db: &TestDatabase) {
    let (w, owner, session) = bob_in_acme(db).await;
    let erasure = w
        .store
        .erase_account(w.bob, &erased_event(&format!("user:{}", w.bob)))
        .await
        .unwrap();
    assert_eq!(
        erasure,
        AccountErasure::Erased {
            sessions: vec![session]
        }
    );
    assert_eq!(w.store.user_by_id(w.bob).await.unwrap(), None);
    assert_eq!(w.store.session(session).await.unwrap(), None);
    assert!(w.store.authorize(w.bob, "acme").await.unwrap().is_none());
    assert!(w.store.authorize_key("k_bob").await.unwrap().is_none());
    let members = w.store.members(&owner).await.unwrap();
    assert_eq!(members.len(), 1, "only Ada is left: {members:?}");
}

pub async fn an_erasure_is_recorded_in_the_platform_log(db: &TestDatabase) {
    let (w, _, _) = bob_in_acme(db).await;
    let actor = format!("user:{}", w.bob);
    w.store
        .erase_account(w.bob, &erased_event(&actor))
        .await
        .unwrap();
    let query = AuditQuery {
        limit: 100,
        action: Some("account.deleted".into()),
        ..AuditQuery::default()
    };
    let events = w.store.audit_events(PLATFORM_LOG, &query).await.unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].entry.actor, actor);
    assert!(events.iter().all(|e| e.is_intact()));
}

pub async fn the_only_owner_of_a_workspace_is_not_erased(db: &TestDatabase) {
    let (w, _, _) = bob_in_acme(db).await;
    let erasure = w
        .store
        .erase_account(w.ada, &erased_event("user:ada"))
        .await
        .unwrap();
    assert_eq!(erasure, AccountErasure::LastOwner(vec!["acme".into()]));
    assert!(w.store.user_by_id(w.ada).await.unwrap().is_some());
    assert!(w.store.authorize(w.ada, "acme").await.unwrap().is_some());
    let query = AuditQuery {
        limit: 100,
        action: Some("account.deleted".into()),
        ..AuditQuery::default()
    };
    assert!(w
        .store
        .audit_events(PLATFORM_LOG, &query)
        .await
        .unwrap()
        .is_empty());
}

pub async fn an_owner_with_a_fellow_owner_can_be_erased(db: &TestDatabase) {
    let (w, owner, _) = bob_in_acme(db).await;
    w.store
        .set_member_role(&grant(&owner), w.bob, Role::Owner, &event_in(&owner))
        .await
        .unwrap();
    let erasure = w
        .store
        .erase_account(w.ada, &erased_event("user:ada"))
        .await
        .unwrap();
    assert!(
        matches!(erasure, AccountErasure::Erased { .. }),
        "{erasure:?}"
    );
    let bob = w.store.authorize(w.bob, "acme").await.unwrap().unwrap();
    assert_eq!(bob.role(), Role::Owner);
}

pub async fn holdings_list_memberships_invitations_sent_and_keys_created(db: &TestDatabase) {
    let (w, _, _) = bob_in_acme(db).await;
    let held = w.store.account_holdings(w.bob).await.unwrap();
    let memberships: Vec<_> = held
        .memberships
        .iter()
        .map(|m| (m.workspace.as_str(), m.role.as_str()))
        .collect();
    assert_eq!(memberships, [("acme", "admin")]);
    let sent: Vec<_> = held
        .invitations_sent
        .iter()
        .map(|i| (i.id.as_str(), i.email.as_str()))
        .collect();
    assert_eq!(sent, [("inv_eve", "eve@example.com")]);
    let sessions: Vec<_> = held.sessions.iter().map(|s| s.user_id).collect();
    assert_eq!(sessions, [w.bob]);
    let keys: Vec<_> = held.api_keys.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(keys, ["k_bob"]);
    let eve = w.store.account_holdings(w.eve).await.unwrap();
    assert_eq!(eve, Default::default(), "Eve holds nothing yet");
}

pub async fn an_actors_events_page_across_logs_and_only_theirs(db: &TestDatabase) {
    let (w, owner, _) = bob_in_acme(db).await;
    let actor = format!("user:{}", w.bob);
    let mut mine = Vec::new();
    for log in [PLATFORM_LOG.to_owned(), owner.workspace_id().to_string()] {
        for n in 0..3 {
            let mut event = event_in_log(&log);
            event.actor = actor.clone();
            event.action = format!("test.bob_{n}");
            mine.push(event);
        }
        let mut other = event_in_log(&log);
        other.actor = format!("user:{}", w.ada);
        w.store.append_audit(&[other]).await.unwrap();
    }
    w.store.append_audit(&mine).await.unwrap();
    let mut seen = Vec::new();
    let mut after: Option<LogPosition> = None;
    loop {
        let page = w
            .store
            .events_by_actor(&actor, after.as_ref(), 2)
            .await
            .unwrap();
        let Some(last) = page.last() else { break };
        after = Some(LogPosition {
            log: last.entry.log.clone(),
            seq: last.seq,
        });
        seen.extend(page.into_iter().map(|e| e.entry));
    }
    assert!(seen.iter().all(|e| e.actor == actor));
    let mut actions: Vec<_> = seen
        .iter()
        .map(|e| (e.log.clone(), e.action.clone()))
        .collect();
    let mut expected: Vec<_> = mine
        .iter()
        .map(|e| (e.log.clone(), e.action.clone()))
        .collect();
    actions.sort();
    expected.sort();
    assert_eq!(actions, expected);
}

/// Sixty days after `T0`; each kind of row ended (or not) around its cutoff.
pub async fn the_retention_sweep_deletes_only_what_ended_before_its_cutoff(db: &TestDatabase) {
    use palisade_store::{AccessCodeRecord, RetentionCutoffs, SweptCounts};
    let (w, owner, bobs_session) = bob_in_acme(db).await;
    let now = T0 + Duration::days(60);
    let clock = ManualClock::starting_at(T0);
    let session = |seed, last_used_at| SessionRecord {
        id: SessionId::generate(&clock, &SeededRng::new(seed)),
        user_id: w.ada,
        created_at: T0,
        last_used_at,
        absolute_expires_at: now + Duration::days(10),
        revoked_at: None,
        user_agent: None,
        ip: None,
        mfa_at: None,
    };
    let revoked_long_ago = session(50, T0);
    let revoked_lately = session(51, now - Duration::days(2));
    let in_use = session(52, now - Duration::hours(1));
    for (n, s) in [&revoked_long_ago, &revoked_lately, &in_use]
        .into_iter()
        .enumerate()
    {
        w.store
            .create_session(s, &format!("refresh-{n}"), &platform_event())
            .await
            .unwrap();
    }
    w.store
        .revoke_session(revoked_long_ago.id, "logout", T0, &platform_event())
        .await
        .unwrap();
    w.store
        .revoke_session(
            revoked_lately.id,
            "logout",
            now - Duration::days(2),
            &platform_event(),
        )
        .await
        .unwrap();
    // The fresh challenge first: creating one clears those expired by then.
    for (digest, expires) in [
        ("fresh", now + Duration::minutes(30)),
        ("old", T0 + Duration::minutes(30)),
    ] {
        w.store
            .create_password_reset(
                digest,
                w.ada,
                expires - Duration::minutes(30),
                expires,
                &platform_event(),
            )
            .await
            .unwrap();
        w.store
            .create_mfa_challenge(digest, w.ada, expires - Duration::minutes(30), expires)
            .await
            .unwrap();
    }
    let open = InvitationRecord {
        id: "inv_open".into(),
        email: "carol@example.com".into(),
        role: Role::Member,
        digest: "digest-open".into(),
        invited_by: w.ada,
        created_at: now - Duration::days(1),
        expires_at: now + Duration::days(6),
    };
    w.store
        .create_invitation(&grant(&owner), &open, &event_in(&owner))
        .await
        .unwrap();
    for (id, expires_at) in [("code_old", T0), ("code_new", now + Duration::days(1))] {
        let code = AccessCodeRecord {
            id: id.into(),
            digest: format!("digest-{id}"),
            max_uses: None,
            expires_at: Some(expires_at),
            created_at: T0,
        };
        w.store
            .create_access_code(&code, &platform_event())
            .await
            .unwrap();
    }
    for (seed, at) in [(60, T0), (61, now - Duration::days(1))] {
        w.store
            .enqueue_mail(&crate::recovery::mail(seed, at))
            .await
            .unwrap();
    }
    let cutoffs = RetentionCutoffs {
        sessions_ended_before: now - Duration::days(30),
        sessions_idle_before: now - Duration::days(31),
        one_time_tokens_before: now - Duration::days(1),
        invitations_before: now - Duration::days(30),
        mail_before: now - Duration::days(7),
    };
    let swept = w.store.sweep_ended(&cutoffs).await.unwrap();
    // Bob's session was last used at T0 (idle ever since); Ada's first was revoked at T0.
    // Both acme invitations (Bob's accepted at T0, Eve's expired at T0 + 7 days) ended.
    let expected = SweptCounts {
        sessions: 2,
        reset_tokens: 1,
        mfa_challenges: 1,
        invitations: 2,
        access_codes: 1,
        mail: 1,
    };
    assert_eq!(swept, expected);
    assert_eq!(w.store.session(bobs_session).await.unwrap(), None);
    assert_eq!(w.store.session(revoked_long_ago.id).await.unwrap(), None);
    for kept in [&revoked_lately, &in_use] {
        assert!(w.store.session(kept.id).await.unwrap().is_some());
    }
    let open_now: Vec<String> = w
        .store
        .open_invitations(&owner)
        .await
        .unwrap()
        .into_iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(open_now, ["inv_open"]);
    assert_eq!(
        w.store.sweep_ended(&cutoffs).await.unwrap(),
        SweptCounts::default()
    );
}
