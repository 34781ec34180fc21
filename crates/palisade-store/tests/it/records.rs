//! Collections and records: every call is confined to its scope's workspace.

use crate::workspaces::{workspace, world, World, T0};
use crate::{event_in, event_in_log, grant, platform_event};
use palisade_core::{ManualClock, RecordId, SeededRng};
use palisade_store::testing::message;
use palisade_store::testing::TestDatabase;
use palisade_store::RecordUpdate;
use palisade_store::{
    CollectionRecord, Conflict, FieldValue, RecordQuery, RecordRow, StoreError, WorkspaceScope,
    WriteOutcome,
};
use time::Duration;

/// Ada owns `acme`, Bob owns `globex`; both have a `notes` collection.
pub async fn two_tenants(db: &TestDatabase) -> (World, WorkspaceScope, WorkspaceScope) {
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
            w.bob,
            &event_in_log(&(workspace("globex", 11)).id.to_string()),
        )
        .await
        .unwrap();
    let acme = w.store.authorize(w.ada, "acme").await.unwrap().unwrap();
    let globex = w.store.authorize(w.bob, "globex").await.unwrap().unwrap();
    for scope in [&acme, &globex] {
        w.store
            .create_collection(&grant(scope), &collection("notes", None), &event_in(scope))
            .await
            .unwrap();
    }
    (w, acme, globex)
}

fn collection(name: &str, json_schema: Option<&str>) -> CollectionRecord {
    CollectionRecord {
        name: name.into(),
        json_schema: json_schema.map(str::to_owned),
        created_at: T0,
        updated_at: T0,
    }
}

pub fn record(seed: u64, data: &str) -> RecordRow {
    let clock = ManualClock::starting_at(T0 + Duration::milliseconds(seed as i64));
    RecordRow {
        id: RecordId::generate(&clock, &SeededRng::new(seed)),
        collection: "notes".into(),
        data: data.into(),
        version: 1,
        created_at: T0,
        updated_at: T0,
    }
}

fn data_of(row: &RecordRow) -> serde_json::Value {
    serde_json::from_str(&row.data).unwrap()
}

pub async fn collections_are_listed_per_workspace_and_a_taken_name_conflicts(db: &TestDatabase) {
    let (w, acme, globex) = two_tenants(db).await;
    w.store
        .create_collection(
            &grant(&acme),
            &collection("tasks", Some(r#"{"type":"object"}"#)),
            &event_in(&acme),
        )
        .await
        .unwrap();
    let again = w
        .store
        .create_collection(&grant(&acme), &collection("tasks", None), &event_in(&acme))
        .await;
    assert!(matches!(
        again,
        Err(StoreError::Conflict(Conflict::CollectionName))
    ));
    let names = |list: Vec<CollectionRecord>| list.into_iter().map(|c| c.name).collect::<Vec<_>>();
    assert_eq!(
        names(w.store.collections(&acme).await.unwrap()),
        ["notes", "tasks"]
    );
    assert_eq!(
        names(w.store.collections(&globex).await.unwrap()),
        ["notes"]
    );
    assert_eq!(w.store.collection(&globex, "tasks").await.unwrap(), None);
    let tasks = w.store.collection(&acme, "tasks").await.unwrap().unwrap();
    assert_eq!(tasks.json_schema.as_deref(), Some(r#"{"type":"object"}"#));
}

pub async fn a_collection_schema_can_be_set_and_cleared_only_in_its_workspace(db: &TestDatabase) {
    let (w, acme, globex) = two_tenants(db).await;
    let later = T0 + Duration::minutes(1);
    let schema = r#"{"required":["title"]}"#;
    assert!(w
        .store
        .set_collection_schema(
            &grant(&acme),
            "notes",
            Some(schema),
            later,
            &event_in(&acme)
        )
        .await
        .unwrap());
    let notes = w.store.collection(&acme, "notes").await.unwrap().unwrap();
    assert_eq!(notes.json_schema.as_deref(), Some(schema));
    assert_eq!(notes.updated_at, later);
    assert!(w
        .store
        .set_collection_schema(&grant(&acme), "notes", None, later, &event_in(&acme))
        .await
        .unwrap());
    assert_eq!(
        w.store
            .collection(&acme, "notes")
            .await
            .unwrap()
            .unwrap()
            .json_schema,
        None
    );
    assert!(!w
        .store
        .set_collection_schema(
            &grant(&globex),
            "missing",
            Some(schema),
            later,
            &event_in(&globex)
        )
        .await
        .unwrap());
    let theirs = w.store.collection(&globex, "notes").await.unwrap().unwrap();
    assert_eq!(theirs.json_schema, None);
}

pub async fn a_record_round_trips_and_is_invisible_from_another_workspace(db: &TestDatabase) {
    let (w, acme, globex) = two_tenants(db).await;
    let row = record(1, r#"{"title":"launch plan","n":1}"#);
    assert!(w
        .store
        .insert_record(&grant(&acme), &row, &message("record.created"))
        .await
        .unwrap());
    let read = w
        .store
        .record(&acme, "notes", row.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        data_of(&read),
        serde_json::json!({"title": "launch plan", "n": 1})
    );
    assert_eq!((read.id, read.version, read.created_at), (row.id, 1, T0));

    assert_eq!(
        w.store.record(&globex, "notes", row.id).await.unwrap(),
        None
    );
    let listed = w
        .store
        .list_records(
            &globex,
            "notes",
            &RecordQuery {
                limit: 50,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(listed.is_empty());
    let update = w
        .store
        .update_record(
            &grant(&globex),
            "notes",
            row.id,
            &RecordUpdate {
                data: r#"{"title":"pwned"}"#,
                expected_version: 1,
                now: T0,
                message: &message("record.updated"),
            },
        )
        .await
        .unwrap();
    assert_eq!(update, WriteOutcome::Missing);
    let delete = w
        .store
        .delete_record(
            &grant(&globex),
            "notes",
            row.id,
            None,
            &message("record.deleted"),
        )
        .await
        .unwrap();
    assert_eq!(delete, WriteOutcome::Missing);
    let still = w
        .store
        .record(&acme, "notes", row.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(data_of(&still)["title"], "launch plan");
}

pub async fn a_record_for_a_missing_collection_is_not_written(db: &TestDatabase) {
    let (w, acme, _) = two_tenants(db).await;
    let mut row = record(2, "{}");
    row.collection = "nowhere".into();
    assert!(!w
        .store
        .insert_record(&grant(&acme), &row, &message("record.created"))
        .await
        .unwrap());
    assert_eq!(
        w.store.record(&acme, "nowhere", row.id).await.unwrap(),
        None
    );
}

pub async fn an_update_needs_the_current_version_and_bumps_it(db: &TestDatabase) {
    let (w, acme, _) = two_tenants(db).await;
    let row = record(3, r#"{"title":"v1"}"#);
    w.store
        .insert_record(&grant(&acme), &row, &message("record.created"))
        .await
        .unwrap();
    let later = T0 + Duration::seconds(5);
    let written = w
        .store
        .update_record(
            &grant(&acme),
            "notes",
            row.id,
            &RecordUpdate {
                data: r#"{"title":"v2"}"#,
                expected_version: 1,
                now: later,
                message: &message("record.updated"),
            },
        )
        .await
        .unwrap();
    let WriteOutcome::Written(updated) = written else {
        panic!("expected the update to be written, got {written:?}");
    };
    assert_eq!(
        (updated.version, updated.updated_at, updated.created_at),
        (2, later, T0)
    );
    assert_eq!(data_of(&updated)["title"], "v2");
    let stale = w
        .store
        .update_record(
            &grant(&acme),
            "notes",
            row.id,
            &RecordUpdate {
                data: r#"{"title":"lost"}"#,
                expected_version: 1,
                now: later,
                message: &message("record.updated"),
            },
        )
        .await
        .unwrap();
    assert_eq!(stale, WriteOutcome::Stale);
    let read = w
        .store
        .record(&acme, "notes", row.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (read.version, data_of(&read)["title"].clone()),
        (2, "v2".into())
    );
}

pub async fn a_delete_honours_the_expected_version(db: &TestDatabase) {
    let (w, acme, _) = two_tenants(db).await;
    let row = record(4, "{}");
    w.store
        .insert_record(&grant(&acme), &row, &message("record.created"))
        .await
        .unwrap();
    let stale = w
        .store
        .delete_record(
            &grant(&acme),
            "notes",
            row.id,
            Some(7),
            &message("record.deleted"),
        )
        .await
        .unwrap();
    assert_eq!(stale, WriteOutcome::Stale);
    let done = w
        .store
        .delete_record(
            &grant(&acme),
            "notes",
            row.id,
            Some(1),
            &message("record.deleted"),
        )
        .await
        .unwrap();
    assert_eq!(done, WriteOutcome::Deleted);
    let again = w
        .store
        .delete_record(
            &grant(&acme),
            "notes",
            row.id,
            None,
            &message("record.deleted"),
        )
        .await
        .unwrap();
    assert_eq!(again, WriteOutcome::Missing);
}

pub async fn records_page_in_id_order_after_a_cursor(db: &TestDatabase) {
    let (w, acme, _) = two_tenants(db).await;
    let mut ids = Vec::new();
    for seed in 10..17 {
        let row = record(seed, &format!(r#"{{"n":{seed}}}"#));
        w.store
            .insert_record(&grant(&acme), &row, &message("record.created"))
            .await
            .unwrap();
        ids.push(row.id);
    }
    ids.sort_by_key(|id| id.to_string());
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let query = RecordQuery {
            after,
            limit: 3,
            filters: Vec::new(),
        };
        let page = w.store.list_records(&acme, "notes", &query).await.unwrap();
        seen.extend(page.iter().map(|r| r.id));
        if page.len() < 3 {
            break;
        }
        after = page.last().map(|r| r.id);
    }
    assert_eq!(seen, ids);
}

pub async fn equality_filters_compare_typed_top_level_values(db: &TestDatabase) {
    let (w, acme, globex) = two_tenants(db).await;
    let docs = [
        r#"{"status":"open","n":1,"done":false,"owner":null}"#,
        r#"{"status":"closed","n":1.0,"done":true}"#,
        r#"{"status":"1","n":2,"nested":{"status":"open"}}"#,
        r#"{"status":"café \"quoted\""}"#,
    ];
    for (seed, doc) in docs.iter().enumerate() {
        w.store
            .insert_record(
                &grant(&acme),
                &record(20 + seed as u64, doc),
                &message("record.created"),
            )
            .await
            .unwrap();
    }
    w.store
        .insert_record(
            &grant(&globex),
            &record(30, r#"{"status":"open"}"#),
            &message("record.created"),
        )
        .await
        .unwrap();
    let matching = |field: &str, value: FieldValue| {
        let query = RecordQuery {
            after: None,
            limit: 50,
            filters: vec![(field.to_owned(), value)],
        };
        let store = w.store.clone();
        let acme = acme.clone();
        async move {
            let mut found: Vec<String> = store
                .list_records(&acme, "notes", &query)
                .await
                .unwrap()
                .iter()
                .map(|r| data_of(r)["status"].as_str().unwrap().to_owned())
                .collect();
            found.sort();
            found
        }
    };
    assert_eq!(
        matching("status", FieldValue::Text("open".into())).await,
        ["open"]
    );
    assert_eq!(
        matching("n", FieldValue::Integer(1)).await,
        ["closed", "open"]
    );
    assert_eq!(matching("n", FieldValue::Float(2.0)).await, ["1"]);
    assert_eq!(
        matching("status", FieldValue::Integer(1)).await,
        Vec::<String>::new()
    );
    assert_eq!(
        matching("status", FieldValue::Text("1".into())).await,
        ["1"]
    );
    assert_eq!(matching("done", FieldValue::Bool(true)).await, ["closed"]);
    assert_eq!(matching("owner", FieldValue::Null).await, ["open"]);
    assert_eq!(
        matching("missing", FieldValue::Null).await,
        Vec::<String>::new()
    );
    assert_eq!(
        matching("status", FieldValue::Text("café \"quoted\"".into())).await,
        ["café \"quoted\""]
    );
    let both = RecordQuery {
        after: None,
        limit: 50,
        filters: vec![
            ("n".into(), FieldValue::Integer(1)),
            ("done".into(), FieldValue::Bool(false)),
        ],
    };
    assert_eq!(
        w.store
            .list_records(&acme, "notes", &both)
            .await
            .unwrap()
            .len(),
        1
    );
}

pub async fn deleting_a_collection_deletes_its_records(db: &TestDatabase) {
    let (w, acme, globex) = two_tenants(db).await;
    let row = record(40, "{}");
    w.store
        .insert_record(&grant(&acme), &row, &message("record.created"))
        .await
        .unwrap();
    assert!(!w
        .store
        .delete_collection(&grant(&globex), "tasks", &event_in(&globex))
        .await
        .unwrap());
    assert!(w
        .store
        .delete_collection(&grant(&acme), "notes", &event_in(&acme))
        .await
        .unwrap());
    assert_eq!(w.store.collection(&acme, "notes").await.unwrap(), None);
    w.store
        .create_collection(&grant(&acme), &collection("notes", None), &event_in(&acme))
        .await
        .unwrap();
    assert_eq!(w.store.record(&acme, "notes", row.id).await.unwrap(), None);
    assert!(w
        .store
        .collection(&globex, "notes")
        .await
        .unwrap()
        .is_some());
}

pub async fn deleting_a_workspace_purges_its_tenant_data(db: &TestDatabase) {
    let (w, acme, _) = two_tenants(db).await;
    let row = record(50, r#"{"secret":"acme only"}"#);
    w.store
        .insert_record(&grant(&acme), &row, &message("record.created"))
        .await
        .unwrap();
    w.store
        .delete_workspace(&grant(&acme), &platform_event())
        .await
        .unwrap();
    w.store
        .create_workspace(
            &workspace("acme", 10),
            w.ada,
            &event_in_log(&(workspace("acme", 10)).id.to_string()),
        )
        .await
        .unwrap();
    let reborn = w.store.authorize(w.ada, "acme").await.unwrap().unwrap();
    assert!(w.store.collections(&reborn).await.unwrap().is_empty());
    w.store
        .create_collection(
            &grant(&reborn),
            &collection("notes", None),
            &event_in(&reborn),
        )
        .await
        .unwrap();
    assert_eq!(
        w.store.record(&reborn, "notes", row.id).await.unwrap(),
        None
    );
}
