-- Rebuilds and verifications of a projection, claimed across every instance of the service on this
-- database (README, "Inspectors: replay, rebuild, verify"): at most one RUNNING row per projection.
-- The instance that runs one beats its heartbeat while it runs; a RUNNING row whose heartbeat is older
-- than petition.rebuild.heartbeat-timeout belongs to an instance that died, and may be claimed over.
CREATE TABLE projection_run (
    id            BIGSERIAL    PRIMARY KEY,
    projection    VARCHAR(100) NOT NULL,
    kind          VARCHAR(20)  NOT NULL,
    method        VARCHAR(20)  NOT NULL,
    state         VARCHAR(20)  NOT NULL,
    instance      VARCHAR(200) NOT NULL,
    events_total  BIGINT       NOT NULL,
    events_done   BIGINT       NOT NULL,
    started_at    TIMESTAMPTZ  NOT NULL,
    heartbeat_at  TIMESTAMPTZ  NOT NULL,
    finished_at   TIMESTAMPTZ,
    -- A failure by its exception's type only: a message may quote a row.
    error         VARCHAR(200),
    -- What a verification found: differences by table, key and column, never by value.
    verification  JSONB
);

CREATE UNIQUE INDEX projection_run_one_running ON projection_run (projection) WHERE state = 'RUNNING';
CREATE INDEX projection_run_last ON projection_run (projection, kind, id);
