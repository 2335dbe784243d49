package vn.commune.petition.projections.dossier;

import java.text.Collator;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Computes the one-stop-shop table of a period, field by field, as the town's report lays it out. */
@Component
public class OneStopQueries {

    private static final Collator VIETNAMESE = Collator.getInstance(Locale.forLanguageTag("vi"));

    private final JdbcClient jdbc;

    public OneStopQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The table's lines, by field in Vietnamese alphabetical order; "Tổng số" is {@link #total}. */
    public List<OneStopRow> table(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT field,
                  count(*) FILTER (WHERE received_on BETWEEN :from AND :to) AS new_received,
                  count(*) FILTER (WHERE received_on BETWEEN :from AND :to AND channel = 'ONLINE') AS online,
                  count(*) FILTER (WHERE received_on BETWEEN :from AND :to AND channel <> 'ONLINE') AS in_person,
                  count(*) FILTER (WHERE received_on < :from AND (resolved_on IS NULL OR resolved_on >= :from)) AS carried,
                  count(*) FILTER (WHERE resolved_on BETWEEN :from AND :to) AS resolved,
                  count(*) FILTER (WHERE resolved_on BETWEEN :from AND :to AND resolved_on < due_on) AS early,
                  count(*) FILTER (WHERE resolved_on BETWEEN :from AND :to AND resolved_on = due_on) AS on_time,
                  count(*) FILTER (WHERE resolved_on BETWEEN :from AND :to AND resolved_on > due_on) AS late
                FROM one_stop_dossier
                WHERE received_on <= :to
                GROUP BY field""")
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> {
                    long fresh = rs.getLong("new_received");
                    long carried = rs.getLong("carried");
                    return new OneStopRow(rs.getString("field"), fresh + carried, rs.getLong("online"),
                            rs.getLong("in_person"), carried, rs.getLong("resolved"), rs.getLong("early"),
                            rs.getLong("on_time"), rs.getLong("late"));
                })
                .list()
                .stream()
                .filter(row -> row.received() > 0 || row.resolved() > 0)
                .sorted(Comparator.comparing(OneStopRow::field, VIETNAMESE))
                .toList();
    }

    /** The "Tổng số" line of these rows. */
    public static OneStopRow total(List<OneStopRow> rows) {
        return rows.stream().reduce(new OneStopRow("Tổng số", 0, 0, 0, 0, 0, 0, 0, 0),
                (sum, row) -> sum.plus(row));
    }
}
