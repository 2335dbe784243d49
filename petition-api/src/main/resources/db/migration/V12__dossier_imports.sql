-- A CSV import of one-stop dossiers, known by its file's SHA-256: the last line of the file whose
-- dossier is committed, moved on in the same transaction as each chunk of dossiers. Sending the same
-- file again continues after that line.
CREATE TABLE dossier_import (
    file_sha256 CHAR(64)    PRIMARY KEY,
    last_line   INTEGER     NOT NULL DEFAULT 0,
    dossiers    INTEGER     NOT NULL DEFAULT 0,
    started_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at TIMESTAMPTZ
);
