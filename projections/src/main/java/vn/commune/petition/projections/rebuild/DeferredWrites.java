package vn.commune.petition.projections.rebuild;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.SqlParameter;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The writes of a projection's handlers, held back and sent as JDBC batches: during a rebuild, and
 * for each batch of the counts processor ({@link UnitOfWorkDeferredWrites}). One statement and one
 * round trip per write made a rebuild ten times slower than reading the events.
 *
 * <p>Batching reorders statements, and it is safe because of how read models are keyed: a
 * projection's rows for an aggregate are written only by that aggregate's events (a petition's
 * rows by its own events, a session's by its own). So the writes of one aggregate keep their order,
 * and writes of different aggregates commute. Each write gets a level, its position among the
 * writes of its aggregate since the last flush; a flush runs level 0, then level 1, and so on,
 * each level as one batch per SQL statement, in the order the statements first appeared.
 *
 * <p>A write made outside an event of an aggregate (none today) is a barrier: it runs after every
 * write held back before it, and before any made after it. Projection handlers only write (a read
 * would not see what is held back), and only with named parameters, which is what is held back
 * here. Each write's parameters are turned into positional values when it is made, once per
 * statement's text; {@link #take()} hands what is held back to another thread to write, which is how
 * a rebuild reads the next events while the last ones are written.
 */
public final class DeferredWrites extends NamedParameterJdbcTemplate {

    /** A statement's positional SQL and the names of its parameters, in order; computed once per text. */
    private record Statement(String sql, String[] names) {
    }

    private static final Map<String, Statement> STATEMENTS = new ConcurrentHashMap<>();

    private final JdbcOperations sink;
    private final List<Segment> segments = new ArrayList<>();
    private Levels current;
    private final Map<String, Integer> writesByAggregate = new HashMap<>();
    private String aggregate;
    private int pending;

    public DeferredWrites(NamedParameterJdbcTemplate sink) {
        super(sink.getJdbcTemplate());
        this.sink = sink.getJdbcOperations();
    }

    /** The aggregate whose event the handlers are about to apply; null outside an aggregate's event. */
    public void handling(String aggregateIdentifier) {
        this.aggregate = aggregateIdentifier;
    }

    public int pending() {
        return pending;
    }

    @Override
    public int update(String sql, SqlParameterSource parameters) {
        Statement statement = STATEMENTS.computeIfAbsent(sql, DeferredWrites::statement);
        Object[] values = values(statement, parameters);
        if (aggregate == null) {
            segments.add(new Barrier(statement, values));
            current = null;
            writesByAggregate.clear();
        } else {
            if (current == null) {
                current = new Levels();
                segments.add(current);
            }
            int level = writesByAggregate.merge(aggregate, 1, Integer::sum) - 1;
            current.add(level, statement, new Row(values, aggregate.hashCode()));
        }
        pending++;
        // The handlers' return value is not the rows touched: nothing has run yet.
        return 1;
    }

    @Override
    public int update(String sql, Map<String, ?> parameters) {
        return update(sql, new MapSqlParameterSource(parameters));
    }

    /** Runs every write held back, in the caller's transaction if it has one. */
    public void flush() {
        take().writeTo(sink);
    }

    /** Hands over every write held back, to be written later with {@link Pending#writeTo}, and starts afresh. */
    public Pending take() {
        Pending taken = new Pending(List.copyOf(segments), pending);
        segments.clear();
        current = null;
        writesByAggregate.clear();
        pending = 0;
        return taken;
    }

    /**
     * Writes taken from a {@link DeferredWrites}, to run in order on one connection; or, when they hold
     * no write outside an aggregate, in parts by aggregate, each part on a connection of its own and
     * at the same time as the others (writes of different aggregates commute).
     */
    public static final class Pending {

        private final List<Segment> segments;
        private final int writes;

        private Pending(List<Segment> segments, int writes) {
            this.segments = segments;
            this.writes = writes;
        }

        public int writes() {
            return writes;
        }

        /** Whether these writes can be written in parts: none of them is outside an aggregate. */
        public boolean divisible() {
            return segments.stream().allMatch(Levels.class::isInstance);
        }

        public void writeTo(JdbcOperations jdbc) {
            writeTo(jdbc, 0, 1);
        }

        /** Writes part {@code part} of {@code parts}: the writes of the aggregates that fall in it. */
        public void writeTo(JdbcOperations jdbc, int part, int parts) {
            if (parts > 1 && !divisible()) {
                throw new IllegalStateException("Writes outside an aggregate cannot be written in parts");
            }
            for (Segment segment : segments) {
                segment.writeTo(jdbc, part, parts);
            }
        }
    }

    private interface Segment {
        void writeTo(JdbcOperations jdbc, int part, int parts);
    }

    /** A write's positional values, and the hash of its aggregate's identifier, which picks its part. */
    private record Row(Object[] values, int aggregate) {
        boolean in(int part, int parts) {
            return Math.floorMod(aggregate, parts) == part;
        }
    }

    /** Writes of aggregates' events, by level, each level one batch per statement. */
    private static final class Levels implements Segment {

        private final TreeMap<Integer, LinkedHashMap<Statement, List<Row>>> levels = new TreeMap<>();

        void add(int level, Statement statement, Row row) {
            levels.computeIfAbsent(level, l -> new LinkedHashMap<>())
                    .computeIfAbsent(statement, s -> new ArrayList<>())
                    .add(row);
        }

        @Override
        public void writeTo(JdbcOperations jdbc, int part, int parts) {
            for (LinkedHashMap<Statement, List<Row>> level : levels.values()) {
                level.forEach((statement, all) -> {
                    List<Row> rows = parts == 1 ? all : all.stream().filter(row -> row.in(part, parts)).toList();
                    if (rows.isEmpty()) {
                        return;
                    }
                    jdbc.batchUpdate(statement.sql(), new BatchPreparedStatementSetter() {
                        @Override
                        public void setValues(PreparedStatement ps, int i) throws SQLException {
                            bind(ps, rows.get(i).values());
                        }

                        @Override
                        public int getBatchSize() {
                            return rows.size();
                        }
                    });
                });
            }
        }
    }

    /** A write outside an aggregate's event: alone, in its place. */
    private record Barrier(Statement statement, Object[] values) implements Segment {
        @Override
        public void writeTo(JdbcOperations jdbc, int part, int parts) {
            jdbc.update(statement.sql(), ps -> bind(ps, values));
        }
    }

    /** The positional form of a statement's text, the same whatever values a call gives. */
    private static Statement statement(String sql) {
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(sql);
        String[] names = NamedParameterUtils.buildSqlParameterList(parsed, new MapSqlParameterSource()).stream()
                .map(SqlParameter::getName).toArray(String[]::new);
        // Without values, each parameter becomes one placeholder (a list would have expanded).
        return new Statement(NamedParameterUtils.substituteNamedParameters(parsed, null), names);
    }

    private static Object[] values(Statement statement, SqlParameterSource parameters) {
        String[] names = statement.names();
        Object[] values = new Object[names.length];
        Map<String, Object> map = parameters instanceof MapSqlParameterSource source ? source.getValues() : null;
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            if (map != null && map.containsKey(name)) {
                values[i] = map.get(name);
            } else if (parameters.hasValue(name)) {
                values[i] = parameters.getValue(name);
            } else {
                throw new IllegalArgumentException("No value given for the parameter " + name);
            }
            if (values[i] instanceof Iterable<?>) {
                // A list would expand into as many placeholders as it has elements: not one statement.
                throw new IllegalArgumentException("A deferred write cannot take a list parameter: " + name);
            }
            int type = parameters.getSqlType(name);
            if (type != SqlParameterSource.TYPE_UNKNOWN) {
                values[i] = new SqlParameterValue(type, parameters.getTypeName(name), values[i]);
            }
        }
        return values;
    }

    private static void bind(PreparedStatement ps, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            // What Spring does with these types, without its checks and trace logging per value;
            // anything else, nulls included, goes through Spring.
            if (value instanceof String text) {
                ps.setString(i + 1, text);
            } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean
                    || value instanceof LocalDate || value instanceof OffsetDateTime) {
                ps.setObject(i + 1, value);
            } else {
                StatementCreatorUtils.setParameterValue(ps, i + 1, SqlTypeValue.TYPE_UNKNOWN, value);
            }
        }
    }
}
