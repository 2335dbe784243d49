package vn.commune.petition.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.commune.petition.projections.ProjectionDatabase;

/**
 * The time a seal of 100,000 new events takes after a seal over 1,000,000, grown from the last seal's
 * peaks, against reading every hash again as seals did before (docs/BENCHMARKS.md). Only on demand:
 * {@code -Dbench.seals=true}; it writes {@code target/seal-bench.txt}.
 */
@EnabledIfSystemProperty(named = "bench.seals", matches = "true")
class SealBenchmark {

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase();

    private static final long FIRST = 1_000_000;
    private static final long NEW = 100_000;

    @Test
    void a_seal_of_new_events_reads_only_them() throws IOException {
        // The event table as far as a seal reads it: the positions and when they were stored.
        database.jdbc().sql("CREATE TABLE IF NOT EXISTS domainevententry (global_index BIGINT PRIMARY KEY,"
                + " time_stamp VARCHAR(255) NOT NULL)").update();
        database.jdbc().sql("TRUNCATE domainevententry, event_hash, audit_seal").update();
        TransactionTemplate transaction =
                new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
        Seals seals = new Seals(database.jdbc(), Clock.systemUTC(), Duration.ZERO);

        store(1, FIRST);
        long full = System.nanoTime();
        Seals.Seal first = transaction.execute(s -> seals.seal("bench").orElseThrow());
        double firstSeconds = (System.nanoTime() - full) / 1e9;
        assertThat(first.eventCount()).isEqualTo(FIRST);

        store(FIRST + 1, FIRST + NEW);
        long incremental = System.nanoTime();
        Seals.Seal next = transaction.execute(s -> seals.seal("bench").orElseThrow());
        double nextSeconds = (System.nanoTime() - incremental) / 1e9;

        // As seals were made before: every hash read again, the tree computed over all of them.
        long old = System.nanoTime();
        List<String> all = database.jdbc().sql("SELECT hash FROM event_hash WHERE global_index <= :upTo"
                        + " ORDER BY global_index").param("upTo", next.upToGlobalIndex()).query(String.class).list();
        String root = MerkleTree.root(all);
        double oldSeconds = (System.nanoTime() - old) / 1e9;

        assertThat(next.eventCount()).isEqualTo(FIRST + NEW);
        assertThat(next.merkleRoot()).isEqualTo(root);
        String report = String.format(Locale.ROOT, """
                        first seal, %d events, from nothing: %.2f s
                        next seal, %d new events after it, from its peaks: %.2f s
                        the same seal as before, every %d hashes read again: %.2f s (%.0fx)
                        """, FIRST, firstSeconds, NEW, nextSeconds, FIRST + NEW, oldSeconds,
                oldSeconds / nextSeconds);
        System.out.print(report);
        Files.writeString(Path.of("target", "seal-bench.txt"), report);
        database.jdbc().sql("DROP TABLE domainevententry").update();
    }

    /** Stores the hashes of the events at these positions, recorded long ago. */
    private static void store(long from, long to) {
        database.jdbc().sql("""
                        INSERT INTO domainevententry (global_index, time_stamp)
                        SELECT i, '2024-01-01T00:00:00Z' FROM generate_series(:from, :to) AS i""")
                .param("from", from).param("to", to).update();
        database.jdbc().sql("""
                        INSERT INTO event_hash (event_identifier, aggregate_identifier, sequence_number, global_index,
                                                hash, previous_hash, commitments)
                        SELECT 'e' || i, 'a' || i, 0, i, encode(sha256(int8send(i)), 'hex'), repeat('0', 64), '{}'
                          FROM generate_series(:from, :to) AS i""")
                .param("from", from).param("to", to).update();
    }
}
