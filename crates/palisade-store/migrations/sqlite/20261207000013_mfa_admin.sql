-- TOTP multi-factor authentication. One enrolment per account; its seed is sealed under the
-- platform's data key, bound to the account. `last_step` is the newest time step a code was
-- accepted for: a code is good once (RFC 6238 §5.2).
CREATE TABLE mfa_totp (
    user_id       TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret_sealed BLOB NOT NULL,
    created_at    TEXT NOT NULL,
    confirmed_at  TEXT,
    last_step     INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Single-use recovery codes, by SHA-256 digest of the account and the code (so one guess
-- never covers every account's codes, and two accounts may draw the same code).
CREATE TABLE mfa_recovery_codes (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    digest  TEXT NOT NULL,
    used_at TEXT
) STRICT;
CREATE UNIQUE INDEX mfa_recovery_codes_key ON mfa_recovery_codes (user_id, digest);

-- A password checked, a second factor owed: the `mfa_token` a sign-in answers, by digest.
CREATE TABLE mfa_challenges (
    digest     TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    spent_at   TEXT
) STRICT;

-- When the session last proved a second factor (sign-in or step-up).
ALTER TABLE sessions ADD COLUMN mfa_at TEXT;

ALTER TABLE users ADD COLUMN platform_admin INTEGER NOT NULL DEFAULT 0 CHECK (platform_admin IN (0, 1));
ALTER TABLE users ADD COLUMN suspended_at TEXT;
ALTER TABLE workspaces ADD COLUMN require_mfa INTEGER NOT NULL DEFAULT 0 CHECK (require_mfa IN (0, 1));
ALTER TABLE workspaces ADD COLUMN suspended_at TEXT;

-- Time-boxed, read-only access for platform admins, granted by a workspace owner.
CREATE TABLE support_grants (
    id           TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    granted_by   TEXT NOT NULL,
    reason       TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    revoked_at   TEXT
) STRICT;
CREATE INDEX support_grants_by_workspace ON support_grants (workspace_id, expires_at);
