-- Webhook endpoints, their subscriptions and signing secrets (sealed under the platform's
-- data key, bound to endpoint and version), and the outbox: one job per message and
-- endpoint, written in the transaction of the change it reports, with every attempt logged.
CREATE TABLE webhook_endpoints (
    id            TEXT PRIMARY KEY,
    workspace_id  TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    url           TEXT NOT NULL,
    description   TEXT,
    events        TEXT NOT NULL,
    ordered       BOOLEAN NOT NULL,
    failing_since TIMESTAMPTZ,
    -- A header sent with every delivery whose value is a vault secret of the workspace,
    -- decrypted at the moment of use (`Authorization: Bearer <secret>`).
    auth_header   TEXT,
    auth_secret   TEXT,
    auth_prefix   TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX webhook_endpoints_by_workspace ON webhook_endpoints (workspace_id, created_at);

CREATE TABLE webhook_subscriptions (
    endpoint_id  TEXT NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    event_type   TEXT NOT NULL,
    PRIMARY KEY (endpoint_id, event_type)
);
CREATE INDEX webhook_subscriptions_by_type ON webhook_subscriptions (workspace_id, event_type);

CREATE TABLE webhook_secrets (
    endpoint_id  TEXT NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    version      BIGINT NOT NULL,
    sealed       BYTEA NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ,
    PRIMARY KEY (endpoint_id, version)
);

CREATE TABLE webhook_jobs (
    endpoint_id         TEXT NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    message_id          TEXT NOT NULL,
    workspace_id        TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    event_type          TEXT NOT NULL,
    payload             TEXT NOT NULL,
    position            BIGINT NOT NULL,
    created_micros      BIGINT NOT NULL,
    state               TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts            BIGINT NOT NULL DEFAULT 0,
    next_attempt_micros BIGINT NOT NULL,
    lease_until_micros  BIGINT,
    PRIMARY KEY (endpoint_id, message_id)
);
CREATE INDEX webhook_jobs_due ON webhook_jobs (state, next_attempt_micros);
CREATE INDEX webhook_jobs_in_order ON webhook_jobs (endpoint_id, state, position);

CREATE TABLE webhook_attempts (
    id           TEXT PRIMARY KEY,
    endpoint_id  TEXT NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    message_id   TEXT NOT NULL,
    event_type   TEXT NOT NULL,
    attempt      BIGINT NOT NULL,
    at           TIMESTAMPTZ NOT NULL,
    status_code  BIGINT,
    latency_ms   BIGINT NOT NULL,
    response     TEXT,
    error        TEXT,
    succeeded    BOOLEAN NOT NULL
);
CREATE INDEX webhook_attempts_by_endpoint ON webhook_attempts (endpoint_id, at);

-- Each workspace sees only its own rows.
ALTER TABLE webhook_endpoints ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_endpoints FORCE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON webhook_endpoints
    USING (workspace_id = current_setting('palisade.workspace_id', true))
    WITH CHECK (workspace_id = current_setting('palisade.workspace_id', true));
ALTER TABLE webhook_subscriptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_subscriptions FORCE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON webhook_subscriptions
    USING (workspace_id = current_setting('palisade.workspace_id', true))
    WITH CHECK (workspace_id = current_setting('palisade.workspace_id', true));
ALTER TABLE webhook_secrets ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_secrets FORCE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON webhook_secrets
    USING (workspace_id = current_setting('palisade.workspace_id', true))
    WITH CHECK (workspace_id = current_setting('palisade.workspace_id', true));
ALTER TABLE webhook_jobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_jobs FORCE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON webhook_jobs
    USING (workspace_id = current_setting('palisade.workspace_id', true))
    WITH CHECK (workspace_id = current_setting('palisade.workspace_id', true));
ALTER TABLE webhook_attempts ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_attempts FORCE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON webhook_attempts
    USING (workspace_id = current_setting('palisade.workspace_id', true))
    WITH CHECK (workspace_id = current_setting('palisade.workspace_id', true));
-- Workers find due jobs of every workspace through `webhook_due_jobs` only. It runs as the
-- schema owner with `palisade.webhook_dispatch` on, and returns keys (never payloads, URLs or
-- secrets); the policies let exactly that see the rows, so the application role setting the
-- variable itself sees nothing more. The owner is read from the tables' own catalogue rows
-- (`regclass` is fixed here, at creation), never through a search path a caller could steer.
-- The query is `DUE_JOBS_SQL` in `shared_webhooks.rs`.
CREATE POLICY dispatch_find ON webhook_jobs FOR SELECT
    USING (current_setting('palisade.webhook_dispatch', true) = 'on'
           AND current_user = (SELECT pg_catalog.pg_get_userbyid(relowner) FROM pg_catalog.pg_class
                               WHERE oid = 'webhook_jobs'::regclass));
CREATE POLICY dispatch_find ON webhook_endpoints FOR SELECT
    USING (current_setting('palisade.webhook_dispatch', true) = 'on'
           AND current_user = (SELECT pg_catalog.pg_get_userbyid(relowner) FROM pg_catalog.pg_class
                               WHERE oid = 'webhook_endpoints'::regclass));

-- The flag is set inside the function, not with a `SET` clause: PostgreSQL lets only a
-- superuser attach a custom setting to a function, and the owner is not one. It is turned off
-- again before returning, so it never outlives the call in the caller's transaction.
CREATE FUNCTION webhook_due_jobs(BIGINT, BIGINT, BIGINT)
RETURNS TABLE (workspace_id TEXT, endpoint_id TEXT, message_id TEXT, attempts BIGINT)
LANGUAGE plpgsql SECURITY DEFINER
AS $$
#variable_conflict use_column
BEGIN
PERFORM set_config('palisade.webhook_dispatch', 'on', true);
RETURN QUERY
SELECT workspace_id, endpoint_id, message_id, attempts FROM (
SELECT j.workspace_id, j.endpoint_id, j.message_id, j.attempts, j.next_attempt_micros, j.position,
ROW_NUMBER() OVER (PARTITION BY j.endpoint_id ORDER BY j.next_attempt_micros, j.position) AS nth
FROM webhook_jobs j JOIN webhook_endpoints e ON e.id = j.endpoint_id
WHERE j.state = 'pending' AND j.next_attempt_micros <= $1
AND (j.lease_until_micros IS NULL OR j.lease_until_micros <= $1)
AND (NOT e.ordered OR NOT EXISTS (SELECT 1 FROM webhook_jobs p
WHERE p.endpoint_id = j.endpoint_id AND p.state = 'pending' AND p.position < j.position))
) due WHERE nth <= $2 ORDER BY next_attempt_micros, position LIMIT $3;
PERFORM set_config('palisade.webhook_dispatch', 'off', true);
END
$$;

-- Its names resolve in this schema, then (last, so a caller's temporary table or view can
-- never stand in for ours) the session's temporary schema. Only the application role, granted
-- in `after_migrations`, may call it.
DO $$ BEGIN
    EXECUTE format('ALTER FUNCTION webhook_due_jobs(BIGINT, BIGINT, BIGINT) SET search_path = %I, pg_temp',
                   current_schema());
END $$;
REVOKE EXECUTE ON FUNCTION webhook_due_jobs(BIGINT, BIGINT, BIGINT) FROM PUBLIC;
