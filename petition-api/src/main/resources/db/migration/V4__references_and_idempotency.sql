-- Human reference numbers: one counter per year of receipt, taken in the transaction that
-- stores the PetitionReceived event, so a refused petition leaves no gap.
CREATE TABLE petition_reference (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
);

-- Idempotency-Key: the first response to each key, per user, kept with a hash of the request.
CREATE TABLE idempotent_request (
    username     VARCHAR(100) NOT NULL,
    key          VARCHAR(200) NOT NULL,
    request_hash CHAR(64)     NOT NULL,
    status       INTEGER,
    location     VARCHAR(200),
    etag         VARCHAR(40),
    body         TEXT,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (username, key)
);
