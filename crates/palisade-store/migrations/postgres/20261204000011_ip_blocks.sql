-- Addresses blocked for credential stuffing (failed sign-ins across many accounts), shared by
-- every node and listed or lifted by `palisade admin blocks`.
CREATE TABLE ip_blocks (
    ip            TEXT PRIMARY KEY,
    blocked_until TIMESTAMPTZ NOT NULL,
    failures      BIGINT NOT NULL CHECK (failures >= 0),
    accounts      BIGINT NOT NULL CHECK (accounts >= 0),
    created_at    TIMESTAMPTZ NOT NULL
);
