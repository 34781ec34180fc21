CREATE TABLE collections (
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    -- Kept as written (TEXT, not JSONB) so a schema reads back exactly as it was given.
    json_schema  TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_id, name)
);

CREATE TABLE records (
    -- Byte order, so cursor pagination by id is the same on every locale.
    id           TEXT COLLATE "C" PRIMARY KEY,
    workspace_id TEXT NOT NULL,
    collection   TEXT NOT NULL,
    data         JSONB NOT NULL CHECK (jsonb_typeof(data) = 'object'),
    version      BIGINT NOT NULL CHECK (version >= 1),
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    FOREIGN KEY (workspace_id, collection)
        REFERENCES collections (workspace_id, name) ON DELETE CASCADE
);
CREATE INDEX records_by_collection ON records (workspace_id, collection, id);

-- The second wall: whatever a query forgets, a transaction sees only the workspace named by
-- `SET LOCAL palisade.workspace_id`, and nothing at all when none is set. FORCE applies the
-- policies to the table owner too; the server itself connects as a role that owns nothing.
ALTER TABLE collections ENABLE ROW LEVEL SECURITY;
ALTER TABLE collections FORCE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON collections
    USING (workspace_id = current_setting('palisade.workspace_id', true))
    WITH CHECK (workspace_id = current_setting('palisade.workspace_id', true));

ALTER TABLE records ENABLE ROW LEVEL SECURITY;
ALTER TABLE records FORCE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON records
    USING (workspace_id = current_setting('palisade.workspace_id', true))
    WITH CHECK (workspace_id = current_setting('palisade.workspace_id', true));
