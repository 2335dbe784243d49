-- The petition view: one row per petition, kept by the subscribing "petition-view" processor in
-- the same transaction as the command, so a step's response reads its own write.
CREATE TABLE petition_view (
    id           VARCHAR(36)  PRIMARY KEY,
    reference    VARCHAR(16)  NOT NULL UNIQUE,
    status       VARCHAR(16)  NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    channel      VARCHAR(24)  NOT NULL,
    field        VARCHAR(200) NOT NULL,
    ward         VARCHAR(200),
    summary      TEXT         NOT NULL,
    session_id   VARCHAR(36),
    received_on  DATE         NOT NULL,
    due_on       DATE,
    closed_on    DATE,
    version      BIGINT       NOT NULL,
    petitioners  JSONB        NOT NULL,
    steps        JSONB        NOT NULL
);

CREATE INDEX petition_view_received_on ON petition_view (received_on DESC, reference DESC);
CREATE INDEX petition_view_status ON petition_view (status);
