package vn.commune.petition.api.backup;

import java.util.List;

/**
 * What a backup holds, written as {@code manifest.json} beside the tables: enough to restore it into
 * an empty database and to check, table by table, that what was restored is what was backed up.
 */
record BackupManifest(int format, String service, String flywayVersion, String createdAt, String schema,
                      List<Table> tables, List<Sequence> sequences) {

    static final int FORMAT = 1;

    /** One table's rows as PostgreSQL's binary COPY, in the zip entry {@code file}. */
    record Table(String name, List<String> columns, String file, long rows, String sha256) {
    }

    /** A sequence's value when the backup was taken ({@code setval(name, lastValue)} on restore). */
    record Sequence(String name, long lastValue) {
    }
}
