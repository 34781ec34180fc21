-- Envelope encryption: see the PostgreSQL migration of the same name.
CREATE TABLE data_keys (
    scope      TEXT NOT NULL,
    workspace_id TEXT REFERENCES workspaces (id) ON DELETE CASCADE
        CHECK ((scope = 'platform' AND workspace_id IS NULL) OR workspace_id = scope),
    version    INTEGER NOT NULL CHECK (version >= 1),
    kek_id     TEXT NOT NULL,
    wrapped    BLOB NOT NULL,
    active     INTEGER NOT NULL CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL,
    PRIMARY KEY (scope, version)
) STRICT;
CREATE UNIQUE INDEX data_keys_one_active ON data_keys (scope) WHERE active = 1;

CREATE TABLE platform_secrets (
    name       TEXT PRIMARY KEY,
    ciphertext BLOB NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE secrets (
    id           TEXT NOT NULL UNIQUE,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    description  TEXT,
    version      INTEGER NOT NULL CHECK (version >= 1),
    key_version  INTEGER NOT NULL,
    ciphertext   BLOB NOT NULL,
    fingerprint  TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    last_used_at TEXT,
    PRIMARY KEY (workspace_id, name)
) STRICT;
CREATE INDEX secrets_by_key_version ON secrets (workspace_id, key_version);
