package vn.commune.petition.projections.counts;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Computes {@link PetitionCounts} for any period from the counts projection. */
@Component
public class CountsQueries {

    private final JdbcClient jdbc;

    public CountsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The counts for the period [from, to], both inclusive. */
    public PetitionCounts count(LocalDate from, LocalDate to) {
        Map<String, Object> totals = jdbc.sql("""
                SELECT
                  count(*) FILTER (WHERE received_on BETWEEN :from AND :to) AS received,
                  count(*) FILTER (WHERE received_on < :from AND (closed_on IS NULL OR closed_on >= :from)) AS carried_over,
                  count(*) FILTER (WHERE accepted_on BETWEEN :from AND :to) AS accepted,
                  count(*) FILTER (WHERE closed_as = 'RESOLVED' AND closed_on BETWEEN :from AND :to) AS resolved,
                  count(*) FILTER (WHERE closed_as = 'ESCALATED' AND closed_on BETWEEN :from AND :to) AS escalated,
                  count(*) FILTER (WHERE closed_as = 'FORWARDED' AND closed_on BETWEEN :from AND :to) AS forwarded,
                  count(*) FILTER (WHERE closed_as = 'GUIDED' AND closed_on BETWEEN :from AND :to) AS guided,
                  count(*) FILTER (WHERE closed_as = 'REJECTED' AND closed_on BETWEEN :from AND :to) AS rejected,
                  count(*) FILTER (WHERE closed_as = 'ARCHIVED' AND closed_on BETWEEN :from AND :to) AS archived,
                  count(*) FILTER (WHERE closed_as = 'WITHDRAWN' AND closed_on BETWEEN :from AND :to) AS withdrawn,
                  count(*) FILTER (WHERE received_on <= :to AND (closed_on IS NULL OR closed_on > :to)) AS open_at_end,
                  count(*) FILTER (WHERE received_on <= :to AND (closed_on IS NULL OR closed_on > :to)
                                   AND due_on < :to) AS overdue_at_end,
                  count(*) FILTER (WHERE closed_on BETWEEN :from AND :to AND closed_on < due_on) AS closed_early,
                  count(*) FILTER (WHERE closed_on BETWEEN :from AND :to AND closed_on = due_on) AS closed_on_time,
                  count(*) FILTER (WHERE closed_on BETWEEN :from AND :to AND closed_on > due_on) AS closed_late
                FROM count_petition
                """)
                .param("from", from)
                .param("to", to)
                .query()
                .singleRow();
        Map<String, Object> mediations = jdbc.sql("""
                SELECT
                  count(*) FILTER (WHERE outcome = 'SUCCEEDED') AS succeeded,
                  count(*) FILTER (WHERE outcome = 'FAILED') AS failed
                FROM count_mediation
                WHERE held_on BETWEEN :from AND :to
                """)
                .param("from", from)
                .param("to", to)
                .query()
                .singleRow();
        return new PetitionCounts(from, to,
                number(totals, "received"),
                number(totals, "carried_over"),
                number(totals, "accepted"),
                number(totals, "resolved"),
                number(totals, "escalated"),
                number(totals, "forwarded"),
                number(totals, "guided"),
                number(totals, "rejected"),
                number(totals, "archived"),
                number(totals, "withdrawn"),
                number(mediations, "succeeded"),
                number(mediations, "failed"),
                number(totals, "open_at_end"),
                number(totals, "overdue_at_end"),
                number(totals, "closed_early"),
                number(totals, "closed_on_time"),
                number(totals, "closed_late"),
                breakdown("kind", from, to),
                breakdown("field", from, to),
                breakdown("channel", from, to),
                breakdown("ward", from, to));
    }

    private Map<String, Long> breakdown(String column, LocalDate from, LocalDate to) {
        // The column name comes from this class, never from a request.
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT COALESCE(" + column + ", '') AS key, count(*) AS n FROM count_petition"
                        + " WHERE received_on BETWEEN :from AND :to GROUP BY 1 ORDER BY 2 DESC, 1")
                .param("from", from)
                .param("to", to)
                .query((rs, row) -> Map.entry(rs.getString("key"), rs.getLong("n")))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }
}
