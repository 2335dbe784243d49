package vn.commune.petition.api.petition;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.commune.petition.api.deadline.CommuneClock;
import vn.commune.petition.api.problem.NotFoundException;
import vn.commune.petition.api.write.WriteHeaders;
import vn.commune.petition.api.write.Writes;
import vn.commune.petition.api.write.Written;
import vn.commune.petition.domain.petition.AttachScan;
import vn.commune.petition.projections.petition.PetitionView;
import vn.commune.petition.projections.petition.PetitionViewQueries;

/**
 * The scans of the documents handed over: in one transaction the ScanAttached event, which names the
 * file by its SHA-256 (so the audit chain covers it), and the file's bytes in {@code petition_scans}.
 * The file's kind is told from its bytes (ScanType); the last scan of a document is the one shown.
 */
@Component
public class Scans {

    static final String NO_PETITION = "No petition has this id";
    static final String NO_SCAN = "This document has no scan";

    /** A document's scan as a listing shows it. */
    public record Scan(int document, String contentType, long size, String sha256) {
    }

    /** A scan's file. */
    public record File(String contentType, String extension, String sha256, byte[] bytes) {
    }

    /** What an Idempotency-Key is kept for: the document and the file's digest, not its bytes. */
    private record Attached(int document, String sha256) {
    }

    private final Writes writes;
    private final PetitionViewQueries views;
    private final PetitionReader reader;
    private final JdbcClient jdbc;
    private final Clock clock;

    Scans(Writes writes, PetitionViewQueries views, PetitionReader reader, JdbcClient jdbc, Clock clock) {
        this.writes = writes;
        this.views = views;
        this.reader = reader;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The petition, if {@code user} may see what its petitioners handed over (PetitionReader); 404 for
     * anyone else, as if it had no documents.
     */
    PetitionView visibleTo(String petitionId, Authentication user) {
        PetitionView view = views.find(NotFoundException.unlessId(petitionId, NO_PETITION))
                .orElseThrow(() -> new NotFoundException(NO_PETITION));
        if (!reader.maySeePetitioners(user, view.kind())) {
            throw new NotFoundException(NO_SCAN);
        }
        return view;
    }

    /**
     * Attaches {@code bytes} as the scan of the {@code document}-th document handed over: 200 with the
     * petition's view; 404 for no such petition; 415 for a file that is not a PDF, JPEG or PNG; 409
     * (NO_SUCH_DOCUMENT) for a number the receipt does not list.
     */
    public Written<PetitionView> attach(String petitionId, int document, byte[] bytes, WriteHeaders headers) {
        String id = NotFoundException.unlessId(petitionId, NO_PETITION);
        views.find(id).orElseThrow(() -> new NotFoundException(NO_PETITION));
        ScanType type = ScanType.of(bytes).orElseThrow(UnsupportedScanException::new);
        String sha256 = sha256(bytes);
        return writes.run(headers, new Attached(document, sha256), PetitionView.class, () -> {
            views.lockVersion(id).orElseThrow(() -> new NotFoundException(NO_PETITION));
            writes.send(new AttachScan(id, document, type.mediaType(), bytes.length, sha256, CommuneClock.today(clock)));
            jdbc.sql("""
                    INSERT INTO petition_scans (petition_id, document, sha256, content_type, size, bytes)
                    VALUES (:id, :document, :sha256, :type, :size, :bytes)""")
                    .param("id", id).param("document", document).param("sha256", sha256)
                    .param("type", type.mediaType()).param("size", bytes.length).param("bytes", bytes)
                    .update();
            PetitionView view = views.find(id).orElseThrow(() -> new NotFoundException(NO_PETITION));
            return new Written<>(200, null, "\"" + view.version() + "\"", view, false);
        });
    }

    /** The last scan of each document of a petition, by document number. */
    @Transactional(readOnly = true)
    public Map<Integer, Scan> of(String petitionId) {
        List<Scan> scans = jdbc.sql("""
                        SELECT DISTINCT ON (document) document, content_type, size, sha256
                          FROM petition_scans WHERE petition_id = :id
                         ORDER BY document, stored_at DESC""")
                .param("id", petitionId)
                .query((rs, row) -> new Scan(rs.getInt("document"), rs.getString("content_type"), rs.getLong("size"),
                        rs.getString("sha256")))
                .list();
        return scans.stream().collect(Collectors.toMap(Scan::document, Function.identity()));
    }

    /** The last scan of the {@code document}-th document, or empty. */
    @Transactional(readOnly = true)
    public Optional<File> file(String petitionId, int document) {
        return jdbc.sql("""
                        SELECT content_type, sha256, bytes FROM petition_scans
                         WHERE petition_id = :id AND document = :document
                         ORDER BY stored_at DESC LIMIT 1""")
                .param("id", petitionId).param("document", document)
                .query((rs, row) -> {
                    ScanType type = ScanType.ofMediaType(rs.getString("content_type"));
                    return new File(type.mediaType(), type.extension(), rs.getString("sha256"), rs.getBytes("bytes"));
                })
                .optional();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
