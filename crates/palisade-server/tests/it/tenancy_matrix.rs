//! The cross-tenant matrix: every operation under `/v1/workspaces/{ws}` (enumerated from the
//! OpenAPI document, so a new route must join the table) called as every kind of caller,
//! people and API keys, asserting the exact status and that nothing leaks to outsiders.

use crate::helpers::{on_both_backends, send};
use crate::tenancy_world::{tenancy_options, world, Caller, HOOK_URL, KEYS, PEOPLE};
use reqwest::Method;
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// (method, OpenAPI path, body, status for each of `PEOPLE`, status for the narrow key).
type Row = (Method, &'static str, Option<Value>, [u16; 7], u16);

/// `{user_id}` is the viewer, `{name}` the `notes` collection, `{id}` its record, a pending
/// invitation or a spare key of the workspace, as the path says.
fn matrix() -> Vec<Row> {
    let deny_all = [403, 403];
    let people = |[owner, admin, member, viewer]: [u16; 4]| {
        [deny_all[0], deny_all[1], owner, admin, member, viewer, 403]
    };
    // The narrow key holds `records:read` only: it is refused unless the route needs no more.
    let row = |method, path, body, statuses: [u16; 4]| -> Row {
        (method, path, body, people(statuses), 403)
    };
    let read = |path, statuses: [u16; 4]| -> Row {
        (Method::GET, path, None, people(statuses), statuses[3])
    };
    let collection = "/v1/workspaces/{ws}/collections/{name}";
    let record = "/v1/workspaces/{ws}/collections/{name}/records/{id}";
    let records = "/v1/workspaces/{ws}/collections/{name}/records";
    vec![
        row(
            Method::POST,
            "/v1/workspaces/{ws}/collections",
            Some(json!({"name": "tasks"})),
            [201, 201, 403, 403],
        ),
        read("/v1/workspaces/{ws}/collections", [200, 200, 200, 200]),
        read(collection, [200, 200, 200, 200]),
        row(
            Method::PATCH,
            collection,
            Some(json!({"schema": {"type": "object"}})),
            [200, 200, 403, 403],
        ),
        row(Method::DELETE, collection, None, [204, 204, 403, 403]),
        row(
            Method::POST,
            records,
            Some(json!({"title": "new"})),
            [201, 201, 201, 403],
        ),
        read(records, [200, 200, 200, 200]),
        read(record, [200, 200, 200, 200]),
        row(
            Method::PUT,
            record,
            Some(json!({"title": "replaced"})),
            [200, 200, 200, 403],
        ),
        row(
            Method::PATCH,
            record,
            Some(json!({"title": "patched"})),
            [200, 200, 200, 403],
        ),
        row(Method::DELETE, record, None, [204, 204, 204, 403]),
        row(
            Method::GET,
            "/v1/workspaces/{ws}",
            None,
            [200, 200, 200, 200],
        ),
        row(
            Method::PATCH,
            "/v1/workspaces/{ws}",
            Some(json!({"name": "Renamed"})),
            [200, 200, 403, 403],
        ),
        row(
            Method::DELETE,
            "/v1/workspaces/{ws}",
            None,
            [204, 403, 403, 403],
        ),
        row(
            Method::GET,
            "/v1/workspaces/{ws}/export",
            None,
            [200, 403, 403, 403],
        ),
        row(
            Method::GET,
            "/v1/workspaces/{ws}/members",
            None,
            [200, 200, 200, 200],
        ),
        row(
            Method::PATCH,
            "/v1/workspaces/{ws}/members/{user_id}",
            Some(json!({"role": "member"})),
            [204, 204, 403, 403],
        ),
        row(
            Method::DELETE,
            "/v1/workspaces/{ws}/members/{user_id}",
            None,
            [204, 204, 403, 403],
        ),
        row(
            Method::POST,
            "/v1/workspaces/{ws}/invitations",
            Some(json!({"email": "new@example.com", "role": "viewer"})),
            [201, 201, 403, 403],
        ),
        row(
            Method::GET,
            "/v1/workspaces/{ws}/invitations",
            None,
            [200, 200, 403, 403],
        ),
        row(
            Method::DELETE,
            "/v1/workspaces/{ws}/invitations/{id}",
            None,
            [204, 204, 403, 403],
        ),
        row(
            Method::POST,
            "/v1/workspaces/{ws}/api-keys",
            Some(json!({"name": "ci", "scopes": ["workspace:read"]})),
            [201, 201, 403, 403],
        ),
        row(
            Method::GET,
            "/v1/workspaces/{ws}/api-keys",
            None,
            [200, 200, 403, 403],
        ),
        row(
            Method::DELETE,
            "/v1/workspaces/{ws}/api-keys/{id}",
            None,
            [204, 204, 403, 403],
        ),
        row(
            Method::GET,
            "/v1/workspaces/{ws}/secrets",
            None,
            [200, 200, 403, 403],
        ),
        row(
            Method::PUT,
            "/v1/workspaces/{ws}/secrets/{name}",
            Some(json!({"value": "replacement-value"})),
            [200, 200, 403, 403],
        ),
        row(
            Method::GET,
            "/v1/workspaces/{ws}/secrets/{name}",
            None,
            [200, 200, 403, 403],
        ),
        row(
            Method::DELETE,
            "/v1/workspaces/{ws}/secrets/{name}",
            None,
            [204, 204, 403, 403],
        ),
        row(
            Method::GET,
            "/v1/workspaces/{ws}/audit-events",
            None,
            [200, 200, 403, 403],
        ),
        row(
            Method::GET,
            "/v1/workspaces/{ws}/audit-events/export",
            None,
            [200, 200, 403, 403],
        ),
        row(
            Method::GET,
            "/v1/workspaces/{ws}/audit/verify",
            None,
            [200, 200, 403, 403],
        ),
        row(
            Method::POST,
            SUPPORT,
            Some(json!({"duration_hours": 4, "reason": "ticket 2"})),
            [201, 403, 403, 403],
        ),
        row(Method::GET, SUPPORT, None, [200, 403, 403, 403]),
        row(
            Method::POST,
            WEBHOOKS,
            Some(json!({"url": HOOK_URL, "events": ["record.deleted"]})),
            [201, 201, 403, 403],
        ),
        row(Method::GET, WEBHOOKS, None, [200, 200, 403, 403]),
        row(Method::GET, WEBHOOK, None, [200, 200, 403, 403]),
        row(
            Method::PATCH,
            WEBHOOK,
            Some(json!({"description": "renamed"})),
            [200, 200, 403, 403],
        ),
        row(Method::DELETE, WEBHOOK, None, [204, 204, 403, 403]),
        row(
            Method::POST,
            "/v1/workspaces/{ws}/webhooks/{id}/rotate-secret",
            None,
            [200, 200, 403, 403],
        ),
        row(
            Method::POST,
            "/v1/workspaces/{ws}/webhooks/{id}/test",
            None,
            [202, 202, 403, 403],
        ),
        row(
            Method::GET,
            "/v1/workspaces/{ws}/webhooks/{id}/deliveries",
            None,
            [200, 200, 403, 403],
        ),
        row(
            Method::POST,
            "/v1/workspaces/{ws}/webhooks/{id}/messages/{message_id}/redeliver",
            None,
            [202, 202, 403, 403],
        ),
        row(
            Method::DELETE,
            "/v1/workspaces/{ws}/support-access/{id}",
            None,
            [204, 403, 403, 403],
        ),
    ]
}

const SUPPORT: &str = "/v1/workspaces/{ws}/support-access";
const WEBHOOKS: &str = "/v1/workspaces/{ws}/webhooks";
const WEBHOOK: &str = "/v1/workspaces/{ws}/webhooks/{id}";
const MISSING_WEBHOOK: &str = "/v1/workspaces/acme/webhooks/whk_01jd0000000000000000000000";

/// Keys answer as the table says: foreign keys 403, narrow keys as their column, revoked
/// keys 401, the owner's full key like the owner.
fn expected_for(caller: Caller, template: &str, people: [u16; 7], narrow: u16) -> u16 {
    match caller {
        Caller::ForeignKey => 403,
        Caller::NarrowKey => narrow,
        Caller::RevokedKey => 401,
        // Support access is a person's decision: no key holds `support:grant`.
        Caller::OwnerKey if template.starts_with(SUPPORT) => 403,
        Caller::OwnerKey => people[2],
        person => people[PEOPLE.iter().position(|c| *c == person).unwrap()],
    }
}

const MISSING_RECORD: &str =
    "/v1/workspaces/acme/collections/notes/records/rec_01jd0000000000000000000000";

/// Inside the workspace, ids that do not exist are 404 for whoever may act on them.
fn missing_ids() -> Vec<(Method, &'static str, Option<Value>)> {
    vec![
        (
            Method::PATCH,
            "/v1/workspaces/acme/members/usr_01jd0000000000000000000000",
            Some(json!({"role": "member"})),
        ),
        (
            Method::DELETE,
            "/v1/workspaces/acme/members/usr_01jd0000000000000000000000",
            None,
        ),
        (
            Method::DELETE,
            "/v1/workspaces/acme/invitations/inv_01jd0000000000000000000000",
            None,
        ),
        (
            Method::DELETE,
            "/v1/workspaces/acme/api-keys/01jd0000000000000000000000",
            None,
        ),
        (Method::GET, "/v1/workspaces/acme/collections/nowhere", None),
        (
            Method::PATCH,
            "/v1/workspaces/acme/collections/nowhere",
            Some(json!({"schema": null})),
        ),
        (
            Method::DELETE,
            "/v1/workspaces/acme/collections/nowhere",
            None,
        ),
        (
            Method::GET,
            "/v1/workspaces/acme/collections/nowhere/records",
            None,
        ),
        (
            Method::POST,
            "/v1/workspaces/acme/collections/nowhere/records",
            Some(json!({})),
        ),
        (Method::GET, "/v1/workspaces/acme/secrets/nowhere", None),
        (
            Method::DELETE,
            "/v1/workspaces/acme/support-access/sup_01jd0000000000000000000000",
            None,
        ),
        (Method::DELETE, "/v1/workspaces/acme/secrets/nowhere", None),
        (Method::GET, MISSING_WEBHOOK, None),
        (
            Method::PATCH,
            MISSING_WEBHOOK,
            Some(json!({"description": "x"})),
        ),
        (Method::DELETE, MISSING_WEBHOOK, None),
        (
            Method::POST,
            "/v1/workspaces/acme/webhooks/whk_01jd0000000000000000000000/rotate-secret",
            None,
        ),
        (
            Method::POST,
            "/v1/workspaces/acme/webhooks/whk_01jd0000000000000000000000/test",
            None,
        ),
        (
            Method::GET,
            "/v1/workspaces/acme/webhooks/whk_01jd0000000000000000000000/deliveries",
            None,
        ),
        (Method::GET, MISSING_RECORD, None),
        (Method::PUT, MISSING_RECORD, Some(json!({}))),
        (Method::PATCH, MISSING_RECORD, Some(json!({}))),
        (Method::DELETE, MISSING_RECORD, None),
    ]
}

#[tokio::test]
async fn every_workspace_route_is_in_the_matrix() {
    let app = crate::helpers::spawn_app().await;
    let doc: Value = app.get("/openapi.json").await.json().await.unwrap();
    let mut documented = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        if path.starts_with("/v1/workspaces/{ws}") {
            for method in item.as_object().unwrap().keys() {
                documented.insert((method.to_uppercase(), path.clone()));
            }
        }
    }
    let covered: BTreeSet<(String, String)> = matrix()
        .into_iter()
        .map(|(method, path, _, _, _)| (method.to_string(), path.to_owned()))
        .collect();
    let missing: Vec<_> = documented.difference(&covered).collect();
    assert!(
        missing.is_empty(),
        "workspace routes missing from the cross-tenant matrix: {missing:?}"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn every_caller_gets_exactly_its_status_and_outsiders_see_nothing() {
    on_both_backends(tenancy_options, |app| async move {
        let mut n = 0;
        for (method, template, body, people, narrow) in matrix() {
            for caller in PEOPLE.into_iter().chain(KEYS) {
                n += 1;
                // A fresh world per call, so one caller's change cannot affect the next.
                let world = world(&app, n).await;
                let slug = if caller == Caller::OwnerOfNothing {
                    "no-such-workspace"
                } else {
                    "acme"
                };
                let id = if template.contains("api-keys") {
                    &world.spare_key_id
                } else if template.contains("support-access") {
                    &world.support_grant_id
                } else if template.contains("webhooks") {
                    &world.webhook_id
                } else if template.contains("records") {
                    &world.record_id
                } else {
                    &world.invitation_id
                };
                let path = template
                    .replace("{ws}", slug)
                    .replace("{name}", "notes")
                    .replace("{user_id}", &world.viewer_id)
                    .replace("{id}", id)
                    .replace("{message_id}", &world.message_id);
                let credential = &world
                    .credentials
                    .iter()
                    .find(|(c, _)| *c == caller)
                    .unwrap()
                    .1;
                let response = send(&app, method.clone(), &path, credential, body.clone()).await;
                let status = response.status().as_u16();
                let text = response.text().await.unwrap();
                assert_eq!(
                    status,
                    expected_for(caller, template, people, narrow),
                    "{caller:?} {method} {template}: {text}"
                );
                for foreign in &world.foreign {
                    assert!(
                        !text.contains(foreign.as_str()),
                        "{caller:?} {method} {template} showed globex's {foreign}"
                    );
                }
                let outsider = matches!(
                    caller,
                    Caller::OtherTenant
                        | Caller::Stranger
                        | Caller::OwnerOfNothing
                        | Caller::ForeignKey
                        | Caller::RevokedKey
                );
                if outsider {
                    for secret in &world.secrets {
                        assert!(
                            !text.contains(secret.as_str()),
                            "{caller:?} {method} {template} leaked {secret}"
                        );
                    }
                }
                // The slugs are reused by the next world (unless this call deleted them).
                for (slug, owner) in [("acme", &world.owner), ("globex", &world.other)] {
                    let path = format!("/v1/workspaces/{slug}");
                    let gone = send(&app, Method::DELETE, &path, &owner.access, None).await;
                    let status = gone.status().as_u16();
                    let text = gone.text().await.unwrap();
                    assert!(
                        status == 204 || status == 403,
                        "cleaning up {slug} after {caller:?} {method} {template}: {status} {text}"
                    );
                }
            }
        }
        app
    })
    .await;
}

#[tokio::test]
async fn inside_a_readable_workspace_missing_ids_are_404() {
    on_both_backends(tenancy_options, |app| async move {
        let world = world(&app, 0).await;
        for (method, path, body) in missing_ids() {
            let response = send(&app, method.clone(), path, &world.owner.access, body).await;
            assert_eq!(response.status(), 404, "{method} {path}");
        }
        app
    })
    .await;
}
