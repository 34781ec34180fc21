-- Webhook endpoints, their subscriptions and signing secrets (sealed under the platform's
-- data key, bound to endpoint and version), and the outbox: one job per message and
-- endpoint, written in the transaction of the change it reports, with every attempt logged.
CREATE TABLE webhook_endpoints (
    id            TEXT PRIMARY KEY,
    workspace_id  TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    url           TEXT NOT NULL,
    description   TEXT,
    events        TEXT NOT NULL,
    ordered       INTEGER NOT NULL CHECK (ordered IN (0, 1)),
    failing_since TEXT,
    -- A header sent with every delivery whose value is a vault secret of the workspace,
    -- decrypted at the moment of use (`Authorization: Bearer <secret>`).
    auth_header   TEXT,
    auth_secret   TEXT,
    auth_prefix   TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX webhook_endpoints_by_workspace ON webhook_endpoints (workspace_id, created_at);

CREATE TABLE webhook_subscriptions (
    endpoint_id  TEXT NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    event_type   TEXT NOT NULL,
    PRIMARY KEY (endpoint_id, event_type)
) STRICT;
CREATE INDEX webhook_subscriptions_by_type ON webhook_subscriptions (workspace_id, event_type);

CREATE TABLE webhook_secrets (
    endpoint_id  TEXT NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    sealed       BLOB NOT NULL,
    created_at   TEXT NOT NULL,
    expires_at   TEXT,
    PRIMARY KEY (endpoint_id, version)
) STRICT;

CREATE TABLE webhook_jobs (
    endpoint_id         TEXT NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    message_id          TEXT NOT NULL,
    workspace_id        TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    event_type          TEXT NOT NULL,
    payload             TEXT NOT NULL,
    position            INTEGER NOT NULL,
    created_micros      INTEGER NOT NULL,
    state               TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts            INTEGER NOT NULL DEFAULT 0,
    next_attempt_micros INTEGER NOT NULL,
    lease_until_micros  INTEGER,
    PRIMARY KEY (endpoint_id, message_id)
) STRICT;
CREATE INDEX webhook_jobs_due ON webhook_jobs (state, next_attempt_micros);
CREATE INDEX webhook_jobs_in_order ON webhook_jobs (endpoint_id, state, position);

CREATE TABLE webhook_attempts (
    id           TEXT PRIMARY KEY,
    endpoint_id  TEXT NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    message_id   TEXT NOT NULL,
    event_type   TEXT NOT NULL,
    attempt      INTEGER NOT NULL,
    at           TEXT NOT NULL,
    status_code  INTEGER,
    latency_ms   INTEGER NOT NULL,
    response     TEXT,
    error        TEXT,
    succeeded    INTEGER NOT NULL CHECK (succeeded IN (0, 1))
) STRICT;
CREATE INDEX webhook_attempts_by_endpoint ON webhook_attempts (endpoint_id, at);
