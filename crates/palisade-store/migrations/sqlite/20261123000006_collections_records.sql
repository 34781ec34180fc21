CREATE TABLE collections (
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    json_schema  TEXT CHECK (json_schema IS NULL OR json_valid(json_schema)),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (workspace_id, name)
) STRICT;

CREATE TABLE records (
    id           TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL,
    collection   TEXT NOT NULL,
    data         TEXT NOT NULL CHECK (json_valid(data) AND json_type(data) = 'object'),
    version      INTEGER NOT NULL CHECK (version >= 1),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    FOREIGN KEY (workspace_id, collection)
        REFERENCES collections (workspace_id, name) ON DELETE CASCADE
) STRICT;
CREATE INDEX records_by_collection ON records (workspace_id, collection, id);
