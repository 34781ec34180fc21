-- Responses kept for `Idempotency-Key` retries (24 h), per workspace, principal and key. The
-- response (status line aside) is sealed under the platform's data key, bound to its row; the
-- rows go with their workspace.
CREATE TABLE idempotency_keys (
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    principal    TEXT NOT NULL,
    idem_key     TEXT NOT NULL,
    fingerprint  TEXT NOT NULL,
    -- Which request holds the key: only it may answer or free it.
    claim        TEXT NOT NULL,
    status       INTEGER CHECK (status BETWEEN 100 AND 599),
    response     BLOB,
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    PRIMARY KEY (workspace_id, principal, idem_key)
) STRICT;
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (workspace_id, expires_at);
