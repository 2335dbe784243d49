package vn.commune.petition.projections.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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

    /**
     * Seals every event stored before the settle time; empty when nothing new is there to seal, or when
     * another instance of the service is sealing at this moment (the seal is made once per cluster).
     */
    @Transactional
    public Optional<Seal> seal(String sealedBy) {
        return seal(sealedBy, Duration.ZERO);
    }

    /**
     * As {@link #seal(String)}, and empty too when the latest seal was made less than {@code
     * unlessSealedWithin} ago: a scheduled seal fired on every instance is made by the first.
     *
     * <p>Taken under a transaction-scoped advisory lock, so that instances never seal at the same time;
     * each seal names the one it follows, at most one seal follows another (a unique index), and it is
     * computed from that one's peaks: it reads the hashes of the events since, not every hash again.
     */
    @Transactional
    public Optional<Seal> seal(String sealedBy, Duration unlessSealedWithin) {
        if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('petition.audit.seal'))")
                .query(Boolean.class).single()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Seal> last = latest();
        if (last.isPresent() && last.get().sealedAt().isAfter(now.minus(unlessSealedWithin))) {
            return Optional.empty();
        }
        Instant settled = now.minus(settle);
        Long upTo = jdbc.sql("SELECT max(global_index) FROM domainevententry WHERE time_stamp < :settled")
                .param("settled", settled.toString())
                .query(Long.class)
                .optional()
                .orElse(null);
        if (upTo == null || (last.isPresent() && upTo <= last.get().upToGlobalIndex())) {
            return Optional.empty();
        }
        // From the peaks the last seal kept; from the first event after a seal made before seals kept them.
        Optional<MerkleTree.Peaks> kept = last.flatMap(this::peaks);
        MerkleTree.Peaks grown = kept.orElseGet(MerkleTree.Peaks::empty);
        long after = kept.isPresent() ? last.get().upToGlobalIndex() : -1;
        jdbc.sql("SELECT hash FROM event_hash WHERE global_index > :after AND global_index <= :upTo"
                        + " ORDER BY global_index")
                .param("after", after)
                .param("upTo", upTo)
                .query(rs -> {
                    grown.append(rs.getString(1));
                });
        // At most one seal follows each (the first follows none): two seals never cover the same new events.
        Optional<Long> id = jdbc.sql("""
                INSERT INTO audit_seal (up_to_global_index, event_count, merkle_root, sealed_at, sealed_by,
                                        previous_seal_id, merkle_peaks)
                VALUES (:upTo, :count, :root, :at, :by, :previous, :peaks)
                ON CONFLICT (previous_seal_id) DO NOTHING
                RETURNING id""")
                .param("upTo", upTo)
                .param("count", grown.size())
                .param("root", grown.root())
                .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("by", sealedBy)
                .param("previous", last.map(Seal::id).orElse(null), Types.BIGINT)
                .param("peaks", grown.encoded())
                .query(Long.class)
                .optional();
        return id.flatMap(this::find);
    }

    /** The peaks a seal kept, checked against its root; empty for a seal made before seals kept them. */
    private Optional<MerkleTree.Peaks> peaks(Seal seal) {
        String kept = jdbc.sql("SELECT merkle_peaks FROM audit_seal WHERE id = :id").param("id", seal.id())
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).single().orElse(null);
        if (kept == null) {
            return Optional.empty();
        }
        MerkleTree.Peaks peaks = MerkleTree.Peaks.decode(seal.eventCount(), kept);
        if (!peaks.root().equals(seal.merkleRoot())) {
            throw new IllegalStateException("The peaks kept with seal " + seal.id() + " do not give its root");
        }
        return Optional.of(peaks);
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
