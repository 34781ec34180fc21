-- The audit log: one hash chain per log (a workspace id, or 'platform'). Rows are never
-- updated; they are deleted only below a retention cut, which is recorded (with its signed
-- checkpoint) before the deletion, so what remains still verifies from there.
CREATE TABLE audit_events (
    log_id        TEXT    NOT NULL,
    seq           INTEGER NOT NULL CHECK (seq >= 1),
    id            TEXT    NOT NULL UNIQUE,
    at_micros     INTEGER NOT NULL,
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
) STRICT;
CREATE INDEX audit_events_by_time ON audit_events (log_id, at_micros);

CREATE TABLE audit_checkpoints (
    log_id    TEXT    NOT NULL,
    seq       INTEGER NOT NULL,
    head_hash TEXT    NOT NULL,
    at_micros INTEGER NOT NULL,
    kid       TEXT    NOT NULL,
    signature TEXT    NOT NULL,
    PRIMARY KEY (log_id, seq)
) STRICT;

-- A retention cut: the place a log's history may begin, signed as a cut (not a checkpoint).
CREATE TABLE audit_cuts (
    log_id    TEXT    NOT NULL,
    seq       INTEGER NOT NULL,
    head_hash TEXT    NOT NULL,
    at_micros INTEGER NOT NULL,
    kid       TEXT    NOT NULL,
    signature TEXT    NOT NULL,
    PRIMARY KEY (log_id, seq)
) STRICT;

CREATE TRIGGER audit_events_never_change BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;

CREATE TRIGGER audit_events_removed_only_below_a_cut BEFORE DELETE ON audit_events
WHEN OLD.seq > COALESCE((SELECT max(seq) FROM audit_cuts WHERE log_id = OLD.log_id), 0)
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only; only retention removes them');
END;

CREATE TRIGGER audit_checkpoints_never_change BEFORE UPDATE ON audit_checkpoints
BEGIN
    SELECT RAISE(ABORT, 'audit checkpoints are append-only');
END;

CREATE TRIGGER audit_checkpoints_never_removed BEFORE DELETE ON audit_checkpoints
BEGIN
    SELECT RAISE(ABORT, 'audit checkpoints are append-only');
END;

CREATE TRIGGER audit_cuts_never_change BEFORE UPDATE ON audit_cuts
BEGIN
    SELECT RAISE(ABORT, 'audit cuts are append-only');
END;

CREATE TRIGGER audit_cuts_never_removed BEFORE DELETE ON audit_cuts
BEGIN
    SELECT RAISE(ABORT, 'audit cuts are append-only');
END;

ALTER TABLE workspaces ADD COLUMN audit_retention_days INTEGER NOT NULL DEFAULT 365
    CHECK (audit_retention_days >= 90);
