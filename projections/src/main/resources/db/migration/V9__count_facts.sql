-- The counts as they could have been reported at a past moment (?knownAt=): every counted fact with
-- the time it was recorded. Kept by the "counts" processor beside count_petition and count_mediation.
CREATE TABLE count_fact (
    petition_id VARCHAR(36)  NOT NULL,
    sequence    BIGINT       NOT NULL,
    type        VARCHAR(32)  NOT NULL,
    occurred_on DATE         NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL,
    kind        VARCHAR(16),
    channel     VARCHAR(24),
    field       VARCHAR(200),
    ward        VARCHAR(200),
    closed_as   VARCHAR(16),
    due_on      DATE,
    outcome     VARCHAR(16),
    PRIMARY KEY (petition_id, sequence)
);

CREATE INDEX count_fact_recorded_at ON count_fact (recorded_at);
