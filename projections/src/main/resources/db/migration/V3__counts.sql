-- The counts projection: the facts a period's counts are computed from, by business date.
-- Kept by the tracking "counts" processor; every handler is an idempotent upsert.
CREATE TABLE count_petition (
    petition_id  VARCHAR(36)  PRIMARY KEY,
    received_on  DATE         NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    channel      VARCHAR(24)  NOT NULL,
    field        VARCHAR(200) NOT NULL,
    ward         VARCHAR(200),
    accepted_on  DATE,
    closed_on    DATE,
    closed_as    VARCHAR(16)
);

CREATE INDEX count_petition_received_on ON count_petition (received_on);
CREATE INDEX count_petition_closed_on ON count_petition (closed_on);

CREATE TABLE count_mediation (
    petition_id  VARCHAR(36) NOT NULL,
    sequence     BIGINT      NOT NULL,
    held_on      DATE        NOT NULL,
    outcome      VARCHAR(16) NOT NULL,
    PRIMARY KEY (petition_id, sequence)
);

CREATE INDEX count_mediation_held_on ON count_mediation (held_on);
