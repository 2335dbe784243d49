package vn.commune.petition.projections.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the hash chains and the seals from what the database holds now, and reports the
 * first event that does not match: altered content, a deleted or inserted event, a broken link.
 */
@Component
public class AuditVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> COMMITMENTS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final StoredEvents events;

    public AuditVerifier(JdbcClient jdbc, StoredEvents events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The outcome of a verification: OK, or the first mismatch found. */
    public record Verification(String status, long eventsChecked, long sealsChecked, Mismatch firstMismatch) {

        static Verification ok(long events, long seals) {
            return new Verification("OK", events, seals, null);
        }

        static Verification broken(long events, long seals, Mismatch mismatch) {
            return new Verification("BROKEN", events, seals, mismatch);
        }
    }

    /** Where verification failed and why. */
    public record Mismatch(String aggregateId, Long sequence, Long globalIndex, String problem) {
    }

    private record Link(String eventId, long sequence, long globalIndex, String hash, String previousHash,
                        Map<String, String> commitments) {
    }

    /** Verifies one aggregate's chain; empty if there is no such aggregate. */
    @Transactional(readOnly = true)
    public Optional<Verification> verifyAggregate(String aggregateId) {
        List<StoredEvents.Row> rows = events.ofAggregate(aggregateId);
        List<Link> links = links("WHERE aggregate_identifier = :id", Map.of("id", aggregateId));
        if (rows.isEmpty() && links.isEmpty()) {
            return Optional.empty();
        }
        Mismatch mismatch = check(aggregateId, rows, links);
        return Optional.of(mismatch == null ? Verification.ok(rows.size(), 0)
                : Verification.broken(rows.size(), 0, mismatch));
    }

    /** How far a verification of the whole store has gone: chains checked of all, events checked so far. */
    @FunctionalInterface
    public interface Progress {

        void chains(int checked, int total, long events);
    }

    /** Verifies every chain of events up to {@code upTo} (all when null), and every seal within it. */
    @Transactional(readOnly = true)
    public Verification verifyAll(Long upTo) {
        return verifyAll(upTo, (checked, total, events) -> { });
    }

    /** As {@link #verifyAll(Long)}, telling {@code progress} after each chain. */
    @Transactional(readOnly = true)
    public Verification verifyAll(Long upTo, Progress progress) {
        long limit = upTo == null ? Long.MAX_VALUE : upTo;
        List<String> aggregates = jdbc.sql("""
                SELECT aggregate_identifier FROM domainevententry WHERE global_index <= :upTo
                UNION SELECT aggregate_identifier FROM event_hash WHERE global_index <= :upTo
                ORDER BY 1""")
                .param("upTo", limit)
                .query(String.class)
                .list();
        long checked = 0;
        int chains = 0;
        progress.chains(0, aggregates.size(), 0);
        for (String aggregate : aggregates) {
            List<StoredEvents.Row> rows = events.ofAggregate(aggregate).stream()
                    .filter(row -> row.globalIndex() <= limit).toList();
            List<Link> links = links("WHERE aggregate_identifier = :id AND global_index <= :upTo",
                    Map.of("id", aggregate, "upTo", limit));
            checked += rows.size();
            Mismatch mismatch = check(aggregate, rows, links);
            if (mismatch != null) {
                return Verification.broken(checked, 0, mismatch);
            }
            progress.chains(++chains, aggregates.size(), checked);
        }
        List<Seals.Seal> seals = jdbc.sql("SELECT * FROM audit_seal WHERE up_to_global_index <= :upTo ORDER BY id")
                .param("upTo", limit)
                .query(Seals::seal)
                .list();
        for (Seals.Seal seal : seals) {
            List<String> hashes = jdbc.sql("""
                    SELECT h.hash FROM event_hash h JOIN domainevententry e ON e.event_identifier = h.event_identifier
                    WHERE h.global_index <= :upTo ORDER BY h.global_index""")
                    .param("upTo", seal.upToGlobalIndex())
                    .query(String.class)
                    .list();
            if (hashes.size() != seal.eventCount() || !MerkleTree.root(hashes).equals(seal.merkleRoot())) {
                return Verification.broken(checked, seals.indexOf(seal) + 1, new Mismatch(null, null,
                        seal.upToGlobalIndex(), "seal " + seal.id() + " no longer matches the events up to global index "
                        + seal.upToGlobalIndex() + ": an event was removed, added or rewritten with its hash"));
            }
        }
        return Verification.ok(checked, seals.size());
    }

    private Mismatch check(String aggregateId, List<StoredEvents.Row> rows, List<Link> links) {
        Map<String, Link> byEvent = new HashMap<>();
        links.forEach(link -> byEvent.put(link.eventId(), link));
        String previous = CanonicalEncoding.GENESIS;
        long expectedSequence = 0;
        for (StoredEvents.Row row : rows) {
            long sequence = row.event().sequence();
            if (sequence != expectedSequence) {
                return new Mismatch(aggregateId, expectedSequence, null, "the event with this sequence is missing");
            }
            Link link = byEvent.remove(row.event().eventId());
            if (link == null) {
                return new Mismatch(aggregateId, sequence, row.globalIndex(), "the event has no recorded hash");
            }
            if (link.sequence() != sequence || link.globalIndex() != row.globalIndex()) {
                return new Mismatch(aggregateId, sequence, row.globalIndex(), "the event was moved");
            }
            if (!link.previousHash().equals(previous)) {
                return new Mismatch(aggregateId, sequence, row.globalIndex(), "the chain is broken before this event");
            }
            String hash;
            try {
                hash = CanonicalEncoding.hash(CanonicalEncoding.encode(row.event(), previous, salt(link.eventId()),
                        link.commitments()));
            } catch (CanonicalEncoding.AlteredPersonalData e) {
                return new Mismatch(aggregateId, sequence, row.globalIndex(), e.getMessage());
            }
            if (!hash.equals(link.hash())) {
                return new Mismatch(aggregateId, sequence, row.globalIndex(), "the event's content was altered");
            }
            previous = hash;
            expectedSequence++;
        }
        if (!byEvent.isEmpty()) {
            Link orphan = byEvent.values().stream().min((a, b) -> Long.compare(a.sequence(), b.sequence())).get();
            return new Mismatch(aggregateId, orphan.sequence(), orphan.globalIndex(),
                    "a hashed event is no longer in the event table");
        }
        return null;
    }

    private byte[] salt(String eventId) {
        return jdbc.sql("SELECT salt FROM event_salt WHERE event_identifier = :id")
                .param("id", eventId)
                .query(byte[].class)
                .optional()
                .orElse(null);
    }

    private List<Link> links(String where, Map<String, ?> params) {
        return jdbc.sql("SELECT * FROM event_hash " + where + " ORDER BY sequence_number")
                .params(params)
                .query((rs, n) -> new Link(rs.getString("event_identifier"), rs.getLong("sequence_number"),
                        rs.getLong("global_index"), rs.getString("hash"), rs.getString("previous_hash"),
                        read(rs.getString("commitments"))))
                .list();
    }

    private static Map<String, String> read(String json) {
        try {
            return JSON.readValue(json, COMMITMENTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
