CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    email         TEXT NOT NULL,
    -- The lower-cased e-mail: addresses are unique whatever their case.
    email_key     TEXT NOT NULL UNIQUE,
    name          TEXT,
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;

CREATE TABLE sessions (
    id                  TEXT PRIMARY KEY,
    user_id             TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at          TEXT NOT NULL,
    last_used_at        TEXT NOT NULL,
    absolute_expires_at TEXT NOT NULL,
    revoked_at          TEXT,
    revoked_reason      TEXT,
    user_agent          TEXT,
    ip                  TEXT
) STRICT;
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Every refresh token a session was ever given, by SHA-256 digest: a spent one coming back
-- is how token theft is detected.
CREATE TABLE refresh_tokens (
    digest           TEXT PRIMARY KEY,
    session_id       TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    issued_at        TEXT NOT NULL,
    spent_at         TEXT,
    -- The successor, sealed, kept only to answer a concurrent refresh within the grace window.
    successor_sealed BLOB
) STRICT;
CREATE INDEX refresh_tokens_by_session ON refresh_tokens (session_id);

CREATE TABLE signing_keys (
    kid         TEXT PRIMARY KEY,
    algorithm   TEXT NOT NULL,
    public_key  BLOB NOT NULL,
    sealed_seed BLOB NOT NULL,
    created_at  TEXT NOT NULL,
    retired_at  TEXT
) STRICT;
