package vn.commune.petition.projections.rebuild;

import static java.util.stream.Collectors.joining;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The rows in which two copies of a projection's tables differ, by primary key and column, never by value. */
final class Differences {

    /** At most this many differences per table are listed; all are counted. */
    static final int LISTED = 20;

    /** A difference listed, and how many its table has in all. */
    private record Found(Verification.Difference difference, long inTable) {
    }

    private Differences() {
    }

    /** Compares the tables copied into {@code live} with those rebuilt into {@code rebuilt}, row by row. */
    static Verification between(JdbcClient jdbc, ProjectionDefinition projection, String live, String rebuilt) {
        long found = 0;
        List<Verification.Difference> listed = new ArrayList<>();
        for (String table : projection.tables()) {
            List<String> keys = jdbc.sql("""
                            SELECT a.attname FROM pg_constraint c
                              JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, n) ON true
                              JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
                             WHERE c.conrelid = CAST(:table AS regclass) AND c.contype = 'p'
                             ORDER BY k.n""")
                    .param("table", "public." + table).query(String.class).list();
            if (keys.isEmpty()) {
                throw new IllegalStateException("A verified table needs a primary key: " + table);
            }
            List<String> values = jdbc.sql("""
                            SELECT attname FROM pg_attribute
                             WHERE attrelid = CAST(:table AS regclass) AND attnum > 0 AND NOT attisdropped
                             ORDER BY attnum""")
                    .param("table", "public." + table).query(String.class).stream()
                    .filter(column -> !keys.contains(column)).toList();
            String key = quote(keys.get(0));
            String sql = """
                    SELECT %s, CASE WHEN l.%s IS NULL THEN 'rebuilt' WHEN r.%s IS NULL THEN 'live' END AS only_in,
                           %s AS columns, count(*) OVER () AS found
                      FROM %s.%s l FULL JOIN %s.%s r ON %s
                     WHERE l.%s IS NULL OR r.%s IS NULL%s
                     ORDER BY %s LIMIT %d""".formatted(
                    IntStream.range(0, keys.size())
                            .mapToObj(i -> "coalesce(l.%1$s, r.%1$s) AS key_%2$d".formatted(quote(keys.get(i)), i))
                            .collect(joining(", ")),
                    key, key,
                    values.isEmpty() ? "ARRAY[]::text[]" : values.stream()
                            .map(c -> "CASE WHEN l.%1$s IS DISTINCT FROM r.%1$s THEN '%2$s' END".formatted(quote(c), c))
                            .collect(joining(", ", "array_remove(ARRAY[", "], NULL)")),
                    live, table, rebuilt, table,
                    keys.stream().map(k -> "l.%1$s = r.%1$s".formatted(quote(k))).collect(joining(" AND ")),
                    key, key,
                    values.stream().map(c -> " OR l.%1$s IS DISTINCT FROM r.%1$s".formatted(quote(c)))
                            .collect(joining()),
                    IntStream.rangeClosed(1, keys.size()).mapToObj(String::valueOf).collect(joining(", ")),
                    LISTED);
            List<Found> rows = jdbc.sql(sql).query((rs, n) -> {
                String onlyIn = rs.getString("only_in");
                Map<String, Object> rowKey = new LinkedHashMap<>();
                for (int i = 0; i < keys.size(); i++) {
                    Object value = rs.getObject("key_" + i);
                    // A day as the key's reader writes it (2024-05-10), not as a driver's Date serializes.
                    rowKey.put(keys.get(i), value instanceof java.sql.Date day ? day.toLocalDate().toString() : value);
                }
                return new Found(new Verification.Difference(table, rowKey, onlyIn,
                        onlyIn != null ? List.of() : List.of((String[]) rs.getArray("columns").getArray())),
                        rs.getLong("found"));
            }).list();
            rows.forEach(row -> listed.add(row.difference()));
            found += rows.isEmpty() ? 0 : rows.get(0).inTable();
        }
        return new Verification(found == 0 ? Verification.Status.MATCH : Verification.Status.DIFFERENT, found, listed);
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
