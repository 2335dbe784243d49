-- Tamper evidence (docs/AUDIT.md). Each event's SHA-256 over its canonical encoding and the hash
-- of the previous event of the same aggregate, written in the transaction that stores the event.
CREATE TABLE event_hash (
    event_identifier     VARCHAR(255) PRIMARY KEY,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    global_index         BIGINT       NOT NULL UNIQUE,
    hash                 CHAR(64)     NOT NULL,
    previous_hash        CHAR(64)     NOT NULL,
    -- The salted commitments of the personal fields, by JSON path, kept so that a lawful erasure of
    -- the personal data leaves the chain verifiable.
    commitments          JSONB        NOT NULL,
    UNIQUE (aggregate_identifier, sequence_number)
);

-- The per-event random salt of the commitments, beside the personal data it protects.
CREATE TABLE event_salt (
    event_identifier VARCHAR(255) PRIMARY KEY,
    salt             BYTEA        NOT NULL
);

-- Seals: a Merkle root over the hashes of every event up to a global index, printable.
CREATE TABLE audit_seal (
    id                 BIGSERIAL    PRIMARY KEY,
    up_to_global_index BIGINT       NOT NULL,
    event_count        BIGINT       NOT NULL,
    merkle_root        CHAR(64)     NOT NULL,
    sealed_at          TIMESTAMPTZ  NOT NULL,
    sealed_by          VARCHAR(100) NOT NULL
);
