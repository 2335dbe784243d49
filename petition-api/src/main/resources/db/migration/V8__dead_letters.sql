-- Axon's JDBC dead-letter queue (the shape of its GenericDeadLetterTableFactory, for PostgreSQL):
-- an event a tracking projection cannot handle is parked here instead of stopping it silently.
CREATE TABLE deadletterentry (
    deadLetterIdentifier VARCHAR(255) NOT NULL,
    processingGroup      VARCHAR(255) NOT NULL,
    sequenceIdentifier   VARCHAR(255) NOT NULL,
    sequenceIndex        BIGINT       NOT NULL,
    messageType          VARCHAR(255) NOT NULL,
    eventIdentifier      VARCHAR(255) NOT NULL,
    timestamp            VARCHAR(255) NOT NULL,
    payloadType          VARCHAR(255) NOT NULL,
    payloadRevision      VARCHAR(255),
    payload              BYTEA        NOT NULL,
    metaData             BYTEA,
    type                 VARCHAR(255),
    aggregateIdentifier  VARCHAR(255),
    sequenceNumber       BIGINT,
    tokenType            VARCHAR(255),
    token                BYTEA,
    enqueuedAt           VARCHAR(255) NOT NULL,
    lastTouched          VARCHAR(255),
    processingStarted    VARCHAR(255),
    causeType            VARCHAR(255),
    causeMessage         VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT deadletterentry_pk PRIMARY KEY (deadLetterIdentifier),
    CONSTRAINT deadletterentry_sequence UNIQUE (processingGroup, sequenceIdentifier, sequenceIndex)
);

CREATE INDEX deadletterentry_group ON deadletterentry (processingGroup);
CREATE INDEX deadletterentry_sequence_identifier ON deadletterentry (processingGroup, sequenceIdentifier);
