-- TOTP multi-factor authentication. One enrolment per account; its seed is sealed under the
-- platform's data key, bound to the account. `last_step` is the newest time step a code was
-- accepted for: a code is good once (RFC 6238 §5.2).
CREATE TABLE mfa_totp (
    user_id       TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret_sealed BYTEA NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    confirmed_at  TIMESTAMPTZ,
    last_step     BIGINT NOT NULL DEFAULT 0
);

-- Single-use recovery codes, by SHA-256 digest of the account and the code (so one guess
-- never covers every account's codes, and two accounts may draw the same code).
CREATE TABLE mfa_recovery_codes (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    digest  TEXT NOT NULL,
    used_at TIMESTAMPTZ
);
ALTER TABLE mfa_recovery_codes ADD PRIMARY KEY (user_id, digest);

-- A password checked, a second factor owed: the `mfa_token` a sign-in answers, by digest.
CREATE TABLE mfa_challenges (
    digest     TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    spent_at   TIMESTAMPTZ
);

-- When the session last proved a second factor (sign-in or step-up).
ALTER TABLE sessions ADD COLUMN mfa_at TIMESTAMPTZ;

ALTER TABLE users ADD COLUMN platform_admin BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN suspended_at TIMESTAMPTZ;
ALTER TABLE workspaces ADD COLUMN require_mfa BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE workspaces ADD COLUMN suspended_at TIMESTAMPTZ;

-- Time-boxed, read-only access for platform admins, granted by a workspace owner.
CREATE TABLE support_grants (
    id           TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    granted_by   TEXT NOT NULL,
    reason       TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX support_grants_by_workspace ON support_grants (workspace_id, expires_at);

-- Grants live in their workspace; an admin's request finds one by lookup (read only) before
-- the workspace's scope exists, as credentials are found.
ALTER TABLE support_grants ENABLE ROW LEVEL SECURITY;
ALTER TABLE support_grants FORCE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON support_grants
    USING (workspace_id = current_setting('palisade.workspace_id', true))
    WITH CHECK (workspace_id = current_setting('palisade.workspace_id', true));
CREATE POLICY credential_lookup ON support_grants FOR SELECT
    USING (current_setting('palisade.lookup', true) = 'on');
