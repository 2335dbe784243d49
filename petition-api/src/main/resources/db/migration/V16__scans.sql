-- The scans of the documents a citizen handed over (PDF, JPEG or PNG), written in the transaction of
-- the ScanAttached event that names them by their SHA-256: primary data beside the event store, never
-- rebuilt, never updated. A later scan of the same document is a new row and a new event.
CREATE TABLE petition_scans (
    petition_id   TEXT        NOT NULL,
    document      INTEGER     NOT NULL CHECK (document >= 1),
    sha256        TEXT        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content_type  TEXT        NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size          INTEGER     NOT NULL CHECK (size > 0),
    bytes         BYTEA       NOT NULL,
    stored_at     TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (petition_id, document, stored_at)
);
