use crate::process::{palisade, run};
use palisade_crypto::scram;
use palisade_store::testing::TestDatabase;

#[tokio::test]
async fn help_lists_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let mut command = palisade(dir.path());
    command.arg("--help");
    let help = run(command).await;
    assert!(help.status.success());
    for word in ["serve", "migrate", "config", "PALISADE_"] {
        assert!(
            help.stdout.contains(word),
            "--help lacks {word}:\n{}",
            help.stdout
        );
    }
}

#[tokio::test]
async fn each_subcommand_explains_itself() {
    let dir = tempfile::tempdir().unwrap();
    for (args, expected) in [
        (vec!["serve", "--help"], "--tls-self-signed"),
        (vec!["migrate", "--help"], "migrations"),
        (vec!["config", "--help"], "check"),
        (vec!["config", "check", "--help"], "masked"),
        (vec!["audit", "verify", "--help"], "--export"),
    ] {
        let mut command = palisade(dir.path());
        command.args(&args);
        let help = run(command).await;
        assert!(help.status.success(), "{args:?}");
        assert!(
            help.stdout.contains(expected),
            "{args:?} lacks {expected}:\n{}",
            help.stdout
        );
    }
}

#[tokio::test]
async fn config_check_prints_the_effective_configuration_with_secrets_masked() {
    let dir = tempfile::tempdir().unwrap();
    let mut command = palisade(dir.path());
    command.args(["config", "check"]).env(
        "PALISADE_DATABASE_URL",
        "postgres://app:hunter2-pw@db.internal/palisade",
    );
    let check = run(command).await;
    assert!(check.status.success(), "{}", check.stderr);
    assert!(
        check
            .stdout
            .contains("postgres://app:****@db.internal/palisade"),
        "{}",
        check.stdout
    );
    assert!(
        check.stdout.contains("PALISADE_DATABASE_URL"),
        "{}",
        check.stdout
    );
    assert!(!check.stdout.contains("hunter2") && !check.stderr.contains("hunter2"));
}

#[tokio::test]
async fn config_check_fails_naming_the_bad_key() {
    let dir = tempfile::tempdir().unwrap();
    let mut command = palisade(dir.path());
    command
        .args(["config", "check"])
        .env("PALISADE_REQUEST_TIMEOUT_SECS", "0");
    let check = run(command).await;
    assert!(!check.status.success());
    assert!(
        check.stderr.contains("request_timeout_secs"),
        "{}",
        check.stderr
    );
}

async fn migrate_twice(database_url: &str, dir: &std::path::Path) {
    let mut first = palisade(dir);
    first
        .arg("migrate")
        .env("PALISADE_DATABASE_URL", database_url);
    let first = run(first).await;
    assert!(first.status.success(), "{}", first.stderr);
    assert!(
        first.stdout.contains("applied migrations"),
        "{}",
        first.stdout
    );

    let mut second = palisade(dir);
    second
        .arg("migrate")
        .env("PALISADE_DATABASE_URL", database_url);
    let second = run(second).await;
    assert!(second.status.success(), "{}", second.stderr);
    assert!(second.stdout.contains("is up to date"), "{}", second.stdout);
}

#[tokio::test]
async fn migrate_applies_pending_migrations_on_sqlite() {
    let db = TestDatabase::sqlite();
    let dir = tempfile::tempdir().unwrap();
    migrate_twice(db.url(), dir.path()).await;
}

#[tokio::test]
async fn migrate_applies_pending_migrations_on_postgres() {
    let Some(db) = TestDatabase::postgres().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    migrate_twice(db.url(), dir.path()).await;
    db.cleanup().await;
}

#[tokio::test]
async fn migrate_on_postgres_creates_a_least_privilege_application_role() {
    use sqlx::{Connection, Row};
    let Some(db) = TestDatabase::postgres().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let role = "palisade_app_cli_test";
    let mut command = palisade(dir.path());
    command
        .arg("migrate")
        .env("PALISADE_DATABASE_URL", db.url())
        .env("PALISADE_DATABASE_APP_ROLE", role);
    let migrated = run(command).await;
    assert!(migrated.status.success(), "{}", migrated.stderr);
    let mut owner = sqlx::PgConnection::connect(db.url()).await.unwrap();
    let row = sqlx::query(
        "SELECT rolcanlogin, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb, \
         rolpassword, rolpassword LIKE 'SCRAM-SHA-256$%' AS has_password, \
         has_table_privilege(rolname, 'records', 'SELECT,INSERT,UPDATE,DELETE') AS uses_records, \
         has_table_privilege(rolname, '_sqlx_migrations', 'INSERT') AS writes_migrations, \
         has_schema_privilege(rolname, current_schema(), 'CREATE') AS creates_tables, \
         (SELECT tableowner FROM pg_tables WHERE tablename = 'records' \
            AND schemaname = current_schema()) = rolname AS owns_records \
         FROM pg_authid WHERE rolname = $1",
    )
    .bind(role)
    .fetch_one(&mut owner)
    .await
    .unwrap();
    let flag = |name: &str| row.get::<bool, _>(name);
    assert!(flag("rolcanlogin") && flag("has_password") && flag("uses_records"));
    assert_verifies_the_derived_password(
        &row.get::<String, _>("rolpassword"),
        &dir.path().join("palisade-data/master.key"),
        &mut owner,
    )
    .await;
    for refused in [
        "rolsuper",
        "rolbypassrls",
        "rolcreaterole",
        "rolcreatedb",
        "writes_migrations",
        "creates_tables",
        "owns_records",
    ] {
        assert!(!flag(refused), "the application role has {refused}");
    }
    db.cleanup().await;
}

#[tokio::test]
async fn admin_and_keys_commands_on_postgres_use_the_configured_application_role() {
    use sqlx::{Connection, Row};
    let Some(db) = TestDatabase::postgres().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let role = "palisade_app_cli_admin_test";
    for args in [
        &["admin", "access-code", "create"][..],
        &["keys", "rotate-signing"][..],
    ] {
        let mut command = palisade(dir.path());
        command
            .args(args)
            .env("PALISADE_DATABASE_URL", db.url())
            .env("PALISADE_DATABASE_APP_ROLE", role);
        let finished = run(command).await;
        assert!(finished.status.success(), "{args:?}: {}", finished.stderr);
    }
    let mut owner = sqlx::PgConnection::connect(db.url()).await.unwrap();
    let grantees: Vec<String> = sqlx::query(
        "SELECT DISTINCT grantee::text AS grantee FROM information_schema.role_table_grants \
         WHERE table_schema = current_schema() AND grantee <> current_user",
    )
    .fetch_all(&mut owner)
    .await
    .unwrap()
    .iter()
    .map(|row| row.get("grantee"))
    .collect();
    assert_eq!(
        grantees,
        [role],
        "only the configured role may be granted access"
    );
    let verifier: String = sqlx::query("SELECT rolpassword FROM pg_authid WHERE rolname = $1")
        .bind(role)
        .fetch_one(&mut owner)
        .await
        .unwrap()
        .get("rolpassword");
    assert_verifies_the_derived_password(
        &verifier,
        &dir.path().join("palisade-data/master.key"),
        &mut owner,
    )
    .await;
    db.cleanup().await;
}

/// The role's SCRAM verifier is one for the password every node derives from the vault's
/// root (which the master key unlocks), so the server can log in where PostgreSQL checks
/// passwords (trust auth here does not).
async fn assert_verifies_the_derived_password(
    rolpassword: &str,
    master_key: &std::path::Path,
    owner: &mut sqlx::PgConnection,
) {
    use base64::Engine;
    let salt = rolpassword.split(['$', ':']).nth(2).unwrap();
    let salt: [u8; scram::SALT_LEN] = base64::engine::general_purpose::STANDARD
        .decode(salt)
        .unwrap()
        .try_into()
        .unwrap();
    let root = crate::root::unlock_root(master_key, owner).await;
    let password = root.derive_password("database-app-role");
    let expected = scram::postgres_verifier(&password, &salt).unwrap();
    assert_eq!(secrecy::ExposeSecret::expose_secret(&expected), rolpassword);
}

#[tokio::test]
async fn serve_without_migrations_and_auto_migrate_off_says_what_to_run() {
    let db = TestDatabase::sqlite();
    let dir = tempfile::tempdir().unwrap();
    let mut command = palisade(dir.path());
    command
        .arg("serve")
        .env("PALISADE_DATABASE_URL", db.url())
        .env("PALISADE_AUTO_MIGRATE", "false");
    let refused = run(command).await;
    assert!(!refused.status.success());
    assert!(
        refused.stderr.contains("palisade migrate"),
        "{}",
        refused.stderr
    );
}

#[tokio::test]
async fn an_access_code_is_printed_once_and_lets_one_account_sign_up() {
    let dir = tempfile::tempdir().unwrap();
    let mut create = palisade(dir.path());
    create.args(["admin", "access-code", "create", "--max-uses", "1"]);
    let created = run(create).await;
    assert!(created.status.success(), "{}", created.stderr);
    let code = created.stdout.trim().to_owned();
    assert!(code.starts_with("palac_"), "{code}");

    let mut command = palisade(dir.path());
    command.env("PALISADE_AUTH__SIGNUP_POLICY", "access_code");
    let server = crate::process::Serving::start(command)
        .await
        .unwrap_or_else(|f| panic!("{}", f.stderr));
    let signup = |email: &str| {
        reqwest::Client::new()
            .post(format!("{}/v1/auth/signup", server.url))
            .json(&serde_json::json!({"email": email, "password": "violet-tundra-42-harbor", "access_code": code}))
            .send()
    };
    assert_eq!(signup("ada@example.com").await.unwrap().status(), 201);
    assert_eq!(signup("bob@example.com").await.unwrap().status(), 403);
    assert!(server.terminate().await.success());
}

#[tokio::test]
async fn rotating_the_signing_key_keeps_the_old_one_published() {
    let dir = tempfile::tempdir().unwrap();
    let first = crate::process::Serving::start(palisade(dir.path()))
        .await
        .unwrap_or_else(|f| panic!("{}", f.stderr));
    assert!(first.terminate().await.success());

    let mut rotate = palisade(dir.path());
    rotate.args(["keys", "rotate-signing"]);
    let rotated = run(rotate).await;
    assert!(rotated.status.success(), "{}", rotated.stderr);
    assert!(
        rotated.stdout.contains("new signing key kid_"),
        "{}",
        rotated.stdout
    );

    let server = crate::process::Serving::start(palisade(dir.path()))
        .await
        .unwrap_or_else(|f| panic!("{}", f.stderr));
    let jwks: serde_json::Value = server
        .get("/.well-known/jwks.json")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(jwks["keys"].as_array().unwrap().len(), 2, "{jwks}");
    assert!(server.terminate().await.success());
}

#[tokio::test]
async fn audit_verify_checks_the_logs_and_an_export_offline() {
    let dir = tempfile::tempdir().unwrap();
    let server = crate::process::Serving::start(palisade(dir.path()))
        .await
        .unwrap_or_else(|f| panic!("{}", f.stderr));
    let client = reqwest::Client::new();
    let post = |path: &str, token: Option<&str>, body: serde_json::Value| {
        let mut request = client.post(format!("{}{path}", server.url)).json(&body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send()
    };
    let account =
        serde_json::json!({"email": "ada@example.com", "password": "violet-tundra-42-harbor"});
    assert_eq!(
        post("/v1/auth/signup", None, account.clone())
            .await
            .unwrap()
            .status(),
        201
    );
    let tokens: serde_json::Value = post("/v1/auth/login", None, account)
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let access = tokens["access_token"].as_str().unwrap();
    let workspace = serde_json::json!({"slug": "acme", "name": "Acme"});
    assert_eq!(
        post("/v1/workspaces", Some(access), workspace)
            .await
            .unwrap()
            .status(),
        201
    );
    let collection = serde_json::json!({"name": "notes"});
    assert_eq!(
        post("/v1/workspaces/acme/collections", Some(access), collection)
            .await
            .unwrap()
            .status(),
        201
    );
    let get = |path: &str| {
        client
            .get(format!("{}{path}", server.url))
            .bearer_auth(access)
            .send()
    };
    let export = get("/v1/workspaces/acme/audit-events/export")
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let keys = get("/.well-known/palisade-audit-keys.json")
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(server.terminate().await.success());
    std::fs::write(dir.path().join("acme.jsonl"), &export).unwrap();
    std::fs::write(dir.path().join("keys.json"), &keys).unwrap();
    std::fs::write(
        dir.path().join("edited.jsonl"),
        export.replacen("collection.created", "collection.deleted", 1),
    )
    .unwrap();

    let verify = |args: &[&str]| {
        let mut command = palisade(dir.path());
        command.args(["audit", "verify"]).args(args);
        run(command)
    };
    let platform = verify(&[]).await;
    assert!(
        platform.status.success(),
        "{}{}",
        platform.stdout,
        platform.stderr
    );
    assert!(platform.stdout.starts_with("ok:"), "{}", platform.stdout);
    let acme = verify(&["--workspace", "acme"]).await;
    assert!(acme.status.success(), "{}{}", acme.stdout, acme.stderr);
    assert!(acme.stdout.contains("2 events"), "{}", acme.stdout);
    for args in [
        &["--export", "acme.jsonl"][..],
        &["--export", "acme.jsonl", "--keys", "keys.json"],
    ] {
        let offline = verify(args).await;
        assert!(
            offline.status.success(),
            "{args:?}: {}{}",
            offline.stdout,
            offline.stderr
        );
    }
    let edited = verify(&["--export", "edited.jsonl", "--keys", "keys.json"]).await;
    assert!(!edited.status.success());
    assert!(edited.stdout.contains("at sequence 2"), "{}", edited.stdout);
}

#[tokio::test]
async fn admin_grant_makes_an_account_a_platform_admin_who_still_needs_mfa() {
    let dir = tempfile::tempdir().unwrap();
    let server = crate::process::Serving::start(palisade(dir.path()))
        .await
        .unwrap_or_else(|f| panic!("{}", f.stderr));
    let client = reqwest::Client::new();
    let body =
        serde_json::json!({"email": "ada@example.com", "password": "violet-tundra-42-harbor"});
    let signed_up = client
        .post(format!("{}/v1/auth/signup", server.url))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(signed_up.status(), 201);

    let mut unknown = palisade(dir.path());
    unknown.args(["admin", "grant", "--email", "nobody@example.com"]);
    let refused = run(unknown).await;
    assert!(!refused.status.success());
    assert!(refused.stderr.contains("no account"), "{}", refused.stderr);

    let mut grant = palisade(dir.path());
    grant.args(["admin", "grant", "--email", "ada@example.com"]);
    let granted = run(grant).await;
    assert!(granted.status.success(), "{}", granted.stderr);
    assert!(
        granted.stdout.contains("is a platform admin"),
        "{}",
        granted.stdout
    );

    let tokens: serde_json::Value = client
        .post(format!("{}/v1/auth/login", server.url))
        .json(&body)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let admin = client
        .get(format!("{}/v1/admin/accounts", server.url))
        .bearer_auth(tokens["access_token"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(admin.status(), 403);
    let problem: serde_json::Value = admin.json().await.unwrap();
    // An admin now, refused only for want of MFA.
    assert_eq!(problem["code"], "mfa.required");
    assert!(server.terminate().await.success());
}
