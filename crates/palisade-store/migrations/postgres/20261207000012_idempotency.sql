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
    response     BYTEA,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_id, principal, idem_key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (workspace_id, expires_at);

ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON idempotency_keys
    USING (workspace_id = current_setting('palisade.workspace_id', true))
    WITH CHECK (workspace_id = current_setting('palisade.workspace_id', true));
-- Expired rows of any workspace may be swept (they answer nothing any more, and what they
-- hold is sealed): upkeep finds and deletes them with `palisade.idempotency_expired_before`
-- set; no other row matches.
CREATE POLICY expired_sweep_find ON idempotency_keys FOR SELECT
    USING (expires_at <= current_setting('palisade.idempotency_expired_before', true)::timestamptz);
CREATE POLICY expired_sweep ON idempotency_keys FOR DELETE
    USING (expires_at <= current_setting('palisade.idempotency_expired_before', true)::timestamptz);
