-- The audit log: one hash chain per log (a workspace id, or 'platform'). Rows are never
-- updated; they are deleted only below a retention cut, which is recorded (with its signed
-- checkpoint) before the deletion, so what remains still verifies from there. The
-- application role is granted only SELECT and INSERT on these tables, and only SELECT on
-- audit_cuts, which retention writes as the owner (see `after_migrations`),
-- and the triggers below refuse changes from any role that still has the grant.
CREATE TABLE audit_events (
    log_id        TEXT COLLATE "C" NOT NULL,
    seq           BIGINT  NOT NULL CHECK (seq >= 1),
    id            TEXT    NOT NULL UNIQUE,
    at_micros     BIGINT  NOT NULL,
    actor         TEXT    NOT NULL CHECK (length(actor) <= 200),
    action        TEXT    NOT NULL CHECK (length(action) BETWEEN 1 AND 100),
    resource_type TEXT    NOT NULL CHECK (length(resource_type) <= 100),
    resource_id   TEXT    CHECK (length(resource_id) <= 300),
    outcome       TEXT    NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
    reason        TEXT    CHECK (length(reason) <= 100),
    request_id    TEXT    CHECK (length(request_id) <= 200),
    ip            TEXT    CHECK (length(ip) <= 100),
    user_agent    TEXT    CHECK (length(user_agent) <= 512),
    prev_hash     TEXT    NOT NULL,
    hash          TEXT    NOT NULL,
    PRIMARY KEY (log_id, seq)
);
CREATE INDEX audit_events_by_time ON audit_events (log_id, at_micros);

CREATE TABLE audit_checkpoints (
    log_id    TEXT COLLATE "C" NOT NULL,
    seq       BIGINT NOT NULL,
    head_hash TEXT   NOT NULL,
    at_micros BIGINT NOT NULL,
    kid       TEXT   NOT NULL,
    signature TEXT   NOT NULL,
    PRIMARY KEY (log_id, seq)
);

-- A retention cut: the place a log's history may begin, signed as a cut (not a checkpoint).
CREATE TABLE audit_cuts (
    log_id    TEXT COLLATE "C" NOT NULL,
    seq       BIGINT NOT NULL,
    head_hash TEXT   NOT NULL,
    at_micros BIGINT NOT NULL,
    kid       TEXT   NOT NULL,
    signature TEXT   NOT NULL,
    PRIMARY KEY (log_id, seq)
);

-- Retention deletes below its cut, as the schema owner, with `palisade.audit_retention` on.
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'audit_events'
       AND current_setting('palisade.audit_retention', true) = 'on'
       AND OLD.seq <= COALESCE((SELECT max(seq) FROM audit_cuts WHERE log_id = OLD.log_id), 0)
    THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME;
END $$;

CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON audit_cuts
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();

-- A workspace transaction sees and writes its own log; one with no workspace set, the
-- platform log. A credential lookup sees neither.
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
CREATE POLICY log_isolation ON audit_events
    USING (log_id = COALESCE(NULLIF(current_setting('palisade.workspace_id', true), ''), 'platform')
           AND COALESCE(current_setting('palisade.lookup', true), 'off') <> 'on')
    WITH CHECK (log_id = COALESCE(NULLIF(current_setting('palisade.workspace_id', true), ''), 'platform'));

ALTER TABLE audit_checkpoints ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_checkpoints FORCE ROW LEVEL SECURITY;
CREATE POLICY log_isolation ON audit_checkpoints
    USING (log_id = COALESCE(NULLIF(current_setting('palisade.workspace_id', true), ''), 'platform'))
    WITH CHECK (log_id = COALESCE(NULLIF(current_setting('palisade.workspace_id', true), ''), 'platform'));

ALTER TABLE audit_cuts ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_cuts FORCE ROW LEVEL SECURITY;
CREATE POLICY log_isolation ON audit_cuts
    USING (log_id = COALESCE(NULLIF(current_setting('palisade.workspace_id', true), ''), 'platform'))
    WITH CHECK (log_id = COALESCE(NULLIF(current_setting('palisade.workspace_id', true), ''), 'platform'));

ALTER TABLE workspaces ADD COLUMN audit_retention_days INTEGER NOT NULL DEFAULT 365
    CHECK (audit_retention_days >= 90);
