-- One row naming this deployment; every node sharing the database sees the same id.
CREATE TABLE instance (
    singleton  SMALLINT    PRIMARY KEY CHECK (singleton = 1),
    id         TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
