package vn.commune.petition.projections.counts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.commune.petition.projections.ProjectionDatabase;

/**
 * The counts a province's inspector reads (docs/BENCHMARKS.md): 100 communes of 10,000 petitions each,
 * the counts of all of them together and each one's, as GET /api/counts runs them for an account that
 * oversees the province, under the row-level security of V18_3 as a request runs. Only on demand:
 * {@code -Dbench.province=true}; it writes {@code target/province-bench.txt}.
 */
@EnabledIfSystemProperty(named = "bench.province", matches = "true")
class ProvinceCountsBenchmark {

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase();

    private static final int COMMUNES = 100;
    private static final int PETITIONS = 10_000;
    private static final int WARM_UP = 20;
    private static final int RUNS = 100;

    @Test
    void a_provinces_counts_each_commune_apart() throws IOException, SQLException {
        seed();
        List<String> communes = IntStream.rangeClosed(1, COMMUNES).mapToObj(i -> String.valueOf(20_000 + i)).toList();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "%d communes of %d petitions (%d rows in count_petition), %d reads after %d to warm up%n",
                COMMUNES, PETITIONS, COMMUNES * PETITIONS, RUNS, WARM_UP));
        for (LocalDate[] period : List.of(
                new LocalDate[] {LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30)},
                // Not whole months: the days of the partial ones are read.
                new LocalDate[] {LocalDate.of(2026, 1, 15), LocalDate.of(2026, 7, 14)},
                new LocalDate[] {LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)})) {
            for (String line : List.of(
                    measure("province, per commune (countByCommune)", communes, period, Read.EACH),
                    measure("province, together with breakdowns (count)", communes, period, Read.TOGETHER),
                    measure("one commune (count)", List.of("20001"), period, Read.TOGETHER))) {
                System.out.print(line);
                report.append(line);
            }
        }
        Files.writeString(Path.of("target", "province-bench.txt"), report);
        database.jdbc().sql("TRUNCATE count_petition, count_mediation, count_fact, count_bucket, count_bucket_key").update();
    }

    /** What is read: each commune's counts, or the counts of all together (GET /api/counts reads both for a province). */
    private enum Read { EACH, TOGETHER }

    /** The reads of one account over a period, as a request runs them; their p50 and p99. */
    private static String measure(String who, List<String> communes, LocalDate[] period, Read read)
            throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT set_config('petition.communes', '"
                        + communes.stream().map(c -> '"' + c + '"').collect(Collectors.joining(",", "{", "}"))
                        + "', false), set_config('role', 'petition_request', false)");
            }
            CountsQueries counts = new CountsQueries(JdbcClient.create(new SingleConnectionDataSource(connection, true)));
            double[] millis = new double[RUNS];
            long received = 0;
            for (int run = -WARM_UP; run < RUNS; run++) {
                long start = System.nanoTime();
                PetitionCounts together = read == Read.EACH ? null : counts.count(period[0], period[1]);
                Map<String, PetitionCounts> each = read == Read.TOGETHER ? Map.of()
                        : counts.countByCommune(period[0], period[1]);
                if (run >= 0) {
                    millis[run] = (System.nanoTime() - start) / 1e6;
                }
                long sum = each.values().stream().mapToLong(PetitionCounts::received).sum();
                received = together == null ? sum : together.received();
                if (read != Read.TOGETHER) {
                    assertThat(each).hasSize(communes.size());
                    assertThat(sum).isEqualTo(received);
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("RESET ROLE; RESET petition.communes");
            }
            assertThat(received).isPositive();
            Arrays.sort(millis);
            return String.format(Locale.ROOT, "%s to %s, %s: %d received; p50 %.1f ms, p99 %.1f ms%n",
                    period[0], period[1], who, received, millis[RUNS / 2], millis[RUNS * 99 / 100]);
        }
    }

    /**
     * Each commune's 10,000 petitions received evenly over the 30 months to 30 November 2026 (about 300
     * events a week, the figure for a commune since 2025); seven in ten accepted three days on;
     * 95 in 100 closed within three months of receipt, the rest still open; one in five mediated.
     */
    private static void seed() {
        JdbcClient jdbc = database.jdbc();
        jdbc.sql("TRUNCATE count_petition, count_mediation, count_fact, count_bucket, count_bucket_key").update();
        jdbc.sql("""
                INSERT INTO count_petition (petition_id, commune, received_on, kind, channel, field, ward, accepted_on,
                    due_on, closed_on, closed_as)
                SELECT id, commune, received_on, kind, 'IN_PERSON', 'Đất đai', NULL,
                       CASE WHEN r < 0.7 THEN received_on + 3 END, received_on + 30,
                       CASE WHEN r < 0.95 AND received_on + (r * 95)::int <= DATE '2026-11-30'
                            THEN received_on + (r * 95)::int END,
                       CASE WHEN r < 0.95 AND received_on + (r * 95)::int <= DATE '2026-11-30'
                            THEN (CASE WHEN r < 0.7 THEN 'RESOLVED' ELSE 'GUIDED' END) END
                  FROM (SELECT 'p-' || c || '-' || n AS id, CAST(20000 + c AS varchar) AS commune,
                               DATE '2024-06-01' + (n * 912 / :petitions) AS received_on,
                               (ARRAY['COMPLAINT', 'DENUNCIATION', 'RECOMMENDATION', 'FEEDBACK'])[1 + n % 4] AS kind,
                               random() AS r
                          FROM generate_series(1, :communes) AS c, generate_series(0, :petitions - 1) AS n) p
                """).param("communes", COMMUNES).param("petitions", PETITIONS).update();
        jdbc.sql("""
                INSERT INTO count_mediation (petition_id, sequence, commune, held_on, outcome)
                SELECT petition_id, 2, commune, received_on + 10, CASE WHEN random() < 0.6 THEN 'SUCCEEDED' ELSE 'FAILED' END
                  FROM count_petition WHERE random() < 0.2
                """).update();
        jdbc.sql("VACUUM ANALYZE count_petition").update();
        jdbc.sql("VACUUM ANALYZE count_mediation").update();
        jdbc.sql("VACUUM ANALYZE count_bucket").update();
        jdbc.sql("VACUUM ANALYZE count_bucket_key").update();
    }
}
