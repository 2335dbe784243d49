package vn.commune.petition.api.backup;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.commune.petition.api.database.CommuneScope;
import vn.commune.petition.api.security.Communes;

/**
 * A backup of the whole database while the service runs (ADMIN): taken into a temporary file readable
 * by the service alone, then sent with its length and its SHA-256 ({@code Repr-Digest}, RFC 9530),
 * and deleted. It holds every petitioner's data, denunciators' included: keep it as the database is kept.
 */
@RestController
class BackupController {

    private static final Logger log = LoggerFactory.getLogger(BackupController.class);

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final Communes communes;
    private final DatabaseBackup backup = new DatabaseBackup(DatabaseBackup.serviceVersion());

    BackupController(DataSource dataSource, Communes communes) {
        this.dataSource = dataSource;
        this.communes = communes;
    }

    @GetMapping("/api/admin/backup")
    void backup(Authentication user, HttpServletResponse response) throws IOException, SQLException {
        communes.requireEveryCommune(user.getName());
        long started = System.nanoTime();
        Path file = Files.createTempFile("petition-backup-", ".zip",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            MessageDigest sha256 = sha256();
            BackupManifest manifest;
            // The whole database, every commune's rows: read as the owner, outside the admin's commune scope.
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256);
                 CommuneScope.Opened owner = CommuneScope.owner()) {
                manifest = backup.write(dataSource, out);
            }
            log.info("Backup of {} tables, {} bytes, taken in {} ms", manifest.tables().size(), Files.size(file),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            response.setContentType("application/zip");
            response.setHeader("Content-Disposition", "attachment; filename=\"petition-backup-"
                    + FILE_TIME.format(Instant.parse(manifest.createdAt())) + "Z.zip\"");
            response.setHeader("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(sha256.digest()) + ":");
            response.setHeader("Cache-Control", "no-store");
            response.setContentLengthLong(Files.size(file));
            Files.copy(file, response.getOutputStream());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
