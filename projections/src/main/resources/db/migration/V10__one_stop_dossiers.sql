-- One-stop-shop dossiers (hồ sơ thủ tục hành chính), kept by the subscribing "dossier-view" processor.
CREATE TABLE one_stop_dossier (
    id          VARCHAR(36)  PRIMARY KEY,
    code        VARCHAR(100) NOT NULL UNIQUE,
    field       VARCHAR(200) NOT NULL,
    channel     VARCHAR(16)  NOT NULL,
    received_on DATE         NOT NULL,
    due_on      DATE         NOT NULL,
    returned_on DATE,
    resolved_on DATE
);

CREATE INDEX one_stop_dossier_received_on ON one_stop_dossier (received_on);
CREATE INDEX one_stop_dossier_resolved_on ON one_stop_dossier (resolved_on);
