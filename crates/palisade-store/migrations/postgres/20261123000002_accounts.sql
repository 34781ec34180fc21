CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    email         TEXT NOT NULL,
    -- The lower-cased e-mail: addresses are unique whatever their case.
    email_key     TEXT NOT NULL UNIQUE,
    name          TEXT,
    password_hash TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE sessions (
    id                  TEXT PRIMARY KEY,
    user_id             TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at          TIMESTAMPTZ NOT NULL,
    last_used_at        TIMESTAMPTZ NOT NULL,
    absolute_expires_at TIMESTAMPTZ NOT NULL,
    revoked_at          TIMESTAMPTZ,
    revoked_reason      TEXT,
    user_agent          TEXT,
    ip                  TEXT
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Every refresh token a session was ever given, by SHA-256 digest: a spent one coming back
-- is how token theft is detected.
CREATE TABLE refresh_tokens (
    digest           TEXT PRIMARY KEY,
    session_id       TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    issued_at        TIMESTAMPTZ NOT NULL,
    spent_at         TIMESTAMPTZ,
    -- The successor, sealed, kept only to answer a concurrent refresh within the grace window.
    successor_sealed BYTEA
);
CREATE INDEX refresh_tokens_by_session ON refresh_tokens (session_id);

CREATE TABLE signing_keys (
    kid         TEXT PRIMARY KEY,
    algorithm   TEXT NOT NULL,
    public_key  BYTEA NOT NULL,
    sealed_seed BYTEA NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    retired_at  TIMESTAMPTZ
);
