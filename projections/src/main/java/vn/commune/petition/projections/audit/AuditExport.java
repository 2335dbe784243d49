package vn.commune.petition.projections.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Xuất dữ liệu kiểm tra: a self-contained zip an inspector checks without this service. Events are
 * in their canonical encoding, where personal fields are only salted commitments: no name,
 * address, ID number or phone of anyone, denunciators included, ever leaves in an export.
 */
@Component
public class AuditExport {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final JdbcClient jdbc;
    private final StoredEvents events;
    private final Seals seals;

    public AuditExport(JdbcClient jdbc, StoredEvents events, Seals seals) {
        this.jdbc = jdbc;
        this.events = events;
        this.seals = seals;
    }

    /**
     * Writes the export of every aggregate with an event recorded in [from, to), each with its whole
     * chain up to {@code to}, and every seal with the event hashes it covers.
     */
    @Transactional(readOnly = true)
    public void write(Instant from, Instant to, OutputStream out) throws IOException {
        List<String> aggregates = jdbc.sql("""
                SELECT DISTINCT aggregate_identifier FROM domainevententry
                WHERE time_stamp >= :from AND time_stamp < :to ORDER BY 1""")
                .param("from", from.toString())
                .param("to", to.toString())
                .query(String.class)
                .list();
        StringBuilder lines = new StringBuilder();
        StringBuilder hashes = new StringBuilder();
        for (String aggregate : aggregates) {
            for (StoredEvents.Row row : events.ofAggregate(aggregate)) {
                if (row.event().recordedAt().compareTo(to.toString()) >= 0) {
                    break;
                }
                Map<String, Object> link = jdbc.sql("SELECT hash, previous_hash, commitments FROM event_hash"
                                + " WHERE event_identifier = :id")
                        .param("id", row.event().eventId())
                        .query()
                        .singleRow();
                Map<String, String> commitments = JSON.readValue(link.get("commitments").toString(),
                        new com.fasterxml.jackson.core.type.TypeReference<>() { });
                // No salt: the export carries the stored commitments, never the values behind them.
                lines.append(CanonicalEncoding.encode(withoutPersonalData(row), (String) link.get("previous_hash"),
                        null, commitments)).append('\n');
                hashes.append(link.get("hash")).append(' ').append(row.globalIndex()).append('\n');
            }
        }
        List<Seals.Seal> all = seals.all();
        long sealedUpTo = all.isEmpty() ? -1 : all.get(all.size() - 1).upToGlobalIndex();
        String leaves = String.join("\n", jdbc.sql(
                        "SELECT hash FROM event_hash WHERE global_index <= :upTo ORDER BY global_index")
                .param("upTo", sealedUpTo)
                .query(String.class)
                .list());
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            entry(zip, "events.jsonl", lines.toString());
            entry(zip, "hashes.txt", hashes.toString());
            entry(zip, "seals.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all));
            entry(zip, "seal-leaves.txt", leaves.isEmpty() ? "" : leaves + "\n");
            entry(zip, "verify.py", resource("/audit/verify.py"));
            entry(zip, "README.txt", readme(from, to, aggregates.size()));
        }
    }

    /** The stored event with every personal field's value removed; the commitments stand in for them. */
    private static CanonicalEncoding.StoredEvent withoutPersonalData(StoredEvents.Row row) {
        return new CanonicalEncoding.StoredEvent(row.event().eventId(), row.event().aggregateId(),
                row.event().sequence(), row.event().type(), row.event().recordedAt(), row.event().recordedBy(),
                Redaction.erase(row.event().data()));
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = AuditExport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String readme(Instant from, Instant to, int aggregates) {
        return """
                Audit export of the petition service
                Events recorded from %s to %s: %d chains, each complete from its first event.

                events.jsonl     one event per line, in its canonical encoding (docs/AUDIT.md);
                                 personal fields appear only as {"commitment": sha256(salt || value)}
                hashes.txt       for each line of events.jsonl: its SHA-256 and its global index
                seals.json       the seals: Merkle roots (RFC 6962) over all event hashes up to a global index
                seal-leaves.txt  every event hash up to the latest seal, in global order

                Check it with Python 3 and nothing else:
                    python3 verify.py
                or the hashes alone with coreutils:
                    while IFS= read -r l; do printf '%%s' "$l" | sha256sum | cut -c1-64; done < events.jsonl \\
                      | diff - <(cut -d' ' -f1 hashes.txt) && echo "every line hashes as listed"
                """.formatted(from, to, aggregates);
    }
}
