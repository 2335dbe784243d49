package vn.commune.petition.projections.counts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.commune.petition.domain.deadline.Timeliness;
import vn.commune.petition.domain.petition.PetitionStatus;

/** Computes {@link PetitionCounts} for any period from the counts projection. */
@Component
public class CountsQueries {

    private final JdbcClient jdbc;

    public CountsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The facts of each petition as known at an instant, in the columns of count_petition. */
    private static final String PETITIONS_KNOWN_AT = """
            (SELECT petition_id,
                    min(occurred_on) FILTER (WHERE type = 'PetitionReceived') AS received_on,
                    min(kind) AS kind, min(channel) AS channel, min(field) AS field, min(ward) AS ward,
                    min(occurred_on) FILTER (WHERE type = 'PetitionAccepted') AS accepted_on,
                    min(occurred_on) FILTER (WHERE closed_as IS NOT NULL) AS closed_on,
                    min(closed_as) AS closed_as,
                    (array_agg(due_on ORDER BY sequence DESC) FILTER (WHERE due_on IS NOT NULL))[1] AS due_on,
                    (array_agg(CASE WHEN type = 'ResolutionSuspended' THEN occurred_on END ORDER BY sequence DESC)
                        FILTER (WHERE type IN ('ResolutionSuspended', 'ResolutionResumed')))[1] AS suspended_on
             FROM count_fact WHERE recorded_at <= :knownAt
             GROUP BY petition_id HAVING bool_or(type = 'PetitionReceived'))""";

    /** The mediations known at an instant, in the columns of count_mediation. */
    private static final String MEDIATIONS_KNOWN_AT = """
            (SELECT occurred_on AS held_on, outcome FROM count_fact
             WHERE outcome IS NOT NULL AND recorded_at <= :knownAt)""";

    /**
     * The closures dated in the period, a column for each closed status and for each timeliness (the
     * sign of the closing date minus the deadline that governed it), as the domain's enums define them.
     */
    private static final String CLOSURES = Stream.concat(
            Arrays.stream(PetitionStatus.values()).filter(PetitionStatus::closed)
                    .map(status -> "count(*) FILTER (WHERE closed_as = '%s' AND closed_on BETWEEN :from AND :to) AS %s"
                            .formatted(status.name(), column(status))),
            Arrays.stream(Timeliness.values())
                    .map(timeliness -> ("count(*) FILTER (WHERE closed_on BETWEEN :from AND :to"
                            + " AND sign(closed_on - due_on) = %d) AS %s").formatted(timeliness.sign(), column(timeliness))))
            .collect(Collectors.joining(",\n", "", "\n"));

    /** The figures of count() over one petition per row, as columns. */
    private static final String FIGURES = """

              count(*) FILTER (WHERE received_on BETWEEN :from AND :to) AS received,
              count(*) FILTER (WHERE received_on < :from AND (closed_on IS NULL OR closed_on >= :from)) AS carried_over,
              count(*) FILTER (WHERE accepted_on BETWEEN :from AND :to) AS accepted,
              count(*) FILTER (WHERE received_on <= :to AND (closed_on IS NULL OR closed_on > :to)) AS open_at_end,
              count(*) FILTER (WHERE received_on <= :to AND (closed_on IS NULL OR closed_on > :to)
                               AND due_on < :to AND NOT COALESCE(suspended_on <= :to, false)) AS overdue_at_end,
            """ + CLOSURES;

    /**
     * Every figure of FIGURES is about a petition received by the end of the period and not closed before
     * its start (a step is never dated before the one it follows): the indexes on received_on and
     * closed_on then spare a scan of every petition ever.
     */
    private static final String IN_PERIOD = " WHERE received_on <= :to AND (closed_on IS NULL OR closed_on >= :from)";

    private static final String MEDIATION_FIGURES = """

              count(*) FILTER (WHERE outcome = 'SUCCEEDED') AS succeeded,
              count(*) FILTER (WHERE outcome = 'FAILED') AS failed
            """;

    /**
     * The figures of the period from the buckets of V18_4, as FIGURES and MEDIATION_FIGURES count them
     * over petitions: each is a sum over the days before a date, or the difference of two such sums.
     * The sum before a date x is that of the months before x's month and of the days of its month
     * before x; {@code before_from} and {@code before_next} say whether a bucket is in the sum before
     * the period's first day, and before the day after its last.
     */
    private static final String BUCKET_FIGURES = Stream.concat(Stream.of(
                    "sum(received * in_period) AS received",
                    "sum((received - closed) * before_from) AS carried_over",
                    "sum(accepted * in_period) AS accepted",
                    "sum((received - closed) * before_next) AS open_at_end",
                    "sum(overdue * before_next) AS overdue_at_end",
                    "sum(succeeded * in_period) AS succeeded",
                    "sum(failed * in_period) AS failed"),
            Stream.concat(Arrays.stream(PetitionStatus.values()).filter(PetitionStatus::closed).map(CountsQueries::column),
                            Arrays.stream(Timeliness.values()).map(CountsQueries::column))
                    .map(closed -> "sum(%1$s * in_period) AS %1$s".formatted(closed)))
            .collect(Collectors.joining(",\n  ", "\n  ", "\n"));

    /** The buckets that some sum of BUCKET_FIGURES takes, with their weights in each. */
    private static final String BUCKETS = """
            (SELECT b.*, before_next - before_from AS in_period
               FROM (SELECT b.*,
                            CAST(CASE WHEN span = 'M' THEN starts_on < :fromMonth
                                      ELSE starts_on >= :fromMonth AND starts_on < :from END AS integer) AS before_from,
                            CAST(CASE WHEN span = 'M' THEN starts_on < :nextMonth
                                      ELSE starts_on >= :nextMonth AND starts_on < :next END AS integer) AS before_next
                       FROM count_bucket b
                      WHERE span = 'M' AND starts_on < :nextMonth
                         OR span = 'D' AND (starts_on >= :fromMonth AND starts_on < :from
                                            OR starts_on >= :nextMonth AND starts_on < :next)) b) b""";

    /** The counts for the period [from, to], both inclusive, as they are now. */
    public PetitionCounts count(LocalDate from, LocalDate to) {
        // One statement, one round trip: under load each round trip waits for a core, and the
        // counts are read on every step a desk records.
        return buckets(jdbc.sql("SELECT t.*, b.* FROM (SELECT" + BUCKET_FIGURES + " FROM " + BUCKETS + ") t, "
                + BUCKET_BREAKDOWNS + " b"), from, to)
                .query((rs, row) -> counts(rs, from, to, breakdowns(rs.getArray("dimensions"), rs.getArray("keys"),
                        rs.getArray("ns"))))
                .single();
    }

    /** The counts for the period [from, to] as they could have been reported at {@code knownAt}. */
    public PetitionCounts countKnownAt(LocalDate from, LocalDate to, Instant knownAt) {
        // The relations come from this class, never from a request.
        return params(jdbc.sql("""
                SELECT t.*, o.*, b.*
                FROM (SELECT""" + FIGURES + " FROM " + PETITIONS_KNOWN_AT + " p" + IN_PERIOD + ") t,"
                + " (SELECT" + MEDIATION_FIGURES + " FROM " + MEDIATIONS_KNOWN_AT
                + " m WHERE held_on BETWEEN :from AND :to) o, " + breakdowns(PETITIONS_KNOWN_AT) + " b"),
                from, to, knownAt)
                .query((rs, row) -> counts(rs, from, to, breakdowns(rs.getArray("dimensions"), rs.getArray("keys"),
                        rs.getArray("ns"))))
                .single();
    }

    /**
     * The petitions received in the period by kind, field, channel and ward, in one pass, as three
     * parallel arrays in the order they are shown; counted over {@code petitions}.
     */
    private static String breakdowns(String petitions) {
        return breakdownsOf("""
                SELECT CASE WHEN GROUPING(kind) = 0 THEN 'kind' WHEN GROUPING(field) = 0 THEN 'field'
                            WHEN GROUPING(channel) = 0 THEN 'channel' ELSE 'ward' END AS dimension,
                       COALESCE(CASE WHEN GROUPING(kind) = 0 THEN kind WHEN GROUPING(field) = 0 THEN field
                                     WHEN GROUPING(channel) = 0 THEN channel ELSE ward END, '') AS key,
                       count(*) AS n
                """ + " FROM " + petitions + " p WHERE received_on BETWEEN :from AND :to"
                + " GROUP BY GROUPING SETS ((kind), (field), (channel), (ward))");
    }

    /**
     * The same from the keys' buckets of V18_4: the whole months of the period, and the days of the
     * months it takes in part ({@code :firstWhole}, the first day of its first whole month or of the
     * month after its end).
     */
    private static final String BUCKET_BREAKDOWNS = breakdownsOf("""
            SELECT dimension, key, sum(received) AS n
              FROM count_bucket_key
             WHERE span = 'M' AND starts_on >= :firstWhole AND starts_on < :nextMonth
                OR span = 'D' AND (starts_on >= :from AND starts_on < LEAST(:firstWhole, :next)
                                   OR starts_on >= GREATEST(:nextMonth, :firstWhole) AND starts_on < :next)
             GROUP BY dimension, key HAVING sum(received) <> 0""");

    private static String breakdownsOf(String counts) {
        return """
                (SELECT array_agg(dimension ORDER BY dimension, n DESC, key) AS dimensions,
                        array_agg(key ORDER BY dimension, n DESC, key) AS keys,
                        array_agg(n ORDER BY dimension, n DESC, key) AS ns
                 FROM (""" + counts + ") g)";
    }

    /**
     * The counts for the period of each commune the request may see (without the breakdowns by kind,
     * field, channel and ward), by commune code: what a province's overseers compare. One statement.
     */
    public Map<String, PetitionCounts> countByCommune(LocalDate from, LocalDate to) {
        Map<String, PetitionCounts> byCommune = new TreeMap<>();
        buckets(jdbc.sql("SELECT commune," + BUCKET_FIGURES + " FROM " + BUCKETS + " GROUP BY commune"), from, to)
                .query((RowCallbackHandler) rs -> byCommune.put(rs.getString("commune"), counts(rs, from, to, Map.of())));
        return byCommune;
    }

    private static PetitionCounts counts(ResultSet rs, LocalDate from, LocalDate to,
                                         Map<String, Map<String, Long>> breakdowns) throws SQLException {
                    return new PetitionCounts(from, to,
                            rs.getLong("received"),
                            rs.getLong("carried_over"),
                            rs.getLong("accepted"),
                            rs.getLong(column(PetitionStatus.RESOLVED)),
                            rs.getLong(column(PetitionStatus.ESCALATED)),
                            rs.getLong(column(PetitionStatus.FORWARDED)),
                            rs.getLong(column(PetitionStatus.GUIDED)),
                            rs.getLong(column(PetitionStatus.REJECTED)),
                            rs.getLong(column(PetitionStatus.ARCHIVED)),
                            rs.getLong(column(PetitionStatus.WITHDRAWN)),
                            rs.getLong(column(PetitionStatus.TERMINATED)),
                            rs.getLong("succeeded"),
                            rs.getLong("failed"),
                            rs.getLong("open_at_end"),
                            rs.getLong("overdue_at_end"),
                            rs.getLong(column(Timeliness.EARLY)),
                            rs.getLong(column(Timeliness.ON_TIME)),
                            rs.getLong(column(Timeliness.LATE)),
                            breakdowns.getOrDefault("kind", Map.of()),
                            breakdowns.getOrDefault("field", Map.of()),
                            breakdowns.getOrDefault("channel", Map.of()),
                            breakdowns.getOrDefault("ward", Map.of()));
    }

    /** The petitions received, and closed, in one month (its first day) of a period. */
    public record MonthCounts(LocalDate month, long received, long closed) {
    }

    /** Each month of [from, to] that has a petition received or closed in it, in order; one statement. */
    public List<MonthCounts> byMonth(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT month, sum(r) AS received, sum(c) AS closed FROM (
                  SELECT CAST(date_trunc('month', received_on) AS date) AS month, 1 AS r, 0 AS c
                  FROM count_petition WHERE received_on BETWEEN :from AND :to
                  UNION ALL
                  SELECT CAST(date_trunc('month', closed_on) AS date), 0, 1
                  FROM count_petition WHERE closed_as IS NOT NULL AND closed_on BETWEEN :from AND :to) m
                GROUP BY month ORDER BY month
                """)
                .param("from", from)
                .param("to", to)
                .query((rs, row) -> new MonthCounts(rs.getObject("month", LocalDate.class), rs.getLong("received"),
                        rs.getLong("closed")))
                .list();
    }

    /** Petitions accepted (within the commune's jurisdiction) in [from, to], by kind. */
    public Map<String, Long> acceptedByKind(LocalDate from, LocalDate to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT kind, count(*) AS n FROM count_petition WHERE accepted_on BETWEEN :from AND :to"
                        + " GROUP BY kind ORDER BY kind")
                .param("from", from)
                .param("to", to)
                .query((rs, row) -> Map.entry(rs.getString("kind"), rs.getLong("n")))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /**
     * The petitions to handle in [from, to] counted directly (received by its end and not closed
     * before its start), to check a report's arithmetic against an independent figure.
     */
    public long toHandle(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT count(*) FROM count_petition WHERE received_on <= :to"
                        + " AND (closed_on IS NULL OR closed_on >= :from)")
                .param("from", from)
                .param("to", to)
                .query(Long.class)
                .single();
    }

    private static String column(PetitionStatus closedAs) {
        return closedAs.name().toLowerCase(Locale.ROOT);
    }

    private static String column(Timeliness timeliness) {
        return "closed_" + timeliness.name().toLowerCase(Locale.ROOT);
    }

    private static JdbcClient.StatementSpec buckets(JdbcClient.StatementSpec sql, LocalDate from, LocalDate to) {
        LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        return sql.param("from", from).param("to", to).param("next", to.plusDays(1))
                .param("fromMonth", from.withDayOfMonth(1)).param("nextMonth", to.plusDays(1).withDayOfMonth(1))
                .param("firstWhole", firstWhole);
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec sql, LocalDate from, LocalDate to,
                                                   Instant knownAt) {
        JdbcClient.StatementSpec spec = sql.param("from", from).param("to", to);
        return knownAt == null ? spec : spec.param("knownAt", OffsetDateTime.ofInstant(knownAt, ZoneOffset.UTC));
    }

    private static Map<String, Map<String, Long>> breakdowns(Array dimensions, Array keys, Array counts)
            throws SQLException {
        Map<String, Map<String, Long>> breakdowns = new LinkedHashMap<>();
        if (dimensions == null) {
            return breakdowns;
        }
        Object[] dimension = (Object[]) dimensions.getArray();
        Object[] key = (Object[]) keys.getArray();
        Object[] n = (Object[]) counts.getArray();
        for (int i = 0; i < dimension.length; i++) {
            breakdowns.computeIfAbsent((String) dimension[i], d -> new LinkedHashMap<>())
                    .put((String) key[i], ((Number) n[i]).longValue());
        }
        return breakdowns;
    }
}
