-- An account's own audit events, across logs, for its export (`GET /v1/me/export`).
CREATE INDEX audit_events_by_actor ON audit_events (actor, log_id, seq);
