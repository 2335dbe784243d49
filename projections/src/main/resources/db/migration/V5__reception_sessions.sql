-- Reception sessions and their visits (sổ tiếp công dân), kept by the subscribing "session-view"
-- processor in the transaction of the command.
CREATE TABLE reception_session (
    id               VARCHAR(36)  PRIMARY KEY,
    held_on          DATE         NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    host             VARCHAR(200) NOT NULL,
    hosted_in_person BOOLEAN      NOT NULL,
    closed           BOOLEAN      NOT NULL DEFAULT FALSE,
    version          BIGINT       NOT NULL
);

CREATE INDEX reception_session_held_on ON reception_session (held_on);

CREATE TABLE reception_visit (
    id              VARCHAR(36)  PRIMARY KEY,
    session_id      VARCHAR(36)  NOT NULL REFERENCES reception_session (id),
    number          INTEGER      NOT NULL,
    held_on         DATE         NOT NULL,
    people          INTEGER      NOT NULL,
    group_visit     BOOLEAN      NOT NULL,
    representatives INTEGER,
    repeat_visit    BOOLEAN      NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    summary         TEXT         NOT NULL,
    outcome         VARCHAR(24)  NOT NULL,
    petition_id     VARCHAR(36),
    legal_ground    VARCHAR(32),
    UNIQUE (session_id, number)
);

CREATE INDEX reception_visit_held_on ON reception_visit (held_on);
