-- Failed sign-ins per account: consecutive failures since the last success, how many times
-- the account was locked in a row (each lock lasts twice the one before), and until when.
-- A success or a new password deletes the row.
CREATE TABLE login_failures (
    user_id      TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    failures     INTEGER NOT NULL CHECK (failures >= 0),
    lockouts     INTEGER NOT NULL CHECK (lockouts >= 0),
    locked_until TEXT,
    updated_at   TEXT NOT NULL
) STRICT;
