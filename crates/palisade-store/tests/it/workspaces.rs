use crate::{event_in, event_in_log, grant, platform_event};
use palisade_core::{ManualClock, Role, SeededRng, UserId, WorkspaceId};
use palisade_store::testing::TestDatabase;
use palisade_store::{Conflict, MemberChange, Store, StoreError, UserRecord, WorkspaceRecord};
use std::sync::Arc;
use time::macros::datetime;
use time::OffsetDateTime;

pub const T0: OffsetDateTime = datetime!(2026-11-23 12:00 UTC);

pub struct World {
    pub store: Arc<dyn Store>,
    pub ada: UserId,
    pub bob: UserId,
    pub eve: UserId,
}

pub async fn world(db: &TestDatabase) -> World {
    let store = db.connect().await;
    store.migrate().await.unwrap();
    let clock = ManualClock::starting_at(T0);
    let mut ids = Vec::new();
    for (seed, email) in [
        (1, "ada@example.com"),
        (2, "bob@example.com"),
        (3, "eve@example.com"),
    ] {
        let id = UserId::generate(&clock, &SeededRng::new(seed));
        let user = UserRecord {
            id,
            email: email.into(),
            name: None,
            password_hash: "x".into(),
            created_at: T0,
            updated_at: T0,
        };
        store.create_user(&user, &platform_event()).await.unwrap();
        ids.push(id);
    }
    World {
        store,
        ada: ids[0],
        bob: ids[1],
        eve: ids[2],
    }
}

pub fn workspace(slug: &str, seed: u64) -> WorkspaceRecord {
    let clock = ManualClock::starting_at(T0);
    WorkspaceRecord {
        id: WorkspaceId::generate(&clock, &SeededRng::new(seed)),
        slug: slug.into(),
        name: slug.to_uppercase(),
        audit_retention_days: palisade_store::workspaces::DEFAULT_AUDIT_RETENTION_DAYS,
        require_mfa: false,
        suspended_at: None,
        created_at: T0,
        updated_at: T0,
    }
}

pub async fn the_creator_owns_a_new_workspace(db: &TestDatabase) {
    let w = world(db).await;
    let acme = workspace("acme", 10);
    w.store
        .create_workspace(&acme, w.ada, &event_in_log(&(acme).id.to_string()))
        .await
        .unwrap();
    let scope = w.store.authorize(w.ada, "acme").await.unwrap().unwrap();
    assert_eq!((scope.workspace_id(), scope.role()), (acme.id, Role::Owner));
    assert_eq!(w.store.workspace(&scope).await.unwrap(), acme);
    assert_eq!(
        w.store.workspaces_of(w.ada).await.unwrap(),
        [(acme, Role::Owner)]
    );
}

pub async fn a_taken_slug_conflicts(db: &TestDatabase) {
    let w = world(db).await;
    w.store
        .create_workspace(
            &workspace("acme", 10),
            w.ada,
            &event_in_log(&(workspace("acme", 10)).id.to_string()),
        )
        .await
        .unwrap();
    let err = w
        .store
        .create_workspace(
            &workspace("acme", 11),
            w.bob,
            &event_in_log(&(workspace("acme", 11)).id.to_string()),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict(Conflict::Slug)), "{err}");
}

pub async fn outsiders_get_no_scope_whether_or_not_the_workspace_exists(db: &TestDatabase) {
    let w = world(db).await;
    w.store
        .create_workspace(
            &workspace("acme", 10),
            w.ada,
            &event_in_log(&(workspace("acme", 10)).id.to_string()),
        )
        .await
        .unwrap();
    assert_eq!(w.store.authorize(w.eve, "acme").await.unwrap(), None);
    assert_eq!(
        w.store.authorize(w.eve, "no-such-workspace").await.unwrap(),
        None
    );
}

pub async fn a_scope_reaches_only_its_own_workspace(db: &TestDatabase) {
    let w = world(db).await;
    w.store
        .create_workspace(
            &workspace("acme", 10),
            w.ada,
            &event_in_log(&(workspace("acme", 10)).id.to_string()),
        )
        .await
        .unwrap();
    w.store
        .create_workspace(
            &workspace("globex", 11),
            w.eve,
            &event_in_log(&(workspace("globex", 11)).id.to_string()),
        )
        .await
        .unwrap();
    let acme = w.store.authorize(w.ada, "acme").await.unwrap().unwrap();
    let members = w.store.members(&acme).await.unwrap();
    assert_eq!(
        members.iter().map(|m| m.user_id).collect::<Vec<_>>(),
        [w.ada]
    );
    // Eve is a member elsewhere, not here: acme's scope cannot change her membership.
    assert_eq!(
        w.store
            .set_member_role(&grant(&acme), w.eve, Role::Viewer, &event_in(&acme))
            .await
            .unwrap(),
        MemberChange::NotAMember
    );
    assert_eq!(
        w.store
            .remove_member(&grant(&acme), w.eve, &event_in(&acme))
            .await
            .unwrap(),
        MemberChange::NotAMember
    );
    let globex = w.store.authorize(w.eve, "globex").await.unwrap().unwrap();
    assert_eq!(globex.role(), Role::Owner);
    w.store
        .delete_workspace(&grant(&acme), &platform_event())
        .await
        .unwrap();
    assert!(
        w.store.workspace(&globex).await.is_ok(),
        "deleting one workspace leaves the other"
    );
}

pub async fn a_workspace_always_keeps_an_owner(db: &TestDatabase) {
    let w = world(db).await;
    w.store
        .create_workspace(
            &workspace("acme", 10),
            w.ada,
            &event_in_log(&(workspace("acme", 10)).id.to_string()),
        )
        .await
        .unwrap();
    let scope = w.store.authorize(w.ada, "acme").await.unwrap().unwrap();
    assert_eq!(
        w.store
            .set_member_role(&grant(&scope), w.ada, Role::Admin, &event_in(&scope))
            .await
            .unwrap(),
        MemberChange::LastOwner
    );
    assert_eq!(
        w.store
            .remove_member(&grant(&scope), w.ada, &event_in(&scope))
            .await
            .unwrap(),
        MemberChange::LastOwner
    );
    assert_eq!(
        w.store.member_role(&scope, w.ada).await.unwrap(),
        Some(Role::Owner)
    );
}

pub fn key(
    id: &str,
    created_by: UserId,
    scopes: Vec<palisade_core::Permission>,
) -> palisade_store::ApiKeyRecord {
    palisade_store::ApiKeyRecord {
        id: id.into(),
        name: "ci".into(),
        scopes,
        verifier: format!("verifier-{id}"),
        created_by,
        created_at: T0,
        expires_at: None,
        last_used_at: None,
    }
}

pub async fn a_key_acts_only_in_its_workspace_and_only_with_its_scopes(db: &TestDatabase) {
    use palisade_core::Permission;
    let w = world(db).await;
    w.store
        .create_workspace(
            &workspace("acme", 10),
            w.ada,
            &event_in_log(&(workspace("acme", 10)).id.to_string()),
        )
        .await
        .unwrap();
    w.store
        .create_workspace(
            &workspace("globex", 11),
            w.eve,
            &event_in_log(&(workspace("globex", 11)).id.to_string()),
        )
        .await
        .unwrap();
    let acme = w.store.authorize(w.ada, "acme").await.unwrap().unwrap();
    w.store
        .create_api_key(
            &grant(&acme),
            &key("k1", w.ada, vec![Permission::RecordsRead]),
            &event_in(&acme),
        )
        .await
        .unwrap();

    let granted = w.store.authorize_key("k1").await.unwrap().unwrap();
    assert_eq!(granted.scope.slug(), "acme");
    assert_eq!(granted.verifier, "verifier-k1");
    assert_eq!(granted.scope.key_id(), Some("k1"));
    assert!(granted.scope.allows(Permission::RecordsRead));
    assert!(
        !granted.scope.allows(Permission::RecordsWrite),
        "the owner may, the key may not"
    );
    assert_eq!(w.store.authorize_key("unknown").await.unwrap(), None);
    assert_eq!(w.store.api_keys(&acme).await.unwrap().len(), 1);
    let globex = w.store.authorize(w.eve, "globex").await.unwrap().unwrap();
    assert!(
        !w.store
            .revoke_api_key(&grant(&globex), "k1", T0, &event_in(&globex))
            .await
            .unwrap(),
        "another workspace cannot revoke it"
    );

    assert!(w
        .store
        .revoke_api_key(&grant(&acme), "k1", T0, &event_in(&acme))
        .await
        .unwrap());
    assert_eq!(w.store.authorize_key("k1").await.unwrap(), None);
    assert!(w.store.api_keys(&acme).await.unwrap().is_empty());
}

pub async fn keys_of_a_creator_can_be_revoked_together(db: &TestDatabase) {
    use palisade_core::Permission;
    let w = world(db).await;
    w.store
        .create_workspace(
            &workspace("acme", 10),
            w.ada,
            &event_in_log(&(workspace("acme", 10)).id.to_string()),
        )
        .await
        .unwrap();
    let acme = w.store.authorize(w.ada, "acme").await.unwrap().unwrap();
    for id in ["k1", "k2"] {
        w.store
            .create_api_key(
                &grant(&acme),
                &key(id, w.ada, vec![Permission::WorkspaceRead]),
                &event_in(&acme),
            )
            .await
            .unwrap();
    }
    let mut revoked = w
        .store
        .revoke_keys_created_by(&grant(&acme), w.ada, T0, &event_in(&acme))
        .await
        .unwrap();
    revoked.sort();
    assert_eq!(revoked, ["k1", "k2"]);
    assert_eq!(w.store.authorize_key("k2").await.unwrap(), None);
}
