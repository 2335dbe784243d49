package vn.commune.petition.api.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import vn.commune.petition.api.database.Migrations;

/**
 * A consistent copy of the service's database in one zip, and its restore into an empty database.
 *
 * <p>The backup reads every table of the schema Flyway migrates (its history aside) in one read-only
 * REPEATABLE READ transaction, so all of them as of one snapshot, each streamed with PostgreSQL's
 * binary {@code COPY} into its own zip entry (no table is ever held in memory), and the sequences'
 * values (the reference numbers of each year, Axon's global index) read at the snapshot's start, so
 * no number handed out before it is handed out again after a restore. {@code manifest.json}, written
 * last, names the service's version, the Flyway version reached, and each table's columns, row count
 * and SHA-256.
 *
 * <p>The restore refuses a database that holds anything; lets Flyway create the schema up to the
 * manifest's version; then, in one transaction, loads each table with {@code COPY FROM} (foreign keys
 * not checked meanwhile: {@code session_replication_role = replica}), sets the sequences, and
 * commits only if every table's rows and SHA-256 are the manifest's.
 */
final class DatabaseBackup {

    /** A commune's reference sequence of a year (ReferenceNumbers): petition_reference_10106_2026. */
    private static final Pattern COMMUNE_SEQUENCE = Pattern.compile("petition_reference_[0-9]{5}_[0-9]{4}");

    static final String MANIFEST = "manifest.json";

    private static final String FLYWAY_HISTORY = "flyway_schema_history";

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String serviceVersion;

    DatabaseBackup(String serviceVersion) {
        this.serviceVersion = serviceVersion;
    }

    /** This service's version, as the jar's manifest states it ({@code development} when run from classes). */
    static String serviceVersion() {
        String version = DatabaseBackup.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /** Writes the whole backup to {@code out}, which it finishes but does not close. */
    BackupManifest write(DataSource dataSource, OutputStream out) throws IOException, SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                return write(connection, out);
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private BackupManifest write(Connection connection, OutputStream out) throws IOException, SQLException {
        String createdAt = Instant.now().toString();
        // The snapshot is taken by the first statement: read the sequences in it.
        List<BackupManifest.Sequence> sequences = sequences(connection);
        liftTimeouts(connection);
        String schema = single(connection, "SELECT current_schema()");
        String flywayVersion = single(connection, "SELECT version FROM " + FLYWAY_HISTORY
                + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1");
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setLevel(Deflater.BEST_SPEED);
        List<BackupManifest.Table> tables = new ArrayList<>();
        for (String table : tables(connection)) {
            List<String> columns = columns(connection, table);
            String file = "tables/" + table + ".copy";
            zip.putNextEntry(new ZipEntry(file));
            MessageDigest sha256 = sha256();
            long rows = copy.copyOut("COPY " + quote(table) + " (" + quoted(columns) + ") TO STDOUT (FORMAT binary)",
                    new DigestOutputStream(new KeepOpen(zip), sha256));
            zip.closeEntry();
            tables.add(new BackupManifest.Table(table, columns, file, rows, HexFormat.of().formatHex(sha256.digest())));
        }
        BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, serviceVersion, flywayVersion, createdAt,
                schema, tables, sequences);
        zip.putNextEntry(new ZipEntry(MANIFEST));
        json.writeValue(new KeepOpen(zip), manifest);
        zip.closeEntry();
        zip.finish();
        return manifest;
    }

    /** Restores the backup in {@code file} into the empty database behind {@code dataSource}. */
    BackupManifest restore(DataSource dataSource, Path file) throws IOException, SQLException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry manifestEntry = zip.getEntry(MANIFEST);
            if (manifestEntry == null) {
                throw new BackupException("Not a backup of this service: no " + MANIFEST + " in " + file);
            }
            BackupManifest manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest = json.readValue(in, BackupManifest.class);
            }
            if (manifest.format() != BackupManifest.FORMAT) {
                throw new BackupException("A backup of format " + manifest.format() + ", this service reads format "
                        + BackupManifest.FORMAT);
            }
            try (Connection connection = dataSource.getConnection()) {
                refuseUnlessEmpty(connection);
            }
            migrate(dataSource, manifest.flywayVersion());
            try (Connection connection = dataSource.getConnection()) {
                load(connection, zip, manifest);
            }
            return manifest;
        }
    }

    private static void refuseUnlessEmpty(Connection connection) throws SQLException {
        String found = single(connection, """
                SELECT string_agg(c.relname, ', ' ORDER BY c.relname) FROM pg_class c
                WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'S', 'v', 'm')""");
        if (found != null) {
            throw new BackupException("A backup is restored only into an empty database; this one holds " + found);
        }
    }

    /** The schema as of the backup: Flyway's migrations of this service, up to the version it had reached. */
    private static void migrate(DataSource dataSource, String version) {
        Flyway flyway = Migrations.configure(Flyway.configure())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .target(MigrationVersion.fromVersion(version))
                // The commune V18_3 gives the rows already there: none are, and the backup's own are loaded.
                .placeholders(Map.of("default_commune", ""))
                .load();
        MigrationVersion latest = Arrays.stream(flyway.info().all()).map(MigrationInfo::getVersion)
                .filter(Objects::nonNull).max(MigrationVersion::compareTo).orElse(MigrationVersion.EMPTY);
        if (MigrationVersion.fromVersion(version).compareTo(latest) > 0) {
            throw new BackupException("The backup's schema is at version " + version + ", beyond this service's "
                    + latest.getVersion() + ": restore it with the version of the service that took it");
        }
        flyway.migrate();
        String reached = flyway.info().current() == null ? null : flyway.info().current().getVersion().getVersion();
        if (!version.equals(reached)) {
            throw new BackupException("The backup's schema is at version " + version + ", this service's migrations reach "
                    + reached + ": restore it with the version of the service that took it (" + version + " or later)");
        }
    }

    private void load(Connection connection, ZipFile zip, BackupManifest manifest) throws IOException, SQLException {
        connection.setAutoCommit(false);
        try {
            liftTimeouts(connection);
            try (Statement statement = connection.createStatement()) {
                // Foreign keys are not checked while the tables are loaded one by one, in any order.
                statement.execute("SET LOCAL session_replication_role = replica");
            }
            Set<String> expected = manifest.tables().stream().map(BackupManifest.Table::name)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> present = new TreeSet<>(tables(connection));
            if (!present.equals(expected)) {
                throw new BackupException("The backup's tables " + expected + " are not the schema's " + present);
            }
            try (Statement statement = connection.createStatement()) {
                // Whatever a migration wrote is in the backup too, as it stood then.
                statement.execute("TRUNCATE " + expected.stream().map(DatabaseBackup::quote).collect(Collectors.joining(", ")));
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (BackupManifest.Table table : manifest.tables()) {
                ZipEntry entry = zip.getEntry(table.file());
                if (entry == null) {
                    throw new BackupException("The backup lacks " + table.file());
                }
                MessageDigest sha256 = sha256();
                long rows;
                try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha256)) {
                    rows = copy.copyIn("COPY " + quote(table.name()) + " (" + quoted(table.columns())
                            + ") FROM STDIN (FORMAT binary)", in);
                }
                String hash = HexFormat.of().formatHex(sha256.digest());
                if (rows != table.rows() || !hash.equals(table.sha256())) {
                    throw new BackupException("The table " + table.name() + " restored " + rows + " rows of SHA-256 " + hash
                            + ", the manifest says " + table.rows() + " rows of SHA-256 " + table.sha256());
                }
            }
            try (PreparedStatement setval = connection.prepareStatement("SELECT setval(?::regclass, ?, true)")) {
                for (BackupManifest.Sequence sequence : manifest.sequences()) {
                    // A commune's reference numbers of a year (ReferenceNumbers) have a sequence made on its
                    // first receipt, not by a migration.
                    if (COMMUNE_SEQUENCE.matcher(sequence.name()).matches()) {
                        try (Statement create = connection.createStatement()) {
                            create.execute("CREATE SEQUENCE IF NOT EXISTS " + quote(sequence.name()) + " MINVALUE 1");
                        }
                    }
                    setval.setString(1, quote(sequence.name()));
                    setval.setLong(2, sequence.lastValue());
                    setval.execute();
                }
            }
            for (BackupManifest.Table table : manifest.tables()) {
                long rows = Long.parseLong(single(connection, "SELECT count(*) FROM " + quote(table.name())));
                if (rows != table.rows()) {
                    throw new BackupException("The table " + table.name() + " holds " + rows + " rows after the restore,"
                            + " the manifest says " + table.rows());
                }
            }
            connection.commit();
        } catch (IOException | SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        }
    }

    /** A backup or a restore runs for as long as the data takes, not within the service's bounds. */
    private static void liftTimeouts(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL statement_timeout = 0");
            statement.execute("SET LOCAL idle_in_transaction_session_timeout = 0");
            statement.execute("SET LOCAL transaction_timeout = 0");
        }
    }

    private static List<BackupManifest.Sequence> sequences(Connection connection) throws SQLException {
        List<BackupManifest.Sequence> sequences = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT sequencename, last_value FROM pg_sequences"
                     + " WHERE schemaname = current_schema() AND last_value IS NOT NULL ORDER BY sequencename")) {
            while (rows.next()) {
                sequences.add(new BackupManifest.Sequence(rows.getString(1), rows.getLong(2)));
            }
        }
        return sequences;
    }

    /** The schema's tables, Flyway's history aside (Flyway writes it again on restore). */
    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT c.relname FROM pg_class c
                WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND c.relname <> ?
                ORDER BY c.relname""")) {
            statement.setString(1, FLYWAY_HISTORY);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }

    /** The columns COPY reads and writes: every stored one (a generated column is computed again). */
    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT a.attname FROM pg_attribute a
                WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                ORDER BY a.attnum""")) {
            statement.setString(1, quote(table));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String quoted(List<String> identifiers) {
        return identifiers.stream().map(DatabaseBackup::quote).collect(Collectors.joining(", "));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A backup that cannot be taken or restored as it is, with the reason. */
    static final class BackupException extends IllegalStateException {
        BackupException(String message) {
            super(message);
        }
    }

    /** The zip's entry stays open when COPY or Jackson closes what they wrote to. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
