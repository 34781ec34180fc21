//! The world each cross-tenant matrix call runs in: two workspaces with members of every
//! role, invitations, API keys of every kind, and tenant data, with what must never leak.

use crate::accounts::{account, Tokens};
use crate::helpers::{send, TestApp};
use palisade_service::mail::MailTransport;
use reqwest::Method;
use serde_json::{json, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caller {
    /// Owns another workspace, not this one.
    OtherTenant,
    /// Belongs to no workspace.
    Stranger,
    Owner,
    Admin,
    Member,
    Viewer,
    /// The owner, asking for a workspace that does not exist.
    OwnerOfNothing,
    /// An API key of the other workspace, with every scope its owner holds.
    ForeignKey,
    /// An API key of this workspace holding only `records:read`.
    NarrowKey,
    /// A revoked API key of this workspace.
    RevokedKey,
    /// An API key of this workspace's owner with every scope.
    OwnerKey,
}

/// The people, in the order of each row's status array.
pub const PEOPLE: [Caller; 7] = [
    Caller::OtherTenant,
    Caller::Stranger,
    Caller::Owner,
    Caller::Admin,
    Caller::Member,
    Caller::Viewer,
    Caller::OwnerOfNothing,
];
pub const KEYS: [Caller; 4] = [
    Caller::ForeignKey,
    Caller::NarrowKey,
    Caller::RevokedKey,
    Caller::OwnerKey,
];

pub const ALL_SCOPES: [&str; 12] = [
    "workspace:read",
    "records:read",
    "records:write",
    "collections:manage",
    "members:manage",
    "keys:manage",
    "secrets:manage",
    "webhooks:manage",
    "audit:read",
    "settings:admin",
    "workspace:export",
    "workspace:delete",
];

pub struct World {
    pub credentials: Vec<(Caller, String)>,
    pub owner: Tokens,
    pub other: Tokens,
    pub viewer_id: String,
    pub invitation_id: String,
    pub spare_key_id: String,
    pub record_id: String,
    pub support_grant_id: String,
    pub webhook_id: String,
    /// A message queued for acme's endpoint.
    pub message_id: String,
    /// Strings that must never appear in an outsider's response.
    pub secrets: Vec<String>,
    /// Strings of the other workspace that must never appear in any response about acme.
    pub foreign: Vec<String>,
}

async fn make_key(app: &TestApp, access: &str, slug: &str, scopes: &[&str]) -> (String, String) {
    let path = format!("/v1/workspaces/{slug}/api-keys");
    let created = send(
        app,
        Method::POST,
        &path,
        access,
        Some(json!({"name": "k", "scopes": scopes})),
    )
    .await;
    assert_eq!(created.status(), 201);
    let body: Value = created.json().await.unwrap();
    (
        body["id"].as_str().unwrap().to_owned(),
        body["secret"].as_str().unwrap().to_owned(),
    )
}

fn invitation_token(app: &TestApp, address: &str) -> String {
    let mailbox = app.data_dir.path().join("data/mailbox");
    std::fs::read_dir(mailbox)
        .unwrap()
        .map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap())
        .filter(|text| text.contains(&format!("To: {address}")))
        .find_map(|text| {
            text.lines()
                .map(str::trim)
                .find(|l| l.starts_with("palinv_"))
                .map(str::to_owned)
        })
        .unwrap()
}

pub async fn world(app: &TestApp, n: usize) -> World {
    let email = |who: &str| format!("{who}{n}@example.com");
    let owner = account(app, &email("owner")).await;
    let other = account(app, &email("other")).await;
    let stranger = account(app, &email("stranger")).await;
    let acme = send(
        app,
        Method::POST,
        "/v1/workspaces",
        &owner.access,
        Some(json!({"slug": "acme", "name": "Acme"})),
    )
    .await;
    let acme = acme.json::<Value>().await.unwrap();
    let acme_id = acme["id"]
        .as_str()
        .unwrap_or_else(|| panic!("world {n}: acme not created: {acme}"))
        .to_owned();
    send(
        app,
        Method::POST,
        "/v1/workspaces",
        &other.access,
        Some(json!({"slug": "globex", "name": "Globex"})),
    )
    .await;
    let mut credentials = vec![
        (Caller::OtherTenant, other.access.clone()),
        (Caller::Stranger, stranger.access.clone()),
        (Caller::Owner, owner.access.clone()),
        (Caller::OwnerOfNothing, owner.access.clone()),
    ];
    let mut viewer_id = String::new();
    for (caller, role) in [
        (Caller::Admin, "admin"),
        (Caller::Member, "member"),
        (Caller::Viewer, "viewer"),
    ] {
        let address = email(role);
        let invitation = json!({"email": address, "role": role});
        send(
            app,
            Method::POST,
            "/v1/workspaces/acme/invitations",
            &owner.access,
            Some(invitation),
        )
        .await;
        app.state
            .platform()
            .mail
            .deliver_due(&MailTransport::Mailbox(
                app.data_dir.path().join("data/mailbox"),
            ))
            .await
            .unwrap();
        let token = invitation_token(app, &address);
        let joined = account(app, &address).await;
        let accepted = send(
            app,
            Method::POST,
            "/v1/invitations/accept",
            &joined.access,
            Some(json!({"token": token})),
        )
        .await;
        assert_eq!(accepted.status(), 200);
        if caller == Caller::Viewer {
            viewer_id = crate::accounts::jwt_part(&joined.access, 1)["sub"]
                .as_str()
                .unwrap()
                .to_owned();
        }
        credentials.push((caller, joined.access));
    }
    let pending = json!({"email": email("pending"), "role": "viewer"});
    let pending = send(
        app,
        Method::POST,
        "/v1/workspaces/acme/invitations",
        &owner.access,
        Some(pending),
    )
    .await;
    let invitation_id = pending.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let (record_id, globex_record_id) = tenant_data(app, &owner.access, &other.access).await;
    let (_, foreign) = make_key(app, &other.access, "globex", &ALL_SCOPES).await;
    let (_, narrow) = make_key(app, &owner.access, "acme", &["records:read"]).await;
    let (revoked_id, revoked) = make_key(app, &owner.access, "acme", &ALL_SCOPES).await;
    let revoke = format!("/v1/workspaces/acme/api-keys/{revoked_id}");
    assert_eq!(
        send(app, Method::DELETE, &revoke, &owner.access, None)
            .await
            .status(),
        204
    );
    let (_, full) = make_key(app, &owner.access, "acme", &ALL_SCOPES).await;
    let (spare_key_id, _) = make_key(app, &owner.access, "acme", &["workspace:read"]).await;
    let support = send(
        app,
        Method::POST,
        "/v1/workspaces/acme/support-access",
        &owner.access,
        Some(json!({"duration_hours": 2, "reason": "ticket 1"})),
    )
    .await;
    assert_eq!(support.status(), 201);
    let support_grant_id = support.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (webhook_id, webhook_secret, message_id) = webhook(app, &owner.access, "acme").await;
    let (globex_webhook_id, globex_webhook_secret, _) = webhook(app, &other.access, "globex").await;
    credentials.extend([
        (Caller::ForeignKey, foreign),
        (Caller::NarrowKey, narrow),
        (Caller::RevokedKey, revoked),
        (Caller::OwnerKey, full),
    ]);
    let secrets = vec![
        acme_id,
        email("admin"),
        email("member"),
        email("viewer"),
        email("pending"),
        invitation_id.clone(),
        spare_key_id.clone(),
        record_id.clone(),
        support_grant_id.clone(),
        webhook_id.clone(),
        ACME_PAYLOAD.to_owned(),
    ];
    World {
        credentials,
        owner,
        other,
        viewer_id,
        invitation_id,
        spare_key_id,
        record_id,
        support_grant_id,
        webhook_id,
        message_id,
        secrets,
        // Secret values are write-only: no response to anyone ever shows one.
        foreign: vec![
            globex_record_id,
            GLOBEX_PAYLOAD.to_owned(),
            secret_value("acme"),
            secret_value("globex"),
            globex_webhook_id,
            webhook_secret,
            globex_webhook_secret,
        ],
    }
}

/// Text in acme's record that no outsider may ever see.
const ACME_PAYLOAD: &str = "acme-confidential-payload";
/// Text in globex's record that nobody calling about acme may see.
const GLOBEX_PAYLOAD: &str = "globex-confidential-payload";

fn secret_value(slug: &str) -> String {
    format!("{slug}-vault-value-never-shown")
}

/// A `notes` collection with one record, and a `notes` secret, in each workspace; returns
/// the two record ids.
async fn tenant_data(app: &TestApp, acme_owner: &str, globex_owner: &str) -> (String, String) {
    let mut ids = Vec::new();
    for (slug, owner, payload) in [
        ("acme", acme_owner, ACME_PAYLOAD),
        ("globex", globex_owner, GLOBEX_PAYLOAD),
    ] {
        let collections = format!("/v1/workspaces/{slug}/collections");
        let schema = json!({"name": "notes", "schema": {"type": "object"}});
        let created = send(app, Method::POST, &collections, owner, Some(schema)).await;
        assert_eq!(created.status(), 201);
        let records = format!("{collections}/notes/records");
        let record = send(
            app,
            Method::POST,
            &records,
            owner,
            Some(json!({"body": payload})),
        )
        .await;
        assert_eq!(record.status(), 201);
        let secret = format!("/v1/workspaces/{slug}/secrets/notes");
        let value = json!({"value": secret_value(slug)});
        let stored = send(app, Method::PUT, &secret, owner, Some(value)).await;
        assert_eq!(stored.status(), 201);
        let record: Value = record.json().await.unwrap();
        ids.push(record["id"].as_str().unwrap().to_owned());
    }
    (ids.remove(0), ids.remove(0))
}

/// Where the worlds' webhooks point: a name that resolves to a loopback port nothing listens
/// on, allowed for these tests only, so deliveries fail at once and stay on this machine.
pub const HOOK_URL: &str = "https://hooks.example:9/h";

pub fn tenancy_options() -> crate::helpers::AppOptions {
    let loopback: std::net::IpAddr = "127.0.0.1".parse().unwrap();
    crate::accounts::auth_options()
        .resolver(palisade_egress::StaticResolver::new().with("hooks.example", [loopback]))
        .reach(std::net::SocketAddr::new(loopback, 9))
}

/// An endpoint of `slug` and a test message for it: its id, its secret and the message id.
async fn webhook(app: &TestApp, access: &str, slug: &str) -> (String, String, String) {
    let created = send(
        app,
        Method::POST,
        &format!("/v1/workspaces/{slug}/webhooks"),
        access,
        Some(json!({"url": HOOK_URL, "events": ["record.created"]})),
    )
    .await;
    assert_eq!(created.status(), 201);
    let created: Value = created.json().await.unwrap();
    let id = created["id"].as_str().unwrap().to_owned();
    let secret = created["secret"].as_str().unwrap().to_owned();
    let sent = send(
        app,
        Method::POST,
        &format!("/v1/workspaces/{slug}/webhooks/{id}/test"),
        access,
        None,
    )
    .await;
    assert_eq!(sent.status(), 202);
    let message = sent.json::<Value>().await.unwrap()["message_id"]
        .as_str()
        .unwrap()
        .to_owned();
    (id, secret, message)
}
