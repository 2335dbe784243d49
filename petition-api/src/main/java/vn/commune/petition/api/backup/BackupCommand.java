package vn.commune.petition.api.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import vn.commune.petition.api.database.EmbeddedDatabaseConfiguration;

/**
 * The one command a commune on the embedded default backs up or restores with, the service stopped:
 * {@code --petition.backup.to=FILE} or {@code --petition.restore.from=FILE}. It starts the embedded
 * PostgreSQL of the same configuration as the service (its data directory, its port) and nothing else
 * (no web server, no Axon, so nothing writes meanwhile), does the job, and exits.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties
@Import(EmbeddedDatabaseConfiguration.class)
public class BackupCommand {

    private static final Logger log = LoggerFactory.getLogger(BackupCommand.class);

    static final String BACKUP_TO = "petition.backup.to";
    static final String RESTORE_FROM = "petition.restore.from";

    /** Whether these command-line arguments ask for a backup or a restore rather than the service. */
    public static boolean wanted(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.startsWith("--" + BACKUP_TO + "=") || a.startsWith("--" + RESTORE_FROM + "="));
    }

    /** Does the backup or the restore the arguments ask for; 0 when it succeeded. */
    public static int run(String[] args) {
        try {
            runOrThrow(args);
            return 0;
        } catch (DatabaseBackup.BackupException refused) {
            log.error("Refused: {}", refused.getMessage());
            return 1;
        } catch (Exception e) {
            log.error("Failed: {}", e.getMessage(), e);
            return 1;
        }
    }

    static void runOrThrow(String[] args) throws IOException, SQLException {
        // Lazy: the configuration is read, and checked, before the database starts.
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BackupCommand.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .lazyInitialization(true)
                .run(args)) {
            Environment environment = context.getEnvironment();
            if (!environment.getProperty("petition.db.url", "").isBlank()) {
                throw new DatabaseBackup.BackupException("This command backs up the embedded database; an external"
                        + " PostgreSQL is backed up with PostgreSQL's own tools (docs/DEPLOYMENT.md)");
            }
            Path dataDir = Path.of(environment.getRequiredProperty("petition.db.data-dir")).toAbsolutePath().normalize();
            String to = environment.getProperty(BACKUP_TO);
            String from = environment.getProperty(RESTORE_FROM);
            if ((to == null) == (from == null)) {
                throw new DatabaseBackup.BackupException("Give either --" + BACKUP_TO + "=FILE or --" + RESTORE_FROM + "=FILE");
            }
            DatabaseBackup backup = new DatabaseBackup(DatabaseBackup.serviceVersion());
            if (to != null) {
                backUp(context, backup, dataDir, Path.of(to).toAbsolutePath());
            } else {
                restore(context, backup, dataDir, Path.of(from).toAbsolutePath());
            }
        }
    }

    private static void backUp(ConfigurableApplicationContext context, DatabaseBackup backup, Path dataDir, Path file)
            throws IOException, SQLException {
        if (!Files.isRegularFile(dataDir.resolve("PG_VERSION"))) {
            throw new DatabaseBackup.BackupException("No database in " + dataDir + " (petition.db.data-dir, PETITION_DATA_DIR)");
        }
        refuseWhileRunning(dataDir);
        if (Files.exists(file)) {
            throw new DatabaseBackup.BackupException(file + " exists already: name a new file");
        }
        DataSource dataSource = context.getBean(DataSource.class);
        long started = System.nanoTime();
        // Written beside its place, readable by its owner alone (it holds every petitioner's data), then
        // moved there whole: a backup that failed half-way never stands under the name asked for.
        Path partial = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".partial",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            BackupManifest manifest;
            try (OutputStream out = Files.newOutputStream(partial)) {
                manifest = backup.write(dataSource, out);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            log.info("Backed up {} tables ({} rows, schema version {}) from {} to {} ({} bytes) in {} ms",
                    manifest.tables().size(), rows(manifest), manifest.flywayVersion(), dataDir, file, Files.size(file),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void restore(ConfigurableApplicationContext context, DatabaseBackup backup, Path dataDir, Path file)
            throws IOException, SQLException {
        if (!Files.isRegularFile(file)) {
            throw new DatabaseBackup.BackupException("No backup at " + file);
        }
        if (Files.exists(dataDir)) {
            try (Stream<Path> entries = Files.list(dataDir)) {
                if (entries.findAny().isPresent()) {
                    throw new DatabaseBackup.BackupException("A backup is restored only into an empty data directory, and "
                            + dataDir + " is not: move it aside (or set PETITION_DATA_DIR to a new directory)");
                }
            }
        }
        long started = System.nanoTime();
        BackupManifest manifest = backup.restore(context.getBean(DataSource.class), file);
        log.info("Restored {} tables ({} rows, schema version {}, taken {} by service {}) from {} into {} in {} ms",
                manifest.tables().size(), rows(manifest), manifest.flywayVersion(), manifest.createdAt(),
                manifest.service(), file, dataDir, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /**
     * The embedded PostgreSQL of a running service holds the data directory; starting the database here
     * would stop it (it would be taken for one a killed service left behind). Use the admin action then.
     */
    private static void refuseWhileRunning(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        boolean alive = first.matches("[0-9]+") && ProcessHandle.of(Long.parseLong(first))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .isPresent();
        if (alive) {
            throw new DatabaseBackup.BackupException("The database in " + dataDir + " is in use (PostgreSQL pid " + first
                    + "): stop the service first, or back up while it runs with GET /api/admin/backup");
        }
    }

    private static long rows(BackupManifest manifest) {
        return manifest.tables().stream().mapToLong(BackupManifest.Table::rows).sum();
    }
}
