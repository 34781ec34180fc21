-- Envelope encryption. `data_keys` holds each scope's data keys (`platform` or a workspace
-- id), only ever wrapped by a key-encryption key named by `kek_id`; at most one version per
-- scope is active (new values), older ones stay until nothing is encrypted under them.
CREATE TABLE data_keys (
    scope      TEXT NOT NULL,
    -- The workspace a workspace-scope key belongs to: its keys cannot outlive it, even when a
    -- write races its deletion.
    workspace_id TEXT REFERENCES workspaces (id) ON DELETE CASCADE
        CHECK ((scope = 'platform' AND workspace_id IS NULL) OR workspace_id = scope),
    version    BIGINT NOT NULL CHECK (version >= 1),
    kek_id     TEXT NOT NULL,
    wrapped    BYTEA NOT NULL,
    active     BOOLEAN NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (scope, version)
);
CREATE UNIQUE INDEX data_keys_one_active ON data_keys (scope) WHERE active;

-- Values the platform itself must use later (the key-derivation root), encrypted under the
-- platform's data key. The owner's alone: `after_migrations` revokes the application role.
CREATE TABLE platform_secrets (
    name       TEXT PRIMARY KEY,
    ciphertext BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- A workspace's secrets: write-only values, encrypted under the workspace's data key.
CREATE TABLE secrets (
    id           TEXT NOT NULL UNIQUE,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    description  TEXT,
    version      BIGINT NOT NULL CHECK (version >= 1),
    key_version  BIGINT NOT NULL,
    ciphertext   BYTEA NOT NULL,
    fingerprint  TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ,
    PRIMARY KEY (workspace_id, name)
);
CREATE INDEX secrets_by_key_version ON secrets (workspace_id, key_version);

ALTER TABLE data_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE data_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON data_keys
    USING (scope = current_setting('palisade.workspace_id', true))
    WITH CHECK (scope = current_setting('palisade.workspace_id', true));
-- The platform's keys are the schema owner's alone (the unlock at start runs as the owner):
-- no application-role transaction, in any workspace or lookup, reads or writes them.
CREATE POLICY platform_keys ON data_keys TO CURRENT_USER
    USING (scope = 'platform')
    WITH CHECK (scope = 'platform');

ALTER TABLE secrets ENABLE ROW LEVEL SECURITY;
ALTER TABLE secrets FORCE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON secrets
    USING (workspace_id = current_setting('palisade.workspace_id', true))
    WITH CHECK (workspace_id = current_setting('palisade.workspace_id', true));
