package vn.commune.petition.projections.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Niêm phong: a Merkle root over the hashes of every event up to a global index. Printed and
 * attached to the session minutes, a seal pins the past: no event before it can be changed,
 * removed or added, even with its hash recomputed, without the seal failing to verify.
 */
@Component
public class Seals {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration settle;

    /**
     * {@code settle}: events younger than this may still have a transaction in flight below them,
     * so they wait for the next seal ({@code petition.audit.settle}, a minute by default: more than
     * twice the longest transaction the service's connections allow, by the reasoning of the
     * counts' gap timeout in AxonConfiguration).
     */
    public Seals(JdbcClient jdbc, Clock clock, @Value("${petition.audit.settle:PT1M}") Duration settle) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settle = settle;
    }

    /** A seal as stored. */
    public record Seal(long id, long upToGlobalIndex, long eventCount, String merkleRoot, Instant sealedAt,
                       String sealedBy) {
    }

    /** Seals every event stored before a few seconds ago; empty when nothing new is there to seal. */
    @Transactional
    public Optional<Seal> seal(String sealedBy) {
        Instant settled = clock.instant().minus(settle);
        Long upTo = jdbc.sql("SELECT max(global_index) FROM domainevententry WHERE time_stamp < :settled")
                .param("settled", settled.toString())
                .query(Long.class)
                .optional()
                .orElse(null);
        Long last = latest().map(Seal::upToGlobalIndex).orElse(null);
        if (upTo == null || (last != null && upTo <= last)) {
            return Optional.empty();
        }
        List<String> hashes = jdbc.sql("SELECT hash FROM event_hash WHERE global_index <= :upTo ORDER BY global_index")
                .param("upTo", upTo)
                .query(String.class)
                .list();
        Instant now = clock.instant();
        long id = jdbc.sql("""
                INSERT INTO audit_seal (up_to_global_index, event_count, merkle_root, sealed_at, sealed_by)
                VALUES (:upTo, :count, :root, :at, :by) RETURNING id""")
                .param("upTo", upTo)
                .param("count", hashes.size())
                .param("root", MerkleTree.root(hashes))
                .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("by", sealedBy)
                .query(Long.class)
                .single();
        return find(id);
    }

    public Optional<Seal> find(long id) {
        return jdbc.sql("SELECT * FROM audit_seal WHERE id = :id").param("id", id).query(Seals::seal).optional();
    }

    public Optional<Seal> latest() {
        return jdbc.sql("SELECT * FROM audit_seal ORDER BY id DESC LIMIT 1").query(Seals::seal).optional();
    }

    public List<Seal> all() {
        return jdbc.sql("SELECT * FROM audit_seal ORDER BY id").query(Seals::seal).list();
    }

    static Seal seal(ResultSet rs, int n) throws SQLException {
        return new Seal(rs.getLong("id"), rs.getLong("up_to_global_index"), rs.getLong("event_count"),
                rs.getString("merkle_root"), rs.getObject("sealed_at", OffsetDateTime.class).toInstant(),
                rs.getString("sealed_by"));
    }
}
